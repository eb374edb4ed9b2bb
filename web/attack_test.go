package web_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // to read the test store independently of package sqlstore

	"generalist"
	"generalist/internal/testkit/sqlitefile"
)

// The attacks of issue 7, tried against a real server and store: every one
// must be refused (or, for read routes, answered without harm), never
// crash a handler (500), and leave every table exactly as it was —
// checked by hashing the SQLite file's rows through a connection of its
// own.

// injections are classic SQL injection strings, with quoting and comment
// forms of both SQLite and PostgreSQL.
var injections = []string{
	`' OR '1'='1`, `'; DROP TABLE scenarios; --`, `1; DELETE FROM users`, `" OR ""="`,
	`0301' UNION SELECT name, password_hash FROM users --`, `\'; SELECT pg_sleep(1); --`, `%' --`, `1)) OR ((1=1`,
}

// fingerprint hashes every row of every table of the SQLite file, in a
// fixed order. It reads the file through its own connection.
func fingerprint(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tb := range sqlitefile.Tables(t, path) {
		if strings.HasPrefix(tb.Name, "sqlite_") {
			continue // SQLite's own tables
		}
		lines := make([]string, len(tb.Rows))
		for i, vals := range tb.Rows {
			lines[i] = fmt.Sprintf("%q", vals)
		}
		sort.Strings(lines)
		h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		out[tb.Name] = fmt.Sprintf("%d rows %s", len(lines), hex.EncodeToString(h[:8]))
	}
	return out
}

func sameStore(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for tb, b := range before {
		if a := after[tb]; a != b {
			t.Errorf("%s changed table %s: %s → %s", what, tb, b, a)
		}
	}
}

