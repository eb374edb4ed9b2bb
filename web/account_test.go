package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/imc"
	"generalist/sqlite"
	"generalist/web"
)

// testPassword is every test user's password.
const testPassword = "correct horse battery staple"

// fastParams keep argon2id cheap in tests; the format is the same.
var fastParams = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// authServer is a real listening server on its own SQLite file with
// accounts, the audit log, the registry examples and the scenario store.
type authServer struct {
	*httptest.Server
	srv *web.Server
	db  *sqlite.DB
	// editorMuni is a municipality that takes part in cooperation 1.
	editorMuni generalist.MunicipalityNumber
}

// openRegistryStore opens an SQLite store at path with the reference data
// and the registry's example cooperations, closed when the test ends.
func openRegistryStore(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db := openLoaded(tb, path)
	cs, err := imc.Examples()
	if err != nil {
		tb.Fatal(err)
	}
	if _, _, err := db.ImportIMCs(context.Background(), cs, generalist.IMCEdit{Author: "test"}, false); err != nil {
		tb.Fatal(err)
	}
	return db
}

func newAuthServer(t *testing.T, options ...func(*web.Config)) *authServer {
	t.Helper()
	ctx := context.Background()
	db := openRegistryStore(t, filepath.Join(t.TempDir(), "auth.db"))
	cfg := web.Config{App: app.New(db)}
	for _, o := range options {
		o(&cfg)
	}
	srv, err := web.NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	first, err := db.IMC(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	a := &authServer{Server: ts, srv: srv, db: db}
	for _, p := range first.Participants {
		if len(p.Number) == 4 {
			a.editorMuni = generalist.MunicipalityNumber(p.Number)
			break
		}
	}
	if a.editorMuni == "" {
		t.Fatal("cooperation 1 has no municipality")
	}
	return a
}

// addUser stores an account with testPassword.
func addUser(t *testing.T, db generalist.UserStore, name string, role generalist.UserRole, muni generalist.MunicipalityNumber) *generalist.User {
	t.Helper()
	h, err := auth.HashPassword(testPassword, fastParams)
	if err != nil {
		t.Fatal(err)
	}
	u := &generalist.User{Name: name, Role: role, Municipality: muni, PasswordHash: h}
	if err := db.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

// client is a browser-like HTTP client: a cookie jar, no redirects
// followed, and the CSRF token its forms carry.
type client struct {
	t    *testing.T
	base string
	http *http.Client
	csrf string
	// bearer, when set, is sent as an API token instead of cookies.
	bearer string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([A-Za-z0-9_-]+)"`)

func newClient(t *testing.T, base string) *client {
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: base, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	_, body := c.do("GET", "/logg-inn", "", "")
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the sign-in page has no CSRF field")
	}
	c.csrf = m[1]
	return c
}

// signIn signs in through the form and takes the session's CSRF token
// from the account page.
func signIn(t *testing.T, base, name string) *client {
	t.Helper()
	c := newClient(t, base)
	code, _ := c.form("/logg-inn", url.Values{"name": {name}, "password": {testPassword}, "neste": {"/konto"}})
	if code != http.StatusSeeOther {
		t.Fatalf("sign in as %s = %d, want 303", name, code)
	}
	code, body := c.do("GET", "/konto", "", "")
	m := csrfField.FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		t.Fatalf("account page after sign-in = %d, no CSRF field", code)
	}
	c.csrf = m[1]
	return c
}

// do sends a request; a body is sent with ctype. Session clients send the
// CSRF header with JSON writes, as the site's scripts do.
func (c *client) do(method, path, ctype, body string) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	} else if c.csrf != "" && method != "GET" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther || resp.StatusCode == http.StatusFound {
		return resp.StatusCode, resp.Header.Get("Location")
	}
	return resp.StatusCode, string(b)
}

// form posts a form with the client's CSRF token.
func (c *client) form(path string, v url.Values) (int, string) {
	c.t.Helper()
	v = maps.Clone(v)
	if v.Get("csrf") == "" && c.csrf != "" {
		v.Set("csrf", c.csrf)
	}
	return c.do("POST", path, "application/x-www-form-urlencoded", v.Encode())
}

