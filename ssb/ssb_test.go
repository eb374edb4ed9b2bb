package ssb

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"generalist"
)

// linear returns the population of a municipality whose persons of single
// age a are base - step*a for each sex given by its base (one base: no sex
// split; two: men, women). The sums are in closed form, so that the
// expectations do not depend on adding up the fixture the way the parser
// does: the sum over ages lo…hi of base - step*a is n*base - step*(lo+hi)*n/2
// with n = hi-lo+1.
func linear(num string, year int, step int64, bases ...int64) generalist.Population {
	sum := func(base int64, lo, hi int) generalist.Persons {
		n := int64(hi - lo + 1)
		return generalist.Persons(n*base - step*int64(lo+hi)*n/2)
	}
	p := generalist.Population{Year: year, Municipality: generalist.MustParseMunicipalityNumber(num)}
	var ages generalist.AgeCounts
	for _, g := range generalist.AgeGroups {
		lo, hi := g.Bounds()
		for _, b := range bases {
			ages[g] += sum(b, lo, hi)
		}
	}
	for _, b := range bases {
		p.Total += sum(b, 0, generalist.MaxAge)
	}
	if len(bases) == 2 {
		p.Sex = &generalist.Sex{Men: sum(bases[0], 0, generalist.MaxAge), Women: sum(bases[1], 0, generalist.MaxAge)}
	}
	p.Ages = &ages
	return p
}

func total(num string, year int, n generalist.Persons) generalist.Population {
	return generalist.Population{Year: year, Municipality: generalist.MustParseMunicipalityNumber(num), Total: n}
}

func missing(num string, year int) generalist.Population {
	return generalist.Population{Year: year, Municipality: generalist.MustParseMunicipalityNumber(num), Missing: true, Note: generalist.NoteMissing}
}

func show(ps []generalist.Population) string {
	b, _ := json.Marshal(ps)
	return string(b)
}

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// singleAge returns the persons of one age in ds, or -1.
func singleAge(ds *Dataset, num string, year, age int) generalist.Persons {
	for _, s := range ds.SingleAges {
		if string(s.Municipality) == num && s.Year == year && s.Age == age {
			return s.Persons
		}
	}
	return -1
}

func TestParseJSONStatFixtures(t *testing.T) {
	for _, tt := range []struct {
		file       string
		table      string
		title      string
		want       []generalist.Population
		singleAges int
		skipped    []Skip
	}{
		{
			file:  "07459.json",
			table: "07459",
			title: title07459,
			want: []generalist.Population{
				linear("0301", 2024, 20, 5000, 4900),
				linear("4601", 2024, 20, 2500, 2450),
			},
			singleAges: 2 * 106,
		},
		{
			file:  "07459_sparse.json",
			title: "Befolkning 1. januar, etter region og år",
			want: []generalist.Population{
				total("1103", 2023, 146011),
				total("1103", 2024, 149048),
				total("1806", 2023, 21543),
				missing("1806", 2024), // left out of the sparse object
				missing("5501", 2023), // null, status ".."
				total("5501", 2024, 78745),
			},
			skipped: []Skip{{Region: "0", Label: "Hele landet", Reason: "national total"}},
		},
	} {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			ds, err := ParseJSONStat(f)
			checkFixture(t, "ParseJSONStat("+tt.file+")", ds, err, tt.table, tt.title, tt.want, tt.singleAges, tt.skipped)
		})
	}
}

// checkFixture checks what call, a parse of a fixture, gave.
func checkFixture(t *testing.T, call string, ds *Dataset, err error, table, title string, want []generalist.Population, singleAges int, skipped []Skip) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s = %v", call, err)
	}
	if ds.Table != table || ds.Title != title {
		t.Errorf("%s = table %q, title %q, want %q, %q", call, ds.Table, ds.Title, table, title)
	}
	if !reflect.DeepEqual(ds.Populations, want) {
		t.Errorf("%s.Populations = %v, want %v", call, show(ds.Populations), show(want))
	}
	if len(ds.SingleAges) != singleAges {
		t.Errorf("%s has %d single ages, want %d", call, len(ds.SingleAges), singleAges)
	}
	if !reflect.DeepEqual(skipNames(ds.Skipped), skipped) {
		t.Errorf("%s.Skipped = %v, want %v", call, ds.Skipped, skipped)
	}
}

// skipNames returns the skipped regions without their counts of values,
// which the tables of expected results leave out.
func skipNames(skips []Skip) []Skip {
	var out []Skip
	for _, s := range skips {
		s.Cells = 0
		out = append(out, s)
	}
	return out
}

