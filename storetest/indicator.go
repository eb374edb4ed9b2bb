package storetest

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/sqlstore"
)

// IndicatorSnapshot is everything a failed indicator import could touch:
// the indicators with their values, and the datasets and municipalities
// (which it must not).
func IndicatorSnapshot(t *testing.T, db *sqlstore.DB) []any {
	t.Helper()
	ctx := context.Background()
	inds, err := db.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.Municipalities(ctx, generalist.Structure2024)
	if err != nil {
		t.Fatal(err)
	}
	out := []any{ds, ms, inds}
	for _, ind := range inds {
		vs, err := db.IndicatorValues(ctx, ind.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, vs)
	}
	return out
}

// FixtureIndicator is a test fixture, not real data: values shaped like
// KOSTRA's "netto driftsutgifter per innbygger" for a few municipalities
// of the 2024 structure.
func FixtureIndicator() (*generalist.Indicator, []generalist.IndicatorValue) {
	ind := &generalist.Indicator{
		ID: "test-netto-drift", Name: "Netto driftsutgifter per innbygger (testdata)", Unit: "kroner",
		Source: "Testdata, ikke SSB", Structure: generalist.Structure2024,
	}
	values := []generalist.IndicatorValue{
		{Municipality: "0301", Year: 2024, Value: 98123.5, Known: true},
		{Municipality: "1151", Year: 2024, Value: 187004, Known: true},
		{Municipality: "1508", Year: 2024, Note: generalist.NoteMissing},
		{Municipality: "0301", Year: 2023, Value: 95010.25, Known: true},
		{Municipality: "5001", Year: 2023, Value: 90311, Known: true},
	}
	return ind, values
}

