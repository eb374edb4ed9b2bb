package ssb

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"generalist"
)

// markers are SSB's signs for no value (decision 0011).
var markers = []string{".", "..", "...", ":"}

// The fixtures with every sign: testdata/07459_markers*.{csv,json} and
// testdata/indicator_markers.{csv,json}. They are also fuzz seeds.
var markerFixtures = []string{
	"07459_markers.csv", "07459_markers_status_object.json", "07459_markers_status_array.json",
	"indicator_markers.csv", "indicator_markers.json",
}

func TestMissingFixtures(t *testing.T) {
	wantPops := func(withNull bool) []generalist.Population {
		ps := []generalist.Population{
			missing("0301", 2026), missing("1101", 2026), missing("1103", 2026), missing("1106", 2026),
			total("1108", 2026, 0), total("1151", 2026, 219),
		}
		if withNull {
			ps = append(ps, missing("5001", 2026))
		}
		return ps
	}
	allSigns := generalist.MissingCells{"..": 1, ".": 1, "...": 1, ":": 1}
	withNull := generalist.MissingCells{"..": 1, ".": 1, "...": 1, ":": 1, generalist.MarkerNull: 1}
	for _, tt := range []struct {
		file    string
		want    []generalist.Population
		missing generalist.MissingCells
		skipped []string
	}{
		{"07459_markers.csv", wantPops(false), allSigns, []string{"0", "9999"}},
		{"07459_markers_status_object.json", wantPops(true), withNull, []string{"0"}},
		{"07459_markers_status_array.json", wantPops(true), withNull, []string{"0"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var ds *Dataset
			var err error
			if strings.HasSuffix(tt.file, ".csv") {
				ds, err = ParseCSV(bytes.NewReader(readFixture(t, tt.file)), CSVOptions{})
			} else {
				ds, err = ParseJSONStat(bytes.NewReader(readFixture(t, tt.file)))
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ds.Populations, tt.want) {
				t.Errorf("Populations = %s\nwant %s", show(ds.Populations), show(tt.want))
			}
			if !reflect.DeepEqual(ds.Missing, tt.missing) || ds.Zeros != 1 {
				t.Errorf("Missing = %v, Zeros = %d; want %v, 1", ds.Missing, ds.Zeros, tt.missing)
			}
			var skipped []string
			for _, s := range ds.Skipped {
				skipped = append(skipped, s.Region)
				if s.Cells != 1 {
					t.Errorf("skipped %s has %d cells, want 1", s.Region, s.Cells)
				}
			}
			if !reflect.DeepEqual(skipped, tt.skipped) {
				t.Errorf("Skipped = %v, want %v", skipped, tt.skipped)
			}
			if len(ds.Places) != len(tt.want) || ds.Places["0301"] == "" {
				t.Errorf("Places = %v, want one place for each of the %d municipalities", ds.Places, len(tt.want))
			}
		})
	}
}

func TestMissingIndicatorFixtures(t *testing.T) {
	want := []generalist.IndicatorValue{
		unknown("0301", 0), unknown("1101", 0), unknown("1103", 0), unknown("1106", 0),
		known("1108", 0, 0), known("1151", 0, 0), unknown("5001", 0),
	}
	for _, tt := range []struct {
		file    string
		year    int
		value   float64
		missing generalist.MissingCells
		skipped []string
	}{
		{"indicator_markers.csv", 2024, 12.5, generalist.MissingCells{"..": 1, ".": 1, "...": 1, ":": 1, generalist.MarkerEmpty: 1}, []string{"0000", "9999"}},
		{"indicator_markers.json", 2026, 91.9, generalist.MissingCells{"..": 1, ".": 1, "...": 1, ":": 1, generalist.MarkerNull: 1}, []string{"0"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var values []generalist.IndicatorValue
			var meta *IndicatorMeta
			var err error
			if strings.HasSuffix(tt.file, ".csv") {
				values, meta, err = ParseIndicatorCSV(bytes.NewReader(readFixture(t, tt.file)), CSVOptions{})
			} else {
				values, meta, err = ParseIndicatorJSONStat(bytes.NewReader(readFixture(t, tt.file)))
			}
			if err != nil {
				t.Fatal(err)
			}
			w := make([]generalist.IndicatorValue, len(want))
			copy(w, want)
			for i := range w {
				w[i].Year = tt.year
			}
			w[5].Value = tt.value
			if !reflect.DeepEqual(values, w) {
				t.Errorf("values = %+v\nwant %+v", values, w)
			}
			if !reflect.DeepEqual(meta.Missing, tt.missing) || meta.Zeros != 1 {
				t.Errorf("Missing = %v, Zeros = %d; want %v, 1", meta.Missing, meta.Zeros, tt.missing)
			}
			var skipped []string
			for _, s := range meta.Skipped {
				skipped = append(skipped, s.Region)
			}
			if !reflect.DeepEqual(skipped, tt.skipped) {
				t.Errorf("Skipped = %v, want %v", skipped, tt.skipped)
			}
			if len(meta.Places) != len(w) {
				t.Errorf("Places = %v, want one for each of %d municipalities", meta.Places, len(w))
			}
		})
	}
}