func TestJSONStatFixtureByHand(t *testing.T) {
	// A few figures worked out by hand, in case linear and the fixture
	// share a mistake: Oslo men 106*5000 - 20*(0+1+…+105) = 530000 - 20*5565.
	ds, err := ParseJSONStat(strings.NewReader(string(readFixture(t, "07459.json"))))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		got, want generalist.Persons
		what      string
	}{
		{ds.Populations[0].Sex.Men, 418700, "Oslo men"},
		{ds.Populations[0].Sex.Women, 408100, "Oslo women"},
		{ds.Populations[0].Total, 826800, "Oslo"},
		{ds.Populations[1].Total, 302100, "Bergen"},
		{ds.Populations[0].Ages[generalist.Age0To1], 9900 + 9860, "Oslo 0–1"},
		{ds.Populations[0].Ages[generalist.Age90Plus], 16*9900 - 40*(90+105)*8, "Oslo 90+"},
		{singleAge(ds, "0301", 2024, 0), 9900, "Oslo age 0"},
		{singleAge(ds, "0301", 2024, 105), 5700, "Oslo age 105+"},
		{singleAge(ds, "4601", 2024, 50), 4950 - 2000, "Bergen age 50"},
	} {
		if tt.got != tt.want {
			t.Errorf("ParseJSONStat(07459.json): %s = %d, want %d", tt.what, tt.got, tt.want)
		}
	}
}

func TestParseCSVFixtures(t *testing.T) {
	long := []generalist.Population{
		linear("4601", 2024, 20, 2600, 2550),
		linear("5001", 2024, 15, 2300, 2250),
	}
	longSkips := []Skip{
		{Region: "0", Label: "Hele landet", Reason: "national total"},
		{Region: "2111", Label: "Longyearbyen", Reason: "Svalbard, not a municipality"},
	}
	for _, tt := range []struct {
		file       string
		encoding   string
		table      string
		title      string
		want       []generalist.Population
		singleAges int
		skipped    []Skip
	}{
		{"07459_latin1.csv", "", "07459", title07459, long, 2 * 106, longSkips},
		{"07459_latin1.csv", "latin1", "07459", title07459, long, 2 * 106, longSkips},
		{"07459_utf8_bom.csv", "auto", "07459", title07459, long, 2 * 106, longSkips},
		{"07459_utf8_bom.csv", "utf-8", "07459", title07459, long, 2 * 106, longSkips},
		{
			"07459_wide.csv", "", "07459", "Befolkning, etter region, alder, statistikkvariabel og år",
			[]generalist.Population{
				missing("3103", 2023),
				linear("3103", 2024, 12, 1700),
				linear("3201", 2023, 25, 3500),
				linear("3201", 2024, 25, 3540),
			},
			3 * 106,
			[]Skip{{Region: "0", Label: "Hele landet", Reason: "national total"}},
		},
	} {
		t.Run(tt.file+"/"+tt.encoding, func(t *testing.T) {
			ds, err := ParseCSV(strings.NewReader(string(readFixture(t, tt.file))), CSVOptions{Encoding: tt.encoding})
			checkFixture(t, "ParseCSV("+tt.file+")", ds, err, tt.table, tt.title, tt.want, tt.singleAges, tt.skipped)
		})
	}
}

