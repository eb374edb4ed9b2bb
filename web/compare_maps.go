package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"generalist"
	"generalist/app"
	"generalist/geomap"
	"generalist/sim"
)

// cmpMaps are some of the comparison's maps: per outcome the tasks below
// the robust minimum in each municipality (Kind ""), all on the same
// colour classes (Limits), or per scenario the change from today (Kind
// "endring"), each kind on one Scale computed by geomap over all the
// outcomes' values. A national map weighs about 50 KB compressed, so a
// page holds at most mapsPerPage of them and links to the others (Pages).
type cmpMaps struct {
	Kind  string
	Maps  []template.HTML
	Scale geomap.Scale
	// Back is the comparison these maps belong to; Pages the views of the
	// maps, the current one marked.
	Back  string
	Pages []cmpMapPage
}

// cmpMapPage is a link to one page of maps.
type cmpMapPage struct {
	Label, URL string
	Current    bool
}

// mapsPerPage keeps a page of maps under the page-weight limit (300 KB
// compressed, issue 16): four national maps and the page around them.
const mapsPerPage = 4

// handleScenarioCompareMaps serves GET /scenarier/sammenlign/kart?id=…
// [&vis=endring][&side=N]: the comparison's maps, its heavy part, on a
// page of their own; with fragment=1 only the maps, which the comparison
// fetches into its page when the reader opens them.
func (s *Server) handleScenarioCompareMaps(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	kind := q.Get("vis")
	if kind != "" && kind != "endring" {
		return generalist.Errorf(generalist.EINVALID, "query parameter vis %q: must be empty or endring", kind)
	}
	pageNo := 1
	if v := q.Get("side"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > app.MaxCompared {
			return generalist.Errorf(generalist.EINVALID, "query parameter side %q: must be a page number from 1 to %d", v, app.MaxCompared)
		}
		pageNo = n
	}
	outs, err := s.compare(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	m, err := s.compareMaps(outs, lang, kind, pageNo, compareQuery(q))
	if err != nil {
		return err
	}
	if q.Get("fragment") == "1" {
		rememberLang(w, r)
		var buf bytes.Buffer
		if err := s.pages[lang].ExecuteTemplate(&buf, "cmpmaps", m); err != nil {
			return fmt.Errorf("render the comparison's maps: %w", err)
		}
		writeBytes(w, http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
		return nil
	}
	d := comparePage{Outcomes: outs, Maps: m}
	s.render(w, r, http.StatusOK, "scenario.tmpl", page{Title: msg(lang, "cmp.maps.title"), Nav: "scenarios", Data: d})
	return nil
}

// shortfalls gives, per municipality of an outcome, the number of tasks
// below the robust minimum of its unit (absent where the population is
// unknown), and the municipalities that merge.
func shortfalls(o *sim.Outcome) (map[string]float64, []string) {
	v := map[string]float64{}
	var merged []string
	for _, u := range o.Units {
		for _, m := range u.Members {
			if u.Population.Known {
				v[string(m)] = float64(len(u.Shortfalls))
			}
			if len(u.Members) > 1 {
				merged = append(merged, string(m))
			}
		}
	}
	return v, merged
}

// sharedScale computes the colour classes once over every outcome's
// shortfalls (Kind "") or every scenario's change from today ("endring"),
// so that the maps side by side use the same classes.
func sharedScale(outs []*sim.Outcome, kind string) geomap.Scale {
	var all []map[string]float64
	for i, o := range outs {
		if kind == "" {
			v, _ := shortfalls(o)
			all = append(all, v)
		} else if i > 0 {
			all = append(all, improvement(outs[0], o))
		}
	}
	return geomap.NewScale(5, geomap.Quantile, all...)
}

// improvement is, per municipality, how many fewer tasks are below the
// robust minimum in the scenario o than today (negative: more).
func improvement(today, o *sim.Outcome) map[string]float64 {
	base, _ := shortfalls(today)
	vals, _ := shortfalls(o)
	diff := map[string]float64{}
	for k, v := range vals {
		if b, ok := base[k]; ok {
			diff[k] = b - v
		}
	}
	return diff
}

// compareMaps renders page pageNo of the maps of kind, and the links to
// every page of both kinds.
func (s *Server) compareMaps(outs []*sim.Outcome, lang, kind string, pageNo int, q url.Values) (*cmpMaps, error) {
	gm := s.mapOf(outs[0].Structure)
	if gm == nil {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no map of the %d structure", outs[0].Structure)
	}
	m := &cmpMaps{Kind: kind, Scale: sharedScale(outs, kind), Back: "/scenarier/sammenlign?" + q.Encode()}
	// The maps of each kind: the shortfall of every outcome, and the
	// improvement of every scenario.
	kinds := []struct {
		kind, label string
		first, n    int // outcomes drawn
	}{{"", "cmp.maps.short", 0, len(outs)}, {"endring", "cmp.maps.diff", 1, len(outs) - 1}}
	for _, k := range kinds {
		pages := (k.n + mapsPerPage - 1) / mapsPerPage
		for p := 1; p <= pages; p++ {
			c := url.Values{}
			for key, v := range q {
				c[key] = v
			}
			if k.kind != "" {
				c.Set("vis", k.kind)
			}
			if p > 1 {
				c.Set("side", strconv.Itoa(p))
			}
			label := msg(lang, k.label)
			if pages > 1 {
				label = sprintf(msg(lang, "cmp.maps.pageof"), label, p, pages)
			}
			m.Pages = append(m.Pages, cmpMapPage{Label: label, URL: "/scenarier/sammenlign/kart?" + c.Encode(), Current: k.kind == kind && p == pageNo})
		}
		if k.kind != kind {
			continue
		}
		from := k.first + (pageNo-1)*mapsPerPage
		if pageNo > 1 && from >= k.first+k.n {
			return nil, generalist.Errorf(generalist.ENOTFOUND, "there is no page %d of these maps (there are %d)", pageNo, pages)
		}
		to := min(from+mapsPerPage, k.first+k.n)
		link := func(code string) string { return "/kommune/" + code }
		heads := compareHeads(outs, lang)
		for i := from; i < to; i++ {
			o := outs[i]
			vals, merged := shortfalls(o)
			opt := geomap.Options{Values: vals, Title: heads[i], Unit: msg(lang, "shortcount"), Scale: &m.Scale,
				Source: msg(lang, "cmp.maps.src"), Highlight: fewCodes(merged), Width: 300, Lang: lang, ID: fmt.Sprintf("cmp%d", i), Link: link}
			if kind == "endring" {
				opt = geomap.Options{Values: improvement(outs[0], o), Title: sprintf(msg(lang, "cmp.maps.difftitle"), o.Scenario), Unit: msg(lang, "cmp.maps.diffunit"),
					Source: msg(lang, "cmp.maps.src"), Width: 300, Lang: lang, ID: fmt.Sprintf("diff%d", i), Scale: &m.Scale, Link: link}
			}
			fig, err := s.mapFigure(gm, opt, lang)
			if err != nil {
				return nil, err
			}
			m.Maps = append(m.Maps, fig)
		}
	}
	return m, nil
}

// fewCodes outlines the merged municipalities when they are few enough
// to pick out; outlining a whole country's mergers turns the map black.
func fewCodes(codes []string) []string {
	codes = uniqueCodes(codes)
	if len(codes) > 30 {
		return nil
	}
	return codes
}
