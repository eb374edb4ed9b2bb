package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"generalist"
	"generalist/imc"
	"generalist/refdata"
	"generalist/sqlite"
)

const imcHelp = `Usage: generalist imc <command> [flags]

The registry of inter-municipal cooperations (interkommunalt samarbeid):
who takes part, in which legal form, for which tasks, with what authority,
and what the agreement says; every change is kept with who, when and why.
The legal checks, agreement documents, cost sharing and exit rules follow
kommuneloven 2018 chapters 17–20, IKS-loven and inndelingslova § 16; items
the research could not verify are marked "ikke verifisert".

Commands:
  list                       the registered cooperations
  show ID [--version V]      one cooperation (an earlier version with --version)
  history ID                 every change: who, when, why and what
  add [FILE] --author WHO    register a cooperation from a JSON file, or from flags
  edit ID --author WHO       change a cooperation (from --file, or from flags)
  delete ID --author WHO     delete a cooperation (its history is kept)
  check FILE|ID              the legal checklist; exits 1 if a required item fails
  requirements --form FORM   what the agreement of a form must contain
  agreement FILE|ID          the agreement document (Markdown or HTML)
  costs ID --total AMOUNT    share a cost by one or more keys, side by side
  exit ID --participant N    the earliest legal exit after notice on --date
  process ID [STEP STATUS]   the process guide A–Å, or track one step
  overview [--municipality N] the overview for the eierskapsmelding, or the national one
  export [--format json|csv] every cooperation
  import FILE --author WHO   register cooperations from JSON or CSV in one transaction
  examples --author WHO      register the shipped examples (marked as examples)

Forms: ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet.
Run "generalist imc <command> -h" for the flags of a command.
`

// imcCmd holds the flags every imc command may use.
type imcCmd struct {
	fs      *flag.FlagSet
	json    *bool
	db      *string
	author  *string
	note    *string
	strict  *bool
	today   *string
	stdout  io.Writer
	stderr  io.Writer
	shipped *generalist.Catalogue
}

func runIMC(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, imcHelp)
		return usageError("imc: no command given")
	}
	cmd, rest := args[0], args[1:]
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, imcHelp)
		return nil
	}
	run, ok := imcCommands[cmd]
	if !ok {
		fmt.Fprint(stderr, imcHelp)
		return usageError(fmt.Sprintf("imc: unknown command %q", cmd))
	}
	c := &imcCmd{fs: flag.NewFlagSet("imc "+cmd, flag.ContinueOnError), stdout: stdout, stderr: stderr}
	c.fs.SetOutput(stderr)
	c.json = c.fs.Bool("json", false, "print JSON")
	c.db = dbFlag(c.fs)
	c.author = c.fs.String("author", os.Getenv("GENERALIST_AUTHOR"), "`who` makes the change (env GENERALIST_AUTHOR)")
	c.note = c.fs.String("note", "", "`why` the change is made")
	c.strict = c.fs.Bool("strict", false, "refuse to store a cooperation that fails a required legal check")
	c.today = c.fs.String("today", "", "the `date` to check and count against (default: today)")
	return run(ctx, c, cmd, rest)
}

var imcCommands = map[string]func(ctx context.Context, c *imcCmd, cmd string, args []string) error{
	"list": imcList, "show": imcShow, "history": imcHistory, "add": imcAdd, "edit": imcEdit, "delete": imcDelete,
	"check": imcCheck, "requirements": imcRequirements, "agreement": imcAgreement, "costs": imcCosts, "exit": imcExit,
	"process": imcProcess, "overview": imcOverview, "export": imcExport, "import": imcImport, "examples": imcExamples,
}

// parse parses the flags and checks the number of positional arguments.
func (c *imcCmd) parse(cmd string, args []string, minArgs, maxArgs int, usage string) ([]string, error) {
	c.fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: generalist imc %s\n\nFlags:\n", usage)
		c.fs.PrintDefaults()
	}
	pos, err := parseFlags(c.fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) < minArgs || len(pos) > maxArgs {
		return nil, usageError(fmt.Sprintf("imc %s: wrong number of arguments (usage: generalist imc %s)", cmd, usage))
	}
	if *c.today != "" {
		if _, err := generalist.ParseCalendarDate(*c.today); err != nil {
			return nil, usageError("imc " + cmd + ": --today: " + generalist.ErrorMessage(err))
		}
	}
	return pos, nil
}

