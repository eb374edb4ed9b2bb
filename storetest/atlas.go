package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/sqlstore"
)

// snapshot is everything the store's read methods return about
// populations, for comparing a store before and after a failed write.
func snapshot(t *testing.T, db *sqlstore.DB) []any {
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

// testLoadReference checks what LoadReference stored: the copies of the
// template were loaded with it, on the same backend.
func testLoadReference(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	if loaded, err := db.LoadReference(ctx, Reference(t)); err != nil || loaded {
		t.Fatalf("second LoadReference = %v, %v; want false, nil", loaded, err)
	}
	for _, s := range generalist.Structures {
		ms, err := db.Municipalities(ctx, s)
		if err != nil || len(ms) != s.Size() {
			t.Errorf("Municipalities(%d) = %d, %v; want %d", s, len(ms), err, s.Size())
		}
	}
	want := Reference(t)
	ms, _ := db.Municipalities(ctx, generalist.Structure2024)
	var wantMs []generalist.Municipality
	for _, m := range want.Municipalities {
		if m.Structure == generalist.Structure2024 {
			wantMs = append(wantMs, m)
		}
	}
	if !reflect.DeepEqual(ms, wantMs) {
		t.Errorf("Municipalities(2024) differ from the parsed reference")
	}
	pops, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2020, Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
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
	if _, err := db.Mapping(ctx, 2019, 2024); generalist.ErrorCode(err) != generalist.ENOTFOUND ||
		generalist.ErrorMessage(err) != "no change mapping from the 2019 to the 2024 structure" {
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
	for _, tt := range []struct {
		name string
		got  func() (any, error)
		want any
	}{
		{"Areas", func() (any, error) { return db.Areas(ctx) }, want.Areas},
		{"Centrality", func() (any, error) { return db.Centrality(ctx) }, want.Centrality},
		{"Robek", func() (any, error) { return db.Robek(ctx) }, want.Robek},
		{"Nordic", func() (any, error) { return db.Nordic(ctx) }, want.Nordic},
		{"NordicTotals", func() (any, error) { return db.NordicTotals(ctx) }, want.NordicTotals},
	} {
		got, err := tt.got()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if reflect.ValueOf(got).Len() != reflect.ValueOf(tt.want).Len() {
			t.Errorf("%s = %d rows, want %d", tt.name, reflect.ValueOf(got).Len(), reflect.ValueOf(tt.want).Len())
		}
	}
	nordic, err := db.NordicTotals(ctx)
	if err != nil || len(nordic) != 9 {
		t.Errorf("NordicTotals = %d rows, %v; want 9", len(nordic), err)
	}
	ds, err := db.Datasets(ctx)
	if err != nil || len(ds) != len(want.Datasets) {
		t.Fatalf("Datasets = %d, %v; want %d", len(ds), err, len(want.Datasets))
	}
	for i := 1; i < len(ds); i++ {
		if ds[i-1].Name >= ds[i].Name {
			t.Errorf("Datasets not by name (bytes): %q before %q", ds[i-1].Name, ds[i].Name)
		}
	}
	if ds[0].LoadedAt.IsZero() {
		t.Errorf("Datasets[0].LoadedAt is zero")
	}
}

// smallReference is the embedded reference data cut down to the counties
// and municipalities of the 2024 structure, with every dataset's checksum
// prefixed by tag (so that a store holding the full data reloads it).
// Loading it is quick, and what remains after a reload shows what a
// reload replaced.
func smallReference(t *testing.T, tag string) *generalist.Reference {
	r := Reference(t)
	small := &generalist.Reference{}
	for _, d := range r.Datasets {
		d.SHA256 = tag + d.SHA256
		small.Datasets = append(small.Datasets, d)
	}
	for _, c := range r.Counties {
		if c.Structure == generalist.Structure2024 {
			small.Counties = append(small.Counties, c)
		}
	}
	for _, m := range r.Municipalities {
		if m.Structure == generalist.Structure2024 {
			small.Municipalities = append(small.Municipalities, m)
		}
	}
	return small
}

// testLoadReferenceConcurrent starts two processes' first loads at once
// on an empty store: one loads, the other finds the data there.
func testLoadReferenceConcurrent(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	// The first round loads into the empty store, the next ones reload.
	for round := range 3 {
		ref := smallReference(t, fmt.Sprintf("round %d ", round))
		var wg sync.WaitGroup
		loaded := make([]bool, 2)
		errs := make([]error, 2)
		for i := range loaded {
			wg.Go(func() { loaded[i], errs[i] = db.LoadReference(ctx, ref) })
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil || loaded[0] == loaded[1] {
			t.Fatalf("round %d: two concurrent LoadReference = %v, %v; want one true, one false, no error", round, loaded, errs)
		}
		ds, err := db.Datasets(ctx)
		if err != nil || len(ds) != len(ref.Datasets) {
			t.Errorf("round %d: Datasets = %d, %v; want %d", round, len(ds), err, len(ref.Datasets))
		}
		for _, d := range ds {
			if !strings.HasPrefix(d.SHA256, fmt.Sprintf("round %d ", round)) {
				t.Errorf("round %d: dataset %s has checksum %s", round, d.Name, d.SHA256)
			}
		}
		if ms, err := db.Municipalities(ctx, generalist.Structure2024); err != nil || len(ms) != generalist.Structure2024.Size() {
			t.Errorf("round %d: %d municipalities, %v", round, len(ms), err)
		}
	}
}

// testReload loads changed reference data into a store with the user's
// own data: the reference rows are replaced, the user's rows stay.
func testReload(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	fix := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "fix.csv"}, Replace: true, Populations: []generalist.Population{
		{Structure: 2024, Year: 2026, Municipality: "1151", Total: 300},
	}}
	next := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "2027.csv"}, Populations: []generalist.Population{
		{Structure: 2024, Year: 2027, Municipality: "0301", Total: 730000},
	}}
	for _, imp := range []*generalist.PopulationImport{fix, next} {
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatal(err)
		}
	}
	ind, values := FixtureIndicator()
	if err := db.ImportIndicator(ctx, ind, values, false); err != nil {
		t.Fatal(err)
	}
	c := examples(t)[1]
	if err := db.CreateIMC(ctx, &c, editor); err != nil {
		t.Fatal(err)
	}

	small := smallReference(t, "changed-")
	if loaded, err := db.LoadReference(ctx, small); err != nil || !loaded {
		t.Fatalf("LoadReference(changed) = %v, %v; want true, nil", loaded, err)
	}
	if loaded, err := db.LoadReference(ctx, small); err != nil || loaded {
		t.Fatalf("LoadReference(the same again) = %v, %v; want false, nil", loaded, err)
	}
	// The reference populations went; the imported ones stayed.
	pops, err := db.Populations(ctx, generalist.PopulationFilter{})
	if err != nil || len(pops) != 2 || pops[0].Total != 300 || pops[1].Total != 730000 {
		t.Errorf("after reload, Populations = %+v, %v; want the two imported", pops, err)
	}
	if ms, err := db.Municipalities(ctx, generalist.Structure2020); err != nil || len(ms) != 0 {
		t.Errorf("after reload, Municipalities(2020) = %d, %v; want none", len(ms), err)
	}
	if ms, err := db.Municipalities(ctx, generalist.Structure2024); err != nil || len(ms) != generalist.Structure2024.Size() {
		t.Errorf("after reload, Municipalities(2024) = %d, %v", len(ms), err)
	}
	if vs, err := db.IndicatorValues(ctx, ind.ID, 0); err != nil || len(vs) != len(values) {
		t.Errorf("after reload, IndicatorValues = %+v, %v; want all %d", vs, err, len(values))
	}
	if got, err := db.IMC(ctx, c.ID); err != nil || got.Version != 1 {
		t.Errorf("after reload, IMC = %v", err)
	}
	ds, err := db.Datasets(ctx)
	if err != nil || len(ds) != len(small.Datasets)+2 {
		t.Fatalf("after reload, Datasets = %d, %v; want %d", len(ds), err, len(small.Datasets)+2)
	}
	for _, d := range ds {
		if d.Name != "fix.csv" && d.Name != "2027.csv" && !strings.HasPrefix(d.SHA256, "changed-") {
			t.Errorf("after reload, dataset %s has checksum %s", d.Name, d.SHA256)
		}
	}
}

