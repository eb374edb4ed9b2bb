package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"generalist"
	"generalist/app"
)

// Fixed cooperation regions (docs/cooperation-regions.md): GET
// /api/v1/search/groups, and the mode "regions" of the page /sok
// (groups_page.go). Like the structure search, a search runs in the
// request in one of the server's admission slots, and its result is kept
// in the scratch part of the cache (keys under "search/").

// maxGroupsTasks bounds the tasks of one request: more than the catalogue
// holds with a staffing model.
const maxGroupsTasks = 40

// parseGroups reads the criteria of a regions search from the query: task
// (repeated), max_km, county, within_county, keep_registered,
// exempt_infeasible, seed, structure and year.
func (s *Server) parseGroups(r *http.Request) (app.GroupsCriteria, error) {
	q := r.URL.Query()
	var c app.GroupsCriteria
	var err error
	if c.Structure, c.Year, err = s.structureYear(r); err != nil {
		return c, err
	}
	for _, t := range q["task"] {
		if t = strings.TrimSpace(t); t != "" {
			c.Tasks = append(c.Tasks, t)
		}
	}
	if len(c.Tasks) > maxGroupsTasks {
		return c, generalist.Errorw(generalist.EINVALID, "err.grp.manytasks", "query parameter task: at most %d tasks, not %d", maxGroupsTasks, len(c.Tasks))
	}
	if c.MaxKm, err = floatParam(q, "max_km", 0, 0, 5000); err != nil {
		return c, generalist.Errorw(generalist.EINVALID, "err.grp.maxkm", "query parameter max_km %q: must be a number from 0 to 5000", q.Get("max_km"))
	}
	if v := q.Get("county"); v != "" {
		if len(v) != 2 || strings.Trim(v, "0123456789") != "" {
			return c, generalist.Errorw(generalist.EINVALID, "err.grp.county", "query parameter county %q: must be a county number of two digits", v)
		}
		c.County = generalist.CountyNumber(v)
	}
	for _, b := range []struct {
		name string
		into *bool
	}{{"within_county", &c.WithinCounty}, {"keep_registered", &c.KeepRegistered}, {"exempt_infeasible", &c.ExemptInfeasible}} {
		if *b.into, err = boolParam(q, b.name); err != nil {
			return c, err
		}
	}
	seed, err := positiveParam(q, "seed", 1)
	if err != nil {
		return c, err
	}
	c.Seed = uint64(seed)
	return c, nil
}

// groupsKey is the criteria in canonical form, for the cache.
func groupsKey(c app.GroupsCriteria) string {
	return fmt.Sprintf("search/groups/%d/%d/%s/%g/%s/%t/%t/%t/%d", c.Structure, c.Year, strings.Join(c.Tasks, ","), c.MaxKm, c.County,
		c.WithinCounty, c.KeepRegistered, c.ExemptInfeasible, c.Seed)
}

// groupsJSON is the JSON of /api/v1/search/groups: the same as generalist
// search groups --json (without a saved scenario).
type groupsJSON struct {
	Groups [][]generalist.MunicipalityNumber `json:"groups"`
	*app.GroupsResult
	Seconds float64 `json:"seconds"`
}

// searchGroups runs (or returns the cached) regions search of c.
func (s *Server) searchGroups(ctx context.Context, c app.GroupsCriteria) (*groupsJSON, error) {
	return get(ctx, s.cache, groupsKey(c), func() (*groupsJSON, error) {
		release, err := admit(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
		ctx, cancel := context.WithTimeout(ctx, searchTimeout)
		defer cancel()
		start := time.Now()
		c.Workers = admittedWorkers
		res, err := s.app.SearchGroups(ctx, c)
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, generalist.Errorf(generalist.EINVALID, "the search took more than %v; use generalist search groups for criteria this demanding", searchTimeout)
		}
		if err != nil {
			return nil, err
		}
		return &groupsJSON{Groups: res.Groups(), GroupsResult: res, Seconds: time.Since(start).Seconds()}, nil
	})
}

func (s *Server) apiSearchGroups(w http.ResponseWriter, r *http.Request) error {
	c, err := s.parseGroups(r)
	if err != nil {
		return err
	}
	res, err := s.searchGroups(r.Context(), c)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
