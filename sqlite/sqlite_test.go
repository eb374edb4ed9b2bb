package sqlite_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/refdata"
	"generalist/sqlite"
)

var (
	refOnce sync.Once
	ref     *generalist.Reference
	refErr  error
)

func mustReference(tb testing.TB) *generalist.Reference {
	tb.Helper()
	refOnce.Do(func() { ref, refErr = refdata.Embedded() })
	if refErr != nil {
		tb.Fatal(refErr)
	}
	return ref
}

// mustOpen opens a store on a real file in a temporary directory.
func mustOpen(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func mustLoaded(tb testing.TB) (*sqlite.DB, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "generalist.db")
	db := mustOpen(tb, path)
	if loaded, err := db.LoadReference(context.Background(), mustReference(tb)); err != nil || !loaded {
		tb.Fatalf("LoadReference = %v, %v; want true, nil", loaded, err)
	}
	return db, path
}

// snapshot is everything the store's read methods return, for comparing a
// store before and after a failed write.
func snapshot(t *testing.T, db *sqlite.DB) []any {
	t.Helper()
	ctx := context.Background()
	pops, err := db.Populations(ctx, generalist.PopulationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ages, err := db.SingleAges(ctx, generalist.Structure2024, 2026)
	if err != nil {
		t.Fatal(err)
	}
	return []any{pops, ds, ages}
}

func TestLoadReference(t *testing.T) {
	ctx := context.Background()
	db, path := mustLoaded(t)
	t.Run("Idempotent", func(t *testing.T) {
		if loaded, err := db.LoadReference(ctx, mustReference(t)); err != nil || loaded {
			t.Fatalf("second LoadReference = %v, %v; want false, nil", loaded, err)
		}
		db.Close()
		db2 := mustOpen(t, path)
		if loaded, err := db2.LoadReference(ctx, mustReference(t)); err != nil || loaded {
			t.Fatalf("LoadReference after reopen = %v, %v; want false, nil", loaded, err)
		}
	})
	db = mustOpen(t, path)
	t.Run("Contents", func(t *testing.T) {
		for _, s := range generalist.Structures {
			ms, err := db.Municipalities(ctx, s)
			if err != nil || len(ms) != s.Size() {
				t.Errorf("Municipalities(%d) = %d, %v; want %d", s, len(ms), err, s.Size())
			}
		}
		pops, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2020, Year: 2020})
		if err != nil {
			t.Fatal(err)
		}
		want := mustReference(t)
		var wantPops []generalist.Population
		for _, p := range want.Populations {
			if p.Structure == 2020 && p.Year == 2020 {
				wantPops = append(wantPops, p)
			}
		}
		if !reflect.DeepEqual(pops, wantPops) {
			t.Errorf("Populations(2020, 2020) differs from the parsed reference")
		}
		years, err := db.PopulationYears(ctx, generalist.Structure2024)
		if err != nil || len(years) != 21 || years[0] != 2006 || years[20] != 2026 {
			t.Errorf("PopulationYears(2024) = %v, %v; want 2006…2026", years, err)
		}
		m, err := db.Mapping(ctx, 2020, 2024)
		if err != nil || len(m.Changes) != 357 {
			t.Errorf("Mapping(2020, 2024) = %d changes, %v; want 357", len(m.Changes), err)
		}
		if _, err := db.Mapping(ctx, 2019, 2024); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Mapping(2019, 2024) error = %v, want ENOTFOUND", err)
		}
		ci, err := db.CostIndex(ctx)
		if err != nil {
			t.Fatal(err)
		}
		nulls := 0
		for _, c := range ci {
			if c.Value == nil {
				nulls++
			}
		}
		// Utsira and Modalen both years, Lørenskog 2025 (data/README.md).
		if nulls != 5 {
			t.Errorf("cost index without value = %d, want 5", nulls)
		}
		nordic, err := db.NordicTotals(ctx)
		if err != nil || len(nordic) != 9 {
			t.Errorf("NordicTotals = %d rows, %v; want 9", len(nordic), err)
		}
	})
}

