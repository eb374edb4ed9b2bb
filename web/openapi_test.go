package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// examples fill the path parameters of documented routes with real values.
var examples = map[string]string{"{number}": "0301", "{indicator}": "population", "{id}": "testindikator", "{imc}": "1", "{version}": "1"}

// pathExamples overrides examples for particular routes.
var pathExamples = map[string]map[string]string{
	"/api/v1/scenarios/{id}":         {"{id}": "barnevern-palagt-samarbeid"},
	"/api/v1/scenarios/{id}/outcome": {"{id}": "barnevern-palagt-samarbeid"},
	"/api/v1/scenarios/{id}/export":  {"{id}": "barnevern-palagt-samarbeid"},
	"/api/v1/inputs/{reference}":     {"{reference}": testInputRef},
}

// queryExamples adds the required query of routes that need one.
var queryExamples = map[string]string{"/api/v1/economy/merger": "?members=1111,1112", "/api/v1/compare": "?id=forsok-haugalandet",
	"/api/v1/search/groups": "?task=ppt&task=barnevern&county=46&exempt_infeasible=1"}

// TestOpenAPI checks the served OpenAPI document against the real
// handlers: every route the server registers is documented, every
// documented route answers 200 with a documented content type, required
// response fields are present, and a bad value of each enumerated query
// parameter gets a documented 400.
func TestOpenAPI(t *testing.T) {
	r := get(t, "/api/v1/openapi.json")
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Name   string `json:"name"`
				In     string `json:"in"`
				Schema struct {
					Enum    []string `json:"enum"`
					Pattern string   `json:"pattern"`
				} `json:"schema"`
			} `json:"parameters"`
			Security  []map[string][]string `json:"security"`
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Required []string `json:"required"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(r.Body), &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v (version %q)", err, doc.OpenAPI)
	}
	for _, pattern := range srv.APIRoutes() {
		method, path, _ := strings.Cut(pattern, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not documented", pattern)
		}
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			url := path
			for k, v := range pathExamples[path] {
				url = strings.ReplaceAll(url, k, v)
			}
			for k, v := range examples {
				url = strings.ReplaceAll(url, k, v)
			}
			url += queryExamples[path]
			t.Run(method+" "+path, func(t *testing.T) {
				if method != "get" {
					// Writes are checked by TestScenarioAPI; here only
					// that the route is registered.
					if !slices.Contains(srv.APIRoutes(), strings.ToUpper(method)+" "+path) {
						t.Errorf("%s %s is documented but not served", strings.ToUpper(method), path)
					}
					return
				}
				resp := get(t, url)
				if _, doc401 := op.Responses["401"]; len(op.Security) > 0 && resp.Status == http.StatusUnauthorized {
					// The shared server has no accounts: a route that needs
					// one must refuse, and document that it does.
					if !doc401 {
						t.Errorf("GET %s needs an account but documents no 401", url)
					}
					return
				}
				ok, documented := op.Responses["200"]
				if !documented || resp.Status != http.StatusOK {
					t.Fatalf("GET %s = %d (200 documented: %v)", url, resp.Status, documented)
				}
				ctype, _, _ := strings.Cut(resp.Type, ";")
				content, ok2 := ok.Content[ctype]
				if !ok2 {
					t.Errorf("GET %s: Content-Type %s is not documented", url, ctype)
				}
				if ref := content.Schema.Ref; ref != "" {
					name := strings.TrimPrefix(ref, "#/components/schemas/")
					var body map[string]any
					if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
						t.Fatal(err)
					}
					for _, field := range doc.Components.Schemas[name].Required {
						if _, ok := body[field]; !ok {
							t.Errorf("GET %s: required field %q (schema %s) missing", url, field, name)
						}
					}
				}
				for _, p := range op.Parameters {
					if p.In == "path" && p.Schema.Pattern != "" {
						if !regexp.MustCompile(p.Schema.Pattern).MatchString(examples["{"+p.Name+"}"]) {
							t.Errorf("example for %s does not match its pattern", p.Name)
						}
					}
					if p.In != "query" || len(p.Schema.Enum) == 0 || slices.Contains(p.Schema.Enum, "bogus") {
						continue
					}
					sep := "?"
					if strings.Contains(url, "?") {
						sep = "&"
					}
					bad := get(t, url+sep+p.Name+"=bogus")
					if _, documented := op.Responses["400"]; !documented || bad.Status != http.StatusBadRequest {
						t.Errorf("GET %s?%s=bogus = %d, want a documented 400", url, p.Name, bad.Status)
					}
				}
			})
		}
	}
}
