package refdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"generalist"
	"generalist/data"
	"generalist/economy"
)

// The income-system files of data/ (data/README.md section 9) and the
// parameter directory (data/economy/README.md).
const (
	SettlementFile  = "inntektssystem_inntektsutjevning_utvalg_2015_2025.csv"
	NationalTaxFile = "inntektssystem_skatt_landsgjennomsnitt_2015_2025.csv"
	GrantsFile      = "inntektssystem_rammetilskudd_utvalg_2024_2025.csv"
	CostIndexFile   = "inntektssystem_kostnadsindeks_k2024.csv"
	BudgetFile      = "inntektssystem_kap571_statsbudsjett_2021_2026.csv"
	ParamDir        = "economy"
)

// Columns of the income-system CSV files. Imported tables are written in
// the same layouts (see ImportEconomy), so one parser reads both.
var (
	settlementCols  = []string{"kommunenummer", "kommunenavn", "aar", "innbyggere_1_1", "skatt_for_utjevning_kr_per_innbygger", "skatt_for_utjevning_pst_av_landsgjennomsnittet", "netto_inntektsutjevning_kr_per_innbygger", "andel_kilde"}
	nationalTaxCols = []string{"aar", "skatt_for_utjevning_kr_per_innbygger_landet", "kdd_kildefil"}
	grantCols       = []string{"kommunenummer", "kommunenavn", "budsjettaar", "innbyggertilskudd_lik_sum", "utgiftsutjevning", "saerskilt_fordeling", "inntektsgarantiordning", "distriktstilskudd_sor_norge", "distriktstilskudd_nord_norge", "regionsentertilskudd", "veksttilskudd", "storbytilskudd", "skjonnstilskudd", "rammetilskudd_uten_inntektsutjevning", "kilde_commit"}
	costIndexCols   = []string{"kommunenummer", "kommunenavn", "budsjettaar", "kostnadsindeks"}
	budgetCols      = []string{"budsjettaar", "dokument", "kap_nr", "post_nr", "post_navn", "belop_kr", "kildefil"}
)

// economySources is the attribution of each table (data/README.md §9).
var economySources = map[string]string{
	"settlements":  "Kilde: KDD, Inntektsutjevning – kommunevise sluttavregninger (utvalg av 7 kommuner, via Lippen1995/Project_statsbudsjett)",
	"national_tax": "Kilde: KDD, Inntektsutjevning – kommunevise sluttavregninger (landsgjennomsnitt)",
	"grants":       "Kilde: KDD, Grønt hefte 2024 og 2025, tabell 1-k og 2-k (utvalg av 7 kommuner, via Lippen1995/Project_statsbudsjett)",
	"cost_index":   "Kilde: KDD, Grønt hefte 2025 og 2026, tabell A-k (transkribert av vegard1104/kommunebarometer)",
	"population":   "Kilde: Statistisk sentralbyrå, tabell 07459 (1. januar)",
	"budget":       "Kilde: Finansdepartementet, Gul bok 2021–2026 og Saldert budsjett 2025, kap. 571 (via abreig/Statsbudsjettet.no)",
}

// EmbeddedEconomy parses the income-system tables and the parameter files
// embedded in the binary.
func EmbeddedEconomy() (*economy.Model, error) { return ParseEconomy(data.FS) }

// ParseEconomy reads the income-system tables of data/ and every parameter
// file in its economy directory, strictly: a malformed number, an unknown
// municipality, a duplicate row, a percentage that disagrees with the tax
// and the national average, a KDD population that disagrees with SSB's,
// components that do not add up to the 1-k total, or a parameter file that
// lacks a parameter is an error naming the file, the line and the field or
// parameter.
func ParseEconomy(fsys fs.FS) (*economy.Model, error) {
	d, err := parseEconomyData(fsys)
	if err != nil {
		return nil, err
	}
	ps, err := ParseParamDir(fsys, ParamDir)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: no parameter files", ParamDir)
	}
	return &economy.Model{Params: ps, Data: d}, nil
}

