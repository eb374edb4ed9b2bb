package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/atlas"
)

const indicatorAnalyseHelp = `Usage: generalist indicator analyse ID [--cov logpop --cov centrality ...]
                                   [--structure S] [--year Y] [--json] [--db PATH]

Regresses an indicator — imported, or built-in such as costindex2025 — on
municipality size and centrality by ordinary least squares (the analysis
Menon Economics made of statutory compliance): coefficients with standard
errors and 95 % confidence intervals, R², n, the effect of doubling the
population, and means by KOSTRA size group and centrality class.
Municipalities without a value are left out and counted.

Covariates: logpop (log2 population), centrality (class dummies, class 1 the
base; 2024 structure only, unverified classes), share80, change10, costindex.
Default: logpop and centrality.

Flags:
`

// covFlag collects repeated --cov flags.
type covFlag []string

func (c *covFlag) String() string     { return strings.Join(*c, ",") }
func (c *covFlag) Set(v string) error { *c = append(*c, v); return nil }

func runIndicatorAnalyse(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("indicator analyse", indicatorAnalyseHelp, stderr)
	var covs covFlag
	fs.Var(&covs, "cov", "`covariate` (repeat): logpop, centrality, share80, change10, costindex")
	structure := fs.String("structure", "2024", "municipal `structure`")
	year := fs.Int("year", 0, "1 January of `year` for population and covariates (default: latest)")
	asJSON := fs.Bool("json", false, "print JSON")
	dbPath := dbFlag(fs)
	id, err := parseOne(fs, args, "indicator analyse: give exactly one indicator ID")
	if err != nil {
		return err
	}
	s, err := generalist.ParseStructure(*structure)
	if err != nil {
		return usageError("indicator analyse: --structure: " + generalist.ErrorMessage(err))
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	y := *year
	if y == 0 {
		if y, err = a.LatestYear(ctx, s); err != nil {
			return err
		}
	}
	ind, _, err := a.Indicator(ctx, id, s, y)
	if err != nil {
		return err
	}
	res, err := a.Analyse(ctx, ind, s, y, covs)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, map[string]any{"analysis": res, "source": ind.Source, "caveat": ind.Caveat})
	}
	fmt.Fprintf(stdout, "%s (%s) against size and centrality, structure %d, 1 January %d\n", ind.EN, ind.UnitEN, s, y)
	fmt.Fprintf(stdout, "OLS, n = %d (%d left out for missing values), R² = %.3f, adjusted R² = %.3f\n\n", res.N, res.Dropped, res.R2, res.AdjR2)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Term\tEstimate\tStd. error\t95 % CI\tp\t")
	for _, c := range res.Coefficients {
		p := "–"
		if c.P != nil {
			p = fmt.Sprintf("%.4f", *c.P)
		}
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t[%.4f, %.4f]\t%s\t\n", c.Name, c.Estimate, c.StdErr, c.CILow, c.CIHigh, p)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if e := res.DoublingEffect; e != nil {
		fmt.Fprintf(stdout, "\nDoubling the population changes the indicator by %.4f (95 %% CI %.4f to %.4f), other covariates held fixed.\n", e.Estimate, e.CILow, e.CIHigh)
	}
	for _, g := range []struct {
		title  string
		groups []atlas.GroupMean
	}{{"By KOSTRA size group", res.BySize}, {"By centrality class", res.ByCentrality}} {
		fmt.Fprintf(stdout, "\n%s:\n", g.title)
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "Group\tn\tMean\tMedian\t")
		for _, m := range g.groups {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t\n", m.Group, m.N, optF(m.Mean), optF(m.Median))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nSource: %s\n", ind.Source)
	if ind.Caveat != "" {
		fmt.Fprintf(stdout, "Note: %s\n", ind.Caveat)
	}
	return nil
}

func optF(v *float64) string {
	if v == nil {
		return "no data"
	}
	return fmt.Sprintf("%.4f", *v)
}
