package report

import (
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formats are the report's three writers, each with the name the checks
// use and the ending of its golden file.
var formats = []struct {
	name, ext string
	write     func(io.Writer, *Comparison) error
}{
	{"HTML", "html", HTML},
	{"MD", "md", Markdown},
	{"CSV", "csv", CSV},
}

// renderRaw writes c in the three formats as they are written, no-break
// spaces as spaces.
func renderRaw(t *testing.T, c *Comparison) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.write(&b, c); err != nil {
			t.Fatal(err)
		}
		out[f.name] = strings.ReplaceAll(b.String(), "\u00a0", " ")
	}
	return out
}

// renderAll writes c in the three formats as a reader sees them:
// character references decoded (&#43; as +), no-break spaces as spaces.
func renderAll(t *testing.T, c *Comparison) map[string]string {
	t.Helper()
	out := renderRaw(t, c)
	for name, body := range out {
		out[name] = strings.ReplaceAll(html.UnescapeString(body), "\u00a0", " ")
	}
	return out
}

// checkGoldens renders make() in the three formats twice, and checks that
// the two renders are the same and equal the golden files
// testdata/comparison<suffix>.<ext>; with -update it rewrites them first.
func checkGoldens(t *testing.T, suffix string, make func() *Comparison) {
	t.Helper()
	for _, f := range formats {
		file := "comparison" + suffix + "." + f.ext
		var a, b bytes.Buffer
		if err := f.write(&a, make()); err != nil {
			t.Fatal(err)
		}
		f.write(&b, make())
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renders differ", file)
		}
		path := filepath.Join("testdata", file)
		if *update {
			os.WriteFile(path, a.Bytes(), 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), want) {
			t.Errorf("%s differs from the golden file (go test ./report -update to accept)", file)
		}
	}
}
