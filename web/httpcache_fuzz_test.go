package web

import (
	"net/http"
	"strings"
	"testing"

	"generalist"
)

// FuzzValidators reads random If-None-Match and If-Match headers: no
// header panics; If-None-Match matches only the tag it names (bare or
// W/), or the gzip tag for a client that takes gzip, and a header that
// lists the tag among others matches; If-Match gives a positive version
// or an EINVALID error whose message stays short whatever the header's
// length. The seeds run as a test.
func FuzzValidators(f *testing.F) {
	tag := validator("v", "b", "2026-01-01", "nb", "/api/v1/tasks?level=county")
	for _, h := range []string{
		tag, "W/" + tag, "*", "", ",,,", `"æøå", ` + tag, gzipTag(tag), "W/W/" + tag, tag[:5], `"`, "\xff\xfe" + tag,
		`"3"`, `W/"3"`, `"3-gz"`, `W/"3-gz"`, `"0"`, `"-1"`, `"1", "2"`, `"99999999999999999999"`, `"٣"`, `3`, `"+3"`,
		`"` + strings.Repeat("9", 300) + `"`, strings.Repeat(`"x", `, 200) + tag,
	} {
		f.Add(h, true)
		f.Add(h, false)
	}
	f.Fuzz(func(t *testing.T, h string, gz bool) {
		got, ok := matchTag(h, tag, gz)
		if ok && got != tag && !(gz && got == gzipTag(tag)) {
			t.Fatalf("matchTag(%q) = %q, neither the tag nor, with gzip, its gzip tag", h, got)
		}
		for _, named := range []string{tag, "W/" + tag} {
			for _, list := range []string{named, h + ", " + named, named + ", " + h} {
				if _, ok := matchTag(list, tag, gz); !ok {
					t.Fatalf("matchTag(%q) does not match the tag it lists", list)
				}
			}
		}
		r := &http.Request{Header: http.Header{"If-Match": {h}}}
		v, err := ifMatch(r)
		switch {
		case err != nil && (generalist.ErrorCode(err) != generalist.EINVALID || len(generalist.ErrorMessage(err)) > 300):
			t.Fatalf("ifMatch(%q) = %v: not a short EINVALID error", h, err)
		case err == nil && strings.TrimSpace(h) != "" && v <= 0:
			t.Fatalf("ifMatch(%q) = %d without an error", h, v)
		}
	})
}
