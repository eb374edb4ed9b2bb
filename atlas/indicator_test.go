package atlas_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"generalist"
	"generalist/atlas"
	"generalist/sqlite"
	"generalist/storetest"
)

// indicatorStore opens a store of its own, since these tests write.
func indicatorStore(t *testing.T) *sqlite.DB {
	t.Helper()
	return storetest.Loaded(t, storetest.OpenSQLite(t))
}

func iv(num generalist.MunicipalityNumber, year int, v float64) generalist.IndicatorValue {
	return generalist.IndicatorValue{Municipality: num, Year: year, Value: v, Known: true}
}

func noValue(num generalist.MunicipalityNumber, year int) generalist.IndicatorValue {
	return generalist.IndicatorValue{Municipality: num, Year: year, Note: generalist.NoteMissing}
}

func TestAssignIndicatorStructure(t *testing.T) {
	ctx := context.Background()
	db := loaded(t)
	for _, tt := range []struct {
		name    string
		in      []generalist.IndicatorValue
		want    generalist.Structure
		got     generalist.Structure
		dropped []string
		err     []string
	}{
		{"Current", []generalist.IndicatorValue{iv("0301", 2024, 1), iv("1508", 2024, 2), iv("3101", 2024, 3)}, 0, 2024, nil, nil},
		{"Old", []generalist.IndicatorValue{iv("1507", 2023, 1), iv("3001", 2023, 2)}, 0, 2020, nil, nil},
		// Numbers every structure has: the one in force for the year.
		{"InForce", []generalist.IndicatorValue{iv("0301", 2022, 1)}, 0, 2020, nil, nil},
		{"Forced", []generalist.IndicatorValue{iv("0301", 2022, 1)}, 2024, 2024, nil, nil},
		// SSB lists abolished numbers with ".." after they end.
		{"AbolishedEmpty", []generalist.IndicatorValue{noValue("1507", 2024), iv("1508", 2024, 1)}, 0, 2024, []string{"1507 2024"}, nil},
		{"ErrMixed", []generalist.IndicatorValue{iv("1507", 2023, 1), iv("1508", 2024, 1), iv("0301", 2024, 1)}, 0, 0, nil,
			[]string{"mixed structures", "the 2024 structure lacks 1507", "the 2020 structure lacks 1508", "the 2019 structure lacks 1507, 1508", "split the file"}},
		{"ErrUnknown", []generalist.IndicatorValue{iv("0301", 2024, 1), noValue("0399", 2024)}, 0, 0, nil,
			[]string{"kommune 0399 is not a municipality in any structure"}},
		{"ErrForced", []generalist.IndicatorValue{iv("1508", 2024, 1), iv("1580", 2024, 1), iv("3101", 2024, 1), iv("3103", 2024, 1), iv("0301", 2024, 1)}, 2020, 0, nil,
			[]string{"not a municipality of the 2020 structure: 1508, 1580, 3101 and 1 more"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := atlas.AssignIndicatorStructure(ctx, db, tt.in, tt.want)
			if tt.err != nil {
				if err == nil {
					t.Fatalf("AssignIndicatorStructure = %+v, want an error", a)
				}
				for _, w := range tt.err {
					if !strings.Contains(generalist.ErrorMessage(err), w) {
						t.Errorf("error %q does not contain %q", generalist.ErrorMessage(err), w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Structure != tt.got || !reflect.DeepEqual(a.Dropped, tt.dropped) || len(a.Values)+len(a.Dropped) != len(tt.in) {
				t.Errorf("AssignIndicatorStructure = %d, dropped %v, %d values; want %d, dropped %v", a.Structure, a.Dropped, len(a.Values), tt.got, tt.dropped)
			}
		})
	}
}

// valueOf finds a municipality's value in a layer.
func valueOf(t *testing.T, l *atlas.IndicatorLayer, num generalist.MunicipalityNumber) generalist.IndicatorValue {
	t.Helper()
	for _, v := range l.Values {
		if v.Municipality == num {
			return v
		}
	}
	t.Fatalf("no value for %s on the %d structure", num, l.Structure)
	return generalist.IndicatorValue{}
}

func TestIndicatorOn(t *testing.T) {
	ctx := context.Background()
	db := indicatorStore(t)
	imp := func(id string, s generalist.Structure, additive bool, values ...generalist.IndicatorValue) {
		t.Helper()
		ind := &generalist.Indicator{ID: id, Name: id + " (testdata)", Unit: "enhet", Source: "Testdata", Structure: s, Additive: additive}
		if _, err := atlas.ImportIndicator(ctx, db, ind, values, false); err != nil {
			t.Fatal(err)
		}
	}
	// Test fixtures, made-up values on real municipality numbers.
	imp("score-2020", 2020, false, iv("1507", 2022, 4.5), iv("3001", 2022, 3.25), iv("0301", 2022, 5), iv("5001", 2022, 4),
		iv("0301", 2023, 5.5))
	imp("users-2020", 2020, true, iv("1507", 2022, 120), iv("3001", 2022, 40), iv("5001", 2022, 300))
	imp("users-2024", 2024, true, iv("1508", 2024, 100), iv("1580", 2024, 20), iv("3101", 2024, 41))
	imp("rate-2024", 2024, false, iv("1508", 2024, 0.5), iv("1580", 2024, 0.25))
	imp("users-2019", 2019, true, iv("5001", 2019, 250), iv("5030", 2019, 50))

	type want struct {
		num   generalist.MunicipalityNumber
		value float64
		known bool
		note  string
	}
	for _, tt := range []struct {
		name    string
		id      string
		s       generalist.Structure
		year    int
		carried generalist.Structure
		want    []want
	}{
		{"Same", "score-2020", 2020, 2022, 0, []want{{"1507", 4.5, true, ""}, {"3001", 3.25, true, ""}, {"1103", 0, false, generalist.NoteMissing}}},
		{"LatestYear", "score-2020", 2020, 0, 0, []want{{"0301", 5.5, true, ""}, {"1507", 0, false, generalist.NoteMissing}}},
		// 2020 → 2024: Ålesund was split (no data either way), the Viken
		// municipalities renumbered (carried 1:1), the rest unchanged.
		{"SplitNotAdditive", "score-2020", 2024, 2022, 2020, []want{
			{"1508", 0, false, generalist.NoteSplitCarried}, {"1580", 0, false, generalist.NoteSplitCarried},
			{"3101", 3.25, true, ""}, {"0301", 5, true, ""}, {"5001", 4, true, ""}, {"1103", 0, false, generalist.NoteMissing}}},
		{"SplitAdditive", "users-2020", 2024, 2022, 2020, []want{
			{"1508", 0, false, generalist.NoteSplitCarried}, {"1580", 0, false, generalist.NoteSplitCarried}, {"3101", 40, true, ""}}},
		// 2024 → 2020: the two parts merge back into 1507.
		{"MergeAdditive", "users-2024", 2020, 2024, 2024, []want{{"1507", 120, true, ""}, {"3001", 41, true, ""}}},
		{"MergeNotAdditive", "rate-2024", 2020, 2024, 2024, []want{{"1507", 0, false, generalist.NoteMergedNotAdditive}}},
		// 2019 → 2020: Trondheim and Klæbu merged.
		{"Reform", "users-2019", 2020, 2019, 2019, []want{{"5001", 300, true, ""}}},
		// 2019 → 2024 composes both mappings.
		{"TwoSteps", "users-2019", 2024, 2019, 2019, []want{{"5001", 300, true, ""}, {"0301", 0, false, generalist.NoteMissing}}},
		// 2020 → 2019: Trondheim read backwards is a split.
		{"Backwards", "score-2020", 2019, 2022, 2020, []want{{"5001", 0, false, generalist.NoteSplitCarried}, {"5030", 0, false, generalist.NoteSplitCarried}, {"0301", 5, true, ""}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := atlas.IndicatorOn(ctx, db, tt.id, tt.s, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Values) != tt.s.Size() || l.CarriedFrom != tt.carried || l.Structure != tt.s || l.Indicator.ID != tt.id {
				t.Errorf("IndicatorOn(%s, %d, %d) = %d values, carried from %d; want %d, %d", tt.id, tt.s, tt.year, len(l.Values), l.CarriedFrom, tt.s.Size(), tt.carried)
			}
			for _, w := range tt.want {
				v := valueOf(t, l, w.num)
				if v.Value != w.value || v.Known != w.known || v.Note != w.note || v.Year != l.Year {
					t.Errorf("%s on %d = %+v, want value %v known %v note %q", w.num, tt.s, v, w.value, w.known, w.note)
				}
			}
		})
	}
	t.Run("AsIndicator", func(t *testing.T) {
		l, err := atlas.IndicatorOn(ctx, db, "score-2020", 2024, 2022)
		if err != nil {
			t.Fatal(err)
		}
		in := l.AsIndicator()
		if in.ID != "score-2020" || in.NB != "score-2020 (testdata)" || in.UnitEN != "enhet" || in.Decimals != 2 {
			t.Errorf("AsIndicator() = %+v", in)
		}
		for _, tt := range []struct {
			num   generalist.MunicipalityNumber
			value float64
			ok    bool
		}{{"3101", 3.25, true}, {"1508", 0, false}, {"1103", 0, false}} {
			row := &atlas.Row{Municipality: generalist.Municipality{Number: tt.num}}
			if v, ok := in.Value(row); v != tt.value || ok != tt.ok {
				t.Errorf("Value(%s) = %v, %v; want %v, %v", tt.num, v, ok, tt.value, tt.ok)
			}
		}
	})
	t.Run("ErrNoYear", func(t *testing.T) {
		_, err := atlas.IndicatorOn(ctx, db, "score-2020", 2024, 2019)
		if generalist.ErrorCode(err) != generalist.ENOTFOUND || !strings.Contains(err.Error(), "no values for 2019 (it has 2022–2023)") {
			t.Errorf("IndicatorOn(year 2019) = %v, want ENOTFOUND naming the years", err)
		}
	})
	t.Run("ErrNoIndicator", func(t *testing.T) {
		if _, err := atlas.IndicatorOn(ctx, db, "nope", 2024, 0); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("IndicatorOn(nope) = %v, want ENOTFOUND", err)
		}
	})
	t.Run("ErrBuiltinID", func(t *testing.T) {
		ind := &generalist.Indicator{ID: "population", Name: "x", Unit: "x", Source: "x"}
		_, err := atlas.ImportIndicator(ctx, db, ind, []generalist.IndicatorValue{iv("0301", 2024, 1)}, false)
		if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "built-in") {
			t.Errorf("ImportIndicator(population) = %v, want EINVALID about a built-in id", err)
		}
	})
}
