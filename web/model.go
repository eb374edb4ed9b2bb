package web

import (
	"context"
	"slices"
	"strings"

	"generalist"
	"generalist/atlas"
)

// rows returns the cached overview of a structure and year.
func (s *Server) rows(ctx context.Context, st generalist.Structure, year int) ([]atlas.Row, error) {
	return s.app.Overview(ctx, st, year)
}

// listFilter selects rows for the list page and the API.
type listFilter struct {
	County     generalist.CountyNumber
	Size       string
	Centrality int
	Query      string
}

func parseListFilter(get func(string) string) (listFilter, error) {
	var f listFilter
	if c := get("county"); c != "" {
		n, err := generalist.ParseCountyNumber(c)
		if err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "query parameter county: %s", generalist.ErrorMessage(err))
		}
		f.County = n
	}
	if sz := get("size"); sz != "" {
		ok := false
		for _, c := range atlas.SizeClasses {
			ok = ok || c.ID == sz
		}
		if !ok {
			var ids []string
			for _, c := range atlas.SizeClasses {
				ids = append(ids, c.ID)
			}
			return f, generalist.Errorf(generalist.EINVALID, "query parameter size %q: must be one of %s", sz, strings.Join(ids, ", "))
		}
		f.Size = sz
	}
	if c := get("centrality"); c != "" {
		if len(c) != 1 || c[0] < '1' || c[0] > '6' {
			return f, generalist.Errorf(generalist.EINVALID, "query parameter centrality %q: must be a class 1–6", c)
		}
		f.Centrality = int(c[0] - '0')
	}
	f.Query = strings.TrimSpace(get("q"))
	return f, nil
}

func (f listFilter) match(r *atlas.Row) bool {
	if f.County != "" && r.County != f.County {
		return false
	}
	if f.Size != "" && r.SizeClass() != f.Size {
		return false
	}
	if f.Centrality != 0 && (r.Centrality == nil || *r.Centrality != f.Centrality) {
		return false
	}
	if f.Query != "" {
		q := strings.ToLower(f.Query)
		if !strings.Contains(strings.ToLower(r.Name), q) && !strings.Contains(strings.ToLower(r.ShortName), q) && string(r.Number) != f.Query {
			return false
		}
	}
	return true
}

func filterRows(rows []atlas.Row, f listFilter) []atlas.Row {
	out := make([]atlas.Row, 0, len(rows))
	for i := range rows {
		if f.match(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

// sortKeys are the columns the list can be sorted by.
var sortKeys = map[string]func(a, b *atlas.Row) int{
	"number":     func(a, b *atlas.Row) int { return strings.Compare(string(a.Number), string(b.Number)) },
	"name":       func(a, b *atlas.Row) int { return strings.Compare(a.ShortName, b.ShortName) },
	"county":     func(a, b *atlas.Row) int { return strings.Compare(string(a.County), string(b.County)) },
	"population": func(a, b *atlas.Row) int { return cmpCount(a.Population, b.Population) },
	"change10":   func(a, b *atlas.Row) int { return cmpOpt(a.Change10, b.Change10) },
	"share80":    func(a, b *atlas.Row) int { return cmpOpt(a.Share80, b.Share80) },
	"density":    func(a, b *atlas.Row) int { return cmpOpt(a.Density, b.Density) },
	"area":       func(a, b *atlas.Row) int { return cmpOpt(a.AreaKm2, b.AreaKm2) },
	"centrality": func(a, b *atlas.Row) int {
		return cmpOpt(intPtrFloat(a.Centrality), intPtrFloat(b.Centrality))
	},
}

func sortRows(rows []atlas.Row, key string, desc bool) error {
	cmp, ok := sortKeys[key]
	if !ok {
		return generalist.Errorf(generalist.EINVALID, "query parameter sort %q: unknown column", key)
	}
	slices.SortStableFunc(rows, func(a, b atlas.Row) int {
		c := cmp(&a, &b)
		if desc {
			c = -c
		}
		if c == 0 {
			return strings.Compare(string(a.Number), string(b.Number))
		}
		return c
	})
	return nil
}

// cmpCount and cmpOpt order "no data" after every value in either direction
// of the sort would be nicer; here no data sorts lowest, consistently.
func cmpCount(a, b generalist.Count) int {
	switch {
	case a.Known != b.Known:
		if a.Known {
			return 1
		}
		return -1
	case a.Value < b.Value:
		return -1
	case a.Value > b.Value:
		return 1
	}
	return 0
}

func cmpOpt(a, b *float64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	case *a < *b:
		return -1
	case *a > *b:
		return 1
	}
	return 0
}

func intPtrFloat(v *int) *float64 {
	if v == nil {
		return nil
	}
	f := float64(*v)
	return &f
}
