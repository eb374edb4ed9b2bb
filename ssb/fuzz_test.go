package ssb

import (
	"bytes"
	"cmp"
	"fmt"
	"testing"

	"generalist"
)

var fuzzEncodings = []string{"", "auto", "utf-8", "latin1"}

func FuzzParseCSV(f *testing.F) {
	for _, name := range []string{"07459_latin1.csv", "07459_utf8_bom.csv", "07459_wide.csv", "07459_markers.csv"} {
		f.Add(readFixture(f, name), uint8(0))
	}
	addCSVSeeds(f, badCSV,
		"\"region\";\"år\";\"Personer\"\n\"0301 Oslo\";\"2024\";717710\n\"0 Hele landet\";\"2024\";..\n",
		csvHead+"\"0301\";\"0\";\"Alle aldre\";\"2024\";22\n\"0301\";\"1\";\"999\";\"2024\";10\n\"0301\";\"2 Kvinner\";\"999\";\"2024\";12\n",
		csvHead+allAges("0301 Oslo", "0", 2024, 200, 1),
		"\"region\";\"Menn Personer 2024\";\"Kvinner 2024\";\"Personer 2023\"\n\"0301\";10;12;-\n",
	)
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		opt := CSVOptions{Encoding: fuzzEncodings[int(enc)%len(fuzzEncodings)]}
		ds, err := ParseCSV(bytes.NewReader(data), opt)
		if parsed(t, err, "ParseCSV(%q, %v)", data, opt) {
			checkDataset(t, ds)
		}
	})
}

// addCSVSeeds adds the bad files, each with its encoding, and the good
// ones, with the encoding "".
func addCSVSeeds(f *testing.F, bad []badCSVCase, good ...string) {
	for _, tt := range bad {
		for i, e := range fuzzEncodings {
			if e == tt.encoding {
				f.Add([]byte(tt.in), uint8(i))
			}
		}
	}
	for _, s := range good {
		f.Add([]byte(s), uint8(0))
	}
}

// parsed reports whether the parse the format and args name succeeded; a
// failure must be a *generalist.Error with code EINVALID.
func parsed(t *testing.T, err error, format string, args ...any) bool {
	t.Helper()
	if err == nil {
		return true
	}
	if code := generalist.ErrorCode(err); code != generalist.EINVALID {
		t.Fatalf("%s = %v with code %q, want %q", fmt.Sprintf(format, args...), err, code, generalist.EINVALID)
	}
	return false
}

func FuzzParseJSONStat(f *testing.F) {
	for _, name := range []string{"07459.json", "07459_sparse.json", "07459_markers_status_object.json", "07459_markers_status_array.json"} {
		f.Add(readFixture(f, name))
	}
	for _, tt := range badJSONStat(f) {
		if tt.name != "TooManyMunicipalityYears" { // slow, and says nothing new to mutate
			f.Add([]byte(tt.in))
		}
	}
	f.Add([]byte(small([]string{"0", "0301", "K-1103", "2111"}, `{"1": 5, "2": null}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ParseJSONStat(bytes.NewReader(data))
		if parsed(t, err, "ParseJSONStat(%q)", data) {
			checkDataset(t, ds)
		}
	})
}

// checkDataset checks what every successful parse must give: valid
// populations with no structure set, in order, and single ages that agree
// with them.
func checkDataset(t *testing.T, ds *Dataset) {
	t.Helper()
	type key struct {
		num  generalist.MunicipalityNumber
		year int
	}
	pops := make(map[key]generalist.Population)
	for i, p := range ds.Populations {
		if p.Structure != 0 {
			t.Fatalf("Populations[%d].Structure = %d, want 0", i, p.Structure)
		}
		p.Structure = generalist.Structure2024
		if err := p.Validate(); err != nil {
			t.Fatalf("Populations[%d].Validate() = %v", i, err)
		}
		if i > 0 {
			q := ds.Populations[i-1]
			if cmp.Or(cmp.Compare(q.Municipality, p.Municipality), cmp.Compare(q.Year, p.Year)) >= 0 {
				t.Fatalf("Populations[%d] (%s %d) is not after Populations[%d] (%s %d)", i, p.Municipality, p.Year, i-1, q.Municipality, q.Year)
			}
		}
		pops[key{p.Municipality, p.Year}] = p
	}
	withAges := 0
	for _, p := range ds.Populations {
		if p.Ages != nil {
			withAges++
		}
	}
	if len(ds.SingleAges) != withAges*(generalist.MaxAge+1) {
		t.Fatalf("len(SingleAges) = %d, want 106 for each of the %d populations with ages", len(ds.SingleAges), withAges)
	}
	for i := 0; i < len(ds.SingleAges); i += generalist.MaxAge + 1 {
		first := ds.SingleAges[i]
		k := key{first.Municipality, first.Year}
		p, ok := pops[k]
		if !ok || p.Missing || p.Ages == nil {
			t.Fatalf("SingleAges[%d] is for %s %d, which has no population with ages", i, k.num, k.year)
		}
		var sum generalist.Persons
		var groups generalist.AgeCounts
		for a := range generalist.MaxAge + 1 {
			s := ds.SingleAges[i+a]
			if s.Municipality != k.num || s.Year != k.year || s.Age != a || s.Structure != 0 || s.Persons < 0 {
				t.Fatalf("SingleAges[%d] = %+v, want %s %d age %d", i+a, s, k.num, k.year, a)
			}
			sum += s.Persons
			g, _ := generalist.AgeGroupOf(a)
			groups[g] += s.Persons
		}
		if sum != p.Total || groups != *p.Ages {
			t.Fatalf("SingleAges for %s %d add up to %d %v, population has %d %v", k.num, k.year, sum, groups, p.Total, *p.Ages)
		}
	}
	for i := 1; i < len(ds.Skipped); i++ {
		if ds.Skipped[i-1].Region >= ds.Skipped[i].Region {
			t.Fatalf("Skipped[%d] %q is not after %q", i, ds.Skipped[i].Region, ds.Skipped[i-1].Region)
		}
	}
	// A missing cell makes its population missing or leaves it with only
	// the totals the file gives: never without a record.
	missing := 0
	for _, p := range ds.Populations {
		if p.Missing {
			missing++
		}
		if _, ok := ds.Places[p.Municipality]; !ok {
			t.Fatalf("no place for kommune %s", p.Municipality)
		}
	}
	if missing > 0 && ds.Missing.Total() == 0 {
		t.Fatalf("%d populations are missing, but no cell is counted as missing", missing)
	}
}
