package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"generalist"
)

// The attacks on the inputs of the support and county levers, the regions
// search, the cooperation patterns, the county tasks, the report's
// language and formats and the cache validators, tried against a real
// server and store as a hostile client: every malformed request gets a
// 4xx whose message says what is wrong (the API's JSON error), never a
// 5xx, and leaves the store as it was.

// apiError reads the API's JSON error and fails unless it has a code and
// a message.
func apiError(t *testing.T, what string, code int, body string) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Errorf("%s = %d without the API's JSON error: %.300s", what, code, body)
	}
	return e.Error.Message
}

func TestAttackLevers(t *testing.T) {
	a := newAuthServer(t)
	analyst := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	editor := addUser(t, a.db, "redaktor", generalist.UserEditor, a.editorMuni)
	tok := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, analyst, generalist.ScopeWrite)}
	edTok := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, editor, generalist.ScopeWrite)}
	session := signIn(t, a.URL, "analytiker")
	pub := newClient(t, a.URL)
	path := a.db.Path()

	// A stored scenario with both levers, for the reports.
	lever := `{"id": "levers", "name": "Spaker", "structure": 2024, "year": 2026,
		"cooperations": [{"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1111", "1112"], "host": "1111"}],
		"support": [{"name": "Støtte \"=1+1\"", "per_participant": 100000, "years": 3}],
		"county": {"abolish": true, "others": "staten"}}`
	if code, body := tok.do("POST", "/api/v1/scenarios", "application/json", lever); code != http.StatusCreated {
		t.Fatalf("store the levers' scenario = %d %s", code, body)
	}
	base := fingerprint(t, path)

	// refuse sends a request that must be refused with a 4xx (400 unless
	// want says otherwise) whose message contains each of says.
	refuse := func(c *client, method, target, ctype, body string, want int, says ...string) {
		t.Helper()
		code, resp := c.do(method, target, ctype, body)
		if want == 0 {
			want = http.StatusBadRequest
		}
		what := fmt.Sprintf("%s %.150s", method, target)
		if code != want {
			t.Errorf("%s = %d, want %d: %.300s", what, code, want, resp)
			return
		}
		msg := resp
		if strings.HasPrefix(target, "/api/") {
			msg = apiError(t, what, code, resp)
		}
		for _, s := range says {
			if !strings.Contains(msg, s) {
				t.Errorf("%s: the message %.300q does not say %q", what, msg, s)
			}
		}
	}

	t.Run("RegionsSearch", func(t *testing.T) {
		many := strings.Repeat("task=barnevern&", 10000)
		distinct := make([]string, 10000)
		for i := range distinct {
			distinct[i] = fmt.Sprintf("task=t%d", i)
		}
		for _, q := range []struct{ query, says string }{
			{"", "task"},
			{"task=", "task"},
			{"task=nope", `"nope"`},
			{"task=barnevern&task=barnevern", "twice"},
			{many, "query"}, // 10,001 parameters: Go's parser drops them all
			{strings.Join(distinct, "&"), "at most"},
			{"task=barnevern&max_km=1e308", "max_km"},
			{"task=barnevern&max_km=NaN", "max_km"},
			{"task=barnevern&max_km=-Inf", "max_km"},
			{"task=barnevern&max_km=-1", "max_km"},
			{"task=barnevern&max_km=0x10", "max_km"},
			{"task=barnevern&max_km=1", "1111"}, // no region within 1 km: names the municipalities
			{"task=barnevern&county=99", `"99"`},
			{"task=barnevern&county=3", "county"},
			{"task=barnevern&county=%C3%B8%C3%B8", "county"},
			{"task=barnevern&keep_registered=kanskje", "keep_registered"},
			{"task=barnevern&exempt_infeasible=2", "exempt_infeasible"},
			{"task=barnevern&within_county=%00", "within_county"},
			{"task=barnevern&seed=0", "seed"},
			{"task=barnevern&seed=18446744073709551616", "seed"},
			{"task=barnevern&structure=1999", "structure"},
			{"task=barnevern&year=-2026", "year"},
			{"task=barnevern&year=99999999999999999999", "year"},
			{"task=" + url.QueryEscape(strings.Repeat("ø", 5000)), "task"},
		} {
			refuse(pub, "GET", "/api/v1/search/groups?"+q.query, "", "", 0, q.says)
			// The page shows the form with the error, or the error page;
			// never a 5xx.
			if code, body := pub.do("GET", "/sok?mode=regions&"+q.query, "", ""); code >= 500 {
				t.Errorf("GET /sok?mode=regions&%.100s = %d: %.200s", q.query, code, body)
			}
		}
	})

	t.Run("UnreadableQuery", func(t *testing.T) {
		// Go's query parser drops every parameter of a query with more
		// than 10,000, and the pair it cannot unescape: answered as if
		// they were not asked, the structure or year would silently be
		// the default's. They are refused instead.
		for _, target := range []string{
			"/api/v1/municipalities?structure=2020" + strings.Repeat("&", 10000),
			"/api/v1/municipalities?structure=2020&name=%zz",
			"/api/v1/municipalities?structure=2020;year=2020",
			"/api/v1/imc/patterns?date=2024-01-01" + strings.Repeat("&x=1", 10000),
		} {
			refuse(pub, "GET", target, "", "", 0, "query")
			if code, _ := pub.do("GET", strings.Replace(target, "/api/v1/municipalities", "/kommuner", 1), "", ""); code != http.StatusBadRequest {
				t.Errorf("the page of %.80s = %d, want 400", target, code)
			}
		}
	})

	t.Run("Worded", func(t *testing.T) {
		// The refusals a reader of the pages meets are worded in the
		// page's language, not only under «Teknisk» in English.
		for _, tt := range []struct{ target, nb, en string }{
			{"/kommuner?name=%zz", "Adressen kan ikke leses", "The address cannot be read"},
			{"/sok?mode=regions&task=barnevern&max_km=langt", "Største avstand «langt» kan ikke brukes", "The largest distance «langt» cannot be used"},
			{"/sok?mode=regions&task=barnevern&county=x", "Fylket «x» finnes ikke", "The county «x» does not exist"},
			{"/sok?mode=regions&" + strings.Repeat("task=ppt&", 41) + "x=1", "Velg høyst 40 oppgaver; adressen har 41", "Choose at most 40 tasks; the address has 41"},
			{"/sok?mode=regions&task=nope", "Oppgaven «nope» finnes ikke", "The task «nope» does not exist"},
			{"/sok?mode=regions&task=ppt&task=ppt", "Oppgaven «ppt» er valgt to ganger", "The task «ppt» is chosen twice"},
			{"/sok?mode=regions&task=ppt&county=99", "Ingen kommune i 2024-strukturen ligger i fylke 99", "No municipality of the 2024 structure is in county 99"},
			{"/samarbeid/monster?date=31.02.2024", "«31.02.2024» er ikke en dato", "«31.02.2024» is not a date"},
			{"/samarbeid?active=i+går", "«i går» er ikke en dato", "«i går» is not a date"},
			{"/sok?mode=regions&task=ppt&structure=2020", "Det finnes ingen befolkningstall etter alder for", "There are no population figures by age for"},
		} {
			for lang, want := range map[string]string{"nb": tt.nb, "en": tt.en} {
				code, body := pub.do("GET", tt.target+"&lang="+lang, "", "")
				if code >= 500 || !strings.Contains(body, want) {
					t.Errorf("GET %.80s in %s = %d without %q", tt.target, lang, code, want)
				}
			}
		}
	})

	t.Run("RegionsSave", func(t *testing.T) {
		before := fingerprint(t, path)
		for name, v := range map[string]url.Values{
			"BadEscape":   {"q": {"task=%zz"}},
			"NoTask":      {"q": {"mode=regions&max_km=50"}},
			"ManyTasks":   {"q": {strings.Repeat("task=ppt&", 100)}},
			"UnknownTask": {"q": {"task=nope"}},
			"NoGraph":     {"q": {"task=ppt&structure=2019"}},
			"NaN":         {"q": {"task=ppt&max_km=NaN"}},
			"LongName":    {"q": {"task=ppt&county=18&exempt_infeasible=1"}, "name": {strings.Repeat("å", 201)}},
			"NoQ":         {},
			"NULName":     {"q": {"task=ppt&county=18&exempt_infeasible=1"}, "name": {"Regioner\x00"}}, // PostgreSQL's text cannot hold it
		} {
			code, body := session.form("/sok/regioner/scenario", v)
			if code < 400 || code >= 500 {
				t.Errorf("%s: POST /sok/regioner/scenario = %d, want a 4xx: %.200s", name, code, body)
			}
		}
		sameStore(t, "refused region saves", before, fingerprint(t, path))
	})

	t.Run("Patterns", func(t *testing.T) {
		for _, q := range []struct{ query, says string }{
			{"examples=kanskje", "examples"},
			{"date=x", "date"},
			{"date=0001-01-01", "1800"},
			{"date=9999-12-31", "2200"},
			{"date=2024-02-30", "2024-02-30"},
			{"date=31.02.2024", "31.02.2024"},
			{"date=2024-01-01T00:00:00Z", "date"},
			{"date=" + url.QueryEscape(strings.Repeat("9", 3000)), "date"},
			{"date=%E2%80%8B2024-01-01", "date"},
		} {
			refuse(pub, "GET", "/api/v1/imc/patterns?"+q.query, "", "", 0, q.says)
			if code, _ := pub.do("GET", "/samarbeid/monster?"+q.query, "", ""); code != http.StatusBadRequest {
				t.Errorf("GET /samarbeid/monster?%.80s = %d, want 400", q.query, code)
			}
		}
	})

	t.Run("CountyTasks", func(t *testing.T) {
		for _, l := range []string{"fylke", "COUNTY", "county%00", url.QueryEscape(strings.Repeat("x", 4000))} {
			refuse(pub, "GET", "/api/v1/tasks?level="+l, "", "", 0, "level")
		}
	})

	t.Run("ScenarioLevers", func(t *testing.T) {
		before := fingerprint(t, path)
		sc := func(extra string) string {
			return `{"id": "angrep", "name": "x", "structure": 2024, "year": 2026, ` + extra + `}`
		}
		for _, b := range []struct{ body, says string }{
			{sc(`"support": [{"per_cooperation": -1, "years": 3}]`), "support[0]"},
			{sc(`"support": [{"per_cooperation": 1e308, "years": 3}]`), "support[0]"},
			{sc(`"support": [{"per_cooperation": 1e309, "years": 3}]`), "support.per_cooperation"},
			{sc(`"support": [{"per_participant": "1000", "years": 3}]`), "support.per_participant"},
			{sc(`"support": [{"per_participant": 5, "years": 99999999999999999999}]`), "support.years"},
			{sc(`"support": [{"per_participant": 5, "years": 0}]`), "support[0]"},
			{sc(`"support": [{"per_participant": 5, "years": 2, "criteria": {"population_below": -1, "tasks": ["nope"], "forms": ["x"]}}]`), `"nope"`},
			{sc(`"support": [{"per_participant": 5, "years": 2, "criteria": {"population_below": 1e30}}]`), "population_below"},
			{sc(`"support": [{"per_participant": 5, "years": 2, "criteria": {"criteria": {}}}]`), "criteria"},
			{sc(`"support": {"per_participant": 5, "years": 2}`), "support"},
			{sc(`"support": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000)), "depth"},
			{sc(`"support": [{"per_participant": 5, "years": 2}], "support": []`), `"support" is given twice`},
			{sc(`"county": {"abolish": true, "others": "staten", "abolish": false}`), `"abolish" is given twice`},
			{sc(`"county": {}`), "county"},
			{sc(`"county": []`), "county"},
			{sc(`"county": {"abolish": true}`), "county"},
			{sc(`"county": {"abolish": "yes"}`), "county.abolish"},
			{sc(`"county": {"moves": [{"task": "nope", "to": "mars"}]}`), `"mars"`},
			{sc(`"county": {"moves": [{"task": "videregaende", "to": "staten"}, {"task": "videregaende", "to": "kommunene"}]}`), "videregaende"},
			{sc(`"county": {"others": "regioner", "regions": [{"name": "a", "members": ["0301", "0301", "x", "9999"]}, {"name": "", "members": []}]}`), "9999"},
			{sc(`"county": {"county": {"county": {}}}`), "county"},
			{sc(`"county": {"note": ` + strings.Repeat(`{"a": `, 20000) + "1" + strings.Repeat("}", 20000) + `}`), "depth"},
		} {
			refuse(tok, "POST", "/api/v1/evaluate", "application/json", b.body, 0, b.says)
			refuse(tok, "POST", "/api/v1/scenarios", "application/json", b.body, 0, b.says)
			refuse(tok, "PUT", "/api/v1/scenarios/levers", "application/json", strings.Replace(b.body, `"angrep"`, `"levers"`, 1), 0, b.says)
		}
		sameStore(t, "refused scenarios", before, fingerprint(t, path))
	})

	t.Run("Reports", func(t *testing.T) {
		for _, q := range []string{"format=csv-excel", "format=csv", "format=md", "format=html", "format=csv-excel&lang=en", "format=md&lang=en", "lang=xx", "lang=en&lang=nb&format=csv-excel"} {
			if code, body := session.do("GET", "/scenarier/rapport?id=levers&"+q, "", ""); code != http.StatusOK {
				t.Errorf("report %s = %d: %.200s", q, code, body)
			}
		}
		for _, q := range []string{"format=pdf", "format=CSV-EXCEL", "format=csv-excel%00", "format=" + url.QueryEscape(strings.Repeat("x", 3000))} {
			if code, body := session.do("GET", "/scenarier/rapport?id=levers&"+q, "", ""); code != http.StatusBadRequest {
				t.Errorf("report %.60s = %d, want 400: %.200s", q, code, body)
			}
		}
		for _, q := range []string{"format=pdf", "format=csv-excel&crs=4", "format=csv-exce"} {
			refuse(tok, "GET", "/api/v1/scenarios/levers/export?"+q, "", "", 0, "format")
		}
		refuse(pub, "GET", "/api/v1/inputs/export?format=excel", "", "", 0, "format")
	})

	t.Run("IfNoneMatch", func(t *testing.T) {
		target := "/api/v1/tasks?level=county"
		req, _ := http.NewRequest("GET", a.URL+target, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		tag := resp.Header.Get("ETag")
		if tag == "" {
			t.Fatal("no ETag on the county tasks")
		}
		many := make([]string, 3000)
		for i := range many {
			many[i] = fmt.Sprintf(`"x%d"`, i)
		}
		for _, h := range []struct {
			value string
			want  int
		}{
			{tag, http.StatusNotModified},
			{"W/" + tag, http.StatusNotModified},
			{`"æøå", ` + tag, http.StatusNotModified},
			{strings.Join(many, ", ") + ", " + tag, http.StatusNotModified},
			{"*", http.StatusOK},
			{"", http.StatusOK},
			{",,,,", http.StatusOK},
			{`"` + strings.Repeat("a", 60000) + `"`, http.StatusOK},
			{"W/W/" + tag, http.StatusOK},
			{tag[:5], http.StatusOK},
			{`"`, http.StatusOK},
			{"\xff\xfe" + tag, http.StatusOK},
		} {
			req, _ := http.NewRequest("GET", a.URL+target, nil)
			req.Header.Set("If-None-Match", h.value)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != h.want {
				t.Errorf("If-None-Match %.60q = %d, want %d", h.value, resp.StatusCode, h.want)
			}
		}
	})

	t.Run("IfMatch", func(t *testing.T) {
		before := fingerprint(t, path)
		code, body := edTok.do("GET", "/api/v1/imc/1", "", "")
		if code != http.StatusOK {
			t.Fatalf("GET /api/v1/imc/1 = %d", code)
		}
		var c map[string]any
		if err := json.Unmarshal([]byte(body), &c); err != nil {
			t.Fatal(err)
		}
		delete(c, "version")
		cb, _ := json.Marshal(map[string]any{"author": "x", "note": "angrep", "cooperation": c})
		for _, h := range []struct {
			value string
			want  int
		}{
			{"*", http.StatusBadRequest},
			{`"0"`, http.StatusBadRequest},
			{`"-1"`, http.StatusBadRequest},
			{`"1", "2"`, http.StatusBadRequest},
			{`"99999999999999999999"`, http.StatusBadRequest},
			{`"x"`, http.StatusBadRequest},
			{`"٣"`, http.StatusBadRequest},
			{"\xff", http.StatusBadRequest},
			{`"` + strings.Repeat("9", 60000) + `"`, http.StatusBadRequest},
			{`"999"`, http.StatusConflict}, // a version that is not the stored one
			{`W/"999-gz"`, http.StatusConflict},
		} {
			req, _ := http.NewRequest("PUT", a.URL+"/api/v1/imc/1", strings.NewReader(string(cb)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+edTok.bearer)
			req.Header.Set("If-Match", h.value)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			json.NewDecoder(resp.Body).Decode(&e)
			resp.Body.Close()
			if resp.StatusCode != h.want || e.Error.Message == "" {
				t.Errorf("If-Match %.60q = %d %q, want %d with a message", h.value, resp.StatusCode, e.Error.Message, h.want)
			}
			if len(e.Error.Message) > 500 {
				t.Errorf("If-Match %.60q: the message repeats %d bytes of the header", h.value, len(e.Error.Message))
			}
		}
		sameStore(t, "refused cooperation updates", before, fingerprint(t, path))
	})
	sameStore(t, "the attacks", base, fingerprint(t, path))
}
