package sim_test

import (
	"encoding/json"
	"sync"
	"testing"

	"generalist"
	"generalist/sim"
)

// TestConcurrentRuns: scenarios evaluated at once on one base (as the
// App's requests do) give what they give one at a time; the base's
// prepared lookups, built on first use, are shared safely (go test
// -race).
func TestConcurrentRuns(t *testing.T) {
	in := withToday(t, input(t, generalist.Structure2024, 2026))
	var scs []*generalist.Scenario
	for _, c := range goldenCases(t) {
		if c.s.Structure == in.Structure && c.s.Year == in.Year {
			scs = append(scs, c.s)
		}
	}
	encode := func(out *sim.Outcome) string {
		b, err := json.Marshal(out)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range scs {
				s := scs[(i+g)%len(scs)]
				out, err := sim.Run(in, s)
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], encode(out))
			}
		}()
	}
	wg.Wait()
	fresh := withToday(t, input(t, generalist.Structure2024, 2026))
	for i, s := range scs {
		out, err := sim.Run(fresh, s)
		if err != nil {
			t.Fatal(err)
		}
		want := encode(out)
		for g := range got {
			if j := (i - g + len(scs)) % len(scs); j < len(got[g]) && got[g][j] != want {
				t.Errorf("%s evaluated at once with others (goroutine %d) differs from alone", s.Name, g)
			}
		}
	}
}
