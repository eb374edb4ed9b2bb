package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueComplete checks the message catalogue (messages, with every
// *_i18n.go map merged into it at start): every key has bokmål and
// English text, and every key named literally in a template ({{t "k"}},
// {{tf "k" …}}), in the web's Go code (msg(lang, "k")) or in a domain
// error anywhere in the module (Errorw(code, "k", …)) is in it. Texts of
// error keys take their parameters formatted, so they use %v, not %d or %f.
func TestCatalogueComplete(t *testing.T) {
	for k, v := range messages {
		if strings.TrimSpace(v[0]) == "" {
			t.Errorf("message %q has no bokmål text", k)
		}
		if strings.TrimSpace(v[1]) == "" {
			t.Errorf("message %q has no English text", k)
		}
		if strings.HasPrefix(k, "err.") && badErrVerb.MatchString(v[0]+v[1]) {
			t.Errorf("message %q: an error's text takes formatted parameters; use %%v, not %q", k, badErrVerb.FindString(v[0]+v[1]))
		}
	}
	used := map[string][]string{} // key → where
	scan := func(dir string, ext string, res ...*regexp.Regexp) {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") && path != dir {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ext) || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, re := range res {
				for _, m := range re.FindAllStringSubmatch(string(b), -1) {
					used[m[1]] = append(used[m[1]], path)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scan("templates", ".tmpl", templateKey)
	scan(".", ".go", goKey)
	scan("..", ".go", errorwKey)
	if len(used) < 100 {
		t.Fatalf("found only %d keys in use; the scan is broken", len(used))
	}
	for k, where := range used {
		if _, ok := messages[k]; !ok {
			t.Errorf("message key %q (used in %s) is not in the catalogue", k, where[0])
		}
	}
}

var (
	templateKey = regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	goKey       = regexp.MustCompile(`\bmsg\(\s*[A-Za-z_.()]+,\s*"([^"]+)"\s*\)`)
	errorwKey   = regexp.MustCompile(`\bErrorw\(\s*[A-Za-z_.]+,\s*"([^"]+)"`)
	badErrVerb  = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0-9.]*[dfgeqxX]`)
)

// TestCatalogueFilesComplete reads every *_i18n.go file and checks each
// bokmål–English pair written in it ([2]string), also in the maps and
// tables that are not merged into messages (the editor's problems, the
// economy's labels …): both texts are there.
func TestCatalogueFilesComplete(t *testing.T) {
	files, err := filepath.Glob("*_i18n.go")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %d *_i18n.go files (%v)", len(files), err)
	}
	files = append(files, "i18n.go")
	pairs := 0
	for _, name := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(lit *ast.CompositeLit) {
			pairs++
			if len(lit.Elts) != 2 {
				t.Errorf("%s: a text pair with %d texts, want bokmål and English", fset.Position(lit.Pos()), len(lit.Elts))
				return
			}
			for i, e := range lit.Elts {
				if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
					if v, _ := strconv.Unquote(b.Value); strings.TrimSpace(v) == "" {
						t.Errorf("%s: the %s text is empty", fset.Position(b.Pos()), [2]string{"bokmål", "English"}[i])
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if isPair(lit.Type) {
				check(lit)
			}
			if m, ok := lit.Type.(*ast.MapType); ok && isPair(m.Value) {
				for _, e := range lit.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if v, ok := kv.Value.(*ast.CompositeLit); ok && v.Type == nil {
							check(v)
						}
					}
				}
			}
			return true
		})
	}
	if pairs < 500 {
		t.Fatalf("found only %d text pairs; the parse is broken", pairs)
	}
}

// isPair reports whether a type expression is [2]string.
func isPair(e ast.Expr) bool {
	a, ok := e.(*ast.ArrayType)
	if !ok {
		return false
	}
	l, ok := a.Len.(*ast.BasicLit)
	id, ok2 := a.Elt.(*ast.Ident)
	return ok && ok2 && l.Value == "2" && id.Name == "string"
}