// queryParams lists the documented query parameters of each GET path.
func queryParams(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string } `json:"parameters"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for p, ops := range doc.Paths {
		for _, prm := range ops["get"].Parameters {
			if prm.In == "query" {
				out[p] = append(out[p], prm.Name)
			}
		}
	}
	return out
}

func TestAttacks(t *testing.T) {
	a := newAuthServer(t)
	admin := addUser(t, a.db, "admin", generalist.UserAdmin, "")
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	tokenClient := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, admin, generalist.ScopeWrite)}
	session := signIn(t, a.URL, "admin")
	path := a.db.Path()
	rules := a.srv.Rules()
	var patterns []string
	for p := range rules {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	base := fingerprint(t, path)

	t.Run("SQLInjectionInQueries", func(t *testing.T) {
		params := queryParams(t)
		for _, p := range patterns {
			method, concrete := concretePath(p)
			if method != "GET" {
				continue
			}
			_, doc, _ := strings.Cut(p, " ")
			names := append(params[doc], "q", "id", "municipality", "structure")
			for _, inj := range injections {
				q := url.Values{}
				for _, n := range names {
					q.Set(n, inj)
				}
				code, body := session.do("GET", concrete+"?"+q.Encode(), "", "")
				if code >= 500 {
					t.Errorf("GET %s with injected query = %d: %.200s", concrete, code, body)
				}
				// The same string in each path wildcard.
				if strings.Contains(p, "{") && !strings.Contains(p, "{$}") {
					_, tmpl, _ := strings.Cut(p, " ")
					u := tmpl
					for strings.Contains(u, "{") {
						i, j := strings.Index(u, "{"), strings.Index(u, "}")
						u = u[:i] + url.PathEscape(inj) + u[j+1:]
					}
					if code, body := session.do("GET", u, "", ""); code >= 500 {
						t.Errorf("GET %s = %d: %.200s", u, code, body)
					}
				}
			}
		}
		sameStore(t, "injected reads", base, fingerprint(t, path))
	})

	// writes lists every state-changing route but sign-in and sign-out.
	var writes []string
	for _, p := range patterns {
		method, _ := concretePath(p)
		if method != "GET" && rules[p] != "compute" && p != "POST /logg-inn" && p != "POST /logg-ut" {
			writes = append(writes, p)
		}
	}

	t.Run("CSRFWithoutToken", func(t *testing.T) {
		before := fingerprint(t, path)
		noToken := &client{t: t, base: a.URL, http: session.http} // the session cookie, no CSRF token
		for _, p := range writes {
			method, concrete := concretePath(p)
			var code int
			if strings.HasPrefix(concrete, "/api/") {
				code, _ = noToken.do(method, concrete, "application/json", "{}")
			} else {
				code, _ = noToken.do(method, concrete, "application/x-www-form-urlencoded", "note=x")
			}
			if code != http.StatusForbidden {
				t.Errorf("%s without a CSRF token = %d, want 403", p, code)
			}
			// A forged token and a foreign Origin fail as well.
			req, _ := http.NewRequest(method, a.URL+concrete, strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", session.csrf)
			req.Header.Set("Origin", "https://evil.example")
			resp, err := session.http.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s from another origin = %d, want 403", p, resp.StatusCode)
			}
		}
		sameStore(t, "writes without a CSRF token", before, fingerprint(t, path))
	})

	t.Run("OversizedAndMalformed", func(t *testing.T) {
		before := fingerprint(t, path)
		big := `{"name": "` + strings.Repeat("x", 5<<20) + `"}`
		for _, p := range writes {
			method, concrete := concretePath(p)
			if !strings.HasPrefix(concrete, "/api/") {
				if code, _ := session.do(method, concrete, "application/x-www-form-urlencoded", "note="+strings.Repeat("x", 5<<20)); code != http.StatusRequestEntityTooLarge {
					t.Errorf("%s with a 5 MiB form = %d, want 413", p, code)
				}
				continue
			}
			if code, _ := tokenClient.do(method, concrete, "application/json", big); code != http.StatusRequestEntityTooLarge {
				t.Errorf("%s with a 5 MiB body = %d, want 413", p, code)
			}
			if method == "DELETE" {
				continue // a DELETE reads no body
			}
			for _, bad := range []string{`{"`, `[1,2`, `{"name": "x"}}`, "\x00\xff", `{"id": "x", "name": 5}`} {
				if code, body := tokenClient.do(method, concrete, "application/json", bad); code != http.StatusBadRequest && code != http.StatusNotFound && code != http.StatusConflict {
					t.Errorf("%s with malformed JSON %q = %d, want 400: %.200s", p, bad, code, body)
				}
			}
		}
		sameStore(t, "oversized and malformed bodies", before, fingerprint(t, path))
	})

	t.Run("InjectionInTextFields", func(t *testing.T) {
		// Text fields take injection strings as plain text: a scenario
		// whose name and author are injections is stored and read back
		// exactly, and no other table changes but the audit log.
		before := fingerprint(t, path)
		for i, inj := range injections {
			sc, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("inj-%d", i), "name": inj, "author": inj, "description": inj, "structure": 2024, "year": 2026})
			code, body := tokenClient.do("POST", "/api/v1/scenarios", "application/json", string(sc))
			if code != http.StatusCreated {
				t.Fatalf("scenario with injected text = %d %s", code, body)
			}
			code, body = tokenClient.do("GET", fmt.Sprintf("/api/v1/scenarios/inj-%d", i), "", "")
			var got struct{ Name, Author string }
			json.Unmarshal([]byte(body), &got)
			if code != 200 || got.Name != inj || got.Author != inj {
				t.Errorf("injected text came back as %q / %q", got.Name, got.Author)
			}
			// An id made of an injection is refused.
			bad, _ := json.Marshal(map[string]any{"id": inj, "name": "x", "structure": 2024, "year": 2026})
			if code, _ := tokenClient.do("POST", "/api/v1/scenarios", "application/json", string(bad)); code != http.StatusBadRequest {
				t.Errorf("scenario id %q = %d, want 400", inj, code)
			}
			// Sign-in with an injected name fails like any wrong name.
			pub := newClient(t, a.URL)
			if code, _ := pub.form("/logg-inn", url.Values{"name": {inj}, "password": {inj + " long enough"}}); code != http.StatusUnauthorized {
				t.Errorf("sign-in as %q = %d, want 401", inj, code)
			}
		}
		after := fingerprint(t, path)
		for tb := range before {
			switch tb {
			case "scenarios", "audit_log", "login_attempts", "sessions",
				"data_version", "data_changes": // a stored scenario moves the data version
				continue
			}
			if before[tb] != after[tb] {
				t.Errorf("table %s changed: %s → %s", tb, before[tb], after[tb])
			}
		}
		if n := countRows(t, path, "users"); n != 2 {
			t.Errorf("users = %d after the injections, want the 2 made here", n)
		}
	})

	t.Run("PathTraversal", func(t *testing.T) {
		for _, p := range []string{"/static/../../go.mod", "/static/..%2f..%2fgo.mod", "/static/%2e%2e/%2e%2e/go.mod",
			"/static/app/..%2f..%2f..%2fserver.go", "/static//etc/passwd", "/static/app/%00.css", "/kommune/..%2f..%2fetc%2fpasswd"} {
			code, body := session.do("GET", p, "", "")
			if code == http.StatusOK && (strings.Contains(body, "module generalist") || strings.Contains(body, "root:") || strings.Contains(body, "package web")) {
				t.Errorf("GET %s served a file outside the static tree", p)
			}
			if code >= 500 {
				t.Errorf("GET %s = %d", p, code)
			}
		}
	})
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM "` + table + `"`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
