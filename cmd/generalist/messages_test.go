package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestCLIMessages: every sentence has bokmål and English with the same
// parameters; every key the commands say is in the catalogue; every
// domain error key the catalogue words is one the module raises.
func TestCLIMessages(t *testing.T) {
	params := regexp.MustCompile(`%\[\d+\]v`)
	for key, m := range cliMessages {
		if strings.TrimSpace(m[0]) == "" || strings.TrimSpace(m[1]) == "" {
			t.Errorf("%s: lacks a language: %q", key, m)
		}
		nb, en := params.FindAllString(m[0], -1), params.FindAllString(m[1], -1)
		if strings.Join(sorted(nb), " ") != strings.Join(sorted(en), " ") {
			t.Errorf("%s: bokmål takes %v, English %v", key, nb, en)
		}
		if strings.Count(m[0]+m[1], "%")-strings.Count(m[0]+m[1], "%[") != 0 {
			t.Errorf("%s: write parameters as %%[n]v", key)
		}
	}
	// The keys the commands use.
	said := regexp.MustCompile(`(?:say\([^,]+,[^,]+,|text\([^,]+,|done\([^"]*"[^"]*",[^,]+,)\s*"([a-z][a-z.]+)"`)
	files, _ := filepath.Glob("*.go")
	raised := map[string]bool{}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		for _, m := range said.FindAllStringSubmatch(string(b), -1) {
			n++
			if _, ok := cliMessages[m[1]]; !ok {
				t.Errorf("%s says %q, which cliMessages lacks", f, m[1])
			}
		}
	}
	if n < 20 {
		t.Errorf("found %d sentences said; the pattern no longer finds them", n)
	}
	for _, k := range []string{"ok.input.linked", "ok.input.unlinked"} { // "ok.input."+cmd+"ed"
		if _, ok := cliMessages[k]; !ok {
			t.Errorf("%s missing", k)
		}
	}
	// Domain error keys raised outside the web.
	errorw := regexp.MustCompile(`\bErrorw\(\s*[A-Za-z_.]+,\s*"([^"]+)"`)
	filepath.WalkDir("../..", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "web" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != "../.." {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, m := range errorw.FindAllStringSubmatch(string(b), -1) {
			raised[m[1]] = true
		}
		return nil
	})
	if len(raised) < 10 {
		t.Fatalf("found %d error keys in the module; the walk no longer finds them", len(raised))
	}
	for key := range cliMessages {
		if strings.HasPrefix(key, "err.") && !strings.HasPrefix(key, "err.code.") && key != "err.usage" && key != "err.english" && !raised[key] {
			t.Errorf("cliMessages words %q, which nothing outside the web raises", key)
		}
	}
	for _, code := range []string{generalist.EINVALID, generalist.ENOTFOUND, generalist.ECONFLICT, generalist.EUNAUTHORIZED, generalist.EFORBIDDEN, generalist.EINTERNAL} {
		if _, ok := cliMessages["err.code."+code]; !ok {
			t.Errorf("no sentence for the code %s", code)
		}
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestWordError: an error is worded in one place, from its key and
// parameters when the catalogue has it, in English or bokmål.
func TestWordError(t *testing.T) {
	keyed := generalist.Errorw(generalist.ENOTFOUND, "err.scenario.notfound", "no scenario %s", "x-1")
	plain := generalist.Errorf(generalist.EINVALID, "--floor: must be positive")
	for _, tt := range []struct {
		lang string
		err  error
		want string
	}{
		{"en", keyed, "no scenario x-1 (see generalist scenario list)"},
		{"nb", keyed, "scenarioet x-1 finnes ikke (se generalist scenario list)"},
		{"en", plain, "--floor: must be positive"},
		{"nb", plain, "ugyldig: (på engelsk) --floor: must be positive"},
		{"en", usageError("unknown command \"x\""), "unknown command \"x\""},
		{"nb", usageError("unknown command \"x\""), "feil i kommandolinjen: unknown command \"x\""},
	} {
		if got := wordError(tt.lang, tt.err); got != tt.want {
			t.Errorf("wordError(%s, %v) = %q, want %q", tt.lang, tt.err, got, tt.want)
		}
	}
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "en"},
		{map[string]string{"LANG": "nb_NO.UTF-8"}, "nb"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C", "LANG": "nb_NO.UTF-8"}, "en"},
		{map[string]string{"GENERALIST_LANG": "nb", "LANG": "en_US"}, "nb"},
		{map[string]string{"GENERALIST_LANG": "en", "LANG": "nb_NO"}, "en"},
	} {
		if got := envLang(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("envLang(%v) = %s, want %s", tt.env, got, tt.want)
		}
	}
}

// TestConfirmationInBokmal: a command's confirmation follows the CLI's
// language; a report is in the language --lang gives.
func TestConfirmationInBokmal(t *testing.T) {
	db := loadedDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`{"id": "haugalandet", "name": "Haugalandet", "structure": 2024, "year": 2026,
  "cooperations": [{"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1106", "1151"], "host": "1106"}]}`), 0o644)
	var o, e bytes.Buffer
	ctx := withLang(context.Background(), "nb")
	if err := run(ctx, []string{"scenario", "new", good, "--db", db}, &o, &e); err != nil {
		t.Fatal(err)
	}
	if o.String() != "Scenario haugalandet er lagret (versjon 1).\n" {
		t.Errorf("new in bokmål: %q", o.String())
	}
	out, _, err := runCmd("scenario", "publish", "haugalandet", "--db", db)
	if err != nil || !strings.HasPrefix(out, "Published scenario haugalandet: anyone can read it") {
		t.Errorf("publish in English: %q, %v", out, err)
	}
	e.Reset()
	err = run(ctx, []string{"scenario", "delete", "finnes-ikke", "--db", db}, &o, &e)
	if got := wordError(langOf(ctx), err); got != "finnes ikke: (på engelsk) no scenario finnes-ikke" { // the store raises it without a key
		t.Errorf("delete(unknown) in bokmål: %q", got)
	}
	for _, tt := range []struct{ lang, want, not string }{
		{"en", "Today's system", "Dagens system"},
		{"nb", "Dagens system", "Today's system"},
	} {
		path := filepath.Join(dir, "r-"+tt.lang+".md")
		out, _, err := runCmd("report", "scenario", "forsok-haugalandet", "--format", "md", "--lang", tt.lang, "--out", path, "--db", db)
		if err != nil || !strings.HasPrefix(out, "Wrote ") {
			t.Fatalf("report --lang %s: %q, %v", tt.lang, out, err)
		}
		b, _ := os.ReadFile(path)
		if !strings.Contains(string(b), tt.want) || strings.Contains(string(b), tt.not) {
			t.Errorf("report --lang %s: lacks %q or shows %q", tt.lang, tt.want, tt.not)
		}
	}
	if _, _, err := runCmd("report", "scenario", "forsok-haugalandet", "--lang", "de", "--db", db); exitCode(err) != 2 {
		t.Errorf("--lang de: exit %d, want 2", exitCode(err))
	}
	// csv-excel: a byte order mark, semicolons.
	out, _, err = runCmd("report", "scenario", "forsok-haugalandet", "--format", "csv-excel", "--db", db)
	if err != nil || !strings.HasPrefix(out, "\ufeffnøkkeltall;Dagens system;") {
		t.Errorf("report csv-excel: %q, %v", out[:min(len(out), 60)], err)
	}
}
