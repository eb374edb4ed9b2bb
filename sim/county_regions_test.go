package sim_test

import (
	"testing"

	"generalist"
	"generalist/sim"
)

// TestCountyRegionsInhabitants: the regions' own inhabitants, apart from
// the municipalities in no region, are the sums of their members'.
func TestCountyRegionsInhabitants(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	kr := []generalist.MunicipalityNumber{"4204", "4223", "4218"}
	ar := []generalist.MunicipalityNumber{"4203", "4202"}
	s := &generalist.Scenario{Name: "Regioner", Structure: 2024, Year: 2026, County: &generalist.CountyChange{
		Moves:   []generalist.CountyMove{{Task: "videregaende", To: generalist.CountyToRegions}},
		Regions: []generalist.CountyRegion{{Name: "Kristiansand-regionen", Members: kr}, {Name: "Arendal-regionen", Members: ar}}}}
	out, err := sim.Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	sum := func(ms []generalist.MunicipalityNumber) generalist.Persons {
		var p generalist.Persons
		for _, n := range ms {
			found := false
			for _, pop := range in.Populations {
				if pop.Municipality == n && !pop.Missing {
					p += pop.Total
					found = true
				}
			}
			if !found {
				t.Fatalf("no population for %s", n)
			}
		}
		return p
	}
	r := out.County.Receivers[0].Regions
	if r == nil || r.Count != 2 || r.Population.WithData != 2 {
		t.Fatalf("regions: %+v", r)
	}
	small, large := sum(ar), sum(kr)
	if small > large {
		small, large = large, small
	}
	d := r.Population
	if d.Inhabitants != sum(kr)+sum(ar) || d.Smallest.Inhabitants != small || d.Largest.Inhabitants != large {
		t.Errorf("regions' inhabitants: total %v, smallest %v (%s), largest %v; want %v, %v, %v", d.Inhabitants, d.Smallest.Inhabitants, d.Smallest.Name, d.Largest.Inhabitants, sum(kr)+sum(ar), small, large)
	}
}
