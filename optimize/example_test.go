package optimize_test

import (
	"context"
	"fmt"
	"strings"

	"generalist/graph"
	"generalist/optimize"
)

func Example() {
	// A row of six municipalities; the floor is 5 000 inhabitants.
	nodes := `id,code,name,population,x,y,area_km2
0,4201,A,3000,0,0,1
1,4202,B,2500,10000,0,1
2,4203,C,9000,20000,0,1
3,4204,D,1000,30000,0,1
4,4205,E,4500,40000,0,1
5,4206,F,800,50000,0,1
`
	edges := `a,b,kind,border_m,gap_m
0,1,rook,5000,0
1,2,rook,5000,0
2,3,rook,5000,0
3,4,rook,5000,0
4,5,rook,5000,0
`
	g, pop, err := graph.ReadExchange(strings.NewReader(nodes), strings.NewReader(edges))
	if err != nil {
		fmt.Println(err)
		return
	}
	w := make([]float64, g.Len())
	for i, n := range g.Nodes() {
		w[i] = float64(pop[n.Code])
	}
	plan, err := optimize.Solve(context.Background(), optimize.Problem{Graph: g, Weight: w, Floor: 5000}, optimize.Settings{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("groups:", plan.Groups())
	fmt.Println("count:", plan.Count, "bound:", plan.Bound)

	_, err = optimize.Solve(context.Background(), optimize.Problem{Graph: g, Weight: w, Floor: 30000}, optimize.Settings{})
	fmt.Println(err)
	// Output:
	// groups: [[4201 4202] [4203] [4204 4205 4206]]
	// count: 3 bound: 3
	// no plan meets the criteria: the floor 30 000 is above the total of all units, 20 800
}
