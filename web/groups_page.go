package web

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/geomap"
	"generalist/internal/nbfmt"
	"generalist/optimize"
)

// The mode "regions" of /sok (search_groups.tmpl): choose tasks, a
// largest distance, a county and the options; see the regions on a map
// and in a table, the municipalities left out and why, the upper bound
// and the gap in plain words; an analyst saves the regions as a scenario
// (POST /sok/regioner/scenario). The form is a plain GET form: it works
// without JavaScript.

// groupsMode is the value of /sok's query parameter mode for the regions.
const groupsMode = "regions"

// groupsPage is the data of search_groups.tmpl.
type groupsPage struct {
	Req      app.GroupsCriteria
	Years    []int
	Counties []generalist.County
	Tasks    []groupsTaskChoice
	Result   *groupsJSON
	// FloorsText is the chosen tasks' floors in words ("legevakt 5,2
	// årsverk, …"); TaskNames the tasks' names in the order of the
	// result's floors.
	FloorsText string
	TaskNames  []string
	Rows       []groupsRow
	Exempt     []groupsExemptRow
	// Proven and Unproven count the exempt municipalities proven out of
	// reach and those the search left over; Joined is whether a region
	// joins several municipalities (there is a scenario to save).
	Proven, Unproven int
	Joined           bool
	SVG              template.HTML
	Message          string
	Error            string
	// ErrorTech is Error's English detail, shown under «Teknisk».
	ErrorTech string
	APIURL    string
	Query     string
	Millis    float64
}

type groupsTaskChoice struct {
	Task    *generalist.Task
	Checked bool
}

// groupsRow is one region of the table.
type groupsRow struct {
	Host       generalist.MunicipalityNumber
	HostName   string
	Members    []groupsMember
	Population float64
	FTE        []float64
	MaxKm      float64
}

type groupsMember struct {
	Number generalist.MunicipalityNumber
	Name   string
}

// groupsExemptRow is a municipality left out, with the reason in words.
type groupsExemptRow struct {
	Number generalist.MunicipalityNumber
	Name   string
	Reason string
	Proven bool
}