func parseEconomyData(fsys fs.FS) (*economy.Data, error) {
	d := economy.NewData()
	_, err := readRows(fsys, "kommuner_2024.csv", []string{"kommunenummer", "kommunenavn", "kommunenavn_norsk", "fylkesnummer", "fylkesnavn"}, func(r row) error {
		n, err := r.municipality("kommunenummer")
		if err != nil {
			return err
		}
		// The Norwegian-only name, as the structure's ShortName and the
		// rest of the site show it ("Hattfjelldal", not "Aarborte -
		// Hattfjelldal").
		d.Names[n], err = r.nonEmpty("kommunenavn_norsk")
		return err
	})
	if err != nil {
		return nil, err
	}
	_, err = readRows(fsys, "befolkning_tidsserie_k2024.csv", []string{"kommunenummer", "aar", "folkemengde", "merknad"}, func(r row) error {
		n, err := known(d, r)
		if err != nil {
			return err
		}
		y, err := r.integer("aar", 1900, 2100)
		if err != nil {
			return err
		}
		if r.str("folkemengde") == "" {
			return nil // a split municipality without data (see the file's merknad)
		}
		p, err := r.persons("folkemengde")
		if err != nil {
			return err
		}
		d.Population[economy.Key{Municipality: n, Year: y}] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.Sources["population"] = economySources["population"]
	if err := parseNationalTax(fsys, NationalTaxFile, d); err != nil {
		return nil, err
	}
	d.Sources["national_tax"] = economySources["national_tax"]
	if err := parseSettlements(fsys, SettlementFile, d); err != nil {
		return nil, err
	}
	d.Sources["settlements"] = economySources["settlements"]
	if err := parseGrants(fsys, GrantsFile, d); err != nil {
		return nil, err
	}
	d.Sources["grants"] = economySources["grants"]
	if err := parseCostIndexWide(fsys, d); err != nil {
		return nil, err
	}
	d.Sources["cost_index"] = economySources["cost_index"]
	if err := parseBudget(fsys, d); err != nil {
		return nil, err
	}
	d.Sources["budget"] = economySources["budget"]
	return d, nil
}

// known parses the kommunenummer of r and checks it is a 2024 municipality.
func known(d *economy.Data, r row) (generalist.MunicipalityNumber, error) {
	n, err := r.municipality("kommunenummer")
	if err != nil {
		return "", err
	}
	if _, ok := d.Names[n]; !ok {
		return "", r.errorf("kommunenummer", "kommune %s is not in the 2024 structure", n)
	}
	return n, nil
}

// decimal parses a required decimal number with a dot.
func (r row) decimal(field string) (float64, error) {
	v, err := r.optFloat(field)
	if err != nil {
		return 0, err
	}
	if v == nil {
		return 0, r.errorf(field, "is empty")
	}
	return *v, nil
}

// eachKey reads a file with a row per 2024 municipality and year, the
// year in yearCol, and passes each row and its key to fn; a municipality
// and year given twice is an error.
func eachKey(fsys fs.FS, name string, cols []string, yearCol string, d *economy.Data, fn func(r row, k economy.Key) error) error {
	seen := map[economy.Key]bool{}
	_, err := readRows(fsys, name, cols, func(r row) error {
		n, err := known(d, r)
		if err != nil {
			return err
		}
		y, err := r.integer(yearCol, 1900, 2100)
		if err != nil {
			return err
		}
		k := economy.Key{Municipality: n, Year: y}
		if seen[k] {
			return r.fail("kommune %s appears twice for %d", n, y)
		}
		seen[k] = true
		return fn(r, k)
	})
	return err
}

func parseNationalTax(fsys fs.FS, name string, d *economy.Data) error {
	seen := map[int]bool{}
	_, err := readRows(fsys, name, nationalTaxCols, func(r row) error {
		y, err := r.integer("aar", 1900, 2100)
		if err != nil {
			return err
		}
		if seen[y] {
			return r.errorf("aar", "year %d appears twice", y)
		}
		seen[y] = true
		v, err := r.decimal("skatt_for_utjevning_kr_per_innbygger_landet")
		if err != nil {
			return err
		}
		if v <= 0 {
			return r.errorf("skatt_for_utjevning_kr_per_innbygger_landet", "%g is not a positive amount", v)
		}
		if old, ok := d.NationalTax[y]; ok && old != v {
			return r.errorf("skatt_for_utjevning_kr_per_innbygger_landet", "%g disagrees with %g already loaded for %d", v, old, y)
		}
		d.NationalTax[y] = v
		return nil
	})
	return err
}

func parseSettlements(fsys fs.FS, name string, d *economy.Data) error {
	return eachKey(fsys, name, settlementCols, "aar", d, func(r row, k economy.Key) error {
		s := economy.Settlement{Municipality: k.Municipality, Year: k.Year}
		var err error
		switch src := r.str("andel_kilde"); src {
		case "KDD":
			s.FromKDD = true
		case "beregnet":
			if r.str("innbyggere_1_1") != "" {
				return r.errorf("innbyggere_1_1", "has a value in a row marked beregnet (only KDD rows carry KDD's population)")
			}
		default:
			return r.errorf("andel_kilde", "%q is not KDD or beregnet", src)
		}
		if r.str("innbyggere_1_1") != "" {
			p, err := r.persons("innbyggere_1_1")
			if err != nil {
				return err
			}
			if p == 0 {
				return r.errorf("innbyggere_1_1", "is zero")
			}
			if ssb, ok := d.Population[k]; ok && ssb != p {
				return r.errorf("innbyggere_1_1", "%d disagrees with SSB's 1 January population %d", p, ssb)
			}
			s.Population = &p
		}
		if s.TaxPerInhabitant, err = r.decimal("skatt_for_utjevning_kr_per_innbygger"); err != nil {
			return err
		}
		if s.TaxPerInhabitant < 0 {
			return r.errorf("skatt_for_utjevning_kr_per_innbygger", "%g is negative", s.TaxPerInhabitant)
		}
		if s.NetPerInhabitant, err = r.decimal("netto_inntektsutjevning_kr_per_innbygger"); err != nil {
			return err
		}
		pct, err := r.decimal("skatt_for_utjevning_pst_av_landsgjennomsnittet")
		if err != nil {
			return err
		}
		avg, ok := d.NationalTax[s.Year]
		if !ok {
			return r.errorf("aar", "no national average tax per inhabitant for %d in %s", s.Year, NationalTaxFile)
		}
		// The file rounds the percentage to 4 decimals.
		if want := s.TaxPerInhabitant / avg * 100; math.Abs(pct-want) > 0.00006 {
			return r.errorf("skatt_for_utjevning_pst_av_landsgjennomsnittet", "%g disagrees with tax ÷ national average = %.4f", pct, want)
		}
		s.SharePct = &pct
		s.Source = fmt.Sprintf("%s line %d", name, r.t.lines[r.i])
		d.Settlements[k] = s
		return nil
	})
}

// grantTolerance is how far (in 1,000 NOK) the components of a 1-k row may
// be from its total: the source rounds the 1-k columns to 1,000 NOK, and
// Oslo's row is 2.6 off in both years (data/README.md §9).
const grantTolerance = 3.0

func parseGrants(fsys fs.FS, name string, d *economy.Data) error {
	return eachKey(fsys, name, grantCols, "budsjettaar", d, func(r row, k economy.Key) error {
		g := economy.Grants{Municipality: k.Municipality, Year: k.Year}
		var sum float64
		for _, f := range []struct {
			col string
			dst *generalist.Kroner
		}{{"innbyggertilskudd_lik_sum", &g.PerInhabitant}, {"utgiftsutjevning", &g.ExpenditureEqualisation}, {"saerskilt_fordeling", &g.SpecialAllocation},
			{"inntektsgarantiordning", &g.IncomeGuarantee}, {"distriktstilskudd_sor_norge", &g.DistrictSouth}, {"distriktstilskudd_nord_norge", &g.DistrictNorth},
			{"veksttilskudd", &g.Growth}, {"storbytilskudd", &g.Metropolitan}, {"skjonnstilskudd", &g.Discretionary}} {
			v, err := r.decimal(f.col)
			if err != nil {
				return err
			}
			sum += v
			*f.dst = generalist.Kroner(v * 1000)
		}
		for _, col := range []string{"innbyggertilskudd_lik_sum", "distriktstilskudd_sor_norge", "distriktstilskudd_nord_norge", "veksttilskudd", "storbytilskudd", "skjonnstilskudd"} {
			if v, _ := r.optFloat(col); v != nil && *v < 0 {
				return r.errorf(col, "%g is negative", *v)
			}
		}
		if v, err := r.optFloat("regionsentertilskudd"); err != nil {
			return err
		} else if v != nil {
			if *v < 0 {
				return r.errorf("regionsentertilskudd", "%g is negative", *v)
			}
			sum += *v
			g.RegionalCentre = new(generalist.Kroner(*v * 1000))
		}
		total, err := r.decimal("rammetilskudd_uten_inntektsutjevning")
		if err != nil {
			return err
		}
		if math.Abs(sum-total) > grantTolerance {
			return r.errorf("rammetilskudd_uten_inntektsutjevning", "%g is not the sum of the components (%.1f; at most %g apart)", total, sum, grantTolerance)
		}
		g.Total = generalist.Kroner(total * 1000)
		g.Source = fmt.Sprintf("%s line %d", name, r.t.lines[r.i])
		d.Grants[k] = g
		return nil
	})
}

// parseCostIndexWide reads the shipped cost index, one column per year.
func parseCostIndexWide(fsys fs.FS, d *economy.Data) error {
	seen := map[generalist.MunicipalityNumber]bool{}
	_, err := readRows(fsys, CostIndexFile, []string{"kommunenummer", "kommunenavn", "kostnadsindeks_2025", "kostnadsindeks_2026"}, func(r row) error {
		n, err := known(d, r)
		if err != nil {
			return err
		}
		if seen[n] {
			return r.errorf("kommunenummer", "kommune %s appears twice", n)
		}
		seen[n] = true
		for _, y := range []int{2025, 2026} {
			col := fmt.Sprintf("kostnadsindeks_%d", y)
			v, err := r.optFloat(col)
			if err != nil {
				return err
			}
			if v == nil {
				continue
			}
			if *v <= 0 || *v > 10 {
				return r.errorf(col, "%g is not a cost index (1 is the national average)", *v)
			}
			d.CostIndex[economy.Key{Municipality: n, Year: y}] = *v
		}
		return nil
	})
	return err
}

// parseCostIndexLong reads an imported cost index, one row per
// municipality and year.
func parseCostIndexLong(fsys fs.FS, name string, d *economy.Data) error {
	return eachKey(fsys, name, costIndexCols, "budsjettaar", d, func(r row, k economy.Key) error {
		v, err := r.decimal("kostnadsindeks")
		if err != nil {
			return err
		}
		if v <= 0 || v > 10 {
			return r.errorf("kostnadsindeks", "%g is not a cost index (1 is the national average)", v)
		}
		d.CostIndex[k] = v
		return nil
	})
}

func parseBudget(fsys fs.FS, d *economy.Data) error {
	type key struct {
		y    int
		doc  string
		post int
	}
	seen := map[key]bool{}
	_, err := readRows(fsys, BudgetFile, budgetCols, func(r row) error {
		var b economy.BudgetPost
		var err error
		if b.Year, err = r.integer("budsjettaar", 1900, 2100); err != nil {
			return err
		}
		switch b.Document = r.str("dokument"); b.Document {
		case "prop_1_s_bevilgningsforslag", "saldert_budsjett":
		default:
			return r.errorf("dokument", "%q is not prop_1_s_bevilgningsforslag or saldert_budsjett", b.Document)
		}
		if _, err := r.integer("kap_nr", 571, 571); err != nil {
			return err
		}
		if b.Post, err = r.integer("post_nr", 1, 99); err != nil {
			return err
		}
		if b.Name, err = r.nonEmpty("post_navn"); err != nil {
			return err
		}
		s := r.str("belop_kr")
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return r.errorf("belop_kr", "%q is not a whole, non-negative number of kroner", s)
		}
		b.Amount = generalist.Kroner(v)
		k := key{b.Year, b.Document, b.Post}
		if seen[k] {
			return r.fail("post %d appears twice for %d (%s)", b.Post, b.Year, b.Document)
		}
		seen[k] = true
		d.Budget = append(d.Budget, b)
		return nil
	})
	return err
}

// paramFile is the layout of data/economy/<year>.json.
type paramFile struct {
	BudgetYear  int                      `json:"budget_year"`
	Description string                   `json:"description"`
	Parameters  map[string]economy.Param `json:"parameters"`
}

var paramFileName = regexp.MustCompile(`^(\d{4})\.json$`)

// ParseParamDir reads every <year>.json in dir of fsys. A missing dir is
// no error (it gives no years).
func ParseParamDir(fsys fs.FS, dir string) (economy.ParamSet, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return economy.ParamSet{}, nil
	} else if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %v", dir, err)
	}
	ps := economy.ParamSet{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		name := path.Join(dir, e.Name())
		m := paramFileName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: a parameter file must be named after its budget year, e.g. 2025.json", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: %v", name, err)
		}
		p, err := ParseParams(b, name)
		if err != nil {
			return nil, err
		}
		if fmt.Sprint(p.Year) != m[1] {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: budget_year is %d but the file is named %s", name, p.Year, e.Name())
		}
		ps[p.Year] = p
	}
	return ps, nil
}

