package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/atlas"
	"generalist/ssb"
)

const indicatorHelp = `Usage: generalist indicator <command> [flags]

Brings your own per-municipality indicator into the store (a KOSTRA figure,
a statutory-compliance score, a Kommunebarometeret grade) so that it can be
mapped and compared like the built-in ones.

Commands:
  import FILE --id ID --name NAME --unit UNIT --source SOURCE [flags]
           load an indicator from CSV or SSB JSON-stat
  list     list the imported indicators
  show ID  print an indicator's values for one year on one structure
  delete ID
           remove an indicator and all its values
  analyse ID
           regress an indicator (imported or built-in) on size and centrality

Run "generalist indicator <command> -h" for the flags of a command.
`

func runIndicator(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return dispatch(ctx, "indicator", indicatorHelp, "indicator: no command given (import, list, show, delete or analyse)", map[string]command{
		"import": runIndicatorImport, "list": runIndicatorList, "show": runIndicatorShow,
		"delete": runIndicatorDelete, "analyse": runIndicatorAnalyse, "analyze": runIndicatorAnalyse,
	}, args, stdout, stderr)
}

const indicatorImportHelp = `Usage: generalist indicator import FILE --id ID --name NAME --unit UNIT --source SOURCE
                                    [--description D] [--structure S] [--additive]
                                    [--format csv|jsonstat] [--encoding auto|utf-8|latin1]
                                    [--replace] [--db PATH]

Loads one indicator, one value per municipality and year, in one
transaction: on any error nothing is stored.

CSV (.csv): a header line naming the columns kommunenummer, aar (or år) and
verdi, in any order, and optionally kommunenavn (ignored). The separator is
";" or ",", and may be a tab. Numbers may have a decimal comma or point
("12,5", "12.5") and spaces between thousands. An empty value, or SSB's "."
".." "..." ":", means no value: nothing is stored for it, and the import
counts such cells by sign; "-" is SSB's sign for exactly zero. UTF-8 or
ISO-8859-1. Totals and areas that are not municipalities (0, counties,
Svalbard, 9999) are skipped and listed; any other number that is no
municipality refuses the import.

  kommunenummer;kommunenavn;aar;verdi
  0301;Oslo;2024;91,9
  1151;Utsira;2024;..

JSON-stat (.json): a dataset from SSB's API with one statistikkvariabel over
region and year (select one category of every other dimension). The
national total, counties and KOSTRA groups are skipped. Name, unit and
source default to what the file says.

Municipality numbers belong to a structure (2019, 2020 or 2024). Without
--structure the structure is the one that has every number in the file;
a file whose numbers no single structure has is refused: split it where
the structure changes. Give --additive only if values of two municipalities
may be added (counts, kroner), not for rates, shares, per-inhabitant
figures, scores or grades: it decides how values are carried across
mergers. With --replace an indicator of the same id is replaced, values
and all.

Flags:
`

func runIndicatorImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("indicator import", indicatorImportHelp, stderr)
	id := fs.String("id", "", "`id` of the indicator: a–z, 0–9, _ and -, such as kostra-barnehage")
	name := fs.String("name", "", "`name` of the indicator as it is shown")
	unit := fs.String("unit", "", "`unit` of the values, such as kroner, prosent or karakter 1–6")
	source := fs.String("source", "", "`source` to show with the values, such as \"SSB, KOSTRA tabell 12362\"")
	description := fs.String("description", "", "longer `description`: what is measured, and caveats")
	structure := fs.String("structure", "", "`structure` the file's municipality numbers belong to (2019, 2020, 2024; default: inferred)")
	additive := fs.Bool("additive", false, "the values may be summed over municipalities (counts, kroner)")
	format := fs.String("format", "", "file `format`: csv or jsonstat (default: from the file name)")
	encoding := fs.String("encoding", "auto", "CSV `encoding`: auto, utf-8 or latin1")
	replace := fs.Bool("replace", false, "replace an indicator of the same id")
	dbPath := dbFlag(fs)
	file, err := parseOne(fs, args, "indicator import: give exactly one FILE")
	if err != nil {
		return err
	}
	if *id == "" {
		return usageError("indicator import: --id is required")
	}
	if err := generalist.ValidateIndicatorID(*id); err != nil {
		return usageError("indicator import: --id: " + generalist.ErrorMessage(err))
	}
	if _, builtin := atlas.IndicatorByID(*id); builtin {
		return usageError(fmt.Sprintf("indicator import: --id %q is the id of a built-in indicator; choose another", *id))
	}
	var s generalist.Structure
	if *structure != "" {
		if s, err = generalist.ParseStructure(*structure); err != nil {
			return usageError("indicator import: --structure: " + generalist.ErrorMessage(err))
		}
	}
	switch *encoding {
	case "auto", "utf-8", "latin1":
	default:
		return usageError(fmt.Sprintf("indicator import: --encoding %q: must be auto, utf-8 or latin1", *encoding))
	}
	f := *format
	if f == "" {
		switch strings.ToLower(filepath.Ext(file)) {
		case ".json":
			f = "jsonstat"
		case ".csv", ".txt":
			f = "csv"
		default:
			return usageError(fmt.Sprintf("indicator import: cannot tell the format of %q from its name; give --format csv or --format jsonstat", file))
		}
	}
	if f != "csv" && f != "jsonstat" {
		return usageError(fmt.Sprintf("indicator import: --format %q: must be csv or jsonstat", f))
	}
	if f == "csv" {
		if missing := missingFlags(map[string]string{"name": *name, "unit": *unit, "source": *source}); missing != "" {
			return usageError("indicator import: " + missing)
		}
	}

	b, err := os.ReadFile(file)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "indicator import: %v", err)
	}
	var values []generalist.IndicatorValue
	var meta *ssb.IndicatorMeta
	if f == "csv" {
		values, meta, err = ssb.ParseIndicatorCSV(bytes.NewReader(b), ssb.CSVOptions{Encoding: *encoding})
	} else {
		values, meta, err = ssb.ParseIndicatorJSONStat(bytes.NewReader(b))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if f == "jsonstat" {
		*name = firstNonEmpty(*name, meta.Name, meta.Title)
		*unit = firstNonEmpty(*unit, meta.Unit)
		*source = firstNonEmpty(*source, meta.Source)
		if missing := missingFlags(map[string]string{"name": *name, "unit": *unit, "source": *source}); missing != "" {
			return usageError("indicator import: " + missing + " (the file does not say)")
		}
	}
	ind := &generalist.Indicator{ID: *id, Name: strings.TrimSpace(*name), Unit: strings.TrimSpace(*unit),
		Source: strings.TrimSpace(*source), Description: strings.TrimSpace(*description), Structure: s, Additive: *additive}
	// Check the flags before the store is opened; the structure may not be
	// known yet, so any valid one stands in for it.
	check := *ind
	if check.Structure == 0 {
		check.Structure = generalist.Structure2024
	}
	if err := check.Validate(); err != nil {
		return usageError("indicator import: " + generalist.ErrorMessage(err))
	}

	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkRegions(ctx, db, file, meta.Places); err != nil {
		return err
	}
	a, err := atlas.ImportIndicator(ctx, db, ind, values, *replace)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	recordCLI(ctx, db, stderr, "indicator import", ind.ID, filepath.Base(file))
	kind := "not additive"
	if ind.Additive {
		kind = "additive"
	}
	fmt.Fprintf(stdout, "Imported indicator %s (%s, %s, %s): %d values for %s on the %d structure from %s into %s.\n",
		ind.ID, ind.Name, ind.Unit, kind, len(a.Values), yearSpan(ind.Years), ind.Structure, file, db.Path())
	printImportNotes(stdout, meta.Skipped, meta.Missing, meta.Zeros, a.NoData, plural(a.NoData, "value", "values"))
	if len(a.Dropped) > 0 {
		fmt.Fprintf(stdout, "Left out %d empty values for numbers not in the %d structure: %s\n", len(a.Dropped), ind.Structure, strings.Join(a.Dropped, ", "))
	}
	return nil
}

