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
	// load reads a file of 2024 municipalities, each at most once, passing
	// each row and its municipality to fn; a complete file must list all.
	load := func(name string, complete bool, cols []string, fn func(r row, n generalist.MunicipalityNumber) error) error {
		seen := map[generalist.MunicipalityNumber]bool{}
		t, err := readRows(fsys, name, cols, func(r row) error {
			n, err := r.municipality("kommunenummer")
			if err != nil {
				return err
			}
			if !in2024[n] {
				return r.errorf("kommunenummer", "kommune %s is not in the 2024 structure", n)
			}
			if seen[n] {
				return r.errorf("kommunenummer", "kommune %s appears twice", n)
			}
			seen[n] = true
			return fn(r, n)
		})
		if err != nil {
			return err
		}
		if complete && len(seen) != len(in2024) {
			return generalist.Errorf(generalist.EINVALID, "%s: %d municipalities, want all %d of the 2024 structure", t.file, len(seen), len(in2024))
		}
		ref.Datasets = append(ref.Datasets, t.dataset())
		return nil
	}

	err := load("kommuner_2024_areal_maalform.csv", true,
		[]string{"kommunenummer", "kommunenavn", "kommunenavn_norsk", "administrasjonssenter", "areal_km2", "maalform"},
		func(r row, n generalist.MunicipalityNumber) error {
			a := generalist.Area{Municipality: n}
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
	if err != nil {
		return err
	}

	err = load("sentralitetsklasse_k2024_uverifisert.csv", true, []string{"kommunenummer", "kommunenavn", "sentralitetsklasse"},
		func(r row, n generalist.MunicipalityNumber) error {
			class, err := r.integer("sentralitetsklasse", 1, 6)
			if err != nil {
				return err
			}
			ref.Centrality = append(ref.Centrality, generalist.Centrality{Municipality: n, Class: class})
			return nil
		})
	if err != nil {
		return err
	}

	err = load("inntektssystem_kostnadsindeks_k2024.csv", false, []string{"kommunenummer", "kommunenavn", "kostnadsindeks_2025", "kostnadsindeks_2026"},
		func(r row, n generalist.MunicipalityNumber) error {
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

	return load("robek_2026-04-20.csv", false, []string{"kommunenummer", "kommunenavn", "hjemmel_kommuneloven_28_1"},
		func(r row, n generalist.MunicipalityNumber) error {
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
}
