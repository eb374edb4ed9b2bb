package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// supportRule is the support schemes' rule as the CLI states it (see
// docs/support-scheme.md).
const supportRule = "Rule: a new cooperation qualifies when its form and task are the scheme's and at least one participant meets its size or shortfall criteria;\n" +
	"the grant per cooperation is shared equally by the qualifying participants, the grant per participant goes to each, every year of the period."

// printSupport prints each outcome's support schemes: the state's cost a
// year and in all, and what each municipality receives.
func printSupport(w io.Writer, outs []*sim.Outcome) error {
	nf := nbfmt.Terminal
	kr := func(v generalist.Kroner) string { return nf.Kroner(float64(v), 0) }
	for _, o := range outs {
		s := o.Support
		if s == nil {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\nSupport for new cooperation: %s, %d–%d\n%s\n", o.Scenario, s.FirstYear, s.LastYear, supportRule)
		for _, sc := range s.Schemes {
			name := sc.Name
			if name == "" {
				name = fmt.Sprintf("scheme %d", sc.Index+1)
			}
			fmt.Fprintf(&b, "  %s: %d of %d new cooperations qualify; %s a year, %d–%d, %s in all\n",
				name, len(sc.Cooperations), sc.NewCooperations, kr(sc.PerYear), sc.FirstYear, sc.LastYear, kr(sc.Total))
		}
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "Year\tState's cost\t")
		for _, y := range s.Years {
			fmt.Fprintf(tw, "%d\t%s\t\n", y.Year, kr(y.Cost))
		}
		fmt.Fprintf(tw, "In all\t%s\t\n", kr(s.Total))
		if len(s.Municipalities) > 0 {
			fmt.Fprintln(tw, "\t\t\t\t")
			fmt.Fprintln(tw, "Municipality\tCooperations\tFirst year\tWhole period\t")
			for _, r := range s.Municipalities {
				first, total := "no data", "no data"
				if r.FirstYear != nil && r.Total != nil {
					first, total = kr(*r.FirstYear), kr(*r.Total)
				}
				fmt.Fprintf(tw, "%s %s\t%d\t%s\t%s\t\n", r.Number, r.Name, r.Cooperations, first, total)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if s.Unknown > 0 {
			fmt.Fprintf(&b, "%d new cooperation(s) could not be judged against the criteria (no data) and are not counted in the cost.\n", s.Unknown)
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
