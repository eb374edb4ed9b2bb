package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/internal/testkit"
	"generalist/sqlstore"
)

// The full-text search benchmark of the inputs (innspill): 100,000
// generated inputs, searched the way the public list and the API search.

// GeneratedInputs is how many inputs BenchInputSearch stores.
const GeneratedInputs = 100_000

// benchWords are the common words of the generated texts: words of
// municipal policy. Texts draw from them and from generated words with a
// Zipf distribution, so a few words are very common and most are rare, as
// in real text.
var benchWords = strings.Fields(`kommune kommunen kommunene fylke fylkeskommunen staten innbyggere innbyggerne
	og i på til med for av som er det at en et har ikke vi de om men kan skal må vil
	rekruttering rekruttere fagmiljø fagmiljøet kompetanse kapasitet barnevern legevakt helse omsorg
	sykepleier sykepleiere lege leger vikar vikarer skole barnehage plan planlegging byggesak saksbehandling
	samarbeid interkommunalt vertskommune sammenslåing oppgaver oppgavedifferensiering forsøk styring
	tilsyn statsforvalteren økonomi budsjett inntektssystemet tilskudd skatt kostnad kostnader
	befolkningsnedgang fraflytting eldre unge arbeidsplasser næringsliv distrikt sentralitet avstand
	reisetid ferje vei tjeneste tjenester tjenesteyter myndighet myndighetsutøver samfunnsutvikler
	demokrati politikere kommunestyret administrasjon rådmann kommunedirektør ansatte stillinger
	utlysning søkere søknader turnover sårbar sårbarhet robust robusthet kvalitet lovkrav lovverk
	digitalisering IKT arkiv beredskap brann vann avløp renovasjon kultur idrett frivillighet`)

