package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"generalist"
	"generalist/app"
	"generalist/report"
)

const reportHelp = `Usage: generalist report scenario FILE|ID ... [--format html|md|csv|csv-excel] [--lang nb|en] [--out FILE] [--db PATH]

Writes a comparison of today's system with the scenarios: one self-contained
HTML file (inline SVG charts and maps, prints to PDF from a browser), or
Markdown, or CSV of the key figures (csv-excel: the CSV for Excel with
Norwegian settings, semicolons and decimal commas). The report is in bokmål
unless --lang en; names and the titles of sources are kept as they are. The
same inputs give the same bytes.

Flags:
`

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("report", reportHelp, stderr)
	format := fs.String("format", "html", "`format`: html, md, csv or csv-excel")
	lang := fs.String("lang", "nb", "`language` of the report: nb (bokmål) or en (English)")
	outPath := fs.String("out", "", "write to `file` instead of standard output")
	title := fs.String("title", "", "report `title` (default: a standard title in the report's language)")
	examples := fs.Bool("examples", false, "count the shipped example cooperations as today's cooperation")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 || pos[0] != "scenario" {
		return usageError("report: give report scenario FILE|ID ...")
	}
	write := map[string]func(io.Writer, *report.Comparison) error{"html": report.HTML, "md": report.Markdown, "csv": report.CSV, "csv-excel": report.CSV}[*format]
	if write == nil {
		return usageError(fmt.Sprintf("report: --format %q: must be html, md, csv or csv-excel", *format))
	}
	if *lang != "nb" && *lang != "en" {
		return usageError(fmt.Sprintf("report: --lang %q: must be nb or en", *lang))
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	scs, err := loadScenarios(ctx, a, pos[1:])
	if err != nil {
		return err
	}
	c, err := a.Report(ctx, *title, scs, app.TodayOptions{Examples: *examples})
	if err != nil {
		return err
	}
	c.Lang = *lang
	if *format == "csv-excel" {
		c.NumberLang = "nb" // Excel with Norwegian settings reads "3,402" as 3.402
	}
	var buf bytes.Buffer
	if err := write(&buf, c); err != nil {
		return err
	}
	if *format == "csv-excel" {
		x, err := generalist.ExcelCSV(buf.Bytes())
		if err != nil {
			return err
		}
		buf.Reset()
		buf.Write(x)
	}
	if *outPath == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		return generalist.Errorf(generalist.EINVALID, "report: %v", err)
	}
	return say(ctx, stdout, "ok.report.wrote", *outPath, buf.Len())
}
