package main

import (
	"context"
	"flag"
	"fmt"
	"io"
)

// newFlagSet returns the flag set of a command: errors are returned, not
// fatal, and -h prints help and then the flags.
func newFlagSet(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, help); fs.PrintDefaults() }
	return fs
}

// parseNoArgs parses args with fs (parseFlags) for a command that takes
// no positional arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("%s: unexpected argument %q", fs.Name(), pos[0]))
	}
	return nil
}

// parseOne parses args with fs (parseFlags) for a command that takes
// exactly one positional argument, and returns it; with any other number
// the error is the usage error msg.
func parseOne(fs *flag.FlagSet, args []string, msg string) (string, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usageError(msg)
	}
	return pos[0], nil
}

// command runs a command or subcommand of the CLI with the arguments after
// its name.
type command func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// dispatch runs the subcommand of family (empty for the top level) that
// args[0] names in cmds. help, -h and --help print help to standard
// output. With no command, help goes to standard error and the error is the
// usage error missing; an unknown command prints help to standard error as
// well and says which.
func dispatch(ctx context.Context, family, help, missing string, cmds map[string]command, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return helpAndFail(stderr, help, missing)
	}
	name, rest := args[0], args[1:]
	if run, ok := cmds[name]; ok {
		return run(ctx, rest, stdout, stderr)
	}
	if name == "help" || name == "-h" || name == "--help" {
		fmt.Fprint(stdout, help)
		return nil
	}
	return unknownCommand(stderr, family, help, name)
}

// helpAndFail prints help to standard error and returns the usage error
// msg: the answer to a missing or unknown subcommand.
func helpAndFail(stderr io.Writer, help, msg string) error {
	fmt.Fprint(stderr, help)
	return usageError(msg)
}

// unknownCommand prints help to standard error and returns the usage
// error that family (empty for the top level) has no command name.
func unknownCommand(stderr io.Writer, family, help, name string) error {
	prefix := ""
	if family != "" {
		prefix = family + ": "
	}
	return helpAndFail(stderr, help, fmt.Sprintf("%sunknown command %q", prefix, name))
}
