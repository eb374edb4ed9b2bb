package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"generalist"
	"generalist/web"
)

// cachePaths are the addresses the cache tests ask for a route whose
// matrix address (concretePath) names nothing that exists.
var cachePaths = map[string]string{
	"GET /api/v1/indicators/{id}":                 "/api/v1/indicators/population",
	"GET /api/v1/maps/{indicator}":                "/api/v1/maps/population.svg",
	"GET /innspill/{id}":                          "", // set from a published input
	"GET /api/v1/scenarios/{id}/outcome":          "/api/v1/scenarios/kommunereformen-2020/outcome",
	"GET /api/v1/economy/check":                   "/api/v1/economy/check",
	"GET /api/v1/search":                          "/api/v1/search?min=3000",
	"GET /sok":                                    "/sok?min=3000",
	"GET /api/v1/search/ensemble":                 "/api/v1/search/ensemble?min=3000&runs=2",
	"GET /api/v1/search/groups":                   "/api/v1/search/groups?task=ppt&task=barnevern&county=46&exempt_infeasible=1",
	"GET /scenarier/sammenlign":                   "/scenarier/sammenlign?id=kommunereformen-2020",
	"GET /scenarier/sammenlign/kart":              "/scenarier/sammenlign/kart?id=barnevern-palagt-samarbeid",
	"GET /api/v1/scenarios/{id}/export":           "/api/v1/scenarios/barnevern-palagt-samarbeid/export",
	"GET /api/v1/compare":                         "/api/v1/compare?id=kommunereformen-2020",
	"GET /scenarier/rapport":                      "/scenarier/rapport?id=kommunereformen-2020",
	"GET /api/v1/economy/merger":                  "/api/v1/economy/merger?members=1811,1812",
	"GET /api/v1/economy/municipalities/{number}": "/api/v1/economy/municipalities/0301",
}

// cacheReply is an answer with its headers.
type cacheReply struct {
	status int
	header http.Header
	body   string
}

