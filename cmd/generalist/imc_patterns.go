package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist/app"
	"generalist/internal/nbfmt"
)

// imc patterns: per municipality the cooperations, distinct partners and
// fixed-partner index; per county the communities of municipalities that
// cooperate with each other (app.CooperationPatterns,
// docs/cooperation-patterns.md).

func imcPatterns(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	examples := c.fs.Bool("examples", false, "count the shipped example cooperations (made-up agreements; not today's system)")
	if _, err := c.parse(cmd, args, 0, 0, "patterns [--examples] [--today DATE] [--json]"); err != nil {
		return err
	}
	a, err := c.app(ctx)
	if err != nil {
		return err
	}
	p, err := a.CooperationPatterns(ctx, c.day(), app.TodayOptions{Examples: *examples})
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, p)
	}
	return printPatterns(c.stdout, p)
}

func printPatterns(w io.Writer, p *app.CooperationPatterns) error {
	f := nbfmt.For("en")
	fmt.Fprintf(w, "Cooperation patterns on %s: %d cooperations with at least two municipalities", p.Day.Long(), p.Cooperations)
	if p.Examples {
		fmt.Fprint(w, " (EXAMPLES COUNTED: made-up agreements, not today's system)")
	}
	fmt.Fprintln(w, ".")
	if p.LeftOut > 0 {
		fmt.Fprintf(w, "%d with fewer than two municipalities left out.\n", p.LeftOut)
	}
	if p.ExamplesLeftOut > 0 {
		fmt.Fprintf(w, "%d example cooperations not counted (--examples counts them).\n", p.ExamplesLeftOut)
	}
	if p.Cooperations == 0 {
		_, err := fmt.Fprintln(w, "No patterns to show: import cooperations with generalist imc import FILE --author WHO.")
		return err
	}
	fmt.Fprintln(w, "\nIndex: mean Jaccard similarity of the partner sets of each pair of a municipality's cooperations; 1 fixed partners, 0 shopping, \"no data\" with fewer than two.")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Number\tMunicipality\tCooperations\tPartners\tIndex\t")
	for _, m := range p.Municipalities {
		index := "no data"
		if m.Index != nil {
			index = f.Decimal(*m.Index, 2)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t\n", m.Number, m.Name, m.Cooperations, m.Partners, index)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nCommunities per county (Louvain, best of %d runs from seed %d; modularity Q):\n", p.Runs, p.Seed)
	for _, r := range p.Regions {
		q := "no data (no links)"
		if r.Modularity != nil {
			q = f.Decimal(*r.Modularity, 2)
		}
		fmt.Fprintf(w, "\n%s (%s): %d municipalities, %d linked pairs, %d cross-border pairs, Q %s\n", r.Name, r.County, r.Municipalities, r.Links, r.CrossBorder, q)
		for i, c := range r.Communities {
			names := make([]string, len(c.Members))
			for j, m := range c.Members {
				names[j] = m.Name
			}
			fmt.Fprintf(w, "  %d. %s (%d shared within)\n", i+1, strings.Join(names, ", "), c.Internal)
		}
		if len(r.Unlinked) > 0 {
			names := make([]string, len(r.Unlinked))
			for j, m := range r.Unlinked {
				names[j] = m.Name
			}
			fmt.Fprintf(w, "  Only across the border: %s\n", strings.Join(names, ", "))
		}
	}
	return nil
}
