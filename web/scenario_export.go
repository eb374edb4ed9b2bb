package web

import (
	"net/http"
	"net/url"
	"strconv"

	"generalist"
	"generalist/app"
	"generalist/internal/nbfmt"
)

// A scenario's files: its municipalities as GeoJSON (merged ones
// dissolved) and its assignment table as CSV, from the API and as links
// on the comparison page, where a stored scenario also shows its stable
// address and whether it is published (scenario_share.go). Who may read a
// scenario may download it (app.Scenario).

func (s *Server) scenarioFileRoutes() {
	s.api("GET /api/v1/scenarios/{id}/export", accessPublic, s.apiScenarioExport)
	s.scenarioImportRoutes()
	s.scenarioShareRoutes()
}

// apiScenarioExport serves GET /api/v1/scenarios/{id}/export?format=
// geojson|csv|csv-excel (&crs=25833 for GeoJSON in UTM 33N) as a
// download, on today's registered cooperation as ?examples= says.
func (s *Server) apiScenarioExport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = app.FormatGeoJSON
	}
	crs := 0
	if c := q.Get("crs"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || format != app.FormatGeoJSON {
			return generalist.Errorf(generalist.EINVALID, "query parameter crs %q: give 4326 or 25833 with format=geojson", c)
		}
		crs = n
	}
	sc, opts, err := s.pathScenario(r)
	if err != nil {
		return err
	}
	ex, err := get(r.Context(), s.cache, "export/"+format+"/"+strconv.Itoa(crs)+"/"+opts.Key()+"/"+app.ScenarioKey(sc), func() (*app.Export, error) {
		return s.app.ExportScenario(r.Context(), sc, format, crs, opts)
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+ex.FileName+`"`)
	writeBytes(w, http.StatusOK, ex.ContentType, ex.Body)
	return nil
}

// scenarioDownload is one scenario's part of the comparison page's
// downloads and sharing.
type scenarioDownload struct {
	ID, Name                           string
	GeoJSON, GeoJSONUTM, CSV, CSVExcel string
	// Link is the scenario's stable address (its comparison with today).
	Link string
	// Stored is true for a saved scenario (not a shipped example);
	// Published then says who published it and when, or is empty while
	// only signed-in users may read it.
	Stored     bool
	Published  string
	MayPublish bool
}

// scenarioDownloads are the downloads and sharing of the compared
// scenarios with an id.
func (s *Server) scenarioDownloads(w http.ResponseWriter, r *http.Request, scs []*generalist.Scenario) scenarioDownloadsData {
	lang := langOf(r)
	var d scenarioDownloadsData
	if isAnalyst(r) {
		// Only an analyst may publish (MayPublish); the public's page
		// carries no token and may be cached.
		d.CSRF = s.csrfToken(w, r)
	}
	examples, _ := s.app.Examples()
	for _, sc := range scs {
		if sc.ID == "" {
			continue
		}
		esc := url.PathEscape(sc.ID)
		base := "/api/v1/scenarios/" + esc + "/export?format="
		dl := scenarioDownload{ID: sc.ID, Name: sc.Name, GeoJSON: base + "geojson", GeoJSONUTM: base + "geojson&crs=25833",
			CSV: base + "csv", CSVExcel: base + "csv-excel", Link: "/scenarier/sammenlign?id=" + url.QueryEscape(sc.ID)}
		dl.Stored = true
		for _, e := range examples {
			if e.ID == sc.ID {
				dl.Stored = false
			}
		}
		if dl.Stored {
			if p := sc.Published; p != nil {
				dl.Published = sprintf(msg(lang, "sc.share.published"), p.By, nbfmt.For(lang).DateTime(p.At))
			}
			dl.MayPublish = isAnalyst(r)
		}
		d.Items = append(d.Items, dl)
	}
	return d
}

// scenarioDownloadsData is what the partial scenario_downloads.tmpl shows.
type scenarioDownloadsData struct {
	Items []scenarioDownload
	CSRF  string
}
