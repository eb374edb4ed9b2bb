package web

import (
	_ "embed"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// The pages about the service itself: /om says who runs it, which data it
// rests on under which licences, and which version runs; /tilgjengelighet
// is the accessibility statement (tilgjengelighetserklæring).

func (s *Server) aboutRoutes() {
	s.page("GET /om", accessPublic, s.handleAbout)
	s.page("GET /tilgjengelighet", accessPublic, s.handleAccessibility)
}

// aboutPage is what /om shows.
type aboutPage struct {
	Operator, Contact string
	Version           buildVersion
	Catalogue         string
	// Sources are the distinct attributions of the loaded datasets, and
	// Datasets the datasets themselves (shown under "Teknisk").
	Sources  []string
	Datasets []datasetRow
	Loaded   time.Time
}

// datasetRow is a loaded dataset as the technical table shows it.
type datasetRow struct {
	Name   string
	Rows   float64 // for the number formatter
	SHA256 string
}

// buildVersion is what the Go toolchain stamped into the binary.
type buildVersion struct {
	Revision string // the commit, shortened; empty when not stamped
	Time     time.Time
	Modified bool // built from a working tree with uncommitted changes
	Go       string
}

// readBuildVersion reads the version control stamp of the running binary
// (go build stamps it; go run and tests may not).
func readBuildVersion() buildVersion {
	var v buildVersion
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Go = bi.GoVersion
	for _, st := range bi.Settings {
		switch st.Key {
		case "vcs.revision":
			v.Revision = st.Value
			if len(v.Revision) > 12 {
				v.Revision = v.Revision[:12]
			}
		case "vcs.time":
			v.Time, _ = time.Parse(time.RFC3339, st.Value)
		case "vcs.modified":
			v.Modified = st.Value == "true"
		}
	}
	return v
}

func (s *Server) handleAbout(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	ds, err := s.store.Datasets(ctx)
	if err != nil {
		return err
	}
	cat, err := s.app.Catalogue(ctx)
	if err != nil {
		return err
	}
	d := aboutPage{Operator: s.cfg.Operator, Contact: s.cfg.Contact, Version: readBuildVersion(), Catalogue: cat.Version}
	for _, x := range ds {
		d.Datasets = append(d.Datasets, datasetRow{Name: x.Name, Rows: float64(x.Rows), SHA256: x.SHA256})
		// "Kilde:" is what a figure's caption says; a list of sources
		// needs no such label.
		src := strings.TrimPrefix(strings.TrimPrefix(x.Source, "Kilde: "), "Source: ")
		if src != "" && !slices.Contains(d.Sources, src) {
			d.Sources = append(d.Sources, src)
		}
		if x.LoadedAt.After(d.Loaded) {
			d.Loaded = x.LoadedAt
		}
	}
	slices.Sort(d.Sources)
	s.render(w, r, http.StatusOK, "about.tmpl", page{Title: msg(langOf(r), "about.title"), Nav: "about", Data: d})
	return nil
}

// a11yKnown is the list of known accessibility findings that the
// accessibility test holds the pages to (see a11y_test.go); the statement
// lists them as known deviations, so it cannot claim more than the test
// shows.
//
//go:embed a11y_known.txt
var a11yKnown string

// a11yDeviation is one kind of known deviation in the statement: a rule
// of the automatic test, the WCAG success criterion it concerns, and the
// pages where it occurs.
type a11yDeviation struct {
	Rule      string // the test's rule
	Key       string // the message that describes it
	Criterion string // e.g. "1.4.10"
	Pages     []string
	Narrow    bool // occurs only at the phone width
}

type accessibilityPage struct {
	Deviations []a11yDeviation
	// Manual are the message keys of deviations found by review, not by
	// the automatic test.
	Manual  []string
	Updated time.Time // date of the known-findings list, as written in it
	Contact string
}

// a11yCriteria maps the rules of the automatic test to WCAG 2.1 success
// criteria (axe-core's own tags for its rules).
var a11yCriteria = map[string]string{
	"horizontal-scroll":           "1.4.10",
	"scrollable-region-focusable": "2.1.1",
	"color-contrast":              "1.4.3",
	"image-alt":                   "1.1.1",
	"label":                       "4.1.2",
	"link-name":                   "4.1.2",
	"button-name":                 "4.1.2",
	"aria-required-children":      "1.3.1",
	"list":                        "1.3.1",
	"listitem":                    "1.3.1",
	"nested-interactive":          "4.1.2",
	"svg-img-alt":                 "1.1.1",
}

// parseA11yKnown groups the known findings by rule, in the order the
// rules first appear, and returns the date the list was updated.
func parseA11yKnown(text string) ([]a11yDeviation, time.Time) {
	var out []a11yDeviation
	var updated time.Time
	widths := map[string]map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if d, ok := strings.CutPrefix(line, "# updated:"); ok {
			updated, _ = time.Parse(time.DateOnly, strings.TrimSpace(d))
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 || strings.HasPrefix(line, "#") {
			continue
		}
		path, width, rule := f[0], f[2], f[3]
		i := slices.IndexFunc(out, func(d a11yDeviation) bool { return d.Rule == rule })
		if i < 0 {
			out = append(out, a11yDeviation{Rule: rule, Criterion: a11yCriteria[rule]})
			i = len(out) - 1
			widths[rule] = map[string]bool{}
		}
		if !slices.Contains(out[i].Pages, path) {
			out[i].Pages = append(out[i].Pages, path)
		}
		widths[rule][width] = true
	}
	for i := range out {
		out[i].Key = "a11y.rule." + out[i].Rule
		if _, ok := messages[out[i].Key]; !ok {
			out[i].Key = "a11y.rule.other"
		}
		w := widths[out[i].Rule]
		out[i].Narrow = len(w) == 1 && w["390"]
		slices.Sort(out[i].Pages)
	}
	return out, updated
}

// a11yManual lists the known deviations found by review (issue 16's
// measurements of the maps) that no automatic rule catches; remove a key
// here, and its message, when the deviation is fixed.
// The maps' three (one keyboard stop per municipality and no way past,
// no visible focus, too little contrast between neighbouring colours) were
// fixed by the map figures (web/maps.go) and geomap's palettes; the
// tests are TestBrowserMaps and geomap's TestPaletteContrast.
var a11yManual = []string{}

func (s *Server) handleAccessibility(w http.ResponseWriter, r *http.Request) error {
	devs, updated := parseA11yKnown(a11yKnown)
	d := accessibilityPage{Deviations: devs, Manual: a11yManual, Updated: updated, Contact: s.cfg.Contact}
	s.render(w, r, http.StatusOK, "accessibility.tmpl", page{Title: msg(langOf(r), "a11y.title"), Nav: "a11y", Data: d})
	return nil
}
