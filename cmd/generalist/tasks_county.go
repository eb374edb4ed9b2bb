package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
)

// listCountyTasks prints the county authority's task catalogue: each task
// with its role, legal basis and how far the legal basis is verified.
func listCountyTasks(a *app.App, stdout io.Writer, asJSON bool) error {
	cat, err := a.CountyTasks()
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(stdout, cat)
	}
	fmt.Fprintf(stdout, "County authority's task catalogue (fylkeskommunen) %s: %d tasks\n\n", cat.Version, len(cat.Tasks))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Task\tRole\tVerified\tLegal basis")
	for _, t := range cat.Tasks {
		v := "yes"
		switch t.Verified {
		case generalist.VerifiedPartly:
			v = "partly (UNVERIFIED part)"
		case generalist.VerifiedNo:
			v = "no (UNVERIFIED)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Role, v, strings.ReplaceAll(t.LegalBasis, "\t", " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, "\nSources and notes: generalist tasks list --county --json, and data/fylkesoppgaver.md. No costs or staff: none are sourced.")
	return err
}
