package main

import (
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
