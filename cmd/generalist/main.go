// Command generalist is the one binary of Generalist: the CLI, the importer
// and the web server.
//
// Usage:
//
//	generalist serve  [--addr :8080] [--db PATH]
//	generalist stats  [--structure 2020] [--year 2020] [--under 5000] [--json] [--db PATH]
//	generalist stats  --nordic [--year 2020] [--json]
//	generalist import FILE [--format jsonstat|ssbcsv] [--structure S] [--replace] [--db PATH]
//	generalist indicator import|list|show|delete …
//	generalist capacity [--structure 2024] [--year 2026] [--by task|municipality] [--json]
//	generalist search groups|ensemble --floor N [--task ID] [--within-county] [--max-km K] [--seed S] [--json]
//
// Every command that uses the store takes --db (or GENERALIST_DB); the
// default is generalist.db in the working directory. On first use the
// embedded reference data is loaded into the store.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"generalist"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	lang := mainLang()
	err := run(withLang(ctx, lang), os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "generalist:", wordError(lang, err))
		}
		os.Exit(exitCode(err))
	}
}

const usage = `generalist — decision support for Norway's generalist municipality system

Usage:
  generalist <command> [flags]

Commands:
  serve    run the web server
  stats    print the structure table or the Nordic comparison
  import   load an SSB population table (JSON-stat 2.0 or semicolon CSV)
  indicator import, list, show or delete your own per-municipality indicators
  capacity measure capacity against the statutory tasks
  tasks    list the task catalogue and change its staffing parameters
  scenario validate, evaluate and compare alternatives to today's system
  report   write a scenario comparison as HTML, Markdown or CSV
  search   structure search: groupings that reach a floor (groups), ReCom ensembles (ensemble)
  jobs     list, show, cancel or wait for long computations run as jobs
  worker   run the queued jobs
  economy  the income system: a municipality's money, a merger's 20-year effect, imports
  imc      the registry of inter-municipal cooperations: legal checks, agreements, costs, exit
  input    input (innspill) from municipalities and the public: list, moderate, export
  user     accounts of a shared deployment: add, list, disable, tokens
  backup   write a consistent snapshot of the store; check its integrity (--check)
  restore  read a backup into an empty store
  help     show this text

Run "generalist <command> -h" for the flags of a command.
`

// run executes one command; main only maps its error to an exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if dir := os.Getenv("GENERALIST_ECONOMY_DATA"); dir != "" && len(args) > 0 {
		// Earlier versions read imported economy tables from this
		// directory; they now live in the store. Say so rather than
		// silently using the shipped sample.
		fmt.Fprintf(stderr, "warning: GENERALIST_ECONOMY_DATA (%s) is no longer read: imported economy tables live in the store. Import the directory once with: generalist economy import --data %s\n", dir, dir)
	}
	return dispatch(ctx, "", usage, "no command given", map[string]command{
		"serve": runServe, "stats": runStats, "import": runImport, "indicator": runIndicator,
		"capacity": runCapacity, "tasks": runTasks, "scenario": runScenario, "report": runReport,
		"economy": runEconomy, "imc": runIMC, "search": runSearch, "input": runInput,
		"user": runUser, "backup": runBackup, "restore": runRestore, "worker": runWorker, "jobs": runJobs,
	}, args, stdout, stderr)
}

// usageError is a mistake in the command line (exit status 2).
type usageError string

func (e usageError) Error() string { return string(e) }

func exitCode(err error) int {
	var u usageError
	switch {
	case errors.As(err, &u), errors.Is(err, flag.ErrHelp):
		return 2
	case generalist.ErrorCode(err) == generalist.EINTERNAL:
		return 3
	}
	return 1
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("import FILE --format jsonstat"), and returns the positionals.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError(err.Error())
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
