package ssb

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
)

// The fixtures in testdata are plain SSB files; this file writes them so
// that their values follow simple formulas, base - step*age, whose sums the
// tests check in closed form (see linear in ssb_test.go) rather than by
// running this generator again.
var generate = flag.Bool("generate", false, "rewrite the fixtures in testdata")

func TestFixtures(t *testing.T) {
	for name, data := range map[string][]byte{
		"07459.json":         fixtureJSONStat(),
		"07459_latin1.csv":   encodeLatin1(t, fixtureLongCSV()),
		"07459_utf8_bom.csv": append([]byte("\uFEFF"), fixtureLongCSV()...),
		"07459_wide.csv":     fixtureWideCSV(),
	} {
		path := filepath.Join("testdata", name)
		if *generate {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s differs from its generator; run go test ./ssb -run TestFixtures -generate", path)
		}
	}
}

func ageCode(a int) string {
	if a == generalist.MaxAge {
		return "105+"
	}
	return fmt.Sprintf("%03d", a)
}

func ageLabel(a int) string {
	if a == generalist.MaxAge {
		return "105 år eller eldre"
	}
	return fmt.Sprintf("%d år", a)
}

// fixtureJSONStat is table 07459 as SSB's API v0 returns it for Oslo and
// Bergen, both sexes separately, all single ages, 2024. Persons of age a:
// Oslo men 5000-20a, women 4900-20a; Bergen men 2500-20a, women 2450-20a.
func fixtureJSONStat() []byte {
	type category struct {
		Index map[string]int    `json:"index"`
		Label map[string]string `json:"label"`
		Unit  map[string]any    `json:"unit,omitempty"`
	}
	type dimension struct {
		Label    string   `json:"label"`
		Category category `json:"category"`
	}
	cat := func(codes, labels []string) category {
		c := category{Index: map[string]int{}, Label: map[string]string{}}
		for i, code := range codes {
			c.Index[code] = i
			c.Label[code] = labels[i]
		}
		return c
	}
	var ages, ageLabels []string
	for a := 0; a <= generalist.MaxAge; a++ {
		ages = append(ages, ageCode(a))
		ageLabels = append(ageLabels, ageLabel(a))
	}
	contents := cat([]string{"Personer1"}, []string{"Personer"})
	contents.Unit = map[string]any{"Personer1": map[string]any{"base": "personer", "decimals": 0}}
	bases := [2][2]int{{5000, 4900}, {2500, 2450}}
	var values []int
	for r := range 2 {
		for s := range 2 {
			for a := 0; a <= generalist.MaxAge; a++ {
				values = append(values, bases[r][s]-20*a)
			}
		}
	}
	doc := struct {
		Version   string               `json:"version"`
		Class     string               `json:"class"`
		Label     string               `json:"label"`
		Source    string               `json:"source"`
		Updated   string               `json:"updated"`
		Note      []string             `json:"note"`
		Role      map[string][]string  `json:"role"`
		ID        []string             `json:"id"`
		Size      []int                `json:"size"`
		Dimension map[string]dimension `json:"dimension"`
		Extension map[string]any       `json:"extension"`
		Value     []int                `json:"value"`
	}{
		Version: "2.0",
		Class:   "dataset",
		Label:   "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
		Source:  "Statistisk sentralbyrå",
		Updated: "2024-02-21T07:00:00Z",
		Note:    []string{"Tallene er konstruerte testverdier i SSBs format, ikke SSBs statistikk."},
		Role:    map[string][]string{"time": {"Tid"}, "metric": {"ContentsCode"}, "geo": {"Region"}},
		ID:      []string{"Region", "Kjonn", "Alder", "ContentsCode", "Tid"},
		Size:    []int{2, 2, 106, 1, 1},
		Dimension: map[string]dimension{
			"Region":       {"region", cat([]string{"K-0301", "K-4601"}, []string{"Oslo", "Bergen"})},
			"Kjonn":        {"kjønn", cat([]string{"1", "2"}, []string{"Menn", "Kvinner"})},
			"Alder":        {"alder", cat(ages, ageLabels)},
			"ContentsCode": {"statistikkvariabel", contents},
			"Tid":          {"år", cat([]string{"2024"}, []string{"2024"})},
		},
		Extension: map[string]any{"px": map[string]any{"tableid": "07459", "decimals": 0, "language": "no"}},
		Value:     values,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

const title07459 = "Befolkning, etter region, kjønn, alder, statistikkvariabel og år"

// fixtureLongCSV is 07459 as the statbank's "semikolonseparert med
// overskrift" download in the long layout, 2024, for the national total
// and Longyearbyen (both skipped), Bergen (men 2600-20a, women 2550-20a)
// and Trondheim (men 2300-15a, women 2250-15a).
func fixtureLongCSV() []byte {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%q\n\n", title07459)
	fmt.Fprintf(&sb, "\"region\";\"kjønn\";\"alder\";\"statistikkvariabel\";\"år\";\"07459: %s\"\n", title07459)
	regions := []struct {
		name  string
		value func(s, a int) string
	}{
		{"0 Hele landet", func(s, a int) string { return fmt.Sprint(35000 - 300*a) }},
		{"4601 Bergen", func(s, a int) string { return fmt.Sprint([]int{2600, 2550}[s] - 20*a) }},
		{"5001 Trondheim - Tråante", func(s, a int) string { return fmt.Sprint([]int{2300, 2250}[s] - 15*a) }},
		{"2111 Longyearbyen", func(s, a int) string {
			if a >= 80 {
				return "-"
			}
			return fmt.Sprint(30 - a/3)
		}},
	}
	for _, r := range regions {
		for s, sex := range []string{"1 Menn", "2 Kvinner"} {
			for a := 0; a <= generalist.MaxAge; a++ {
				fmt.Fprintf(&sb, "%q;%q;\"%s %s\";\"Personer\";\"2024\";%s\n", r.name, sex, ageCode(a), ageLabel(a), r.value(s, a))
			}
		}
	}
	return []byte(sb.String())
}

// fixtureWideCSV is the wide layout, both sexes together, 2023 and 2024,
// with the total for all ages after the single ages. Moss (3103) has its
// number only from 2024, so 2023 is "."; Bærum is 3500-25a in 2023 and
// 3540-25a in 2024.
func fixtureWideCSV() []byte {
	var sb strings.Builder
	sb.WriteString("\"07459: Befolkning, etter region, alder, statistikkvariabel og år\"\n\n")
	sb.WriteString("\"region\";\"alder\";\"Personer 2023\";\"Personer 2024\"\n")
	regions := []struct {
		name     string
		base2023 int // 0: no value
		base2024 int
		step     int
	}{
		{"0 Hele landet", 30000, 30100, 250},
		{"3103 Moss", 0, 1700, 12},
		{"3201 Bærum", 3500, 3540, 25},
	}
	for _, r := range regions {
		sum := [2]int{}
		val := func(base, a int) string {
			if base == 0 {
				return "."
			}
			return fmt.Sprint(base - r.step*a)
		}
		for a := 0; a <= generalist.MaxAge; a++ {
			sum[0] += r.base2023 - r.step*a
			sum[1] += r.base2024 - r.step*a
			fmt.Fprintf(&sb, "%q;\"%s %s\";%s;%s\n", r.name, ageCode(a), ageLabel(a), val(r.base2023, a), val(r.base2024, a))
		}
		t2023 := fmt.Sprint(sum[0])
		if r.base2023 == 0 {
			t2023 = "."
		}
		fmt.Fprintf(&sb, "%q;\"999 Alle aldre\";%s;%d\n", r.name, t2023, sum[1])
	}
	return []byte(sb.String())
}

func encodeLatin1(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var out []byte
	for _, r := range string(b) {
		if r > 0xFF {
			tb.Fatalf("%q is not in ISO-8859-1", r)
		}
		out = append(out, byte(r))
	}
	return out
}
