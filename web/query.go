package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"generalist"
)

// Query parsing shared by pages and the API. Every malformed value is an
// EINVALID error that names the parameter.

func structureParam(q url.Values, def generalist.Structure) (generalist.Structure, error) {
	v := q.Get("structure")
	if v == "" {
		return def, nil
	}
	s, err := generalist.ParseStructure(v)
	if err != nil {
		return 0, generalist.Errorf(generalist.EINVALID, "query parameter structure: %s", generalist.ErrorMessage(err))
	}
	return s, nil
}

// yearParam returns ?year= or def; years must lie in 1900–2100.
func yearParam(q url.Values, def int) (int, error) {
	v := q.Get("year")
	if v == "" {
		return def, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1900 || y > 2100 {
		return 0, generalist.Errorf(generalist.EINVALID, "query parameter year %q: must be a calendar year such as 2020", v)
	}
	return y, nil
}

func positiveParam(q url.Values, name string, def int64) (int64, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0, generalist.Errorf(generalist.EINVALID, "query parameter %s %q: must be a positive whole number", name, v)
	}
	return n, nil
}

func municipalityParam(r *http.Request) (generalist.MunicipalityNumber, error) {
	n, err := generalist.ParseMunicipalityNumber(r.PathValue("number"))
	if err != nil {
		return "", generalist.Errorf(generalist.EINVALID, "kommunenummer in the path: %s", generalist.ErrorMessage(err))
	}
	return n, nil
}

// defaultYear is the latest year with data on s.
func (s *Server) defaultYear(r *http.Request, st generalist.Structure) (int, error) {
	years, err := s.years(r.Context(), st) // cached; atlas.LatestYear would query
	if err != nil {
		return 0, err
	}
	if len(years) == 0 {
		return 0, generalist.Errorw(generalist.ENOTFOUND, "err.structure.nodata", "no population data on the %d structure", st)
	}
	return years[len(years)-1], nil
}

// years returns the cached list of years with data on st.
func (s *Server) years(ctx context.Context, st generalist.Structure) ([]int, error) {
	return get(ctx, s.cache, "years/"+st.String(), func() ([]int, error) {
		return s.store.PopulationYears(ctx, st)
	})
}

// boolParam reads a yes/no query parameter: absent, 0, false or off is
// no; 1, true, on or yes is yes; anything else is refused, naming it.
func boolParam(q url.Values, name string) (bool, error) {
	switch v := q.Get(name); v {
	case "", "0", "false", "off":
		return false, nil
	case "1", "true", "on", "yes":
		return true, nil
	default:
		return false, generalist.Errorf(generalist.EINVALID, "query parameter %s %q: must be true or false", name, v)
	}
}