// makeToken stores an API token for a user and returns its secret.
func makeToken(t *testing.T, db generalist.UserStore, u *generalist.User, scope string) string {
	t.Helper()
	secret, prefix := auth.NewToken()
	if err := db.CreateToken(context.Background(), &generalist.APIToken{UserID: u.ID, Name: "test", Scope: scope, Hash: auth.HashSecret(secret), Prefix: prefix}); err != nil {
		t.Fatal(err)
	}
	return secret
}

// wantRules is the authorization table every route must appear in: adding
// a route without a row here fails TestAuthorizationMatrix, so each new
// route gets a deliberate rule.
var wantRules = map[string]string{
	"GET /{$}":                                                   "public",
	"GET /kommuner":                                              "public",
	"GET /kommune/{number}":                                      "public",
	"GET /sammenlign":                                            "public",
	"GET /kart":                                                  "public",
	"GET /oppgaver":                                              "public",
	"POST /oppgaver/endring":                                     "analyst",
	"GET /kapasitet":                                             "public",
	"GET /analyse":                                               "public",
	"GET /scenarier":                                             "public",
	"GET /scenarier/sammenlign":                                  "public",
	"GET /scenarier/sammenlign/kart":                             "public",
	"GET /scenarier/rapport":                                     "public",
	"GET /scenarier/ny":                                          "public",
	"POST /scenarier/ny/beregn":                                  "compute",
	"GET /okonomi":                                               "public",
	"GET /om":                                                    "public",
	"GET /tilgjengelighet":                                       "public",
	"GET /ordliste":                                              "public",
	"GET /sok":                                                   "public",
	"GET /static/":                                               "public",
	"GET /logg-inn":                                              "public",
	"POST /logg-inn":                                             "public",
	"POST /logg-ut":                                              "signed-in",
	"GET /konto":                                                 "signed-in",
	"GET /admin":                                                 "admin",
	"GET /api/stats":                                             "public",
	"GET /healthz":                                               "public",
	"GET /readyz":                                                "public",
	"GET /samarbeid":                                             "public",
	"GET /samarbeid/lovkrav":                                     "public",
	"GET /samarbeid/monster":                                     "public",
	"GET /samarbeid/ny":                                          "public",
	"POST /samarbeid/utkast":                                     "compute",
	"POST /samarbeid":                                            "editor",
	"GET /kommune/{number}/samarbeid":                            "public",
	"GET /samarbeid/{imc}":                                       "public",
	"POST /samarbeid/{imc}":                                      "editor",
	"GET /samarbeid/{imc}/endre":                                 "editor",
	"POST /samarbeid/{imc}/slett":                                "editor",
	"GET /samarbeid/{imc}/historikk":                             "public",
	"GET /samarbeid/{imc}/versjon/{version}":                     "public",
	"GET /samarbeid/{imc}/avtale":                                "public",
	"GET /samarbeid/{imc}/kostnader":                             "public",
	"GET /samarbeid/{imc}/uttreden":                              "public",
	"GET /samarbeid/{imc}/prosess":                               "public",
	"POST /samarbeid/{imc}/prosess":                              "editor",
	"GET /samarbeid/mal.csv":                                     "public",
	"GET /samarbeid/importer":                                    "signed-in",
	"POST /samarbeid/importer":                                   "signed-in",
	"POST /api/v1/imc/import":                                    "signed-in",
	"GET /api/v1/municipalities":                                 "public",
	"GET /api/v1/municipalities/{number}":                        "public",
	"GET /api/v1/municipalities/{number}/population":             "public",
	"GET /api/v1/stats":                                          "public",
	"GET /api/v1/nordic":                                         "public",
	"GET /api/v1/indicators":                                     "public",
	"GET /api/v1/indicators/{id}":                                "public",
	"GET /api/v1/maps/{indicator}":                               "public",
	"GET /api/v1/graph":                                          "public",
	"GET /api/v1/tasks":                                          "public",
	"GET /api/v1/analysis":                                       "public",
	"GET /api/v1/scenarios":                                      "public",
	"POST /api/v1/scenarios":                                     "analyst",
	"GET /api/v1/scenarios/{id}":                                 "public",
	"PUT /api/v1/scenarios/{id}":                                 "analyst",
	"DELETE /api/v1/scenarios/{id}":                              "analyst",
	"POST /scenarier/slett":                                      "analyst",
	"POST /sok/scenario":                                         "analyst",
	"POST /sok/regioner/scenario":                                "analyst",
	"GET /api/v1/scenarios/{id}/outcome":                         "public",
	"GET /api/v1/scenarios/{id}/export":                          "public",
	"POST /api/v1/scenarios/import":                              "analyst",
	"PUT /api/v1/scenarios/{id}/publication":                     "analyst",
	"DELETE /api/v1/scenarios/{id}/publication":                  "analyst",
	"GET /scenarier/importer":                                    "analyst",
	"POST /scenarier/importer":                                   "analyst",
	"POST /scenarier/publisering":                                "analyst",
	"GET /api/v1/compare":                                        "public",
	"POST /api/v1/evaluate":                                      "compute",
	"GET /api/v1/capacity":                                       "public",
	"GET /api/v1/capacity/observed":                              "public",
	"GET /api/v1/municipalities/{number}/capacity":               "public",
	"GET /api/v1/search":                                         "public",
	"GET /api/v1/search/ensemble":                                "public",
	"GET /api/v1/search/groups":                                  "public",
	"GET /api/v1/economy/municipalities/{number}":                "public",
	"GET /api/v1/economy/merger":                                 "public",
	"GET /api/v1/economy/parameters":                             "public",
	"GET /api/v1/economy/check":                                  "public",
	"GET /api/v1/imc":                                            "public",
	"POST /api/v1/imc":                                           "editor",
	"GET /api/v1/imc/requirements":                               "public",
	"GET /api/v1/imc/overview":                                   "public",
	"GET /api/v1/imc/patterns":                                   "public",
	"GET /api/v1/imc/export":                                     "public",
	"POST /api/v1/imc/check":                                     "compute",
	"GET /api/v1/imc/{imc}":                                      "public",
	"PUT /api/v1/imc/{imc}":                                      "editor",
	"DELETE /api/v1/imc/{imc}":                                   "editor",
	"GET /api/v1/imc/{imc}/history":                              "public",
	"GET /api/v1/imc/{imc}/versions/{version}":                   "public",
	"GET /api/v1/imc/{imc}/check":                                "public",
	"GET /api/v1/imc/{imc}/agreement":                            "public",
	"GET /api/v1/imc/{imc}/costs":                                "public",
	"GET /api/v1/imc/{imc}/exit":                                 "public",
	"GET /api/v1/imc/{imc}/process":                              "public",
	"GET /api/v1/municipalities/{number}/imc":                    "public",
	"GET /api/v1/openapi.json":                                   "public",
	"GET /innspill":                                              "public",
	"GET /innspill/ny":                                           "public",
	"POST /innspill/ny":                                          "public",
	"GET /innspill/kvittering":                                   "public",
	"GET /innspill/kvittering/{ref}":                             "public",
	"POST /innspill/kvittering/{ref}/trekk":                      "public",
	"GET /innspill/{id}":                                         "public",
	"GET /innspill/moderering":                                   "analyst",
	"GET /innspill/moderering/{id}":                              "analyst",
	"POST /innspill/moderering/{id}":                             "analyst",
	"POST /innspill/moderering/{id}/sammenslaing":                "analyst",
	"POST /innspill/moderering/{id}/sletting":                    "analyst",
	"POST /innspill/moderering/{id}/scenario":                    "analyst",
	"GET /innspill/moderering/{id}/vedlegg":                      "analyst",
	"GET /api/v1/inputs":                                         "public",
	"POST /api/v1/inputs":                                        "public",
	"GET /api/v1/inputs/vocabulary":                              "public",
	"GET /api/v1/inputs/counts":                                  "public",
	"GET /api/v1/inputs/export":                                  "public",
	"GET /api/v1/inputs/{reference}":                             "public",
	"POST /api/v1/inputs/{reference}/withdraw":                   "public",
	"GET /api/v1/moderation/inputs":                              "analyst",
	"GET /api/v1/moderation/inputs/{id}":                         "analyst",
	"POST /api/v1/moderation/inputs/{id}":                        "analyst",
	"POST /api/v1/moderation/inputs/{id}/merge":                  "analyst",
	"POST /api/v1/moderation/inputs/{id}/erase":                  "analyst",
	"PUT /api/v1/moderation/inputs/{id}/scenarios/{scenario}":    "analyst",
	"DELETE /api/v1/moderation/inputs/{id}/scenarios/{scenario}": "analyst",
	"GET /api/v1/me":                                             "signed-in",
	"GET /api/v1/audit":                                          "admin",
	"POST /api/v1/jobs":                                          "analyst",
	"GET /api/v1/jobs":                                           "analyst",
	"GET /api/v1/jobs/{id}":                                      "analyst",
	"POST /api/v1/jobs/{id}/cancel":                              "analyst",
	"GET /jobber":                                                "analyst",
	"POST /jobber":                                               "analyst",
	"GET /jobber/{id}":                                           "analyst",
	"POST /jobber/{id}/avbryt":                                   "analyst",
}

