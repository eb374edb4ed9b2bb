package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"generalist"
	"generalist/app"
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
	return writeOutput(*out, c.stdout, func(w io.Writer) error {
		if *format == "csv" {
			return imc.ExportCSV(w, cs)
		}
		return imc.ExportJSON(w, cs)
	})
}

func imcImport(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "", "`format`: json or csv (default: from the file name, then the content)")
	replace := c.fs.Bool("replace", false, "store a cooperation whose name is registered as its next version")
	source := c.fs.String("source", "", "where the registrations come from (`TEXT`), for every cooperation the file gives none; such as \"Statsforvalteren i Nordland, oversikt 2024\"")
	dryRun := c.fs.Bool("dry-run", false, "check the file and say what would be registered, without storing anything")
	pos, err := c.parse(cmd, args, 1, 1, "import FILE --author WHO [--source TEXT] [--note WHY] [--format json|csv] [--replace] [--strict] [--dry-run]")
	if err != nil {
		return err
	}
	if *format != "" && *format != "json" && *format != "csv" {
		return usageError(fmt.Sprintf("imc import: --format %q: must be json or csv", *format))
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	b, name, err := readBytes(pos[0])
	if err != nil {
		return err
	}
	return c.importFile(ctx, app.CooperationImport{File: b, Name: name, Format: *format, Source: *source, Replace: *replace, DryRun: *dryRun})
}

// importFile checks and imports a file of cooperations in one transaction
// (app.ImportCooperations), printing every problem of a refused file.
func (c *imcCmd) importFile(ctx context.Context, req app.CooperationImport) error {
	a, err := c.app(ctx)
	if err != nil {
		return err
	}
	req.Edit, req.Strict, req.Today = c.edit(), *c.strict, c.day()
	plan, err := a.ImportCooperations(ctx, req)
	if err != nil {
		if ps := plan.Problems; len(ps) > 1 {
			fmt.Fprintf(c.stderr, "%s: %d problems:\n", req.Name, len(ps))
			for _, p := range ps {
				fmt.Fprintf(c.stderr, "  %s: %s\n", p.Where(), p.Message)
			}
		}
		return generalist.Errorf(generalist.ErrorCode(err), "%s; nothing was imported", generalist.ErrorMessage(err))
	}
	if plan.Skipped > 0 {
		fmt.Fprintf(c.stderr, "Left out %d cooperation(s) the file marks as examples: examples are registered only from the shipped set (imc examples).\n", plan.Skipped)
	}
	if !plan.Imported {
		return say(ctx, c.stdout, "ok.imc.checked", req.Name, plan.Created, plan.Updated, plan.Unchanged)
	}
	recordCLI(ctx, a.Store, c.stderr, "imc import", req.Name, fmt.Sprintf("%d registered, %d updated", plan.Created, plan.Updated))
	return say(ctx, c.stdout, "ok.imc.imported", req.Name, plan.Created, plan.Updated, plan.Unchanged)
}

func imcExamples(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	replace := c.fs.Bool("replace", false, "restore examples that have been changed")
	if _, err := c.parse(cmd, args, 0, 0, "examples --author WHO [--replace]"); err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	if *c.note == "" {
		*c.note = "Eksempler levert med Generalist (ikke reelle registreringer)"
	}
	err := c.importFile(ctx, app.CooperationImport{File: imc.ExamplesJSON(), Name: "the shipped examples (" + imc.ExamplesFile + ")", Format: "json", Replace: *replace, Examples: true})
	var e *generalist.Error
	if errors.As(err, &e) && e.Code == generalist.ECONFLICT {
		return generalist.Errorf(generalist.ECONFLICT, "%s (the examples are registered already)", e.Message)
	}
	return err
}
