package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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
