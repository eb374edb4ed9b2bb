package imc

import (
	"fmt"
	"testing"

	"generalist"
	"generalist/refdata"
)

func BenchmarkCheck(b *testing.B) {
	c := example(b, generalist.FormHostAdmin)
	cat := mustCatalogue(b)
	b.ReportAllocs()
	for b.Loop() {
		Check(c, cat, Options{Today: "2026-06-01"})
	}
}

func BenchmarkRender(b *testing.B) {
	c := example(b, generalist.FormKO)
	cat := mustCatalogue(b)
	b.ReportAllocs()
	for b.Loop() {
		d, err := Render(c, cat, nil, "2026-06-01")
		if err != nil {
			b.Fatal(err)
		}
		_ = d.HTML()
	}
}

// BenchmarkAllocateCountry shares NOK 1 billion between all 357
// municipalities of the 2024 structure by 20 % equal + 80 % inhabitants,
// with SSB's real populations on 1 January 2026.
func BenchmarkAllocateCountry(b *testing.B) {
	ref, err := refdata.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var recs []generalist.Population
	for _, p := range ref.Populations {
		if p.Structure == generalist.Structure2024 && p.Year == 2026 {
			recs = append(recs, p)
		}
	}
	in := CostInput{Inhabitants: Inhabitants(recs), InhabitantsYear: 2026}
	for _, p := range recs {
		in.Participants = append(in.Participants, string(p.Municipality))
	}
	if len(in.Participants) != 357 {
		b.Fatalf("%d municipalities", len(in.Participants))
	}
	key, _ := generalist.ParseCostKey("20 % lik + 80 % innbyggere")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Allocate(100000000000, key, in); err != nil {
			b.Fatal(err)
		}
	}
}

// registry returns n cooperations: the four examples repeated under new
// names.
func registry(b *testing.B, n int) []generalist.IMC {
	cs, err := Examples()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]generalist.IMC, n)
	for i := range out {
		out[i] = cs[i%len(cs)]
		out[i].ID = int64(i + 1)
		out[i].Name = fmt.Sprintf("%s %d", out[i].Name, i)
	}
	return out
}

// BenchmarkNationalOverview counts 2,000 cooperations by form, task and
// municipality.
func BenchmarkNationalOverview(b *testing.B) {
	cs := registry(b, 2000)
	cat := mustCatalogue(b)
	b.ReportAllocs()
	for b.Loop() {
		NationalOverview(cs, cat, "2026-06-01")
	}
}

// BenchmarkOverview is one municipality's overview among 2,000
// cooperations, 500 of which it takes part in (each legally checked and
// its cost share computed).
func BenchmarkOverview(b *testing.B) {
	cs := registry(b, 2000)
	cat := mustCatalogue(b)
	pops := func(int) (map[string]generalist.Persons, error) {
		return map[string]generalist.Persons{"1820": 7400, "1822": 2300, "1818": 1800}, nil
	}
	b.ReportAllocs()
	for b.Loop() {
		if o := Overview("1820", "Alstahaug", cs, cat, pops, "2026-06-01"); len(o.Rows) != 500 {
			b.Fatalf("%d rows", len(o.Rows))
		}
	}
}
