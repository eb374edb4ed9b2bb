package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

Flags:
`

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", importHelp, stderr)
	format := fs.String("format", "", "file `format`: jsonstat or ssbcsv (default: from the file name)")
	encoding := fs.String("encoding", "auto", "CSV `encoding`: auto, utf-8 or latin1")
	structure := fs.String("structure", "", "put every record on this `structure` (2019, 2020, 2024)")
	replace := fs.Bool("replace", false, "overwrite stored values that differ")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("import: give exactly one FILE")
	}
	file := pos[0]
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
	for _, sk := range ds.Skipped {
		fmt.Fprintf(stdout, "Skipped region %s %s: %s\n", sk.Region, sk.Label, sk.Reason)
	}
	if len(assigned.Dropped) > 0 {
		fmt.Fprintf(stdout, "Left out %d empty cells for codes not in the structure: %s\n", len(assigned.Dropped), strings.Join(assigned.Dropped, ", "))
	}
	return nil
}
