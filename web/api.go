package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"generalist"
	"generalist/atlas"
	"generalist/graph"
	"generalist/stats"
)

// apiRow is one municipality in the API. population is null where there is
// no data; population_note says why.
type apiRow struct {
	Number         generalist.MunicipalityNumber `json:"number"`
	Name           string                        `json:"name"`
	ShortName      string                        `json:"short_name"`
	County         generalist.CountyNumber       `json:"county"`
	CountyName     string                        `json:"county_name"`
	Structure      generalist.Structure          `json:"structure"`
	Year           int                           `json:"year"`
	Population     *generalist.Persons           `json:"population"`
	PopulationNote string                        `json:"population_note,omitempty"`
	SizeClass      string                        `json:"size_class,omitempty"`
	Sex            *generalist.Sex               `json:"sex,omitempty"`
	Ages           map[string]generalist.Persons `json:"ages,omitempty"`
	AreaKm2        *float64                      `json:"area_km2"`
	Density        *float64                      `json:"density"`
	AdminCentre    string                        `json:"admin_centre,omitempty"`
	LanguageForm   string                        `json:"language_form,omitempty"`
	Centrality     *int                          `json:"centrality_class"`
	CostIndex      *float64                      `json:"cost_index_2026"`
	Robek          *string                       `json:"robek"`
	Change10       *float64                      `json:"change_10y_pct"`
	Share80        *float64                      `json:"share_80_plus_pct"`
	WorkingPer80   *float64                      `json:"working_age_per_80_plus"`
}

func toAPIRow(r *atlas.Row) apiRow {
	a := apiRow{
		Number: r.Number, Name: r.Name, ShortName: r.ShortName, County: r.County, CountyName: r.CountyName,
		Structure: r.Structure, Year: r.Year, SizeClass: r.SizeClass(), Sex: r.Sex,
		AreaKm2: r.AreaKm2, Density: r.Density, AdminCentre: r.AdminCentre, LanguageForm: r.LanguageForm,
		Centrality: r.Centrality, CostIndex: r.CostIndex, Robek: r.Robek,
		Change10: r.Change10, Share80: r.Share80, WorkingPer80: r.WorkingPer80,
	}
	if r.Population.Known {
		v := r.Population.Value
		a.Population = &v
	} else {
		a.PopulationNote = r.Population.Note
	}
	if r.Ages != nil {
		a.Ages = map[string]generalist.Persons{}
		for _, g := range generalist.AgeGroups {
			a.Ages[g.Key()] = r.Ages[g]
		}
	}
	return a
}

// caveats lists the notes that apply to the atlas fields.
var caveats = map[string]string{
	"centrality_class": generalist.CentralityCaveat,
	"cost_index_2026":  generalist.CostIndexCaveat,
	"area_km2":         generalist.AreaCaveat,
}

func (s *Server) apiMunicipalities(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	sel, err := s.selectionOf(r)
	if err != nil {
		return err
	}
	st, year, f := sel.Structure, sel.Year, sel.Filter
	format, err := formatParam(q)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("api/municipalities/%d/%d/%+v/%s", st, year, f, format)
	b, err := get(r.Context(), s.cache, key, func() (body, error) {
		rows, err := s.selected(r.Context(), sel)
		if err != nil {
			return body{}, err
		}
		var raw []byte
		if format != "json" {
			raw, err = municipalitiesCSV(rows)
		} else {
			out := make([]apiRow, len(rows))
			for i := range rows {
				out[i] = toAPIRow(&rows[i])
			}
			// Compact: the whole list is 200–300 kB; indentation would
			// add a third.
			raw, err = json.Marshal(map[string]any{"structure": st, "year": year, "count": len(out), "municipalities": out,
				"source": atlas.PopulationSource, "caveats": caveats})
		}
		if err != nil {
			return body{}, err
		}
		return newBody(raw)
	})
	if err != nil {
		return err
	}
	writeBody(w, r, format, "kommuner", b)
	return nil
}

func (s *Server) yearFor(r *http.Request, q map[string][]string, st generalist.Structure) (int, error) {
	if v := q["year"]; len(v) > 0 && v[0] != "" {
		return yearParam(q, 0)
	}
	return s.defaultYear(r, st)
}

