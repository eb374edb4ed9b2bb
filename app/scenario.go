package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"generalist"
	"generalist/atlas"
	"generalist/economy"
	"generalist/sim"
)

// Today is the empty scenario: today's system on a structure and year.
func Today(s generalist.Structure, year int) *generalist.Scenario {
	return &generalist.Scenario{ID: fmt.Sprintf("dagens-system-%d-%d", s, year), Name: "Dagens system", Structure: s, Year: year}
}

// Base returns the evaluation base of a structure and year: the
// municipalities, their population and capacity, the graph, and today's
// registered cooperation as opts says (TodaysCooperation).
func (a *App) Base(ctx context.Context, s generalist.Structure, year int, opts TodayOptions) (*sim.Base, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	g, err := a.Graph(s)
	if err != nil {
		return nil, err
	}
	// The catalogue is read inside, after the version (see Capacity).
	return remember(ctx, a, fmt.Sprintf("base/%d/%d/%s", s, year, opts.Key()), func() (*sim.Base, error) {
		cat, err := a.Catalogue(ctx)
		if err != nil {
			return nil, err
		}
		in, err := atlas.ScenarioBase(ctx, a.Store, cat, g, s, year)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			if yerr := a.yearProblem(ctx, year); yerr != nil {
				return nil, yerr // a year without data is the caller's mistake
			}
		}
		if err != nil {
			return nil, err
		}
		if in.Today, in.TodayBasis, err = a.TodaysCooperation(ctx, s, year, opts); err != nil {
			return nil, err
		}
		if in.County, err = a.CountyTasks(); err != nil {
			return nil, err
		}
		in.Prepare() // kept for every evaluation on it: prepare once, here
		return in, nil
	})
}

// Validate lists a scenario's problems (errors and warnings), each with its
// place.
func (a *App) Validate(ctx context.Context, sc *generalist.Scenario) (generalist.Problems, error) {
	in, err := a.Base(ctx, sc.Structure, sc.Year, TodayOptions{}) // today's cooperation changes no problem
	if err != nil {
		return nil, err
	}
	return sim.Validate(in, sc), nil
}

// Evaluate runs a scenario on today's registered cooperation as opts says:
// the structure, capacity, democracy and distance figures (package sim) and, on the 2024 structure where the
// ministry's tables apply, the income system's effect of its mergers with
// the economy model the store holds (package economy).
//
// The outcome of a scenario with an id (stored, example, today's system)
// is kept under the data version, keyed by a digest of the scenario's
// content, so that a scenario deleted and created again under the same
// id and version never gets the other one's outcome, and by opts. Callers
// must not change the outcome.
func (a *App) Evaluate(ctx context.Context, sc *generalist.Scenario, opts TodayOptions) (*sim.Outcome, error) {
	if sc.ID == "" {
		return a.evaluate(ctx, sc, opts)
	}
	return remember(ctx, a, "outcome/"+opts.Key()+"/"+ScenarioKey(sc), func() (*sim.Outcome, error) {
		return a.evaluate(ctx, sc, opts)
	})
}

// ScenarioKey identifies a scenario's content for caches: its id and a
// digest of its JSON.
func ScenarioKey(sc *generalist.Scenario) string {
	b, _ := json.Marshal(sc) // a Scenario always encodes
	sum := sha256.Sum256(b)
	return sc.ID + "/" + hex.EncodeToString(sum[:16])
}

func (a *App) evaluate(ctx context.Context, sc *generalist.Scenario, opts TodayOptions) (*sim.Outcome, error) {
	in, err := a.Base(ctx, sc.Structure, sc.Year, opts)
	if err != nil {
		return nil, err
	}
	out, err := sim.Run(in, sc)
	if err != nil {
		return nil, err
	}
	if sc.Structure == generalist.Structure2024 {
		m, err := a.Economy(ctx)
		if err != nil {
			return nil, err
		}
		if out.Economy, err = economy.ForScenario(m, sc); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MaxCompared is how many scenarios a comparison holds at most: more is
// not readable side by side, and each costs an evaluation and its part of
// the answer (about 0.4 MB of JSON).
const MaxCompared = 10

// Compare evaluates today's system and each scenario, which must all be
// on the same structure and year, on today's registered cooperation as
// opts says: the outcomes, today's first.
func (a *App) Compare(ctx context.Context, scs []*generalist.Scenario, opts TodayOptions) ([]*sim.Outcome, error) {
	if len(scs) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "name at least one scenario to compare with today's system")
	}
	if len(scs) > MaxCompared {
		return nil, generalist.Errorf(generalist.EINVALID, "at most %d scenarios side by side, not %d", MaxCompared, len(scs))
	}
	first := scs[0]
	for _, sc := range scs[1:] {
		if sc.Structure != first.Structure || sc.Year != first.Year {
			return nil, generalist.Errorf(generalist.EINVALID, "scenario %s is on the %d structure, 1 January %d, and %s on the %d structure, 1 January %d: compare scenarios on the same base",
				label(sc), sc.Structure, sc.Year, label(first), first.Structure, first.Year)
		}
	}
	today, err := a.Evaluate(ctx, Today(first.Structure, first.Year), opts)
	if err != nil {
		return nil, err
	}
	outs := []*sim.Outcome{today}
	for _, sc := range scs {
		out, err := a.Evaluate(ctx, sc, opts)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", label(sc), err)
		}
		outs = append(outs, out)
	}
	return outs, nil
}