// pathValues fill a pattern's wildcards with values that exist.
var pathValues = map[string]string{"{number}": "0301", "{id}": "kommunereformen-2020", "{imc}": "1", "{version}": "1", "{indicator}": "population",
	"{ref}": "INN-UNKNOWN", "{reference}": "INN-UNKNOWN", "{scenario}": "kommunereformen-2020"}

func concretePath(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	path = strings.TrimSuffix(path, "{$}")
	for k, v := range pathValues {
		path = strings.ReplaceAll(path, k, v)
	}
	switch path {
	case "/static/":
		path = "/static/app/app.css"
	case "/api/":
		path = "/api/nosuch"
	}
	return method, path
}

// allowedFor mirrors the rule table: which viewers each rule admits.
var allowedFor = map[string]map[string]bool{
	"public":    {"public": true, "editor": true, "analyst": true, "admin": true},
	"compute":   {"public": true, "editor": true, "analyst": true, "admin": true},
	"signed-in": {"editor": true, "analyst": true, "admin": true},
	"editor":    {"editor": true, "admin": true},
	"analyst":   {"analyst": true, "admin": true},
	"admin":     {"admin": true},
}

// TestAuthorizationMatrix calls every route as every kind of viewer and
// checks it is let through or refused as its rule says. A refusal is 401
// or 403 (API, posts) or a redirect to the sign-in page (pages); being let
// through is any other answer (a 400 for an empty body is fine: the rule
// let the request reach the handler).
func TestAuthorizationMatrix(t *testing.T) {
	a := newAuthServer(t)
	got := a.srv.Rules()
	for p, r := range got {
		if w, ok := wantRules[p]; !ok {
			t.Errorf("route %q (rule %s) is not in the authorization table wantRules: add it with its rule", p, r)
		} else if w != r {
			t.Errorf("route %q has rule %s, the table says %s", p, r, w)
		}
	}
	for p := range wantRules {
		if _, ok := got[p]; !ok {
			t.Errorf("the table has route %q, which the server does not register", p)
		}
	}
	// Every route has a cache policy beside its rule (cacheOf, authz.go),
	// and only a route anyone may read can be public.
	for p, pol := range a.srv.CachePolicies() {
		if pol == "none" {
			t.Errorf("route %q has no cache policy: add it to cacheOf in authz.go", p)
		} else if pol == "public" && got[p] != "public" {
			t.Errorf("route %q needs a %s account and has the public cache policy", p, got[p])
		}
	}
	users := map[string]*generalist.User{
		"editor":  addUser(t, a.db, "redaktor", generalist.UserEditor, a.editorMuni),
		"analyst": addUser(t, a.db, "analytiker", generalist.UserAnalyst, ""),
		"admin":   addUser(t, a.db, "admin", generalist.UserAdmin, ""),
	}
	viewers := map[string]*client{"public": newClient(t, a.URL)}
	for role, u := range users {
		viewers[role] = signIn(t, a.URL, u.Name)
	}
	rt := &client{t: t, base: a.URL, http: viewers["public"].http, bearer: makeToken(t, a.db, users["analyst"], generalist.ScopeRead)}
	viewers["readtoken"] = rt
	// Sign-out ends the session the later rows need, so it goes last.
	var patterns []string
	for p := range wantRules {
		if p != "POST /logg-ut" {
			patterns = append(patterns, p)
		}
	}
	patterns = append(patterns, "POST /logg-ut")
	for _, p := range patterns {
		method, path := concretePath(p)
		for name, c := range viewers {
			allowed := allowedFor[wantRules[p]][name]
			if name == "readtoken" {
				// An analyst's read token: what the analyst may, but no writes.
				allowed = allowedFor[wantRules[p]]["analyst"] && (method == "GET" || wantRules[p] == "compute")
			}
			var code int
			var body string
			switch {
			case method == "GET":
				code, body = c.do(method, path, "", "")
			case strings.HasPrefix(path, "/api/"):
				code, body = c.do(method, path, "application/json", "{}")
			default:
				code, body = c.form(path, url.Values{})
			}
			refused := code == http.StatusUnauthorized || code == http.StatusForbidden ||
				code == http.StatusSeeOther && strings.HasPrefix(body, "/logg-inn")
			if p == "POST /logg-inn" && code == http.StatusUnauthorized {
				refused = false // a wrong password is the handler's answer, not the rule's
			}
			if refused == allowed {
				t.Errorf("%s %s as %s: status %d (%.80s); the rule %s should %s", method, path, name, code, body, wantRules[p],
					map[bool]string{true: "allow it", false: "refuse it"}[allowed])
			}
		}
	}
}

