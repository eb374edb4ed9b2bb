package geo

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDeps checks the package's imports against the layout rule of
// docs/STYLE.md: the standard library, the domain package and orb.
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
			case path == "generalist":
			case path == "github.com/paulmach/orb" || path == "github.com/paulmach/orb/planar" || path == "github.com/paulmach/orb/simplify":
			case !strings.Contains(first, "."): // standard library
				if first == "generalist" {
					t.Errorf("%s imports %s: geo may import only the root of generalist", name, path)
				}
			default:
				t.Errorf("%s imports %s: not allowed in geo", name, path)
			}
		}
	}
}
