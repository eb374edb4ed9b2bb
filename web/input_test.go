package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/geo"
	"generalist/geomap"
	"generalist/internal/testkit/sqlitefile"
	"generalist/refdata"
	"generalist/sqlite"
)

// The input pages and API (innspill), tested through a real listening
// server on its own SQLite file with accounts and the audit log.

// minimalPDF is the smallest PDF generalist.CheckPDF accepts; test data.
const minimalPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

const inputPassword = "correct horse battery staple"

type inputEnv struct {
	*httptest.Server
	srv  *Server
	db   *sqlite.DB
	path string
}

var (
	mapOnce sync.Once
	map2024 *geomap.Map
	mapErr  error
)

// newInputEnv starts a server with the input routes on a fresh store.
// TrustProxy is on, so a test can act from several addresses with
// X-Forwarded-For.
func newInputEnv(t *testing.T) *inputEnv {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "innspill.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := refdata.Ensure(ctx, db); err != nil {
		t.Fatal(err)
	}
	mapOnce.Do(func() {
		ms, cs, err := geo.Embedded(generalist.Structure2024)
		if err != nil {
			mapErr = err
			return
		}
		map2024, mapErr = geomap.New(ms, cs)
	})
	if mapErr != nil {
		t.Fatal(mapErr)
	}
	srv, err := NewServer(Config{App: app.New(db), TrustProxy: true, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if _, wired := srv.rules["POST /api/v1/inputs"]; !wired {
		srv.inputRoutes() // until server.go calls it
	}
	for _, name := range inputPageNames {
		if srv.pages["nb"].Lookup(name) == nil {
			t.Fatalf("template %s is missing", name)
		}
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &inputEnv{Server: ts, srv: srv, db: db, path: path}
}

// count returns how many inputs the store holds, of any status.
func (e *inputEnv) count(t *testing.T) int {
	t.Helper()
	_, n, err := e.db.ListInputs(context.Background(), generalist.InputFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// analyst adds an analyst account.
func (e *inputEnv) analyst(t *testing.T, name string) {
	t.Helper()
	h, err := auth.HashPassword(inputPassword, auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.CreateUser(context.Background(), &generalist.User{Name: name, Role: generalist.UserAnalyst, PasswordHash: h}); err != nil {
		t.Fatal(err)
	}
}

// scenario parses text as a scenario file and stores the scenario through
// the application, unpublished.
func (e *inputEnv) scenario(t *testing.T, text string) *generalist.Scenario {
	t.Helper()
	sc, err := generalist.ParseScenario([]byte(text), "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.srv.app.CreateScenario(context.Background(), sc); err != nil {
		t.Fatal(err)
	}
	return sc
}

// publish publishes the stored scenario id.
func (e *inputEnv) publish(t *testing.T, id string) {
	t.Helper()
	if _, err := e.srv.app.PublishScenario(context.Background(), id, "test"); err != nil {
		t.Fatal(err)
	}
}

// linkedInput stores the scenario sc and the input in, publishes the
// input and links it to sc.
func (e *inputEnv) linkedInput(t *testing.T, sc *generalist.Scenario, in *generalist.Input) {
	t.Helper()
	ctx := context.Background()
	if err := e.db.CreateScenario(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if err := e.db.CreateInput(ctx, in); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Moderate(ctx, in.ID, generalist.InputModeration{Action: generalist.ModeratePublish, Version: 1, Moderator: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := e.db.LinkScenario(ctx, in.ID, sc.ID); err != nil {
		t.Fatal(err)
	}
}

// httpClient is an HTTP client with a cookie jar that does not follow
// redirects; addr, when set, is sent as X-Forwarded-For.
type httpClient struct {
	t    *testing.T
	base string
	c    *http.Client
	addr string
	csrf string
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([A-Za-z0-9_-]+)"`)

func newHTTPClient(t *testing.T, base, addr string) *httpClient {
	jar, _ := cookiejar.New(nil)
	return &httpClient{t: t, base: base, addr: addr, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type reply struct {
	Status int
	Body   string
	Header http.Header
}

func (b *httpClient) do(method, path, ctype string, body io.Reader, hdr ...string) reply {
	b.t.Helper()
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if b.addr != "" {
		req.Header.Set("X-Forwarded-For", b.addr)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if m := csrfRe.FindSubmatch(data); m != nil {
		b.csrf = string(m[1])
	}
	return reply{resp.StatusCode, string(data), resp.Header}
}

func (b *httpClient) get(path string) reply { return b.do("GET", path, "", nil) }

func (b *httpClient) postJSON(path string, v any) reply {
	data, err := json.Marshal(v)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do("POST", path, "application/json", bytes.NewReader(data))
}

// form posts a urlencoded form with the CSRF token of the last page.
func (b *httpClient) form(path string, v url.Values) reply {
	if v.Get("csrf") == "" {
		v.Set("csrf", b.csrf)
	}
	return b.do("POST", path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
}

// multipartForm posts the submission form with an optional file.
func (b *httpClient) multipartForm(path string, v url.Values, fileName string, file []byte) reply {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if v.Get("csrf") == "" {
		v.Set("csrf", b.csrf)
	}
	for k, vs := range v {
		for _, x := range vs {
			w.WriteField(k, x)
		}
	}
	if fileName != "" {
		fw, _ := w.CreateFormFile("attachment", fileName)
		fw.Write(file)
	}
	w.Close()
	return b.do("POST", path, w.FormDataContentType(), &buf)
}

func (b *httpClient) signIn(name string) {
	b.t.Helper()
	b.get("/logg-inn")
	if r := b.form("/logg-inn", url.Values{"name": {name}, "password": {inputPassword}, "neste": {"/innspill/moderering"}}); r.Status != http.StatusSeeOther {
		b.t.Fatalf("sign in as %s = %d", name, r.Status)
	}
}

func submission(title, text string) map[string]any {
	return map[string]any{"kind": "challenge", "title": title, "text": text, "tags": []string{"utfordring.rekruttering"},
		"municipality": "1151", "sender_type": "municipality", "consent": true}
}

func errorOf(t *testing.T, r reply) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
		t.Fatalf("not a JSON error (%d): %s", r.Status, r.Body)
	}
	return e.Error.Message
}

// TestInputAPI drives POST /api/v1/inputs and the public reads with a
// real client: the contract of the issue, the hostile inputs, and that a
// refused input leaves nothing behind.
func TestInputAPI(t *testing.T) {
	e := newInputEnv(t)
	c := newHTTPClient(t, e.URL, "198.51.100.1")
	r := c.postJSON("/api/v1/inputs", submission("Vikarer koster for mye", "Små kommuner bruker mye penger på vikarer i helse og omsorg."))
	var created struct{ Reference, Status string }
	if err := json.Unmarshal([]byte(r.Body), &created); r.Status != http.StatusCreated || err != nil || created.Status != "new" {
		t.Fatalf("POST /api/v1/inputs = %d %s", r.Status, r.Body)
	}
	if _, err := generalist.ParseInputReference(created.Reference); err != nil || r.Header.Get("Location") != "/api/v1/inputs/"+created.Reference {
		t.Errorf("reference %q, Location %q", created.Reference, r.Header.Get("Location"))
	}
	if s := c.get("/api/v1/inputs/" + created.Reference); s.Status != http.StatusOK || !strings.Contains(s.Body, `"status": "new"`) {
		t.Errorf("status by reference = %d %s", s.Status, s.Body)
	}
	if s := c.get("/api/v1/inputs"); s.Status != http.StatusOK || !strings.Contains(s.Body, `"total": 0`) {
		t.Errorf("GET /api/v1/inputs before moderation = %s; want no input (published only)", s.Body)
	}

	big := strings.Repeat("a", 20001)
	for _, tt := range []struct {
		name   string
		body   string
		ctype  string
		status int
		msg    string
	}{
		{"NoTitle", `{"kind":"challenge","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true}`, "", 400, "title: required"},
		{"UnknownField", `{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok.","sender_type":"person","consent":true,"status":"published"}`, "", 400, "status: unknown field"},
		{"Script", `{"kind":"challenge","title":"Tittel","text":"Se <script>alert(1)</script> her, det er farlig.","sender_type":"person","consent":true}`, "", 400, "text: HTML markup"},
		{"ScriptTitle", `{"kind":"challenge","title":"<img src=x onerror=alert(1)>","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true}`, "", 400, "title: HTML markup"},
		{"UnknownTag", `{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","tags":["utfordring.vaer"],"sender_type":"person","consent":true}`, "", 400, `tags: "utfordring.vaer"`},
		{"OversizedText", `{"kind":"challenge","title":"Tittel","text":"` + big + `","sender_type":"person","consent":true}`, "", 400, "text: 20001 characters is more than the limit"},
		{"FakePDF", `{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true,"attachment_name":"x.pdf","attachment":"PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="}`, "", 400, "attachment: not a PDF"},
		{"NoConsent", `{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":false}`, "", 400, "consent:"},
		{"UnknownMunicipality", `{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true,"municipality":"1199"}`, "", 400, "municipality: 1199"},
		{"Duplicate", `{"kind":"solution","title":"Samme tekst","text":"Små kommuner bruker MYE penger på vikarer i helse- og omsorg!","sender_type":"person","consent":true}`, "", 409, "text: the same text"},
		{"Oversized", `{"kind":"challenge","title":"Tittel","text":"` + strings.Repeat("b", 5<<20) + `"}`, "", 413, "larger than"},
		{"NotJSON", "kind=challenge", "application/x-www-form-urlencoded", 403, ""},
		{"TextPlain", `{}`, "text/plain", 403, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := e.count(t)
			ctype := tt.ctype
			if ctype == "" {
				ctype = "application/json"
			}
			r := c.do("POST", "/api/v1/inputs", ctype, strings.NewReader(tt.body))
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tt.status, r.Body)
			}
			if tt.msg != "" && !strings.Contains(errorOf(t, r), tt.msg) {
				t.Errorf("message %q, want it to contain %q", errorOf(t, r), tt.msg)
			}
			if after := e.count(t); after != before {
				t.Errorf("a refused input was stored: %d inputs, had %d", after, before)
			}
		})
	}

	t.Run("Flood", func(t *testing.T) {
		f := newHTTPClient(t, e.URL, "203.0.113.7")
		before := e.count(t)
		var last reply
		for i := range inputBurst + 2 {
			last = f.postJSON("/api/v1/inputs", submission(fmt.Sprintf("Flom %d", i), fmt.Sprintf("Innspill nummer %d fra samme adresse, sendt raskt etter hverandre.", i)))
			if i < inputBurst && last.Status != http.StatusCreated {
				t.Fatalf("submission %d = %d %s", i+1, last.Status, last.Body)
			}
		}
		if last.Status != http.StatusTooManyRequests || !strings.Contains(errorOf(t, last), "too many inputs from this address") || last.Header.Get("Retry-After") == "" {
			t.Errorf("submission %d = %d %s (Retry-After %q); want 429", inputBurst+2, last.Status, last.Body, last.Header.Get("Retry-After"))
		}
		if got := e.count(t); got != before+inputBurst {
			t.Errorf("%d inputs stored, want %d", got-before, inputBurst)
		}
		// The form shares the limit.
		f.get("/innspill/ny")
		r := f.multipartForm("/innspill/ny", url.Values{"kind": {"challenge"}, "title": {"Skjema"}, "text": {"Fra skjemaet, fra samme adresse som flommen."},
			"sender_type": {"person"}, "consent": {"1"}}, "", nil)
		if r.Status != http.StatusTooManyRequests || !strings.Contains(r.Body, "For mange innspill fra samme adresse") {
			t.Errorf("form after the flood = %d", r.Status)
		}
		// Another address is not limited.
		if r := newHTTPClient(t, e.URL, "203.0.113.8").postJSON("/api/v1/inputs", submission("Annen adresse", "Et innspill fra en annen adresse enn flommen.")); r.Status != http.StatusCreated {
			t.Errorf("another address = %d %s", r.Status, r.Body)
		}
	})

	t.Run("Withdraw", func(t *testing.T) {
		r := c.do("POST", "/api/v1/inputs/"+created.Reference+"/withdraw", "application/json", nil)
		if r.Status != http.StatusOK || !strings.Contains(r.Body, `"status": "withdrawn"`) {
			t.Fatalf("withdraw = %d %s", r.Status, r.Body)
		}
		if r := c.do("POST", "/api/v1/inputs/"+created.Reference+"/withdraw", "application/json", nil); r.Status != http.StatusConflict {
			t.Errorf("withdraw twice = %d", r.Status)
		}
		if r := c.get("/api/v1/inputs/INN-AAAAAAAAAAAAAAAA"); r.Status != http.StatusNotFound {
			t.Errorf("unknown reference = %d", r.Status)
		}
	})

	t.Run("Vocabulary", func(t *testing.T) {
		r := c.get("/api/v1/inputs/vocabulary")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, `"alternativ.oppgavedifferensiering"`) || !strings.Contains(r.Body, generalist.InputConsent.Version) {
			t.Errorf("vocabulary = %d %s", r.Status, r.Body)
		}
		if r := c.get("/api/v1/inputs?tag=x"); r.Status != http.StatusBadRequest || !strings.Contains(errorOf(t, r), "tag:") {
			t.Errorf("?tag=x = %d %s", r.Status, r.Body)
		}
	})

	t.Run("Moderation needs an analyst", func(t *testing.T) {
		if r := c.get("/api/v1/moderation/inputs"); r.Status != http.StatusUnauthorized {
			t.Errorf("moderation queue as the public = %d", r.Status)
		}
		if r := c.get("/innspill/moderering"); r.Status != http.StatusSeeOther {
			t.Errorf("moderation page as the public = %d", r.Status)
		}
	})
}

// TestInputForm submits through the real form: the receipt, the status
// page, withdrawal, and the refusals (honeypot, fake PDF, markup, missing
// CSRF token) that leave nothing behind.
func TestInputForm(t *testing.T) {
	e := newInputEnv(t)
	b := newHTTPClient(t, e.URL, "192.0.2.10")
	page := b.get("/innspill/ny")
	if page.Status != http.StatusOK || b.csrf == "" || !strings.Contains(page.Body, generalist.InputConsent.NB[:40]) || !strings.Contains(page.Body, `name="nettsted"`) {
		t.Fatalf("form page = %d, csrf %q", page.Status, b.csrf)
	}
	good := func() url.Values {
		return url.Values{"kind": {"solution"}, "title": {"Felles legevakt"}, "text": {"Vi har felles legevakt med nabokommunen.\r\n\r\nDet fungerer godt."},
			"tag": {"alternativ.interkommunalt_samarbeid", "rolle.tjenesteyter"}, "municipality": {"4601"}, "sender_type": {"organisation"},
			"name": {"Ola Skjemasen"}, "organisation": {"Legeforeningen lokalt"}, "email": {"ola@example.org"}, "consent": {"1"}}
	}
	for _, tt := range []struct {
		name    string
		edit    func(url.Values)
		file    string
		data    []byte
		status  int
		message string
	}{
		{"Honeypot", func(v url.Values) { v.Set("nettsted", "http://spam.example") }, "", nil, 400, "skal stå tomt"},
		{"FakePDF", func(url.Values) {}, "rapport.pdf", []byte("<html><script>alert(1)</script></html>"), 400, "ikke en PDF-fil"},
		{"ScriptTitle", func(v url.Values) { v.Set("title", "<script>alert(1)</script>") }, "", nil, 400, "Tittel: HTML-kode"},
		{"UnknownTag", func(v url.Values) { v.Add("tag", "utfordring.vaer") }, "", nil, 400, "Emneord: emneordet «utfordring.vaer» er ukjent"},
		{"NoConsent", func(v url.Values) { v.Del("consent") }, "", nil, 400, "Samtykke:"},
		{"BadEmail", func(v url.Values) { v.Set("email", "ola at example") }, "", nil, 400, "E-post"},
		{"NoCSRF", func(v url.Values) { v.Set("csrf", "x") }, "", nil, 403, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := e.count(t)
			v := good()
			tt.edit(v)
			r := b.multipartForm("/innspill/ny", v, tt.file, tt.data)
			if r.Status != tt.status || !strings.Contains(r.Body, tt.message) {
				t.Errorf("status %d, want %d with %q", r.Status, tt.status, tt.message)
			}
			if tt.status == 400 && (!strings.Contains(r.Body, "Ola Skjemasen") || !strings.Contains(r.Body, "Felles legevakt") && tt.name != "ScriptTitle") {
				t.Errorf("the form does not keep what was typed")
			}
			if strings.Contains(r.Body, "<script>alert") {
				t.Errorf("the page shows markup unescaped")
			}
			if e.count(t) != before {
				t.Errorf("a refused form stored an input")
			}
		})
	}
	// A form sent without multipart encoding (no file field) is judged on
	// its fields, in the page's words, not refused for its attachment.
	short := good()
	short.Set("text", "For kort.")
	if r := b.form("/innspill/ny", short); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "Innspill: skriv minst 20 tegn.") {
		t.Errorf("url-encoded form with a short text = %d, want 400 with the text's refusal", r.Status)
	}
	r := b.multipartForm("/innspill/ny", good(), "../../etc/notat.pdf", []byte(minimalPDF))
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/innspill/kvittering/INN-") {
		t.Fatalf("submit = %d %s", r.Status, r.Header.Get("Location"))
	}
	receipt := b.get(r.Header.Get("Location"))
	ref := strings.TrimSuffix(strings.TrimPrefix(r.Header.Get("Location"), "/innspill/kvittering/"), "?ny=1")
	if receipt.Status != http.StatusOK || !strings.Contains(receipt.Body, ref) || !strings.Contains(receipt.Body, "Til behandling") ||
		receipt.Header.Get("Cache-Control") != "private, no-store" || receipt.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("receipt = %d, headers %v", receipt.Status, receipt.Header)
	}
	in, err := e.db.InputByReference(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	if in.Attachment == nil || in.Attachment.Name != "notat.pdf" || in.Text != "Vi har felles legevakt med nabokommunen.\n\nDet fungerer godt." || in.County != "46" || len(in.Tags) != 2 {
		t.Errorf("stored %+v", in)
	}
	if r := b.get("/innspill/kvittering?ref=" + strings.ToLower(ref)); r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/innspill/kvittering/"+ref {
		t.Errorf("lookup = %d %s", r.Status, r.Header.Get("Location"))
	}
	if r := b.get(fmt.Sprintf("/innspill/%d", in.ID)); r.Status != http.StatusNotFound {
		t.Errorf("an unpublished input is shown: %d", r.Status)
	}
	if r := b.form("/innspill/kvittering/"+ref+"/trekk", url.Values{}); r.Status != http.StatusSeeOther {
		t.Fatalf("withdraw = %d %s", r.Status, r.Body)
	}
	if r := b.get("/innspill/kvittering/" + ref); !strings.Contains(r.Body, "Trukket tilbake") || strings.Contains(r.Body, `id="input-withdraw"`) {
		t.Errorf("after withdrawal the receipt shows %s", r.Body)
	}
}

// TestInputModeration: an analyst publishes, rejects, retags, merges,
// links and erases; the public list, search, counts, map and exports show
// the published inputs only, without personal data unless chosen, and
// after erasure the name and e-mail appear nowhere.
func TestInputModeration(t *testing.T) {
	e := newInputEnv(t)
	ctx := context.Background()
	e.analyst(t, "analytiker")
	public := newHTTPClient(t, e.URL, "192.0.2.20")
	send := func(title, text, muni string, tags []string, name, email string, publishName bool) string {
		body := map[string]any{"kind": "both", "title": title, "text": text, "tags": tags, "municipality": muni, "sender_type": "person",
			"name": name, "email": email, "publish_name": publishName, "consent": true}
		r := public.postJSON("/api/v1/inputs", body)
		if r.Status != http.StatusCreated {
			t.Fatalf("POST = %d %s", r.Status, r.Body)
		}
		var c struct{ Reference string }
		json.Unmarshal([]byte(r.Body), &c)
		return c.Reference
	}
	send("Lange reiser til legevakt", "Innbyggerne i Utsira har over en time til nærmeste legevakt. A < B.", "1151",
		[]string{"rolle.tjenesteyter", "utfordring.kapasitet_kompetanse"}, "Per Hemmelig", "per@hemmelig.no", false)
	send("Felles plankontor", "Tre kommuner deler et plankontor, og saksbehandlingstiden har gått ned.", "4601",
		[]string{"alternativ.interkommunalt_samarbeid", "rolle.samfunnsutvikler"}, "Anne Åpen", "anne@open.no", true)
	send("Spam", "Dette innspillet handler ikke om kommunene i det hele tatt.", "", nil, "", "", false)
	send("Plankontor igjen", "Vi deler også plankontor med nabokommunen, det er et godt samarbeid.", "4601", []string{"alternativ.sammenslaing"}, "", "", false)

	a := newHTTPClient(t, e.URL, "192.0.2.21")
	a.signIn("analytiker")
	queue := a.get("/innspill/moderering")
	if queue.Status != http.StatusOK || !strings.Contains(queue.Body, "per@hemmelig.no") || !strings.Contains(queue.Body, "Til behandling (4)") {
		t.Fatalf("queue = %d", queue.Status)
	}
	// Publish 1 and 2 (retagging 2), reject 3.
	for _, tt := range []struct {
		id     int
		v      url.Values
		status generalist.InputStatus
	}{
		{1, url.Values{"action": {"publish"}, "version": {"1"}, "tag": {"rolle.tjenesteyter", "utfordring.kapasitet_kompetanse"}}, generalist.InputPublished},
		{2, url.Values{"action": {"publish"}, "version": {"1"}, "tag": {"alternativ.interkommunalt_samarbeid", "rolle.samfunnsutvikler", "utfordring.fagmiljo"}}, generalist.InputPublished},
		{3, url.Values{"action": {"reject"}, "version": {"1"}, "reason": {"Handler ikke om kommunene."}}, generalist.InputRejected},
	} {
		a.get(fmt.Sprintf("/innspill/moderering/%d", tt.id))
		if r := a.form(fmt.Sprintf("/innspill/moderering/%d", tt.id), tt.v); r.Status != http.StatusSeeOther {
			t.Fatalf("moderate %d = %d %s", tt.id, r.Status, r.Body)
		}
		if in, _ := e.db.Input(ctx, int64(tt.id)); in.Status != tt.status || in.Moderator != "analytiker" {
			t.Errorf("input %d: %s by %q", tt.id, in.Status, in.Moderator)
		}
	}
	// A stale version is refused with a message.
	a.get("/innspill/moderering/1")
	if r := a.form("/innspill/moderering/1", url.Values{"action": {"reject"}, "version": {"1"}, "reason": {"x"}}); r.Status != http.StatusConflict || !strings.Contains(r.Body, "changed by someone else") {
		t.Errorf("stale moderation = %d", r.Status)
	}
	// Merge 4 into 2.
	if r := a.form("/innspill/moderering/4/sammenslaing", url.Values{"into": {"2"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("merge = %d %s", r.Status, r.Body)
	}
	// Link 1 to a scenario.
	sc := &generalist.Scenario{ID: "legevakt", Name: "Felles legevakt", Structure: 2024, Year: 2026}
	if err := e.db.CreateScenario(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if r := a.form("/innspill/moderering/1/scenario", url.Values{"scenario": {"legevakt"}, "op": {"link"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("link = %d %s", r.Status, r.Body)
	}
	if ins, err := e.db.InputsForScenario(ctx, "legevakt"); err != nil || len(ins) != 1 || ins[0].ID != 1 {
		t.Errorf("InputsForScenario = %v, %v", ins, err)
	}

	// The public list: published only, filters, search, counts, map.
	list := public.get("/innspill")
	for _, want := range []string{"Lange reiser til legevakt", "Felles plankontor", "2 publiserte innspill", "Anne Åpen", `id="input-map-title"`, "A &lt; B."} {
		if !strings.Contains(list.Body, want) {
			t.Errorf("/innspill lacks %q", want)
		}
	}
	for _, bad := range []string{"Spam", "Plankontor igjen", "Per Hemmelig", "per@hemmelig.no", "anne@open.no"} {
		if strings.Contains(list.Body, bad) {
			t.Errorf("/innspill shows %q", bad)
		}
	}
	for _, tt := range []struct {
		query string
		want  []string
		not   []string
	}{
		{"tag=utfordring.fagmiljo", []string{"Felles plankontor"}, []string{"Lange reiser"}},
		{"tag=utfordring.fagmiljo&tag=rolle.tjenesteyter", []string{"Felles plankontor", "Lange reiser"}, nil},
		{"tag=alternativ.sammenslaing", []string{"Felles plankontor"}, []string{"Lange reiser"}}, // merged in from 4
		{"municipality=1151", []string{"Lange reiser"}, []string{"Felles plankontor"}},
		{"county=46", []string{"Felles plankontor"}, []string{"Lange reiser"}},
		{"q=legevakt", []string{"Lange reiser"}, []string{"Felles plankontor"}},
		{"q=PLANKONTOR+saksbehandling", []string{"Felles plankontor"}, []string{"Lange reiser"}},
		{"q=hemmelig", nil, []string{"Lange reiser", "Felles plankontor"}},
		{"kind=solution", nil, []string{"Lange reiser", "Felles plankontor"}},
	} {
		r := public.get("/innspill?" + tt.query)
		if r.Status != http.StatusOK {
			t.Errorf("/innspill?%s = %d", tt.query, r.Status)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("/innspill?%s lacks %q", tt.query, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(r.Body, w) {
				t.Errorf("/innspill?%s shows %q", tt.query, w)
			}
		}
		api := public.get("/api/v1/inputs?" + tt.query)
		if api.Status != http.StatusOK || len(tt.want) > 0 && !strings.Contains(api.Body, tt.want[0]) {
			t.Errorf("/api/v1/inputs?%s = %d %s", tt.query, api.Status, api.Body)
		}
	}
	if !regexp.MustCompile(`data-tag="rolle.tjenesteyter">1<`).MatchString(list.Body) || !regexp.MustCompile(`data-tag="utfordring.fagmiljo">1<`).MatchString(list.Body) {
		t.Errorf("/innspill tag counts wrong")
	}
	counts := public.get("/api/v1/inputs/counts")
	if !strings.Contains(counts.Body, `"municipality": "4601"`) || !strings.Contains(counts.Body, `"total": 2`) {
		t.Errorf("counts = %s", counts.Body)
	}
	show := public.get("/innspill/1")
	if show.Status != http.StatusOK || !strings.Contains(show.Body, "A &lt; B.") || strings.Contains(show.Body, "Per Hemmelig") || !strings.Contains(show.Body, "legevakt") {
		t.Errorf("/innspill/1 = %d", show.Status)
	}

	// Exports: published inputs, no e-mail, a name only when chosen.
	for _, format := range []string{"csv", "json"} {
		r := public.get("/api/v1/inputs/export?format=" + format)
		if r.Status != http.StatusOK || !strings.Contains(r.Body, "Felles plankontor") || !strings.Contains(r.Body, "Anne Åpen") ||
			strings.Contains(r.Body, "Per Hemmelig") || strings.Contains(r.Body, "@") || strings.Contains(r.Body, "Spam") {
			t.Errorf("export %s = %d %s", format, r.Status, r.Body)
		}
	}

	// The attachment is served only to analysts, as a sandboxed download.
	withPDF := send("Med vedlegg", "Et innspill med et notat som vedlegg, som ikke skal publiseres.", "", nil, "Vedlegg Person", "v@example.no", false)
	in, _ := e.db.InputByReference(ctx, withPDF)
	if r := public.get(fmt.Sprintf("/innspill/moderering/%d/vedlegg", in.ID)); r.Status != http.StatusSeeOther {
		t.Errorf("attachment as the public = %d", r.Status)
	}

	// Erase the personal data of input 2 (whose sender chose to publish
	// the name): it must appear nowhere afterwards.
	a.get("/innspill/moderering/2")
	if r := a.form("/innspill/moderering/2/sletting", url.Values{"confirm": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("erase = %d %s", r.Status, r.Body)
	}
	for _, path := range []string{"/innspill", "/innspill/2", "/api/v1/inputs", "/api/v1/inputs/export?format=csv", "/api/v1/inputs/export?format=json", "/innspill?q=anne"} {
		if r := public.get(path); strings.Contains(r.Body, "Anne") || strings.Contains(r.Body, "anne@") {
			t.Errorf("%s still shows the erased name", path)
		}
	}
	for _, path := range []string{"/innspill/moderering?status=alle", "/innspill/moderering/2", "/api/v1/moderation/inputs?status=alle", "/api/v1/moderation/inputs/2"} {
		r := a.get(path)
		if r.Status != http.StatusOK || strings.Contains(r.Body, "Anne") || strings.Contains(r.Body, "anne@open.no") {
			t.Errorf("%s = %d, or still shows the erased name", path, r.Status)
		}
	}
	if !strings.Contains(a.get("/innspill/moderering/2").Body, "Personopplysningene ble slettet") {
		t.Error("the moderation page does not say the data was erased")
	}
	// Every table of the database, the full-text index included.
	assertNowhere(t, e.path, "Anne Åpen", "anne@open.no")
}

// assertNowhere reads every row of every table of the SQLite file and
// fails if any value contains one of the strings.
func assertNowhere(t *testing.T, path string, needles ...string) {
	t.Helper()
	tables := sqlitefile.Tables(t, path)
	if len(tables) < 10 {
		t.Fatalf("only %d tables", len(tables))
	}
	for _, table := range tables {
		for _, vals := range table.Rows {
			for i, v := range vals {
				var s string
				switch x := v.(type) {
				case string:
					s = x
				case []byte:
					s = string(x)
				}
				for _, n := range needles {
					if strings.Contains(strings.ToLower(s), strings.ToLower(n)) {
						t.Errorf("table %s, column %s still holds %q", table.Name, table.Columns[i], n)
					}
				}
			}
		}
	}
}

// TestInputOpenAPI checks that every input API route is documented, in
// web/openapi.json or, until it is merged into it, in
// web/openapi_input.json, which must not clash with openapi.json.
func TestInputOpenAPI(t *testing.T) {
	e := newInputEnv(t)
	type doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	read := func(name string) *doc {
		b, err := os.ReadFile(name)
		if os.IsNotExist(err) && name == "openapi_input.json" {
			return nil
		} else if err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return &d
	}
	main, frag := read("openapi.json"), read("openapi_input.json")
	all := map[string]map[string]json.RawMessage{}
	for path, ops := range main.Paths {
		all[path] = ops
	}
	if frag != nil {
		for path, ops := range frag.Paths {
			if _, clash := main.Paths[path]; clash {
				t.Errorf("path %s is in both documents", path)
			}
			all[path] = ops
		}
		for name := range frag.Components.Schemas {
			if _, clash := main.Components.Schemas[name]; clash {
				t.Errorf("schema %s is in both documents", name)
			}
		}
	}
	served := map[string]bool{}
	for _, p := range e.srv.apiPatterns {
		method, path, _ := strings.Cut(p, " ")
		served[strings.ToLower(method)+" "+path] = true
		if _, ok := all[path][strings.ToLower(method)]; !ok && strings.Contains(path, "/inputs") {
			t.Errorf("route %s is not documented", p)
		}
	}
	for path, ops := range all {
		for method := range ops {
			if strings.Contains(path, "/inputs") && !served[method+" "+path] {
				t.Errorf("%s %s is documented but not served", method, path)
			}
		}
	}
}

func TestScenarioInputs(t *testing.T) {
	e := newInputEnv(t)
	ctx := context.Background()
	sc := &generalist.Scenario{ID: "med-innspill", Name: "Med innspill", Structure: 2024, Year: 2026}
	e.linkedInput(t, sc, &generalist.Input{Kind: generalist.InputSolution, Title: "Grunnlag", Text: "Et innspill som begrunner scenarioet.", SenderType: generalist.SenderPerson,
		Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew})
	got, err := e.srv.scenarioInputs(ctx, []*generalist.Scenario{sc, {Name: "fra fil"}})
	if err != nil || len(got) != 1 || len(got[sc.ID]) != 1 || got[sc.ID][0].Title != "Grunnlag" {
		t.Errorf("scenarioInputs = %v, %v", got, err)
	}
}

// TestScenarioReportInputs: the scenario report lists the published
// inputs linked to the scenario.
func TestScenarioReportInputs(t *testing.T) {
	e := newInputEnv(t)
	sc := &generalist.Scenario{ID: "rapport-innspill", Name: "Rapport med innspill", Structure: 2024, Year: 2026}
	e.linkedInput(t, sc, &generalist.Input{Kind: generalist.InputChallenge, Title: "Motivasjon for scenarioet", Text: "Et publisert innspill som begrunner scenarioet.",
		SenderType: generalist.SenderPerson, Name: "Skjult Navn", Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew})
	e.analyst(t, "analytiker")
	c := newHTTPClient(t, e.URL, "")
	c.signIn("analytiker") // stored scenarios are shown to accounts only
	r := c.get("/scenarier/rapport?id=" + sc.ID + "&format=md")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Motivasjon for scenarioet") || strings.Contains(r.Body, "Skjult Navn") {
		t.Errorf("report = %d:\n%s", r.Status, r.Body)
	}
}