// TestEditorMunicipality: a municipality editor changes only the
// cooperations its municipality takes part in; the refused change leaves
// the store as it was.
func TestEditorMunicipality(t *testing.T) {
	a := newAuthServer(t)
	ctx := context.Background()
	addUser(t, a.db, "redaktor", generalist.UserEditor, a.editorMuni)
	c := signIn(t, a.URL, "redaktor")
	all, err := a.db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var own, other *generalist.IMC
	for i := range all {
		in := false
		for _, p := range all[i].Participants {
			in = in || p.Number == string(a.editorMuni)
		}
		if in && own == nil {
			own = &all[i]
		} else if !in && other == nil {
			other = &all[i]
		}
	}
	if own == nil || other == nil {
		t.Fatal("the examples need a cooperation with and one without the editor's municipality")
	}
	put := func(x *generalist.IMC, note string) (int, string) {
		x.Name += " (endret)"
		b, _ := json.Marshal(map[string]any{"note": note, "cooperation": x})
		return c.do("PUT", "/api/v1/imc/"+itoa(x.ID), "application/json", string(b))
	}
	before, _ := a.db.IMCHistory(ctx, other.ID)
	o := *other
	if code, body := put(&o, "forsøk"); code != http.StatusForbidden {
		t.Errorf("editor changing another municipality's cooperation = %d %s, want 403", code, body)
	}
	after, _ := a.db.IMCHistory(ctx, other.ID)
	if len(after) != len(before) {
		t.Errorf("the refused change was stored: %d revisions, were %d", len(after), len(before))
	}
	own2 := *own
	if code, body := put(&own2, "lovlig endring"); code != http.StatusOK {
		t.Errorf("editor changing its own cooperation = %d %s, want 200", code, body)
	}
	// Taking its own municipality out of a cooperation would let it then
	// edit one it is not in: also refused.
	cur, _ := a.db.IMC(ctx, own.ID)
	var rest []generalist.IMCParticipant
	for _, p := range cur.Participants {
		if p.Number != string(a.editorMuni) {
			rest = append(rest, p)
		}
	}
	cur.Participants = rest
	if code, _ := put(cur, "fjern meg"); code != http.StatusForbidden {
		t.Errorf("editor removing its municipality = %d, want 403", code)
	}
	// The audit log names the editor for the change that went through.
	es, err := a.db.Audit(ctx, generalist.AuditFilter{User: "redaktor"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range es {
		found = found || e.Action == "PUT /api/v1/imc/{imc}" && e.Target == "/api/v1/imc/"+itoa(own.ID) && e.Remote == "127.0.0.1"
	}
	if !found {
		t.Errorf("no audit entry for the editor's change: %+v", es)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestSessionSecurity: cookies are HttpOnly and SameSite, a session id
// chosen before sign-in is replaced (no fixation), sign-out ends the
// session on the server, and a disabled user's session stops working.
func TestSessionSecurity(t *testing.T) {
	a := newAuthServer(t)
	u := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := newClient(t, a.URL)
	base, _ := url.Parse(a.URL)
	planted := "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" // 43 characters, like a real one
	c.http.Jar.SetCookies(base, []*http.Cookie{{Name: "generalist_session", Value: planted, Path: "/"}})
	req, _ := http.NewRequest("POST", a.URL+"/logg-inn", strings.NewReader(url.Values{"csrf": {c.csrf}, "name": {"analytiker"}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var sess *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "generalist_session" {
			sess = ck
		}
	}
	if sess == nil || sess.Value == planted || len(sess.Value) != 43 {
		t.Fatalf("sign-in kept the planted session id or set none: %+v", sess)
	}
	if !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie flags: HttpOnly %v SameSite %v", sess.HttpOnly, sess.SameSite)
	}
	// The planted id does not authenticate.
	attacker := newClient(t, a.URL)
	attacker.http.Jar.SetCookies(base, []*http.Cookie{{Name: "generalist_session", Value: planted, Path: "/"}})
	if code, _ := attacker.do("GET", "/konto", "", ""); code != http.StatusSeeOther {
		t.Errorf("the planted session id opened the account page: %d", code)
	}
	// The stored session is keyed by a hash, not the cookie value.
	if _, err := a.db.Session(context.Background(), sess.Value, time.Now()); err == nil {
		t.Error("the store finds a session by the raw cookie value: it must keep only the hash")
	}
	if _, err := a.db.Session(context.Background(), auth.HashSecret(sess.Value), time.Now()); err != nil {
		t.Errorf("the store has no session under the cookie's hash: %v", err)
	}
	// Disabling the user ends the session.
	code, _ := c.do("GET", "/konto", "", "")
	if code != http.StatusOK {
		t.Fatalf("account page = %d", code)
	}
	u.Disabled = true
	if err := a.db.UpdateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.do("GET", "/konto", "", ""); code != http.StatusSeeOther {
		t.Errorf("a disabled user's session still works: %d", code)
	}
}

// TestLoginThrottle: after the free failures a name is locked even with
// the right password, and wrong passwords and unknown names answer alike.
func TestLoginThrottle(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := newClient(t, a.URL)
	_, unknown := c.form("/logg-inn", url.Values{"name": {"finnesikke"}, "password": {"wrong password x"}})
	_, wrong := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {"wrong password x"}})
	strip := func(s string) string { return regexp.MustCompile(`value="[^"]*"`).ReplaceAllString(s, "") }
	if strip(unknown) != strip(wrong) {
		t.Error("an unknown name and a wrong password give different pages: the form tells which names exist")
	}
	for range 5 {
		c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {"wrong password x"}})
	}
	code, _ := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {testPassword}})
	if code != http.StatusTooManyRequests {
		t.Errorf("sign-in with the right password after 6 failures = %d, want 429 (locked)", code)
	}
}

