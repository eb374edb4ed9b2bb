package web_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The accessibility and language tests compare what they find with a file
// of known findings (a11y_known.txt, language_known.txt) that may only
// shrink. A finding is a line whose first field is the place it was found
// (a path or a route).

// readKnown reads a file of known findings: one a line, with its fields
// as want names them; blank lines and lines starting with # are comments.
// A line whose number of fields fieldsOK refuses fails the test. White
// space between fields is folded to one space, as a finding's String
// writes it.
func readKnown(t *testing.T, name, want string, fieldsOK func(n int) bool) map[string]bool {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.Fields(s)
		if !fieldsOK(len(fields)) {
			t.Fatalf("%s:%d: want %q, got %q", name, line, want, s)
		}
		out[strings.Join(fields, " ")] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// compareKnown fails the test on every finding not in known, once each and
// sorted, with fresh before it, and logs, with gone before them, the known
// findings at a visited place that no longer occur. It returns the
// findings seen, as strings.
func compareKnown[F fmt.Stringer](t *testing.T, found []F, known map[string]bool, visited func(place string) bool, fresh, gone string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	var news []string
	for _, f := range found {
		seen[f.String()] = true
		if !known[f.String()] {
			news = append(news, f.String())
		}
	}
	slices.Sort(news)
	for _, f := range slices.Compact(news) {
		t.Errorf("%s: %s", fresh, f)
	}
	var old []string
	for k := range known {
		if !seen[k] && visited(strings.Fields(k)[0]) {
			old = append(old, k)
		}
	}
	slices.Sort(old)
	for _, k := range old {
		t.Logf("%s: %s", gone, k)
	}
	return seen
}
