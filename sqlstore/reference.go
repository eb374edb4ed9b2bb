package sqlstore

import (
	"context"
	"time"

	"generalist"
)

// LoadReference implements generalist.AtlasStore. When the stored reference
// datasets differ in any way from ref's (a new binary with updated files),
// all reference rows are replaced in one transaction; imported populations
// that replaced reference values are kept.
func (db *DB) LoadReference(ctx context.Context, ref *generalist.Reference) (bool, error) {
	// Most starts find the data unchanged, without taking the write lock.
	stored, err := db.Datasets(ctx)
	if err != nil {
		return false, err
	}
	if sameReference(stored, ref) {
		return false, nil
	}
	now := db.now()
	var loaded bool
	err = db.write(ctx, func(tx *tx) error {
		// Another process may have loaded the same data meanwhile.
		stored, err := datasets(ctx, tx)
		if err != nil {
			return err
		}
		if loaded = !sameReference(stored, ref); !loaded {
			return nil
		}
		// Rows are deleted and inserted in whatever order is simplest; the
		// foreign keys are checked at commit.
		if _, err := tx.exec(ctx, db.d.DeferForeignKeys); err != nil {
			return err
		}
		return loadReference(ctx, tx, ref, now)
	})
	if err != nil {
		return false, db.errorf("load reference: %w", err)
	}
	return loaded, nil
}

// sameReference reports whether the store holds exactly ref's datasets.
func sameReference(stored []generalist.Dataset, ref *generalist.Reference) bool {
	have := map[string]string{}
	for _, d := range stored {
		have[d.Name] = d.SHA256
	}
	for _, d := range ref.Datasets {
		if have[d.Name] != d.SHA256 {
			return false
		}
	}
	return len(ref.Datasets) > 0
}

func loadReference(ctx context.Context, tx *tx, ref *generalist.Reference, now time.Time) error {
	for _, q := range []string{
		`DELETE FROM populations WHERE dataset IN (SELECT name FROM datasets WHERE kind = 'reference')`,
		`DELETE FROM single_ages WHERE dataset IN (SELECT name FROM datasets WHERE kind = 'reference')`,
		`DELETE FROM changes`, `DELETE FROM areas`, `DELETE FROM centrality`, `DELETE FROM cost_index`,
		`DELETE FROM robek`, `DELETE FROM nordic_municipalities`, `DELETE FROM nordic_aggregates`,
		`DELETE FROM municipalities`, `DELETE FROM counties`,
		`DELETE FROM datasets WHERE kind = 'reference'`,
	} {
		if _, err := tx.exec(ctx, q); err != nil {
			return err
		}
	}
	var rows [][]any
	for _, d := range ref.Datasets {
		rows = append(rows, []any{d.Name, "reference", d.SHA256, d.Source, d.Rows, tx.db.time(now)})
	}
	if err := bulkInsert(ctx, tx, "datasets", []string{"name", "kind", "sha256", "source", "rows", "loaded_at"}, rows, ""); err != nil {
		return err
	}

	rows = rows[:0]
	for _, c := range ref.Counties {
		rows = append(rows, []any{int(c.Structure), string(c.Number), c.Name})
	}
	if err := bulkInsert(ctx, tx, "counties", []string{"structure", "number", "name"}, rows, ""); err != nil {
		return err
	}

	rows = rows[:0]
	for _, m := range ref.Municipalities {
		var sami any
		if m.SamiArea != nil {
			sami = *m.SamiArea
		}
		rows = append(rows, []any{int(m.Structure), string(m.Number), m.Name, m.ShortName, string(m.County), sami})
	}
	if err := bulkInsert(ctx, tx, "municipalities", []string{"structure", "number", "name", "short_name", "county", "sami_area"}, rows, ""); err != nil {
		return err
	}

	rows = rows[:0]
	for _, m := range ref.Mappings {
		for _, c := range m.Changes {
			rows = append(rows, []any{int(m.From), string(c.From), int(m.To), string(c.To), string(c.Kind)})
		}
	}
	if err := bulkInsert(ctx, tx, "changes", []string{"from_structure", "from_number", "to_structure", "to_number", "kind"}, rows, ""); err != nil {
		return err
	}

	// Each population row names the file it came from.
	rows = rows[:0]
	for _, p := range ref.Populations {
		rows = append(rows, populationRow(p, referencePopulationDataset(p)))
	}
	// DO NOTHING: an import that replaced a reference value wins.
	if err := bulkInsert(ctx, tx, "populations", populationCols, rows, populationIgnore); err != nil {
		return err
	}

	rows = make([][]any, 0, len(ref.SingleAges))
	for _, a := range ref.SingleAges {
		rows = append(rows, []any{int(a.Structure), a.Year, string(a.Municipality), a.Age, int64(a.Persons), "befolkning_ettarig_alder.csv"})
	}
	if err := bulkInsert(ctx, tx, "single_ages", singleAgeCols, rows, singleAgeIgnore); err != nil {
		return err
	}

	rows = rows[:0]
	for _, a := range ref.Areas {
		rows = append(rows, []any{string(a.Municipality), float64(a.Km2), a.AdminCentre, a.LanguageForm})
	}
	if err := bulkInsert(ctx, tx, "areas", []string{"municipality", "km2", "admin_centre", "language_form"}, rows, ""); err != nil {
		return err
	}
	rows = rows[:0]
	for _, c := range ref.Centrality {
		rows = append(rows, []any{string(c.Municipality), c.Class})
	}
	if err := bulkInsert(ctx, tx, "centrality", []string{"municipality", "class"}, rows, ""); err != nil {
		return err
	}
	rows = rows[:0]
	for _, c := range ref.CostIndex {
		var v any
		if c.Value != nil {
			v = *c.Value
		}
		rows = append(rows, []any{string(c.Municipality), c.Year, v})
	}
	if err := bulkInsert(ctx, tx, "cost_index", []string{"municipality", "year", "value"}, rows, ""); err != nil {
		return err
	}
	rows = rows[:0]
	for _, r := range ref.Robek {
		rows = append(rows, []any{string(r.Municipality), r.ListedOn, r.Basis})
	}
	if err := bulkInsert(ctx, tx, "robek", []string{"municipality", "listed_on", "basis"}, rows, ""); err != nil {
		return err
	}
	rows = rows[:0]
	for _, m := range ref.Nordic {
		rows = append(rows, []any{m.Country, m.Structure, m.RefDate, m.Code, m.Name, m.NameSv, int64(m.Population), m.Aland})
	}
	if err := bulkInsert(ctx, tx, "nordic_municipalities",
		[]string{"country", "structure", "ref_date", "code", "name", "name_sv", "population", "aland"}, rows, ""); err != nil {
		return err
	}
	rows = rows[:0]
	for _, a := range ref.NordicTotals {
		rows = append(rows, []any{a.Country, a.Source, nullFloat(a.Inhabitants), nullFloat(a.Municipalities), nullFloat(a.Mean),
			nullFloat(a.Median), nullFloat(a.Largest), nullFloat(a.Smallest), nullFloat(a.Under5000),
			nullFloat(a.MedianAreaKm2), nullFloat(a.MeanAreaKm2), nullFloat(a.LargestAreaKm2)})
	}
	return bulkInsert(ctx, tx, "nordic_aggregates", nordicAggregateCols, rows, "")
}