func (c *imcCmd) day() generalist.CalendarDate {
	if *c.today != "" {
		d, _ := generalist.ParseCalendarDate(*c.today)
		return d
	}
	return generalist.DateOf(time.Now())
}

func (c *imcCmd) catalogue() (*generalist.Catalogue, error) {
	if c.shipped == nil {
		cat, err := refdata.EmbeddedTasks()
		if err != nil {
			return nil, err
		}
		c.shipped = cat
	}
	return c.shipped, nil
}

func (c *imcCmd) open(ctx context.Context) (*sqlite.DB, error) { return openStore(ctx, *c.db) }

func (c *imcCmd) edit() generalist.IMCEdit {
	return generalist.IMCEdit{Author: strings.TrimSpace(*c.author), Note: strings.TrimSpace(*c.note)}
}

// needAuthor refuses a write without --author before anything is read.
func (c *imcCmd) needAuthor(cmd string) error {
	if strings.TrimSpace(*c.author) == "" {
		return usageError(fmt.Sprintf("imc %s: --author is required (who makes the change; or set GENERALIST_AUTHOR)", cmd))
	}
	return nil
}

// vet validates a record against the catalogue and the process guide and,
// with --strict, the legal checks.
func (c *imcCmd) vet(rec *generalist.IMC) error {
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	if err := imc.Validate(rec, cat); err != nil {
		return err
	}
	if *c.strict {
		if l := imc.Check(rec, cat, imc.Options{Today: c.day()}); !l.OK() {
			var fails []string
			for _, it := range l.Items {
				if it.Status == imc.Fail && it.Required {
					fails = append(fails, it.ID+" ("+it.Reference+"): "+it.Why)
				}
			}
			return generalist.Errorf(generalist.EINVALID, "cooperation %q fails %d required legal check(s), so --strict refuses it:\n  %s", rec.Name, l.Failed, strings.Join(fails, "\n  "))
		}
	}
	return nil
}

func parseID(cmd, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError(fmt.Sprintf("imc %s: %q is not a cooperation id (a number; see generalist imc list)", cmd, s))
	}
	return id, nil
}

// readFile reads cooperations from a JSON or CSV file ("-" is standard
// input), by its extension or format.
func readFile(path, format string) ([]generalist.IMC, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(os.Stdin, imc.MaxFile+1))
		path = "standard input"
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%v", err)
	}
	if format == "" {
		format = "json"
		if strings.EqualFold(filepath.Ext(path), ".csv") {
			format = "csv"
		}
	}
	switch format {
	case "json":
		return imc.ParseJSON(b, path)
	case "csv":
		return imc.ParseCSV(b, path)
	}
	return nil, usageError(fmt.Sprintf("--format %q: must be json or csv", format))
}

