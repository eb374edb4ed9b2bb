package optimize

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"generalist/data"
	"generalist/geo"
	"generalist/graph"
)

// benchDir holds the shared benchmark instances; tests that need them skip
// when it is absent (CI may not have it).
var benchDir = filepath.Join("..", "..", "shared", "bench", "instances")

// mustInstance reads an exchange-format instance of the shared benchmarks,
// skipping the test when it is not there.
func mustInstance(tb testing.TB, name string) (*graph.Graph, []float64) {
	tb.Helper()
	nf, err := os.Open(filepath.Join(benchDir, name+".nodes.csv"))
	if err != nil {
		tb.Skipf("benchmark instance %s not available: %v", name, err)
	}
	defer nf.Close()
	ef, err := os.Open(filepath.Join(benchDir, name+".edges.csv"))
	if err != nil {
		tb.Skipf("benchmark instance %s not available: %v", name, err)
	}
	defer ef.Close()
	g, pop, err := graph.ReadExchange(nf, ef)
	if err != nil {
		tb.Fatal(err)
	}
	return g, weightsOf(g, pop)
}

func weightsOf(g *graph.Graph, pop map[string]int64) []float64 {
	w := make([]float64, g.Len())
	for i, n := range g.Nodes() {
		w[i] = float64(pop[n.Code])
	}
	return w
}

var (
	norwayOnce sync.Once
	norwayG    *graph.Graph
	norwayW    []float64
	norwayErr  error
)

// mustNorway returns the real 2024 graph built from the embedded
// boundaries, with the embedded population on 1 January 2024.
func mustNorway(tb testing.TB) (*graph.Graph, []float64) {
	tb.Helper()
	norwayOnce.Do(func() {
		ms, _, err := geo.Embedded(2024)
		if err != nil {
			norwayErr = err
			return
		}
		if norwayG, err = graph.Build(ms, graph.Options{}); err != nil {
			norwayErr = err
			return
		}
		f, err := data.FS.Open("befolkning_k2024.csv")
		if err != nil {
			norwayErr = err
			return
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			norwayErr = err
			return
		}
		pop := map[string]int64{}
		for _, r := range rows[1:] {
			if r[3] != "2024" {
				continue
			}
			v, err := strconv.ParseInt(r[4], 10, 64)
			if err != nil {
				norwayErr = err
				return
			}
			pop[r[0]] = v
		}
		norwayW = weightsOf(norwayG, pop)
		for i, v := range norwayW {
			if v == 0 {
				norwayErr = fmt.Errorf("no population for %s", norwayG.Node(i).Code)
			}
		}
	})
	if norwayErr != nil {
		tb.Fatal(norwayErr)
	}
	return norwayG, norwayW
}