// benchVocabulary returns the words texts are drawn from: benchWords
// followed by n generated words of two to four syllables.
func benchVocabulary(rng *rand.Rand, n int) []string {
	syll := strings.Fields("ba be bi bo bu bå bø da de di do du fa fe fi fo ga ge gi go ha he hi ho ja je ka ke ki ko kå la le li lo lø ma me mi mo na ne ni no pa pe pi po ra re ri ro rø sa se si so så ta te ti to tø va ve vi vo væ")
	ends := strings.Fields("n r t s l nd ng st kk rt")
	out := append([]string(nil), benchWords...)
	seen := map[string]bool{}
	for _, w := range out {
		seen[w] = true
	}
	for len(out) < len(benchWords)+n {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		b.WriteString(ends[rng.IntN(len(ends))])
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// GenerateInputs returns n generated inputs from a fixed seed: generated
// test data, not real input, with "Generert testdata" as the organisation.
// Their texts are 30 to 150 words drawn with a Zipf distribution from
// benchVocabulary; their tags, kinds, municipalities (of munis) and
// creation times (one per minute from 1 January 2025) are random. A third
// are new, the rest published.
func GenerateInputs(n int, seed uint64, munis []generalist.MunicipalityNumber) []*generalist.Input {
	rng := rand.New(rand.NewPCG(seed, 0x696e6e7370696c6c))
	vocab := benchVocabulary(rng, 20000)
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	word := func() string { return vocab[zipf.Uint64()] }
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*generalist.Input, n)
	for i := range n {
		var title, text []string
		for range 3 + rng.IntN(6) {
			title = append(title, word())
		}
		for range 30 + rng.IntN(121) {
			text = append(text, word())
		}
		// A serial number keeps every text distinct (the store refuses a
		// text twice).
		text = append(text, fmt.Sprintf("løpenummer%d.", i))
		in := &generalist.Input{
			Kind:  generalist.InputKinds[rng.IntN(len(generalist.InputKinds))],
			Title: "Generert: " + strings.Join(title, " "), Text: strings.Join(text, " "),
			SenderType: generalist.SenderTypes[rng.IntN(len(generalist.SenderTypes))], Organisation: "Generert testdata",
			Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputPublished,
			CreatedAt: start.Add(time.Duration(i) * time.Minute),
		}
		if rng.IntN(3) == 0 {
			in.Status = generalist.InputNew
		}
		for range rng.IntN(4) {
			in.Tags = append(in.Tags, generalist.InputTags[rng.IntN(len(generalist.InputTags))].ID)
		}
		if len(munis) > 0 && rng.IntN(4) > 0 {
			in.Municipality = munis[rng.IntN(len(munis))]
		}
		out[i] = in
	}
	return out
}

// benchQueries are the searches timed, from a very common word to one
// that matches nothing, as the public list asks: published inputs, newest
// first, one page of 25, with the total.
var benchQueries = []struct {
	name string
	f    generalist.InputFilter
}{
	{"CommonWord", generalist.InputFilter{Query: "kommune"}},
	{"MediumWord", generalist.InputFilter{Query: "rekruttering"}},
	{"RareWord", generalist.InputFilter{Query: "digitalisering"}},
	{"TwoWords", generalist.InputFilter{Query: "sykepleiere vikarer"}},
	{"ThreeWords", generalist.InputFilter{Query: "barnevern fagmiljø kompetanse"}},
	{"Prefix", generalist.InputFilter{Query: "rekrutt"}},
	{"ShortPrefix", generalist.InputFilter{Query: "ba"}},
	{"WordAndTag", generalist.InputFilter{Query: "kommune", Tags: []generalist.InputTag{"utfordring.rekruttering"}}},
	{"WordAndCounty", generalist.InputFilter{Query: "helse", County: "46"}},
	{"Serial", generalist.InputFilter{Query: "løpenummer77777"}},
	{"NoMatch", generalist.InputFilter{Query: "finnesikke"}},
}

// BenchInputSearch stores GeneratedInputs generated inputs in db (which
// must hold the reference data) and times each of benchQueries (a page of
// 25 and the total, counted up to generalist.InputCountLimit+1), plus what
// the public list page asks for one query (the page, and the tag counts
// and counts per municipality of all published inputs). It reports the
// matches of each query.
func BenchInputSearch(b *testing.B, db *sqlstore.DB) {
	if testing.Short() {
		b.Skip("generates 100,000 inputs; not under -short")
	}
	ctx := context.Background()
	ms, err := db.Municipalities(ctx, generalist.Structure2024)
	if err != nil {
		b.Fatal(err)
	}
	var munis []generalist.MunicipalityNumber
	for _, m := range ms {
		munis = append(munis, m.Number)
	}
	ins := GenerateInputs(GeneratedInputs, 2026, munis)
	t0 := time.Now()
	for start := 0; start < len(ins); start += 10000 {
		if err := db.ImportInputs(ctx, ins[start:min(start+10000, len(ins))]); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d generated inputs in %v; load average %s", len(ins), time.Since(t0).Round(time.Millisecond), loadAverage())
	published := []generalist.InputStatus{generalist.InputPublished}
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			f := q.f
			f.Statuses, f.Limit = published, 25
			var total, n int
			var worst time.Duration
			cpu := testkit.CPUTime()
			for b.Loop() {
				t := time.Now()
				_, m, err := db.ListInputs(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				worst = max(worst, time.Since(t))
				total = m
				n++
			}
			b.ReportMetric(float64(total), "matches")
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
			if c := testkit.CPUTime() - cpu; c > 0 && n > 0 {
				// CPU time is what the search costs when the machine
				// is shared with other work; wall time waits for it.
				b.ReportMetric(float64(c.Microseconds())/1000/float64(n), "cpu-ms/op")
			}
		})
	}
	b.Run("ListPage", func(b *testing.B) {
		f := generalist.InputFilter{Query: "rekruttering", Statuses: published, Limit: 25}
		cpu, n := testkit.CPUTime(), 0
		defer func() {
			if c := testkit.CPUTime() - cpu; c > 0 && n > 0 {
				b.ReportMetric(float64(c.Microseconds())/1000/float64(n), "cpu-ms/op")
			}
		}()
		for b.Loop() {
			n++
			if _, _, err := db.ListInputs(ctx, f); err != nil {
				b.Fatal(err)
			}
			// The counts and the map leave out the text (web/input.go).
			if _, err := db.TagCounts(ctx, generalist.InputFilter{Statuses: published}); err != nil {
				b.Fatal(err)
			}
			if _, err := db.CountsByMunicipality(ctx, generalist.InputFilter{Statuses: published}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// loadAverage is the first field of /proc/loadavg, where there is one.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}
