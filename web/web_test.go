package web_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/atlas"
	"generalist/imc"
	"generalist/refdata"
	"generalist/sqlite"
	"generalist/web"
)

var (
	srvOnce sync.Once
	srvURL  string
	srv     *web.Server
	srvErr  error
	tmpDir  string
)

func TestMain(m *testing.M) {
	var err error
	if tmpDir, err = os.MkdirTemp("", "web-test-"); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(tmpDir)
	os.Exit(code)
}

// testInputRef is the receipt reference of the shared server's input.
const testInputRef = "INN-TESTAAAAAAAAAAAA"

// NewTestServer starts one real listening server on an SQLite file loaded
// with the embedded data and the real geometry, shared by the tests.
func newTestServer(t testing.TB) string {
	t.Helper()
	srvOnce.Do(func() {
		ctx := context.Background()
		db, err := sqlite.Open(ctx, filepath.Join(tmpDir, "web.db"))
		if err != nil {
			srvErr = err
			return
		}
		if _, srvErr = refdata.Ensure(ctx, db); srvErr != nil {
			return
		}
		// A user indicator, clearly test data (not a real statistic), to
		// show that imported indicators appear where built-in ones do.
		testInd := &generalist.Indicator{ID: "testindikator", Name: "Testindikator", Unit: "poeng", Source: "Testdata, ikke en ekte statistikk", Structure: generalist.Structure2024}
		vals := []generalist.IndicatorValue{
			{Municipality: "0301", Year: 2026, Value: 80, Known: true},
			{Municipality: "1151", Year: 2026, Value: 40, Known: true},
			{Municipality: "4601", Year: 2026, Value: 75, Known: true},
		}
		if _, srvErr = atlas.ImportIndicator(ctx, db, testInd, vals, false); srvErr != nil {
			return
		}
		// The shipped example cooperations (marked as examples) fill the
		// registry, so that its pages and API have something to show.
		imcExamples, err := imc.Examples()
		if err != nil {
			srvErr = err
			return
		}
		if _, _, srvErr = db.ImportIMCs(ctx, imcExamples, generalist.IMCEdit{Author: "web test"}, false); srvErr != nil {
			return
		}
		// One published input (innspill), clearly test data, with a
		// fixed receipt reference (testInputRef) for the API's examples.
		in := &generalist.Input{Reference: testInputRef, Kind: generalist.InputSolution, Title: "Testinnspill: felles barnevern",
			Text: "Testdata, ikke et ekte innspill: fire kommuner deler barnevernstjenesten.", Tags: []generalist.InputTag{"alternativ.interkommunalt_samarbeid"},
			Municipality: "1151", SenderType: generalist.SenderPerson, Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputPublished}
		if srvErr = db.ImportInputs(ctx, []*generalist.Input{in}); srvErr != nil {
			return
		}
		s, err := web.NewServer(web.Config{App: app.New(db), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			srvErr = err
			return
		}
		srv = s
		srvURL = httptest.NewServer(s).URL
	})
	if srvErr != nil {
		t.Fatal(srvErr)
	}
	return srvURL
}

// inlineStyle finds style attributes (not font-style and the like).
var inlineStyle = regexp.MustCompile(`\sstyle="`)

type response struct {
	Status int
	Type   string
	Body   string
}

// get gets path from the shared server. Norwegian numbers are grouped
// with no-break spaces; the tests' expectations are written with ordinary
// ones, so get reads them as such (getURL gives the body as sent).
func get(t testing.TB, path string) response {
	t.Helper()
	r := getURL(t, newTestServer(t)+path)
	r.Body = strings.ReplaceAll(r.Body, "\u00a0", " ")
	return r
}

// checkPage gets path from the shared server (as get does) and checks
// that the answer has status, holds every text of want and none of not,
// and has no inline style attribute, which the CSP forbids.
func checkPage(t *testing.T, path string, status int, want, not []string) response {
	t.Helper()
	r := get(t, path)
	if r.Status != status {
		t.Fatalf("GET %s = %d, want %d\n%.2000s", path, r.Status, status, r.Body)
	}
	for _, w := range want {
		if !strings.Contains(r.Body, w) {
			t.Errorf("GET %s lacks %q", path, w)
		}
	}
	for _, w := range not {
		if strings.Contains(r.Body, w) {
			t.Errorf("GET %s has %q", path, w)
		}
	}
	if inlineStyle.MatchString(r.Body) {
		t.Errorf("GET %s has an inline style attribute; the CSP forbids them", path)
	}
	return r
}

// getURL gets the whole URL u, sending the cookies given, and returns the
// answer as sent.
func getURL(t testing.TB, u string, cookies ...*http.Cookie) response {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header.Get("Content-Type"), string(b)}
}

