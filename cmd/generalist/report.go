package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"generalist"
	"generalist/geo"
	"generalist/geomap"
	"generalist/report"
	"generalist/sim"
)

const reportHelp = `Usage: generalist report scenario FILE|ID ... [--format html|md|csv] [--out FILE] [--db PATH]

Writes a comparison of today's system with the scenarios: one self-contained
HTML file (inline SVG charts and maps, prints to PDF from a browser), or
Markdown, or CSV of the key figures. The same inputs give the same bytes.

Flags:
`

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reportHelp); fs.PrintDefaults() }
	format := fs.String("format", "html", "`format`: html, md or csv")
	outPath := fs.String("out", "", "write to `file` instead of standard output")
	title := fs.String("title", "Alternativer til dagens generalistkommunesystem", "report `title`")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 || pos[0] != "scenario" {
		return usageError("report: give report scenario FILE|ID ...")
	}
	write := map[string]func(io.Writer, *report.Comparison) error{"html": report.HTML, "md": report.Markdown, "csv": report.CSV}[*format]
	if write == nil {
		return usageError(fmt.Sprintf("report: --format %q: must be html, md or csv", *format))
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ev := &evaluator{ctx: ctx, db: db, inputs: map[[2]int]*sim.Input{}}
	c := &report.Comparison{Title: *title}
	for _, ref := range pos[1:] {
		s, err := ev.load(ref)
		if err != nil {
			return err
		}
		if len(c.Outcomes) == 0 {
			t, err := ev.run(&generalist.Scenario{Name: "Dagens system", Structure: s.Structure, Year: s.Year})
			if err != nil {
				return err
			}
			c.Outcomes = append(c.Outcomes, t)
			if ms, cs, err := geo.Embedded(s.Structure); err == nil {
				if c.Map, err = geomap.New(ms, cs); err != nil {
					return err
				}
			}
		} else if s.Structure != c.Outcomes[0].Structure || s.Year != c.Outcomes[0].Year {
			return generalist.Errorf(generalist.EINVALID, "report: %s is on the %d structure, 1.1.%d; the first scenario on %d, 1.1.%d",
				ref, s.Structure, s.Year, c.Outcomes[0].Structure, c.Outcomes[0].Year)
		}
		out, err := ev.run(s)
		if err != nil {
			return fmt.Errorf("%s: %w", ref, err)
		}
		c.Scenarios = append(c.Scenarios, s)
		c.Outcomes = append(c.Outcomes, out)
	}
	c.Catalogue = ev.cat
	// The published inputs (innspill) linked to each stored scenario.
	for _, s := range c.Scenarios {
		if s.ID == "" {
			continue
		}
		ins, err := db.InputsForScenario(ctx, s.ID)
		if err != nil {
			return err
		}
		if len(ins) > 0 {
			if c.Inputs == nil {
				c.Inputs = map[string][]generalist.Input{}
			}
			c.Inputs[s.ID] = ins
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, c); err != nil {
		return err
	}
	if *outPath == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		return generalist.Errorf(generalist.EINVALID, "report: %v", err)
	}
	fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", *outPath, buf.Len())
	return nil
}
