package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/imc"
	"generalist/internal/nbfmt"
	"generalist/postgres"
	"generalist/refdata"
	"generalist/sqlite"
	"generalist/sqlstore"
	"generalist/storetest"
)

// TestServersShareVersion runs two servers on one database, each with its
// own App and connection pool, as two processes: a change made through
// one shows on the other's very next request, though the other had just
// served the page from memory — no waiting, no clock (decision 0015). An
// input submitted and published through the first appears on the
// second's innspill list; a task parameter changed through the first
// changes the second's capacity page. Both stores.
func TestServersShareVersion(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			var db1, db2 *sqlstore.DB
			if backend == "sqlite" {
				path := filepath.Join(t.TempDir(), "shared.db")
				db1, db2 = openShared(t, func() (*sqlstore.DB, error) { return sqlite.Open(ctx, path) })
			} else {
				u := storetest.PostgresURL(t)
				db1, db2 = openShared(t, func() (*sqlstore.DB, error) { return postgres.Open(ctx, u) })
			}
			if _, err := refdata.Ensure(ctx, db1); err != nil {
				t.Fatal(err)
			}
			h, err := auth.HashPassword(inputPassword, auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
			if err != nil {
				t.Fatal(err)
			}
			if err := db1.CreateUser(ctx, &generalist.User{Name: "analytiker", Role: generalist.UserAnalyst, PasswordHash: h}); err != nil {
				t.Fatal(err)
			}
			appA := app.New(db1)
			a, b := serve(t, appA), serve(t, app.New(db2))
			page := func(path string) string {
				t.Helper()
				r := newHTTPClient(t, b.URL, "").get(path)
				if r.Status != http.StatusOK {
					t.Fatalf("GET %s on the second server = %d", path, r.Status)
				}
				return r.Body
			}

			const title = "Delt versjon mellom tjenere"
			if strings.Contains(page("/innspill"), title) {
				t.Fatal("the input is listed before it was sent")
			}
			page("/innspill") // now served from memory
			public := newHTTPClient(t, a.URL, "192.0.2.1")
			if r := public.postJSON("/api/v1/inputs", submission(title, "To tjenere på én database skal vise det samme med en gang.")); r.Status != http.StatusCreated {
				t.Fatalf("POST /api/v1/inputs on the first server = %d %s", r.Status, r.Body)
			}
			analyst := newHTTPClient(t, a.URL, "")
			analyst.signIn("analytiker")
			analyst.get("/innspill/moderering/1")
			if r := analyst.form("/innspill/moderering/1", url.Values{"action": {"publish"}, "version": {"1"}, "tag": {"rolle.tjenesteyter"}}); r.Status != http.StatusSeeOther {
				t.Fatalf("publishing on the first server = %d %s", r.Status, r.Body)
			}
			if !strings.Contains(page("/innspill"), title) {
				t.Error("the second server's innspill list does not show the input published through the first, on its next request")
			}

			before := page("/kapasitet")
			if page("/kapasitet") != before {
				t.Fatal("the capacity page changed without a change")
			}
			huge := 10000.0 // a team no municipality reaches
			if err := appA.ChangeParam(ctx, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &huge, Note: "test", Author: "test"}); err != nil {
				t.Fatal(err)
			}
			after := page("/kapasitet")
			if after == before || !strings.Contains(after, nbfmt.For("nb").Int(10000)) {
				t.Error("the second server's capacity page is the same after a parameter change made through the first, on its next request")
			}
		})
	}
}