func label(sc *generalist.Scenario) string {
	if sc.ID != "" {
		return sc.ID
	}
	return fmt.Sprintf("%q", sc.Name)
}

// Kinds of listed scenarios.
const (
	KindStored  = "stored"
	KindExample = "example"
)

// Listed is a scenario in a list, with where it comes from.
type Listed struct {
	*generalist.Scenario
	Kind string `json:"kind"` // KindStored or KindExample
}

// Scenarios lists the stored scenarios followed by the shipped examples:
// every stored one when withStored, which the edges set for signed-in
// users, else only the published ones (see readable).
func (a *App) Scenarios(ctx context.Context, withStored bool) ([]Listed, error) {
	var out []Listed
	stored, err := a.Store.Scenarios(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range stored {
		if readable(sc, withStored) {
			out = append(out, Listed{sc, KindStored})
		}
	}
	examples, err := a.Examples()
	if err != nil {
		return nil, err
	}
	for _, sc := range examples {
		if !slices.ContainsFunc(out, func(l Listed) bool { return l.ID == sc.ID }) {
			out = append(out, Listed{sc, KindExample})
		}
	}
	return out, nil
}

// Scenario finds a stored or example scenario by id: any stored one when
// withStored, else only a published one (see readable). ENOTFOUND when
// there is none the reader may see.
func (a *App) Scenario(ctx context.Context, id string, withStored bool) (*generalist.Scenario, error) {
	sc, err := a.Store.Scenario(ctx, id)
	if err == nil && readable(sc, withStored) {
		return sc, nil
	} else if err != nil && generalist.ErrorCode(err) != generalist.ENOTFOUND {
		return nil, err
	}
	examples, err := a.Examples()
	if err != nil {
		return nil, err
	}
	for _, sc := range examples {
		if sc.ID == id {
			return sc, nil
		}
	}
	return nil, generalist.Errorw(generalist.ENOTFOUND, "err.scenario.notfound", "no scenario %s", id)
}

// checkSaved refuses a scenario that may not be stored: one with problems
// (the first error is returned) or, for a new one, the id of an example.
func (a *App) checkSaved(ctx context.Context, sc *generalist.Scenario, isNew bool) error {
	problems, err := a.Validate(ctx, sc)
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	if !isNew {
		return nil
	}
	examples, err := a.Examples()
	if err != nil {
		return err
	}
	if slices.ContainsFunc(examples, func(e *generalist.Scenario) bool { return e.ID == sc.ID }) {
		return generalist.Errorf(generalist.ECONFLICT, "%s is the id of a shipped example; choose another", sc.ID)
	}
	return nil
}

// CreateScenario validates and stores a new scenario (version 1).
// EINVALID for a scenario with problems, ECONFLICT for a used id or an
// example's.
func (a *App) CreateScenario(ctx context.Context, sc *generalist.Scenario) error {
	if err := a.checkSaved(ctx, sc, true); err != nil {
		return err
	}
	return a.Store.CreateScenario(ctx, sc)
}

// UpdateScenario validates and stores a changed scenario if its version
// is the stored one. ECONFLICT for a stale version.
func (a *App) UpdateScenario(ctx context.Context, sc *generalist.Scenario) error {
	if err := a.checkSaved(ctx, sc, false); err != nil {
		return err
	}
	return a.Store.UpdateScenario(ctx, sc)
}

// DeleteScenario removes a stored scenario. ENOTFOUND if there is none.
func (a *App) DeleteScenario(ctx context.Context, id string) error {
	return a.Store.DeleteScenario(ctx, id)
}
