package web

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/app"
)

// Importing an existing plan as a new scenario: a CSV with the columns
// kommunenummer and gruppe (optionally gruppenavn and senter), as the
// scenario table downloads, or a GeoJSON with those properties. Analysts
// only; the use case is app.ImportScenario, which checks the plan like
// every scenario and places each problem in the file. The page shows a
// preview (or the problems) before anything is stored, as the registry's
// import does (imc_import.go).

func (s *Server) scenarioImportRoutes() {
	s.page("GET /scenarier/importer", accessAnalyst, s.handleScenarioImportForm)
	s.page("POST /scenarier/importer", accessAnalyst, s.handleScenarioImport)
	s.api("POST /api/v1/scenarios/import", accessAnalyst, s.apiScenarioImport)
}

// scenarioImportPage is the import page's state.
type scenarioImportPage struct {
	FileName, Name, Description string
	Structure                   int
	Content                     string // the file, base64, once sent
	Result                      *app.PlanImported
	Mergers                     []scenarioImportMerger
	Problems                    []scenarioImportProblem
	// Error is a refusal in the page's language, ErrorTech its English
	// detail for «Teknisk» (empty when Error says it all).
	Error, ErrorTech string
	CSRF             string
}

type scenarioImportMerger struct {
	Name, Centre, Members string
	Count                 int
}

type scenarioImportProblem struct {
	Place, Column, Text string
}

func (s *Server) scenarioImportRender(w http.ResponseWriter, r *http.Request, status int, d *scenarioImportPage) {
	d.CSRF = s.csrfToken(w, r)
	if d.Structure == 0 {
		d.Structure = int(generalist.Structure2024)
	}
	s.render(w, r, status, "scenario_import.tmpl", page{Title: msg(langOf(r), "sc.import.title"), Nav: "scenarios", Data: d})
}

func (s *Server) handleScenarioImportForm(w http.ResponseWriter, r *http.Request) error {
	s.scenarioImportRender(w, r, http.StatusOK, &scenarioImportPage{})
	return nil
}

// handleScenarioImport previews (step=preview) or stores (step=import) a
// plan file sent as the file field or, from the preview, as content.
func (s *Server) handleScenarioImport(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	d := &scenarioImportPage{Name: strings.TrimSpace(r.FormValue("scenario_name")), Description: strings.TrimSpace(r.FormValue("description"))}
	// The structure is checked with the plan (app.ImportScenario), so
	// the page, the API and the command line refuse the same ones.
	st, err := formStructure(r.FormValue("structure"))
	if err != nil {
		d.Error, d.ErrorTech = errorText(lang, err)
		s.scenarioImportRender(w, r, http.StatusBadRequest, d)
		return nil
	}
	d.Structure = int(st)
	b, name, err := importUpload(r)
	if err != nil {
		d.Error, d.ErrorTech = errorText(lang, err)
		if errors.Is(err, errNoFile) {
			d.Error, d.ErrorTech = msg(lang, "imc.import.nofile"), ""
		}
		s.scenarioImportRender(w, r, http.StatusBadRequest, d)
		return nil
	}
	d.FileName, d.Content = name, base64.StdEncoding.EncodeToString(b)
	if d.Name == "" {
		d.Error = msg(lang, "sc.import.noname")
		s.scenarioImportRender(w, r, http.StatusBadRequest, d)
		return nil
	}
	confirm := r.FormValue("step") == "import"
	res, err := s.app.ImportScenario(r.Context(), app.PlanImport{File: b, FileName: name, Name: d.Name, Description: d.Description,
		Author: s.viewer(r).Name(), Structure: st, DryRun: !confirm})
	d.Result = res
	if res != nil {
		for _, p := range res.Problems {
			place := ""
			switch {
			case p.Line > 0:
				place = sprintf(msg(lang, "sc.import.atline"), p.Line)
			case p.Feature > 0:
				place = sprintf(msg(lang, "sc.import.atfeature"), p.Feature)
			}
			d.Problems = append(d.Problems, scenarioImportProblem{Place: place, Column: p.Column, Text: p.Message})
		}
		if sc := res.Scenario; sc != nil {
			for _, m := range sc.Mergers {
				ms := make([]string, len(m.Members))
				for i, n := range m.Members {
					ms[i] = string(n)
				}
				d.Mergers = append(d.Mergers, scenarioImportMerger{Name: m.Name, Centre: string(m.Centre), Members: strings.Join(ms, ", "), Count: len(m.Members)})
			}
		}
	}
	switch {
	case err != nil && len(d.Problems) == 0:
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, d.ErrorTech = errorText(lang, err)
		s.scenarioImportRender(w, r, statusOf[generalist.ErrorCode(err)], d)
	case err != nil:
		s.scenarioImportRender(w, r, statusOf[generalist.ErrorCode(err)], d)
	case res.Stored:
		s.invalidate()
		s.log.Info("scenario imported", "id", res.Scenario.ID, "file", name, "author", s.viewer(r).Name(), "remote", r.RemoteAddr)
		redirectFlash(w, r, "/scenarier/sammenlign?id="+url.QueryEscape(res.Scenario.ID), "flash.scenario.imported")
	default:
		s.scenarioImportRender(w, r, http.StatusOK, d)
	}
	return nil
}

// formStructure reads the form's structure: empty is the default (0),
// a number is checked by the import, anything else is refused here.
func formStructure(v string) (generalist.Structure, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, generalist.Errorw(generalist.EINVALID, "err.structure.unknown", "structure %q: must be one of 2019, 2020, 2024", v)
	}
	return generalist.Structure(n), nil
}

// apiScenarioImport stores the body as a new scenario: CSV (text/csv) or
// GeoJSON (application/geo+json or application/json; else from the first
// character), with ?name= (required), ?description=, ?id=, ?structure=,
// ?year= and ?dry_run=1. A refused plan is 400 with every problem at its
// place; nothing is stored. A stored one is 201 with the scenario.
func (s *Server) apiScenarioImport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	b, format, err := importBody(w, r, map[string]string{"application/json": app.FormatGeoJSON, "application/geo+json": app.FormatGeoJSON,
		"text/csv": app.FormatCSV, "text/tab-separated-values": app.FormatCSV})
	if err != nil {
		return err
	}
	num := func(name string) (int, error) {
		v := q.Get(name)
		if v == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, generalist.Errorf(generalist.EINVALID, "query parameter %s %q: must be a whole number", name, v)
		}
		return n, nil
	}
	st, err := num("structure")
	if err != nil {
		return err
	}
	year, err := num("year")
	if err != nil {
		return err
	}
	dry, err := boolParam(q, "dry_run")
	if err != nil {
		return err
	}
	res, err := s.app.ImportScenario(r.Context(), app.PlanImport{File: b, FileName: "request body", Format: format, ID: q.Get("id"), Name: q.Get("name"),
		Description: q.Get("description"), Author: s.viewer(r).Name(), Structure: generalist.Structure(st), Year: year, DryRun: dry})
	if err != nil {
		if res == nil || !writeRefused(w, err, res.Problems, nil) {
			return err
		}
		return nil
	}
	status := http.StatusOK
	if res.Stored {
		s.invalidate()
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
	return nil
}
