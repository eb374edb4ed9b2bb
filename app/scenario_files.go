package app

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"generalist"
	"generalist/geo"
	"generalist/planfile"
	"generalist/sim"
)

// Plans in and out: a scenario's municipalities as GeoJSON (merged ones
// dissolved), its assignment table as CSV, and a new scenario from such
// a file (package planfile does the files).

// Export formats of a scenario.
const (
	FormatGeoJSON  = "geojson"
	FormatCSV      = "csv"
	FormatCSVExcel = "csv-excel"
)

// Export is a file made from a scenario.
type Export struct {
	Body        []byte
	ContentType string
	// FileName is a name to save it under: the scenario's id (or
	// "scenario") and the format's extension.
	FileName string
}

// ExportScenario writes a scenario as a file: FormatGeoJSON (crs
// planfile.WGS84, the default when 0, or planfile.UTM33), FormatCSV or
// FormatCSVExcel. The scenario is evaluated on today's cooperation as
// opts says, for the figures of each municipality. EINVALID for an
// unknown format or CRS, ENOTFOUND for a structure without boundaries
// (GeoJSON only).
func (a *App) ExportScenario(ctx context.Context, sc *generalist.Scenario, format string, crs int, opts TodayOptions) (*Export, error) {
	base := sc.ID
	if base == "" {
		base = "scenario"
	}
	switch format {
	case FormatGeoJSON:
		if crs == 0 {
			crs = planfile.WGS84
		}
		if crs != planfile.WGS84 && crs != planfile.UTM33 {
			return nil, generalist.Errorf(generalist.EINVALID, "crs %d: give 4326 (longitude and latitude, the default) or 25833 (UTM zone 33N)", crs)
		}
		b, err := a.scenarioGeoJSON(ctx, sc, crs, opts)
		if err != nil {
			return nil, err
		}
		name := base + ".geojson"
		if crs == planfile.UTM33 {
			name = base + "-25833.geojson"
		}
		return &Export{Body: b, ContentType: "application/geo+json", FileName: name}, nil
	case FormatCSV, FormatCSVExcel:
		b, err := a.scenarioCSV(ctx, sc, opts)
		if err != nil {
			return nil, err
		}
		if format == FormatCSV {
			return &Export{Body: b, ContentType: "text/csv; charset=utf-8", FileName: base + ".csv"}, nil
		}
		x, err := generalist.ExcelCSV(b)
		if err != nil {
			return nil, err
		}
		return &Export{Body: x, ContentType: "text/csv; charset=utf-8", FileName: base + "-excel.csv"}, nil
	}
	return nil, generalist.Errorf(generalist.EINVALID, "format %q: give geojson, csv or csv-excel", format)
}

// dissolvers holds one planfile.Dissolver per structure, built from the
// embedded boundaries on first use (they never change in a process).
var dissolvers struct {
	mu sync.Mutex
	m  map[generalist.Structure]*dissolverOnce
}

type dissolverOnce struct {
	once sync.Once
	d    *planfile.Dissolver
	err  error
}

// Dissolver returns the prepared boundaries of a structure; ENOTFOUND for
// a structure without boundaries.
func Dissolver(s generalist.Structure) (*planfile.Dissolver, error) {
	dissolvers.mu.Lock()
	if dissolvers.m == nil {
		dissolvers.m = map[generalist.Structure]*dissolverOnce{}
	}
	d := dissolvers.m[s]
	if d == nil {
		d = &dissolverOnce{}
		dissolvers.m[s] = d
	}
	dissolvers.mu.Unlock()
	d.once.Do(func() {
		var ms []geo.Feature
		if ms, _, d.err = geo.Embedded(s); d.err != nil {
			return
		}
		d.d, d.err = planfile.NewDissolver(ms)
	})
	return d.d, d.err
}