// TestTokens: a read token reads but cannot write; a revoked or malformed
// token is refused with 401 rather than served as the public.
func TestTokens(t *testing.T) {
	a := newAuthServer(t)
	u := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	read := makeToken(t, a.db, u, generalist.ScopeRead)
	write := makeToken(t, a.db, u, generalist.ScopeWrite)
	c := &client{t: t, base: a.URL, http: http.DefaultClient}
	sc := `{"id": "token-test", "name": "Token", "structure": 2024, "year": 2026}`
	c.bearer = read
	if code, body := c.do("GET", "/api/v1/me", "", ""); code != http.StatusOK || !strings.Contains(body, `"analytiker"`) {
		t.Errorf("me with a read token = %d %s", code, body)
	}
	if code, _ := c.do("POST", "/api/v1/scenarios", "application/json", sc); code != http.StatusForbidden {
		t.Errorf("write with a read token = %d, want 403", code)
	}
	c.bearer = write
	if code, body := c.do("POST", "/api/v1/scenarios", "application/json", sc); code != http.StatusCreated {
		t.Errorf("write with a write token = %d %s, want 201", code, body)
	}
	ts, _ := a.db.Tokens(context.Background(), u.ID)
	for _, tk := range ts {
		if err := a.db.RevokeToken(context.Background(), tk.ID); err != nil {
			t.Fatal(err)
		}
	}
	if code, _ := c.do("GET", "/api/v1/me", "", ""); code != http.StatusUnauthorized {
		t.Errorf("revoked token = %d, want 401", code)
	}
	c.bearer = "gen_not-a-token"
	if code, _ := c.do("GET", "/api/v1/stats", "", ""); code != http.StatusUnauthorized {
		t.Errorf("malformed token = %d, want 401", code)
	}
}

