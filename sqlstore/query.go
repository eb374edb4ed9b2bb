package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"generalist"
)

// Counties implements generalist.AtlasStore.
func (db *DB) Counties(ctx context.Context, s generalist.Structure) ([]generalist.County, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	rows, err := db.query(ctx, `SELECT number, name FROM counties WHERE structure = ? ORDER BY number`, int(s))
	if err != nil {
		return nil, db.errorf("counties %d: %w", s, err)
	}
	defer rows.Close()
	var out []generalist.County
	for rows.Next() {
		c := generalist.County{Structure: s}
		if err := rows.Scan(&c.Number, &c.Name); err != nil {
			return nil, db.errorf("counties %d: %w", s, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Municipalities implements generalist.AtlasStore.
func (db *DB) Municipalities(ctx context.Context, s generalist.Structure) ([]generalist.Municipality, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	rows, err := db.query(ctx, `SELECT number, name, short_name, county, sami_area
		FROM municipalities WHERE structure = ? ORDER BY number`, int(s))
	if err != nil {
		return nil, db.errorf("municipalities %d: %w", s, err)
	}
	defer rows.Close()
	var out []generalist.Municipality
	for rows.Next() {
		m := generalist.Municipality{Structure: s}
		var sami sql.NullBool
		if err := rows.Scan(&m.Number, &m.Name, &m.ShortName, &m.County, &sami); err != nil {
			return nil, db.errorf("municipalities %d: %w", s, err)
		}
		if sami.Valid {
			m.SamiArea = &sami.Bool
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Mapping implements generalist.AtlasStore.
func (db *DB) Mapping(ctx context.Context, from, to generalist.Structure) (*generalist.Mapping, error) {
	rows, err := db.query(ctx, `SELECT from_number, to_number, kind FROM changes
		WHERE from_structure = ? AND to_structure = ? ORDER BY from_number, to_number`, int(from), int(to))
	if err != nil {
		return nil, db.errorf("mapping %d→%d: %w", from, to, err)
	}
	defer rows.Close()
	m := &generalist.Mapping{From: from, To: to}
	for rows.Next() {
		var c generalist.Change
		if err := rows.Scan(&c.From, &c.To, &c.Kind); err != nil {
			return nil, db.errorf("mapping %d→%d: %w", from, to, err)
		}
		m.Changes = append(m.Changes, c)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("mapping %d→%d: %w", from, to, err)
	}
	if len(m.Changes) == 0 {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no change mapping from the %d to the %d structure", from, to)
	}
	return m, nil
}

// Populations implements generalist.AtlasStore.
func (db *DB) Populations(ctx context.Context, f generalist.PopulationFilter) ([]generalist.Population, error) {
	var where []string
	var args []any
	if f.Structure != 0 {
		where, args = append(where, "structure = ?"), append(args, int(f.Structure))
	}
	if f.Year != 0 {
		where, args = append(where, "year = ?"), append(args, f.Year)
	}
	if f.Municipality != "" {
		where, args = append(where, "municipality = ?"), append(args, string(f.Municipality))
	}
	q := `SELECT ` + strings.Join(populationCols[:16], ", ") + ` FROM populations`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY structure, year, municipality"
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, db.errorf("populations: %w", err)
	}
	defer rows.Close()
	var out []generalist.Population
	for rows.Next() {
		p, err := scanPopulation(rows)
		if err != nil {
			return nil, db.errorf("populations: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanPopulation(rows *sql.Rows) (generalist.Population, error) {
	var p generalist.Population
	var s int
	var total, men, women sql.NullInt64
	var ages [generalist.NumAgeGroups]sql.NullInt64
	var missing bool
	dst := []any{&s, &p.Year, &p.Municipality, &total, &men, &women}
	for i := range ages {
		dst = append(dst, &ages[i])
	}
	dst = append(dst, &missing, &p.Note)
	if err := rows.Scan(dst...); err != nil {
		return p, err
	}
	p.Structure = generalist.Structure(s)
	p.Missing = missing
	p.Total = generalist.Persons(total.Int64)
	if men.Valid && women.Valid {
		p.Sex = &generalist.Sex{Men: generalist.Persons(men.Int64), Women: generalist.Persons(women.Int64)}
	}
	if ages[0].Valid {
		var a generalist.AgeCounts
		for i := range ages {
			a[i] = generalist.Persons(ages[i].Int64)
		}
		p.Ages = &a
	}
	return p, nil
}

// PopulationYears implements generalist.AtlasStore.
func (db *DB) PopulationYears(ctx context.Context, s generalist.Structure) ([]int, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT year FROM populations WHERE structure = ? ORDER BY year`, int(s))
	if err != nil {
		return nil, db.errorf("population years %d: %w", s, err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, db.errorf("population years %d: %w", s, err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// SingleAges implements generalist.AtlasStore.
func (db *DB) SingleAges(ctx context.Context, s generalist.Structure, year int) ([]generalist.SingleAge, error) {
	rows, err := db.query(ctx, `SELECT municipality, age, persons FROM single_ages
		WHERE structure = ? AND year = ? ORDER BY municipality, age`, int(s), year)
	if err != nil {
		return nil, db.errorf("single ages %d %d: %w", s, year, err)
	}
	defer rows.Close()
	var out []generalist.SingleAge
	for rows.Next() {
		a := generalist.SingleAge{Structure: s, Year: year}
		if err := rows.Scan(&a.Municipality, &a.Age, &a.Persons); err != nil {
			return nil, db.errorf("single ages %d %d: %w", s, year, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Areas implements generalist.AtlasStore.
func (db *DB) Areas(ctx context.Context) ([]generalist.Area, error) {
	return query(ctx, db, `SELECT municipality, km2, admin_centre, language_form FROM areas ORDER BY municipality`,
		func(r *sql.Rows) (a generalist.Area, err error) {
			return a, r.Scan(&a.Municipality, &a.Km2, &a.AdminCentre, &a.LanguageForm)
		})
}

// Centrality implements generalist.AtlasStore.
func (db *DB) Centrality(ctx context.Context) ([]generalist.Centrality, error) {
	return query(ctx, db, `SELECT municipality, class FROM centrality ORDER BY municipality`,
		func(r *sql.Rows) (c generalist.Centrality, err error) {
			return c, r.Scan(&c.Municipality, &c.Class)
		})
}

// CostIndex implements generalist.AtlasStore.
func (db *DB) CostIndex(ctx context.Context) ([]generalist.CostIndex, error) {
	return query(ctx, db, `SELECT municipality, year, value FROM cost_index ORDER BY municipality, year`,
		func(r *sql.Rows) (c generalist.CostIndex, err error) {
			var v sql.NullFloat64
			err = r.Scan(&c.Municipality, &c.Year, &v)
			if v.Valid {
				c.Value = &v.Float64
			}
			return c, err
		})
}

// Robek implements generalist.AtlasStore.
func (db *DB) Robek(ctx context.Context) ([]generalist.Robek, error) {
	return query(ctx, db, `SELECT municipality, basis, listed_on FROM robek ORDER BY municipality`,
		func(r *sql.Rows) (x generalist.Robek, err error) {
			return x, r.Scan(&x.Municipality, &x.Basis, &x.ListedOn)
		})
}

// Nordic implements generalist.AtlasStore.
func (db *DB) Nordic(ctx context.Context) ([]generalist.NordicMunicipality, error) {
	return query(ctx, db, `SELECT country, structure, ref_date, code, name, name_sv, population, aland
		FROM nordic_municipalities ORDER BY country, structure, code`,
		func(r *sql.Rows) (m generalist.NordicMunicipality, err error) {
			return m, r.Scan(&m.Country, &m.Structure, &m.RefDate, &m.Code, &m.Name, &m.NameSv, &m.Population, &m.Aland)
		})
}

// NordicTotals implements generalist.AtlasStore.
func (db *DB) NordicTotals(ctx context.Context) ([]generalist.NordicAggregate, error) {
	return query(ctx, db, `SELECT `+strings.Join(nordicAggregateCols, ", ")+` FROM nordic_aggregates ORDER BY source, country`,
		func(r *sql.Rows) (a generalist.NordicAggregate, err error) {
			return a, r.Scan(&a.Country, &a.Source, &a.Inhabitants, &a.Municipalities, &a.Mean, &a.Median,
				&a.Largest, &a.Smallest, &a.Under5000, &a.MedianAreaKm2, &a.MeanAreaKm2, &a.LargestAreaKm2)
		})
}

// query runs q and scans each row with scan.
func query[T any](ctx context.Context, db *DB, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, db.errorf("%s: %w", firstWords(q), err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, db.errorf("%s: %w", firstWords(q), err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("%s: %w", firstWords(q), err)
	}
	return out, nil
}

func firstWords(q string) string {
	if i := strings.Index(q, " FROM "); i > 0 {
		if j := strings.IndexAny(q[i+6:], " \n\t"); j > 0 {
			return "read " + q[i+6:i+6+j]
		}
	}
	return "query"
}
