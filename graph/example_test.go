package graph_test

import (
	"fmt"
	"os"
	"strings"

	"generalist/geo"
	"generalist/graph"
)

// square returns a GeoJSON feature whose boundary is the box from (lon, lat)
// to (lon+0.01, lat+0.01), about 560 m by 1 110 m at 60°N.
func square(code string, lon, lat float64) string {
	return fmt.Sprintf(`{"type":"Feature","properties":{"kommunenummer":%q,"kommunenavn":"K%s"},`+
		`"geometry":{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}`,
		code, code, lon, lat, lon+0.01, lat, lon+0.01, lat+0.01, lon, lat+0.01, lon, lat)
}

func Example() {
	// A and B share a side, C touches B at a corner, D is an island.
	in := `{"type":"FeatureCollection","features":[` + strings.Join([]string{
		square("4201", 10.00, 60.00), // A
		square("4202", 10.01, 60.00), // B
		square("4203", 10.02, 60.01), // C
		square("4204", 10.05, 60.00), // D
	}, ",") + `]}`
	fs, err := geo.ReadMunicipalities(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := graph.Build(fs, graph.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Edges() {
		fmt.Printf("%s–%s %-6s border %4.0f m  gap %4.0f m\n", g.Node(e.A).Code, g.Node(e.B).Code, e.Kind, e.BorderM, e.GapM)
	}
	fmt.Println("connected:", g.IsConnected())
	if err := g.WriteExchange(os.Stdout, os.Stdout, map[string]int64{"4201": 10, "4202": 20, "4203": 30, "4204": 40}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 4201–4202 rook   border 1115 m  gap    0 m
	// 4202–4203 queen  border    0 m  gap    0 m
	// 4203–4204 bridge border    0 m  gap 1116 m
	// connected: true
	// id,code,name,population,x,y,area_km2
	// 0,4201,K4201,10,221609.2,6662487.7,0.622
	// 1,4202,K4202,20,222165.8,6662445.6,0.622
	// 2,4203,K4203,30,222806.3,6663515.2,0.622
	// 3,4204,K4204,40,224392.4,6662278.1,0.622
	// a,b,kind,border_m,gap_m
	// 0,1,rook,1114.7,0.0
	// 1,2,queen,0.0,0.0
	// 2,3,bridge,0.0,1116.3
}