func (s *Server) apiMunicipality(w http.ResponseWriter, r *http.Request) error {
	row, err := s.findRow(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPIRow(row))
	return nil
}

// findRow returns the row of the municipality in the path, for ?structure=
// (default 2024) and ?year= (default the latest).
func (s *Server) findRow(r *http.Request) (*atlas.Row, error) {
	q := r.URL.Query()
	num, err := municipalityParam(r)
	if err != nil {
		return nil, err
	}
	st, err := structureParam(q, generalist.Structure2024)
	if err != nil {
		return nil, err
	}
	year, err := s.yearFor(r, q, st)
	if err != nil {
		return nil, err
	}
	rows, err := s.rows(r.Context(), st, year)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if rows[i].Number == num {
			return &rows[i], nil
		}
	}
	return nil, generalist.Errorw(generalist.ENOTFOUND, "err.municipality.notin", "kommune %s is not in the %d structure", num, st)
}

// seriesPoint is one year of a population series.
type seriesPoint struct {
	Year       int                 `json:"year"`
	Population *generalist.Persons `json:"population"`
	Note       string              `json:"note,omitempty"`
}

func (s *Server) series(r *http.Request, st generalist.Structure, num generalist.MunicipalityNumber) ([]seriesPoint, error) {
	return get(r.Context(), s.cache, fmt.Sprintf("series/%d/%s", st, num), func() ([]seriesPoint, error) {
		var out []seriesPoint
		for year := 2006; year <= 2026; year++ {
			c, err := atlas.Population(r.Context(), s.store, st, year)
			if generalist.ErrorCode(err) == generalist.ENOTFOUND {
				continue
			} else if err != nil {
				return nil, err
			}
			for _, v := range c.Values {
				if v.Municipality == num {
					p := seriesPoint{Year: year, Note: v.Note}
					if v.Known {
						val := v.Value
						p.Population = &val
					}
					out = append(out, p)
				}
			}
		}
		return out, nil
	})
}

