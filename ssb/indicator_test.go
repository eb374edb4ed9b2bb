package ssb

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"generalist"
)

func known(num string, year int, v float64) generalist.IndicatorValue {
	return generalist.IndicatorValue{Municipality: generalist.MustParseMunicipalityNumber(num), Year: year, Value: v, Known: true}
}

func unknown(num string, year int) generalist.IndicatorValue {
	return generalist.IndicatorValue{Municipality: generalist.MustParseMunicipalityNumber(num), Year: year, Note: generalist.NoteMissing}
}

func TestParseIndicatorCSV(t *testing.T) {
	for _, tt := range []struct {
		name, encoding, in string
		want               []generalist.IndicatorValue
	}{
		{"Comma", "", "kommunenummer,aar,verdi\n0301,2024,12.5\n1151,2024,\n",
			[]generalist.IndicatorValue{known("0301", 2024, 12.5), unknown("1151", 2024)}},
		{"SemicolonQuotedDecimalComma", "", "\"kommunenummer\";\"aar\";\"verdi\"\r\n\"0301\";\"2024\";\"12,5\"\r\n\r\n\"1103\";\"2023\";-0,25\r\n",
			[]generalist.IndicatorValue{known("0301", 2024, 12.5), known("1103", 2023, -0.25)}},
		{"QuotedDecimalCommaInCommaFile", "", "kommunenummer,aar,verdi\n0301,2024,\"12,5\"\n",
			[]generalist.IndicatorValue{known("0301", 2024, 12.5)}},
		{"NameColumnAnyOrder", "", "Kommunenavn;VERDI;År;Kommunenummer\nOslo;98 123,5;2024;0301\nUtsira;..;2024;1151\nBergen;:;2024;4601\nTrondheim - Tråante;.;2024;5001\nStavanger;...;2024;1103\n",
			[]generalist.IndicatorValue{known("0301", 2024, 98123.5), unknown("1103", 2024), unknown("1151", 2024), unknown("4601", 2024), unknown("5001", 2024)}},
		{"Latin1", "auto", "kommunenummer;kommunenavn;aar;verdi\n5001;Trondheim - Tr\xe5ante;2024;4\n",
			[]generalist.IndicatorValue{known("5001", 2024, 4)}},
		{"UTF8BOM", "utf-8", "\ufeffkommunenummer;aar;verdi\n0301;2024;1\n", []generalist.IndicatorValue{known("0301", 2024, 1)}},
		{"Tab", "", "kommunenummer\taar\tverdi\n0301\t2024\t1,5\n", []generalist.IndicatorValue{known("0301", 2024, 1.5)}},
		{"Numbers", "", "kommunenummer;aar;verdi\n0301;2020;-\n0301;2021;+3\n0301;2022;−2,5\n0301;2023;1.5e-3\n0301;2024;1\u00a0234\u202f567,0\n0301;2025;-0\n",
			[]generalist.IndicatorValue{known("0301", 2020, 0), known("0301", 2021, 3), known("0301", 2022, -2.5),
				known("0301", 2023, 0.0015), known("0301", 2024, 1234567), known("0301", 2025, 0)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := ParseIndicatorCSV(strings.NewReader(tt.in), CSVOptions{Encoding: tt.encoding})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseIndicatorCSV = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

var badIndicatorCSV = []badCSVCase{
	{"Empty", "", "", []string{"no header", "the file is empty"}},
	{"NoData", "", "kommunenummer;aar;verdi\n\n", []string{"no data after the header on line 1"}},
	{"NoHeader", "", "0301;2024;5\n", []string{`line 1, column 1 ("0301"): unknown column`}},
	{"UnknownColumn", "", "kommunenummer;aar;verdi;merknad\n", []string{`line 1, column 4 ("merknad"): unknown column`}},
	{"EmptyHeaderCell", "", "kommunenummer;aar;verdi;\n", []string{"line 1, column 4: the header cell is empty"}},
	{"MissingColumn", "", "kommunenummer;verdi\n0301;5\n", []string{`line 1: no column "aar"`, `found "kommunenummer", "verdi"`}},
	{"TwiceColumn", "", "kommunenummer;aar;år;verdi\n", []string{`line 1: columns 2 and 3 are both "aar"`}},
	{"ShortNumber", "", "kommunenummer;aar;verdi\n301;2024;5\n", []string{`line 2, column "kommunenummer"`, `"301"`, "write 0301", "leading zero"}},
	{"LetterO", "", "kommunenummer;aar;verdi\n03O1;2024;5\n", []string{`line 2, column "kommunenummer"`, "character 3"}},
	{"CodeWithName", "", "kommunenummer;aar;verdi\n0301 Oslo;2024;5\n", []string{`line 2, column "kommunenummer"`, `"0301 Oslo"`}},
	{"BadYear", "", "kommunenummer;aar;verdi\n0301;2024K1;5\n", []string{`line 2, column "aar"`, `year "2024K1"`}},
	{"NonNumeric", "", "kommunenummer;aar;verdi\n0301;2024;12x\n", []string{`line 2, column "verdi"`, `value "12x" is not a number`}},
	{"Percent", "", "kommunenummer;aar;verdi\n0301;2024;12,5 %\n", []string{`line 2, column "verdi"`, "per cent sign"}},
	{"CommaAndPoint", "", "kommunenummer;aar;verdi\n0301;2024;1.234,5\n", []string{`line 2, column "verdi"`, "either a decimal comma or a decimal point"}},
	{"BadGrouping", "", "kommunenummer;aar;verdi\n0301;2024;12 34\n", []string{`line 2, column "verdi"`, `"12 34" is not a number`}},
	{"NaN", "", "kommunenummer;aar;verdi\n0301;2024;NaN\n", []string{`line 2, column "verdi"`, `"NaN" is not a number`}},
	{"Inf", "", "kommunenummer;aar;verdi\n0301;2024;Inf\n", []string{`line 2, column "verdi"`, `"Inf" is not a number`}},
	{"Huge", "", "kommunenummer;aar;verdi\n0301;2024;1e400\n", []string{`line 2, column "verdi"`, "too large"}},
	{"Hex", "", "kommunenummer;aar;verdi\n0301;2024;0x10\n", []string{`line 2, column "verdi"`, "not a number"}},
	{"Duplicate", "", "kommunenummer;aar;verdi\n0301;2024;1\n1103;2024;2\n0301;2024;1\n", []string{"line 4: kommune 0301, 2024 is also on line 2"}},
	{"ColumnCount", "", "kommunenummer;aar;verdi\n0301;2024\n", []string{"line 2: 2 columns, but the header on line 1 has 3"}},
	{"UnquotedDecimalComma", "", "kommunenummer,aar,verdi\n0301,2024,12,5\n", []string{"line 2: 4 columns", "must be quoted"}},
	{"BareQuote", "", "kommunenummer;aar;verdi\n03\"01;2024;5\n", []string{"line 2", `bare "`}},
	{"Latin1AsUTF8", "utf-8", "kommunenummer;kommunenavn;aar;verdi\n5001;Tr\xe5ante;2024;4\n", []string{"line 2", "not valid UTF-8"}},
	{"UTF16", "", utf16LE("kommunenummer;aar;verdi\n", true), []string{"UTF-16"}},
}

func TestParseIndicatorCSVErrors(t *testing.T) {
	for _, tt := range badIndicatorCSV {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseIndicatorCSV(strings.NewReader(tt.in), CSVOptions{Encoding: tt.encoding})
			checkInvalid(t, "ParseIndicatorCSV("+tt.name+")", err, tt.want)
		})
	}
}

// kostraJSONStat is a test fixture in the shape of SSB's answer for a
// KOSTRA table (region × contents × year); the values are made up.
const kostraJSONStat = `{
  "version": "2.0", "class": "dataset",
  "label": "12362: Utvalgte nøkkeltall for barnehager, etter region, statistikkvariabel og år",
  "source": "Statistisk sentralbyrå",
  "id": ["KOKkommuneregion0000", "ContentsCode", "Tid"],
  "size": [5, 1, 2],
  "role": {"geo": ["KOKkommuneregion0000"], "time": ["Tid"], "metric": ["ContentsCode"]},
  "dimension": {
    "KOKkommuneregion0000": {"category": {
      "index": {"EAK": 0, "0301": 1, "K-1103": 2, "1151": 3, "30": 4},
      "label": {"EAK": "Landet", "0301": "Oslo", "K-1103": "Stavanger", "1151": "Utsira", "30": "Viken"}}},
    "ContentsCode": {"category": {
      "index": {"KOSandel120000": 0},
      "label": {"KOSandel120000": "Andel barn 1-5 år med barnehageplass"},
      "unit": {"KOSandel120000": {"base": "prosent", "decimals": 1}}}},
    "Tid": {"category": {"index": {"2023": 0, "2024": 1}}}
  },
  "value": [93.5, 93.8, 91.2, 91.9, 94.1, null, 100, 50, 0, 0],
  "status": {"5": "..", "9": ":"},
  "extension": {"px": {"tableid": "12362"}}
}`

func TestParseIndicatorJSONStat(t *testing.T) {
	got, meta, err := ParseIndicatorJSONStat(strings.NewReader(kostraJSONStat))
	if err != nil {
		t.Fatal(err)
	}
	want := []generalist.IndicatorValue{
		known("0301", 2023, 91.2), known("0301", 2024, 91.9),
		known("1103", 2023, 94.1), unknown("1103", 2024),
		known("1151", 2023, 100), known("1151", 2024, 50),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("values = %+v\nwant %+v", got, want)
	}
	wantMeta := &IndicatorMeta{
		Table: "12362", Title: "Utvalgte nøkkeltall for barnehager, etter region, statistikkvariabel og år",
		Name: "Andel barn 1-5 år med barnehageplass", Unit: "prosent", Source: "Statistisk sentralbyrå, tabell 12362",
		Skipped: []Skip{{Region: "30", Label: "Viken", Reason: "county, not a municipality", Cells: 2},
			{Region: "EAK", Label: "Landet", Reason: "KOSTRA group, not a municipality", Cells: 2}},
		Missing: generalist.MissingCells{"..": 1},
		Places:  meta.Places, // checked in TestMissingCells
	}
	if !reflect.DeepEqual(meta, wantMeta) {
		t.Errorf("meta = %+v\nwant %+v", meta, wantMeta)
	}
}

// modifyIndicatorJSON applies f to the KOSTRA fixture.
func modifyIndicatorJSON(tb testing.TB, f func(doc map[string]any)) string {
	tb.Helper()
	return modifyDoc(tb, []byte(kostraJSONStat), f)
}

func badIndicatorJSONStat(tb testing.TB) []badCase {
	fixture := func(f func(doc map[string]any)) string { return modifyIndicatorJSON(tb, f) }
	return []badCase{
		{"NotJSON", `{"version": "2.0",`, []string{"not valid JSON"}},
		{"Collection", `{"version": "2.0", "class": "collection"}`, []string{`class "collection"`}},
		{"Version", `{"version": "1.0", "class": "dataset"}`, []string{`version "1.0"`}},
		{"TwoMeasures", fixture(func(doc map[string]any) {
			c := dim(doc, "ContentsCode")
			c["index"] = map[string]any{"KOSandel120000": 0, "KOSandel130000": 1}
			doc["size"] = []any{5, 2, 2}
			doc["value"] = make([]any, 20)
		}), []string{`dimension "ContentsCode": 2 categories ("KOSandel120000", "KOSandel130000")`, "select one statistikkvariabel"}},
		{"NoYear", fixture(func(doc map[string]any) {
			doc["id"] = []any{"KOKkommuneregion0000", "ContentsCode", "Periode"}
			d := doc["dimension"].(map[string]any)
			d["Periode"] = d["Tid"]
			delete(d, "Tid")
			doc["role"] = map[string]any{"geo": []any{"KOKkommuneregion0000"}}
		}), []string{"no year dimension"}},
		{"NoRegion", fixture(func(doc map[string]any) {
			doc["role"] = map[string]any{"time": []any{"Tid"}}
		}), []string{"no region dimension"}},
		{"BadRegion", fixture(func(doc map[string]any) {
			c := dim(doc, "KOKkommuneregion0000")
			c["index"].(map[string]any)["301"] = c["index"].(map[string]any)["0301"]
			delete(c["index"].(map[string]any), "0301")
		}), []string{`dimension "KOKkommuneregion0000": category "301"`, `kommunenummer "301"`}},
		{"SameMunicipality", fixture(func(doc map[string]any) {
			c := dim(doc, "KOKkommuneregion0000")
			c["index"].(map[string]any)["K-0301"] = 4
			delete(c["index"].(map[string]any), "30")
		}), []string{`categories "0301" and "K-0301" are the same kommune 0301`}},
		{"BadYear", fixture(func(doc map[string]any) {
			dim(doc, "Tid")["index"] = []any{"2023", "2024M01"}
		}), []string{`dimension "Tid": category "2024M01"`, `year "2024M01"`}},
		{"NotANumber", fixture(func(doc map[string]any) {
			doc["value"].([]any)[3] = "12x"
		}), []string{"value[3] (KOKkommuneregion0000=0301, ContentsCode=KOSandel120000, Tid=2024)", `value "12x" is not a number`}},
		{"Boolean", fixture(func(doc map[string]any) {
			doc["value"].([]any)[2] = true
		}), []string{"value[2] (KOKkommuneregion0000=0301, ContentsCode=KOSandel120000, Tid=2023)", "true is not a number"}},
		{"TooLarge", fixture(func(doc map[string]any) {
			doc["value"].([]any)[2] = json.Number("1e300")
		}), []string{"value[2]", "too large"}},
		{"ValueLength", fixture(func(doc map[string]any) {
			doc["value"] = []any{1, 2}
		}), []string{"value has 2 entries, but size [5 1 2] says 10"}},
		{"OnlyAggregates", fixture(func(doc map[string]any) {
			dim(doc, "KOKkommuneregion0000")["index"] = []any{"EAK"}
			doc["size"] = []any{1, 1, 2}
			doc["value"] = []any{1, 2}
			delete(doc, "status")
		}), []string{"no municipality in the file"}},
	}
}

func TestParseIndicatorJSONStatErrors(t *testing.T) {
	for _, tt := range badIndicatorJSONStat(t) {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseIndicatorJSONStat(strings.NewReader(tt.in))
			checkInvalid(t, "ParseIndicatorJSONStat("+tt.name+")", err, tt.want)
		})
	}
}

func ExampleParseIndicatorCSV() {
	// A file as a spreadsheet in Norwegian saves it: semicolons, decimal
	// commas, a name column, and ".." where there is no value.
	const file = "kommunenummer;kommunenavn;aar;verdi\n" +
		"0301;Oslo;2024;91,9\n" +
		"1151;Utsira;2024;..\n"
	values, _, err := ParseIndicatorCSV(strings.NewReader(file), CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range values {
		if v.Known {
			fmt.Println(v.Municipality, v.Year, v.Value)
		} else {
			fmt.Println(v.Municipality, v.Year, "no value:", v.Note)
		}
	}
	// Output:
	// 0301 2024 91.9
	// 1151 2024 no value: mangler
}
