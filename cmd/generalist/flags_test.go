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