// TestSecurityHeaders checks the headers of a page and the server's
// request id.
func TestSecurityHeaders(t *testing.T) {
	a := newAuthServer(t)
	resp, err := http.Get(a.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	h := resp.Header
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline script or style: %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || len(h.Get("X-Request-Id")) != 16 {
		t.Errorf("headers: %v", h)
	}
	// A client's own request id is not believed; a load balancer's is
	// (with TrustProxy), if well-formed.
	req, _ := http.NewRequest("GET", a.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "lb-abc.123")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got == "lb-abc.123" {
		t.Error("a client's request id was believed without TrustProxy")
	}
	behind, err := web.NewServer(web.Config{App: app.New(a.db), TrustProxy: true})
	if err != nil {
		t.Fatal(err)
	}
	proxied := httptest.NewServer(behind)
	defer proxied.Close()
	req, _ = http.NewRequest("GET", proxied.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "lb-abc.123")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got != "lb-abc.123" {
		t.Errorf("a load balancer's request id is not kept: %q", got)
	}
	req.Header.Set("X-Request-Id", "evil\" injected=1")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); strings.Contains(got, "evil") {
		t.Errorf("a malformed request id was kept: %q", got)
	}
}

// TestSecureCookies: behind TLS (here a TLS test server; with TrustProxy,
// a proxy's X-Forwarded-Proto) the session and CSRF cookies are Secure.
func TestSecureCookies(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	tls := httptest.NewTLSServer(a.srv)
	defer tls.Close()
	hc := tls.Client()
	resp, err := hc.Get(tls.URL + "/logg-inn")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var anon *http.Cookie
	for _, c := range resp.Cookies() {
		anon = c
	}
	if anon == nil || !anon.Secure || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Fatalf("over TLS the CSRF cookie is %+v and HSTS %q", anon, resp.Header.Get("Strict-Transport-Security"))
	}
	tok := csrfField.FindStringSubmatch(string(b))[1]
	req, _ := http.NewRequest("POST", tls.URL+"/logg-inn", strings.NewReader(url.Values{"csrf": {tok}, "name": {"analytiker"}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(anon)
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err = hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "generalist_session" && !c.Secure {
			t.Error("the session cookie over TLS is not Secure")
		}
	}
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("sign-in over TLS = %d", resp.StatusCode)
	}
}

