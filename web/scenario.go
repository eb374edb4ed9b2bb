package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/report"
	"generalist/sim"
)

// signedIn reports whether the request comes from a signed-in user, who
// may see the stored scenarios (analysts' working material).
func signedIn(ctx context.Context) bool {
	v, _ := ctx.Value(viewerKey).(viewer)
	return v.User != nil
}

// scenarios lists the stored scenarios (signed-in users only) followed by
// the shipped examples.
func (s *Server) scenarios(ctx context.Context) ([]app.Listed, error) {
	return s.app.Scenarios(ctx, signedIn(ctx))
}

// scenario finds a stored or example scenario by id.
func (s *Server) scenario(ctx context.Context, id string) (*generalist.Scenario, error) {
	return s.app.Scenario(ctx, id, signedIn(ctx))
}

// --- API

func (s *Server) apiScenarios(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.scenarioList) // the public's answer from memory (public.go)
}

func (s *Server) scenarioList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.scenarios(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"scenarios": list})
	return nil
}

func (s *Server) apiScenario(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.scenario(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sc)
	return nil
}

func (s *Server) apiScenarioOutcome(w http.ResponseWriter, r *http.Request) error {
	sc, opts, err := s.pathScenario(r)
	if err != nil {
		return err
	}
	// The encoded outcome is cached too: it is large (every unit), and
	// encoding it would otherwise dominate the request.
	return s.cachedJSON(w, r, "api/outcome/"+opts.Key()+"/"+app.ScenarioKey(sc), func() (any, error) { return s.app.Evaluate(r.Context(), sc, opts) })
}

// apiCompare serves GET /api/v1/compare?id=a&id=b: today's system and the
// scenarios side by side (all on the first scenario's structure and year),
// and each merger's economy.
func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) error {
	scs, opts, err := s.requestedComparison(r)
	if err != nil {
		return err
	}
	outs, err := s.app.Compare(r.Context(), scs, opts)
	if err != nil {
		return err
	}
	// Each merger's economy, as the comparison page and the reports show
	// it (absent when no scenario has a merger).
	e, err := s.app.ComparisonEconomy(r.Context(), scs)
	if err != nil {
		return err
	}
	body := map[string]any{"outcomes": outs}
	if e != nil {
		body["merger_economy"] = e
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (s *Server) compare(r *http.Request) ([]*sim.Outcome, error) {
	scs, opts, err := s.requestedComparison(r)
	if err != nil {
		return nil, err
	}
	return s.app.Compare(r.Context(), scs, opts)
}

// pathScenario returns the stored or example scenario the path's {id}
// names, and today's cooperation the request asks it to be evaluated on.
func (s *Server) pathScenario(r *http.Request) (*generalist.Scenario, app.TodayOptions, error) {
	sc, err := s.scenario(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, app.TodayOptions{}, err
	}
	opts, err := todayOptions(r)
	if err != nil {
		return nil, app.TodayOptions{}, err
	}
	return sc, opts, nil
}

// requestedComparison returns the scenarios ?id= names
// (requestedScenarios) and today's cooperation the request asks them to
// be compared on.
func (s *Server) requestedComparison(r *http.Request) ([]*generalist.Scenario, app.TodayOptions, error) {
	scs, err := s.requestedScenarios(r)
	if err != nil {
		return nil, app.TodayOptions{}, err
	}
	opts, err := todayOptions(r)
	if err != nil {
		return nil, app.TodayOptions{}, err
	}
	return scs, opts, nil
}

// requestedScenarios finds the scenarios named by ?id=a&id=b (or id=a,b).
func (s *Server) requestedScenarios(r *http.Request) ([]*generalist.Scenario, error) {
	ids := scenarioIDs(r)
	if len(ids) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "query parameter id: name at least one scenario")
	}
	if len(ids) > app.MaxCompared {
		return nil, generalist.Errorf(generalist.EINVALID, "query parameter id: at most %d scenarios side by side, not %d", app.MaxCompared, len(ids))
	}
	var scs []*generalist.Scenario
	for _, id := range ids {
		sc, err := s.scenario(r.Context(), id)
		if err != nil {
			return nil, err
		}
		scs = append(scs, sc)
	}
	return scs, nil
}

// readScenario decodes a request body (at most 1 MB, 413 over it)
// strictly.
func readScenario(w http.ResponseWriter, r *http.Request) (*generalist.Scenario, error) {
	b, err := io.ReadAll(maxBytes(w, r, 1<<20))
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "request body: %v", err)
	}
	return generalist.ParseScenario(b, "request body")
}

// apiEvaluate serves POST /api/v1/evaluate: the outcome of the scenario in
// the body, without storing it (for editors that try changes).
func (s *Server) apiEvaluate(w http.ResponseWriter, r *http.Request) error {
	sc, err := readScenario(w, r)
	if err != nil {
		return err
	}
	sc.ID = "" // never served from the cache of a stored scenario
	opts, err := todayOptions(r)
	if err != nil {
		return err
	}
	// The slot is held only while computing: never while the client sends
	// the body or reads the answer, which a slow client could stretch.
	raw, err := func() ([]byte, error) {
		release, err := admit(r.Context())
		if err != nil {
			return nil, err
		}
		defer release()
		out, err := s.app.Evaluate(r.Context(), sc, opts)
		if err != nil {
			return nil, err
		}
		return json.Marshal(out) // compact: the outcome lists every unit
	}()
	if err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, "application/json", append(raw, '\n'))
	return nil
}

