package app

import (
	"fmt"
	"sync"
	"time"

	"generalist"
	"generalist/economy"
	"generalist/refdata"
)

// Store is everything the application reads and writes; both stores
// (sqlstore on SQLite and PostgreSQL) implement all of it.
type Store interface {
	generalist.AtlasStore
	generalist.IndicatorStore
	generalist.CatalogueStore
	generalist.ScenarioStore
	generalist.IMCStore
	generalist.IMCStateStore
	generalist.InputStore
	generalist.UserStore
	generalist.AuditStore
	generalist.EconomyStore
	generalist.DataVersionStore
}

// App is the application: the store and the models built from it. It is
// safe for concurrent use.
type App struct {
	// Store is the store every use case reads and writes. Edges may read
	// it directly for plain records (a municipality, a list of inputs);
	// anything that chains models goes through the App's methods.
	Store Store

	now func() time.Time

	shippedOnce sync.Once
	shipped     shipped

	geoMu sync.Mutex
	geo   map[generalist.Structure]*geometry

	version version
	memo    *Cache
}

// shipped is what the binary embeds, parsed on first use.
type shipped struct {
	catalogue *generalist.Catalogue
	examples  []*generalist.Scenario
	err       error
}

// Option changes how New makes an App.
type Option func(*App)

// WithClock sets the clock (tests); the default is time.Now.
func WithClock(now func() time.Time) Option { return func(a *App) { a.now = now } }

// New returns an App on store. It does no work: everything is built on
// first use.
func New(store Store, opts ...Option) *App {
	a := &App{Store: store, now: time.Now, geo: map[generalist.Structure]*geometry{}}
	for _, o := range opts {
		o(a)
	}
	a.memo = a.NewCache()
	a.memo.version = a.modelVersion
	return a
}

func (a *App) loadShipped() *shipped {
	a.shippedOnce.Do(func() {
		s := &a.shipped
		if s.catalogue, s.err = refdata.EmbeddedTasks(); s.err != nil {
			s.err = fmt.Errorf("app: task catalogue: %w", s.err)
			return
		}
		if s.examples, s.err = refdata.ExampleScenarios(); s.err != nil {
			s.err = fmt.Errorf("app: example scenarios: %w", s.err)
		}
	})
	return &a.shipped
}

// ShippedCatalogue returns the task catalogue as shipped, without the
// analysts' changes. Callers must not change it.
func (a *App) ShippedCatalogue() (*generalist.Catalogue, error) {
	s := a.loadShipped()
	return s.catalogue, s.err
}

// Examples returns the shipped example scenarios. Callers must not change
// them.
func (a *App) Examples() ([]*generalist.Scenario, error) {
	s := a.loadShipped()
	return s.examples, s.err
}

// shippedEconomy parses the embedded income-system data. It is parsed
// anew for each model because OverlayEconomy changes the model it is
// given; the memo keeps the result.
func shippedEconomy() (*economy.Model, error) { return refdata.EmbeddedEconomy() }
