package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
	"generalist/sqlstore"
)

const inputHelp = `Usage: generalist input <command> [flags]

Input (innspill): challenges and solutions sent in by municipalities,
counties, organisations and the public through the web form or
POST /api/v1/inputs. Analysts moderate them before they are published;
personal data (name, organisation, e-mail, attachment) is never published
unless the sender chose so, and "erase" removes it everywhere.

Commands:
  list [filters]                   inputs, newest first (default: status new)
  show ID|REFERENCE                one input with everything stored
  export [--format json|csv]       the published inputs (public view) matching the filters
  moderate ID publish|reject|tags  publish, reject (--reason) or set the tags (--tag, repeated)
  merge ID --into ID               merge a duplicate into another input
  erase ID                         erase the personal data (an anonymous record is kept)
  withdraw REFERENCE               withdraw an input for its sender
  link ID SCENARIO                 link an input to a scenario as its motivation (unlink: remove)

Filters: --status new|published|rejected|withdrawn|merged|all, --tag TAG (repeated: any of),
--kind challenge|solution|both, --municipality NNNN, --county NN, --q TEXT, --limit N.
Tags: ` + "%s" + `
Changes are written to the audit log as cli:<your login>, or --author.
`

func inputUsage() string {
	var ids []string
	for _, t := range generalist.InputTags {
		ids = append(ids, string(t.ID))
	}
	return fmt.Sprintf(inputHelp, strings.Join(ids, ", "))
}

// inputCmd holds the flags every input command may use, and the store
// once a command has opened it (runInput closes it).
type inputCmd struct {
	lazyStore
	fs             *flag.FlagSet
	author         *string
	json           *bool
	status, kind   *string
	municipality   *string
	county, q      *string
	tags           *multiFlag
	limit          *int
	stdout, stderr io.Writer
}

func runInput(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return helpAndFail(stderr, inputUsage(), "input: no command given")
	}
	cmd, rest := args[0], args[1:]
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, inputUsage())
		return nil
	}
	run, ok := inputCommands[cmd]
	if !ok {
		return unknownCommand(stderr, "input", inputUsage(), cmd)
	}
	c := &inputCmd{fs: flag.NewFlagSet("input "+cmd, flag.ContinueOnError), stdout: stdout, stderr: stderr, tags: &multiFlag{}}
	c.fs.SetOutput(stderr)
	c.path = dbFlag(c.fs)
	c.json = c.fs.Bool("json", false, "print JSON")
	c.author = c.fs.String("author", "", "`who` makes the change, for the audit log and the input (default: cli:<your login>)")
	c.status = c.fs.String("status", "", "keep inputs with this `status` (new, published, rejected, withdrawn, merged, all)")
	c.kind = c.fs.String("kind", "", "keep inputs of this `kind` (challenge, solution, both)")
	c.municipality = c.fs.String("municipality", "", "keep inputs about this municipality (`number`)")
	c.county = c.fs.String("county", "", "keep inputs about this county (`number`)")
	c.q = c.fs.String("q", "", "keep inputs whose title or text contain every word of `text`")
	c.fs.Var(c.tags, "tag", "keep inputs with this `tag` (repeat for any of several); with moderate tags: the new tags")
	c.limit = c.fs.Int("limit", 100, "at most `N` inputs (list)")
	defer c.close()
	return run(ctx, c, cmd, rest)
}

var inputCommands = map[string]func(ctx context.Context, c *inputCmd, cmd string, args []string) error{
	"list": inputList, "show": inputShow, "export": inputExport, "moderate": inputModerate, "merge": inputMerge,
	"erase": inputErase, "withdraw": inputWithdraw, "link": inputLink, "unlink": inputLink,
}

func (c *inputCmd) parse(cmd string, args []string, n int, usage string) ([]string, error) {
	c.fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: generalist input %s\n\nFlags:\n", usage)
		c.fs.PrintDefaults()
	}
	pos, err := parseFlags(c.fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != n {
		return nil, usageError(fmt.Sprintf("input %s: wrong number of arguments (usage: generalist input %s)", cmd, usage))
	}
	return pos, nil
}

// parseID parses the flags and n arguments, the first of them an input's
// number.
func (c *inputCmd) parseID(cmd string, args []string, n int, usage string) (int64, []string, error) {
	pos, err := c.parse(cmd, args, n, usage)
	if err != nil {
		return 0, nil, err
	}
	id, err := inputID(cmd, pos[0])
	return id, pos, err
}

// actor is who makes a change: --author, or cli:<login>.
func (c *inputCmd) actor() string {
	if a := strings.TrimSpace(*c.author); a != "" {
		return a
	}
	return cliActor()
}