func (a *App) scenarioGeoJSON(ctx context.Context, sc *generalist.Scenario, crs int, opts TodayOptions) ([]byte, error) {
	d, err := Dissolver(sc.Structure)
	if err != nil {
		return nil, err
	}
	in, out, err := a.baseAndOutcome(ctx, sc, opts)
	if err != nil {
		return nil, err
	}
	names := map[generalist.MunicipalityNumber]string{}
	for _, m := range in.Municipalities {
		names[m.Number] = m.ShortName
	}
	split := splitFrom(sc)
	var units []planfile.Unit
	for _, u := range out.Units {
		p := planfile.UnitProperties{Number: string(u.Number), Name: u.Name, Kind: planfile.KindUnchanged, Centre: string(u.Number), Year: sc.Year,
			TasksOutside: u.Outside, OutsideShare: u.OutsideShare, DistanceKm: u.DistanceKm, Members: []string{}, MemberNames: []string{}}
		var codes []string
		for _, m := range u.Members {
			if split[m] {
				continue // drawn as its own feature below
			}
			codes = append(codes, string(m))
			p.Members = append(p.Members, string(m))
			p.MemberNames = append(p.MemberNames, names[m])
		}
		if len(codes) > 1 {
			p.Kind = planfile.KindMerged
		}
		if u.Population.Known {
			v := int64(u.Population.Value)
			n := len(u.Shortfalls)
			p.Inhabitants, p.TasksBelowRobust = &v, &n
		}
		g, err := d.Dissolve(codes)
		if err != nil {
			return nil, err
		}
		p.AreaKm2 = round2(planfile.Area(g.Geometry))
		units = append(units, planfile.Unit{Geometry: g.Geometry, Properties: p})
	}
	for _, sp := range sc.Splits {
		g, err := d.Dissolve([]string{string(sp.From)})
		if err != nil {
			return nil, err
		}
		p := planfile.UnitProperties{Number: string(sp.From), Name: names[sp.From], Kind: planfile.KindSplit, Members: []string{string(sp.From)},
			MemberNames: []string{names[sp.From]}, Centre: "", Year: sc.Year, AreaKm2: round2(planfile.Area(g.Geometry))}
		units = append(units, planfile.Unit{Geometry: g.Geometry, Properties: p})
	}
	slices.SortFunc(units, func(x, y planfile.Unit) int { return strings.Compare(x.Properties.Number, y.Properties.Number) })
	var buf bytes.Buffer
	c := planfile.Collection{Name: sc.Name, Scenario: sc.ID, Structure: int(sc.Structure), Year: sc.Year}
	if err := planfile.WriteGeoJSON(&buf, c, units, crs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// baseAndOutcome returns the scenario's base (its structure and year)
// and its outcome, which the plan files draw from.
func (a *App) baseAndOutcome(ctx context.Context, sc *generalist.Scenario, opts TodayOptions) (*sim.Base, *sim.Outcome, error) {
	in, err := a.Base(ctx, sc.Structure, sc.Year, opts)
	if err != nil {
		return nil, nil, err
	}
	out, err := a.Evaluate(ctx, sc, opts)
	if err != nil {
		return nil, nil, err
	}
	return in, out, nil
}

// splitFrom is the set of municipalities the scenario splits; the plan
// files draw and list each of them on its own, not in its unit.
func splitFrom(sc *generalist.Scenario) map[generalist.MunicipalityNumber]bool {
	split := map[generalist.MunicipalityNumber]bool{}
	for _, sp := range sc.Splits {
		split[sp.From] = true
	}
	return split
}

func round2(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}

// scenarioCSV is the assignment table: one row per municipality of the
// base structure with its group, and a column per task the scenario's
// cooperation or task differentiation names.
func (a *App) scenarioCSV(ctx context.Context, sc *generalist.Scenario, opts TodayOptions) ([]byte, error) {
	in, out, err := a.baseAndOutcome(ctx, sc, opts)
	if err != nil {
		return nil, err
	}
	split := splitFrom(sc)
	type group struct{ number, name string }
	byMember := map[generalist.MunicipalityNumber]group{}
	for _, u := range out.Units {
		for _, m := range u.Members {
			if !split[m] {
				byMember[m] = group{string(u.Number), u.Name}
			}
		}
	}
	pops := map[generalist.MunicipalityNumber]generalist.Population{}
	for _, p := range in.Populations {
		pops[p.Municipality] = p
	}
	cells := map[generalist.MunicipalityNumber]map[string]string{}
	var extra []string
	set := func(n generalist.MunicipalityNumber, col, v string) {
		if !slices.Contains(extra, col) {
			extra = append(extra, col)
		}
		if cells[n] == nil {
			cells[n] = map[string]string{}
		}
		cells[n][col] = v
	}
	for _, c := range sc.Arrangements {
		v := string(c.Form)
		if c.Host != "" {
			v += ", vert " + string(c.Host)
		}
		for _, m := range c.Members {
			set(m, "samarbeid:"+c.Task, v)
		}
	}
	for _, d := range sc.Differentiated {
		v := string(d.To)
		if d.Host != "" {
			v += " " + string(d.Host)
		}
		col := "differensiering:" + d.Task
		if !slices.Contains(extra, col) {
			extra = append(extra, col)
		}
		for _, m := range d.Criteria.Named {
			set(m, col, v)
		}
	}
	for _, sp := range sc.Splits {
		into := make([]string, len(sp.Into))
		for i, n := range sp.Into {
			into[i] = string(n)
		}
		set(sp.From, "deles_mellom", strings.Join(into, " "))
	}
	rows := make([]planfile.Row, 0, len(in.Municipalities))
	for _, m := range in.Municipalities {
		g := byMember[m.Number]
		r := planfile.Row{Number: string(m.Number), Name: m.ShortName, Group: g.number, GroupName: g.name, Centre: g.number, Cells: cells[m.Number]}
		if p, ok := pops[m.Number]; ok && !p.Missing {
			v := int64(p.Total)
			r.Inhabitants = &v
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(x, y planfile.Row) int { return strings.Compare(x.Number, y.Number) })
	var buf bytes.Buffer
	if err := planfile.WriteCSV(&buf, extra, rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PlanImport is a plan file to make a new scenario of.
type PlanImport struct {
	File     []byte
	FileName string
	// Format is FormatCSV (which reads the Excel variant too) or
	// FormatGeoJSON; empty: GeoJSON if the file starts with {.
	Format string
	// ID is the new scenario's id; empty: made from the name.
	ID, Name, Description, Author string
	// Structure and Year are the base; zero: the 2024 structure and its
	// latest year with population.
	Structure generalist.Structure
	Year      int
	// DryRun checks the file and returns the scenario without storing it.
	DryRun bool
}

// PlanImported is the outcome of an import: the scenario (stored unless
// DryRun) or the problems, each at its place in the file.
type PlanImported struct {
	Scenario *generalist.Scenario `json:"scenario,omitempty"`
	Problems planfile.Problems    `json:"problems,omitempty"`
	Stored   bool                 `json:"stored"`
}

// ImportScenario makes a new scenario of a plan file: its groups become
// mergers on the base, checked like every scenario (unknown numbers, a
// municipality twice, groups that are not contiguous, …), each problem at
// its place. EINVALID with the problems when there are any; nothing is
// stored then. ECONFLICT for a used id.
func (a *App) ImportScenario(ctx context.Context, pi PlanImport) (*PlanImported, error) {
	name := strings.TrimSpace(pi.Name)
	if name == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "give the new scenario a name")
	}
	if pi.FileName == "" {
		pi.FileName = "file"
	}
	st := pi.Structure
	if st == 0 {
		st = generalist.Structure2024
	}
	if err := st.Validate(); err != nil {
		return nil, err
	}
	year := pi.Year
	if year == 0 {
		years, err := a.Store.PopulationYears(ctx, st)
		if err != nil {
			return nil, err
		}
		if len(years) == 0 {
			return nil, generalist.Errorf(generalist.ENOTFOUND, "no population data on the %d structure", st)
		}
		year = years[len(years)-1]
	}
	format := pi.Format
	if format == "" {
		format = FormatCSV
		if t := bytes.TrimLeft(bytes.TrimPrefix(pi.File, []byte("\ufeff")), " \t\r\n"); len(t) > 0 && t[0] == '{' {
			format = FormatGeoJSON
		}
	}
	var as []planfile.Assignment
	var ps planfile.Problems
	switch format {
	case FormatCSV, FormatCSVExcel:
		as, ps = planfile.ReadCSV(pi.File, pi.FileName)
	case FormatGeoJSON:
		as, ps = planfile.ReadGeoJSON(pi.File, pi.FileName)
	default:
		return nil, generalist.Errorf(generalist.EINVALID, "format %q: give csv or geojson", format)
	}
	res := &PlanImported{Problems: ps}
	if len(ps) > 0 {
		return res, ps.Err()
	}
	if len(as) == 0 {
		// A header alone, or a FeatureCollection without features: no
		// plan, so no scenario.
		return res, generalist.Errorw(generalist.EINVALID, "err.plan.norows", "%s: the file has no rows: give a row (in GeoJSON a feature) per municipality, with kommunenummer and gruppe", pi.FileName)
	}
	in, err := a.Base(ctx, st, year, TodayOptions{})
	if err != nil {
		return nil, err
	}
	mergers, ps := planfile.Mergers(as, in.Municipalities)
	if res.Problems = ps; len(ps) > 0 {
		return res, ps.Err()
	}
	sc := &generalist.Scenario{ID: pi.ID, Name: name, Description: strings.TrimSpace(pi.Description), Author: pi.Author, Structure: st, Year: year}
	for _, m := range mergers {
		sc.Mergers = append(sc.Mergers, m.Merger)
	}
	problems, err := a.Validate(ctx, sc)
	if err != nil {
		return nil, err
	}
	if res.Problems = planfile.MapProblems(pi.FileName, mergers, problems); len(res.Problems) > 0 {
		return res, res.Problems.Err()
	}
	res.Scenario = sc
	switch {
	case pi.DryRun:
		if sc.ID == "" {
			if sc.ID, err = a.freeScenarioID(ctx, name); err != nil {
				return nil, err
			}
		}
		return res, nil
	case sc.ID != "":
		// An id the client chose: taken is a conflict.
		if err := a.CreateScenario(ctx, sc); err != nil {
			return res, err
		}
	default:
		// An id made from the name, as every named save does.
		stored, err := a.saveNamed(ctx, name, pi.Author, func(id string) (*generalist.Scenario, error) {
			c := *sc
			c.ID = id
			return &c, nil
		})
		if err != nil {
			return res, err
		}
		res.Scenario = stored
	}
	res.Stored = true
	return res, nil
}

// freeScenarioID makes an id from a name ("Sammenslåing i Nord" →
// "sammenslaing-i-nord") that no stored or example scenario has.
func (a *App) freeScenarioID(ctx context.Context, name string) (string, error) {
	base := slug(name)
	list, err := a.Scenarios(ctx, true)
	if err != nil {
		return "", err
	}
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			suffix := fmt.Sprintf("-%d", i)
			id = base[:min(len(base), 64-len(suffix))] + suffix
		}
		if !slices.ContainsFunc(list, func(l Listed) bool { return l.ID == id }) {
			return id, nil
		}
	}
}

// maxSaveTries bounds saveNamed's tries for a free id.
const maxSaveTries = 100

// saveNamed stores the scenario build makes, under an id made from name
// (freeScenarioID) and with author as its author, as the saved searches
// and regions do. build refuses what has nothing to save. When another
// request takes the id in between, it tries again with the next free id:
// of the requests racing for an id one wins each round, so the bound is
// the number of requests racing, not a guess of a few.
func (a *App) saveNamed(ctx context.Context, name, author string, build func(id string) (*generalist.Scenario, error)) (*generalist.Scenario, error) {
	if name == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "name: give the scenario a name")
	}
	for try := 0; ; try++ {
		id, err := a.freeScenarioID(ctx, name)
		if err != nil {
			return nil, err
		}
		sc, err := build(id)
		if err != nil {
			return nil, err
		}
		sc.Author = author
		err = a.CreateScenario(ctx, sc)
		if generalist.ErrorCode(err) == generalist.ECONFLICT && try < maxSaveTries {
			continue // the id was taken in between
		}
		if err != nil {
			return nil, err
		}
		return sc, nil
	}
}

// slug is a scenario id made of a name: lower case, æ ø å spelt ae o a,
// other runs of characters a dash, at most 64 characters.
func slug(name string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "Æ", "ae", "Ø", "o", "Å", "a", "á", "a", "č", "c", "đ", "d", "ŋ", "n", "š", "s", "ŧ", "t", "ž", "z")
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(r.Replace(name)) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "plan"
	}
	return b.String()
}
