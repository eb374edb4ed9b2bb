package web

import (
	"net/http"
	"net/url"
	"strings"

	"generalist"
)

// Sharing a saved scenario. Its stable address is its comparison with
// today's system (/scenarier/sammenlign?id=…), which every signed-in user
// can open. An analyst can publish it, and then anyone can read it on the
// public pages and the public API, with who published it and when; after
// unpublishing it is for signed-in users only again (app.Scenario
// decides, see app/scenario_share.go).

func (s *Server) scenarioShareRoutes() {
	s.page("POST /scenarier/publisering", accessAnalyst, s.handleScenarioPublication)
	s.api("PUT /api/v1/scenarios/{id}/publication", accessAnalyst, s.apiPublishScenario)
	s.api("DELETE /api/v1/scenarios/{id}/publication", accessAnalyst, s.apiUnpublishScenario)
}

// handleScenarioPublication publishes (action=publish) or unpublishes
// (action=unpublish) the scenario id and returns to its comparison.
func (s *Server) handleScenarioPublication(w http.ResponseWriter, r *http.Request) error {
	id := strings.TrimSpace(r.FormValue("id"))
	var err error
	key := "flash.scenario.published"
	switch r.FormValue("action") {
	case "publish":
		_, err = s.app.PublishScenario(r.Context(), id, s.viewer(r).Name())
	case "unpublish":
		_, err = s.app.UnpublishScenario(r.Context(), id)
		key = "flash.scenario.unpublished"
	default:
		return generalist.Errorf(generalist.EINVALID, "action must be publish or unpublish")
	}
	if err != nil {
		return err
	}
	s.invalidate()
	s.log.Info("scenario publication", "id", id, "action", r.FormValue("action"), "author", s.viewer(r).Name(), "remote", r.RemoteAddr)
	redirectFlash(w, r, "/scenarier/sammenlign?id="+url.QueryEscape(id)+"#scenario-downloads", key)
	return nil
}

// apiPublishScenario serves PUT /api/v1/scenarios/{id}/publication: the
// scenario is published by the caller now; the answer is the scenario
// with its publication.
func (s *Server) apiPublishScenario(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.app.PublishScenario(r.Context(), r.PathValue("id"), s.viewer(r).Name())
	if err != nil {
		return err
	}
	s.invalidate()
	writeJSON(w, http.StatusOK, sc)
	return nil
}

// apiUnpublishScenario serves DELETE /api/v1/scenarios/{id}/publication.
func (s *Server) apiUnpublishScenario(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.app.UnpublishScenario(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.invalidate()
	writeJSON(w, http.StatusOK, sc)
	return nil
}
