package main

import (
	"context"
	"fmt"

	"generalist"
	"generalist/app"
	"generalist/imc"
)

// imc exit: the earliest legal exit of a participant (app.Exits).

func imcExit(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	participant := c.fs.String("participant", "", "the participant that leaves (`number`)")
	date := c.fs.String("date", "", "the `date` notice is given (default: today)")
	boundary := c.fs.String("boundary-change", "", "the `date` a boundary change touching the participant took effect (inndelingslova § 16)")
	pos, err := c.parse(cmd, args, 1, 1, "exit FILE|ID --participant N [--date DATE] [--boundary-change DATE] [--json]")
	if err != nil {
		return err
	}
	if *participant == "" {
		return usageError("imc exit: --participant is required")
	}
	req := imc.ExitRequest{Participant: *participant, Notice: c.day()}
	for _, d := range []struct {
		flag, v string
		dst     *generalist.CalendarDate
	}{{"date", *date, &req.Notice}, {"boundary-change", *boundary, &req.BoundaryChange}} {
		if d.v != "" {
			if *d.dst, err = generalist.ParseCalendarDate(d.v); err != nil {
				return usageError("imc exit: --" + d.flag + ": " + generalist.ErrorMessage(err))
			}
		}
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	as, err := app.Exits(x, req)
	if err != nil {
		return err
	}
	a := as[0]
	if *c.json {
		return writeJSON(c.stdout, a)
	}
	name := firstNonEmpty(a.Name, a.Participant)
	if a.Earliest != "" {
		fmt.Fprintf(c.stdout, "%s can leave %s on %s at the earliest, after notice on %s:\n  %s (%s)", name, x.Name, a.Earliest.Long(), a.Notice.Long(), a.Rule, a.Reference)
	} else {
		fmt.Fprintf(c.stdout, "The earliest day %s can leave %s cannot be told from the registry:\n  %s (%s)", name, x.Name, a.Rule, a.Reference)
	}
	if !a.Verified {
		fmt.Fprint(c.stdout, " [IKKE VERIFISERT]")
	}
	fmt.Fprintln(c.stdout, "\n\nRoutes:")
	for _, r := range a.Routes {
		when := "no date"
		if r.Earliest != "" {
			when = r.Earliest.Long()
		}
		state := "applies"
		switch {
		case !r.Applies:
			state = "does not apply"
		case r.Conditional:
			state = "only if all agree"
		}
		fmt.Fprintf(c.stdout, "  %s — %s (%s; %s)\n    %s\n", r.Rule, when, r.Reference, state, r.Why)
	}
	fmt.Fprintf(c.stdout, "\nLiability: %s\n\nWhat the agreement must say about exit, dissolution and archives:\n", a.Liability)
	for _, it := range a.Agreement {
		fmt.Fprintf(c.stdout, "  %s %s — %s\n       %s\n", statusMark(it.Status), it.ID, it.Reference, it.Why)
	}
	_, err = fmt.Fprintf(c.stdout, "\nNote: %s\n", a.Caveat)
	return err
}
