package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/atlas"
	"generalist/internal/nbfmt"
	"generalist/stats"
)

const statsHelp = `Usage: generalist stats [--structure S] [--year Y] [--under N] [--json] [--db PATH]
       generalist stats --nordic [--year Y] [--source NAME] [--json] [--db PATH]

Prints the structure table (the committee's table: number of municipalities,
inhabitants, mean, median, largest, smallest, number under N inhabitants) for
structure S (2019, 2020 or 2024) on 1 January of year Y. Data recorded on
another structure is carried over the change mappings; municipalities whose
value a split makes unknown are listed as having no data.

Defaults: S is the structure in force in Y (2024 when neither is given), Y
the latest year with data on S.

With --nordic, prints the five-country comparison: Norway and Finland
computed from per-municipality data (Finland with and without Åland), and
every row of the published table --source
(generalistkommuneutvalget_presentasjon, the default, or
kmd_vare_naboland_2014), Sweden, Denmark and Iceland among them. By
default each country is on the date of the source's table: for the
committee's table Norway on 1 January 2020 and Finland on 31 December
2020. With --year Y, Norway is on 1 January Y and Finland on 31 December
Y-1 (--year 2020 gives Finland's 2019 data). Every row carries its date;
where the source states none, the dates on which the data give each of
its figures are listed.

Flags:
`

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", statsHelp, stderr)
	structure := fs.String("structure", "", "municipal `structure`: 2019, 2020 or 2024")
	year := fs.Int("year", 0, "population on 1 January of `year`")
	under := fs.Int64("under", int64(stats.DefaultUnder), "count municipalities with fewer than `N` inhabitants")
	asJSON := fs.Bool("json", false, "print JSON")
	nordic := fs.Bool("nordic", false, "print the Nordic comparison")
	source := fs.String("source", atlas.NordicSource, "`source` of the published Nordic aggregates")
	dbPath := dbFlag(fs)
	err := parseNoArgs(fs, args)
	if err != nil {
		return err
	}
	if *under <= 0 {
		return usageError(fmt.Sprintf("stats: --under %d: must be a positive number of inhabitants", *under))
	}
	if *year != 0 && (*year < 1900 || *year > 2100) {
		return usageError(fmt.Sprintf("stats: --year %d: must be a calendar year such as 2020", *year))
	}
	var s generalist.Structure
	if *structure != "" {
		if s, err = generalist.ParseStructure(*structure); err != nil {
			return usageError("stats: --structure: " + generalist.ErrorMessage(err))
		}
	}

	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	if *nordic {
		n, err := atlas.NordicComparison(ctx, db, *year, *source)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(stdout, n)
		}
		return printNordic(stdout, n)
	}

	if s == 0 {
		s = generalist.Structure2024
		if in, ok := generalist.StructureForYear(*year); ok && *year != 0 {
			s = in
		}
	}
	y := *year
	if y == 0 {
		if y, err = atlas.LatestYear(ctx, db, s); err != nil {
			return err
		}
	}
	t, err := atlas.StructureTable(ctx, db, s, y, generalist.Persons(*under))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, t)
	}
	return printTable(stdout, t)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printTable(w io.Writer, t *atlas.Table) error {
	fmt.Fprintf(w, "Structure %d, population on 1 January %d\n", t.Structure, t.Year)
	if t.CarriedFrom != 0 {
		fmt.Fprintf(w, "(recorded on the %d structure and carried over the change mappings)\n", t.CarriedFrom)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", label, value) }
	row("Municipalities", fmt.Sprint(t.Municipalities))
	if len(t.Missing) > 0 {
		row("with data", fmt.Sprint(t.WithData))
	}
	row("Inhabitants", t.Inhabitants.String())
	row("Mean", formatDecimal(t.Mean))
	row("Median", formatDecimal(t.Median))
	row("Largest", fmt.Sprintf("%s (%s %s)", t.Largest.Inhabitants, t.Largest.Number, t.Largest.Name))
	row("Smallest", fmt.Sprintf("%s (%s %s)", t.Smallest.Inhabitants, t.Smallest.Number, t.Smallest.Name))
	row("Under "+t.Under.Threshold.String(), fmt.Sprint(t.Under.Count))
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(t.Missing) > 0 {
		var names []string
		for _, g := range t.Missing {
			names = append(names, fmt.Sprintf("%s %s (%s)", g.Number, g.Name, g.Note))
		}
		fmt.Fprintf(w, "\nNo data for %d municipalities; the figures above cover the %d with data:\n  %s\n",
			len(t.Missing), t.WithData, strings.Join(names, "\n  "))
	}
	_, err := fmt.Fprintf(w, "\n%s\n", t.Source)
	return err
}

// formatDecimal prints one decimal, grouped: 15 077.5.
func formatDecimal(v float64) string { return nbfmt.Terminal.Decimal(v, 1) }

func printNordic(w io.Writer, n *atlas.Nordic) error {
	if n.Basis == atlas.NordicBasisYear {
		fmt.Fprintf(w, "Nordic comparison, around 1 January %d (published rows: %s)\n\n", n.Year, n.SourceID)
	} else {
		fmt.Fprintf(w, "Nordic comparison, each country on the date of the source's table (%s)\n\n", n.SourceID)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Country\tDate\tMunicipalities\tInhabitants\tMean\tMedian\tLargest\tSmallest\tUnder 5 000\t")
	num := func(v *float64, decimals bool) string {
		if v == nil {
			return "no data"
		}
		if decimals {
			return formatDecimal(*v)
		}
		return generalist.Persons(int64(*v + 0.5)).String()
	}
	for _, r := range n.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Label, nordicDate(r), num(r.Municipalities, false),
			num(r.Inhabitants, false), num(r.Mean, true), num(r.Median, true), num(r.Largest, false),
			num(r.Smallest, false), num(r.Under5000, false))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range n.Rows {
		if r.DateStatus != stats.DatePerFigure {
			continue
		}
		fmt.Fprintf(w, "\n%s: the source states no date. Dates on which the data give each figure (checked: %s):\n",
			r.Label, strings.Join(r.DatesChecked, ", "))
		for _, f := range r.FigureDates {
			var ds []string
			for _, m := range f.Matches {
				d := m.Date
				switch m.Variant {
				case stats.VariantMainland:
					d += " (without Åland)"
				case stats.VariantWithAland:
					d += " (with Åland)"
				}
				ds = append(ds, d)
			}
			if len(ds) == 0 {
				ds = []string{"none of the dates checked"}
			}
			fmt.Fprintf(w, "  %-15s %s\n", f.Figure, strings.Join(ds, ", "))
		}
	}
	fmt.Fprintln(w, "\nSources:")
	seen := map[string]bool{}
	for _, r := range n.Rows {
		key := r.Source
		if !seen[key] {
			seen[key] = true
			how := "published figures"
			if r.Computed {
				how = "computed here from per-municipality data"
			}
			var who []string
			for _, x := range n.Rows {
				if x.Source == key {
					who = append(who, x.Label)
				}
			}
			fmt.Fprintf(w, "  %s: %s (%s)\n", strings.Join(who, ", "), strings.TrimPrefix(key, "Kilde: "), how)
		}
	}
	for _, note := range n.Notes {
		fmt.Fprintf(w, "Note: %s\n", note)
	}
	return nil
}

// nordicDate is a row's date as the table prints it.
func nordicDate(r stats.NordicRow) string {
	switch r.DateStatus {
	case stats.DateData:
		return r.Date
	case stats.DateTurnOfYear:
		return "turn of year " + r.Date
	case stats.DatePerFigure:
		return "per figure, below"
	}
	return "not stated in the source"
}
