package refdata

import (
	"io/fs"
	"sort"

	"generalist"
)

type popKey struct {
	s    generalist.Structure
	year int
	m    generalist.MunicipalityNumber
}

// populations collects population records from several files and checks
// that files describing the same municipality and year agree.
type populations struct {
	known map[generalist.Structure]map[generalist.MunicipalityNumber]generalist.Municipality
	recs  map[popKey]generalist.Population
	from  map[popKey]string // file that supplied the record, for messages
}

func newPopulations(ref *generalist.Reference) *populations {
	p := &populations{
		known: map[generalist.Structure]map[generalist.MunicipalityNumber]generalist.Municipality{},
		recs:  map[popKey]generalist.Population{},
		from:  map[popKey]string{},
	}
	for _, m := range ref.Municipalities {
		if p.known[m.Structure] == nil {
			p.known[m.Structure] = map[generalist.MunicipalityNumber]generalist.Municipality{}
		}
		p.known[m.Structure][m.Number] = m
	}
	return p
}

// municipality parses the kommunenummer of r and checks that it exists in s
// and, where the file has one, that fylkesnummer is its county.
func (p *populations) municipality(r row, s generalist.Structure) (generalist.MunicipalityNumber, error) {
	n, err := r.municipality("kommunenummer")
	if err != nil {
		return "", err
	}
	m, ok := p.known[s][n]
	if !ok {
		return "", r.errorf("kommunenummer", "kommune %s is not in the %d structure", n, s)
	}
	if _, ok := r.t.col["fylkesnummer"]; ok {
		c, err := r.county("fylkesnummer")
		if err != nil {
			return "", err
		}
		if c != m.County {
			return "", r.errorf("fylkesnummer", "county %s is unknown for kommune %s (its county is %s)", c, n, m.County)
		}
	}
	return n, nil
}

// add stores a record, or checks it against the one already there: a
// total-only record must agree with a detailed one for the same key.
func (p *populations) add(r row, rec generalist.Population) error {
	if err := rec.Validate(); err != nil {
		return r.fail("%s", generalist.ErrorMessage(err))
	}
	k := popKey{rec.Structure, rec.Year, rec.Municipality}
	old, dup := p.recs[k]
	if !dup {
		p.recs[k] = rec
		p.from[k] = r.t.file
		return nil
	}
	if p.from[k] == r.t.file {
		return r.fail("kommune %s, year %d appears twice", rec.Municipality, rec.Year)
	}
	if old.Missing != rec.Missing || old.Total != rec.Total {
		return r.errorf("folkemengde", "kommune %s, year %d: %d here but %d in %s",
			rec.Municipality, rec.Year, rec.Total, old.Total, p.from[k])
	}
	return nil
}

// parseDetailed reads a file with totals, age groups and (where present)
// sex, for one structure; year is fixed unless the file has an "aar" column.
func (p *populations) parseDetailed(fsys fs.FS, name string, s generalist.Structure, year int, cols []string) (*table, error) {
	t, err := readTable(fsys, name, cols...)
	if err != nil {
		return nil, err
	}
	_, hasSex := t.col["menn"]
	_, hasYear := t.col["aar"]
	err = t.each(func(r row) error {
		rec := generalist.Population{Structure: s, Year: year}
		var err error
		if rec.Municipality, err = p.municipality(r, s); err != nil {
			return err
		}
		if hasYear {
			if rec.Year, err = r.integer("aar", 1900, 2100); err != nil {
				return err
			}
		}
		if rec.Total, err = r.persons("folkemengde"); err != nil {
			return err
		}
		if hasSex {
			var sex generalist.Sex
			if sex.Men, err = r.persons("menn"); err != nil {
				return err
			}
			if sex.Women, err = r.persons("kvinner"); err != nil {
				return err
			}
			if sex.Men+sex.Women != rec.Total {
				return r.errorf("kvinner", "menn %d + kvinner %d = %d, not folkemengde %d", sex.Men, sex.Women, sex.Men+sex.Women, rec.Total)
			}
			rec.Sex = &sex
		}
		var ages generalist.AgeCounts
		for _, g := range generalist.AgeGroups {
			if ages[g], err = r.persons(g.Key()); err != nil {
				return err
			}
		}
		if ages.Sum() != rec.Total {
			return r.errorf("folkemengde", "age groups sum to %d, not folkemengde %d", ages.Sum(), rec.Total)
		}
		rec.Ages = &ages
		return p.add(r, rec)
	})
	return t, err
}

// parseSeries reads a totals-only time series. An empty folkemengde is
// allowed only with merknad estimert_deling (a split the source guessed):
// such cells become Missing, never a number.
func (p *populations) parseSeries(fsys fs.FS, name string, s generalist.Structure, cols []string) (*table, error) {
	return readRows(fsys, name, cols, func(r row) error {
		rec := generalist.Population{Structure: s}
		var err error
		if rec.Municipality, err = p.municipality(r, s); err != nil {
			return err
		}
		if rec.Year, err = r.integer("aar", 1900, 2100); err != nil {
			return err
		}
		note := r.str("merknad")
		switch note {
		case "", generalist.NoteDerivedAsRest:
		case generalist.NoteEstimatedSplit:
			if r.str("folkemengde") != "" {
				return r.errorf("folkemengde", "has a value although merknad is %s", note)
			}
			rec.Missing, rec.Note = true, note
			return p.add(r, rec)
		default:
			return r.errorf("merknad", "unknown note %q", note)
		}
		if rec.Total, err = r.persons("folkemengde"); err != nil {
			return err
		}
		rec.Note = note
		return p.add(r, rec)
	})
}

