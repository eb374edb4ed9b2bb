package refdata

import (
	"io/fs"
	"time"

	"generalist"
)

// parseNordic reads the Finnish per-municipality file and the published
// national aggregates.
func parseNordic(fsys fs.FS, ref *generalist.Reference) error {
	cols := []string{"land", "kommunestruktur", "referansedato", "kuntanumero", "navn_fi", "navn_sv", "folkemengde", "aland"}
	seen := map[[2]string]bool{}
	err := addRows(fsys, ref, "norden_finland_kommuner.csv", cols, func(r row) error {
		m := generalist.NordicMunicipality{Country: r.str("land"), Structure: r.str("kommunestruktur"), RefDate: r.str("referansedato")}
		if m.Country != "FI" {
			return r.errorf("land", "%q: only FI has per-municipality data", m.Country)
		}
		if _, err := time.Parse("2006-01-02", m.RefDate); err != nil {
			return r.errorf("referansedato", "%q is not a date (YYYY-MM-DD)", m.RefDate)
		}
		if _, err := r.integer("kommunestruktur", 1900, 2100); err != nil {
			return err
		}
		m.Code = r.str("kuntanumero")
		if len(m.Code) != 3 || m.Code[0] < '0' || m.Code[0] > '9' || m.Code[1] < '0' || m.Code[1] > '9' || m.Code[2] < '0' || m.Code[2] > '9' {
			return r.errorf("kuntanumero", "%q: must be exactly 3 digits", m.Code)
		}
		if seen[[2]string{m.Structure, m.Code}] {
			return r.errorf("kuntanumero", "%s appears twice in structure %s", m.Code, m.Structure)
		}
		seen[[2]string{m.Structure, m.Code}] = true
		var err error
		if m.Name, err = r.nonEmpty("navn_fi"); err != nil {
			return err
		}
		if m.NameSv, err = r.nonEmpty("navn_sv"); err != nil {
			return err
		}
		if m.Population, err = r.persons("folkemengde"); err != nil {
			return err
		}
		if m.Aland, err = r.boolean("aland"); err != nil {
			return err
		}
		ref.Nordic = append(ref.Nordic, m)
		return nil
	})
	if err != nil {
		return err
	}

	cols = []string{"land", "kilde", "innbyggere", "antall_kommuner",
		"innbyggere_middel", "innbyggere_median", "innbyggere_storst", "innbyggere_minst", "kommuner_under_5000",
		"median_areal_km2", "middel_areal_km2", "storst_areal_km2"}
	return addRows(fsys, ref, "norden_aggregater.csv", cols, func(r row) error {
		a := generalist.NordicAggregate{Country: r.str("land"), Source: r.str("kilde")}
		switch a.Country {
		case "NO", "SE", "DK", "FI", "IS":
		default:
			return r.errorf("land", "%q is not a Nordic country code", a.Country)
		}
		if _, ok := generalist.NordicSources[a.Source]; !ok {
			return r.errorf("kilde", "unknown source %q", a.Source)
		}
		for _, f := range []struct {
			col string
			dst **float64
		}{
			{"innbyggere", &a.Inhabitants}, {"antall_kommuner", &a.Municipalities}, {"innbyggere_middel", &a.Mean},
			{"innbyggere_median", &a.Median}, {"innbyggere_storst", &a.Largest}, {"innbyggere_minst", &a.Smallest},
			{"kommuner_under_5000", &a.Under5000}, {"median_areal_km2", &a.MedianAreaKm2},
			{"middel_areal_km2", &a.MeanAreaKm2}, {"storst_areal_km2", &a.LargestAreaKm2},
		} {
			v, err := r.optFloat(f.col)
			if err != nil {
				return err
			}
			if v != nil && *v < 0 {
				return r.errorf(f.col, "%g is negative", *v)
			}
			*f.dst = v
		}
		ref.NordicTotals = append(ref.NordicTotals, a)
		return nil
	})
}
