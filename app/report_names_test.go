package app_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestComparisonEconomyUnnamedMerger: a merger saved without a name (the
// editor and a plan file may leave it out) is named after its centre in
// the comparison's economy, as the simulation names the new
// municipality, never with an empty name.
func TestComparisonEconomyUnnamedMerger(t *testing.T) {
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	sc := &generalist.Scenario{ID: "x", Name: "Uten navn", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Members: []generalist.MunicipalityNumber{"1812", "1811"}}, {Name: "Vega og Vevelstad", Members: []generalist.MunicipalityNumber{"1815", "1816"}, Centre: "1816"}}}
	e, err := a.ComparisonEconomy(context.Background(), []*generalist.Scenario{sc})
	if err != nil || e == nil {
		t.Fatalf("economy: %v, %v", e, err)
	}
	names := map[string]bool{}
	for _, m := range append(e.Mergers, e.Lacking...) {
		names[m.Name] = true
	}
	if len(names) != 2 || !names["Bindal"] || !names["Vega og Vevelstad"] {
		t.Errorf("merger names %v (reason %q), want Bindal (the centre of the unnamed one) and Vega og Vevelstad", names, e.Reason)
	}
}
