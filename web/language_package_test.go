package web_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The language crawler also flags the name of one of the module's Go
// packages after the word for package («pakken sim», «package sim»): a
// reader cannot look a package up, and the page should say in plain
// words what the code does. The packages are the module's directories
// that hold Go files, found when the tests start, so a new one is
// covered.
func init() {
	identifierPatterns = append(identifierPatterns, struct {
		kind string
		re   *regexp.Regexp
	}{"package", regexp.MustCompile(`(?i)\b((?:pakken|pakkene|package|packages)\s+(?:` + strings.Join(modulePackages(".."), "|") + `))\b`)})
}

// modulePackages returns the names of the directories under root that
// hold Go files (a package's last path element), without testdata.
func modulePackages(root string) []string {
	var names []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() != ".." && strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && path != filepath.Join(root, d.Name()) {
			names = append(names, regexp.QuoteMeta(filepath.Base(filepath.Dir(path))))
		}
		return nil
	})
	slices.Sort(names)
	return slices.Compact(names)
}

// TestPackageNamesFlagged: the pattern finds a package name after the
// word for package, in either language, and nothing in plain prose.
func TestPackageNamesFlagged(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Partnerne velges etter regelen i pakken sim: nærmeste kommune.", 1},
		{"Computed by the package capacity.", 1},
		{"Regnet ut i pakkene economy og sim.", 1},
		{"Tiltakspakken sim er ikke et ord; pakken med tiltak er vanlig tekst.", 0},
	} {
		n := 0
		for _, f := range segmentFindings(tt.text) {
			if f.Kind == "package" {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%q: %d package names found, want %d", tt.text, n, tt.want)
		}
	}
}

// TestExampleScenariosNameNoPackage: the shipped example scenarios'
// names and descriptions, shown on the scenario list and in reports, name
// no package of the code.
func TestExampleScenariosNameNoPackage(t *testing.T) {
	files, err := filepath.Glob("../data/scenarios/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example scenarios: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var s struct{ Name, Description string }
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, text := range []string{s.Name, s.Description} {
			for _, f := range segmentFindings(text) {
				if f.Kind == "package" {
					t.Errorf("%s names a package of the code: %q", filepath.Base(name), f.Text)
				}
			}
		}
	}
}