// done writes a change made in the open store to the audit log (a failure
// is a warning: the change has been made) and tells the user.
func (c *inputCmd) done(ctx context.Context, action, target, key string, a ...any) error {
	e := &generalist.AuditEntry{User: c.actor(), Action: action, Target: target}
	if err := c.db.RecordAudit(ctx, e); err != nil {
		say(ctx, c.stderr, "warn.audit", err)
	}
	return say(ctx, c.stdout, key, a...)
}

// filter builds the filter from the flags; status "" means def.
func (c *inputCmd) filter(def generalist.InputStatus) (generalist.InputFilter, error) {
	f := generalist.InputFilter{Kind: generalist.InputKind(*c.kind), Query: *c.q, Limit: *c.limit}
	switch s := *c.status; {
	case s == "":
		if def != "" {
			f.Statuses = []generalist.InputStatus{def}
		}
	case s == "all" || s == "alle":
	case generalist.InputStatus(s).Valid():
		f.Statuses = []generalist.InputStatus{generalist.InputStatus(s)}
	default:
		return f, usageError(fmt.Sprintf("--status %q: must be new, published, rejected, withdrawn, merged or all", s))
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return f, usageError(fmt.Sprintf("--kind %q: must be challenge, solution or both", f.Kind))
	}
	for _, t := range *c.tags {
		f.Tags = append(f.Tags, generalist.InputTag(t))
	}
	if *c.municipality != "" {
		n, err := generalist.ParseMunicipalityNumber(*c.municipality)
		if err != nil {
			return f, usageError("--municipality: " + generalist.ErrorMessage(err))
		}
		f.Municipality = n
	}
	if *c.county != "" {
		n, err := generalist.ParseCountyNumber(*c.county)
		if err != nil {
			return f, usageError("--county: " + generalist.ErrorMessage(err))
		}
		f.County = n
	}
	if f.Limit < 1 || f.Limit > 1000 {
		return f, usageError("--limit: must be from 1 to 1000")
	}
	return f, nil
}

func inputList(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	if _, err := c.parse(cmd, args, 0, "list [--status S] [--tag T]... [--kind K] [--municipality N] [--county N] [--q TEXT] [--limit N] [--json]"); err != nil {
		return err
	}
	f, err := c.filter(generalist.InputNew)
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	ins, total, err := db.ListInputs(ctx, f)
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, map[string]any{"total": total, "inputs": ins})
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRECEIVED\tSTATUS\tKIND\tPLACE\tTITLE")
	for _, in := range ins {
		place := string(in.Municipality)
		if place == "" {
			place = string(in.County)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", in.ID, in.CreatedAt.Format("2006-01-02"), in.Status, in.Kind, place, shortTitle(in.Title, 70))
	}
	tw.Flush()
	fmt.Fprintf(c.stdout, "%d of %d inputs\n", len(ins), total)
	return nil
}

