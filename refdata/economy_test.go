package refdata_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"generalist"
	"generalist/data"
	"generalist/economy"
	"generalist/refdata"
)

// economyFS copies the files ParseEconomy reads into a MapFS, with edit
// applied to the named file (old → new, which must occur).
func economyFS(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	names := []string{"kommuner_2024.csv", "befolkning_tidsserie_k2024.csv", refdata.SettlementFile, refdata.NationalTaxFile,
		refdata.GrantsFile, refdata.CostIndexFile, refdata.BudgetFile}
	params, _ := fs.Glob(data.FS, "economy/*.json")
	for _, n := range append(names, params...) {
		b, err := fs.ReadFile(data.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = &fstest.MapFile{Data: b}
	}
	if file != "" {
		f, ok := out[file]
		if !ok {
			f = &fstest.MapFile{}
			out[file] = f
		}
		s := string(f.Data)
		if old != "" && !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if old == "" {
			s = new
		} else {
			s = strings.Replace(s, old, new, 1)
		}
		f.Data = []byte(s)
	}
	return out
}

func TestParseEconomy(t *testing.T) {
	m, err := refdata.ParseEconomy(economyFS(t, "", "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Data.Settlements) != 77 || len(m.Data.Grants) != 14 || len(m.Data.NationalTax) != 11 || len(m.Params) != 11 || len(m.Data.Names) != 357 || len(m.Data.Budget) != 53 {
		t.Errorf("loaded %d settlements, %d grant rows, %d averages, %d parameter years, %d names, %d budget posts",
			len(m.Data.Settlements), len(m.Data.Grants), len(m.Data.NationalTax), len(m.Params), len(m.Data.Names), len(m.Data.Budget))
	}
	g := m.Data.Grants[economyKey("1111", 2025)]
	if g.PerInhabitant != 106115933.85694 || g.RegionalCentre != nil || g.Total != 151193000 {
		t.Errorf("Sokndal 2025 grants %+v", g)
	}
}

func TestParseEconomyErrors(t *testing.T) {
	sokndal := "1111,Sokndal,2025,3371,36076.14,85.3478,4150.06,KDD"
	grant := "1111,Sokndal,2025,106115.93385694,36627.16694945,3612,-408.60478274,4747,0,,0,0,500,151193,"
	for _, tt := range []struct {
		name, file, old, new, want string
	}{
		{"Number", refdata.SettlementFile, sokndal, strings.Replace(sokndal, "36076.14", "36O76.14", 1),
			`inntektssystem_inntektsutjevning_utvalg_2015_2025.csv line 23, field "skatt_for_utjevning_kr_per_innbygger": "36O76.14" is not a decimal number`},
		{"Unknown", refdata.SettlementFile, "1144,Kvitsøy,2015", "1199,Kvitsøy,2015",
			`line 46, field "kommunenummer": kommune 1199 is not in the 2024 structure`},
		{"Duplicate", refdata.SettlementFile, sokndal, sokndal + "\n" + sokndal, "line 24: kommune 1111 appears twice for 2025"},
		{"Share", refdata.SettlementFile, sokndal, strings.Replace(sokndal, "85.3478", "85.3578", 1),
			`field "skatt_for_utjevning_pst_av_landsgjennomsnittet": 85.3578 disagrees with tax ÷ national average = 85.3478`},
		{"Population", refdata.SettlementFile, sokndal, strings.Replace(sokndal, "3371", "3372", 1),
			`field "innbyggere_1_1": 3372 disagrees with SSB's 1 January population 3371`},
		{"Source", refdata.SettlementFile, sokndal, strings.Replace(sokndal, "KDD", "kdd", 1), `field "andel_kilde": "kdd" is not KDD or beregnet`},
		{"Header", refdata.SettlementFile, "innbyggere_1_1", "innbyggere",
			`inntektssystem_inntektsutjevning_utvalg_2015_2025.csv line 1: column 4 is "innbyggere", want "innbyggere_1_1"`},
		{"NoAverage", refdata.NationalTaxFile, "2025,42269.58", "2026,42269.58", `field "aar": no national average tax per inhabitant for 2025`},
		{"Total", refdata.GrantsFile, grant, strings.Replace(grant, "151193", "151293", 1),
			`inntektssystem_rammetilskudd_utvalg_2024_2025.csv line 5, field "rammetilskudd_uten_inntektsutjevning": 151293 is not the sum of the components`},
		{"Negative", refdata.GrantsFile, grant, strings.Replace(grant, ",4747,", ",-4747,", 1), `field "distriktstilskudd_sor_norge": -4747 is negative`},
		{"ParamMissing", "economy/2024.json", `"income_equalisation.financing_deduction": {`, `"income_equalisation.financing_deductio": {`,
			`economy/2024.json: budget year 2024: unknown parameter "income_equalisation.financing_deductio"`},
		{"ParamTwice", "economy/2024.json", `    "per_inhabitant_grant.rate": {`, `    "income_equalisation.symmetric_rate": {"value": 0.6, "unit": "share", "source": "x"},
    "per_inhabitant_grant.rate": {`, "economy/2024.json line 26, column 5: parameter income_equalisation.symmetric_rate is given twice"},
		{"ParamSyntax", "economy/2024.json", `"value": 0.6,`, `"value": 0.6`, "economy/2024.json line 7, column 7: invalid character"},
		{"ParamField", "economy/2024.json", `"value": 0.6,`, `"valeu": 0.6,`, `economy/2024.json: unknown field "valeu"`},
		{"ParamNoReason", "economy/2024.json", `"missing": "not found for 2024: the value of the basis criterion`, `"note": "not found for 2024: the value of the basis criterion`,
			`economy/2024.json: unknown field "note"`},
		{"ParamYear", "economy/2024.json", `"budget_year": 2024`, `"budget_year": 2023`, "economy/2024.json: budget_year is 2023 but the file is named 2024.json"},
		{"ParamName", "economy/2026b.json", "", `{}`, "economy/2026b.json: a parameter file must be named after its budget year"},
		{"ParamEmpty", "economy/2026.json", "", ``, "economy/2026.json: the file is empty"},
		{"ParamNone", "economy/2026.json", "", `{"budget_year": 2026}`, `economy/2026.json: no "parameters" object`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := refdata.ParseEconomy(economyFS(t, tt.file, tt.old, tt.new))
			if err == nil || !strings.Contains(err.Error(), tt.want) || generalist.ErrorCode(err) != generalist.EINVALID {
				t.Errorf("ParseEconomy = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

func economyKey(n string, y int) economy.Key {
	return economy.Key{Municipality: generalist.MunicipalityNumber(n), Year: y}
}
