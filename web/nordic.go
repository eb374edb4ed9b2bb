package web

import (
	"slices"
	"strings"
	"time"

	"generalist/atlas"
	"generalist/internal/nbfmt"
	"generalist/stats"
)

// nordicView is the Nordic comparison as the page shows it, in one
// language.
type nordicView struct {
	Lead    string
	Under   string // the heading of the last column
	Rows    []nordicRow
	Figures []nordicFigures // published rows dated figure by figure
	Gaps    []string
	Sources []string // the sources of the rows in full
	CSV     string
}

type nordicRow struct {
	stats.NordicRow
	Name, When, From string
}

// nordicFigures says on which dates the data give each figure of one
// published row.
type nordicFigures struct {
	Name, Lead string
	Figures    [][2]string // figure, dates
}

// nordicFigureKeys are the message keys of the figures, by JSON name.
var nordicFigureKeys = map[string]string{"municipalities": "count", "inhabitants": "inhabitants", "mean": "mean",
	"median": "median", "largest": "largest", "smallest": "smallest"}

func nordicDate(lang, iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return nbfmt.For(lang).NumericDate(t)
}

func nordicName(lang string, r stats.NordicRow) string {
	c := msg(lang, "nordic.country."+r.Country)
	switch r.Variant {
	case stats.VariantMainland:
		return sprintf(msg(lang, "nordic.variant.mainland"), c)
	case stats.VariantWithAland:
		return sprintf(msg(lang, "nordic.variant.withaland"), c)
	case stats.VariantPublished:
		return sprintf(msg(lang, "nordic.variant.published"), c)
	}
	return c
}

func newNordicView(lang string, n *atlas.Nordic) nordicView {
	v := nordicView{Lead: msg(lang, "nordic.lead"), CSV: "/api/v1/nordic?format=csv",
		Under: sprintf(msg(lang, "under"), nbfmt.For(lang).Int(5000))}
	if n.Basis == atlas.NordicBasisYear {
		v.Lead = sprintf(msg(lang, "nordic.lead.year"), n.Year, n.Year-1)
	}
	for _, r := range n.Rows {
		row := nordicRow{NordicRow: r, Name: nordicName(lang, r)}
		switch r.DateStatus {
		case stats.DateData:
			row.When = nordicDate(lang, r.Date)
		case stats.DateTurnOfYear:
			y := 0
			if t, err := time.Parse(time.DateOnly, r.Date); err == nil {
				y = t.Year()
			}
			row.When = sprintf(msg(lang, "nordic.date.turnofyear"), y-1, y)
		case stats.DatePerFigure:
			row.When = msg(lang, "nordic.date.perfigure")
		default:
			row.When = msg(lang, "nordic.date.notstated")
		}
		how := msg(lang, "nordic.how.published")
		if r.Computed {
			how = msg(lang, "nordic.how.computed")
		}
		row.From = msg(lang, "nordic.short."+r.SourceID) + ", " + how
		if full := msg(lang, "nordic.src."+r.SourceID); !slices.Contains(v.Sources, full) {
			v.Sources = append(v.Sources, full)
		}
		v.Rows = append(v.Rows, row)
		if r.DateStatus == stats.DatePerFigure {
			v.Figures = append(v.Figures, nordicFiguresOf(lang, r))
		}
	}
	for _, g := range n.Gaps {
		c := msg(lang, "nordic.country."+g.Country)
		if g.Reason == atlas.GapNoData {
			v.Gaps = append(v.Gaps, sprintf(msg(lang, "nordic.gap.nodata"), c, nordicDate(lang, g.Date)))
		} else {
			v.Gaps = append(v.Gaps, sprintf(msg(lang, "nordic.gap.notinsrc"), c))
		}
	}
	return v
}

func nordicFiguresOf(lang string, r stats.NordicRow) nordicFigures {
	var checked []string
	for _, d := range r.DatesChecked {
		checked = append(checked, nordicDate(lang, d))
	}
	f := nordicFigures{Name: nordicName(lang, r), Lead: sprintf(msg(lang, "nordic.figures.lead"), strings.Join(checked, ", "))}
	for _, fd := range r.FigureDates {
		name := sprintf(msg(lang, "under"), nbfmt.For(lang).Int(5000))
		if k, ok := nordicFigureKeys[fd.Figure]; ok {
			name = msg(lang, k)
		}
		var ds []string
		for _, m := range fd.Matches {
			d := nordicDate(lang, m.Date)
			switch m.Variant {
			case stats.VariantMainland:
				d = sprintf(msg(lang, "nordic.match.mainland"), d)
			case stats.VariantWithAland:
				d = sprintf(msg(lang, "nordic.match.withaland"), d)
			}
			ds = append(ds, d)
		}
		text := strings.Join(ds, ", ")
		if len(ds) == 0 {
			text = msg(lang, "nordic.figures.none")
		}
		f.Figures = append(f.Figures, [2]string{name, text})
	}
	return f
}
