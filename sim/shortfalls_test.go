package sim

import (
	"fmt"
	"slices"
	"testing"

	"generalist"
)

// TestShortfallsManyTasks: with more tasks with a staffing model than one
// word of bits holds, every unit still lists the tasks it is short of in
// catalogue order; with few, units short of the same tasks share a list,
// and appending to one unit's list changes no other.
func TestShortfallsManyTasks(t *testing.T) {
	for _, n := range []int{2, 70} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			in := todayBase()
			fte := generalist.Param{Value: 2, Assumption: true, Note: "test"}
			in.Catalogue = &generalist.Catalogue{Version: "t"}
			var want []string
			for i := range n {
				// Robust from 2,500 inhabitants on the even tasks, never
				// on the odd ones: 1851 and 1853 are short of all, 1806
				// of the odd ones.
				min := generalist.Param{Value: 5, Assumption: true, Note: "test"}
				if i%2 == 1 {
					min.Value = 1000
				}
				id := fmt.Sprintf("t%02d", i)
				want = append(want, id)
				in.Catalogue.Tasks = append(in.Catalogue.Tasks, generalist.Task{ID: id, NameNB: id, NameEN: id,
					Role: generalist.RoleServiceProvider, Sector: "s", LegalBasis: "lov", Staffing: &generalist.Staffing{FTEPer1000: fte, MinTeam: min}})
			}
			out := run(t, in, &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026})
			var odd []string
			for i, id := range want {
				if i%2 == 1 {
					odd = append(odd, id)
				}
			}
			got := map[generalist.MunicipalityNumber][]string{}
			for _, u := range out.Units {
				got[u.Number] = u.Shortfalls
			}
			if !slices.Equal(got["1806"], odd) || !slices.Equal(got["1851"], want) || !slices.Equal(got["1853"], want) {
				t.Fatalf("shortfalls = %v, want 1806 %v and the others %v", got, odd, want)
			}
			for _, u := range out.Units {
				_ = append(u.Shortfalls, "extra")
			}
			if !slices.Equal(got["1806"], odd) || !slices.Equal(got["1851"], want) || !slices.Equal(got["1853"], want) {
				t.Errorf("appending to each unit's shortfalls changed another's: %v", got)
			}
		})
	}
}
