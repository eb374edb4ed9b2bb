package sim_test

import (
	"math"
	"testing"

	"generalist"
	"generalist/sim"
)

// TestCentreDistance pins the distance to the new centre: over the
// inhabitants of the merged municipalities only (not 0 for everyone
// else averaged over the country), weighted by population, each former
// municipality's centroid to the centre municipality's, checked against
// the graph's own centroid distances; none when nothing merges.
func TestCentreDistance(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	today, err := sim.Run(in, &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if d := today.CentreDistance; d.Mergers != 0 || d.MeanKm != nil || d.MaxKm != nil || d.Inhabitants != nil {
		t.Errorf("today: %+v, want no merger and no distance", d)
	}
	members := []generalist.MunicipalityNumber{"1133", "1134", "1135"} // Hjelmeland, Suldal, Sauda
	out, err := sim.Run(in, &generalist.Scenario{Name: "Ryfylke", Structure: 2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Ryfylke", Members: members, Centre: "1133"}}})
	if err != nil {
		t.Fatal(err)
	}
	pop := map[generalist.MunicipalityNumber]float64{}
	for _, p := range in.Populations {
		pop[p.Municipality] = float64(p.Total)
	}
	centre, _ := in.Graph.Lookup("1133")
	var sum, w, far float64
	for _, m := range members {
		n, ok := in.Graph.Lookup(string(m))
		if !ok || pop[m] == 0 {
			t.Fatalf("%s: no centroid or population", m)
		}
		d := float64(in.Graph.Distance(n.ID, centre.ID))
		sum += pop[m] * d
		w += pop[m]
		far = max(far, d)
	}
	d := out.CentreDistance
	if d.Mergers != 1 || d.Inhabitants == nil || *d.Inhabitants != generalist.Persons(w) || d.Moved == nil || *d.Moved != generalist.Persons(pop["1134"]+pop["1135"]) {
		t.Fatalf("merged: %+v, want 1 merger, %v inhabitants, %v moved", d, w, pop["1134"]+pop["1135"])
	}
	if d.MeanKm == nil || math.Abs(*d.MeanKm-sum/w) > 1e-9 || d.MaxKm == nil || math.Abs(*d.MaxKm-far) > 1e-9 {
		t.Fatalf("distance %v, longest %v; want %v and %v", d.MeanKm, d.MaxKm, sum/w, far)
	}
	t.Logf("%v inhabitants, %v moved: mean %.1f km, longest %.1f km", *d.Inhabitants, *d.Moved, *d.MeanKm, *d.MaxKm)
	// Over the merged inhabitants, not the country: tens of km here,
	// where the country-wide mean was 0,1.
	if *d.MeanKm < 10 {
		t.Errorf("mean distance %.2f km, want the merged inhabitants' (over 10 km)", *d.MeanKm)
	}
	// Without a graph there is no distance: no data, not 0.
	bare := input(t, generalist.Structure2024, 2026)
	bare.Graph = nil
	out, err = sim.Run(bare, &generalist.Scenario{Name: "Ryfylke", Structure: 2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Ryfylke", Members: members, Centre: "1133"}}})
	if err != nil {
		t.Fatal(err)
	}
	if d := out.CentreDistance; d.Mergers != 1 || d.Inhabitants == nil || *d.Inhabitants != generalist.Persons(w) || d.MeanKm != nil || d.MaxKm != nil {
		t.Errorf("without a graph: %+v, want the merger, its inhabitants and no distance", d)
	}
}