// missingFlags names the required flags that are empty, or returns "".
func missingFlags(flags map[string]string) string {
	var missing []string
	for _, f := range []string{"name", "unit", "source"} {
		if v, ok := flags[f]; ok && strings.TrimSpace(v) == "" {
			missing = append(missing, "--"+f)
		}
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return missing[0] + " is required"
	}
	return strings.Join(missing, ", ") + " are required"
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// yearSpan writes years as "2021–2024" when they are consecutive, else as a
// list.
func yearSpan(years []int) string {
	switch {
	case len(years) == 0:
		return "no years"
	case len(years) == 1:
		return strconv.Itoa(years[0])
	case years[len(years)-1]-years[0] == len(years)-1:
		return fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

const indicatorListHelp = `Usage: generalist indicator list [--json] [--db PATH]

Lists the imported indicators: id, structure, years, unit, name and source.

Flags:
`

func runIndicatorList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("indicator list", indicatorListHelp, stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	dbPath := dbFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	inds, err := db.Indicators(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if inds == nil {
			inds = []generalist.Indicator{}
		}
		return writeJSON(stdout, inds)
	}
	if len(inds) == 0 {
		_, err := fmt.Fprintln(stdout, "No indicators yet; load one with: generalist indicator import FILE --id ID --name NAME --unit UNIT --source SOURCE")
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tStructure\tYears\tAdditive\tUnit\tName\tSource")
	for _, ind := range inds {
		add := "no"
		if ind.Additive {
			add = "yes"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Structure, yearSpan(ind.Years), add, oneLine(ind.Unit), oneLine(ind.Name), oneLine(ind.Source))
	}
	return tw.Flush()
}

// oneLine keeps a table row on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

const indicatorShowHelp = `Usage: generalist indicator show ID [--year Y] [--structure S] [--json] [--db PATH]

Prints an indicator's values for year Y on structure S, one line per
municipality. Values recorded on another structure are carried over the
change mappings: a municipality that stayed whole (unchanged or renumbered)
keeps its value; where a merger or split lies between the structures,
additive values are summed (a split still gives no data) and other values
have no data, with a note saying why.

Defaults: Y is the indicator's latest year, S the structure it was
recorded on.

Flags:
`

func runIndicatorShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("indicator show", indicatorShowHelp, stderr)
	year := fs.Int("year", 0, "`year` of the values (default: the latest)")
	structure := fs.String("structure", "", "show the values on this `structure`: 2019, 2020 or 2024")
	asJSON := fs.Bool("json", false, "print JSON")
	dbPath := dbFlag(fs)
	id, err := parseOne(fs, args, "indicator show: give exactly one indicator ID")
	if err != nil {
		return err
	}
	if *year != 0 && (*year < 1800 || *year > 2200) {
		return usageError(fmt.Sprintf("indicator show: --year %d: must be a calendar year such as 2024", *year))
	}
	var s generalist.Structure
	if *structure != "" {
		if s, err = generalist.ParseStructure(*structure); err != nil {
			return usageError("indicator show: --structure: " + generalist.ErrorMessage(err))
		}
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if s == 0 {
		ind, err := db.Indicator(ctx, id)
		if err != nil {
			return err
		}
		s = ind.Structure
	}
	l, err := atlas.IndicatorOn(ctx, db, id, s, *year)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, l)
	}
	ms, err := db.Municipalities(ctx, s)
	if err != nil {
		return err
	}
	names := make(map[generalist.MunicipalityNumber]string, len(ms))
	for _, m := range ms {
		names[m.Number] = m.ShortName
	}
	ind := l.Indicator
	fmt.Fprintf(stdout, "%s (%s), %d, structure %d\n", oneLine(ind.Name), oneLine(ind.Unit), l.Year, l.Structure)
	if l.CarriedFrom != 0 {
		how := "not additive: values are carried only where a municipality stayed whole"
		if ind.Additive {
			how = "additive: merged municipalities get the sum"
		}
		fmt.Fprintf(stdout, "(recorded on the %d structure and carried over the change mappings; %s)\n", l.CarriedFrom, how)
	}
	if ind.Description != "" {
		fmt.Fprintln(stdout, ind.Description)
	}
	fmt.Fprintf(stdout, "%d of %d municipalities have a value.\n\n", l.Known(), len(l.Values))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, v := range l.Values {
		val := "no data (" + noteText(v.Note) + ")"
		if v.Known {
			val = strconv.FormatFloat(v.Value, 'f', -1, 64)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", v.Municipality, names[v.Municipality], val)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "\nSource: %s\n", oneLine(ind.Source))
	return err
}

// noteText explains a note code in a few words.
func noteText(note string) string {
	switch note {
	case generalist.NoteMissing:
		return "the source has no value"
	case generalist.NoteSplitCarried:
		return "split between the structures"
	case generalist.NoteMergedNotAdditive:
		return "merged between the structures; the indicator is not additive"
	}
	return note
}

const indicatorDeleteHelp = `Usage: generalist indicator delete ID [--db PATH]

Removes an indicator and all its values from the store.

Flags:
`

func runIndicatorDelete(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("indicator delete", indicatorDeleteHelp, stderr)
	dbPath := dbFlag(fs)
	id, err := parseOne(fs, args, "indicator delete: give exactly one indicator ID")
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.DeleteIndicator(ctx, id); err != nil {
		return err
	}
	recordCLI(ctx, db, stderr, "indicator delete", id, "")
	_, err = fmt.Fprintf(stdout, "Deleted indicator %s from %s.\n", id, db.Path())
	return err
}