// referencePopulationDataset names the file a reference population record
// comes from: detailed files for the years they cover, the time series
// otherwise.
func referencePopulationDataset(p generalist.Population) string {
	switch {
	case p.Structure == generalist.Structure2019:
		return "befolkning_2019_k2019.csv"
	case p.Structure == generalist.Structure2020 && p.Year == 2020:
		return "befolkning_2020_k2020.csv"
	case p.Structure == generalist.Structure2020:
		return "befolkning_tidsserie_k2020.csv"
	case p.Ages != nil:
		return "befolkning_k2024.csv"
	default:
		return "befolkning_tidsserie_k2024.csv"
	}
}

var populationCols = []string{"structure", "year", "municipality", "total", "men", "women",
	"age_0_1", "age_2_5", "age_6_15", "age_16_22", "age_23_66", "age_67_79", "age_80_89", "age_90_plus",
	"missing", "note", "dataset"}

var singleAgeCols = []string{"structure", "year", "municipality", "age", "persons", "dataset"}

// The primary keys of populations and single_ages, and the clauses that
// keep a stored row when an insert has the same key.
var (
	populationKey    = []string{"structure", "year", "municipality"}
	singleAgeKey     = []string{"structure", "year", "municipality", "age"}
	populationIgnore = "ON CONFLICT (structure, year, municipality) DO NOTHING"
	singleAgeIgnore  = "ON CONFLICT (structure, year, municipality, age) DO NOTHING"
)

var nordicAggregateCols = []string{"country", "source", "inhabitants", "municipalities", "mean", "median",
	"largest", "smallest", "under_5000", "median_area_km2", "mean_area_km2", "largest_area_km2"}

func populationRow(p generalist.Population, dataset string) []any {
	r := make([]any, 0, len(populationCols))
	r = append(r, int(p.Structure), p.Year, string(p.Municipality))
	if p.Missing {
		r = append(r, nil)
	} else {
		r = append(r, int64(p.Total))
	}
	if p.Sex != nil {
		r = append(r, int64(p.Sex.Men), int64(p.Sex.Women))
	} else {
		r = append(r, nil, nil)
	}
	for g := range generalist.NumAgeGroups {
		if p.Ages != nil {
			r = append(r, int64(p.Ages[g]))
		} else {
			r = append(r, nil)
		}
	}
	return append(r, p.Missing, p.Note, dataset)
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// Datasets implements generalist.AtlasStore.
func (db *DB) Datasets(ctx context.Context) ([]generalist.Dataset, error) {
	out, err := datasets(ctx, db)
	if err != nil {
		return nil, db.errorf("datasets: %w", err)
	}
	return out, nil
}

func datasets(ctx context.Context, q querier) ([]generalist.Dataset, error) {
	rows, err := q.query(ctx, `SELECT name, sha256, source, rows, loaded_at FROM datasets ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []generalist.Dataset
	for rows.Next() {
		var d generalist.Dataset
		if err := rows.Scan(&d.Name, &d.SHA256, &d.Source, &d.Rows, timeCol{&d.LoadedAt}); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
