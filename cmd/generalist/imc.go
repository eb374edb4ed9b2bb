package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/refdata"
	"generalist/sqlstore"
)

// The imc command: the registry of inter-municipal cooperations. This file
// holds the dispatch and what every subcommand shares; each subcommand, or
// a few on one idea, has its own imc_*.go file.

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
  patterns [--examples]      fixed partners or shopping: each municipality's index, each county's communities
  export [--format json|csv] every cooperation
  import FILE --author WHO   register cooperations from JSON or CSV in one transaction
  examples --author WHO      register the shipped examples (marked as examples)

Forms: ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet.
Run "generalist imc <command> -h" for the flags of a command.
`

// imcCmd holds the flags every imc command may use, and the store once a
// command has opened it (runIMC closes it).
type imcCmd struct {
	lazyStore
	fs      *flag.FlagSet
	json    *bool
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
		return helpAndFail(stderr, imcHelp, "imc: no command given")
	}
	cmd, rest := args[0], args[1:]
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, imcHelp)
		return nil
	}
	run, ok := imcCommands[cmd]
	if !ok {
		return unknownCommand(stderr, "imc", imcHelp, cmd)
	}
	c := &imcCmd{fs: flag.NewFlagSet("imc "+cmd, flag.ContinueOnError), stdout: stdout, stderr: stderr}
	c.fs.SetOutput(stderr)
	c.json = c.fs.Bool("json", false, "print JSON")
	c.path = dbFlag(c.fs)
	c.author = c.fs.String("author", os.Getenv("GENERALIST_AUTHOR"), "`who` makes the change (env GENERALIST_AUTHOR)")
	c.note = c.fs.String("note", "", "`why` the change is made")
	c.strict = c.fs.Bool("strict", false, "refuse to store a cooperation that fails a required legal check")
	c.today = c.fs.String("today", "", "the `date` to check and count against (default: today)")
	defer c.close()
	return run(ctx, c, cmd, rest)
}

var imcCommands = map[string]func(ctx context.Context, c *imcCmd, cmd string, args []string) error{
	"list": imcList, "show": imcShow, "history": imcHistory, "add": imcAdd, "edit": imcEdit, "delete": imcDelete,
	"check": imcCheck, "requirements": imcRequirements, "agreement": imcAgreement, "costs": imcCosts, "exit": imcExit,
	"process": imcProcess, "overview": imcOverview, "patterns": imcPatterns, "export": imcExport, "import": imcImport, "examples": imcExamples,
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

// parseID parses the flags and the one argument, a cooperation's id.
func (c *imcCmd) parseID(cmd string, args []string, usage string) (int64, error) {
	pos, err := c.parse(cmd, args, 1, 1, usage)
	if err != nil {
		return 0, err
	}
	return cooperationID(cmd, pos[0])
}

// parseWrite parses a change to one stored cooperation: the flags, its id
// and --author, before anything is read.
func (c *imcCmd) parseWrite(cmd string, args []string, usage string) (int64, error) {
	id, err := c.parseID(cmd, args, usage)
	if err != nil {
		return 0, err
	}
	return id, c.needAuthor(cmd)
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

// app returns the application on the store (open).
func (c *imcCmd) app(ctx context.Context) (*app.App, error) {
	db, err := c.open(ctx)
	if err != nil {
		return nil, err
	}
	return app.New(db), nil
}

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
// with --strict, the legal checks (app.VetCooperation).
func (c *imcCmd) vet(rec *generalist.IMC) error {
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	return app.VetCooperation(cat, rec, *c.strict, c.day())
}

func cooperationID(cmd, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError(fmt.Sprintf("imc %s: %q is not a cooperation id (a number; see generalist imc list)", cmd, s))
	}
	return id, nil
}

// readFile reads cooperations from a JSON or CSV file ("-" is standard
// input), by its extension or format.
func readFile(path, format string) ([]generalist.IMC, error) {
	b, path, err := readBytes(path)
	if err != nil {
		return nil, err
	}
	if format == "" {
		format = "json"
		if isCSV(path, "") {
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

// readBytes reads a file of cooperations ("-": standard input) and
// returns it with the name messages give it.
func readBytes(path string) ([]byte, string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(os.Stdin, imc.MaxFile+1))
		path = "standard input"
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, path, generalist.Errorf(generalist.EINVALID, "%v", err)
	}
	return b, path, nil
}

func isCSV(path, format string) bool {
	return format == "csv" || format == "" && strings.EqualFold(filepath.Ext(path), ".csv")
}

// readOne reads a file that must hold one cooperation; hint says what to
// do with one that holds several.
func readOne(path, format, hint string) (*generalist.IMC, error) {
	cs, err := readFile(path, format)
	if err != nil {
		return nil, err
	}
	if len(cs) != 1 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s holds %d cooperations; %s", path, len(cs), hint)
	}
	return &cs[0], nil
}

// load returns the cooperation named by arg: a stored id, or a JSON file.
func (c *imcCmd) load(ctx context.Context, cmd, arg string) (*generalist.IMC, error) {
	if _, err := os.Stat(arg); err == nil || arg == "-" || !isDigits(arg) {
		return readOne(arg, "", "give a file with one")
	}
	id, err := cooperationID(cmd, arg)
	if err != nil {
		return nil, err
	}
	_, x, err := c.stored(ctx, id)
	return x, err
}

// stored opens the store and reads the current version of a cooperation.
func (c *imcCmd) stored(ctx context.Context, id int64) (*sqlstore.DB, *generalist.IMC, error) {
	db, err := c.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	x, err := db.IMC(ctx, id)
	return db, x, err
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// What the imc and input commands share.

// lazyStore opens the store at the --db path on first use, so that a
// command opens it once, and only when it needs it; the command's runner
// closes it.
type lazyStore struct {
	path *string
	db   *sqlstore.DB
}

func (l *lazyStore) open(ctx context.Context) (*sqlstore.DB, error) {
	if l.db == nil {
		db, err := openStore(ctx, *l.path)
		if err != nil {
			return nil, err
		}
		l.db = db
	}
	return l.db, nil
}

func (l *lazyStore) close() {
	if l.db != nil {
		l.db.Close()
	}
}

// writeOutput writes with write to the file at path, created, or to stdout
// when path is empty. An error closing the file is the command's error,
// so a full disk is not a silent success.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "--out: %v", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "--out: %v", err)
	}
	return nil
}
