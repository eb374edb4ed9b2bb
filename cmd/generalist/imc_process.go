package main

import (
	"context"
	"fmt"
	"slices"
	"text/tabwriter"

	"generalist"
	"generalist/imc"
)

// imc process: the process guide A–Å of a cooperation, and tracking one
// step of it.

func imcProcess(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	owner := c.fs.String("owner", "", "who owns the step")
	date := c.fs.String("date", "", "the `date` the step was done or is due")
	stepNote := c.fs.String("step-note", "", "a `note` on the step")
	pos, err := c.parse(cmd, args, 1, 3, "process ID [STEP STATUS --author WHO [--owner O] [--date D] [--step-note N]]")
	if err != nil {
		return err
	}
	if len(pos) == 2 {
		return usageError("imc process: give both STEP and STATUS (ikke_startet, pagar, ferdig, ikke_aktuelt)")
	}
	id, err := cooperationID(cmd, pos[0])
	if err != nil {
		return err
	}
	if len(pos) == 3 {
		if err := c.needAuthor(cmd); err != nil {
			return err
		}
	}
	db, x, err := c.stored(ctx, id)
	if err != nil {
		return err
	}
	if len(pos) == 3 {
		st := generalist.IMCStep{Step: pos[1], Status: generalist.StepStatus(pos[2]), Owner: *owner, Note: *stepNote}
		if *date != "" {
			if st.Date, err = generalist.ParseCalendarDate(*date); err != nil {
				return usageError("imc process: --date: " + generalist.ErrorMessage(err))
			}
		}
		x.Process = slices.Clone(x.Process)
		if old := x.Step(st.Step); old != nil {
			if st.Owner == "" {
				st.Owner = old.Owner
			}
			if st.Note == "" {
				st.Note = old.Note
			}
			*old = st
		} else {
			x.Process = append(x.Process, st)
		}
		if err := c.vet(x); err != nil {
			return err
		}
		if err := db.UpdateIMC(ctx, x, c.edit()); err != nil {
			return err
		}
		recordCLI(ctx, db, c.stderr, "imc process", fmt.Sprint(id), st.Step+" "+string(st.Status))
		say(ctx, c.stdout, "ok.imc.step", st.Step, st.Status, id, x.Version)
		fmt.Fprintln(c.stdout)
	}
	guide := imc.Guide(x)
	if *c.json {
		return writeJSON(c.stdout, guide)
	}
	done, total := imc.Done(guide)
	fmt.Fprintf(c.stdout, "Process guide for %s: %d of %d steps done or not applicable\n\n", x.Name, done, total)
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Step\tStatus\tOwner\tDate\tLegal reference")
	for _, p := range guide {
		ref := p.Reference
		if !p.Law {
			ref = "god praksis"
		}
		if !p.Verified {
			ref += " [IKKE VERIFISERT]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID, p.Status, orDash(p.Owner), orDash(string(p.Date)), ref)
	}
	return tw.Flush()
}
