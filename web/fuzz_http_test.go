package web_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/jobs"
	"generalist/sqlite"
	"generalist/web"
)

// FuzzHTTP drives every route of the authorization table (the server's
// Rules, which TestAuthorizationMatrix checks against wantRules) as every
// kind of viewer with random and malformed path values, query parameters
// and bodies. No client input may get a 5xx, and a request that is
// refused (4xx) must leave the store's content as it was.
//
// The input picks a route (route modulo the number of routes, in sorted
// order), a viewer (role modulo the viewers: public, editor, analyst,
// admin, an analyst's read token), the path values (path, split on "|",
// one part per wildcard; an empty part keeps the value of pathValues that
// exists), the raw query, a content type (ctype modulo fuzzContentTypes)
// and the body. A signed-in viewer's form body gets its CSRF token, so
// the requests reach the handlers.
//
// The seed corpus (f.Add below: every route as every viewer with valid
// values, then an empty and a malformed variant; and
// testdata/fuzz/FuzzHTTP) runs as a normal test.
func FuzzHTTP(f *testing.F) {
	fz := newFuzzServer(f)
	for i, p := range fz.routes {
		method, _, _ := strings.Cut(p, " ")
		body := ""
		ctype := uint8(0) // none
		switch {
		case method == "GET":
		case strings.Contains(p, "/api/"):
			body, ctype = "{}", 1
		default:
			ctype = 2
		}
		for role := range fz.viewers {
			f.Add(uint16(i), uint8(role), "", "", ctype, []byte(body))
		}
		f.Add(uint16(i), uint8(3), "0|0|0", "format=csv&year=-1&structure=x&lang=en", uint8(1), []byte(`{"name":"=HYPERLINK(\"x\")","splits":[{"from":"1806","into":["1806","1853"]}]}`))
		f.Add(uint16(i), uint8(1), "%|..|\x00", "q=%zz&seed=99999999999999999999&floor=NaN&max_km=-1e309&page=-1&steps=-5", uint8(2), []byte("a=%zz&&=&csrf"))
	}
	// The cooperation import as an analyst: a bad and a good CSV body, a
	// shipped example's name with replace, a too-long source, a file of
	// comments only, and a damaged preview sent back.
	for i, p := range fz.routes {
		if p != "POST /api/v1/imc/import" && p != "POST /samarbeid/importer" {
			continue
		}
		for _, s := range []struct {
			query string
			ctype uint8
			body  string
		}{
			{"source=S&dry_run=1", 4, "navn;form;deltaker;start\nA;ko;1820;2020-13-01\nA;;9999;\n"},
			{"source=S", 4, "navn;form;deltaker;start\nFuzz A;ko;1820;2020-01-01\nFuzz A;;1822;\n"},
			{"replace=1", 1, `{"cooperations":[{"name":"Barnevern Helgeland vertskommunesamarbeid (eksempel)","form":"ko","participants":[{"number":"1820"},{"number":"1822"}],"start":"2020-01-01","source":"x"}]}`},
			{"source=" + strings.Repeat("x", 600), 1, `[{"name":"B","example":true}]`},
			{"dry_run=2", 4, "# bare kommentar\n"},
			{"", 3, "--x\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n!!!\r\n--x--\r\n"},
		} {
			f.Add(uint16(i), uint8(2), "", s.query, s.ctype, []byte(s.body))
		}
	}
	// Jobs as an analyst: good and bad kinds and parameters, through the
	// API and the search page's form.
	for i, p := range fz.routes {
		var bodies []string
		var ctype uint8
		switch p {
		case "POST /api/v1/jobs":
			ctype = 1
			bodies = []string{`{"kind":"ensemble","params":{"floor":5000,"steps":200}}`, `{"kind":"search","params":{"floor":"x"}}`,
				`{"kind":"search","params":{"floor":5000,"bogus":1}}`, `{"kind":"search","params":[1]}`, `{"kind":"ensemble","params":{"steps":1e300}}`,
				`{"kind":"ensemble","params":{"floor":5000,"steps":-1,"sample_every":1}}`, `{"kind":"evaluate","params":{"scenarios":["x"]}}`,
				`{"kind":"report","params":{"scenarios":[],"format":"pdf"}}`, `{"kind":"search","params":{"floor":{"a":1}}}`, `{"kind":"nope"}`, `{"kind":1}`,
				`{"kind":"evaluate","params":{"scenarios":"kommunereformen-2020"}}`, `{"kind":"tasks-search","params":{"tasks":["ppt",1]}}`,
				`{"kind":"tasks-search","params":{"tasks":["ppt"],"floor":-1}}`, `{"kind":"search","params":{"lock":"0301+` + strings.Repeat("0", 100) + `"}}`}
		case "POST /jobber":
			ctype = 2
			bodies = []string{"kind=ensemble&floor=5000&steps=300", "kind=x", "kind=search&floor=NaN&seed=0", "kind=ensemble&steps=99999999999999999999"}
		case "GET /api/v1/jobs/{id}", "POST /api/v1/jobs/{id}/cancel", "GET /jobber/{id}", "POST /jobber/{id}/avbryt":
			for _, id := range []string{"1", "0", "-1", "99999999999999999999", "x"} {
				f.Add(uint16(i), uint8(2), id, "", uint8(2), []byte(""))
			}
		}
		for _, b := range bodies {
			f.Add(uint16(i), uint8(2), "", "", ctype, []byte(b))
		}
	}
	f.Fuzz(func(t *testing.T, route uint16, role uint8, path, query string, ctype uint8, body []byte) {
		fz.check(t, int(route)%len(fz.routes), int(role)%len(fz.viewers), path, query, int(ctype)%len(fuzzContentTypes), body)
	})
}