func testImportPopulations(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	newYear := []generalist.Population{
		{Structure: 2024, Year: 2027, Municipality: "0301", Total: 730000},
		{Structure: 2024, Year: 2027, Municipality: "1151", Total: 220},
	}
	t.Run("OK", func(t *testing.T) {
		imp := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "07459-2027.json", SHA256: "ab"}, Populations: newYear}
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
	t.Run("SingleAges", func(t *testing.T) {
		imp := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "ages-2027.csv"}, SingleAges: []generalist.SingleAge{
			{Structure: 2024, Year: 2027, Municipality: "1151", Age: 1, Persons: 3},
			{Structure: 2024, Year: 2027, Municipality: "1151", Age: 0, Persons: 2},
			{Structure: 2024, Year: 2027, Municipality: "0301", Age: 105, Persons: 9},
		}}
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatal(err)
		}
		got, err := db.SingleAges(ctx, 2024, 2027)
		want := []generalist.SingleAge{imp.SingleAges[2], imp.SingleAges[1], imp.SingleAges[0]}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("SingleAges(2024, 2027) = %v, %v; want %v (by municipality and age)", got, err, want)
		}
		conflict := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "ages-fix.csv"}, SingleAges: []generalist.SingleAge{
			{Structure: 2024, Year: 2027, Municipality: "1151", Age: 1, Persons: 4},
		}}
		if err := db.ImportPopulations(ctx, conflict); generalist.ErrorCode(err) != generalist.ECONFLICT ||
			generalist.ErrorMessage(err) != "import ages-fix.csv: kommune 1151, 1.1.2027, age 1: stored 3, file has 4; nothing was imported (use --replace to overwrite)" {
			t.Errorf("conflicting single age = %v", err)
		}
		conflict.Replace = true
		if err := db.ImportPopulations(ctx, conflict); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.SingleAges(ctx, 2024, 2027); len(got) != 3 || got[2].Persons != 4 {
			t.Errorf("after replace: %v", got)
		}
	})
	for _, tt := range []struct {
		name string
		imp  generalist.PopulationImport
		code string
		msg  string
	}{
		{"ErrConflict", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2026, Municipality: "1151", Total: 219}, // same as stored: fine
			{Structure: 2024, Year: 2026, Municipality: "0301", Total: 1},
		}}, generalist.ECONFLICT, "import x.csv: 1 population(s) differ from stored data, e.g. kommune 0301, 1.1.2026 (2024 structure): stored 728714 from befolkning_k2024.csv, file has 1; nothing was imported (use --replace to overwrite)"},
		{"ErrUnknownMunicipality", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2030, Municipality: "0301", Total: 5},
			{Structure: 2024, Year: 2030, Municipality: "1507", Total: 5},
		}}, generalist.EINVALID, "import x.csv: kommune 1507 is not in the 2024 structure"},
		{"ErrNegative", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "x.csv"}, Populations: []generalist.Population{
			{Structure: 2024, Year: 2030, Municipality: "0301", Total: -5},
		}}, generalist.EINVALID, "negative"},
		{"ErrAge", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "x.csv"}, SingleAges: []generalist.SingleAge{
			{Structure: 2024, Year: 2030, Municipality: "0301", Age: 106, Persons: 1},
		}}, generalist.EINVALID, "import x.csv: kommune 0301 2030: age 106, persons 1 out of range"},
		{"ErrReferenceName", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "befolkning_k2024.csv"}, Populations: newYear},
			generalist.ECONFLICT, "import befolkning_k2024.csv: a reference dataset has that name; rename the file"},
		{"ErrEmpty", generalist.PopulationImport{Dataset: generalist.Dataset{Name: "x.csv"}}, generalist.EINVALID, "import x.csv: no population records"},
		{"ErrNoName", generalist.PopulationImport{Populations: newYear}, generalist.EINVALID, "import: the dataset has no name"},
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
		imp := &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "fix.csv"}, Replace: true, Populations: []generalist.Population{
			{Structure: 2024, Year: 2026, Municipality: "1151", Total: 250},
			// A key repeated in one import: with Replace the last wins.
			{Structure: 2024, Year: 2026, Municipality: "1151", Total: 300},
			{Structure: 2024, Year: 2026, Municipality: "1144", Missing: true, Note: "test"},
		}}
		if err := db.ImportPopulations(ctx, imp); err != nil {
			t.Fatal(err)
		}
		got, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: 2026, Municipality: "1151"})
		if err != nil || len(got) != 1 || got[0].Total != 300 || got[0].Ages != nil {
			t.Fatalf("after replace: %+v, %v; want total 300 without ages", got, err)
		}
		got, _ = db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: 2026, Municipality: "1144"})
		if len(got) != 1 || !got[0].Missing || got[0].Note != "test" {
			t.Fatalf("after replace with missing: %+v", got)
		}
	})
}