// mustGrid returns a rows×cols rook grid with 10 km cells and the given
// weights (row-major), read through the exchange format.
func mustGrid(tb testing.TB, rows, cols int, w []float64) *graph.Graph {
	tb.Helper()
	var nodes, edges strings.Builder
	nodes.WriteString("id,code,name,population,x,y,area_km2\n")
	edges.WriteString("a,b,kind,border_m,gap_m\n")
	for r := range rows {
		for c := range cols {
			id := r*cols + c
			fmt.Fprintf(&nodes, "%d,r%dc%d,,%d,%d,%d,100\n", id, r, c, int(w[id]), c*10000+5000, r*10000+5000)
			if c+1 < cols {
				fmt.Fprintf(&edges, "%d,%d,rook,10000,0\n", id, id+1)
			}
			if r+1 < rows {
				fmt.Fprintf(&edges, "%d,%d,rook,10000,0\n", id, id+cols)
			}
		}
	}
	g, _, err := graph.ReadExchange(strings.NewReader(nodes.String()), strings.NewReader(edges.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// smallGrid draws a grid of two or three rows of three cells, each
// weighing 1 to 10: small enough for bruteForce to enumerate.
func smallGrid(t *testing.T, rng *rand.Rand) (*graph.Graph, []float64) {
	t.Helper()
	rows, cols := 2+rng.IntN(2), 3
	w := randomWeights(rng, rows*cols)
	return mustGrid(t, rows, cols, w), w
}

// randomWeights draws n weights, each a whole number from 1 to 10.
func randomWeights(rng *rand.Rand, n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = float64(1 + rng.IntN(10))
	}
	return w
}

// checkPlan verifies pl against p independently of the package's own
// code: every node in exactly one group, each group connected (BFS over
// the links p allows), reaching the floor, and meeting every constraint of
// p; the reported objective and count match a recomputation; Count ≤
// Bound.
func checkPlan(t *testing.T, p Problem, pl *Plan) {
	t.Helper()
	g := p.Graph
	n := g.Len()
	asg := pl.Assignment()
	if len(asg) != n {
		t.Fatalf("Assignment has %d entries, want %d", len(asg), n)
	}
	members := make([][]int, pl.Count)
	for v, k := range asg {
		if k < 0 || k >= pl.Count {
			t.Fatalf("node %d in group %d, want 0..%d", v, k, pl.Count-1)
		}
		members[k] = append(members[k], v)
	}
	if pl.Count > pl.Bound {
		t.Errorf("Count %d > Bound %d", pl.Count, pl.Bound)
	}
	allowed := func(e graph.Edge) bool {
		if p.NoSeaLinks && e.Kind == graph.Bridge {
			return false
		}
		return p.Region == nil || p.Region[e.A] == p.Region[e.B]
	}
	adj := make([][]int, n)
	for _, e := range g.Edges() {
		if allowed(e) {
			adj[e.A] = append(adj[e.A], e.B)
			adj[e.B] = append(adj[e.B], e.A)
		}
	}
	var objective float64
	for k, m := range members {
		if len(m) == 0 {
			t.Errorf("group %d is empty", k)
			continue
		}
		var w float64
		centre := m[0]
		heavy := 0
		for _, v := range m {
			w += p.Weight[v]
			if p.Weight[v] > p.Weight[centre] || p.Weight[v] == p.Weight[centre] && v < centre {
				centre = v
			}
			if p.Weight[v] >= p.Floor {
				heavy++
			}
		}
		if w < p.Floor {
			t.Errorf("group %d (%v) weighs %v, below the floor %v", k, m, w, p.Floor)
		}
		// Contiguity by BFS.
		seen := map[int]bool{m[0]: true}
		queue := []int{m[0]}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, x := range adj[v] {
				if asg[x] == k && !seen[x] {
					seen[x] = true
					queue = append(queue, x)
				}
			}
		}
		if len(seen) != len(m) {
			t.Errorf("group %d (%v) is not contiguous: %d of %d reached", k, m, len(seen), len(m))
		}
		if p.KeepFeasible && len(p.Locked) == 0 && heavy > 1 {
			t.Errorf("group %d holds %d units that meet the floor alone", k, heavy)
		}
		if p.MaxKm > 0 {
			for _, v := range m {
				if d := g.Distance(v, centre); d > p.MaxKm+1e-9 {
					t.Errorf("group %d: %s is %.1f km from the centre %s, limit %v", k, g.Node(v).Code, d, g.Node(centre).Code, p.MaxKm)
				}
			}
		}
		switch p.Objective {
		case Distance:
			for _, v := range m {
				objective += p.Weight[v] * float64(g.Distance(v, centre))
			}
		case Heterogeneity:
			for i, a := range m {
				for _, b := range m[i+1:] {
					na, nb := g.Node(a), g.Node(b)
					if p.Attributes != nil {
						for j := range p.Attributes[a] {
							objective += math.Abs(p.Attributes[a][j] - p.Attributes[b][j])
						}
					} else {
						objective += (math.Abs(na.X-nb.X) + math.Abs(na.Y-nb.Y)) / 1000
					}
				}
			}
		}
	}
	if p.Objective == Border {
		for _, e := range g.Edges() {
			if allowed(e) && asg[e.A] != asg[e.B] {
				objective += e.BorderM / 1000
			}
		}
	}
	if math.Abs(objective-pl.Objective) > 1e-6*math.Max(1, math.Abs(objective)) {
		t.Errorf("Objective = %v, recomputed %v", pl.Objective, objective)
	}
	for _, f := range p.Forbidden {
		if asg[f[0]] == asg[f[1]] {
			t.Errorf("forbidden pair %d-%d share group %d", f[0], f[1], asg[f[0]])
		}
	}
	for _, l := range p.Locked {
		for _, v := range l {
			if asg[v] != asg[l[0]] {
				t.Errorf("locked nodes %d and %d are in groups %d and %d", l[0], v, asg[l[0]], asg[v])
			}
		}
	}
	if p.Region != nil {
		for k, m := range members {
			for _, v := range m {
				if p.Region[v] != p.Region[m[0]] {
					t.Errorf("group %d crosses regions %s and %s", k, p.Region[m[0]], p.Region[v])
				}
			}
		}
	}
	// Groups() and Members() agree with the assignment.
	codes := pl.Groups()
	for k, m := range pl.Members() {
		for j, v := range m {
			if asg[v] != k || codes[k][j] != g.Node(v).Code {
				t.Fatalf("Members/Groups disagree with Assignment at group %d", k)
			}
		}
	}
}

// counties returns the county number (first two digits) of every node.
func counties(g *graph.Graph) []string {
	r := make([]string, g.Len())
	for i, n := range g.Nodes() {
		r[i] = n.Code[:2]
	}
	return r
}

// sum is the total of the weights w.
func sum(w []float64) float64 {
	var total float64
	for _, v := range w {
		total += v
	}
	return total
}

// checkCancel runs run with a context that expires after d, and checks
// that it stops with context.DeadlineExceeded soon after.
func checkCancel(t *testing.T, d time.Duration, run func(context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	start := time.Now()
	if err := run(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("cancellation took %v", d)
	}
}