// fuzzContentTypes are the content types a fuzzed body is sent with.
var fuzzContentTypes = []string{"", "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json; charset=latin1"}

// fuzzViewer is who sends a fuzzed request: its session cookie and CSRF
// token, or an API token.
type fuzzViewer struct {
	name           string
	cookie, csrf   string
	bearer         string
	sessionCookies []*http.Cookie
}

type fuzzServer struct {
	*httptest.Server
	db      *sqlite.DB
	routes  []string
	viewers []fuzzViewer
	http    *http.Client
	// watch is a connection of its own to the store's file: its PRAGMA
	// data_version changes when another connection commits, so the
	// content is hashed again only after a commit.
	watch *sql.Conn
	// hash is the store's content hash at data_version version.
	hash    string
	version int64
}

// newFuzzServer starts a server like newAuthServer's (its own SQLite file,
// the reference data and the registry examples) with an editor, an
// analyst, an admin and an analyst's read token, built on testing.TB so
// that it lives for the whole fuzz run.
func newFuzzServer(tb testing.TB) *fuzzServer {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "fuzz.db")
	db := openRegistryStore(tb, path)
	wdb, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { wdb.Close() })
	watch, err := wdb.Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { watch.Close() })
	first, err := db.IMC(ctx, 1)
	if err != nil {
		tb.Fatal(err)
	}
	a := app.New(db)
	// A queue that runs no jobs: the store changes only when a request
	// queues one.
	q, err := jobs.New(riversqlite.New(db.SQL()), a, jobs.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	srv, err := web.NewServer(web.Config{App: a, Jobs: q})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	tb.Cleanup(ts.Close)
	fz := &fuzzServer{Server: ts, db: db, watch: watch, version: -1, http: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       time.Minute,
	}}
	for p := range srv.Rules() {
		// Signing out would end the viewers' sessions for the rest of the
		// run.
		if p != "POST /logg-ut" {
			fz.routes = append(fz.routes, p)
		}
	}
	slices.Sort(fz.routes)
	hash, err := auth.HashPassword(testPassword, fastParams)
	if err != nil {
		tb.Fatal(err)
	}
	var muni generalist.MunicipalityNumber // one that takes part in cooperation 1
	for _, p := range first.Participants {
		if len(p.Number) == 4 && muni == "" {
			muni = generalist.MunicipalityNumber(p.Number)
		}
	}
	analyst := &generalist.User{Name: "analytiker", Role: generalist.UserAnalyst}
	fz.viewers = []fuzzViewer{{name: "public"}}
	for _, u := range []*generalist.User{{Name: "redaktor", Role: generalist.UserEditor, Municipality: muni}, analyst, {Name: "admin", Role: generalist.UserAdmin}} {
		u.PasswordHash = hash
		if err := db.CreateUser(ctx, u); err != nil {
			tb.Fatal(err)
		}
		fz.viewers = append(fz.viewers, fz.signIn(tb, u.Name))
	}
	secret, prefix := auth.NewToken()
	if err := db.CreateToken(ctx, &generalist.APIToken{UserID: analyst.ID, Name: "fuzz", Scope: generalist.ScopeRead, Hash: auth.HashSecret(secret), Prefix: prefix}); err != nil {
		tb.Fatal(err)
	}
	fz.viewers = append(fz.viewers, fuzzViewer{name: "readtoken", bearer: secret})
	return fz
}

