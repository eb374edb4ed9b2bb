package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"generalist"
)

const tasksHelp = `Usage: generalist tasks <command> [flags]

The task catalogue (data/tasks.json) and analysts' changes to its staffing
parameters. Every change is kept with who, when and why; "reset" returns a
parameter to the shipped value, and the capacity model everywhere (CLI, API,
web) uses the catalogue with the changes applied.

Commands:
  list                          the tasks and their staffing parameters
  list --county                 the county authority's tasks (fylkeskommunen,
                                data/fylkesoppgaver.csv): role, legal basis,
                                how far it is verified; no figures
  set TASK FIELD VALUE --note WHY --author WHO
                                change fte_per_1000 or min_team of a task
  reset TASK FIELD --author WHO return a parameter to the shipped value
  history                       every change, oldest first
`

func runTasks(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return helpAndFail(stderr, tasksHelp, "tasks: no command given (list, set, reset or history)")
	}
	cmd, rest := args[0], args[1:]
	fs := newFlagSet("tasks "+cmd, tasksHelp, stderr)
	note := fs.String("note", "", "what the new value rests on (required for set)")
	author := fs.String("author", "", "who makes the change (required)")
	asJSON := fs.Bool("json", false, "print JSON (list, history)")
	county := fs.Bool("county", false, "list: the county authority's tasks instead of the municipalities'")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, rest)
	if err != nil {
		return err
	}
	want := map[string]int{"list": 0, "history": 0, "set": 3, "reset": 2}
	n, ok := want[cmd]
	if !ok {
		return unknownCommand(stderr, "tasks", tasksHelp, cmd)
	}
	if len(pos) != n {
		return usageError(fmt.Sprintf("tasks %s: want %d arguments, got %d (see generalist tasks help)", cmd, n, len(pos)))
	}
	if *county && cmd != "list" {
		return usageError("tasks: --county goes with list only")
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	switch cmd {
	case "set", "reset":
		c := &generalist.ParamChange{Task: pos[0], Field: generalist.ParamField(pos[1]), Note: *note, Author: *author}
		if cmd == "set" {
			v, err := strconv.ParseFloat(pos[2], 64)
			if err != nil {
				return usageError(fmt.Sprintf("tasks set: value %q is not a number", pos[2]))
			}
			c.Value = &v
		}
		if err := a.ChangeParam(ctx, c); err != nil {
			return err
		}
		recordCLI(ctx, a.Store, stderr, "tasks "+cmd, c.Task, string(c.Field))
		fmt.Fprintf(stdout, "Recorded change %d: %s %s = %s by %s.\n", c.ID, c.Task, c.Field, changeValue(c), c.Author)
		return nil
	case "history":
		changes, err := a.Store.ParamChanges(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(stdout, map[string]any{"changes": changes})
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tWhen\tWho\tTask\tField\tValue\tWhy")
		for _, c := range changes {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.At.Format("2006-01-02 15:04"), c.Author, c.Task, c.Field, changeValue(&c), c.Note)
		}
		return tw.Flush()
	}
	if *county {
		return listCountyTasks(a, stdout, *asJSON)
	}
	cat, err := a.Catalogue(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, cat)
	}
	fmt.Fprintf(stdout, "Task catalogue %s\n\n", cat.Version)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Task\tRole\tFTE per 1,000\tRobust minimum\tLegal basis")
	for _, t := range cat.Tasks {
		fte, min := "–", "–"
		if s := t.Staffing; s != nil {
			fte, min = paramText(s.FTEPer1000), paramText(s.MinTeam)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, fte, min, t.LegalBasis)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, "\n* assumption (not set by law or regulation); it can be changed with generalist tasks set.")
	return err
}

func paramText(p generalist.Param) string {
	s := strconv.FormatFloat(p.Value, 'f', -1, 64)
	if p.Assumption {
		s += "*"
	}
	return s
}

func changeValue(c *generalist.ParamChange) string {
	if c.Value == nil {
		return "shipped value"
	}
	return strconv.FormatFloat(*c.Value, 'f', -1, 64)
}