// load returns the cooperation named by arg: a stored id, or a JSON file.
func (c *imcCmd) load(ctx context.Context, cmd, arg string) (*generalist.IMC, error) {
	if _, err := os.Stat(arg); err == nil || arg == "-" || !isDigits(arg) {
		cs, err := readFile(arg, "")
		if err != nil {
			return nil, err
		}
		if len(cs) != 1 {
			return nil, generalist.Errorf(generalist.EINVALID, "%s holds %d cooperations; give a file with one", arg, len(cs))
		}
		return &cs[0], nil
	}
	id, err := parseID(cmd, arg)
	if err != nil {
		return nil, err
	}
	db, err := c.open(ctx)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.IMC(ctx, id)
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

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
	defer db.Close()
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
	pos, err := c.parse(cmd, args, 1, 1, "show ID [--version V] [--json]")
	if err != nil {
		return err
	}
	id, err := parseID(cmd, pos[0])
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
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
	pos, err := c.parse(cmd, args, 1, 1, "history ID [--json]")
	if err != nil {
		return err
	}
	id, err := parseID(cmd, pos[0])
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
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

// recordFlags are the fields a cooperation can be given or changed by on
// the command line.
type recordFlags struct {
	name, form, org, host, start, end, notified, notes, costKey, budget *string
	budgetYear, notice                                                  *int
	participants, tasks, clauses, removes                               *multiFlag
	entity                                                              *string
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ", ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func addRecordFlags(fs *flag.FlagSet, edit bool) *recordFlags {
	r := &recordFlags{participants: &multiFlag{}, tasks: &multiFlag{}, clauses: &multiFlag{}, removes: &multiFlag{}}
	r.name = fs.String("name", "", "the cooperation's `name`")
	r.form = fs.String("form", "", "the legal `form` (ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet)")
	r.org = fs.String("org", "", "organisation `number` (9 digits, checked with modulus 11)")
	r.host = fs.String("host", "", "host municipality, office municipality or head office (`number`)")
	r.start = fs.String("start", "", "start `date`")
	r.end = fs.String("end", "", "end `date`")
	r.notified = fs.String("governor-notified", "", "`date` the host told the county governor (§ 20-4)")
	r.notes = fs.String("notes", "", "free `text`")
	r.costKey = fs.String("cost-key", "", "agreed cost `key`, such as \"20 % lik + 80 % innbyggere\"")
	r.budget = fs.String("budget", "", "yearly cost to share, in `kroner`")
	r.budgetYear = fs.Int("budget-year", 0, "the `year` of the budget")
	r.notice = fs.Int("notice-months", -1, "agreed notice period for exit, in `months`")
	r.entity = fs.String("legal-entity", "", "whether it is a separate legal entity: `yes or no`")
	fs.Var(r.participants, "participant", "a participant: `NUMBER[:OWNERSHIP[:SEATS]]`, such as 3427:30:2 (repeat the flag)")
	fs.Var(r.tasks, "task", "a task: `ID[:AUTHORITY]` from the catalogue or free text (repeat; authority: ingen, interne_forhold, tilskuddsordninger, enkeltvedtak, forskrift, enkeltvedtak_og_forskrift)")
	fs.Var(r.clauses, "clause", "an agreement clause: `KEY=TEXT` (purpose, matters, authority, contributions, borrowing, reporting, transfer, settlement, exit, dissolution, archives, other)")
	if edit {
		fs.Var(r.removes, "remove-participant", "remove a participant (`number`)")
	}
	return r
}

// apply sets the fields given on the command line; set reports which flags
// were given. Participants given replace those of the same number (edit)
// or are the list (add).
func (r *recordFlags) apply(x *generalist.IMC, set map[string]bool) error {
	var err error
	if set["name"] {
		x.Name = *r.name
	}
	if set["form"] {
		if x.Form, err = generalist.ParseIMCForm(*r.form); err != nil {
			return usageError("--form: " + generalist.ErrorMessage(err))
		}
	}
	if set["org"] {
		x.OrgNumber = ""
		if *r.org != "" {
			if x.OrgNumber, err = generalist.ParseOrgNumber(*r.org); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--org: %s", generalist.ErrorMessage(err))
			}
		}
	}
	if set["host"] {
		x.Host = *r.host
	}
	for _, d := range []struct {
		flag string
		v    *string
		dst  *generalist.CalendarDate
	}{{"start", r.start, &x.Start}, {"end", r.end, &x.End}, {"governor-notified", r.notified, &x.GovernorNotified}} {
		if !set[d.flag] {
			continue
		}
		*d.dst = ""
		if *d.v != "" {
			if *d.dst, err = generalist.ParseCalendarDate(*d.v); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--%s: %s", d.flag, generalist.ErrorMessage(err))
			}
		}
	}
	if set["notes"] {
		x.Notes = *r.notes
	}
	if set["legal-entity"] {
		switch strings.ToLower(*r.entity) {
		case "yes", "ja", "true":
			v := true
			x.LegalEntity = &v
		case "no", "nei", "false":
			v := false
			x.LegalEntity = &v
		case "":
			x.LegalEntity = nil
		default:
			return usageError("--legal-entity: yes or no")
		}
	}
	if set["cost-key"] {
		x.Agreement.CostKey = nil
		if *r.costKey != "" {
			if x.Agreement.CostKey, err = generalist.ParseCostKey(*r.costKey); err != nil {
				return err
			}
		}
	}
	if set["budget"] {
		if x.Budget, err = generalist.ParseOre(*r.budget); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--budget: %s", generalist.ErrorMessage(err))
		}
	}
	if set["budget-year"] {
		x.BudgetYear = *r.budgetYear
	}
	if set["notice-months"] {
		if *r.notice < 0 {
			x.Agreement.NoticeMonths = nil
		} else {
			n := *r.notice
			x.Agreement.NoticeMonths = &n
		}
	}
	for _, num := range *r.removes {
		i := slices.IndexFunc(x.Participants, func(p generalist.IMCParticipant) bool { return p.Number == num })
		if i < 0 {
			return generalist.Errorf(generalist.EINVALID, "--remove-participant %s: not a participant", num)
		}
		x.Participants = slices.Delete(x.Participants, i, i+1)
	}
	for _, spec := range *r.participants {
		p, err := parseParticipant(spec)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(x.Participants, func(q generalist.IMCParticipant) bool { return q.Number == p.Number }); i >= 0 {
			old := x.Participants[i]
			if p.Ownership == nil {
				p.Ownership = old.Ownership
			}
			if p.Seats == 0 {
				p.Seats = old.Seats
			}
			p.Liability, p.CostShare, p.Adopted, p.Decision = old.Liability, old.CostShare, old.Adopted, old.Decision
			x.Participants[i] = p
		} else {
			x.Participants = append(x.Participants, p)
		}
	}
	if len(*r.tasks) > 0 {
		x.Tasks = nil
		for _, spec := range *r.tasks {
			t := generalist.IMCTask{}
			body := spec
			if i := strings.LastIndex(spec, ":"); i >= 0 && generalist.Delegation(spec[i+1:]).Valid() {
				t.Authority, body = generalist.Delegation(spec[i+1:]), spec[:i]
			}
			if isTaskWord(body) {
				t.Task = body
			} else {
				t.Text = body
			}
			x.Tasks = append(x.Tasks, t)
		}
	}
	for _, spec := range *r.clauses {
		key, text, ok := strings.Cut(spec, "=")
		if !ok {
			return usageError(fmt.Sprintf("--clause %q: write KEY=TEXT", spec))
		}
		found := false
		for _, cl := range x.Agreement.Clauses() {
			if cl.Key == strings.TrimSpace(key) {
				*cl.Text, found = text, true
			}
		}
		if !found {
			return usageError(fmt.Sprintf("--clause %q: unknown clause %q", spec, key))
		}
	}
	return nil
}