// readStoredScenario reads the scenario to store from a body that must be
// JSON (a cross-site form or no-cors fetch cannot send that without a
// preflight).
func readStoredScenario(w http.ResponseWriter, r *http.Request) (*generalist.Scenario, error) {
	if err := requireJSON(r, "the scenario"); err != nil {
		return nil, err
	}
	return readScenario(w, r)
}

func (s *Server) apiCreateScenario(w http.ResponseWriter, r *http.Request) error {
	sc, err := readStoredScenario(w, r)
	if err != nil {
		return err
	}
	if err := s.app.CreateScenario(r.Context(), sc); err != nil {
		return err
	}
	s.invalidate()
	writeJSON(w, http.StatusCreated, sc)
	return nil
}

func (s *Server) apiUpdateScenario(w http.ResponseWriter, r *http.Request) error {
	sc, err := readStoredScenario(w, r)
	if err != nil {
		return err
	}
	if sc.ID != r.PathValue("id") {
		return generalist.Errorf(generalist.EINVALID, "the body's id %q differs from the path's %q", sc.ID, r.PathValue("id"))
	}
	if err := s.app.UpdateScenario(r.Context(), sc); err != nil {
		return err
	}
	s.invalidate()
	writeJSON(w, http.StatusOK, sc)
	return nil
}

func (s *Server) apiDeleteScenario(w http.ResponseWriter, r *http.Request) error {
	if err := s.app.DeleteScenario(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	s.invalidate()
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// --- pages

type scenariosPage struct {
	List []app.Listed
	// Analyst may delete the stored scenarios; CSRF is the token the
	// delete forms carry.
	Analyst bool
	CSRF    string
}

func (s *Server) handleScenarios(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.scenariosPage) // the public's answer from memory (public.go)
}

func (s *Server) scenariosPage(w http.ResponseWriter, r *http.Request) error {
	list, err := s.scenarios(r.Context())
	if err != nil {
		return err
	}
	d := scenariosPage{List: list}
	if isAnalyst(r) {
		d.Analyst, d.CSRF = true, s.csrfToken(w, r)
	}
	s.render(w, r, http.StatusOK, "scenarios.tmpl", page{Title: msg(langOf(r), "nav.scenarios"), Nav: "scenarios", Data: d})
	return nil
}

// handleScenarioDelete serves POST /scenarier/slett: an analyst deletes a
// stored scenario from the list, which then confirms it.
func (s *Server) handleScenarioDelete(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 16<<10)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	id := strings.TrimSpace(r.PostForm.Get("id"))
	if id == "" {
		return generalist.Errorf(generalist.EINVALID, "the form names no scenario; reload the list")
	}
	if err := s.app.DeleteScenario(r.Context(), id); err != nil {
		return err
	}
	s.invalidate()
	redirectFlash(w, r, "/scenarier", "flash.scenario.deleted")
	return nil
}

// handleScenarioReport serves GET /scenarier/rapport?id=…&format=html|md|csv|csv-excel:
// the comparison as a self-contained download, in the page's language.
func (s *Server) handleScenarioReport(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	write := map[string]func(io.Writer, *report.Comparison) error{"": report.HTML, "html": report.HTML, "md": report.Markdown, "csv": report.CSV, formatExcel: report.CSV}[format]
	if write == nil {
		return generalist.Errorf(generalist.EINVALID, "query parameter format %q: must be html, md, csv or %s", format, formatExcel)
	}
	scs, opts, err := s.requestedComparison(r)
	if err != nil {
		return err
	}
	c, err := s.app.Report(r.Context(), app.DefaultReportTitle, scs, opts)
	if err != nil {
		return err
	}
	c.Lang = langOf(r)
	if format == formatExcel {
		c.NumberLang = "nb" // Excel with Norwegian settings reads "3,402" as 3.402
	}
	var buf bytes.Buffer
	if err := write(&buf, c); err != nil {
		return err
	}
	ids := make([]string, len(scs))
	for i, sc := range scs {
		ids[i] = sc.ID
	}
	name := reportFileName(c.Lang, ids, s.cfg.Now())
	ext, ctype := "html", "text/html; charset=utf-8"
	switch format {
	case "md":
		ext, ctype = "md", "text/markdown; charset=utf-8"
	case "csv", formatExcel:
		writeFormat(w, format, name, buf.Bytes())
		return nil
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, ext))
	writeBytes(w, http.StatusOK, ctype, buf.Bytes())
	return nil
}

func scenarioIDs(r *http.Request) []string {
	ids := r.URL.Query()["id"]
	if len(ids) == 1 && strings.Contains(ids[0], ",") {
		ids = strings.Split(ids[0], ",")
	}
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func uniqueCodes(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}