// ParseParams reads one parameter file strictly: valid JSON with exactly
// the fields budget_year, description and parameters, no parameter given
// twice, and then economy.NewParams's checks (every parameter present,
// units, ranges, a source for every value, a reason for every missing
// one). Errors give the file, and the line and column where the JSON is at
// fault.
func ParseParams(b []byte, name string) (*economy.Params, error) {
	if !utf8.Valid(b) {
		return nil, errorAt(b, name, int64(generalist.InvalidUTF8At(b)), "", "not valid UTF-8")
	}
	var f paramFile
	if err := generalist.DecodeStrictJSON(b, &f); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var extra *generalist.TrailingDataError
		var dup *generalist.DuplicateKeyError
		switch {
		case errors.As(err, &dup):
			what := "field " + dup.Path
			if p, ok := strings.CutPrefix(dup.Path, "parameters."); ok {
				what = "parameter " + p
			}
			return nil, errorAt(b, name, dup.Offset, "", what+" is given twice")
		case err == io.EOF:
			return nil, generalist.Errorf(generalist.EINVALID, "%s: the file is empty", name)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, errorAt(b, name, int64(len(b)), "", "unexpected end of the file (a bracket or quote is not closed)")
		case errors.As(err, &se):
			return nil, errorAt(b, name, max(se.Offset-1, 0), "", se.Error())
		case errors.As(err, &te):
			return nil, errorAt(b, name, te.Offset, "", fmt.Sprintf("%s must be %s, not %s", te.Field, te.Type, te.Value))
		case errors.As(err, &extra):
			return nil, errorAt(b, name, extra.Offset, "", "unexpected data after the parameters")
		}
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %s", name, strings.TrimPrefix(err.Error(), "json: "))
	}
	if f.Parameters == nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: no \"parameters\" object", name)
	}
	return economy.NewParams(f.BudgetYear, name, f.Parameters)
}

// isKey reports whether the token that ended at off is followed by a
// colon, that is, whether it was an object key.
func isKey(b []byte, off int64) bool {
	for off < int64(len(b)) && strings.IndexByte(" \t\r\n", b[off]) >= 0 {
		off++
	}
	return off < int64(len(b)) && b[off] == ':'
}