func isTaskWord(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == ""
}

// parseParticipant parses NUMBER[:OWNERSHIP[:SEATS]].
func parseParticipant(spec string) (generalist.IMCParticipant, error) {
	parts := strings.Split(spec, ":")
	if len(parts) > 3 {
		return generalist.IMCParticipant{}, usageError(fmt.Sprintf("--participant %q: write NUMBER[:OWNERSHIP[:SEATS]]", spec))
	}
	p := generalist.IMCParticipant{Number: strings.TrimSpace(parts[0])}
	if len(parts) > 1 && parts[1] != "" {
		s, err := generalist.ParseShare(parts[1])
		if err != nil {
			return p, generalist.Errorf(generalist.EINVALID, "--participant %q: %s", spec, generalist.ErrorMessage(err))
		}
		p.Ownership = &s
	}
	if len(parts) > 2 && parts[2] != "" {
		n, err := strconv.Atoi(parts[2])
		if err != nil || n < 0 {
			return p, generalist.Errorf(generalist.EINVALID, "--participant %q: seats %q must be a whole number", spec, parts[2])
		}
		p.Seats = n
	}
	return p, nil
}

func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func imcAdd(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	rf := addRecordFlags(c.fs, false)
	pos, err := c.parse(cmd, args, 0, 1, "add [FILE] --author WHO [--note WHY] [--strict] [--name N --form F --participant N:SHARE:SEATS … --start DATE …]")
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	var x generalist.IMC
	if len(pos) == 1 {
		cs, err := readFile(pos[0], "json")
		if err != nil {
			return err
		}
		if len(cs) != 1 {
			return generalist.Errorf(generalist.EINVALID, "%s holds %d cooperations; use generalist imc import for several", pos[0], len(cs))
		}
		x = cs[0]
	}
	if err := rf.apply(&x, setFlags(c.fs)); err != nil {
		return err
	}
	if err := c.vet(&x); err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CreateIMC(ctx, &x, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc add", fmt.Sprint(x.ID), x.Name)
	if *c.json {
		return writeJSON(c.stdout, x)
	}
	_, err = fmt.Fprintf(c.stdout, "Registered %q as cooperation %d (version 1).\n", x.Name, x.ID)
	return err
}

func imcEdit(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	rf := addRecordFlags(c.fs, true)
	file := c.fs.String("file", "", "replace the whole record with the cooperation in a JSON `file`")
	version := c.fs.Int("version", 0, "the `version` the change is made to (default: the file's, or the current one)")
	pos, err := c.parse(cmd, args, 1, 1, "edit ID --author WHO [--note WHY] [--file FILE] [--version V] [field flags]")
	if err != nil {
		return err
	}
	id, err := parseID(cmd, pos[0])
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, err := db.IMC(ctx, id)
	if err != nil {
		return err
	}
	x := *cur
	if *file != "" {
		cs, err := readFile(*file, "json")
		if err != nil {
			return err
		}
		if len(cs) != 1 {
			return generalist.Errorf(generalist.EINVALID, "%s holds %d cooperations; give a file with one", *file, len(cs))
		}
		x = cs[0]
		x.ID = id
		if x.Version == 0 {
			x.Version = cur.Version
		}
	}
	if *version > 0 {
		x.Version = *version
	}
	x.Participants = slices.Clone(x.Participants)
	if err := rf.apply(&x, setFlags(c.fs)); err != nil {
		return err
	}
	if err := c.vet(&x); err != nil {
		return err
	}
	before := x.Version
	if err := db.UpdateIMC(ctx, &x, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc edit", fmt.Sprint(x.ID), fmt.Sprintf("version %d", x.Version))
	if *c.json {
		return writeJSON(c.stdout, x)
	}
	if x.Version == before {
		_, err = fmt.Fprintf(c.stdout, "Nothing changed: cooperation %d stays at version %d.\n", id, x.Version)
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "Saved cooperation %d as version %d.\n", id, x.Version)
	return err
}

func imcDelete(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	version := c.fs.Int("version", 0, "the `version` you are deleting (default: the current one)")
	pos, err := c.parse(cmd, args, 1, 1, "delete ID --author WHO [--note WHY] [--version V]")
	if err != nil {
		return err
	}
	id, err := parseID(cmd, pos[0])
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	v := *version
	if v == 0 {
		cur, err := db.IMC(ctx, id)
		if err != nil {
			return err
		}
		v = cur.Version
	}
	if err := db.DeleteIMC(ctx, id, v, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc delete", fmt.Sprint(id), "")
	_, err = fmt.Fprintf(c.stdout, "Deleted cooperation %d; its history is kept (generalist imc history %d).\n", id, id)
	return err
}

func imcCheck(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	pos, err := c.parse(cmd, args, 1, 1, "check FILE|ID [--json] [--today DATE]")
	if err != nil {
		return err
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	l := imc.Check(x, cat, imc.Options{Today: c.day(), Invalid: imc.Validate(x, cat)})
	if *c.json {
		if err := writeJSON(c.stdout, l); err != nil {
			return err
		}
	} else {
		printChecklist(c.stdout, x, l)
	}
	if !l.OK() {
		return generalist.Errorf(generalist.EINVALID, "%s: %d required legal item(s) fail", x.Name, l.Failed)
	}
	return nil
}

func statusMark(s imc.Status) string {
	switch s {
	case imc.Pass:
		return "PASS"
	case imc.Fail:
		return "FAIL"
	case imc.NotApplicable:
		return "N/A "
	}
	return "??? "
}

func printChecklist(w io.Writer, x *generalist.IMC, l *imc.Checklist) {
	fmt.Fprintf(w, "Legal check of %s (%s, %s)\n\n", x.Name, x.Form.Label(), imc.GoverningLaw(x.Form))
	for _, group := range []struct{ key, title string }{{"innhold", "What the agreement must contain"}, {"regel", "Rules of the law"}} {
		fmt.Fprintln(w, group.title+":")
		for _, it := range l.Items {
			if it.Group != group.key {
				continue
			}
			tags := ""
			if !it.Verified {
				tags += " [IKKE VERIFISERT]"
			}
			if !it.Required {
				tags += " [råd]"
			}
			fmt.Fprintf(w, "  %s %-18s %s — %s%s\n       %s\n", statusMark(it.Status), it.ID, it.Title, it.Reference, tags, it.Why)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d passed, %d required failing, %d not applicable, %d cannot tell.\n", l.Passed, l.Failed, l.NotApplicable, l.CannotTell)
	fmt.Fprintf(w, "Note: %s\n", l.Caveat)
}

func imcRequirements(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	form := c.fs.String("form", "", "the `form`: ipr, ko, vertskommune, vertskommune-nemnd, iks (as, sa, forening, annet have no list)")
	if _, err := c.parse(cmd, args, 0, 0, "requirements --form FORM [--json]"); err != nil {
		return err
	}
	if *form == "" {
		return usageError("imc requirements: --form is required (ipr, ko, vertskommune, vertskommune-nemnd, iks)")
	}
	f, err := generalist.ParseIMCForm(*form)
	if err != nil {
		return usageError("imc requirements: --form: " + generalist.ErrorMessage(err))
	}
	rs := imc.Requirements(f)
	if *c.json {
		return writeJSON(c.stdout, rs)
	}
	fmt.Fprintf(c.stdout, "What the agreement of a %s must contain (%s):\n\n", f.Label(), imc.GoverningLaw(f))
	if len(rs) == 0 {
		fmt.Fprintf(c.stdout, "Kommuneloven and IKS-loven have no such list for this form; %s and the articles apply.\n", imc.GoverningLaw(f))
	}
	for _, r := range rs {
		tag := ""
		if !r.Verified {
			tag = "  [IKKE VERIFISERT]"
		}
		fmt.Fprintf(c.stdout, "  %-10s %s\n             %s%s\n", r.ID, r.Text, r.Reference, tag)
	}
	_, err = fmt.Fprintf(c.stdout, "\nNote: %s\n", imc.LawCaveat)
	return err
}

func imcAgreement(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "md", "`format`: md (Markdown), html (a page) or fragment (HTML without the page)")
	tmpl := c.fs.String("template", "", "your own template `file` (see --templates)")
	dir := c.fs.String("templates", "", "write the shipped templates to `DIR` for you to adapt, and stop")
	out := c.fs.String("out", "", "write to `file` instead of standard output")
	pos, err := c.parse(cmd, args, 0, 1, "agreement FILE|ID [--format md|html|fragment] [--template FILE] [--out FILE] | agreement --templates DIR")
	if err != nil {
		return err
	}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--templates: %v", err)
		}
		for name, b := range imc.ShippedTemplates() {
			if err := os.WriteFile(filepath.Join(*dir, name), b, 0o644); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--templates: %v", err)
			}
		}
		_, err := fmt.Fprintf(c.stdout, "Wrote the agreement templates to %s; use one with --template.\n", *dir)
		return err
	}
	if len(pos) != 1 {
		return usageError("imc agreement: give a FILE or ID (or --templates DIR)")
	}
	if *format != "md" && *format != "html" && *format != "fragment" {
		return usageError(fmt.Sprintf("imc agreement: --format %q: must be md, html or fragment", *format))
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	var custom []byte
	if *tmpl != "" {
		if custom, err = os.ReadFile(*tmpl); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--template: %v", err)
		}
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	d, err := imc.Render(x, cat, custom, c.day())
	if err != nil {
		return err
	}
	text := map[string]func() string{"md": d.Markdown, "html": d.Standalone, "fragment": d.HTML}[*format]()
	w := c.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "--out: %v", err)
		}
		defer f.Close()
		w = f
	}
	if _, err := io.WriteString(w, text); err != nil {
		return err
	}
	if d.Missing > 0 {
		fmt.Fprintf(c.stderr, "The agreement marks %d required item(s) as missing (MANGLER).\n", d.Missing)
	}
	return nil
}

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
	if len(ks) == 0 {
		ks = imc.DefaultKeys(x)
	}
	in := imc.InputFor(x)
	in.Usage = map[string]float64{}
	for _, u := range usage {
		num, vol, ok := strings.Cut(u, "=")
		if !ok {
			return usageError(fmt.Sprintf("imc costs: --usage %q: write NUMBER=VOLUME", u))
		}
		v, err := generalist.ParseUsage(vol)
		if err != nil {
			return usageError("imc costs: --usage: " + generalist.ErrorMessage(err))
		}
		in.Usage[strings.TrimSpace(num)] = v
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if in.InhabitantsYear, in.Inhabitants, err = inhabitants(ctx, db, *year); err != nil {
		return err
	}
	cmp, err := imc.Compare(amount, ks, in)
	if err != nil {
		return err
	}
	if *c.json {
		return writeJSON(c.stdout, cmp)
	}
	fmt.Fprintf(c.stdout, "Sharing %s in %s (inhabitants on 1 January %d)\n\n", amount, x.Name, in.InhabitantsYear)
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "Participant\t"
	for _, a := range cmp.Allocations {
		head += a.Key + "\t"
	}
	fmt.Fprintln(tw, head)
	for i, p := range in.Participants {
		line := firstNonEmpty(in.Names[p], p) + "\t"
		for _, a := range cmp.Allocations {
			line += a.Rows[i].Amount.Kroner() + "\t"
		}
		fmt.Fprintln(tw, line)
	}
	line := "Total\t"
	for range cmp.Allocations {
		line += amount.Kroner() + "\t"
	}
	fmt.Fprintln(tw, line)
	return tw.Flush()
}