func testIndicators(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	db.Now = func() time.Time { return time.Date(2026, 5, 4, 12, 30, 0, 0, time.UTC) }
	ind, values := FixtureIndicator()
	t.Run("OK", func(t *testing.T) {
		if err := db.ImportIndicator(ctx, ind, values, false); err != nil {
			t.Fatal(err)
		}
		if want := []int{2023, 2024}; !reflect.DeepEqual(ind.Years, want) {
			t.Errorf("Years = %v, want %v", ind.Years, want)
		}
		if want := db.Now(); !ind.CreatedAt.Equal(want) {
			t.Errorf("CreatedAt = %v, want %v", ind.CreatedAt, want)
		}
		got, err := db.Indicator(ctx, ind.ID)
		if err != nil || !reflect.DeepEqual(got, ind) {
			t.Fatalf("Indicator(%q) = %+v, %v; want %+v", ind.ID, got, err, ind)
		}
		all, err := db.Indicators(ctx)
		if err != nil || len(all) != 1 || !reflect.DeepEqual(all[0], *ind) {
			t.Fatalf("Indicators() = %+v, %v; want [%+v]", all, err, *ind)
		}
		vs, err := db.IndicatorValues(ctx, ind.ID, 2024)
		want := []generalist.IndicatorValue{
			{Indicator: ind.ID, Municipality: "0301", Year: 2024, Value: 98123.5, Known: true},
			{Indicator: ind.ID, Municipality: "1151", Year: 2024, Value: 187004, Known: true},
			{Indicator: ind.ID, Municipality: "1508", Year: 2024, Note: generalist.NoteMissing},
		}
		if err != nil || !reflect.DeepEqual(vs, want) {
			t.Fatalf("IndicatorValues(2024) = %+v, %v; want %+v", vs, err, want)
		}
		if vs, err := db.IndicatorValues(ctx, ind.ID, 0); err != nil || len(vs) != 5 || vs[0].Year != 2023 {
			t.Errorf("IndicatorValues(0) = %+v, %v; want all 5, 2023 first", vs, err)
		}
		if vs, err := db.IndicatorValues(ctx, ind.ID, 2019); err != nil || len(vs) != 0 {
			t.Errorf("IndicatorValues(2019) = %+v, %v; want none and no error", vs, err)
		}
		if _, err := db.Indicator(ctx, "nosuch"); generalist.ErrorCode(err) != generalist.ENOTFOUND ||
			generalist.ErrorMessage(err) != `no indicator "nosuch" (see generalist indicator list)` {
			t.Errorf("Indicator(nosuch) = %v", err)
		}
	})

	// other returns the fixture under another id, changed by f.
	other := func(f func(ind *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue) func() (*generalist.Indicator, []generalist.IndicatorValue) {
		return func() (*generalist.Indicator, []generalist.IndicatorValue) {
			i, vs := FixtureIndicator()
			i.ID = "test-other"
			return i, f(i, vs)
		}
	}
	plus := func(v generalist.IndicatorValue) func() (*generalist.Indicator, []generalist.IndicatorValue) {
		return other(func(_ *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue {
			return append(vs, v)
		})
	}
	for _, tt := range []struct {
		name    string
		input   func() (*generalist.Indicator, []generalist.IndicatorValue)
		replace bool
		code    string
		msg     string
	}{
		{"ErrExists", FixtureIndicator, false, generalist.ECONFLICT, "indicator test-netto-drift already exists; nothing was imported (use --replace to replace it, values and all)"},
		{"ErrUnknownMunicipality", plus(generalist.IndicatorValue{Municipality: "1507", Year: 2024, Value: 1, Known: true}),
			false, generalist.EINVALID, "indicator test-other, value 6: kommune 1507 (2024) is not a municipality of the 2024 structure"},
		{"ErrDuplicate", plus(generalist.IndicatorValue{Municipality: "1151", Year: 2024, Value: 2, Known: true}),
			false, generalist.EINVALID, "values 2 and 6 are both for kommune 1151 in 2024"},
		{"ErrNaN", plus(generalist.IndicatorValue{Municipality: "1103", Year: 2024, Value: math.NaN(), Known: true}),
			false, generalist.EINVALID, "value 6: kommune 1103 2024: value NaN is not a finite number"},
		{"ErrInf", plus(generalist.IndicatorValue{Municipality: "1103", Year: 2024, Value: math.Inf(1), Known: true}),
			false, generalist.EINVALID, "value +Inf is not a finite number"},
		{"ErrTooLarge", plus(generalist.IndicatorValue{Municipality: "1103", Year: 2024, Value: -2e15, Known: true}),
			false, generalist.EINVALID, "larger in magnitude than 1e+15"},
		{"ErrUnknownWithValue", plus(generalist.IndicatorValue{Municipality: "1103", Year: 2024, Value: 3}),
			false, generalist.EINVALID, "marked as without data but has the value 3"},
		{"ErrOtherIndicator", plus(generalist.IndicatorValue{Indicator: "x", Municipality: "1103", Year: 2024, Value: 3, Known: true}),
			false, generalist.EINVALID, `belongs to indicator "x"`},
		{"ErrYear", plus(generalist.IndicatorValue{Municipality: "1103", Year: 24, Value: 3, Known: true}),
			false, generalist.EINVALID, "year 24 is out of range"},
		{"ErrNoValues", other(func(*generalist.Indicator, []generalist.IndicatorValue) []generalist.IndicatorValue { return nil }),
			false, generalist.EINVALID, "no values"},
		{"ErrID", other(func(i *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue {
			i.ID = "Netto drift"
			return vs
		}), false, generalist.EINVALID, `indicator id "Netto drift": character 1 ('N')`},
		{"ErrNoSource", other(func(i *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue {
			i.Source = " "
			return vs
		}), false, generalist.EINVALID, "the source is required"},
		{"ErrStructure", other(func(i *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue {
			i.Structure = 2021
			return vs
		}), false, generalist.EINVALID, "structure 2021"},
		// With replace, a bad file still leaves the old indicator alone.
		{"ErrReplaceBad", other(func(i *generalist.Indicator, vs []generalist.IndicatorValue) []generalist.IndicatorValue {
			i.ID = ind.ID
			return append(vs, generalist.IndicatorValue{Municipality: "1507", Year: 2024, Value: 1, Known: true})
		}), true, generalist.EINVALID, "kommune 1507 (2024)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			i, vs := tt.input()
			before := IndicatorSnapshot(t, db)
			err := db.ImportIndicator(ctx, i, vs, tt.replace)
			if generalist.ErrorCode(err) != tt.code || !strings.Contains(generalist.ErrorMessage(err), tt.msg) {
				t.Fatalf("ImportIndicator = %v (%s), want %s containing %q", err, generalist.ErrorCode(err), tt.code, tt.msg)
			}
			if after := IndicatorSnapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Fatal("the store changed after a failed import")
			}
		})
	}

	t.Run("Order", func(t *testing.T) {
		// By id in byte order: '-' < '0' < '_' < 'a'.
		for _, id := range []string{"t_b", "t0", "t-b", "tb"} {
			i, vs := FixtureIndicator()
			i.ID = id
			if err := db.ImportIndicator(ctx, i, vs[:1], false); err != nil {
				t.Fatal(err)
			}
		}
		all, err := db.Indicators(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, i := range all {
			ids = append(ids, i.ID)
			if i.ID != ind.ID && !reflect.DeepEqual(i.Years, []int{2024}) {
				t.Errorf("Indicators: %s has years %v, want [2024]", i.ID, i.Years)
			}
		}
		if got, want := strings.Join(ids, " "), "t-b t0 t_b tb test-netto-drift"; got != want {
			t.Errorf("Indicators() ids = %s, want %s", got, want)
		}
		for _, id := range []string{"t_b", "t0", "t-b", "tb"} {
			if err := db.DeleteIndicator(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
	})

	t.Run("Replace", func(t *testing.T) {
		repl := *ind
		repl.Name, repl.Structure, repl.Additive = "Ny versjon (testdata)", generalist.Structure2020, true
		vs := []generalist.IndicatorValue{{Municipality: "1507", Year: 2022, Value: 7, Known: true}}
		if err := db.ImportIndicator(ctx, &repl, vs, true); err != nil {
			t.Fatal(err)
		}
		got, err := db.Indicator(ctx, ind.ID)
		if err != nil || got.Name != repl.Name || got.Structure != 2020 || !got.Additive || !reflect.DeepEqual(got.Years, []int{2022}) {
			t.Fatalf("after replace, Indicator = %+v, %v", got, err)
		}
		all, err := db.IndicatorValues(ctx, ind.ID, 0)
		if err != nil || len(all) != 1 || all[0].Municipality != "1507" {
			t.Fatalf("after replace, IndicatorValues = %+v, %v; want only the new value", all, err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		if err := db.DeleteIndicator(ctx, ind.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteIndicator(ctx, ind.ID); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("second DeleteIndicator = %v, want ENOTFOUND", err)
		}
		if _, err := db.Indicator(ctx, ind.ID); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Indicator after delete = %v, want ENOTFOUND", err)
		}
		if _, err := db.IndicatorValues(ctx, ind.ID, 0); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("IndicatorValues after delete = %v, want ENOTFOUND", err)
		}
		if all, err := db.Indicators(ctx); err != nil || len(all) != 0 {
			t.Errorf("Indicators after delete = %+v, %v; want none", all, err)
		}
		// The values went with the indicator: the id can be used again.
		i, vs := FixtureIndicator()
		if err := db.ImportIndicator(ctx, i, vs, false); err != nil {
			t.Fatalf("import after delete: %v", err)
		}
	})
}

// testIndicatorConcurrentImport imports one new indicator from several
// writers at once: exactly one succeeds, the others get ECONFLICT, and
// the values are stored once.
func testIndicatorConcurrentImport(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	const writers = 6
	errs := concurrently(writers, func(w int) error {
		ind, vs := FixtureIndicator()
		ind.Name = fmt.Sprintf("Skriver %d (testdata)", w)
		return db.ImportIndicator(ctx, ind, vs, false)
	})
	if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
		t.Errorf("%d of %d concurrent imports of one new indicator succeeded, want 1", ok, writers)
	}
	ind, _ := FixtureIndicator()
	vs, err := db.IndicatorValues(ctx, ind.ID, 0)
	if err != nil || len(vs) != 5 {
		t.Errorf("IndicatorValues = %d values, %v; want 5", len(vs), err)
	}
}

// countOK returns how many of errs are nil, and fails t for any error
// whose code is not code.
// concurrently runs write(0), …, write(n-1) at once and returns their
// errors in that order.
func concurrently(n int, write func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { errs[i] = write(i) })
	}
	wg.Wait()
	return errs
}

func countOK(t *testing.T, errs []error, code string) int {
	t.Helper()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if generalist.ErrorCode(err) != code {
			t.Errorf("concurrent write: %v (%s), want nil or %s", err, generalist.ErrorCode(err), code)
		}
	}
	return ok
}