func (s *Server) apiPopulationSeries(w http.ResponseWriter, r *http.Request) error {
	row, err := s.findRow(r)
	if err != nil {
		return err
	}
	format, err := formatParam(r.URL.Query())
	if err != nil {
		return err
	}
	pts, err := s.series(r, row.Structure, row.Number)
	if err != nil {
		return err
	}
	if format != "json" {
		recs := [][]string{{"kommunenummer", "aar", "folkemengde", "merknad"}}
		for _, p := range pts {
			recs = append(recs, []string{string(row.Number), strconv.Itoa(p.Year), optPersons(p.Population), p.Note})
		}
		return writeTable(w, format, "folkemengde-"+string(row.Number), recs)
	}
	writeJSON(w, http.StatusOK, map[string]any{"number": row.Number, "name": row.ShortName, "structure": row.Structure,
		"series": pts, "source": atlas.PopulationSource})
	return nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	st, year, err := s.structureYear(r)
	if err != nil {
		return err
	}
	under, err := positiveParam(q, "under", int64(stats.DefaultUnder))
	if err != nil {
		return err
	}
	format, err := formatParam(q)
	if err != nil {
		return err
	}
	t, err := get(r.Context(), s.cache, fmt.Sprintf("stats/%d/%d/%d", st, year, under), func() (*atlas.Table, error) {
		return atlas.StructureTable(r.Context(), s.store, st, year, generalist.Persons(under))
	})
	if err != nil {
		return err
	}
	if format != "json" {
		return writeTable(w, format, "kommunestruktur", [][]string{
			{"struktur", "aar", "kommuner", "med_data", "innbyggere", "middel", "median", "storst", "storst_innbyggere", "minst", "minst_innbyggere", "terskel", "under_terskel"},
			{st.String(), strconv.Itoa(year), strconv.Itoa(t.Municipalities), strconv.Itoa(t.WithData), strconv.FormatInt(int64(t.Inhabitants), 10),
				strconv.FormatFloat(t.Mean, 'f', 1, 64), strconv.FormatFloat(t.Median, 'f', 1, 64),
				t.Largest.Number + " " + t.Largest.Name, strconv.FormatInt(int64(t.Largest.Inhabitants), 10),
				t.Smallest.Number + " " + t.Smallest.Name, strconv.FormatInt(int64(t.Smallest.Inhabitants), 10),
				strconv.FormatInt(under, 10), strconv.Itoa(t.Under.Count)},
		})
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

func (s *Server) apiNordic(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	// Without a year, each country is on the date of the source's table.
	year, err := yearParam(q, 0)
	if err != nil {
		return err
	}
	format, err := formatParam(q)
	if err != nil {
		return err
	}
	// The source must name one of the few sources, so the key is bounded.
	n, err := get(r.Context(), s.cache, fmt.Sprintf("nordic/%d/%s", year, q.Get("source")), func() (*atlas.Nordic, error) {
		return atlas.NordicComparison(r.Context(), s.store, year, q.Get("source"))
	})
	if err != nil {
		return err
	}
	if format != "json" {
		recs := [][]string{{"land", "navn", "dato", "datostatus", "beregnet", "kommuner", "innbyggere", "middel", "median", "storst", "minst", "under_5000", "kilde"}}
		for _, row := range n.Rows {
			recs = append(recs, []string{row.Country, row.Label, row.Date, row.DateStatus, strconv.FormatBool(row.Computed),
				optFloat(row.Municipalities), optFloat(row.Inhabitants), optFloat(row.Mean), optFloat(row.Median),
				optFloat(row.Largest), optFloat(row.Smallest), optFloat(row.Under5000), row.Source})
		}
		return writeTable(w, format, "norden", recs)
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (s *Server) apiIndicators(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.indicatorsJSON) // the public's answer from memory (public.go)
}

func (s *Server) indicatorsJSON(w http.ResponseWriter, r *http.Request) error {
	inds, err := s.indicatorList(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"indicators": inds})
	return nil
}

func (s *Server) apiGraph(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	st, err := structureParam(q, generalist.Structure2024)
	if err != nil {
		return err
	}
	format, err := formatParam(q)
	if err != nil {
		return err
	}
	g := s.graphOf(st)
	if g == nil {
		return generalist.Errorf(generalist.ENOTFOUND, "no adjacency graph for the %d structure", st)
	}
	b, err := get(r.Context(), s.cache, fmt.Sprintf("graph/%d/%s", st, format), func() (body, error) {
		raw, err := graphBytes(g, st, format)
		if err != nil {
			return body{}, err
		}
		return newBody(raw)
	})
	if err != nil {
		return err
	}
	writeBody(w, r, format, fmt.Sprintf("naboskap-%d", st), b)
	return nil
}

func graphBytes(g *graph.Graph, st generalist.Structure, format string) ([]byte, error) {
	nodes := g.Nodes()
	if format != "json" {
		recs := [][]string{{"a", "b", "kommunenummer_a", "kommunenummer_b", "kind", "border_m", "gap_m"}}
		for _, e := range g.Edges() {
			recs = append(recs, []string{strconv.Itoa(e.A), strconv.Itoa(e.B), nodes[e.A].Code, nodes[e.B].Code, e.Kind.String(),
				strconv.FormatFloat(e.BorderM, 'f', 1, 64), strconv.FormatFloat(e.GapM, 'f', 1, 64)})
		}
		return toCSV(recs)
	}
	type node struct {
		ID      int     `json:"id"`
		Number  string  `json:"number"`
		Name    string  `json:"name"`
		X       float64 `json:"x"`
		Y       float64 `json:"y"`
		Lon     float64 `json:"lon"`
		Lat     float64 `json:"lat"`
		AreaKm2 float64 `json:"area_km2"`
	}
	type edge struct {
		A, B    int     `json:"-"`
		From    string  `json:"a"`
		To      string  `json:"b"`
		Kind    string  `json:"kind"`
		BorderM float64 `json:"border_m"`
		GapM    float64 `json:"gap_m"`
	}
	ns := make([]node, len(nodes))
	for i, n := range nodes {
		ns[i] = node{n.ID, n.Code, n.Name, round(n.X, 1), round(n.Y, 1), round(n.Lon, 6), round(n.Lat, 6), round(float64(n.Area), 2)}
	}
	var es []edge
	for _, e := range g.Edges() {
		es = append(es, edge{From: nodes[e.A].Code, To: nodes[e.B].Code, Kind: e.Kind.String(), BorderM: round(e.BorderM, 1), GapM: round(e.GapM, 1)})
	}
	return marshal(map[string]any{"structure": st, "crs": "EPSG:25833", "nodes": ns, "edges": es,
		"source": "© Kartverket (Administrative enheter), CC BY 4.0; naboskap beregnet av Generalist"})
}

func round(v float64, decimals int) float64 {
	p := 1.0
	for range decimals {
		p *= 10
	}
	return float64(int64(v*p+copysignHalf(v))) / p
}

func copysignHalf(v float64) float64 {
	if v < 0 {
		return -0.5
	}
	return 0.5
}

func formatParam(q map[string][]string) (string, error) {
	f := ""
	if v := q["format"]; len(v) > 0 {
		f = v[0]
	}
	switch f {
	case "", "json":
		return "json", nil
	case "csv", formatExcel:
		return f, nil
	}
	return "", generalist.Errorf(generalist.EINVALID, "query parameter format %q: must be json, csv or %s", f, formatExcel)
}

// formatExcel is the CSV variant for Excel with Norwegian settings
// (generalist.ExcelCSV): the same table, semicolon-separated with a
// decimal comma.
const formatExcel = "csv-excel"

// writeBody sends a cached body as JSON or as a CSV download.
func writeBody(w http.ResponseWriter, r *http.Request, format, name string, b body) {
	if format == formatExcel {
		writeFormat(w, format, name, b.raw)
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, name))
		b.write(w, r, "text/csv; charset=utf-8")
		return
	}
	b.write(w, r, "application/json")
}

