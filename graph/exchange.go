package graph

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"generalist"
	"generalist/geo"
)

// The column headers of the graph exchange format
// (/work/shared/bench/README.md, "Graph exchange format").
var (
	nodeColumns = []string{"id", "code", "name", "population", "x", "y", "area_km2"}
	edgeColumns = []string{"a", "b", "kind", "border_m", "gap_m"}
)

// WriteExchange writes g in the CSV graph exchange format: the nodes file
// (id,code,name,population,x,y,area_km2, row i having id i) to nodesW and
// the edges file (a,b,kind,border_m,gap_m with a < b) to edgesW. Fields are
// quoted per RFC 4180 where needed; lines end in "\n". Coordinates and
// lengths are written in metres to 0.1 m, areas to 0.001 km².
//
// population maps a node's code to its population. A nil map writes 0 for
// every node; otherwise a code missing from the map or a negative count is
// an EINVALID error, so that a population table of the wrong structure is
// not written silently.
func (g *Graph) WriteExchange(nodesW, edgesW io.Writer, population map[string]int64) error {
	for _, n := range g.nodes {
		if population == nil {
			break
		}
		p, ok := population[n.Code]
		if !ok {
			return generalist.Errorf(generalist.EINVALID, "graph: write exchange: no population for %s %s", n.Code, n.Name)
		}
		if p < 0 {
			return generalist.Errorf(generalist.EINVALID, "graph: write exchange: population of %s %s is negative (%d)", n.Code, n.Name, p)
		}
	}
	f1 := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	w := generalist.NewCSVWriter(nodesW)
	if err := w.Write(nodeColumns); err != nil {
		return fmt.Errorf("graph: write exchange nodes: %w", err)
	}
	for _, n := range g.nodes {
		rec := []string{
			strconv.Itoa(n.ID), n.Code, n.Name, strconv.FormatInt(population[n.Code], 10),
			f1(n.X), f1(n.Y), strconv.FormatFloat(float64(n.Area), 'f', 3, 64),
		}
		if err := w.Write(rec); err != nil {
			return fmt.Errorf("graph: write exchange nodes: %w", err)
		}
	}
	if w.Flush(); w.Error() != nil {
		return fmt.Errorf("graph: write exchange nodes: %w", w.Error())
	}
	w = generalist.NewCSVWriter(edgesW)
	if err := w.Write(edgeColumns); err != nil {
		return fmt.Errorf("graph: write exchange edges: %w", err)
	}
	for _, e := range g.edges {
		rec := []string{strconv.Itoa(e.A), strconv.Itoa(e.B), e.Kind.String(), f1(e.BorderM), f1(e.GapM)}
		if err := w.Write(rec); err != nil {
			return fmt.Errorf("graph: write exchange edges: %w", err)
		}
	}
	if w.Flush(); w.Error() != nil {
		return fmt.Errorf("graph: write exchange edges: %w", w.Error())
	}
	return nil
}

// ReadExchange reads a graph in the CSV exchange format, as written by
// WriteExchange or by the benchmark tooling, and returns it with the
// population column keyed by code. Columns are found by their header name;
// extra columns are ignored. Node Lon and Lat are derived from x and y read
// as EPSG:25833; for instances on another plane (the synthetic grids) they
// are meaningless and GreatCircle must not be used.
//
// Errors are EINVALID: a missing column, a row id that is not its index, a
// non-finite or unparsable number, a negative population, an edge with a ≥ b
// or an id out of range, or an unknown kind (naming the file and line); a
// duplicate code or a duplicate edge (naming the code or the pair).
func ReadExchange(nodesR, edgesR io.Reader) (*Graph, map[string]int64, error) {
	nodeRows, err := readCSV(nodesR, "nodes", nodeColumns)
	if err != nil {
		return nil, nil, err
	}
	nodes := make([]Node, len(nodeRows))
	pop := make(map[string]int64, len(nodeRows))
	for i, r := range nodeRows {
		line := i + 2
		id, err := strconv.Atoi(r[0])
		if err != nil || id != i {
			return nil, nil, exchangeErr("nodes", line, "id %q: want %d, the row index", r[0], i)
		}
		p, err := strconv.ParseInt(r[3], 10, 64)
		if err != nil || p < 0 {
			return nil, nil, exchangeErr("nodes", line, "population %q: want an integer ≥ 0", r[3])
		}
		var v [3]float64
		for k, col := range []int{4, 5, 6} {
			if v[k], err = parseFinite(r[col]); err != nil {
				return nil, nil, exchangeErr("nodes", line, "%s %q: %v", nodeColumns[col], r[col], err)
			}
		}
		if r[1] == "" {
			return nil, nil, exchangeErr("nodes", line, "code is empty")
		}
		lon, lat := geo.FromUTM33(v[0], v[1])
		nodes[i] = Node{ID: id, Code: r[1], Name: r[2], X: v[0], Y: v[1], Lon: lon, Lat: lat, Area: generalist.SquareKm(v[2])}
		pop[r[1]] = p
	}
	edgeRows, err := readCSV(edgesR, "edges", edgeColumns)
	if err != nil {
		return nil, nil, err
	}
	edges := make([]Edge, len(edgeRows))
	for i, r := range edgeRows {
		line := i + 2
		a, errA := strconv.Atoi(r[0])
		b, errB := strconv.Atoi(r[1])
		if errA != nil || errB != nil || a < 0 || b >= len(nodes) || a >= b {
			return nil, nil, exchangeErr("edges", line, "a,b = %q,%q: want node ids with a < b", r[0], r[1])
		}
		k, err := ParseKind(r[2])
		if err != nil {
			return nil, nil, exchangeErr("edges", line, "%v", generalist.ErrorMessage(err))
		}
		border, err := parseFinite(r[3])
		if err != nil {
			return nil, nil, exchangeErr("edges", line, "border_m %q: %v", r[3], err)
		}
		gap, err := parseFinite(r[4])
		if err != nil {
			return nil, nil, exchangeErr("edges", line, "gap_m %q: %v", r[4], err)
		}
		edges[i] = Edge{A: a, B: b, Kind: k, BorderM: border, GapM: gap}
	}
	g, err := newGraph(nodes, edges)
	if err != nil {
		return nil, nil, generalist.Errorf(generalist.EINVALID, "graph: read exchange: %s", generalist.ErrorMessage(err))
	}
	return g, pop, nil
}

// readCSV reads all records of r and returns them with the columns of want
// picked out, in want's order.
func readCSV(r io.Reader, file string, want []string) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, exchangeErr(file, 1, "the file is empty")
		}
		return nil, exchangeErr(file, 1, "%v", err)
	}
	if len(header) > 0 {
		header[0] = trimBOM(header[0])
	}
	col := make([]int, len(want))
	for k, name := range want {
		col[k] = -1
		for j, h := range header {
			if h == name {
				col[k] = j
				break
			}
		}
		if col[k] < 0 {
			return nil, exchangeErr(file, 1, "column %q is missing", name)
		}
	}
	var out [][]string
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, exchangeErr(file, line, "%v", err)
		}
		row := make([]string, len(want))
		for k, j := range col {
			row[k] = rec[j]
		}
		out = append(out, row)
	}
}

func trimBOM(s string) string {
	if len(s) >= 3 && s[:3] == "\xef\xbb\xbf" {
		return s[3:]
	}
	return s
}

func parseFinite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a finite number")
	}
	return v, nil
}

func exchangeErr(file string, line int, format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "graph: read exchange %s, line %d: %s", file, line, fmt.Sprintf(format, args...))
}
