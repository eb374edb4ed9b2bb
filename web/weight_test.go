package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// pageWeightLimit is the most a page's HTML may weigh on the wire,
// gzip-compressed, in its default view (issue 16: no page over 300 KB
// compressed; heavy views load on demand).
const pageWeightLimit = 300_000

// heavyPages are the known exceptions to pageWeightLimit, each with its
// reason: the one place that lists them. TestPageWeight fails on any other
// page over the limit, and on an exception that is no longer over it, so
// that the list only shrinks.
var heavyPages = map[string]string{}

// TestPageWeight fetches every public page of the accessibility test, and
// the about pages, in bokmål and English as a browser does (asking for
// gzip), and checks the compressed size of its HTML against
// pageWeightLimit. The sizes are logged (go test -v) for
// docs/benchmarks.md.
func TestPageWeight(t *testing.T) {
	base := newTestServer(t)
	pages := append(slices.Clone(a11yPages), "/om", "/tilgjengelighet")
	over := map[string]bool{}
	for _, path := range pages {
		for _, lang := range []string{"nb", "en"} {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			req, _ := http.NewRequest("GET", base+path+sep+"lang="+lang, nil)
			req.Header.Set("Accept-Encoding", "gzip")
			resp, err := http.DefaultTransport.RoundTrip(req) // the bytes on the wire, not decompressed
			if err != nil {
				t.Fatal(err)
			}
			wire, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			raw := wire
			if resp.Header.Get("Content-Encoding") == "gzip" {
				zr, err := gzip.NewReader(bytes.NewReader(wire))
				if err != nil {
					t.Fatalf("GET %s (%s): %v", path, lang, err)
				}
				if raw, err = io.ReadAll(zr); err != nil {
					t.Fatalf("GET %s (%s): %v", path, lang, err)
				}
			} else if len(wire) > 1024 {
				t.Errorf("GET %s (%s): %d bytes not compressed", path, lang, len(wire))
			}
			t.Logf("%-40s %s %8d bytes compressed, %8d raw", path, lang, len(wire), len(raw))
			if len(wire) <= pageWeightLimit {
				continue
			}
			over[path] = true
			if _, known := heavyPages[path]; !known {
				t.Errorf("GET %s (%s) weighs %d bytes compressed, more than %d", path, lang, len(wire), pageWeightLimit)
			}
		}
	}
	for path := range heavyPages {
		if !over[path] {
			t.Errorf("%s is within %d bytes now: remove it from heavyPages", path, pageWeightLimit)
		}
	}
}