// signIn signs in through the form, as signIn does, and keeps the
// session's cookies and CSRF token.
func (fz *fuzzServer) signIn(tb testing.TB, name string) fuzzViewer {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: fz.http.CheckRedirect}
	get := func(path string) string {
		resp, err := c.Get(fz.URL + path)
		if err != nil {
			tb.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	m := csrfField.FindStringSubmatch(get("/logg-inn"))
	if m == nil {
		tb.Fatal("the sign-in page has no CSRF field")
	}
	resp, err := c.PostForm(fz.URL+"/logg-inn", url.Values{"csrf": {m[1]}, "name": {name}, "password": {testPassword}, "neste": {"/konto"}})
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		tb.Fatalf("sign in as %s = %d, want 303", name, resp.StatusCode)
	}
	if m = csrfField.FindStringSubmatch(get("/konto")); m == nil {
		tb.Fatalf("the account page of %s has no CSRF field", name)
	}
	base, _ := url.Parse(fz.URL)
	return fuzzViewer{name: name, csrf: m[1], sessionCookies: jar.Cookies(base)}
}

// check sends one fuzzed request and checks its answer and the store.
func (fz *fuzzServer) check(t *testing.T, route, role int, path, query string, ctype int, body []byte) {
	pattern := fz.routes[route]
	v := fz.viewers[role]
	method, target := fuzzTarget(pattern, path, query)
	ct := fuzzContentTypes[ctype]
	if ct == "application/x-www-form-urlencoded" && v.csrf != "" {
		body = append(append(slices.Clip(body), "&csrf="...), v.csrf...)
	}
	if v := fz.dataVersion(t); v != fz.version {
		fz.hash, fz.version = fz.contentHash(t), v
	}
	req, err := http.NewRequest(method, fz.URL+"/", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	// The target is set as it goes on the wire, so that malformed paths
	// and queries reach the server as sent.
	req.URL.Opaque = target
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	for _, c := range v.sessionCookies {
		req.AddCookie(c)
	}
	if v.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+v.bearer)
	} else if v.csrf != "" && method != "GET" {
		req.Header.Set("X-CSRF-Token", v.csrf)
	}
	resp, err := fz.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s as %s: %v", method, target, v.name, err)
	}
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	resp.Body.Close()
	code := resp.StatusCode
	if code >= 500 {
		t.Fatalf("%s %s as %s (%s, %q): %d %s", method, target, v.name, ct, body, code, answer)
	}
	if code < 400 {
		return // let through: it may have changed the store
	}
	version := fz.dataVersion(t)
	if version == fz.version {
		return // nothing was committed
	}
	after := fz.contentHash(t)
	if after != fz.hash {
		t.Fatalf("%s %s as %s (%s, %q) was refused with %d %s but changed the store", method, target, v.name, ct, body, code, answer)
	}
	fz.version = version
}

