package atlas_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/atlas"
	"generalist/refdata"
	"generalist/sqlite"
)

var (
	storeOnce sync.Once
	store     *sqlite.DB
	storeErr  error
)

// loaded returns one store, loaded with the embedded data, for tests that
// only read.
func loaded(t *testing.T) *sqlite.DB {
	t.Helper()
	storeOnce.Do(func() {
		store, storeErr = sqlite.Open(context.Background(), filepath.Join(sharedDir, "atlas.db"))
		if storeErr == nil {
			_, storeErr = refdata.Ensure(context.Background(), store)
		}
	})
	if storeErr != nil {
		t.Fatal(storeErr)
	}
	return store
}

func TestAssignStructure(t *testing.T) {
	ctx := context.Background()
	db := loaded(t)
	p := func(n generalist.MunicipalityNumber, year int, v generalist.Persons) generalist.Population {
		return generalist.Population{Year: year, Municipality: n, Total: v}
	}
	gap := func(n generalist.MunicipalityNumber, year int) generalist.Population {
		return generalist.Population{Year: year, Municipality: n, Missing: true, Note: "mangler"}
	}
	for _, tt := range []struct {
		name    string
		in      []generalist.Population
		want    generalist.Structure
		structs []generalist.Structure
		dropped []string
		err     string
	}{
		{"Current", []generalist.Population{p("1508", 2026, 1), p("0301", 2026, 2)}, 0, []generalist.Structure{2024}, nil, ""},
		// Old Ålesund exists only in 2020, whatever the year says.
		{"Old code", []generalist.Population{p("1507", 2024, 1), p("0301", 2024, 2)}, 0, []generalist.Structure{2020}, nil, ""},
		// SSB lists abolished codes with ".." after they end: dropped, and
		// the rest fits 2024.
		{"Abolished empty", []generalist.Population{gap("1507", 2024), p("1508", 2024, 1)}, 0, []generalist.Structure{2024}, []string{"1507 1.1.2024"}, ""},
		// A series across the split: no single structure knows both codes,
		// so each year goes to the structure in force.
		{"Across split", []generalist.Population{p("1507", 2023, 1), p("1508", 2024, 1)}, 0, []generalist.Structure{2020, 2024}, nil, ""},
		{"Forced", []generalist.Population{p("0301", 2026, 1)}, 2019, []generalist.Structure{2019}, nil, ""},
		// The region rule: a number that is a municipality in no
		// structure refuses the import, with data or without.
		{"ErrUnknown", []generalist.Population{p("0399", 2026, 1)}, 0, nil, nil, "kommune 0399 is not a municipality in any structure"},
		{"ErrUnknownEmpty", []generalist.Population{p("0301", 2026, 1), gap("1299", 2026)}, 0, nil, nil, "kommune 1299 is not a municipality in any structure"},
		// Records without data are left out; with nothing else there is
		// nothing to import.
		{"ErrOnlyGaps", []generalist.Population{gap("0301", 2026)}, 0, nil, nil, "nothing to import"},
		{"ErrForced", []generalist.Population{p("1508", 2026, 1)}, 2020, nil, nil, "kommune 1508 (1.1.2026) is not a municipality of the 2020 structure"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := atlas.AssignStructure(ctx, db, tt.in, nil, tt.want)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("AssignStructure error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Structures, tt.structs) || !reflect.DeepEqual(got.Dropped, tt.dropped) {
				t.Errorf("AssignStructure = structures %v, dropped %v; want %v, %v", got.Structures, got.Dropped, tt.structs, tt.dropped)
			}
			for _, r := range got.Populations {
				if err := r.Validate(); err != nil {
					t.Errorf("assigned record does not validate: %v", err)
				}
			}
		})
	}
}

func TestPopulationCarry(t *testing.T) {
	ctx := context.Background()
	db := loaded(t)
	// 2019 data on the 2020 structure: merged municipalities are summed,
	// but Narvik, Hamarøy, Heim, Hitra and Orkland received parts of split
	// Tysfjord and Snillfjord and so have no data.
	c, err := atlas.Population(ctx, db, generalist.Structure2020, 2019)
	if err != nil {
		t.Fatal(err)
	}
	if c.CarriedFrom != generalist.Structure2019 || len(c.Values) != 356 {
		t.Fatalf("Population(2020, 2019): carried from %d, %d values", c.CarriedFrom, len(c.Values))
	}
	var unknown []string
	var sum generalist.Persons
	for _, v := range c.Values {
		if !v.Known {
			unknown = append(unknown, string(v.Municipality))
		}
		sum += v.Value
	}
	// 2020 numbers: 1806 Narvik, 1875 Hamarøy, 5055 Heim, 5056 Hitra, 5059 Orkland.
	if want := []string{"1806", "1875", "5055", "5056", "5059"}; !reflect.DeepEqual(unknown, want) {
		t.Errorf("unknown after carrying 2019 → 2020 = %v, want %v", unknown, want)
	}
	// The known part equals the 2019 national total minus the 2019
	// municipalities that went into the five (computed from the file).
	pops, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2019, Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	m, err := db.Mapping(ctx, 2019, 2020)
	if err != nil {
		t.Fatal(err)
	}
	into := map[generalist.MunicipalityNumber]bool{}
	for _, ch := range m.Changes {
		for _, u := range unknown {
			if string(ch.To) == u {
				into[ch.From] = true
			}
		}
	}
	var want generalist.Persons
	for _, p := range pops {
		if !into[p.Municipality] {
			want += p.Total
		}
	}
	if sum != want {
		t.Errorf("sum of known carried values = %d, want %d", sum, want)
	}
}
