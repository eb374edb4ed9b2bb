package ssb

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"testing"

	"generalist"
)

func FuzzParseIndicatorCSV(f *testing.F) {
	addCSVSeeds(f, badIndicatorCSV,
		"kommunenummer,aar,verdi\n0301,2024,12.5\n1151,2024,\n",
		"\"kommunenummer\";\"aar\";\"verdi\"\r\n\"0301\";\"2024\";\"12,5\"\r\n\r\n\"1103\";\"2023\";-0,25\r\n",
		"Kommunenavn;VERDI;År;Kommunenummer\nOslo;98 123,5;2024;0301\nUtsira;..;2024;1151\nBergen;:;2024;4601\n",
		"kommunenummer;kommunenavn;aar;verdi\n5001;Trondheim - Tr\xe5ante;2024;4\n",
		"kommunenummer\taar\tverdi\n0301\t2024\t1,5\n",
		"kommunenummer;aar;verdi\n0301;2020;-\n0301;2021;+3\n0301;2022;−2,5\n0301;2023;1.5e-3\n0301;2024;1\u00a0234\u202f567,0\n",
	)
	f.Add(readFixture(f, "indicator_markers.csv"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		opt := CSVOptions{Encoding: fuzzEncodings[int(enc)%len(fuzzEncodings)]}
		values, meta, err := ParseIndicatorCSV(bytes.NewReader(data), opt)
		if !parsed(t, err, "ParseIndicatorCSV(%q, %v)", data, opt) {
			return
		}
		checkIndicatorValues(t, values)
		checkIndicatorMeta(t, values, meta)
		// What the parser returns, written back out, reads the same.
		var b strings.Builder
		b.WriteString("kommunenummer;aar;verdi\n")
		for _, v := range values {
			s := ".."
			if v.Known {
				s = strconv.FormatFloat(v.Value, 'g', -1, 64)
			}
			b.WriteString(string(v.Municipality) + ";" + strconv.Itoa(v.Year) + ";" + s + "\n")
		}
		again, _, err := ParseIndicatorCSV(strings.NewReader(b.String()), CSVOptions{})
		if err != nil {
			t.Fatalf("re-reading %q: %v", b.String(), err)
		}
		if len(again) != len(values) {
			t.Fatalf("re-reading gave %d values, want %d", len(again), len(values))
		}
		for i := range values {
			if again[i] != values[i] {
				t.Fatalf("re-reading value %d gave %+v, want %+v", i, again[i], values[i])
			}
		}
	})
}

func FuzzParseIndicatorJSONStat(f *testing.F) {
	f.Add([]byte(kostraJSONStat))
	for _, tt := range badIndicatorJSONStat(f) {
		f.Add([]byte(tt.in))
	}
	// The population fixtures have several categories of sex and age,
	// which the indicator parser must refuse cleanly.
	for _, name := range []string{"07459.json", "07459_sparse.json"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(small([]string{"0", "0301", "K-1103", "2111"}, `{"1": 5.5, "2": null}`)))
	f.Add(readFixture(f, "indicator_markers.json"))
	f.Fuzz(func(t *testing.T, data []byte) {
		values, meta, err := ParseIndicatorJSONStat(bytes.NewReader(data))
		if !parsed(t, err, "ParseIndicatorJSONStat(%q)", data) {
			return
		}
		checkIndicatorValues(t, values)
		checkIndicatorMeta(t, values, meta)
		for i := 1; i < len(meta.Skipped); i++ {
			if meta.Skipped[i-1].Region >= meta.Skipped[i].Region {
				t.Fatalf("Skipped[%d] %q is not after %q", i, meta.Skipped[i].Region, meta.Skipped[i-1].Region)
			}
		}
	})
}

// checkIndicatorValues checks what every successful parse must give: at
// least one value, each valid, in order of municipality and year without
// repeats, unknown ones with the note "mangler", none with an indicator.
func checkIndicatorValues(t *testing.T, values []generalist.IndicatorValue) {
	t.Helper()
	if len(values) == 0 {
		t.Fatal("no values and no error")
	}
	for i, v := range values {
		if err := v.Validate(); err != nil {
			t.Fatalf("values[%d].Validate() = %v", i, err)
		}
		if v.Indicator != "" {
			t.Fatalf("values[%d].Indicator = %q, want empty", i, v.Indicator)
		}
		if !v.Known && v.Note != generalist.NoteMissing {
			t.Fatalf("values[%d] is unknown with note %q, want %q", i, v.Note, generalist.NoteMissing)
		}
		if v.Known && v.Note != "" {
			t.Fatalf("values[%d] is known with note %q", i, v.Note)
		}
		if i > 0 {
			p := values[i-1]
			if cmp.Or(cmp.Compare(p.Municipality, v.Municipality), cmp.Compare(p.Year, v.Year)) >= 0 {
				t.Fatalf("values[%d] (%s %d) is not after values[%d] (%s %d)", i, v.Municipality, v.Year, i-1, p.Municipality, p.Year)
			}
		}
	}
}

// checkIndicatorMeta checks that every value without data is counted as a
// missing cell, and that every municipality has a place.
func checkIndicatorMeta(t *testing.T, values []generalist.IndicatorValue, meta *IndicatorMeta) {
	t.Helper()
	if meta == nil {
		t.Fatal("meta is nil")
	}
	unknown := 0
	for _, v := range values {
		if !v.Known {
			unknown++
		}
		if _, ok := meta.Places[v.Municipality]; !ok {
			t.Fatalf("no place for kommune %s", v.Municipality)
		}
	}
	if unknown != meta.Missing.Total() {
		t.Fatalf("%d values without data, but %d missing cells counted (%v)", unknown, meta.Missing.Total(), meta.Missing)
	}
}