// fetch sends a GET with the header pairs hdr.
func fetch(t *testing.T, c *http.Client, base, path string, hdr ...string) cacheReply {
	t.Helper()
	req, err := http.NewRequest("GET", base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return cacheReply{resp.StatusCode, resp.Header, string(b)}
}

// plainClient is a client without cookies that follows no redirects and
// asks for no compression unless told (Go's transport would otherwise
// ask for gzip and hide it).
func plainClient() *http.Client {
	return &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func isPublic(h http.Header) bool { return strings.Contains(h.Get("Cache-Control"), "public") }

// publicRoutes are the GET routes whose cache policy is public, with the
// address the tests ask for.
func publicRoutes(t *testing.T, a *authServer, input string) map[string]string {
	out := map[string]string{}
	for p, pol := range a.srv.CachePolicies() {
		if pol != "public" {
			continue
		}
		_, path := concretePath(p)
		if q, ok := cachePaths[p]; ok {
			path = q
		}
		if p == "GET /innspill/{id}" {
			path = "/innspill/" + input
		}
		out[p] = path
	}
	return out
}

// publishInput stores an innspill and publishes it through the
// moderation API with an analyst's write token; it returns its id.
func publishInput(t *testing.T, a *authServer, text string) string {
	t.Helper()
	in := &generalist.Input{Kind: generalist.InputSolution, Title: "Et innspill", Text: text, SenderType: generalist.SenderPerson,
		Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew}
	if err := a.db.CreateInput(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	analyst := addUser(t, a.db, "zq-publiserer-"+itoa(in.ID), generalist.UserAnalyst, "")
	mod := &client{t: t, base: a.URL, http: plainClient(), bearer: makeToken(t, a.db, analyst, generalist.ScopeWrite)}
	id := itoa(in.ID)
	if code, body := mod.do("POST", "/api/v1/moderation/inputs/"+id, "application/json", `{"action": "publish", "version": 1}`); code != http.StatusOK {
		t.Fatalf("publish input %s = %d %s", id, code, body)
	}
	return id
}

// TestRevalidation: every public route of the authorization matrix
// answers the public with a strong ETag and a public lifetime, answers
// the same ETag in If-None-Match with 304 and no body, and gives the
// gzip-compressed answer an ETag of its own; a signed-in user gets the
// same routes privately and no validator of ours.
func TestRevalidation(t *testing.T) {
	a := newAuthServer(t)
	id := publishInput(t, a, "Kommunene bør samarbeide mer om barnevernet.")
	c := plainClient()
	routes := publicRoutes(t, a, id)
	if len(routes) < 50 {
		t.Fatalf("only %d public routes", len(routes))
	}
	patterns := make([]string, 0, len(routes))
	for p := range routes {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	for _, p := range patterns {
		path := routes[p]
		first := fetch(t, c, a.URL, path)
		if first.status != http.StatusOK {
			t.Errorf("%s (%s) = %d, want 200 for the test to mean something: %.120s", path, p, first.status, first.body)
			continue
		}
		tag := first.header.Get("ETag")
		if !isPublic(first.header) || tag == "" || strings.HasPrefix(tag, "W/") {
			t.Errorf("%s: Cache-Control %q, ETag %q: want public with a strong ETag", path, first.header.Get("Cache-Control"), tag)
			continue
		}
		if p != "GET /static/" && !strings.Contains(strings.Join(first.header.Values("Vary"), ","), "Cookie") {
			t.Errorf("%s: Vary %q does not name Cookie (the language and the session change the answer)", path, first.header.Values("Vary"))
		}
		again := fetch(t, c, a.URL, path, "If-None-Match", tag)
		if again.status != http.StatusNotModified || again.body != "" || again.header.Get("ETag") != tag {
			t.Errorf("%s with If-None-Match %s = %d, ETag %q, %d bytes; want 304, the same ETag, no body", path, tag, again.status, again.header.Get("ETag"), len(again.body))
		}
		if !isPublic(again.header) {
			t.Errorf("%s: the 304 has Cache-Control %q, want the public lifetime again", path, again.header.Get("Cache-Control"))
		}
		gz := fetch(t, c, a.URL, path, "Accept-Encoding", "gzip")
		if gz.header.Get("Content-Encoding") == "gzip" {
			gtag := gz.header.Get("ETag")
			if gtag == tag || gtag == "" {
				t.Errorf("%s: the gzip answer's ETag %q is the plain one's", path, gtag)
			}
			if r := fetch(t, c, a.URL, path, "Accept-Encoding", "gzip", "If-None-Match", gtag); r.status != http.StatusNotModified {
				t.Errorf("%s gzip with If-None-Match %s = %d, want 304", path, gtag, r.status)
			}
			if r := fetch(t, c, a.URL, path, "If-None-Match", gtag); r.status != http.StatusOK {
				t.Errorf("%s without gzip, If-None-Match of the gzip answer = %d, want 200 (it is another representation)", path, r.status)
			}
		}
	}
}

// TestETagFollowsData: a change made through the API gives the pages that
// show it a new ETag, so a revalidation gets the new page; the language
// gives another ETag too.
func TestETagFollowsData(t *testing.T) {
	a := newAuthServer(t)
	c := plainClient()
	paths := []string{"/samarbeid", "/api/v1/imc", "/kommune/" + string(a.editorMuni) + "/samarbeid"}
	tags := map[string]string{}
	for _, p := range paths {
		r := fetch(t, c, a.URL, p)
		if r.status != http.StatusOK || r.header.Get("ETag") == "" {
			t.Fatalf("GET %s = %d, ETag %q", p, r.status, r.header.Get("ETag"))
		}
		tags[p] = r.header.Get("ETag")
	}
	if en := fetch(t, c, a.URL, "/samarbeid", "Cookie", "lang=en"); en.header.Get("ETag") == tags["/samarbeid"] {
		t.Error("/samarbeid in English has the bokmål page's ETag")
	}
	// Register a cooperation through the API with a write token.
	admin := addUser(t, a.db, "zq-registrator", generalist.UserAdmin, "")
	api := &client{t: t, base: a.URL, http: plainClient(), bearer: makeToken(t, a.db, admin, generalist.ScopeWrite)}
	code, body := api.do("GET", "/api/v1/imc/1", "", "")
	if code != http.StatusOK {
		t.Fatalf("GET /api/v1/imc/1 = %d", code)
	}
	var x map[string]any
	json.Unmarshal([]byte(body), &x)
	delete(x, "id")
	delete(x, "version")
	x["name"] = "Nytt samarbeid om legevakt"
	nb, _ := json.Marshal(map[string]any{"note": "test", "cooperation": x})
	if code, body := api.do("POST", "/api/v1/imc", "application/json", string(nb)); code != http.StatusCreated {
		t.Fatalf("POST /api/v1/imc = %d %s", code, body)
	}
	for _, p := range paths {
		r := fetch(t, c, a.URL, p, "If-None-Match", tags[p])
		if r.status != http.StatusOK || r.header.Get("ETag") == tags[p] {
			t.Errorf("%s after a new cooperation, with the old ETag: %d, ETag %q (was %q); want 200 and a new ETag", p, r.status, r.header.Get("ETag"), tags[p])
		}
		if p != "/kommune/"+string(a.editorMuni)+"/samarbeid" && !strings.Contains(r.body, "Nytt samarbeid om legevakt") {
			t.Errorf("%s does not show the new cooperation", p)
		}
	}
}

// TestPublishedInputChangesETag: publishing an innspill changes the
// ETag of the list of published inputs.
func TestPublishedInputChangesETag(t *testing.T) {
	a := newAuthServer(t)
	c := plainClient()
	before := fetch(t, c, a.URL, "/innspill").header.Get("ETag")
	publishInput(t, a, "Staten bør ta over de minste kommunenes barnevern.")
	r := fetch(t, c, a.URL, "/innspill", "If-None-Match", before)
	if r.status != http.StatusOK || r.header.Get("ETag") == before {
		t.Errorf("/innspill after an input was published, with the old ETag: %d, ETag %q (was %q)", r.status, r.header.Get("ETag"), before)
	}
}

// TestNoPersonalAnswerIsPublic crawls every page, as the public and as
// each kind of signed-in user: the routes of the matrix and every link
// on the pages they lead to. No answer that holds the viewer's form token
// or user name, sets a cookie, or goes to a signed-in user (static files
// aside) may be marked public; and a revalidation with a public answer's
// ETag never gives a signed-in user a 304.
func TestNoPersonalAnswerIsPublic(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the site four times")
	}
	a := newAuthServer(t)
	id := publishInput(t, a, "Fylkeskommunen kan avlaste sårbare kommuner.")
	users := map[string]*generalist.User{
		"editor":  addUser(t, a.db, "zq-redaktor-kari", generalist.UserEditor, a.editorMuni),
		"analyst": addUser(t, a.db, "zq-analytiker-ola", generalist.UserAnalyst, ""),
		"admin":   addUser(t, a.db, "zq-admin-per", generalist.UserAdmin, ""),
	}
	// The public's tags, to try on the signed-in users.
	publicTags := map[string]string{}
	start := []string{}
	for p, path := range publicRoutes(t, a, id) {
		start = append(start, path)
		if r := fetch(t, plainClient(), a.URL, path); r.header.Get("ETag") != "" {
			publicTags[path] = r.header.Get("ETag")
		}
		_ = p
	}
	for p := range a.srv.Rules() {
		if method, path := concretePath(p); method == "GET" {
			start = append(start, path)
		}
	}
	sort.Strings(start)
	viewers := map[string]*client{"public": newClient(t, a.URL)}
	for role, u := range users {
		viewers[role] = signIn(t, a.URL, u.Name)
	}
	for role, c := range viewers {
		name := ""
		if u := users[role]; u != nil {
			name = u.Name
		}
		crawlCache(t, a.URL, role, name, c, start, publicTags)
	}
}

var hrefRe = regexp.MustCompile(`href="(/[^"#]*)"`)

// crawlCache visits start and the links of every page it reaches (up to
// a limit), checking each answer's cache headers for viewer role.
func crawlCache(t *testing.T, base, role, name string, c *client, start []string, publicTags map[string]string) {
	t.Helper()
	u, _ := url.Parse(base)
	jar := c.http.Jar
	hc := &http.Client{Jar: jar, Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	seen := map[string]bool{}
	queue := append([]string(nil), start...)
	visited, publics := 0, 0
	for len(queue) > 0 && visited < 400 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] || strings.Contains(path, "logg-ut") {
			continue
		}
		seen[path] = true
		visited++
		r := fetch(t, hc, base, path)
		token := c.csrf
		if role == "public" {
			for _, ck := range jar.Cookies(u) {
				if ck.Name == "generalist_csrf" {
					token = ck.Value
				}
			}
		}
		public := isPublic(r.header)
		static := strings.HasPrefix(path, "/static/")
		if public {
			publics++
		}
		switch {
		case public && role != "public" && !static:
			t.Errorf("%s as %s: Cache-Control %q; a signed-in user's answer must be private", path, role, r.header.Get("Cache-Control"))
		case public && token != "" && strings.Contains(r.body, token):
			t.Errorf("%s as %s holds the form token and is marked public (%q)", path, role, r.header.Get("Cache-Control"))
		case public && name != "" && strings.Contains(r.body, name):
			t.Errorf("%s as %s holds the user name and is marked public", path, role)
		case public && len(r.header.Values("Set-Cookie")) > 0:
			t.Errorf("%s as %s sets a cookie and is marked public", path, role)
		}
		if tag := publicTags[path]; tag != "" && role != "public" && !static {
			if r2 := fetch(t, hc, base, path, "If-None-Match", tag); r2.status == http.StatusNotModified {
				t.Errorf("%s as %s with the public's ETag = 304: the signed-in page is not the public's", path, role)
			}
		}
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range hrefRe.FindAllStringSubmatch(r.body, -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if !seen[link] && !strings.HasPrefix(link, "/static/") {
				queue = append(queue, link)
			}
		}
	}
	t.Logf("as %s: %d answers, %d of them public", role, visited, publics)
	if visited < 150 {
		t.Errorf("as %s the crawl reached only %d pages", role, visited)
	}
	if role == "public" && publics < visited/2 {
		t.Errorf("as the public only %d of %d answers are public: the published pages should be", publics, visited)
	}
}

// TestLanguageCookieAndCache: choosing a language with ?lang= sets the
// cookie once; that answer is private (it sets a cookie), and the same
// address asked again with the cookie already set is public, with its
// own ETag. The language never comes from Accept-Language, so the answer
// does not vary on it.
func TestLanguageCookieAndCache(t *testing.T) {
	a := newAuthServer(t)
	c := plainClient()
	first := fetch(t, c, a.URL, "/kommuner?lang=en")
	if len(first.header.Values("Set-Cookie")) == 0 || isPublic(first.header) {
		t.Errorf("first ?lang=en: Set-Cookie %q, Cache-Control %q; want the cookie set and a private answer", first.header.Values("Set-Cookie"), first.header.Get("Cache-Control"))
	}
	again := fetch(t, c, a.URL, "/kommuner?lang=en", "Cookie", "lang=en")
	if len(again.header.Values("Set-Cookie")) != 0 || !isPublic(again.header) || again.header.Get("ETag") == "" {
		t.Errorf("?lang=en with the cookie set: Set-Cookie %q, Cache-Control %q, ETag %q; want no cookie, public, an ETag", again.header.Values("Set-Cookie"), again.header.Get("Cache-Control"), again.header.Get("ETag"))
	}
	byCookie := fetch(t, c, a.URL, "/kommuner", "Cookie", "lang=en")
	nb := fetch(t, c, a.URL, "/kommuner", "Accept-Language", "en")
	if byCookie.header.Get("ETag") == nb.header.Get("ETag") || !strings.Contains(nb.body, `lang="nb"`) {
		t.Errorf("/kommuner: the lang cookie's ETag %q equals bokmål's %q, or Accept-Language changed the page", byCookie.header.Get("ETag"), nb.header.Get("ETag"))
	}
}

// TestETagFollowsTheDate: the pages that say which cooperations are
// active today change at midnight without any change of data, so the
// date is part of the ETag.
func TestETagFollowsTheDate(t *testing.T) {
	var now atomic.Int64 // the server's clock, Unix seconds
	now.Store(time.Date(2026, 12, 7, 23, 59, 0, 0, time.Local).Unix())
	a := newAuthServer(t, func(c *web.Config) { c.Now = func() time.Time { return time.Unix(now.Load(), 0) } })
	c := plainClient()
	before := fetch(t, c, a.URL, "/samarbeid").header.Get("ETag")
	if r := fetch(t, c, a.URL, "/samarbeid", "If-None-Match", before); r.status != http.StatusNotModified {
		t.Fatalf("/samarbeid with its ETag the same day = %d, want 304", r.status)
	}
	now.Add(120)
	if r := fetch(t, c, a.URL, "/samarbeid", "If-None-Match", before); r.status != http.StatusOK || r.header.Get("ETag") == before {
		t.Errorf("/samarbeid with yesterday's ETag = %d, ETag %q; want 200 and a new ETag", r.status, r.header.Get("ETag"))
	}
}