func TestImportPopulations(t *testing.T) {
	ctx := context.Background()
	db, _ := mustLoaded(t)
	newYear := []generalist.Population{
		{Structure: 2024, Year: 2027, Municipality: "0301", Total: 730000},
		{Structure: 2024, Year: 2027, Municipality: "1151", Total: 220},
	}
	t.Run("OK", func(t *testing.T) {
		imp := &generalist.Import{Dataset: generalist.Dataset{Name: "07459-2027.json", SHA256: "ab"}, Populations: newYear}
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatal(err)
		}
		got, err := db.Populations(ctx, generalist.PopulationFilter{Year: 2027})
		if err != nil || !reflect.DeepEqual(got, newYear) {
			t.Fatalf("Populations(2027) = %v, %v; want %v", got, err, newYear)
		}
		// Importing the same values again is a no-op, not a conflict.
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatalf("re-import: %v", err)
		}
	})
	for _, tt := range []struct {
		name string
		imp  generalist.Import
		code string
		msg  string
	}{
		{"ErrConflict", generalist.Import{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2026, Municipality: "1151", Total: 219}, // same as stored: fine
			{Structure: 2024, Year: 2026, Municipality: "0301", Total: 1},
		}}, generalist.ECONFLICT, "kommune 0301, 1.1.2026 (2024 structure): stored 728714 from befolkning_k2024.csv, file has 1"},
		{"ErrUnknownMunicipality", generalist.Import{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2030, Municipality: "0301", Total: 5},
			{Structure: 2024, Year: 2030, Municipality: "1507", Total: 5},
		}}, generalist.EINVALID, "kommune 1507 is not in the 2024 structure"},
		{"ErrNegative", generalist.Import{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2030, Municipality: "0301", Total: -5},
		}}, generalist.EINVALID, "negative"},
		{"ErrReferenceName", generalist.Import{Dataset: generalist.Dataset{Name: "befolkning_k2024.csv"}, Populations: newYear},
			generalist.ECONFLICT, "reference dataset"},
		{"ErrEmpty", generalist.Import{Dataset: generalist.Dataset{Name: "x.csv"}}, generalist.EINVALID, "no population records"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, db)
			err := db.ImportPopulations(ctx, &tt.imp)
			if generalist.ErrorCode(err) != tt.code || !strings.Contains(generalist.ErrorMessage(err), tt.msg) {
				t.Fatalf("ImportPopulations = %v (%s), want %s containing %q", err, generalist.ErrorCode(err), tt.code, tt.msg)
			}
			if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Fatal("the store changed after a failed import")
			}
		})
	}
	t.Run("Replace", func(t *testing.T) {
		imp := &generalist.Import{Dataset: generalist.Dataset{Name: "fix.csv"}, Replace: true, Populations: []generalist.Population{
			{Structure: 2024, Year: 2026, Municipality: "1151", Total: 300},
		}}
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatal(err)
		}
		got, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: 2026, Municipality: "1151"})
		if err != nil || len(got) != 1 || got[0].Total != 300 {
			t.Fatalf("after replace: %v, %v; want total 300", got, err)
		}
		// Reloading a changed reference keeps the user's replacement.
		changed := *mustReference(t)
		changed.Datasets = append([]generalist.Dataset(nil), changed.Datasets...)
		changed.Datasets[0].SHA256 = "changed"
		if loaded, err := db.LoadReference(ctx, &changed); err != nil || !loaded {
			t.Fatalf("LoadReference(changed) = %v, %v; want true, nil", loaded, err)
		}
		got, _ = db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: 2026, Municipality: "1151"})
		if len(got) != 1 || got[0].Total != 300 {
			t.Fatalf("after reload: %v; want the imported 300 kept", got)
		}
	})
}

func BenchmarkLoadReference(b *testing.B) {
	r := mustReference(b)
	for b.Loop() {
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "g.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.LoadReference(context.Background(), r); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