// inhabitants reads the inhabitants of the 2024 structure in a year (the
// latest with data when year is 0) for the inhabitants basis.
func inhabitants(ctx context.Context, db *sqlite.DB, year int) (int, map[string]generalist.Persons, error) {
	years, err := db.PopulationYears(ctx, generalist.Structure2024)
	if err != nil {
		return 0, nil, err
	}
	if len(years) == 0 {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "the store has no population for the 2024 structure")
	}
	if year == 0 {
		year = years[len(years)-1]
	}
	if !slices.Contains(years, year) {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "no population on 1 January %d for the 2024 structure (years %d–%d)", year, years[0], years[len(years)-1])
	}
	recs, err := db.Populations(ctx, generalist.PopulationFilter{Structure: generalist.Structure2024, Year: year})
	if err != nil {
		return 0, nil, err
	}
	return year, imc.Inhabitants(recs), nil
}

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
	a, err := imc.Exit(x, req)
	if err != nil {
		return err
	}
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
	id, err := parseID(cmd, pos[0])
	if err != nil {
		return err
	}
	if len(pos) == 3 {
		if err := c.needAuthor(cmd); err != nil {
			return err
		}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	x, err := db.IMC(ctx, id)
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
		fmt.Fprintf(c.stdout, "Step %s is %s (cooperation %d, version %d).\n\n", st.Step, st.Status, id, x.Version)
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

func imcOverview(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	mun := c.fs.String("municipality", "", "the municipality (kommunenummer) or county (fylkesnummer); without it, the national overview")
	if _, err := c.parse(cmd, args, 0, 0, "overview [--municipality N] [--today DATE] [--json]"); err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	cs, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return err
	}
	if *mun == "" {
		n := imc.NationalOverview(cs, cat, c.day())
		if *c.json {
			return writeJSON(c.stdout, n)
		}
		fmt.Fprintf(c.stdout, "%d cooperations running on %s (%d of them examples)\n\nBy form:\n", n.Total, n.Date.Long(), n.Examples)
		for _, f := range n.ByForm {
			fmt.Fprintf(c.stdout, "  %-55s %d\n", f.Label, f.N)
		}
		fmt.Fprintln(c.stdout, "\nBy task:")
		for _, t := range n.ByTask {
			fmt.Fprintf(c.stdout, "  %-55s %d\n", t.Label, t.N)
		}
		_, err := fmt.Fprintf(c.stdout, "\n%d municipalities and counties take part in at least one.\n", len(n.PerParticipant))
		return err
	}
	name, err := participantName(ctx, db, *mun)
	if err != nil {
		return err
	}
	pops := func(year int) (map[string]generalist.Persons, error) {
		_, m, err := inhabitants(ctx, db, year)
		return m, err
	}
	o := imc.Overview(*mun, name, cs, cat, pops, c.day())
	if *c.json {
		return writeJSON(c.stdout, o)
	}
	fmt.Fprintf(c.stdout, "Inter-municipal cooperations of %s (%s) on %s\nFor the eierskapsmelding (%s).\n\n", o.Name, o.Number, o.Date.Long(), o.Reference)
	if len(o.Rows) == 0 {
		_, err := fmt.Fprintln(c.stdout, "None registered.")
		return err
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Cooperation\tForm\tOwnership\tCost\tSince\tLegal check")
	for _, r := range o.Rows {
		cost := "–"
		if r.Cost != nil {
			cost = fmt.Sprintf("%s (%d)", r.Cost.Kroner(), r.BudgetYear)
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
	_, err = fmt.Fprintf(c.stdout, "\nTotal of the costs that could be computed: %s\n", o.TotalCost)
	return err
}

// participantName names a municipality or county of the 2024 structure.
func participantName(ctx context.Context, db *sqlite.DB, number string) (string, error) {
	switch len(number) {
	case 4:
		ms, err := db.Municipalities(ctx, generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, m := range ms {
			if string(m.Number) == number {
				return m.Name, nil
			}
		}
	case 2:
		cs, err := db.Counties(ctx, generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, c := range cs {
			if string(c.Number) == number {
				return c.Name, nil
			}
		}
	}
	return "", generalist.Errorf(generalist.EINVALID, "%q is not a municipality or county of the 2024 structure", number)
}

func imcExport(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "json", "`format`: json (everything) or csv (the register, one row per participant)")
	out := c.fs.String("out", "", "write to `file` instead of standard output")
	if _, err := c.parse(cmd, args, 0, 0, "export [--format json|csv] [--out FILE]"); err != nil {
		return err
	}
	if *format != "json" && *format != "csv" {
		return usageError(fmt.Sprintf("imc export: --format %q: must be json or csv", *format))
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cs, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return err
	}
	w := c.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "--out: %v", err)
		}
		defer f.Close()
		w = f
	}
	if *format == "csv" {
		return imc.ExportCSV(w, cs)
	}
	return imc.ExportJSON(w, cs)
}

func imcImport(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "", "`format`: json or csv (default: from the file name)")
	replace := c.fs.Bool("replace", false, "store a cooperation whose name is registered as its next version")
	pos, err := c.parse(cmd, args, 1, 1, "import FILE --author WHO [--note WHY] [--format json|csv] [--replace] [--strict]")
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	cs, err := readFile(pos[0], *format)
	if err != nil {
		return err
	}
	return c.store(ctx, cs, *replace, pos[0], isCSV(pos[0], *format))
}

