package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
)

// imc costs: a cost shared between the participants by one or more keys,
// side by side (app.ShareCosts).

func imcCosts(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	total := c.fs.String("total", "", "the cost to share, in `kroner` (\"1 250 000,50\")")
	var keys, usage multiFlag
	c.fs.Var(&keys, "key", "a cost `key`, such as \"20 % lik + 80 % innbyggere\" (repeat to compare; default: the agreement's and the common ones)")
	c.fs.Var(&usage, "usage", "a participant's volume of use, `NUMBER=VOLUME` (repeat)")
	year := c.fs.Int("year", 0, "the `year` of the inhabitants (1 January; default: the latest)")
	pos, err := c.parse(cmd, args, 1, 1, "costs FILE|ID --total AMOUNT [--key KEY …] [--year Y] [--usage N=V …] [--json]")
	if err != nil {
		return err
	}
	if *total == "" {
		return usageError("imc costs: --total is required")
	}
	amount, err := generalist.ParseOre(*total)
	if err != nil {
		return usageError("imc costs: --total: " + generalist.ErrorMessage(err))
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	var ks []generalist.CostKey
	for _, k := range keys {
		key, err := generalist.ParseCostKey(k)
		if err != nil {
			return usageError("imc costs: --key: " + generalist.ErrorMessage(err))
		}
		ks = append(ks, key)
	}
	req := app.CostRequest{Total: amount, Keys: ks, Usage: map[string]float64{}, Year: *year}
	for _, u := range usage {
		num, vol, ok := strings.Cut(u, "=")
		if !ok {
			return usageError(fmt.Sprintf("imc costs: --usage %q: write NUMBER=VOLUME", u))
		}
		v, err := generalist.ParseUsage(vol)
		if err != nil {
			return usageError("imc costs: --usage: " + generalist.ErrorMessage(err))
		}
		req.Usage[strings.TrimSpace(num)] = v
	}
	a, err := c.app(ctx)
	if err != nil {
		return err
	}
	cmp, inhabitantsYear, err := a.ShareCosts(ctx, x, req)
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, cmp)
	}
	fmt.Fprintf(c.stdout, "Sharing %s in %s (inhabitants on 1 January %d)\n\n", amount, x.Name, inhabitantsYear)
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "Participant\t"
	for _, al := range cmp.Allocations {
		head += al.Key + "\t"
	}
	fmt.Fprintln(tw, head)
	for i, p := range x.Participants {
		line := firstNonEmpty(p.Name, p.Number) + "\t"
		for _, al := range cmp.Allocations {
			line += al.Rows[i].Amount.Text() + "\t"
		}
		fmt.Fprintln(tw, line)
	}
	line := "Total\t"
	for range cmp.Allocations {
		line += amount.Text() + "\t"
	}
	fmt.Fprintln(tw, line)
	return tw.Flush()
}
