package analysis

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDeps checks the package's imports against the layout rule of
// docs/STYLE.md for computation: the standard library, gonum, and the
// root package generalist for its error type; never storage or web.
func TestDeps(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			switch {
			case path == "generalist", strings.HasPrefix(path, "gonum.org/v1/gonum/"):
			case strings.Contains(first, ".") || first == "generalist":
				t.Errorf("%s imports %s: analysis may import only the standard library, gonum and generalist", name, path)
			}
		}
	}
}