// TestSignInRedirect: after signing in, only a local path is followed;
// anything a browser could read as another site goes to /konto.
func TestSignInRedirect(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	for next, want := range map[string]string{
		"/kapasitet?structure=2024": "/kapasitet?structure=2024",
		"//evil.example/x":          "/konto",
		"/\t/evil.example/x":        "/konto",
		"/\\evil.example":           "/konto",
		"https://evil.example/":     "/konto",
		"/%0d%0aSet-Cookie:x=y":     "/%0d%0aSet-Cookie:x=y", // escaped: a harmless local path
		"javascript:alert(1)":       "/konto",
		"":                          "/konto",
	} {
		c := newClient(t, a.URL)
		code, loc := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {testPassword}, "neste": {next}})
		if code != http.StatusSeeOther || loc != want {
			t.Errorf("neste=%q: %d → %q, want %q", next, code, loc, want)
		}
	}
}

// TestParallelGuesses: parallel wrong passwords for one name cannot all
// slip under the throttle: after the free failures the rest are locked.
func TestParallelGuesses(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	const n = 16
	codes := make(chan int, n)
	for i := range n {
		go func() {
			c := newClient(t, a.URL)
			code, _ := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {fmt.Sprintf("wrong password %d", i)}})
			codes <- code
		}()
	}
	locked := 0
	for range n {
		if <-codes == http.StatusTooManyRequests {
			locked++
		}
	}
	if locked < n-5 {
		t.Errorf("%d of %d parallel guesses were locked; at most 5 may be tried", locked, n)
	}
}