func (s *Server) handleGroupsPage(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	c, err := s.parseGroups(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	counties, years, err := s.choices(ctx, c.Structure)
	if err != nil {
		return err
	}
	cat, err := s.catalogue(ctx)
	if err != nil {
		return err
	}
	d := groupsPage{Req: c, Years: years, Counties: counties}
	for i := range cat.Tasks {
		if t := &cat.Tasks[i]; t.Staffing != nil {
			d.Tasks = append(d.Tasks, groupsTaskChoice{Task: t, Checked: slices.Contains(c.Tasks, t.ID)})
		}
	}
	if len(c.Tasks) > 0 {
		q := r.URL.Query()
		q.Del("mode")
		d.APIURL = "/api/v1/search/groups?" + q.Encode()
		d.Query = r.URL.Query().Encode()
		res, err := s.searchGroups(ctx, c)
		var inf *optimize.Infeasible
		switch {
		case errors.As(err, &inf):
			d.Error, _ = s.searchErrorText(ctx, lang, "grp.err", c.Structure, c.Year, err)
			d.ErrorTech = generalist.ErrorMessage(err)
		case generalist.ErrorCode(err) == generalist.EINVALID:
			d.Error, d.ErrorTech = errorText(lang, err)
		case err != nil:
			return err
		default:
			if err := d.fill(s, res, cat, lang); err != nil {
				return err
			}
		}
	}
	s.render(w, r, http.StatusOK, "search_groups.tmpl", page{Title: msg(lang, "grp.title"), Nav: "search", Structure: c.Structure, Data: d,
		Caveats: []string{msg(lang, "search.caveat"), msg(lang, "grp.caveat")}})
	return nil
}

// fill sets the result's rows, the exempt municipalities in words and the
// map.
func (d *groupsPage) fill(s *Server, res *groupsJSON, cat *generalist.Catalogue, lang string) error {
	d.Result, d.Millis = res, 1000*res.Seconds
	nf := nbfmt.For(lang)
	name := func(id string) string { return taskNameOf(cat, id, lang) }
	floors := make([]string, len(res.Floors))
	for i, f := range res.Floors {
		d.TaskNames = append(d.TaskNames, name(f.Task))
		floors[i] = sprintf(msg(lang, "grp.floor"), name(f.Task), paramText(nf, f.MinTeam))
	}
	d.FloorsText = strings.Join(floors, ", ")
	names := map[generalist.MunicipalityNumber]string{}
	if g, err := s.app.Graph(res.Criteria.Structure); err == nil {
		for _, n := range g.Nodes() {
			names[generalist.MunicipalityNumber(n.Code)] = n.Name
		}
	}
	for _, reg := range res.Regions {
		row := groupsRow{Host: reg.Host, HostName: reg.HostName, Population: reg.Population, FTE: reg.FTE, MaxKm: reg.MaxKm}
		for _, m := range reg.Members {
			row.Members = append(row.Members, groupsMember{Number: m, Name: names[m]})
		}
		d.Rows = append(d.Rows, row)
		d.Joined = d.Joined || len(reg.Members) > 1
	}
	slices.SortStableFunc(d.Rows, func(a, b groupsRow) int { return strings.Compare(a.HostName, b.HostName) })
	for _, e := range res.Exempt {
		tasks := make([]string, len(e.Tasks))
		for i, t := range e.Tasks {
			tasks[i] = name(t)
		}
		key := "grp.reason." + e.Kind
		if _, ok := messages[key]; !ok {
			key = "grp.reason.search"
		}
		reason := msg(lang, key)
		if strings.Contains(reason, "%") {
			reason = sprintf(reason, strings.Join(tasks, ", "), nf.Decimal(res.Criteria.MaxKm, 0))
		}
		proven := e.Kind != "search"
		if proven {
			d.Proven++
		} else {
			d.Unproven++
		}
		d.Exempt = append(d.Exempt, groupsExemptRow{Number: e.Number, Name: e.Name, Reason: reason, Proven: proven})
	}
	m := s.mapOf(res.Criteria.Structure)
	if m == nil {
		d.Message = msg(lang, "map.nomap")
		return nil
	}
	// The legend lists what the colours mean, in a fixed order: regions
	// (neighbours differ), alone, left out; each only if it occurs.
	var gr geomap.Groups
	cats := map[string]int{}
	var joined, alone bool
	for _, reg := range res.Regions {
		joined = joined || len(reg.Members) > 1
		alone = alone || len(reg.Members) == 1
	}
	for _, c := range []struct {
		key string
		on  bool
	}{{"grp.key.region", joined}, {"grp.key.alone", alone}, {"grp.key.exempt", len(res.Exempt) > 0}} {
		if c.on {
			cats[c.key] = len(gr.Categories)
			gr.Categories = append(gr.Categories, msg(lang, c.key))
		}
	}
	catOf := func(key string) int { return cats[key] }
	for _, reg := range res.Regions {
		codes := make([]string, len(reg.Members))
		for i, m := range reg.Members {
			codes[i] = string(m)
		}
		gr.Members = append(gr.Members, codes)
		if len(reg.Members) == 1 {
			gr.Labels = append(gr.Labels, msg(lang, "grp.map.alone"))
			gr.Category = append(gr.Category, catOf("grp.key.alone"))
		} else {
			gr.Labels = append(gr.Labels, sprintf(msg(lang, "grp.map.region"), reg.HostName, len(reg.Members)))
			gr.Category = append(gr.Category, catOf("grp.key.region"))
		}
	}
	gr.Colours = regionColours(s, res, gr.Members)
	if len(res.Exempt) > 0 {
		var out []string
		for _, e := range res.Exempt {
			out = append(out, string(e.Number))
		}
		gr.Members = append(gr.Members, out)
		gr.Colours = append(gr.Colours, len(groupPalette))
		gr.Labels = append(gr.Labels, msg(lang, "grp.map.exempt"))
		gr.Category = append(gr.Category, catOf("grp.key.exempt"))
	}
	opt := geomap.Options{Palette: append(slices.Clone(groupPalette), exemptColour), Width: 640, Lang: lang, ID: "regions",
		NoDataLabel: msg(lang, "grp.map.outside"), Link: func(code string) string { return "/kommune/" + code }}
	if c := res.Criteria.County; c != "" {
		for _, g := range gr.Members {
			opt.Focus = append(opt.Focus, g...)
		}
	}
	var b bytes.Buffer
	if err := m.RenderGroups(&b, gr, opt); err != nil {
		return err
	}
	d.SVG = skipPast("regions-map", template.HTML(b.String()), lang) // produced by geomap, escaped there
	return nil
}

// taskNameOf is the name of task id in lang, or the id when the
// catalogue has no such task.
func taskNameOf(cat *generalist.Catalogue, id, lang string) string {
	if t := taskByID(cat, id); t != nil {
		if lang == "en" {
			return t.NameEN
		}
		return t.NameNB
	}
	return id
}

// exemptColour fills the municipalities left out of the regions: white,
// apart from the regions' colours and the hatch of those not searched.
const exemptColour = "#ffffff"

// regionColours colours the regions so that neighbours differ, as the
// structure search's groups (colourGroups); regions of one municipality
// get the grey.
func regionColours(s *Server, res *groupsJSON, members [][]string) []int {
	g, err := s.app.Graph(res.Criteria.Structure)
	if err != nil {
		return nil
	}
	asg := make([]int, g.Len())
	for i := range asg {
		asg[i] = -1
	}
	idx := make([][]int, len(members))
	for k, codes := range members {
		for _, code := range codes {
			if n, ok := g.Lookup(code); ok {
				asg[n.ID] = k
				idx[k] = append(idx[k], n.ID)
			}
		}
	}
	// colourGroups needs every node in a group: the others (left out, or
	// outside the county) form one more group, whose colour is dropped.
	rest := len(members)
	var restIdx []int
	for v, k := range asg {
		if k < 0 {
			asg[v] = rest
			restIdx = append(restIdx, v)
		}
	}
	colours := colourGroups(g, asg, append(idx, restIdx))
	return colours[:len(members)]
}

// handleGroupsSave serves POST /sok/regioner/scenario: the regions of the
// form's search, saved as a scenario (app.SaveGroups); then the
// comparison with today's system.
func (s *Server) handleGroupsSave(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 64<<10)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	lang := langOf(r)
	name, r2, err := searchOfForm(r)
	if err != nil {
		return err
	}
	c, err := s.parseGroups(r2)
	if err != nil {
		return err
	}
	if len(c.Tasks) == 0 {
		return generalist.Errorf(generalist.EINVALID, "the form carries no search; run the search again")
	}
	res, err := s.searchGroups(r.Context(), c)
	if err != nil {
		return err
	}
	if name == "" {
		cat, err := s.catalogue(r.Context())
		if err != nil {
			return err
		}
		tasks := make([]string, len(c.Tasks))
		for i, t := range c.Tasks {
			tasks[i] = taskNameOf(cat, t, lang)
		}
		name = sprintf(msg(lang, "grp.save.defname"), strings.Join(tasks, ", "), int(res.Criteria.Structure), res.Criteria.Year)
	}
	sc, err := s.app.SaveGroups(r.Context(), res.GroupsResult, name, viewerOf(r).Name())
	if err != nil {
		return err
	}
	s.invalidate()
	redirectFlash(w, r, "/scenarier/sammenlign?"+url.Values{"id": {sc.ID}}.Encode(), "flash.scenario.fromplan")
	return nil
}
