package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"generalist"
	"generalist/imc"
)

// Reading the registry: imc list, show and history.

func imcList(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	mun := c.fs.String("municipality", "", "only those a municipality (kommunenummer) or county (fylkesnummer) takes part in")
	form := c.fs.String("form", "", "only those of a `form`")
	task := c.fs.String("task", "", "only those carrying a catalogue `task`")
	active := c.fs.String("active", "", "only those running on a `date`")
	if _, err := c.parse(cmd, args, 0, 0, "list [--municipality N] [--form F] [--task T] [--active DATE] [--json]"); err != nil {
		return err
	}
	f := generalist.IMCFilter{Participant: *mun, Task: *task}
	if *form != "" {
		var err error
		if f.Form, err = generalist.ParseIMCForm(*form); err != nil {
			return usageError("imc list: --form: " + generalist.ErrorMessage(err))
		}
	}
	if *active != "" {
		d, err := generalist.ParseCalendarDate(*active)
		if err != nil {
			return usageError("imc list: --active: " + generalist.ErrorMessage(err))
		}
		f.ActiveOn = d
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	cs, err := db.IMCs(ctx, f)
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, cs)
	}
	if len(cs) == 0 {
		_, err := fmt.Fprintln(c.stdout, "No cooperations registered (generalist imc add, import or examples).")
		return err
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tName\tForm\tParticipants\tStart\tEnd\tLegal check\tVersion")
	for i := range cs {
		x := &cs[i]
		l := imc.Check(x, cat, imc.Options{Today: c.day()})
		status := "ok"
		if !l.OK() {
			status = fmt.Sprintf("%d failing", l.Failed)
		}
		end := string(x.End)
		if end == "" {
			end = "–"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%d\n", x.ID, x.Name, x.Form.Alias(), len(x.Participants), x.Start, end, status, x.Version)
	}
	return tw.Flush()
}

func imcShow(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	version := c.fs.Int("version", 0, "show this earlier `version`")
	id, err := c.parseID(cmd, args, "show ID [--version V] [--json]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	var x *generalist.IMC
	if *version > 0 {
		x, err = db.IMCVersion(ctx, id, *version)
	} else {
		x, err = db.IMC(ctx, id)
	}
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, x)
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	return printIMC(c.stdout, x, cat, c.day())
}

func printIMC(w io.Writer, x *generalist.IMC, cat *generalist.Catalogue, today generalist.CalendarDate) error {
	if x.Example {
		fmt.Fprintln(w, "EXAMPLE – not a real registration.")
	}
	fmt.Fprintf(w, "%s (id %d, version %d, changed %s by %s)\n", x.Name, x.ID, x.Version, x.UpdatedAt.Format("2006-01-02 15:04"), x.UpdatedBy)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", k, v)
		}
	}
	row("Form", x.Form.Label()+" ("+imc.GoverningLaw(x.Form)+")")
	row("Organisation number", x.OrgNumber.String())
	if h := x.Participant(x.Host); h != nil {
		row("Host / office", h.Label())
	} else {
		row("Head office", x.Host)
	}
	row("Start", x.Start.Long())
	row("End", x.End.Long())
	row("County governor told", x.GovernorNotified.Long())
	if x.Budget > 0 {
		row("Budget", fmt.Sprintf("%s (%d)", x.Budget, x.BudgetYear))
	}
	if len(x.Agreement.CostKey) > 0 {
		row("Cost key", x.Agreement.CostKey.String())
	}
	tw.Flush()
	fmt.Fprintln(w, "\nParticipants:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  Number\tName\tOwnership\tLiability\tSeats\tAdopted")
	for _, p := range x.Participants {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", p.Number, p.Name, shareText(p.Ownership), shareText(p.Liability), seatsText(p.Seats), orDash(string(p.Adopted)))
	}
	tw.Flush()
	if len(x.Tasks) > 0 {
		fmt.Fprintln(w, "\nTasks:")
		for _, t := range x.Tasks {
			name := t.Text
			for _, ct := range cat.Tasks {
				if ct.ID == t.Task {
					name = ct.NameNB
				}
			}
			fmt.Fprintf(w, "  %s (%s): %s\n", name, orDash(t.Task), orDash(imc.AuthorityText(t.Authority)))
		}
	}
	l := imc.Check(x, cat, imc.Options{Today: today})
	fmt.Fprintf(w, "\nLegal check: %d passed, %d required failing, %d not applicable, %d cannot tell (generalist imc check %d)\n", l.Passed, l.Failed, l.NotApplicable, l.CannotTell, x.ID)
	if x.Notes != "" {
		fmt.Fprintf(w, "\nNotes: %s\n", x.Notes)
	}
	return nil
}

func shareText(s *generalist.Share) string {
	if s == nil {
		return "–"
	}
	return s.String()
}

func seatsText(n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func imcHistory(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	id, err := c.parseID(cmd, args, "history ID [--json]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	h, err := db.IMCHistory(ctx, id)
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, h)
	}
	for _, r := range h {
		fmt.Fprintf(c.stdout, "Version %d, %s %s by %s", r.Version, r.Action, r.At.Format("2006-01-02 15:04"), r.Author)
		if r.Note != "" {
			fmt.Fprintf(c.stdout, ": %s", r.Note)
		}
		fmt.Fprintln(c.stdout)
		for _, ch := range r.Changes {
			switch {
			case r.Action == generalist.RevisionCreated:
			case ch.From == "":
				fmt.Fprintf(c.stdout, "  %s: %s\n", ch.Field, ch.To)
			case ch.To == "":
				fmt.Fprintf(c.stdout, "  %s: %s → (removed)\n", ch.Field, ch.From)
			default:
				fmt.Fprintf(c.stdout, "  %s: %s → %s\n", ch.Field, ch.From, ch.To)
			}
		}
	}
	_, err = fmt.Fprintf(c.stdout, "Show an earlier version with: generalist imc show %d --version N\n", id)
	return err
}