// fuzzTarget fills the pattern's wildcards from path (parts separated by
// "|", each escaped; an empty part keeps pathValues' value) and appends
// the query with what cannot go on the wire percent-encoded.
func fuzzTarget(pattern, path, query string) (method, target string) {
	method, target, _ = strings.Cut(pattern, " ")
	target = strings.TrimSuffix(target, "{$}")
	parts := strings.Split(path, "|")
	for i := 0; ; i++ {
		start := strings.IndexByte(target, '{')
		if start < 0 {
			break
		}
		end := strings.IndexByte(target[start:], '}') + start
		val := pathValues[target[start:end+1]]
		if i < len(parts) && parts[i] != "" {
			val = url.PathEscape(parts[i])
		}
		target = target[:start] + val + target[end+1:]
	}
	switch target {
	case "/static/":
		target += url.PathEscape(path)
	case "/api/":
		target += "nosuch"
	}
	if query != "" {
		var q strings.Builder
		for i := 0; i < len(query); i++ {
			if c := query[i]; c <= ' ' || c >= 0x7f || c == '#' {
				fmt.Fprintf(&q, "%%%02X", c)
			} else {
				q.WriteByte(c)
			}
		}
		target += "?" + q.String()
	}
	return method, target
}

// dataVersion is the store's PRAGMA data_version as the watching
// connection sees it.
func (fz *fuzzServer) dataVersion(t testing.TB) int64 {
	t.Helper()
	var v int64
	if err := fz.watch.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// fuzzVolatile are tables a refused request may change by design: a
// refused sign-in is counted (login_attempts, which bounds guessing) and
// every request of a signed-in viewer renews its session (sessions).
var fuzzVolatile = map[string]bool{"login_attempts": true, "sessions": true}

// contentHash is a SHA-256 of every row of every table but fuzzVolatile,
// read from a backup of the store (whose own checksum covers the time it
// was made).
func (fz *fuzzServer) contentHash(t testing.TB) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := fz.db.Backup(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<26)
	h := sha256.New()
	skip := false
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"table":`)) {
			var tb struct{ Table string }
			if err := json.Unmarshal(line, &tb); err != nil {
				t.Fatal(err)
			}
			skip = fuzzVolatile[tb.Table]
		}
		if skip || bytes.HasPrefix(line, []byte(`{"generalist_backup":`)) || bytes.HasPrefix(line, []byte(`{"trailer":`)) {
			continue
		}
		h.Write(line)
		h.Write([]byte{'\n'})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestHostileRegistryText: a cooperation whose editor wrote a formula and
// HTML comes out defused in the CSV export and as text in the Markdown
// agreement.
func TestHostileRegistryText(t *testing.T) {
	fz := newFuzzServer(t)
	ctx := context.Background()
	c, err := fz.db.IMC(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	c.Name = `=HYPERLINK("http://x.example","klikk")`
	c.Agreement.Exit = `<img src=x onerror=alert(1)> <meta http-equiv="refresh" content="0;url=http://x.example"> <form action="http://x.example">`
	if err := fz.db.UpdateIMC(ctx, c, generalist.IMCEdit{Author: "test"}); err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		resp, err := http.Get(fz.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	csv := get("/api/v1/imc/export?format=csv")
	if !strings.Contains(csv, `;"'=HYPERLINK(""http://x.example"",""klikk"")";`) || strings.Contains(csv, `;"=HYPERLINK`) {
		t.Errorf("the CSV export does not defuse the formula:\n%s", csv)
	}
	md := get("/api/v1/imc/1/agreement?format=md")
	for _, bad := range []string{"<img", "<meta", "<form"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown agreement passes %s through", bad)
		}
	}
	if !strings.Contains(md, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("the Markdown agreement lost the text:\n%s", md)
	}
}