func TestCSVFixtureByHand(t *testing.T) {
	// The Latin-1 file must really be Latin-1 for the test to mean anything.
	raw := readFixture(t, "07459_latin1.csv")
	if !strings.Contains(string(raw), "Tr\xe5ante") {
		t.Fatalf("07459_latin1.csv has no ISO-8859-1 å")
	}
	ds, err := ParseCSV(strings.NewReader(string(raw)), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Bergen men: 106*2600 - 20*5565; Trondheim women: 106*2250 - 15*5565.
	if got := ds.Populations[0].Sex.Men; got != 164300 {
		t.Errorf("ParseCSV(07459_latin1.csv): Bergen men = %d, want 164300", got)
	}
	if got := ds.Populations[1].Sex.Women; got != 155025 {
		t.Errorf("ParseCSV(07459_latin1.csv): Trondheim women = %d, want 155025", got)
	}
	if got := singleAge(ds, "5001", 2024, 105); got != 2300+2250-2*15*105 {
		t.Errorf("ParseCSV(07459_latin1.csv): Trondheim 105+ = %d, want %d", got, 2300+2250-2*15*105)
	}
	wide, err := ParseCSV(strings.NewReader(string(readFixture(t, "07459_wide.csv"))), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Bærum 2024: 106*3540 - 25*5565.
	if got := wide.Populations[3].Total; got != 236115 {
		t.Errorf("ParseCSV(07459_wide.csv): Bærum 2024 = %d, want 236115", got)
	}
	if got := singleAge(wide, "3103", 2023, 0); got != -1 {
		t.Errorf("ParseCSV(07459_wide.csv): Moss 2023 age 0 = %d, want no single ages for a missing year", got)
	}
}

// csvHead is a header for small inline CSV tests.
const csvHead = "\"region\";\"kjønn\";\"alder\";\"år\";\"Personer\"\n"

// allAges returns long-layout CSV lines for every single age of one
// region, sex and year, with persons base-step*a.
func allAges(region, sex string, year, base, step int) string {
	var sb strings.Builder
	for a := 0; a <= generalist.MaxAge; a++ {
		fmt.Fprintf(&sb, "%q;%q;%q;\"%d\";%d\n", region, sex, ageCode(a), year, base-step*a)
	}
	return sb.String()
}

func TestParseCSV(t *testing.T) {
	for _, tt := range []struct {
		name    string
		in      string
		want    []generalist.Population
		skipped []Skip
	}{
		{
			name: "OK",
			in:   "\"region\";\"år\";\"Personer\"\n\"0301 Oslo\";\"2024\";717710\n\"K-1103 Stavanger\";\"2024\";149048\n",
			want: []generalist.Population{total("0301", 2024, 717710), total("1103", 2024, 149048)},
		},
		{
			name: "DashIsZero",
			in:   "\"region\";\"år\";\"Personer\"\n\"0301 Oslo\";\"2024\";-\n",
			want: []generalist.Population{total("0301", 2024, 0)},
		},
		{
			name: "MissingSymbols",
			in:   "\"region\";\"år\";\"Personer\"\n\"0301 Oslo\";\"2023\";..\n\"0301 Oslo\";\"2024\";...\n\"1103\";\"2024\";:\n\"1106\";\"2024\";.\n",
			want: []generalist.Population{missing("0301", 2023), missing("0301", 2024), missing("1103", 2024), missing("1106", 2024)},
		},
		{
			name: "MissingAgeMakesYearMissing",
			in:   csvHead + strings.Replace(allAges("0301 Oslo", "0", 2024, 200, 1), ";150\n", ";..\n", 1),
			want: []generalist.Population{missing("0301", 2024)},
		},
		{
			name: "BothSexesAndSplit",
			in:   csvHead + "\"0301\";\"0 Begge kjønn\";\"Alle aldre\";\"2024\";717710\n\"0301\";\"1 Menn\";\"Alle aldre\";\"2024\";357520\n\"0301\";\"2 Kvinner\";\"Alle aldre\";\"2024\";360190\n",
			want: []generalist.Population{{Year: 2024, Municipality: "0301", Total: 717710, Sex: &generalist.Sex{Men: 357520, Women: 360190}}},
		},
		{
			name: "SexLabelsOnly",
			in:   csvHead + "\"0301\";\"Menn\";\"999 Alle aldre\";\"2024\";10\n\"0301\";\"Kvinner\";\"999 Alle aldre\";\"2024\";12\n",
			want: []generalist.Population{{Year: 2024, Municipality: "0301", Total: 22, Sex: &generalist.Sex{Men: 10, Women: 12}}},
		},
		{
			name: "SomeAgesWithTotal",
			in:   csvHead + "\"0301\";\"0\";\"000 0 år\";\"2024\";9000\n\"0301\";\"0\";\"001 1 år\";\"2024\";8500\n\"0301\";\"0\";\"Alle aldre\";\"2024\";717710\n",
			want: []generalist.Population{total("0301", 2024, 717710)},
		},
		{
			name: "AllAgesAndTotal",
			in:   csvHead + allAges("0301 Oslo", "0", 2024, 200, 1) + "\"0301 Oslo\";\"0\";\"999\";\"2024\";15635\n",
			want: []generalist.Population{linear("0301", 2024, 1, 200)},
		},
		{
			name: "AgesByBothSexesMatchTheSplit",
			in: csvHead + allAges("0301", "0", 2024, 400, 2) + allAges("0301", "1", 2024, 210, 1) +
				strings.ReplaceAll(allAges("0301", "2", 2024, 190, 1), ";\"2\";", ";\"2 Kvinner\";"),
			want: func() []generalist.Population {
				p := linear("0301", 2024, 2, 400)
				p.Sex = &generalist.Sex{Men: linear("0301", 2024, 1, 210).Total, Women: linear("0301", 2024, 1, 190).Total}
				return []generalist.Population{p}
			}(),
		},
		{
			name: "EnglishAndExtraDimension",
			in:   "\"region\";\"sex\";\"contents\";\"Landbakgrunn\";\"year\";\"value\"\n\"0301 Oslo\";\"1 Males\";\"Persons\";\"abc Alle\";\"2024\";10\n\"0301 Oslo\";\"2 Females\";\"Persons\";\"abc Alle\";\"2024\";12\n",
			want: []generalist.Population{{Year: 2024, Municipality: "0301", Total: 22, Sex: &generalist.Sex{Men: 10, Women: 12}}},
		},
		{
			name: "WideWithSexInHeader",
			in:   "\"region\";\"Menn Personer 2024\";\"Kvinner Personer 2024\";\"Begge kjønn Personer 2024\"\n\"0301\";10;12;22\n",
			want: []generalist.Population{{Year: 2024, Municipality: "0301", Total: 22, Sex: &generalist.Sex{Men: 10, Women: 12}}},
		},
		{
			name: "Skips",
			in:   "\"region\";\"år\";\"Personer\"\n\"0 Hele landet\";\"2024\";5550203\n\"F-03 Oslo\";\"2024\";717710\n\"21 Svalbard\";\"2024\";2600\n\"2211 Jan Mayen\";\"2024\";-\n\"2311 Sokkelen sør for 62 gr N\";\"2024\";-\n\"9999 Uoppgitt\";\"2024\";..\n\"0301 Oslo\";\"2024\";717710\n",
			want: []generalist.Population{total("0301", 2024, 717710)},
			skipped: []Skip{
				{Region: "0", Label: "Hele landet", Reason: "national total"},
				{Region: "21", Label: "Svalbard", Reason: "Svalbard, not a municipality"},
				{Region: "2211", Label: "Jan Mayen", Reason: "Jan Mayen, not a municipality"},
				{Region: "2311", Label: "Sokkelen sør for 62 gr N", Reason: "continental shelf, not a municipality"},
				{Region: "9999", Label: "Uoppgitt", Reason: "unknown municipality"},
				{Region: "F-03", Label: "Oslo", Reason: "county, not a municipality"},
			},
		},
		{
			name:    "OnlySkipped",
			in:      "\"region\";\"år\";\"Personer\"\n\"0 Hele landet\";\"2024\";5550203\n",
			want:    []generalist.Population{},
			skipped: []Skip{{Region: "0", Label: "Hele landet", Reason: "national total"}},
		},
		{
			name: "CRLFAndUnquoted",
			in:   "Tittel\r\n\r\nregion;år;Personer\r\n0301 Oslo;2024;717710\r\n",
			want: []generalist.Population{total("0301", 2024, 717710)},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ParseCSV(strings.NewReader(tt.in), CSVOptions{})
			if err != nil {
				t.Fatalf("ParseCSV(%s) = %v", tt.name, err)
			}
			if !reflect.DeepEqual(ds.Populations, tt.want) {
				t.Errorf("ParseCSV(%s).Populations = %v, want %v", tt.name, show(ds.Populations), show(tt.want))
			}
			if !reflect.DeepEqual(skipNames(ds.Skipped), tt.skipped) {
				t.Errorf("ParseCSV(%s).Skipped = %v, want %v", tt.name, ds.Skipped, tt.skipped)
			}
		})
	}
}

// modifyJSON returns the JSON-stat fixture 07459.json changed by f.
func modifyJSON(tb testing.TB, f func(doc map[string]any)) string {
	tb.Helper()
	return modifyDoc(tb, readFixture(tb, "07459.json"), f)
}

// modifyDoc returns the JSON document data changed by f.
func modifyDoc(tb testing.TB, data []byte, f func(doc map[string]any)) string {
	tb.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	f(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// withAgeTotal returns 07459.json with the age category code, "Alle
// aldre", added at the end of the age dimension, with the values totals
// for Oslo men, women, Bergen men, women.
func withAgeTotal(tb testing.TB, code string, totals ...int) string {
	tb.Helper()
	return modifyJSON(tb, func(doc map[string]any) {
		a := dim(doc, "Alder")
		a["index"].(map[string]any)[code] = 106
		a["label"].(map[string]any)[code] = "Alle aldre"
		doc["size"] = []any{2, 2, 107, 1, 1}
		old := doc["value"].([]any)
		var v []any
		for i, tot := range totals {
			v = append(v, old[i*106:(i+1)*106]...)
			v = append(v, tot)
		}
		doc["value"] = v
	})
}

func dim(doc map[string]any, id string) map[string]any {
	return doc["dimension"].(map[string]any)[id].(map[string]any)["category"].(map[string]any)
}

// small builds a JSON-stat dataset with dimensions Region and Tid from
// a list of region codes, one year and values.
func small(regions []string, values string) string {
	index, _ := json.Marshal(regions)
	return fmt.Sprintf(`{"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[%d,1],
"dimension":{"Region":{"category":{"index":%s}},"Tid":{"category":{"index":["2024"]}}},"value":%s}`,
		len(regions), index, values)
}

// manyMunicipalityYears is a small file that claims 700 municipalities ×
// 401 years, all missing: it must be refused before it costs much memory.
func manyMunicipalityYears() string {
	var regions, years []string
	for i := range 700 {
		regions = append(regions, fmt.Sprintf("%04d", 101+i))
	}
	for y := 1800; y <= 2200; y++ {
		years = append(years, fmt.Sprint(y))
	}
	r, _ := json.Marshal(regions)
	ys, _ := json.Marshal(years)
	return fmt.Sprintf(`{"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[%d,%d],
"dimension":{"Region":{"category":{"index":%s}},"Tid":{"category":{"index":%s}}},"value":{}}`,
		len(regions), len(years), r, ys)
}

func TestParseJSONStat(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want []generalist.Population
	}{
		{"OK", small([]string{"0301", "K-1103"}, "[717710, 149048]"), []generalist.Population{total("0301", 2024, 717710), total("1103", 2024, 149048)}},
		{"StatusArray", small([]string{"0301", "1103"}, `[0, null]`) + "", []generalist.Population{total("0301", 2024, 0), missing("1103", 2024)}},
		{"StatusSymbolWins", strings.Replace(small([]string{"0301"}, `[0]`), `"value"`, `"status":[".."],"value"`, 1), []generalist.Population{missing("0301", 2024)}},
		{"StatusDashIsZero", strings.Replace(small([]string{"0301"}, `[null]`), `"value"`, `"status":"-","value"`, 1), []generalist.Population{total("0301", 2024, 0)}},
		{"WholeFloat", small([]string{"0301"}, `[717710.0]`), []generalist.Population{total("0301", 2024, 717710)}},
		{"SymbolString", small([]string{"0301"}, `[".."]`), []generalist.Population{missing("0301", 2024)}},
		{
			"AgesWithTotal",
			// Oslo men 418700, women 408100, Bergen men 153700, women 148400.
			withAgeTotal(t, "999D", 418700, 408100, 153700, 148400),
			[]generalist.Population{linear("0301", 2024, 20, 5000, 4900), linear("4601", 2024, 20, 2500, 2450)},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ParseJSONStat(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseJSONStat(%s) = %v", tt.name, err)
			}
			if !reflect.DeepEqual(ds.Populations, tt.want) {
				t.Errorf("ParseJSONStat(%s).Populations = %v, want %v", tt.name, show(ds.Populations), show(tt.want))
			}
		})
	}
}

func utf16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// badCSV are CSV files the import must refuse; want are parts of the
// message the user sees, which must name the place.
var badCSV = []badCSVCase{
	{"ShortNumber", "", "\"region\";\"år\";\"Personer\"\n\"301 Oslo\";\"2024\";5\n", []string{`line 2, column "region"`, `kommunenummer "301"`, "4 digits"}},
	{"LetterO", "", "\"region\";\"år\";\"Personer\"\n\"03O1 Oslo\";\"2024\";5\n", []string{`line 2, column "region"`, `"03O1"`, "character 3"}},
	{"Duplicate", "", csvHead + "\"0301\";\"1\";\"005\";\"2024\";5\n\"0301\";\"1 Menn\";\"5 år\";\"2024\";5\n", []string{"line 3", "same municipality, year, sex and age as line 2", "men, age 5"}},
	{"DuplicateWide", "", "\"region\";\"Personer 2024\";\"2024\"\n\"0301\";1;2\n", []string{`line 2, column "2024"`, `line 2, column "Personer 2024"`}},
	{"ColumnCount", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";5\n\"1103\";\"2024\"\n", []string{"line 3", "2 columns", "header on line 1 has 3"}},
	{"Negative", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";-5\n", []string{`line 2, column "Personer"`, "-5 is negative"}},
	{"NotANumber", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";12a\n", []string{`line 2, column "Personer"`, `"12a" is not a number`}},
	{"NotWhole", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";12.5\n", []string{`line 2, column "Personer"`, "not a whole number"}},
	{"Empty", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";\n", []string{`line 2, column "Personer"`, "empty"}},
	{"UTF16LE", "", utf16LE("\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";5\n", true), []string{"not UTF-8 or ISO-8859-1", "UTF-16"}},
	{"UTF16LENoBOM", "auto", utf16LE("\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";5\n", false), []string{"not UTF-8 or ISO-8859-1", "line 1", "NUL"}},
	{"UTF16LELatin1", "latin1", utf16LE("\"region\";\"år\";\"Personer\"\n", true), []string{"not UTF-8 or ISO-8859-1"}},
	{"Latin1AsUTF8", "utf-8", "\"region\";\"år\";\"Personer\"\n\"5001 Trondheim - Tr\xe5ante\";\"2024\";5\n", []string{"line 2", "byte 21 of the line (0xE5)", "not valid UTF-8"}},
	{"BOMAsLatin1", "latin1", "\uFEFF\"region\";\"år\";\"Personer\"\n", []string{"UTF-8 byte order mark"}},
	{"UnknownEncoding", "cp1252", "\"region\";\"år\";\"Personer\"\n", []string{`encoding "cp1252"`}},
	{"AgesDoNotAddUp", "", csvHead + allAges("0301 Oslo", "0", 2024, 200, 1) + "\"0301 Oslo\";\"0\";\"999\";\"2024\";15636\n", []string{"kommune 0301 Oslo, 2024", "add up to 15635", "(line 108) is 15636"}},
	{"SomeAgesNoTotal", "", csvHead + "\"0301\";\"0\";\"000\";\"2024\";5\n\"0301\";\"0\";\"001\";\"2024\";5\n", []string{"kommune 0301, 2024", "2 of the 106", "age 2 is not there", "no total"}},
	{"SexDoesNotAddUp", "", csvHead + "\"0301\";\"0\";\"999\";\"2024\";23\n\"0301\";\"1\";\"999\";\"2024\";10\n\"0301\";\"2\";\"999\";\"2024\";12\n", []string{"kommune 0301, 2024", "men 10 + women 12 = 22, but both sexes (line 2) is 23"}},
	{"AgeBySexDoesNotAddUp", "", csvHead + allAges("0301", "0", 2024, 400, 2) + allAges("0301", "1", 2024, 210, 1) +
		// One woman moved from age 3 to age 4: the totals agree, age 3 does not.
		strings.NewReplacer(`"003";"2024";187`, `"003";"2024";186`, `"004";"2024";186`, `"004";"2024";187`).Replace(allAges("0301", "2", 2024, 190, 1)), []string{"kommune 0301, 2024, age 3", "men 207 + women 186 = 393, but both sexes (line 5) is 394"}},
	{"OnlyMen", "", csvHead + "\"0301\";\"1\";\"999\";\"2024\";10\n", []string{"kommune 0301, 2024", "men but neither women nor both sexes"}},
	{"NotPersons", "", "\"region\";\"statistikkvariabel\";\"år\";\"value\"\n\"0301\";\"Døde\";\"2024\";5\n", []string{`line 2, column "statistikkvariabel"`, `"Døde" is not a count of persons`}},
	{"ExtraDimension", "", "\"region\";\"landbakgrunn\";\"år\";\"Personer\"\n\"0301\";\"a\";\"2024\";5\n\"0301\";\"b\";\"2024\";5\n", []string{`line 3, column "landbakgrunn"`, `"b", but line 2 has "a"`}},
	{"NoHeader", "", "\"Befolkning\"\n\"0301\";\"2024\";5\n", []string{"no header", `column "region"`}},
	{"NoData", "", "\"region\";\"år\";\"Personer\"\n", []string{"no data after the header on line 1"}},
	{"NoYear", "", "\"region\";\"Personer\"\n\"0301\";5\n", []string{"line 1", "no year"}},
	{"BadYear", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024K1\";5\n", []string{`line 2, column "år"`, `year "2024K1"`}},
	{"BadSex", "", csvHead + "\"0301\";\"3 Ukjent\";\"999\";\"2024\";5\n", []string{`line 2, column "kjønn"`, `sex "3 Ukjent"`}},
	{"SexCodeAndLabelDisagree", "", csvHead + "\"0301\";\"1 Kvinner\";\"999\";\"2024\";5\n", []string{`line 2, column "kjønn"`, "the code says men, the label women"}},
	{"OpenAgeClass", "", csvHead + "\"0301\";\"0\";\"100+ 100 år eller eldre\";\"2024\";5\n", []string{`line 2, column "alder"`, "only single years 0–104 and 105+"}},
	{"BadAge", "", csvHead + "\"0301\";\"0\";\"0-4 år\";\"2024\";5\n", []string{`line 2, column "alder"`, `age "0-4 år"`}},
	{"WideHeader", "", "\"region\";\"Døde 2024\"\n\"0301\";5\n", []string{`line 1, column "Døde 2024"`, `cannot read "Døde"`}},
	{"WideHeaderSexTwice", "", "\"region\";\"kjønn\";\"Menn 2024\"\n\"0301\";\"1\";5\n", []string{`line 1, column "Menn 2024"`, `also a column "kjønn"`}},
	{"SameDimensionTwice", "", "\"region\";\"Region\";\"år\";\"Personer\"\n", []string{"line 1", "the same dimension"}},
	{"LastColumnIsDimension", "", "\"region\";\"Personer\";\"år\"\n", []string{"line 1", `last column "år"`}},
	{"BareQuote", "", "\"region\";\"år\";\"Personer\"\n0301 \"Oslo\";\"2024\";5\n", []string{"line 2", `bare "`}},
	{"TooLarge", "", "\"region\";\"år\";\"Personer\"\n\"0301\";\"2024\";99999999999999\n", []string{`line 2, column "Personer"`, "larger than any population"}},
	{"LabelOnly", "", "\"region\";\"år\";\"Personer\"\n\"Oslo\";\"2024\";5\n", []string{`line 2, column "region": "Oslo" has no region code`}},
	{"County00", "", "\"region\";\"år\";\"Personer\"\n\"0012\";\"2024\";5\n", []string{`line 2, column "region"`, "county part 00"}},
}

// badCSVCase is a CSV file the import must refuse, read with encoding;
// want are parts of the message.
type badCSVCase struct {
	name, encoding, in string
	want               []string
}

type badCase struct {
	name string
	in   string
	want []string
}

// badJSONStat returns JSON-stat files the import must refuse, with parts of
// the message the user sees.
func badJSONStat(tb testing.TB) []badCase {
	fixture := func(f func(doc map[string]any)) string { return modifyJSON(tb, f) }
	return []badCase{
		{"ValueLength", small([]string{"0301", "1103"}, "[1, 2, 3]"), []string{"value has 3 entries", "size [2 1] says 2"}},
		{"IndexLength", fixture(func(doc map[string]any) {
			delete(dim(doc, "Alder")["index"].(map[string]any), "105+")
		}), []string{`dimension "Alder": category.index has 105 entries, size says 106`}},
		{"UnknownDimension", `{"version":"2.0","class":"dataset","id":["Region","Fylke","Tid"],"size":[1,2,1],
"dimension":{"Region":{"category":{"index":["0301"]}},"Fylke":{"category":{"index":["03","11"]}},"Tid":{"category":{"index":["2024"]}}},"value":[1,2]}`,
			[]string{`dimension "Fylke": unknown dimension with 2 categories`}},
		{"IDWithoutDimension", fixture(func(doc map[string]any) {
			delete(doc["dimension"].(map[string]any), "Kjonn")
		}), []string{`id[1] "Kjonn" has no entry in dimension`}},
		{"NullDimension", fixture(func(doc map[string]any) {
			doc["dimension"].(map[string]any)["Kjonn"] = nil
		}), []string{`dimension "Kjonn" is null`}},
		{"IDSizeLength", fixture(func(doc map[string]any) { doc["size"] = []any{2, 2, 106, 1} }), []string{"id has 5 entries, but size has 4"}},
		{"ZeroSize", small([]string{}, "[]"), []string{`size[0] is 0: dimension "Region"`}},
		{"ShortNumber", small([]string{"0301", "301"}, "[1, 2]"), []string{`dimension "Region": category "301"`, `kommunenummer "301"`, "4 digits"}},
		{"LetterO", small([]string{"03O1"}, "[1]"), []string{`dimension "Region": category "03O1"`, "character 3"}},
		{"SameMunicipality", small([]string{"0301", "K-0301"}, "[1, 2]"), []string{`dimension "Region": categories "0301" and "K-0301" are the same kommune 0301`}},
		{"Negative", small([]string{"0301", "1103"}, "[1, -5]"), []string{"value[1] (Region=1103, Tid=2024)", "-5 is negative"}},
		{"NotANumber", small([]string{"0301"}, `["12a"]`), []string{"value[0] (Region=0301, Tid=2024)", `"12a" is not a number`}},
		{"Boolean", small([]string{"0301"}, `[true]`), []string{"value[0] (Region=0301, Tid=2024)", "true is not a number"}},
		{"SparseKey", small([]string{"0301"}, `{"1": 5}`), []string{`value["1"]`, "not a cell index 0–0"}},
		{"ValueMissing", small([]string{"0301"}, `null`), []string{"value is missing"}},
		{"AgesDoNotAddUp", withAgeTotal(tb, "999", 418700, 408101, 153700, 148400), []string{"kommune 0301 Oslo, 2024, women", "add up to 408100", "value[213] (Region=K-0301, Kjonn=2, Alder=999, ContentsCode=Personer1, Tid=2024)) is 408101"}},
		{"SomeAgesNoTotal", fixture(func(doc map[string]any) {
			a := dim(doc, "Alder")
			a["index"] = []any{"000", "001"}
			doc["size"] = []any{2, 2, 2, 1, 1}
			doc["value"] = []any{1, 2, 3, 4, 5, 6, 7, 8}
		}), []string{"kommune 0301 Oslo, 2024, men", "2 of the 106", "no total"}},
		{"NotPersons", fixture(func(doc map[string]any) {
			c := dim(doc, "ContentsCode")
			c["index"] = map[string]any{"Dode": 0}
			c["label"] = map[string]any{"Dode": "Døde"}
		}), []string{`dimension "ContentsCode": category "Dode" (Døde)`, "not a count of persons"}},
		{"Class", fixture(func(doc map[string]any) { doc["class"] = "collection" }), []string{`class "collection"`}},
		{"NoClass", fixture(func(doc map[string]any) { delete(doc, "class") }), []string{"class is missing"}},
		{"Version", fixture(func(doc map[string]any) { doc["version"] = "1.0" }), []string{`version "1.0"`}},
		{"Syntax", `{"version": "2.0",`, []string{"not valid JSON: line 1, byte 18"}},
		{"SizeType", fixture(func(doc map[string]any) { doc["size"] = []any{"2", 2, 106, 1, 1} }), []string{"size: a JSON string where JSON-stat has a number (line 1"}},
		{"NoYear", `{"version":"2.0","class":"dataset","id":["Region"],"size":[1],"dimension":{"Region":{"category":{"index":["0301"]}}},"value":[1]}`, []string{"no year dimension"}},
		{"BadYear", strings.Replace(small([]string{"0301"}, "[1]"), `["2024"]`, `["2024M01"]`, 1), []string{`dimension "Tid": category "2024M01"`}},
		{"StatusLength", strings.Replace(small([]string{"0301", "1103"}, "[1, 2]"), `"value"`, `"status":["..", null, "."],"value"`, 1), []string{"status has 3 entries, but there are 2 cells"}},
		{"DuplicateIndexPosition", strings.Replace(small([]string{"0301"}, "[1]"), `["2024"]`, `{"2023":0,"2024":0}`, 1), []string{`dimension "Tid": category.index has 2 entries, size says 1`}},
		{"IndexOutOfRange", strings.Replace(small([]string{"0301"}, "[1]"), `["2024"]`, `{"2024":1}`, 1), []string{`dimension "Tid": category.index["2024"] is 1, outside 0–0`}},
		{"TooManyCells", strings.Replace(small([]string{"0301"}, "{}"), `"size":[1,1]`, `"size":[5000,5000]`, 1), []string{"size [5000 5000]: more than 4194304 cells"}},
		{"TooManyMunicipalityYears", manyMunicipalityYears(), []string{"more than 262144 municipalities and years"}},
		{"OpenAgeClass", fixture(func(doc map[string]any) {
			a := dim(doc, "Alder")
			delete(a["index"].(map[string]any), "105+")
			delete(a["label"].(map[string]any), "105+")
			a["index"].(map[string]any)["100+"] = 105
			a["label"].(map[string]any)["100+"] = "100 år eller eldre"
		}), []string{`dimension "Alder": category "100+" (100 år eller eldre)`, "only single years 0–104 and 105+"}},
		{"InvalidUTF8", strings.Replace(small([]string{"0301"}, "[1]"), `"class"`, "\"cl\xe5ss\"", 1), []string{"line 1", "not valid UTF-8"}},
	}
}

// checkInvalid checks that call failed with a *generalist.Error of code
// EINVALID whose message contains each of want.
func checkInvalid(t *testing.T, call string, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s = nil error, want %q", call, want)
	}
	var e *generalist.Error
	if !errors.As(err, &e) || e.Code != generalist.EINVALID {
		t.Errorf("%s = %v, want a *generalist.Error with code EINVALID", call, err)
	}
	msg := generalist.ErrorMessage(err)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("%s = %q, want it to contain %q", call, msg, w)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range badCSV {
		t.Run("CSV/"+tt.name, func(t *testing.T) {
			_, err := ParseCSV(strings.NewReader(tt.in), CSVOptions{Encoding: tt.encoding})
			checkInvalid(t, fmt.Sprintf("ParseCSV(%s)", tt.name), err, tt.want)
		})
	}
	for _, tt := range badJSONStat(t) {
		t.Run("JSONStat/"+tt.name, func(t *testing.T) {
			_, err := ParseJSONStat(strings.NewReader(tt.in))
			checkInvalid(t, fmt.Sprintf("ParseJSONStat(%s)", tt.name), err, tt.want)
		})
	}
}

func ExampleParseCSV() {
	const file = `"Befolkning, etter region, kjønn, alder, statistikkvariabel og år"

"region";"kjønn";"statistikkvariabel";"år";"07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år"
"0 Hele landet";"1 Menn";"Personer";"2024";2792264
"0 Hele landet";"2 Kvinner";"Personer";"2024";2757939
"0301 Oslo";"1 Menn";"Personer";"2024";357520
"0301 Oslo";"2 Kvinner";"Personer";"2024";360190
`
	ds, err := ParseCSV(strings.NewReader(file), CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ds.Table, ds.Title)
	for _, p := range ds.Populations {
		fmt.Println(p.Municipality, p.Year, p.Total, p.Sex.Men, p.Sex.Women)
	}
	for _, s := range ds.Skipped {
		fmt.Printf("skipped %s %s: %s\n", s.Region, s.Label, s.Reason)
	}
	// Output:
	// 07459 Befolkning, etter region, kjønn, alder, statistikkvariabel og år
	// 0301 2024 717 710 357 520 360 190
	// skipped 0 Hele landet: national total
}

func ExampleParseJSONStat() {
	const file = `{
	  "version": "2.0", "class": "dataset",
	  "label": "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
	  "id": ["Region", "Kjonn", "Tid"], "size": [1, 2, 1],
	  "dimension": {
	    "Region": {"category": {"index": {"K-0301": 0}, "label": {"K-0301": "Oslo"}}},
	    "Kjonn": {"category": {"index": ["1", "2"], "label": {"1": "Menn", "2": "Kvinner"}}},
	    "Tid": {"category": {"index": {"2024": 0}}}
	  },
	  "value": [357520, 360190],
	  "extension": {"px": {"tableid": "07459"}}
	}`
	ds, err := ParseJSONStat(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := ds.Populations[0]
	fmt.Println(ds.Table, p.Municipality, p.Year, p.Total, p.Sex.Men, p.Sex.Women)
	// Output:
	// 07459 0301 2024 717 710 357 520 360 190
}