// TestEachMarker reads each of SSB's signs for no value, and "-", in every
// SSB reader: the cell is no data (never 0) and is counted by its sign.
func TestEachMarker(t *testing.T) {
	const head = "\"region\";\"år\";\"Personer\"\n"
	jsonStat := func(value, status string) string {
		return `{"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[2,1],
"dimension":{"Region":{"category":{"index":["0301","1151"]}},"Tid":{"category":{"index":["2024"]}}},
"value":` + value + `,"status":` + status + `}`
	}
	for _, m := range append(markers, "-") {
		zero := m == "-"
		wantMissing := generalist.MissingCells{}
		wantPop := missing("0301", 2024)
		wantInd := unknown("0301", 2024)
		if zero {
			wantPop, wantInd = total("0301", 2024, 0), known("0301", 2024, 0)
		} else {
			wantMissing[m] = 1
		}
		pops := []generalist.Population{wantPop, total("1151", 2024, 219)}
		inds := []generalist.IndicatorValue{wantInd, known("1151", 2024, 219)}
		q := fmt.Sprintf("%q", m)
		for _, tt := range []struct{ name, in string }{
			{"CSV", head + "\"0301 Oslo\";\"2024\";" + m + "\n\"1151 Utsira\";\"2024\";219\n"},
			{"JSONStatusObject", jsonStat("[null,219]", `{"0":`+q+`}`)},
			{"JSONStatusArray", jsonStat("[null,219]", `[`+q+`,null]`)},
			{"JSONNumberWithStatus", jsonStat("[5,219]", `{"0":`+q+`}`)},
			{"JSONQuotedValue", jsonStat(`[`+q+`,219]`, `null`)},
		} {
			if zero && tt.name == "JSONNumberWithStatus" {
				continue // a number stands for itself beside "-"
			}
			t.Run(m+"/"+tt.name, func(t *testing.T) {
				var ds *Dataset
				var err error
				if tt.name == "CSV" {
					ds, err = ParseCSV(strings.NewReader(tt.in), CSVOptions{})
				} else {
					ds, err = ParseJSONStat(strings.NewReader(tt.in))
				}
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(ds.Populations, pops) || !reflect.DeepEqual(ds.Missing, wantMissing) {
					t.Errorf("population: %s, missing %v; want %s, %v", show(ds.Populations), ds.Missing, show(pops), wantMissing)
				}
				if zero != (ds.Zeros == 1) {
					t.Errorf("Zeros = %d", ds.Zeros)
				}
				var values []generalist.IndicatorValue
				var meta *IndicatorMeta
				if tt.name == "CSV" {
					in := "kommunenummer;aar;verdi\n0301;2024;" + m + "\n1151;2024;219\n"
					values, meta, err = ParseIndicatorCSV(strings.NewReader(in), CSVOptions{})
				} else {
					values, meta, err = ParseIndicatorJSONStat(strings.NewReader(tt.in))
				}
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(values, inds) || !reflect.DeepEqual(meta.Missing, wantMissing) {
					t.Errorf("indicator: %+v, missing %v; want %+v, %v", values, meta.Missing, inds, wantMissing)
				}
			})
		}
	}
	t.Run("JSONNull", func(t *testing.T) {
		in := jsonStat("[null,219]", "null")
		ds, err := ParseJSONStat(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		want := generalist.MissingCells{generalist.MarkerNull: 1}
		if ds.Populations[0] != missing("0301", 2024) || !reflect.DeepEqual(ds.Missing, want) {
			t.Errorf("population: %s, missing %v", show(ds.Populations), ds.Missing)
		}
		values, meta, err := ParseIndicatorJSONStat(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if values[0] != unknown("0301", 2024) || !reflect.DeepEqual(meta.Missing, want) {
			t.Errorf("indicator: %+v, missing %v", values, meta.Missing)
		}
	})
}

// TestMissingPartKeepsTotal: a missing age or sex does not cost a total
// the file gives, and never makes a sum of the rest.
func TestMissingPartKeepsTotal(t *testing.T) {
	const h = "\"region\";\"kjønn\";\"alder\";\"år\";\"Personer\"\n"
	for _, tt := range []struct {
		name, in string
		want     generalist.Population
	}{
		{"AgeMissingTotalGiven", h + "\"0301\";\"0\";\"999\";\"2024\";22\n\"0301\";\"0\";\"000\";\"2024\";..\n",
			total("0301", 2024, 22)},
		{"SexesGivenBothMissing", h + "\"0301\";\"1\";\"999\";\"2024\";10\n\"0301\";\"2\";\"999\";\"2024\";12\n\"0301\";\"0\";\"999\";\"2024\";:\n",
			generalist.Population{Year: 2024, Municipality: "0301", Total: 22, Sex: &generalist.Sex{Men: 10, Women: 12}}},
		{"OneSexMissing", h + "\"0301\";\"1\";\"999\";\"2024\";10\n\"0301\";\"2\";\"999\";\"2024\";..\n",
			missing("0301", 2024)},
		{"OnlyAgesOneMissing", h + "\"0301\";\"0\";\"000\";\"2024\";..\n\"0301\";\"0\";\"001\";\"2024\";3\n",
			missing("0301", 2024)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ParseCSV(strings.NewReader(tt.in), CSVOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if want := []generalist.Population{tt.want}; !reflect.DeepEqual(ds.Populations, want) || len(ds.SingleAges) != 0 {
				t.Errorf("Populations = %s, %d single ages; want %s, none", show(ds.Populations), len(ds.SingleAges), show(want))
			}
		})
	}
	// The totals that are given must still agree.
	in := h + "\"0301\";\"1\";\"999\";\"2024\";10\n\"0301\";\"2\";\"999\";\"2024\";12\n\"0301\";\"0\";\"999\";\"2024\";23\n\"0301\";\"0\";\"000\";\"2024\";..\n"
	_, err := ParseCSV(strings.NewReader(in), CSVOptions{})
	checkInvalid(t, "ParseCSV(disagreeing totals)", err, []string{"men 10 + women 12 = 22", "both sexes (line 4) is 23"})
}
