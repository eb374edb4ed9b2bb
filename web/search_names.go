package web

import (
	"context"
	"errors"
	"slices"
	"strings"

	"generalist"
	"generalist/optimize"
)

// searchMaxNamed is how many municipalities a search's message names
// before it says how many more there are.
const searchMaxNamed = 8

// searchErrorText words a structure search's error for a page, as
// errorText does, but an infeasible search names the municipalities it
// concerns with their numbers («Træna (1835), Rødøy (1836)») instead of
// listing bare numbers, in the text of prefix+".infeasible" (proven) or
// prefix+".notfound" (the search's limit). st and year say where the
// names come from; when they cannot be read, the numbers stand alone.
func (s *Server) searchErrorText(ctx context.Context, lang, prefix string, st generalist.Structure, year int, err error) (text, tech string) {
	var inf *optimize.Infeasible
	if !errors.As(err, &inf) {
		return errorText(lang, err)
	}
	var codes []string
	for _, r := range inf.Reasons {
		for _, c := range r.Codes {
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	if len(codes) == 0 {
		return errorText(lang, err) // the ".all" text: no municipality to name
	}
	if year == 0 { // the latest year, as the search took
		if ys, yerr := s.years(ctx, st); yerr == nil && len(ys) > 0 {
			year = ys[len(ys)-1]
		}
	}
	names := map[string]string{}
	if rows, rerr := s.rows(ctx, st, year); rerr == nil {
		for _, row := range rows {
			names[string(row.Number)] = row.ShortName
		}
	}
	key := prefix + ".notfound"
	if inf.Proven {
		key = prefix + ".infeasible"
	}
	return sprintf(msg(lang, key), namedList(lang, codes, names)), ""
}

// namedList is «Træna (1835), Rødøy (1836) og Lurøy (1834)»: at most
// searchMaxNamed names, then how many more; a number without a name
// stands alone.
func namedList(lang string, codes []string, names map[string]string) string {
	items := make([]string, 0, min(len(codes), searchMaxNamed)+1)
	for i, c := range codes {
		if i == searchMaxNamed {
			items = append(items, sprintf(msg(lang, "search.err.more"), len(codes)-searchMaxNamed))
			break
		}
		if n := names[c]; n != "" {
			items = append(items, n+"\u00a0("+c+")") // kept on one line
		} else {
			items = append(items, c)
		}
	}
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + msg(lang, "search.err.and") + " " + items[len(items)-1]
}
