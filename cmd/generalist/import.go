package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"generalist"
	"generalist/atlas"
	"generalist/ssb"
)

const importHelp = `Usage: generalist import FILE [--format jsonstat|ssbcsv] [--encoding auto|utf-8|latin1]
                         [--structure S] [--replace] [--db PATH]

Loads a population table downloaded from SSB's statbank (such as 07459) into
the store: JSON-stat 2.0 (.json) or SSB's semicolon-separated CSV (.csv, often
ISO-8859-1). The import is one transaction: on any error nothing is stored.

The structure is taken from the region codes (the one that knows them all,
the structure in force for the latest year first) unless --structure is
given. Values that differ from stored data are refused unless --replace.

Cells with SSB's signs for no value (".." not available, "." not
applicable, "..." not yet available, ":" confidential) and JSON-stat nulls
are no data: nothing is stored for them, stored values are kept, and the
import counts them by sign. "-" is SSB's sign for exactly zero and is read
as 0. Totals and areas that are not municipalities (0 Hele landet,
counties, Svalbard, 9999 Uoppgitt) are skipped and listed; any other
number that is no municipality refuses the whole import.

Flags:
`

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", importHelp, stderr)
	format := fs.String("format", "", "file `format`: jsonstat or ssbcsv (default: from the file name)")
	encoding := fs.String("encoding", "auto", "CSV `encoding`: auto, utf-8 or latin1")
	structure := fs.String("structure", "", "put every record on this `structure` (2019, 2020, 2024)")
	replace := fs.Bool("replace", false, "overwrite stored values that differ")
	dbPath := dbFlag(fs)
	file, err := parseOne(fs, args, "import: give exactly one FILE")
	if err != nil {
		return err
	}
	var s generalist.Structure
	if *structure != "" {
		if s, err = generalist.ParseStructure(*structure); err != nil {
			return usageError("import: --structure: " + generalist.ErrorMessage(err))
		}
	}
	switch *encoding {
	case "auto", "utf-8", "latin1":
	default:
		return usageError(fmt.Sprintf("import: --encoding %q: must be auto, utf-8 or latin1", *encoding))
	}
	f := *format
	if f == "" {
		switch strings.ToLower(filepath.Ext(file)) {
		case ".json":
			f = "jsonstat"
		case ".csv":
			f = "ssbcsv"
		default:
			return usageError(fmt.Sprintf("import: cannot tell the format of %q from its name; give --format jsonstat or --format ssbcsv", file))
		}
	}

	b, err := os.ReadFile(file)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "import: %v", err)
	}
	var ds *ssb.Dataset
	switch f {
	case "jsonstat":
		ds, err = ssb.ParseJSONStat(bytes.NewReader(b))
	case "ssbcsv":
		ds, err = ssb.ParseCSV(bytes.NewReader(b), ssb.CSVOptions{Encoding: *encoding})
	default:
		return usageError(fmt.Sprintf("import: --format %q: must be jsonstat or ssbcsv", f))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}

	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkRegions(ctx, db, file, ds.Places); err != nil {
		return err
	}
	assigned, err := atlas.AssignStructure(ctx, db, ds.Populations, ds.SingleAges, s)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	sum := sha256.Sum256(b)
	source := "Kilde: Statistisk sentralbyrå"
	if ds.Table != "" {
		source += ", tabell " + ds.Table
	}
	imp := &generalist.PopulationImport{
		Dataset:     generalist.Dataset{Name: "import/" + filepath.Base(file), SHA256: hex.EncodeToString(sum[:]), Source: source},
		Populations: assigned.Populations,
		SingleAges:  assigned.SingleAges,
		Replace:     *replace,
	}
	if err := db.ImportPopulations(ctx, imp); err != nil {
		return err
	}
	recordCLI(ctx, db, stderr, "import", imp.Dataset.Name, "sha256 "+imp.Dataset.SHA256)
	fmt.Fprintf(stdout, "Imported %s from %s into %s.\n", assigned.Summary(), file, db.Path())
	printImportNotes(stdout, ds.Skipped, ds.Missing, ds.Zeros, assigned.NoData, plural(assigned.NoData, "municipality-year", "municipality-years"))
	if len(assigned.Dropped) > 0 {
		fmt.Fprintf(stdout, "Left out %d empty cells for codes not in the structure: %s\n", len(assigned.Dropped), strings.Join(assigned.Dropped, ", "))
	}
	return nil
}

// checkRegions refuses a file with a number that is a municipality in no
// structure (the region rule, atlas.CheckRegions), naming the file and
// where in it the number is.
func checkRegions(ctx context.Context, db generalist.AtlasStore, file string, places map[generalist.MunicipalityNumber]string) error {
	at := make(map[generalist.MunicipalityNumber]string, len(places))
	for n, p := range places {
		at[n] = filepath.Base(file) + ", " + p
	}
	return atlas.CheckRegions(ctx, db, slices.Sorted(maps.Keys(places)), at)
}

// printImportNotes reports what an import did not store as values: the
// regions the region rule skips, the cells without a value by SSB's sign,
// and the cells read as 0 from SSB's "-". noData counts the records left
// without data, which records names ("municipality-years", "values").
func printImportNotes(w io.Writer, skipped []ssb.Skip, missing generalist.MissingCells, zeros, noData int, records string) {
	if len(skipped) > 0 {
		fmt.Fprintf(w, "Skipped %d %s:\n", len(skipped), plural(len(skipped), "region that is not a municipality", "regions that are not municipalities"))
		for _, sk := range skipped {
			fmt.Fprintf(w, "  region %s\n", sk)
		}
	}
	if missing.Total() > 0 {
		fmt.Fprintf(w, "No data: %s; nothing was stored for them (%d %s).\n", missing, noData, records)
	}
	if zeros > 0 {
		fmt.Fprintf(w, "Read as 0: %d %s with \"-\", SSB's sign for exactly zero.\n", zeros, plural(zeros, "cell", "cells"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