func writeFormat(w http.ResponseWriter, format, name string, b []byte) {
	if format == formatExcel {
		x, err := generalist.ExcelCSV(b)
		if err != nil { // our own CSV: a bug, not the client's fault
			http.Error(w, "Internal error.", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-excel.csv"`, name))
		writeBytes(w, http.StatusOK, "text/csv; charset=utf-8", x)
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, name))
		writeBytes(w, http.StatusOK, "text/csv; charset=utf-8", b)
		return
	}
	writeBytes(w, http.StatusOK, "application/json", b)
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := newJSONEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeTable sends recs as the CSV download that format asks for (csv or
// csv-excel), with name in its file name.
func writeTable(w http.ResponseWriter, format, name string, recs [][]string) error {
	b, err := toCSV(recs)
	if err != nil {
		return err
	}
	writeFormat(w, format, name, b)
	return nil
}

// toCSV writes RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read
// the Norwegian letters right; a cell a spreadsheet would read as a
// formula gets a leading apostrophe (generalist.CSVCell).
func toCSV(recs [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	if err := generalist.NewCSVWriter(&buf).WriteAll(recs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func municipalitiesCSV(rows []atlas.Row) ([]byte, error) {
	recs := [][]string{{"kommunenummer", "kommunenavn", "fylkesnummer", "fylkesnavn", "struktur", "aar", "folkemengde", "merknad",
		"areal_km2", "innbyggere_per_km2", "sentralitetsklasse_uverifisert", "kostnadsindeks_2026", "robek", "endring_10_aar_pst", "andel_80_pluss_pst", "innbyggere_16_66_per_80_pluss"}}
	for i := range rows {
		r := &rows[i]
		robek := ""
		if r.Robek != nil {
			robek = *r.Robek
		}
		cent := ""
		if r.Centrality != nil {
			cent = strconv.Itoa(*r.Centrality)
		}
		pop := ""
		if r.Population.Known {
			pop = strconv.FormatInt(int64(r.Population.Value), 10)
		}
		recs = append(recs, []string{string(r.Number), r.Name, string(r.County), r.CountyName, r.Structure.String(), strconv.Itoa(r.Year),
			pop, r.Population.Note, optFloat(r.AreaKm2), optFloat(r.Density), cent, optFloat(r.CostIndex), robek,
			optFloat(r.Change10), optFloat(r.Share80), optFloat(r.WorkingPer80)})
	}
	return toCSV(recs)
}

func optFloat(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func optPersons(v *generalist.Persons) string {
	if v == nil {
		return ""
	}
	return strconv.FormatInt(int64(*v), 10)
}