// complete checks that every structure-year has exactly one record per
// municipality of the structure, and returns the records sorted.
func (p *populations) complete() ([]generalist.Population, error) {
	count := map[[2]int]int{}
	for k := range p.recs {
		count[[2]int{int(k.s), k.year}]++
	}
	for sy, n := range count {
		s := generalist.Structure(sy[0])
		if n != len(p.known[s]) {
			for num := range p.known[s] {
				if _, ok := p.recs[popKey{s, sy[1], num}]; !ok {
					return nil, generalist.Errorf(generalist.EINVALID,
						"population %d structure, year %d: kommune %s has no row (give an empty value with a note instead)", s, sy[1], num)
				}
			}
		}
	}
	out := make([]generalist.Population, 0, len(p.recs))
	for _, r := range p.recs {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Structure != b.Structure {
			return a.Structure < b.Structure
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Municipality < b.Municipality
	})
	return out, nil
}

// parseSingleAges reads single-year ages and checks that every municipality
// and year has each age 0…105 once and that they sum to the population.
func (p *populations) parseSingleAges(fsys fs.FS, name string) ([]generalist.SingleAge, *table, error) {
	t, err := readTable(fsys, name, "kommunestruktur", "aar", "kommunenummer", "alder", "folkemengde")
	if err != nil {
		return nil, nil, err
	}
	out := make([]generalist.SingleAge, 0, len(t.rows))
	type cell struct {
		k   popKey
		age int
	}
	seen := make(map[cell]bool, len(t.rows))
	sums := map[popKey]generalist.Persons{}
	ages := map[popKey]int{}
	err = t.each(func(r row) error {
		s, err := generalist.ParseStructure(r.str("kommunestruktur"))
		if err != nil {
			return r.errorf("kommunestruktur", "%s", generalist.ErrorMessage(err))
		}
		var a generalist.SingleAge
		a.Structure = s
		if a.Year, err = r.integer("aar", 1900, 2100); err != nil {
			return err
		}
		if a.Municipality, err = p.municipality(r, s); err != nil {
			return err
		}
		if a.Age, err = r.integer("alder", 0, generalist.MaxAge); err != nil {
			return err
		}
		if a.Persons, err = r.persons("folkemengde"); err != nil {
			return err
		}
		k := popKey{s, a.Year, a.Municipality}
		if seen[cell{k, a.Age}] {
			return r.fail("kommune %s, year %d, age %d appears twice", a.Municipality, a.Year, a.Age)
		}
		seen[cell{k, a.Age}] = true
		sums[k] += a.Persons
		ages[k]++
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for k, sum := range sums {
		if ages[k] != generalist.MaxAge+1 {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "%s: kommune %s, year %d has %d ages, want 0–%d",
				name, k.m, k.year, ages[k], generalist.MaxAge)
		}
		rec, ok := p.recs[k]
		if !ok || rec.Missing {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "%s: kommune %s, year %d (%d structure) has no population total to check against",
				name, k.m, k.year, k.s)
		}
		if rec.Total != sum {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "%s: kommune %s, year %d: single ages sum to %d, folkemengde is %d in %s",
				name, k.m, k.year, sum, rec.Total, p.from[k])
		}
	}
	return out, t, nil
}

func ageCols(prefix ...string) []string {
	cols := append([]string(nil), prefix...)
	for _, g := range generalist.AgeGroups {
		cols = append(cols, g.Key())
	}
	return cols
}

// parsePopulations reads all population files into ref: detailed files
// first, then the time series, which must agree with them where they
// overlap, then the single ages, which must sum to the totals.
func parsePopulations(fsys fs.FS, ref *generalist.Reference) error {
	p := newPopulations(ref)
	steps := []func() (*table, error){
		func() (*table, error) {
			return p.parseDetailed(fsys, "befolkning_2019_k2019.csv", generalist.Structure2019, 2019,
				ageCols("kommunenummer", "kommunenavn", "fylkesnummer", "folkemengde"))
		},
		func() (*table, error) {
			return p.parseDetailed(fsys, "befolkning_2020_k2020.csv", generalist.Structure2020, 2020,
				ageCols("kommunenummer", "kommunenavn", "fylkesnummer", "folkemengde", "menn", "kvinner"))
		},
		func() (*table, error) {
			return p.parseDetailed(fsys, "befolkning_k2024.csv", generalist.Structure2024, 0,
				ageCols("kommunenummer", "kommunenavn", "fylkesnummer", "aar", "folkemengde", "menn", "kvinner"))
		},
		func() (*table, error) {
			return p.parseSeries(fsys, "befolkning_tidsserie_k2020.csv", generalist.Structure2020,
				[]string{"kommunenummer", "kommunenavn", "aar", "folkemengde", "merknad"})
		},
		func() (*table, error) {
			return p.parseSeries(fsys, "befolkning_tidsserie_k2024.csv", generalist.Structure2024,
				[]string{"kommunenummer", "aar", "folkemengde", "merknad"})
		},
	}
	for _, step := range steps {
		t, err := step()
		if err != nil {
			return err
		}
		ref.Datasets = append(ref.Datasets, t.dataset())
	}
	var err error
	if ref.Populations, err = p.complete(); err != nil {
		return err
	}
	ages, t, err := p.parseSingleAges(fsys, "befolkning_ettarig_alder.csv")
	if err != nil {
		return err
	}
	ref.SingleAges = ages
	ref.Datasets = append(ref.Datasets, t.dataset())
	return nil
}
