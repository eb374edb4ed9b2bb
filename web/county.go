package web

import (
	"net/http"

	"generalist"
)

// countyTasksView is the county authority's task catalogue on /oppgaver,
// with how many legal bases are confirmed, partly or not.
type countyTasksView struct {
	Catalogue         *generalist.CountyCatalogue
	Yes, Partly, None int
}

// countyTasks returns the county task catalogue's view.
func (s *Server) countyTasks() (*countyTasksView, error) {
	cat, err := s.app.CountyTasks()
	if err != nil {
		return nil, err
	}
	v := &countyTasksView{Catalogue: cat}
	for _, t := range cat.Tasks {
		switch t.Verified {
		case generalist.VerifiedYes:
			v.Yes++
		case generalist.VerifiedPartly:
			v.Partly++
		default:
			v.None++
		}
	}
	return v, nil
}

// tasksLevel answers GET /api/v1/tasks?level=county with the county task
// catalogue and reports true; for level municipality or none it reports
// false and the caller answers with the municipal catalogue. Any other
// level is EINVALID.
func (s *Server) tasksLevel(w http.ResponseWriter, r *http.Request) (bool, error) {
	switch level := r.URL.Query().Get("level"); level {
	case "", "municipality":
		return false, nil
	case "county":
		cat, err := s.app.CountyTasks()
		if err != nil {
			return true, err
		}
		writeJSON(w, http.StatusOK, cat)
		return true, nil
	default:
		return true, generalist.Errorw(generalist.EINVALID, "err.tasks.level", "query parameter level %q: must be municipality or county", level)
	}
}