func TestPages(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Tjenesteyter", "Demokratisk arena", "5 367 580", "5 162,5", "Utsira</a> (198)", "Finland uten Åland", "Statistisk sentralbyrå"}},
		{"/?lang=en", 200, []string{`lang="en"`, "Service provider", "5,367,580", "Finland"}},
		{"/kommuner", 200, []string{"357 kommuner", `href="/kommune/0301?year=2026"`, "728 714", "ikke verifisert"}},
		{"/kommuner?county=46&sort=population&dir=desc", 200, []string{"43 kommuner", "Bergen"}},
		{"/kommuner?structure=2020&year=2020", 200, []string{"356 kommuner", "693 494"}},
		{"/kommuner?size=u5000", 200, []string{"174 kommuner"}},
		{"/kommune/0301", 200, []string{"Oslo", "728 714", "Bærum", "Aldersfordeling", "Folkemengde 2006–2026", `data-code="0301"`}},
		{"/kommune/1151", 200, []string{"Utsira", "219", "sjøforbindelse", "ingen data"}}, // no cost index for Utsira
		{"/kommune/1507?structure=2020&year=2020", 200, []string{"Ålesund", "66 258"}},
		{"/sammenlign?k=0301,Bergen,Utsira", 200, []string{"Oslo", "Bergen", "Utsira", "compare-table"}},
		{"/sammenlign?k=Atlantis", 400, []string{"Fant ikke: Atlantis"}},
		{"/kart?indicator=share80", 200, []string{"<svg", "Andel 80 år og eldre"}},
		{"/kart?indicator=costindex", 200, []string{"Utsira og Modalen"}},
		{"/kart?indicator=area&structure=2020", 200, []string{"bare for 2024-strukturen"}},
		{"/kommune/9999", 404, []string{"Kommune 9999 finnes ikke i 2024-strukturen"}},
		{"/kommune/03O1", 400, []string{"not a digit"}},
		{"/kommuner?county=4", 400, []string{"fylkesnummer"}},
		{"/kommuner?sort=shoe", 400, []string{"unknown column"}},
		{"/kart?indicator=bogus", 400, []string{`indicator &#34;bogus&#34;`}},
		{"/nowhere", 404, []string{"Fant ikke siden"}},
		{"/oppgaver", 200, []string{"Barnevern", "barnevernsloven", "antakelse", "Myndighetsutøver"}},
		{"/kapasitet", 200, []string{"Oppgaver × kommuner", "heatmap", "Utsira", "cap-severe"}},
		{"/kapasitet?county=15", 200, []string{"Ålesund"}},
		{"/kommune/1151", 200, []string{"Sårbarhetsprofil", "Demografisk press", "Innbyggere 20–66 år per innbygger 80"}},
		{"/kommune/1151?lang=en", 200, []string{"Vulnerability profile"}},
		{"/analyse", 200, []string{"regresjon", "log2 av folkemengden", "Sentralitetsklasse 6 (mot klasse 1)", "Beregnet på 354 kommuner", "KOSTRA", "<svg"}},
		{"/analyse?indicator=share80&structure=2020&year=2020&cov=logpop", 200, []string{"Andel 80 år og eldre", "Beregnet på 356 kommuner"}},
		{"/analyse?cov=nonsense", 400, []string{"unknown covariate"}},
		{"/kart?indicator=testindikator", 200, []string{"Testindikator, 2026", "Testdata, ikke en ekte statistikk", "ingen data"}},
		{"/kommune/1151", 200, []string{"Importerte indikatorer", "Testindikator", "<td class=\"num\">40</td>"}},
		{"/kart?indicator=nosuch", 400, []string{"imported indicator"}},
		{"/analyse?indicator=testindikator&cov=logpop", 200, []string{"Beregnet på 3 kommuner. 354 kommuner er utelatt"}},
		{"/scenarier", 200, []string{"Pålagt interkommunalt samarbeid om barnevern", "kommunereformen-2020"}},
		{"/scenarier/sammenlign?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000", 200, []string{"Dagens system", "Oppgave–kommune-par under robust nivå", "i samarbeid"}},
		{"/scenarier/sammenlign?id=kommunereformen-2020", 200, []string{"<td class=\"num\">356</td>"}},
		{"/scenarier/sammenlign?id=nosuch", 404, []string{"Fant ikke scenarioet «nosuch»"}},
		{"/scenarier/rapport?id=forsok-haugalandet", 200, []string{"<!doctype html>", "Forutsetninger", "Kilder"}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			if r := checkPage(t, tt.path, tt.status, tt.want, nil); !strings.HasPrefix(r.Type, "text/html") {
				t.Errorf("GET %s Content-Type = %q", tt.path, r.Type)
			}
		})
	}
}