func shortTitle(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// loadInput finds an input by number or receipt reference.
func loadInput(ctx context.Context, db *sqlstore.DB, arg string) (*generalist.Input, error) {
	if strings.HasPrefix(strings.ToUpper(arg), "INN-") {
		return db.InputByReference(ctx, arg)
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id < 1 {
		return nil, usageError(fmt.Sprintf("%q is neither an input number nor a reference (INN-…)", arg))
	}
	return db.Input(ctx, id)
}

func inputShow(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	pos, err := c.parse(cmd, args, 1, "show ID|REFERENCE [--json]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	in, err := loadInput(ctx, db, pos[0])
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, in)
	}
	w := c.stdout
	fmt.Fprintf(w, "Input %d (%s), version %d\n", in.ID, in.Reference, in.Version)
	fmt.Fprintf(w, "Status:    %s", in.Status)
	if in.RejectReason != "" {
		fmt.Fprintf(w, " (%s)", in.RejectReason)
	}
	if in.MergedInto != 0 {
		fmt.Fprintf(w, " into %d", in.MergedInto)
	}
	fmt.Fprintf(w, "\nKind:      %s\nTitle:     %s\nReceived:  %s\n", in.Kind, in.Title, in.CreatedAt.Format("2006-01-02 15:04 MST"))
	if in.Municipality != "" || in.County != "" {
		fmt.Fprintf(w, "Place:     %s %s\n", in.Municipality, in.County)
	}
	var tags []string
	for _, t := range in.Tags {
		tags = append(tags, string(t))
	}
	fmt.Fprintf(w, "Tags:      %s\n", strings.Join(tags, ", "))
	fmt.Fprintf(w, "Sender:    %s; name %q, organisation %q, e-mail %q; publish name: %v; consent %s\n",
		in.SenderType, in.Name, in.Organisation, in.Email, in.PublishName, in.ConsentVersion)
	if in.ErasedAt != nil {
		fmt.Fprintf(w, "Personal data erased %s\n", in.ErasedAt.Format("2006-01-02"))
	}
	if a := in.Attachment; a != nil {
		fmt.Fprintf(w, "Attachment: %s, %d bytes, SHA-256 %s\n", a.Name, a.Size, a.SHA256)
	}
	if len(in.Scenarios) > 0 {
		fmt.Fprintf(w, "Scenarios: %s\n", strings.Join(in.Scenarios, ", "))
	}
	fmt.Fprintf(w, "\n%s\n", in.Text)
	return nil
}

func inputExport(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	format := c.fs.String("format", "json", "`format`: json or csv")
	out := c.fs.String("out", "", "write to `file` instead of standard output")
	if _, err := c.parse(cmd, args, 0, "export [--format json|csv] [--out FILE] [filters]"); err != nil {
		return err
	}
	if *format != "json" && *format != "csv" {
		return usageError(fmt.Sprintf("input export: --format %q: must be json or csv", *format))
	}
	if *c.status != "" && *c.status != string(generalist.InputPublished) {
		return usageError("input export: exports the published inputs only (their public view); use list --json for the others")
	}
	f, err := c.filter(generalist.InputPublished)
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	all, err := app.New(db).PublishedInputs(ctx, f)
	if err != nil {
		return err
	}
	return writeOutput(*out, c.stdout, func(w io.Writer) error {
		if *format == "csv" {
			return generalist.WriteInputsCSV(w, all)
		}
		return writeJSON(w, all)
	})
}

func inputID(cmd, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, usageError(fmt.Sprintf("input %s: %q is not an input number", cmd, s))
	}
	return id, nil
}

func inputModerate(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	reason := c.fs.String("reason", "", "why the input is rejected (the sender sees it)")
	id, pos, err := c.parseID(cmd, args, 2, "moderate ID publish|reject|tags [--reason WHY] [--tag T]... [--author WHO]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	cur, err := db.Input(ctx, id)
	if err != nil {
		return err
	}
	m := generalist.InputModeration{Action: pos[1], Reason: *reason, Version: cur.Version, Moderator: c.actor()}
	if len(*c.tags) > 0 || pos[1] == generalist.ModerateTags {
		m.Tags = []generalist.InputTag{}
		for _, t := range *c.tags {
			m.Tags = append(m.Tags, generalist.InputTag(t))
		}
	}
	in, err := db.Moderate(ctx, id, m)
	if err != nil {
		return err
	}
	return c.done(ctx, "input moderate "+pos[1], strconv.FormatInt(id, 10), "ok.input.moderated", in.ID, in.Status, in.Version)
}

func inputMerge(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	into := c.fs.Int64("into", 0, "the input `number` to merge into")
	id, _, err := c.parseID(cmd, args, 1, "merge ID --into ID [--author WHO]")
	if err != nil {
		return err
	}
	if *into < 1 {
		return usageError("input merge: --into: give the number of the input to merge into")
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if err := db.MergeInputs(ctx, *into, id, c.actor()); err != nil {
		return err
	}
	return c.done(ctx, "input merge", fmt.Sprintf("%d into %d", id, *into), "ok.input.merged", id, *into)
}

func inputErase(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	id, _, err := c.parseID(cmd, args, 1, "erase ID [--author WHO]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if err := db.ErasePersonalData(ctx, id); err != nil {
		return err
	}
	return c.done(ctx, "input erase", strconv.FormatInt(id, 10), "ok.input.erased", id)
}

func inputWithdraw(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	pos, err := c.parse(cmd, args, 1, "withdraw REFERENCE")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if err := db.Withdraw(ctx, pos[0]); err != nil {
		return err
	}
	return c.done(ctx, "input withdraw", "", "ok.input.withdrawn")
}

func inputLink(ctx context.Context, c *inputCmd, cmd string, args []string) error {
	id, pos, err := c.parseID(cmd, args, 2, cmd+" ID SCENARIO")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if cmd == "unlink" {
		err = db.UnlinkScenario(ctx, id, pos[1])
	} else {
		err = db.LinkScenario(ctx, id, pos[1])
	}
	if err != nil {
		return err
	}
	return c.done(ctx, "input "+cmd, fmt.Sprintf("%d %s", id, pos[1]), "ok.input."+cmd+"ed", id, pos[1])
}
