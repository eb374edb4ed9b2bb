package imc

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// The CSV template analysts fill in (data/samarbeid_mal.csv) and its
// documentation (docs/samarbeid-import.md) are read here as files, apart
// from the parser, so that a column added to one and not the other fails.

func readRepoFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile("../" + path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestTemplateParses: the template as shipped holds only comments after
// its header, so importing it unchanged imports nothing; with the
// example rows' "#" taken away it gives three valid cooperations, each
// marked as an example by its name and source.
func TestTemplateParses(t *testing.T) {
	tmpl := readRepoFile(t, "data/samarbeid_mal.csv")
	if _, err := ParseCSV([]byte(tmpl), "samarbeid_mal.csv"); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "no rows after the header") {
		t.Errorf("ParseCSV(template as shipped) = %v, want no rows", err)
	}
	var lines []string
	examples := 0
	for _, l := range strings.Split(tmpl, "\n") {
		if strings.HasPrefix(l, "#") && strings.Contains(l, ";") {
			l = strings.TrimPrefix(l, "#")
			examples++
		}
		lines = append(lines, l)
	}
	if examples == 0 {
		t.Fatal("the template has no example rows")
	}
	cs, err := ParseCSV([]byte(strings.Join(lines, "\n")), "samarbeid_mal.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Errorf("the template's examples are %d cooperations, want 3", len(cs))
	}
	for i := range cs {
		c := &cs[i]
		if err := Validate(c, mustCatalogue(t)); err != nil {
			t.Errorf("template example %q: %v", c.Name, err)
		}
		if !strings.Contains(c.Name, "(eksempel)") || !strings.Contains(c.Source, "EKSEMPEL") {
			t.Errorf("template example %q (source %q) is not clearly an example", c.Name, c.Source)
		}
	}
}

// TestTemplateDocumented: every column the parser accepts, every column
// of the template's header and every task of the catalogue is described
// in the documentation, and the documentation names no column the parser
// does not accept.
func TestTemplateDocumented(t *testing.T) {
	doc := readRepoFile(t, "docs/samarbeid-import.md")
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\(").FindAllStringSubmatch(doc, -1) {
		documented[m[1]] = true
	}
	for _, c := range csvColumns {
		if !documented[c] {
			t.Errorf("column %q is accepted by ParseCSV but not described in docs/samarbeid-import.md", c)
		}
		delete(documented, c)
	}
	for c := range documented {
		t.Errorf("docs/samarbeid-import.md describes column %q, which ParseCSV does not accept", c)
	}
	tmpl := readRepoFile(t, "data/samarbeid_mal.csv")
	for _, l := range strings.Split(tmpl, "\n") {
		if !strings.HasPrefix(l, "#") {
			for _, c := range strings.Split(l, ";") {
				if !strings.Contains(doc, "| `"+c+"` (") {
					t.Errorf("the template's column %q is not described", c)
				}
			}
			break
		}
	}
	for _, task := range mustCatalogue(t).Tasks {
		if !strings.Contains(doc, "| `"+task.ID+"` | "+task.NameNB+" |") {
			t.Errorf("task %s (%s) is not listed with its Norwegian name", task.ID, task.NameNB)
		}
	}
	for _, f := range []string{"ipr", "ko", "vertskommune", "vertskommune-nemnd", "iks", "as", "sa", "forening", "annet"} {
		if _, err := generalist.ParseIMCForm(f); err != nil || !strings.Contains(doc, "`"+f+"`") {
			t.Errorf("form %q: parses %v, documented %v", f, err, strings.Contains(doc, "`"+f+"`"))
		}
	}
}
