package sim_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"generalist"
	"generalist/imc"
	"generalist/refdata"
	"generalist/sim"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden outcomes in testdata/golden")

// goldenCases are today's system, every shipped example and two mixed
// scenarios (mergers with the partner rule), each on its base alone and
// with the shipped example cooperations as today's cooperation (what the
// application layer applies when asked).
func goldenCases(t testing.TB) []struct {
	name string
	s    *generalist.Scenario
} {
	t.Helper()
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		s    *generalist.Scenario
	}{{"dagens-system", &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026}}}
	for _, s := range examples {
		cases = append(cases, struct {
			name string
			s    *generalist.Scenario
		}{s.ID, s})
		if s.ID == "sammenslaing-5000" {
			// The partner rule and a host on units changed by mergers.
			mixed := *s
			mixed.Name += " med pålagt samarbeid"
			mixed.Mandated = []generalist.MandatedIMC{{Task: "barnevern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}}
			mixed.Differentiated = []generalist.TaskTransfer{{Task: "ppt", To: generalist.ToHost, Host: mixed.Mergers[0].Members[0], Criteria: generalist.Criteria{Named: mixed.Mergers[1].Members}}}
			cases = append(cases, struct {
				name string
				s    *generalist.Scenario
			}{"sammenslaing-5000-palagt", &mixed})
		}
	}
	// A merger and mandated cooperation (BenchmarkRun/Scenario).
	cases = append(cases, struct {
		name string
		s    *generalist.Scenario
	}{"karmoy-palagt", &generalist.Scenario{Name: "b", Structure: 2024, Year: 2026,
		Mandated: []generalist.MandatedIMC{{Task: "barnevern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}},
		Mergers:  []generalist.Merger{{Name: "Karmøy", Members: []generalist.MunicipalityNumber{"1149", "1151"}, Centre: "1149"}}}})
	return cases
}

// withToday returns the base with the shipped example cooperations as
// today's cooperation.
func withToday(t testing.TB, in *sim.Base) *sim.Base {
	t.Helper()
	cs, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	out := &sim.Base{Structure: in.Structure, Year: in.Year, Municipalities: in.Municipalities, Populations: in.Populations,
		Catalogue: in.Catalogue, Graph: in.Graph, Centrality: in.Centrality, County: in.County}
	out.Today, out.TodayBasis = generalist.TodaysCooperation(cs, in.Structure, in.Year, true)
	return out
}

// TestGolden compares the outcome of today's system and of every shipped
// example, with and without today's cooperation, with the outcome the
// evaluation gave when the file was written (go test ./sim -run
// TestGolden -update), so that a change meant to make the evaluation
// faster cannot change what it finds.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		for _, variant := range []string{"alone", "today"} {
			t.Run(c.name+"/"+variant, func(t *testing.T) {
				in := input(t, c.s.Structure, c.s.Year)
				if variant == "today" {
					in = withToday(t, in)
				}
				out, err := sim.Run(in, c.s)
				if err != nil {
					t.Fatal(err)
				}
				got, err := json.Marshal(out)
				if err != nil {
					t.Fatal(err)
				}
				// One object of a list (a unit, a task, a rule) a line, so
				// that a difference is shown where it is.
				got = append(bytes.ReplaceAll(got, []byte("},{"), []byte("},\n{")), '\n')
				// Gzipped: the sixteen outcomes are 3 MB as text, 170 kB so.
				path := filepath.Join("testdata", "golden", c.name+"."+variant+".json.gz")
				if *updateGolden {
					writeGzip(t, path, got)
					return
				}
				want := readGzip(t, path)
				if !bytes.Equal(got, want) {
					t.Errorf("the outcome differs from %s:\n%s\n(if the data or the model changed on purpose, rewrite the files with go test ./sim -run TestGolden -update and say why in the commit)", path, firstDiff(got, want))
				}
			})
		}
	}
}

// firstDiff shows the first differing line of two texts with a line
// either side.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		if i < len(g) && i < len(w) && bytes.Equal(g[i], w[i]) {
			continue
		}
		line := func(ls [][]byte, i int) string {
			if i < 0 || i >= len(ls) {
				return "(none)"
			}
			return string(ls[i])
		}
		return "line " + strconv.Itoa(i+1) + ":\n  got:  " + line(g, i) + "\n  want: " + line(w, i) + "\n  (before: " + line(w, i-1) + ")"
	}
	return "(no difference)"
}

func writeGzip(t *testing.T, path string, b []byte) {
	t.Helper()
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	z.Write(b)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readGzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}