func isCSV(path, format string) bool {
	return format == "csv" || format == "" && strings.EqualFold(filepath.Ext(path), ".csv")
}

// store vets and imports cooperations in one transaction. A CSV file
// carries no agreement clauses, documents or process, so with replace
// those are kept from the registered version.
func (c *imcCmd) store(ctx context.Context, cs []generalist.IMC, replace bool, source string, csv bool) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if csv && replace {
		existing, err := db.IMCs(ctx, generalist.IMCFilter{})
		if err != nil {
			return err
		}
		for i := range cs {
			for _, e := range existing {
				if strings.EqualFold(strings.Join(strings.Fields(e.Name), " "), strings.Join(strings.Fields(cs[i].Name), " ")) {
					key := cs[i].Agreement.CostKey
					cs[i].Agreement = e.Agreement
					cs[i].Agreement.CostKey = key
					cs[i].Documents, cs[i].Process = e.Documents, e.Process
				}
			}
		}
	}
	for i := range cs {
		if err := c.vet(&cs[i]); err != nil {
			return generalist.Errorf(generalist.ErrorCode(err), "%s, cooperation %d of %d: %s; nothing was imported", source, i+1, len(cs), generalist.ErrorMessage(err))
		}
	}
	created, updated, err := db.ImportIMCs(ctx, cs, c.edit(), replace)
	if err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc import", source, fmt.Sprintf("%d registered, %d updated", created, updated))
	_, err = fmt.Fprintf(c.stdout, "Imported %s: %d registered, %d updated, %d unchanged.\n", source, created, updated, len(cs)-created-updated)
	return err
}

func imcExamples(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	replace := c.fs.Bool("replace", false, "restore examples that have been changed")
	if _, err := c.parse(cmd, args, 0, 0, "examples --author WHO [--replace]"); err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	cs, err := imc.Examples()
	if err != nil {
		return err
	}
	if *c.note == "" {
		*c.note = "Eksempler levert med Generalist (ikke reelle registreringer)"
	}
	err = c.store(ctx, cs, *replace, "the shipped examples ("+imc.ExamplesFile+")", false)
	var e *generalist.Error
	if errors.As(err, &e) && e.Code == generalist.ECONFLICT {
		return generalist.Errorf(generalist.ECONFLICT, "%s (the examples are registered already)", e.Message)
	}
	return err
}
