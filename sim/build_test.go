package sim

import (
	"strings"
	"testing"

	"generalist"
)

// TestBuildUnitsRefuses: a scenario that got past validation gives
// EINVALID naming the place, never a panic or an internal error.
func TestBuildUnitsRefuses(t *testing.T) {
	base := func() *Base {
		in := &Base{Structure: 2024, Year: 2026}
		for _, n := range []generalist.MunicipalityNumber{"1806", "1851", "1853"} {
			in.Municipalities = append(in.Municipalities, generalist.Municipality{Number: n, Name: string(n), ShortName: string(n), County: "18"})
			in.Populations = append(in.Populations, generalist.Population{Structure: 2024, Year: 2026, Municipality: n, Total: 1000})
		}
		return in
	}
	for _, tt := range []struct {
		name string
		s    generalist.Scenario
		want string
	}{
		{"SplitIntoItself", generalist.Scenario{Splits: []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1806", "1853"}, Shares: []float64{0.5, 0.5}}}},
			"splits[0]: kommune 1806 cannot receive a part of 1806"},
		{"UnknownMember", generalist.Scenario{Mergers: []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"0101", "1806"}}}},
			"mergers[0] (m): kommune 0101 is not in the 2024 structure"},
		{"UnknownPart", generalist.Scenario{Splits: []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"0101", "1853"}}}},
			"splits[0]: kommune 0101 is not in the 2024 structure"},
		{"SharesMissing", generalist.Scenario{Splits: []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}, Shares: []float64{1}}}},
			"splits[0]: give one share per part"},
		{"EmptyMerger", generalist.Scenario{Mergers: []generalist.Merger{{Name: "m"}}},
			"mergers[0] (m): a merger needs at least two municipalities"},
		{"TwoMergers", generalist.Scenario{Mergers: []generalist.Merger{{Name: "a", Members: []generalist.MunicipalityNumber{"1806", "1851"}}, {Name: "b", Members: []generalist.MunicipalityNumber{"1851", "1853"}}}},
			"mergers[1] (b): kommune 1851 is in another merger too"},
		{"CentreNotMember", generalist.Scenario{Mergers: []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"1806", "1851"}, Centre: "1853"}}},
			"mergers[0] (m): the centre 1853 is not a member"},
		{"EmptyMember", generalist.Scenario{Mergers: []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"1806", ""}}}},
			"mergers[0] (m): kommune  is not in the 2024 structure"},
		{"SplitAndMerged", generalist.Scenario{Mergers: []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"1806", "1851"}}},
			Splits: []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1853"}}}},
			"splits[0]: kommune 1806 is split and also merged"},
		{"HostSplit", generalist.Scenario{
			Splits:         []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}},
			Differentiated: []generalist.TaskTransfer{{Task: "barnevern", To: generalist.ToHost, Host: "1806"}}},
			"differentiation[0] (barnevern): the host 1806 is no municipality after the scenario"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := buildUnits(base(), &tt.s)
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("buildUnits = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}
