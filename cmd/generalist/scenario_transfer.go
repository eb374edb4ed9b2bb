package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"generalist"
	"generalist/app"
)

// transferFlags are the flags of scenario export, import and publish.
type transferFlags struct {
	format, name, description *string
	crs, structure, year      *int
	dryRun                    *bool
}

// exportScenario writes a stored or example scenario (or a file) as JSON
// (the default), GeoJSON or CSV.
func exportScenario(ctx context.Context, a *app.App, ref string, f transferFlags, examples bool, stdout io.Writer) error {
	s, err := loadScenario(ctx, a, ref)
	if err != nil {
		return err
	}
	switch *f.format {
	case "", "json":
		if *f.crs != 0 {
			return usageError("scenario export: --crs goes with --format geojson")
		}
		return writeJSON(stdout, s)
	case app.FormatGeoJSON:
	default:
		if *f.crs != 0 {
			return usageError("scenario export: --crs goes with --format geojson")
		}
	}
	ex, err := a.ExportScenario(ctx, s, *f.format, *f.crs, app.TodayOptions{Examples: examples})
	if err != nil {
		return err
	}
	_, err = stdout.Write(ex.Body)
	return err
}

// importScenario stores a new scenario from a plan file (CSV or GeoJSON),
// or with --dry-run checks it; every problem goes to standard error with
// its place.
func importScenario(ctx context.Context, a *app.App, path, id string, f transferFlags, stdout, stderr io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "scenario import: %v", err)
	}
	if *f.name == "" {
		return usageError("scenario import: give the new scenario a name with --name")
	}
	format := *f.format
	if format == "json" {
		return usageError("scenario import: a scenario's own JSON is stored with scenario new; import reads csv or geojson")
	}
	res, err := a.ImportScenario(ctx, app.PlanImport{File: b, FileName: path, Format: format, ID: id, Name: *f.name, Description: *f.description,
		Author: cliActor(), Structure: generalist.Structure(*f.structure), Year: *f.year, DryRun: *f.dryRun})
	if res != nil && len(res.Problems) > 0 {
		for _, p := range res.Problems {
			fmt.Fprintln(stderr, p)
		}
		return generalist.Errorf(generalist.EINVALID, "%s: %d problem(s); nothing was stored", path, len(res.Problems))
	}
	if err != nil {
		return err
	}
	sc := res.Scenario
	if !res.Stored {
		return say(ctx, stdout, "ok.scenario.dryrun", path, len(sc.Mergers), sc.Structure, sc.Year, sc.ID)
	}
	recordCLI(ctx, a.Store, stderr, "scenario import", sc.ID, sc.Name)
	return say(ctx, stdout, "ok.scenario.imported", sc.ID, len(sc.Mergers), sc.Structure, sc.Year)
}

// publishScenario publishes (or unpublishes) a stored scenario.
func publishScenario(ctx context.Context, a *app.App, id string, publish bool, stdout, stderr io.Writer) error {
	if publish {
		sc, err := a.PublishScenario(ctx, id, cliActor())
		if err != nil {
			return err
		}
		recordCLI(ctx, a.Store, stderr, "scenario publish", id, "")
		return say(ctx, stdout, "ok.scenario.published", id, sc.Published.By)
	}
	if _, err := a.UnpublishScenario(ctx, id); err != nil {
		return err
	}
	recordCLI(ctx, a.Store, stderr, "scenario unpublish", id, "")
	return say(ctx, stdout, "ok.scenario.unpublished", id)
}
