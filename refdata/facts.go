package refdata

import (
	"io/fs"

	"generalist"
)

// facts2024 parses the 2024-structure files that describe each
// municipality: area, centrality, cost index and ROBEK. Each must name only
// 2024 municipalities, each at most once; the area and centrality lists must
// cover all 357.
func parseFacts(fsys fs.FS, ref *generalist.Reference) error {
	in2024 := map[generalist.MunicipalityNumber]bool{}
	for _, m := range ref.Municipalities {
		if m.Structure == generalist.Structure2024 {
			in2024[m.Number] = true
		}
	}
	known := func(r row, seen map[generalist.MunicipalityNumber]bool) (generalist.MunicipalityNumber, error) {
		n, err := r.municipality("kommunenummer")
		if err != nil {
			return "", err
		}
		if !in2024[n] {
			return "", r.errorf("kommunenummer", "kommune %s is not in the 2024 structure", n)
		}
		if seen[n] {
			return "", r.errorf("kommunenummer", "kommune %s appears twice", n)
		}
		seen[n] = true
		return n, nil
	}
	all := func(t *table, seen map[generalist.MunicipalityNumber]bool) error {
		if len(seen) != len(in2024) {
			return generalist.Errorf(generalist.EINVALID, "%s: %d municipalities, want all %d of the 2024 structure", t.file, len(seen), len(in2024))
		}
		return nil
	}

	t, err := readTable(fsys, "kommuner_2024_areal_maalform.csv",
		"kommunenummer", "kommunenavn", "kommunenavn_norsk", "administrasjonssenter", "areal_km2", "maalform")
	if err != nil {
		return err
	}
	seen := map[generalist.MunicipalityNumber]bool{}
	err = t.each(func(r row) error {
		var a generalist.Area
		var err error
		if a.Municipality, err = known(r, seen); err != nil {
			return err
		}
		km2, err := r.optFloat("areal_km2")
		if err != nil {
			return err
		}
		if km2 == nil || *km2 <= 0 {
			return r.errorf("areal_km2", "must be a positive number")
		}
		a.Km2 = generalist.SquareKm(*km2)
		if a.AdminCentre, err = r.nonEmpty("administrasjonssenter"); err != nil {
			return err
		}
		switch a.LanguageForm = r.str("maalform"); a.LanguageForm {
		case "Bokmål", "Nynorsk", "Nøytral":
		default:
			return r.errorf("maalform", "%q is not Bokmål, Nynorsk or Nøytral", a.LanguageForm)
		}
		ref.Areas = append(ref.Areas, a)
		return nil
	})
	if err == nil {
		err = all(t, seen)
	}
	if err != nil {
		return err
	}
	ref.Datasets = append(ref.Datasets, t.dataset())

	t, err = readTable(fsys, "sentralitetsklasse_k2024_uverifisert.csv", "kommunenummer", "kommunenavn", "sentralitetsklasse")
	if err != nil {
		return err
	}
	seen = map[generalist.MunicipalityNumber]bool{}
	err = t.each(func(r row) error {
		var c generalist.Centrality
		var err error
		if c.Municipality, err = known(r, seen); err != nil {
			return err
		}
		if c.Class, err = r.integer("sentralitetsklasse", 1, 6); err != nil {
			return err
		}
		ref.Centrality = append(ref.Centrality, c)
		return nil
	})
	if err == nil {
		err = all(t, seen)
	}
	if err != nil {
		return err
	}
	ref.Datasets = append(ref.Datasets, t.dataset())

	t, err = readTable(fsys, "inntektssystem_kostnadsindeks_k2024.csv", "kommunenummer", "kommunenavn", "kostnadsindeks_2025", "kostnadsindeks_2026")
	if err != nil {
		return err
	}
	seen = map[generalist.MunicipalityNumber]bool{}
	err = t.each(func(r row) error {
		n, err := known(r, seen)
		if err != nil {
			return err
		}
		for _, y := range []struct {
			col  string
			year int
		}{{"kostnadsindeks_2025", 2025}, {"kostnadsindeks_2026", 2026}} {
			v, err := r.optFloat(y.col)
			if err != nil {
				return err
			}
			if v != nil && (*v <= 0 || *v > 5) {
				return r.errorf(y.col, "%g is not a plausible cost index", *v)
			}
			ref.CostIndex = append(ref.CostIndex, generalist.CostIndex{Municipality: n, Year: y.year, Value: v})
		}
		return nil
	})
	if err != nil {
		return err
	}
	ref.Datasets = append(ref.Datasets, t.dataset())

	t, err = readTable(fsys, "robek_2026-04-20.csv", "kommunenummer", "kommunenavn", "hjemmel_kommuneloven_28_1")
	if err != nil {
		return err
	}
	seen = map[generalist.MunicipalityNumber]bool{}
	err = t.each(func(r row) error {
		n, err := known(r, seen)
		if err != nil {
			return err
		}
		basis, err := r.nonEmpty("hjemmel_kommuneloven_28_1")
		if err != nil {
			return err
		}
		for _, c := range basis {
			if !(c >= 'a' && c <= 'g') && c != ',' && c != ' ' {
				return r.errorf("hjemmel_kommuneloven_28_1", "%q: letters a–g of § 28-1 expected", basis)
			}
		}
		ref.Robek = append(ref.Robek, generalist.Robek{Municipality: n, Basis: basis, ListedOn: "2026-04-20"})
		return nil
	})
	if err != nil {
		return err
	}
	ref.Datasets = append(ref.Datasets, t.dataset())
	return nil
}
