package geomap

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDeps checks the package's imports against the layout rule of
// docs/STYLE.md: the standard library, the domain package, geo for the
// features and orb for their geometry types. No HTTP, no database.
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
			case path == "generalist", path == "generalist/geo":
			case path == "github.com/paulmach/orb":
			case path == "net/http" || strings.HasPrefix(path, "database/"):
				t.Errorf("%s imports %s: geomap renders to an io.Writer only", name, path)
			case !strings.Contains(first, "."): // standard library
				if first == "generalist" {
					t.Errorf("%s imports %s: geomap may import only generalist and generalist/geo", name, path)
				}
			default:
				t.Errorf("%s imports %s: not allowed in geomap", name, path)
			}
		}
	}
}