// TestPasswordChangeEndsSessions: a new password (as after a compromise)
// ends the sessions made with the old one.
func TestPasswordChangeEndsSessions(t *testing.T) {
	a := newAuthServer(t)
	u := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")
	h, err := auth.HashPassword("a brand new long password", fastParams)
	if err != nil {
		t.Fatal(err)
	}
	u.PasswordHash = h
	if err := a.db.UpdateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.do("GET", "/konto", "", ""); code != http.StatusSeeOther {
		t.Errorf("the old session after a password change = %d, want a redirect to sign in", code)
	}
}

// TestAuditKeepsNoSecrets: the public's innspill is audited without its
// address (personal data the append-only log could never erase), and the
// receipt reference — the secret that lets its holder withdraw — appears
// neither in the audit log nor as a target.
func TestAuditKeepsNoSecrets(t *testing.T) {
	a := newAuthServer(t)
	pub := newClient(t, a.URL)
	body := `{"kind":"challenge","title":"Rekruttering","text":"Vi får ikke tak i sykepleiere til hjemmetjenesten i vinter.","sender_type":"person","consent":true}`
	code, resp := pub.do("POST", "/api/v1/inputs", "application/json", body)
	if code != http.StatusCreated {
		t.Fatalf("submit = %d %s", code, resp)
	}
	var receipt struct{ Reference string }
	json.Unmarshal([]byte(resp), &receipt)
	if !strings.HasPrefix(receipt.Reference, "INN-") {
		t.Fatalf("no reference in %s", resp)
	}
	if code, resp := pub.do("POST", "/api/v1/inputs/"+receipt.Reference+"/withdraw", "application/json", "{}"); code >= 400 {
		t.Fatalf("withdraw = %d %s", code, resp)
	}
	es, err := a.db.Audit(context.Background(), generalist.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 2 {
		t.Fatalf("audit = %+v, want the submission and the withdrawal", es)
	}
	for _, e := range es {
		if strings.Contains(e.Target+e.Detail+e.Action, receipt.Reference) {
			t.Errorf("the audit log holds the receipt reference: %+v", e)
		}
		if e.User == "anonymous" && e.Remote != "" {
			t.Errorf("the audit log keeps the public's address: %+v", e)
		}
	}
}