func TestAPI(t *testing.T) {
	t.Run("Municipalities", func(t *testing.T) {
		r := get(t, "/api/v1/municipalities?structure=2024")
		var got struct {
			Municipalities []struct {
				Number     string
				Name       string
				County     string
				Population *int64
			}
		}
		if err := json.Unmarshal([]byte(r.Body), &got); err != nil || r.Status != 200 {
			t.Fatalf("GET municipalities = %d, %v", r.Status, err)
		}
		if len(got.Municipalities) != 357 {
			t.Fatalf("%d municipalities, want 357", len(got.Municipalities))
		}
		var sum int64
		for _, m := range got.Municipalities {
			if m.Population == nil || m.Name == "" || len(m.County) != 2 {
				t.Errorf("incomplete row %+v", m)
				continue
			}
			sum += *m.Population
		}
		if sum != 5627400 {
			t.Errorf("sum of populations = %d, want 5627400 (1.1.2026)", sum)
		}
	})
	t.Run("One", func(t *testing.T) {
		r := get(t, "/api/v1/municipalities/4601")
		if r.Status != 200 || !strings.Contains(r.Body, `"name": "Bergen"`) || !strings.Contains(r.Body, `"county": "46"`) {
			t.Errorf("GET /api/v1/municipalities/4601 = %d %s", r.Status, r.Body)
		}
	})
	t.Run("Stats", func(t *testing.T) {
		r := get(t, "/api/v1/stats?structure=2020&year=2020")
		var got map[string]any
		if err := json.Unmarshal([]byte(r.Body), &got); err != nil {
			t.Fatal(err)
		}
		if got["municipalities"] != 356.0 || got["inhabitants"] != 5367580.0 || got["median"] != 5162.5 {
			t.Errorf("stats = %v", got)
		}
	})
	t.Run("Series", func(t *testing.T) {
		r := get(t, "/api/v1/municipalities/1508/population")
		if r.Status != 200 || !strings.Contains(r.Body, `"note": "estimert_deling"`) || !strings.Contains(r.Body, `"population": null`) {
			t.Errorf("Ålesund series should show 2006–2023 as no data: %d %s", r.Status, r.Body[:min(400, len(r.Body))])
		}
	})
	t.Run("Graph", func(t *testing.T) {
		r := get(t, "/api/v1/graph?structure=2024")
		var g struct {
			Nodes []struct{ Number string }
			Edges []struct{ A, B, Kind string }
		}
		if err := json.Unmarshal([]byte(r.Body), &g); err != nil {
			t.Fatal(err)
		}
		if len(g.Nodes) != 357 || len(g.Edges) < 700 {
			t.Fatalf("graph: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
		}
		found := false
		for _, e := range g.Edges {
			if e.A == "1149" && e.B == "1151" || e.A == "1151" {
				found = found || e.Kind == "bridge"
			}
		}
		if !found {
			t.Error("Utsira has no sea link (bridge) in the graph")
		}
	})
	t.Run("CSV", func(t *testing.T) {
		r := get(t, "/api/v1/municipalities?structure=2020&year=2020&format=csv")
		lines := strings.Split(strings.TrimSpace(r.Body), "\n")
		if r.Status != 200 || !strings.HasPrefix(r.Type, "text/csv") || len(lines) != 357 || !strings.HasPrefix(lines[0], "\ufeffkommunenummer,") {
			t.Errorf("CSV = %d %s, %d lines", r.Status, r.Type, len(lines))
		}
	})
	t.Run("Map", func(t *testing.T) {
		r := get(t, "/api/v1/maps/population.svg?structure=2024&highlight=0301,4601")
		if r.Status != 200 || r.Type != "image/svg+xml" || !strings.Contains(r.Body, `data-code="5601"`) {
			t.Errorf("map = %d %s", r.Status, r.Type)
		}
	})
	for _, tt := range []struct {
		path   string
		status int
		msg    string
	}{
		{"/api/v1/municipalities/9999", 404, "kommune 9999 is not in the 2024 structure"},
		{"/api/v1/municipalities/301", 400, "4 digits"},
		{"/api/v1/municipalities?structure=2021", 400, "query parameter structure"},
		{"/api/v1/municipalities?year=20x6", 400, "query parameter year"},
		{"/api/v1/municipalities?format=xml", 400, "query parameter format"},
		{"/api/v1/municipalities?size=huge", 400, "query parameter size"},
		{"/api/v1/stats?structure=2020&year=1990", 404, "no population data"},
		{"/api/v1/stats?under=0", 400, "query parameter under"},
		{"/api/v1/maps/bogus", 400, "indicator"},
		{"/api/v1/maps/population?highlight=0301,abc", 400, "query parameter highlight"},
		{"/api/v1/maps/population?structure=2019", 404, "no map geometry"},
		{"/api/v1/maps/population?width=99999", 400, "at most 4000"},
		{"/api/v1/graph?structure=2019", 404, "no adjacency graph"},
		{"/api/v1/nope", 404, "no API route"},
		{"/api/v1/municipalities/0399/capacity", 404, "kommune 0399"},
		{"/api/v1/indicators/NoSuch", 400, "indicator"},
		{"/api/v1/capacity?year=18", 400, "query parameter year"},
	} {
		t.Run("Err "+tt.path, func(t *testing.T) {
			r := get(t, tt.path)
			var e struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
				t.Fatalf("GET %s: not a JSON error: %v\n%s", tt.path, err, r.Body)
			}
			if r.Status != tt.status || !strings.Contains(e.Error.Message, tt.msg) || e.Error.Code == "" {
				t.Errorf("GET %s = %d %+v, want %d with %q", tt.path, r.Status, e.Error, tt.status, tt.msg)
			}
		})
	}
}

func TestGzip(t *testing.T) {
	base := newTestServer(t)
	for _, path := range []string{"/api/v1/municipalities", "/api/v1/maps/population.svg", "/kommune/1151"} {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil || resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("GET %s with gzip: %v, headers %v", path, err, resp.Header)
		}
		unzipped, err := io.ReadAll(zr)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		// A client that does not ask for gzip gets the plain bytes.
		presp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(presp.Body)
		presp.Body.Close()
		if err != nil || presp.Header.Get("Content-Encoding") != "" {
			t.Fatalf("GET %s without gzip: %v, %v", path, err, presp.Header)
		}
		if string(unzipped) != string(plain) {
			t.Errorf("GET %s: compressed and plain bodies differ", path)
		}
	}
}
