package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"generalist/imc"
)

// imc overview: a municipality's cooperations for its eierskapsmelding, or
// the national counts (app.CooperationOverview, app.NationalOverview).

func imcOverview(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	mun := c.fs.String("municipality", "", "the municipality (kommunenummer) or county (fylkesnummer); without it, the national overview")
	if _, err := c.parse(cmd, args, 0, 0, "overview [--municipality N] [--today DATE] [--json]"); err != nil {
		return err
	}
	a, err := c.app(ctx)
	if err != nil {
		return err
	}
	if *mun == "" {
		n, err := a.NationalOverview(ctx, c.day())
		if err != nil {
			return err
		}
		if *c.json {
			return writeJSON(c.stdout, n)
		}
		return printNational(c.stdout, n)
	}
	o, err := a.CooperationOverview(ctx, *mun, c.day())
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, o)
	}
	return printOverview(c.stdout, o)
}

func printNational(w io.Writer, n *imc.National) error {
	fmt.Fprintf(w, "%d cooperations running on %s (%d of them examples)\n\nBy form:\n", n.Total, n.Date.Long(), n.Examples)
	for _, f := range n.ByForm {
		fmt.Fprintf(w, "  %-55s %d\n", f.Label, f.N)
	}
	fmt.Fprintln(w, "\nBy task:")
	for _, t := range n.ByTask {
		fmt.Fprintf(w, "  %-55s %d\n", t.Label, t.N)
	}
	_, err := fmt.Fprintf(w, "\n%d municipalities and counties take part in at least one.\n", len(n.PerParticipant))
	return err
}

func printOverview(w io.Writer, o *imc.MunicipalityOverview) error {
	fmt.Fprintf(w, "Inter-municipal cooperations of %s (%s) on %s\nFor the eierskapsmelding (%s).\n\n", o.Name, o.Number, o.Date.Long(), o.Reference)
	if len(o.Rows) == 0 {
		_, err := fmt.Fprintln(w, "None registered.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Cooperation\tForm\tOwnership\tCost\tSince\tLegal check")
	for _, r := range o.Rows {
		cost := "–"
		if r.Cost != nil {
			cost = fmt.Sprintf("%s (%d)", r.Cost.Text(), r.BudgetYear)
		}
		check := "ok"
		if r.Failed > 0 {
			check = fmt.Sprintf("%d failing", r.Failed)
		}
		label := r.Name
		if r.Example {
			label += " [EKSEMPEL]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", label, r.FormLabel, shareText(r.Ownership), cost, r.Start, check)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nTotal of the costs that could be computed: %s\n", o.TotalCost)
	return err
}
