package graph

import (
	"strings"
	"testing"
)

// TestInduced: the subgraph keeps the chosen nodes in code order and the
// edges between them only; bad ids are refused.
func TestInduced(t *testing.T) {
	nodes := "id,code,name,population,x,y,area_km2\n0,a,,1,0,0,1\n1,b,,1,1,0,1\n2,c,,1,2,0,1\n3,d,,1,3,0,1\n"
	edges := "a,b,kind,border_m,gap_m\n0,1,rook,5,0\n1,2,queen,0,0\n2,3,bridge,0,7\n0,3,rook,2,0\n"
	g, _, err := ReadExchange(strings.NewReader(nodes), strings.NewReader(edges))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := g.Induced([]int{3, 0, 2})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for i, n := range sub.Nodes() {
		if n.ID != i {
			t.Errorf("node %s has id %d, want %d", n.Code, n.ID, i)
		}
		codes = append(codes, n.Code)
	}
	if strings.Join(codes, ",") != "a,c,d" {
		t.Errorf("nodes %v, want a,c,d", codes)
	}
	got := sub.Edges()
	if len(got) != 2 || got[0] != (Edge{A: 0, B: 2, Kind: Rook, BorderM: 2}) || got[1] != (Edge{A: 1, B: 2, Kind: Bridge, GapM: 7}) {
		t.Errorf("edges %+v, want a-d rook and c-d bridge", got)
	}
	if n, ok := sub.Lookup("d"); !ok || n.ID != 2 {
		t.Errorf("Lookup(d) = %+v, %v", n, ok)
	}
	for _, bad := range [][]int{{0, 0}, {4}, {-1}} {
		if _, err := g.Induced(bad); err == nil {
			t.Errorf("Induced(%v) accepted", bad)
		}
	}
}