// openShared opens two stores on one database with open.
func openShared(t *testing.T, open func() (*sqlstore.DB, error)) (*sqlstore.DB, *sqlstore.DB) {
	t.Helper()
	var dbs [2]*sqlstore.DB
	for i := range dbs {
		db, err := open()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	return dbs[0], dbs[1]
}

// serve starts a server on a and returns it.
func serve(t *testing.T, a *app.App) *httptest.Server {
	t.Helper()
	srv, err := NewServer(Config{App: a, TrustProxy: true, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// readCounter counts the store reads the published pages make (all but
// the data version's).
type readCounter struct {
	app.Store
	mu    sync.Mutex
	reads map[string]int
}

func (c *readCounter) count(name string) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
}

func (c *readCounter) ListInputs(ctx context.Context, f generalist.InputFilter) ([]generalist.Input, int, error) {
	c.count("ListInputs")
	return c.Store.ListInputs(ctx, f)
}

func (c *readCounter) TagCounts(ctx context.Context, f generalist.InputFilter) ([]generalist.TagCount, error) {
	c.count("TagCounts")
	return c.Store.TagCounts(ctx, f)
}

func (c *readCounter) CountsByMunicipality(ctx context.Context, f generalist.InputFilter) ([]generalist.MunicipalityCount, error) {
	c.count("CountsByMunicipality")
	return c.Store.CountsByMunicipality(ctx, f)
}

func (c *readCounter) IMCs(ctx context.Context, f generalist.IMCFilter) ([]generalist.IMC, error) {
	c.count("IMCs")
	return c.Store.IMCs(ctx, f)
}

func (c *readCounter) Municipalities(ctx context.Context, s generalist.Structure) ([]generalist.Municipality, error) {
	c.count("Municipalities")
	return c.Store.Municipalities(ctx, s)
}

func (c *readCounter) Counties(ctx context.Context, s generalist.Structure) ([]generalist.County, error) {
	c.count("Counties")
	return c.Store.Counties(ctx, s)
}

func (c *readCounter) PopulationYears(ctx context.Context, s generalist.Structure) ([]int, error) {
	c.count("PopulationYears")
	return c.Store.PopulationYears(ctx, s)
}

func (c *readCounter) Scenario(ctx context.Context, id string) (*generalist.Scenario, error) {
	c.count("Scenario")
	return c.Store.Scenario(ctx, id)
}

func (c *readCounter) IMC(ctx context.Context, id int64) (*generalist.IMC, error) {
	c.count("IMC")
	return c.Store.IMC(ctx, id)
}

func (c *readCounter) Indicators(ctx context.Context) ([]generalist.Indicator, error) {
	c.count("Indicators")
	return c.Store.Indicators(ctx)
}

func (c *readCounter) Scenarios(ctx context.Context) ([]*generalist.Scenario, error) {
	c.count("Scenarios")
	return c.Store.Scenarios(ctx)
}

func (c *readCounter) Datasets(ctx context.Context) ([]generalist.Dataset, error) {
	c.count("Datasets")
	return c.Store.Datasets(ctx)
}

func (c *readCounter) ParamChanges(ctx context.Context) ([]generalist.ParamChange, error) {
	c.count("ParamChanges")
	return c.Store.ParamChanges(ctx)
}

// TestPublishedPagesFromMemory: once rendered, the registry, the innspill
// list, the municipality list, the capacity page, a scenario comparison
// and the other published routes of the load test are served again to the
// public without a store read (only the data version's), until the data
// change; then they are built once more.
func TestPublishedPagesFromMemory(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "pages.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := refdata.Ensure(ctx, db); err != nil {
		t.Fatal(err)
	}
	cs, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportIMCs(ctx, cs, generalist.IMCEdit{Author: "test"}, false); err != nil {
		t.Fatal(err)
	}
	in := &generalist.Input{Kind: generalist.InputChallenge, Title: "Et publisert innspill", Text: "Teksten til et publisert innspill.", SenderType: generalist.SenderPerson,
		Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputPublished}
	if err := db.ImportInputs(ctx, []*generalist.Input{in}); err != nil {
		t.Fatal(err)
	}
	st := &readCounter{Store: db, reads: map[string]int{}}
	ts := serve(t, app.New(st))
	paths := []string{"/samarbeid", "/innspill", "/kommuner", "/kapasitet", "/scenarier/sammenlign?id=barnevern-palagt-samarbeid&id=sammenslaing-5000",
		"/innspill?side=1&kind=challenge", "/kommuner?sort=name&dir=desc&lang=en",
		// The other published routes of the load test that read the store
		// or render per request (servePublic).
		"/kart", "/oppgaver", "/okonomi", "/samarbeid/1", "/scenarier", "/api/v1/imc", "/api/v1/imc/1", "/api/v1/imc/overview",
		"/api/v1/indicators", "/api/v1/scenarios"}
	get := func(path string) reply { return newHTTPClient(t, ts.URL, "").get(path) } // no cookies: a new visitor each time
	for _, p := range paths {
		if r := get(p); r.Status != http.StatusOK {
			t.Fatalf("GET %s = %d", p, r.Status)
		}
	}
	st.mu.Lock()
	clear(st.reads)
	st.mu.Unlock()
	for _, p := range paths {
		if r := get(p); r.Status != http.StatusOK {
			t.Fatalf("GET %s = %d", p, r.Status)
		}
		st.mu.Lock()
		if len(st.reads) > 0 {
			t.Errorf("GET %s the second time read the store: %v; want it served from memory", p, st.reads)
		}
		clear(st.reads)
		st.mu.Unlock()
	}
	more := &generalist.Input{Kind: generalist.InputSolution, Title: "Enda et publisert innspill", Text: "Teksten til enda et publisert innspill.", SenderType: generalist.SenderPerson,
		Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputPublished}
	if err := db.ImportInputs(ctx, []*generalist.Input{more}); err != nil {
		t.Fatal(err)
	}
	if r := get("/innspill"); !strings.Contains(r.Body, more.Title) || st.reads["ListInputs"] != 1 {
		t.Errorf("after another input was published the list read the store %v and shows it: %t; want one read and the input", st.reads, strings.Contains(r.Body, more.Title))
	}
}
