package static

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const (
	vendorDir   = "vendor/designsystemet"
	toolsDir    = "../../tools/designsystemet"
	updateHint  = "run ./scripts/vendor-designsystemet and commit the result"
	versionFile = "VERSION.json"
)

// version is the shape of vendor/designsystemet/VERSION.json, written by
// scripts/vendor-designsystemet.
type version struct {
	Packages []struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		Files   []struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	} `json:"packages"`
}

func mustReadVersion(tb testing.TB) version {
	tb.Helper()
	b, err := FS.ReadFile(path.Join(vendorDir, versionFile))
	if err != nil {
		tb.Fatal(err)
	}
	var v version
	if err := json.Unmarshal(b, &v); err != nil {
		tb.Fatalf("%s: %v", versionFile, err)
	}
	if len(v.Packages) == 0 {
		tb.Fatalf("%s lists no packages", versionFile)
	}
	return v
}

func mustReadJSON(tb testing.TB, name string, v any) {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
}

// TestVersionsMatchPins checks that the vendored copy is of the versions
// pinned in tools/designsystemet, so a version bump without re-vendoring
// fails.
func TestVersionsMatchPins(t *testing.T) {
	v := mustReadVersion(t)

	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	mustReadJSON(t, path.Join(toolsDir, "package.json"), &pkg)
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	mustReadJSON(t, path.Join(toolsDir, "package-lock.json"), &lock)

	vendored := map[string]bool{}
	for _, p := range v.Packages {
		vendored[p.Name] = true
		if got := pkg.Dependencies[p.Name]; got != p.Version {
			t.Errorf("package.json pins %s at %q, %s has %q; %s", p.Name, got, versionFile, p.Version, updateHint)
		}
		if got := lock.Packages["node_modules/"+p.Name].Version; got != p.Version {
			t.Errorf("package-lock.json has %s at %q, %s has %q; %s", p.Name, got, versionFile, p.Version, updateHint)
		}
	}
	for name, spec := range pkg.Dependencies {
		if !vendored[name] {
			t.Errorf("package.json pins %s@%s, which %s does not list; %s", name, spec, versionFile, updateHint)
		}
		if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(spec) {
			t.Errorf("package.json pins %s at %q, want an exact version", name, spec)
		}
	}
}

// TestFilesMatchVersion checks every vendored file against the SHA-256 in
// VERSION.json, and that no file is there that VERSION.json does not list,
// so a hand edit fails.
func TestFilesMatchVersion(t *testing.T) {
	v := mustReadVersion(t)
	listed := map[string]string{}
	for _, p := range v.Packages {
		if len(p.Files) == 0 {
			t.Errorf("%s lists no files for %s", versionFile, p.Name)
		}
		for _, f := range p.Files {
			listed[f.Path] = f.SHA256
		}
	}

	var found []string
	err := fs.WalkDir(FS, vendorDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(name, vendorDir+"/")
		if rel == versionFile {
			return nil
		}
		found = append(found, rel)
		want, ok := listed[rel]
		if !ok {
			t.Errorf("%s is not listed in %s; %s", name, versionFile, updateHint)
			return nil
		}
		b, err := FS.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("sha256(%s) = %s, want %s (VERSION.json); vendored files are not edited by hand: %s", name, got, want, updateHint)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(found)
	for p := range listed {
		if i := sort.SearchStrings(found, p); i == len(found) || found[i] != p {
			t.Errorf("%s lists %s, which is not vendored; %s", versionFile, p, updateHint)
		}
	}
}

// TestNoRemoteReferences checks that the vendored CSS loads nothing from
// outside the server, whose Content-Security-Policy is default-src 'self'.
func TestNoRemoteReferences(t *testing.T) {
	remote := regexp.MustCompile(`(?i)@import|url\(\s*["']?(https?:)?//|@font-face`)
	matches, err := fs.Glob(FS, vendorDir+"/*/*.css")
	if err != nil {
		t.Fatal(err)
	}
	if len(matches) == 0 {
		t.Fatalf("no CSS under %s", vendorDir)
	}
	for _, name := range matches {
		b, err := FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if loc := remote.FindIndex(b); loc != nil {
			t.Errorf("%s: %q at byte %d reaches outside the server", name, b[loc[0]:min(loc[1]+40, len(b))], loc[0])
		}
	}
}
