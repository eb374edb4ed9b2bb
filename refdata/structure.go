package refdata

import (
	"io/fs"

	"generalist"
)

// structureFiles names the county and municipality lists of each structure.
var structureFiles = map[generalist.Structure][2]string{
	generalist.Structure2019: {"fylker_2019.csv", "kommuner_2019.csv"},
	generalist.Structure2020: {"fylker_2020.csv", "kommuner_2020.csv"},
	generalist.Structure2024: {"fylker_2024.csv", "kommuner_2024.csv"},
}

// parseStructure reads the counties and municipalities of one structure and
// checks them against each other: every municipality lies in a listed
// county with the same name, no number appears twice, each county's count
// of municipalities adds up, and the structure has its known size.
func parseStructure(fsys fs.FS, s generalist.Structure, ref *generalist.Reference) error {
	files := structureFiles[s]
	counties := map[generalist.CountyNumber]generalist.County{}
	wantCount := map[generalist.CountyNumber]int{}
	var order []generalist.CountyNumber
	ct, err := readRows(fsys, files[0], []string{"fylkesnummer", "fylkesnavn", "antall_kommuner"}, func(r row) error {
		n, err := r.county("fylkesnummer")
		if err != nil {
			return err
		}
		if _, dup := counties[n]; dup {
			return r.errorf("fylkesnummer", "county %s appears twice", n)
		}
		name, err := r.nonEmpty("fylkesnavn")
		if err != nil {
			return err
		}
		k, err := r.integer("antall_kommuner", 1, 1000)
		if err != nil {
			return err
		}
		counties[n] = generalist.County{Structure: s, Number: n, Name: name}
		wantCount[n] = k
		order = append(order, n)
		return nil
	})
	if err != nil {
		return err
	}

	cols := []string{"kommunenummer", "kommunenavn", "fylkesnummer", "fylkesnavn"}
	switch s {
	case generalist.Structure2020:
		cols = []string{"kommunenummer", "kommunenavn", "kommunenavn_norsk", "fylkesnummer", "fylkesnavn", "samisk_forvaltningsomrade"}
	case generalist.Structure2024:
		cols = []string{"kommunenummer", "kommunenavn", "kommunenavn_norsk", "fylkesnummer", "fylkesnavn"}
	}
	seen := map[generalist.MunicipalityNumber]bool{}
	gotCount := map[generalist.CountyNumber]int{}
	var ms []generalist.Municipality
	mt, err := readRows(fsys, files[1], cols, func(r row) error {
		m := generalist.Municipality{Structure: s}
		var err error
		if m.Number, err = r.municipality("kommunenummer"); err != nil {
			return err
		}
		if seen[m.Number] {
			return r.errorf("kommunenummer", "kommune %s appears twice", m.Number)
		}
		seen[m.Number] = true
		if m.Name, err = r.nonEmpty("kommunenavn"); err != nil {
			return err
		}
		m.ShortName = m.Name
		if _, ok := r.t.col["kommunenavn_norsk"]; ok {
			if m.ShortName, err = r.nonEmpty("kommunenavn_norsk"); err != nil {
				return err
			}
		}
		if m.County, err = r.county("fylkesnummer"); err != nil {
			return err
		}
		c, ok := counties[m.County]
		if !ok {
			return r.errorf("fylkesnummer", "county %s is not in %s", m.County, files[0])
		}
		if r.str("fylkesnavn") != c.Name {
			return r.errorf("fylkesnavn", "%q differs from %q in %s", r.str("fylkesnavn"), c.Name, files[0])
		}
		if _, ok := r.t.col["samisk_forvaltningsomrade"]; ok {
			b, err := r.boolean("samisk_forvaltningsomrade")
			if err != nil {
				return err
			}
			m.SamiArea = &b
		}
		if err := m.Validate(); err != nil {
			return r.fail("%s", generalist.ErrorMessage(err))
		}
		gotCount[m.County]++
		ms = append(ms, m)
		return nil
	})
	if err != nil {
		return err
	}
	for _, n := range order {
		if gotCount[n] != wantCount[n] {
			return generalist.Errorf(generalist.EINVALID, "%s: county %s lists %d municipalities (antall_kommuner), %s has %d",
				files[0], n, wantCount[n], files[1], gotCount[n])
		}
		ref.Counties = append(ref.Counties, counties[n])
	}
	if len(ms) != s.Size() {
		return generalist.Errorf(generalist.EINVALID, "%s: %d municipalities, the %d structure has %d", files[1], len(ms), s, s.Size())
	}
	ref.Municipalities = append(ref.Municipalities, ms...)
	ref.Datasets = append(ref.Datasets, ct.dataset(), mt.dataset())
	return nil
}
