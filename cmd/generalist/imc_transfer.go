package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"generalist"
	"generalist/imc"
)

// Moving the registry in and out: imc export, import and examples.

func imcExport(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "json", "`format`: json (everything) or csv (the register, one row per participant)")
	out := c.fs.String("out", "", "write to `file` instead of standard output")
	if _, err := c.parse(cmd, args, 0, 0, "export [--format json|csv] [--out FILE]"); err != nil {
		return err
	}
	if *format != "json" && *format != "csv" {
		return usageError(fmt.Sprintf("imc export: --format %q: must be json or csv", *format))
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	cs, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return err
	}
	w, done, err := output(*out, c.stdout)
	if err != nil {
		return err
	}
	defer done()
	if *format == "csv" {
		return imc.ExportCSV(w, cs)
	}
	return imc.ExportJSON(w, cs)
}

func imcImport(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "", "`format`: json or csv (default: from the file name)")
	replace := c.fs.Bool("replace", false, "store a cooperation whose name is registered as its next version")
	pos, err := c.parse(cmd, args, 1, 1, "import FILE --author WHO [--note WHY] [--format json|csv] [--replace] [--strict]")
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	cs, err := readFile(pos[0], *format)
	if err != nil {
		return err
	}
	return c.importIMCs(ctx, cs, *replace, pos[0], isCSV(pos[0], *format))
}

// importIMCs vets and imports cooperations in one transaction. A CSV file
// carries no agreement clauses, documents or process, so with replace
// those are kept from the registered version.
func (c *imcCmd) importIMCs(ctx context.Context, cs []generalist.IMC, replace bool, source string, csv bool) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if csv && replace {
		existing, err := db.IMCs(ctx, generalist.IMCFilter{})
		if err != nil {
			return err
		}
		for i := range cs {
			for _, e := range existing {
				if strings.EqualFold(strings.Join(strings.Fields(e.Name), " "), strings.Join(strings.Fields(cs[i].Name), " ")) {
					key := cs[i].Agreement.CostKey
					cs[i].Agreement = e.Agreement
					cs[i].Agreement.CostKey = key
					cs[i].Documents, cs[i].Process = e.Documents, e.Process
				}
			}
		}
	}
	for i := range cs {
		if err := c.vet(&cs[i]); err != nil {
			return generalist.Errorf(generalist.ErrorCode(err), "%s, cooperation %d of %d: %s; nothing was imported", source, i+1, len(cs), generalist.ErrorMessage(err))
		}
	}
	created, updated, err := db.ImportIMCs(ctx, cs, c.edit(), replace)
	if err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc import", source, fmt.Sprintf("%d registered, %d updated", created, updated))
	_, err = fmt.Fprintf(c.stdout, "Imported %s: %d registered, %d updated, %d unchanged.\n", source, created, updated, len(cs)-created-updated)
	return err
}

func imcExamples(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	replace := c.fs.Bool("replace", false, "restore examples that have been changed")
	if _, err := c.parse(cmd, args, 0, 0, "examples --author WHO [--replace]"); err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	cs, err := imc.Examples()
	if err != nil {
		return err
	}
	if *c.note == "" {
		*c.note = "Eksempler levert med Generalist (ikke reelle registreringer)"
	}
	err = c.importIMCs(ctx, cs, *replace, "the shipped examples ("+imc.ExamplesFile+")", false)
	var e *generalist.Error
	if errors.As(err, &e) && e.Code == generalist.ECONFLICT {
		return generalist.Errorf(generalist.ECONFLICT, "%s (the examples are registered already)", e.Message)
	}
	return err
}
