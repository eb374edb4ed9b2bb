package main

import "testing"

// TestDispatch pins what every command family says for help, a missing
// and an unknown subcommand: help on standard output with exit status 0,
// or the help on standard error and a usage error (exit status 2).
func TestDispatch(t *testing.T) {
	for _, tt := range []struct {
		family, help, missing, unknown string
	}{
		{"", usage, "no command given", `unknown command "frob"`},
		{"economy", economyHelp, "economy: no command given", `economy: unknown command "frob"`},
		{"indicator", indicatorHelp, "indicator: no command given (import, list, show, delete or analyse)", `indicator: unknown command "frob"`},
	} {
		t.Run(tt.family, func(t *testing.T) {
			var prefix []string
			if tt.family != "" {
				prefix = []string{tt.family}
			}
			for _, h := range []string{"help", "-h", "--help"} {
				stdout, stderr, err := runCmd(append(prefix, h)...)
				if err != nil || stdout != tt.help || stderr != "" {
					t.Errorf("%s: err %v, stdout %q, stderr %q; want the help on standard output", h, err, stdout, stderr)
				}
			}
			for _, c := range []struct {
				args []string
				msg  string
			}{{prefix, tt.missing}, {append(prefix, "frob"), tt.unknown}} {
				stdout, stderr, err := runCmd(c.args...)
				if err == nil || errorText(err) != c.msg || exitCode(err) != 2 {
					t.Errorf("%q: error %v (exit %d), want %q (exit 2)", c.args, err, exitCode(err), c.msg)
				}
				if stdout != "" || stderr != tt.help {
					t.Errorf("%q: stdout %q, stderr %q; want the help on standard error", c.args, stdout, stderr)
				}
			}
		})
	}
}

// TestIndicatorAnalyzeSpelling checks that "analyze" runs "analyse".
func TestIndicatorAnalyzeSpelling(t *testing.T) {
	_, _, err := runCmd("indicator", "analyze")
	if err == nil || errorText(err) != "indicator analyse: give exactly one indicator ID" {
		t.Errorf("indicator analyze: error %v, want the usage error of indicator analyse", err)
	}
}

// TestUnknownCommand pins the answer of every command family to a missing
// and an unknown subcommand: its help on standard error and a usage error.
func TestUnknownCommand(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		help, msg string
	}{
		{[]string{"imc"}, imcHelp, "imc: no command given"},
		{[]string{"imc", "frob"}, imcHelp, `imc: unknown command "frob"`},
		{[]string{"input"}, inputUsage(), "input: no command given"},
		{[]string{"input", "frob"}, inputUsage(), `input: unknown command "frob"`},
		{[]string{"scenario"}, scenarioHelp, "scenario: no command given"},
		{[]string{"scenario", "frob"}, scenarioHelp, `scenario: unknown command "frob"`},
		{[]string{"tasks"}, tasksHelp, "tasks: no command given (list, set, reset or history)"},
		{[]string{"tasks", "frob"}, tasksHelp, `tasks: unknown command "frob"`},
		{[]string{"user", "frob"}, userHelp, `user: unknown command "frob"`},
		{[]string{"search", "frob"}, searchHelp, `search: unknown subcommand "frob"; want groups or ensemble`},
	} {
		stdout, stderr, err := runCmd(tt.args...)
		if err == nil || errorText(err) != tt.msg || exitCode(err) != 2 {
			t.Errorf("%q: error %v (exit %d), want %q (exit 2)", tt.args, err, exitCode(err), tt.msg)
		}
		if stdout != "" || stderr != tt.help {
			t.Errorf("%q: stdout %q, stderr %q; want the help on standard error", tt.args, stdout, stderr)
		}
	}
}
