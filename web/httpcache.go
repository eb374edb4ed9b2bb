package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// HTTP caching (issue 23). Every route has a cache policy beside its
// access rule (cacheOf in authz.go); httpCache applies it to each
// response, so that an HTTP cache in front (nginx, a CDN, the browser)
// may carry the published pages and nothing else:
//
//   - A public route answers the public (no session, no API token, no
//     confirmation waiting) with Cache-Control: public, max-age=30,
//     stale-while-revalidate=60, a strong ETag, and Vary: Accept-Encoding,
//     Cookie, Authorization. The ETag is a digest of the data version
//     (app.Version), this build of the program, the date, the language
//     and the request's path and query; a gzip-compressed answer's ETag
//     ends in "-gz" (a different representation needs a different strong
//     validator, RFC 9110 §8.8.3). A request whose If-None-Match names the
//     current ETag is answered 304 before the handler runs: revalidation
//     costs one version check, no rendering.
//   - Anything else is private, no-store: every answer to a signed-in user
//     or an API token, every page that carries a form token (csrfToken
//     marks it), every answer that sets a cookie, every error, and every
//     route whose policy is private.
//   - Static files keep their own lifetime (an hour) and get an ETag of the
//     build, the same for everyone.
//
// The language is chosen by ?lang= or, without it, the lang cookie; hence
// Vary: Cookie. A cache that knows which cookies matter (the nginx
// configuration in deploy/nginx) keys on the lang cookie instead and
// passes every request with a session or confirmation cookie by.

// cachePolicy is what a route lets caches do with its answers.
type cachePolicy int

const (
	cacheUnset   cachePolicy = iota // no policy: answered privately, and the matrix test fails
	cachePublic                     // published data: public for the public, with validators
	cachePrivate                    // never stored by a cache
	cacheStatic                     // static files: the file server's lifetime, an ETag of the build
)

func (p cachePolicy) String() string {
	return [...]string{"none", "public", "private", "static"}[p]
}

// The public lifetime: a shared cache serves a published page for up to
// publicMaxAge seconds, then for publicStale more while it revalidates in
// the background. A change is therefore seen through a cache within
// publicMaxAge + publicStale seconds at the most, and within publicMaxAge
// by a cache that revalidates before serving stale (nginx as configured).
const (
	publicMaxAge = 30
	publicStale  = 60
)

var cachePublicControl = "public, max-age=" + strconv.Itoa(publicMaxAge) + ", stale-while-revalidate=" + strconv.Itoa(publicStale)

const cachePrivateControl = "private, no-store"

// publicVary are the request headers a public answer depends on besides
// its address: the encoding, the cookies (the language; a session makes
// it private) and an API token (which makes it private).
var publicVary = []string{"Accept-Encoding", "Cookie", "Authorization"}

// httpCache wraps w to settle the cache headers of the answer to r when it
// is written, and answers a revalidation of public data at once (304);
// answered reports that it did and the handler must not run.
func (s *Server) httpCache(w http.ResponseWriter, r *http.Request, v viewer, p cachePolicy) (_ http.ResponseWriter, answered bool) {
	cw := &cacheWriter{ResponseWriter: w, r: r, policy: p}
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	switch {
	case !get || p == cacheUnset || p == cachePrivate:
	case p == cacheStatic:
		cw.public = true
		cw.tag = validator(buildID(), r.URL.RequestURI())
	case v.User == nil && v.Token == nil && pendingFlash(r) == "":
		version, err := s.app.Version(r.Context())
		if err != nil {
			// Without the version there is no validator; the handler
			// reads the same store and reports the failure.
			return cw, false
		}
		cw.public = true
		cw.tag = validator(version, buildID(), string(s.today()), langOf(r), r.URL.RequestURI())
	}
	if cw.public && cw.tag != "" {
		if tag, ok := matchTag(r.Header.Get("If-None-Match"), cw.tag, acceptsGzip(r)); ok {
			cw.notModified(tag)
			return cw, true
		}
	}
	return cw, false
}

// cacheWriter settles an answer's cache headers when its status is
// written, from the route's policy and what the handler set.
type cacheWriter struct {
	http.ResponseWriter
	r       *http.Request
	policy  cachePolicy
	public  bool   // the answer may be public, if the handler agrees
	tag     string // the ETag of the plain representation, "" for none
	decided bool
	// discard drops the body: the answer became 304 after the handler
	// ran (its own ETag matched).
	discard bool
}

func (w *cacheWriter) WriteHeader(code int) {
	if !w.decided {
		w.decided = true
		code = w.decide(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *cacheWriter) Write(b []byte) (int, error) {
	if !w.decided {
		w.WriteHeader(http.StatusOK)
	}
	if w.discard {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

func (w *cacheWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// decide sets the cache headers for an answer with status code and
// returns the status to send: 304 when the handler's own ETag (the
// cooperation API's version) matches the request's If-None-Match.
func (w *cacheWriter) decide(code int) int {
	h := w.Header()
	cc := h.Get("Cache-Control")
	public := w.public && code == http.StatusOK && len(h.Values("Set-Cookie")) == 0 &&
		!strings.Contains(cc, "private") && !strings.Contains(cc, "no-store") && !strings.Contains(cc, "no-cache")
	if !public {
		if w.policy == cacheStatic && code != http.StatusOK && cc == "" {
			return code // the file server's own answers (304, 404)
		}
		h.Set("Cache-Control", cachePrivateControl)
		return code
	}
	if cc == "" {
		h.Set("Cache-Control", cachePublicControl)
	}
	if h.Get("ETag") == "" && w.tag != "" {
		tag := w.tag
		if h.Get("Content-Encoding") == "gzip" {
			tag = gzipTag(tag)
		}
		h.Set("ETag", tag)
	}
	if w.policy == cachePublic {
		addVary(h, publicVary...)
	}
	if own := h.Get("ETag"); own != "" && own != w.tag && own != gzipTag(w.tag) {
		// The handler's own validator names the plain representation;
		// the gzip one needs its own strong tag (ifMatch takes both).
		if h.Get("Content-Encoding") == "gzip" && !strings.HasSuffix(own, `-gz"`) {
			own = gzipTag(own)
			h.Set("ETag", own)
		}
		// The handler's own validator: a matching revalidation is
		// answered 304 now, after the rendering, without the body.
		if _, ok := matchTag(w.r.Header.Get("If-None-Match"), own, false); ok {
			w.discard = true
			for _, k := range []string{"Content-Length", "Content-Type", "Content-Encoding"} {
				h.Del(k)
			}
			return http.StatusNotModified
		}
	}
	return code
}

// notModified answers 304 with the headers the full answer would have
// had: its ETag, lifetime and Vary (RFC 9110 §15.4.5).
func (w *cacheWriter) notModified(tag string) {
	h := w.Header()
	h.Set("ETag", tag)
	if w.policy == cacheStatic {
		h.Set("Cache-Control", staticCacheControl)
	} else {
		h.Set("Cache-Control", cachePublicControl)
		addVary(h, publicVary...)
	}
	w.decided = true
	w.ResponseWriter.WriteHeader(http.StatusNotModified)
}

// staticCacheControl is the static files' lifetime (staticHandler).
const staticCacheControl = "public, max-age=3600"

// validator returns a strong ETag of the parts.
func validator(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		io.WriteString(h, p)
		h.Write([]byte{0})
	}
	return `"` + base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:18]) + `"`
}

// gzipTag is the ETag of the gzip-compressed representation of the
// answer whose plain ETag is tag.
func gzipTag(tag string) string {
	if tag == "" {
		return ""
	}
	return strings.TrimSuffix(tag, `"`) + `-gz"`
}

// matchTag reports whether an If-None-Match header names tag (or, for a
// client that accepts gzip, its gzip variant) and returns the one it
// names. The comparison is weak, as RFC 9110 §13.1.2 has it for
// If-None-Match. "*" is not honoured: a GET with it gets the full answer,
// which RFC 9110 allows a server that does not evaluate the condition.
func matchTag(header, tag string, gz bool) (string, bool) {
	if header == "" || tag == "" {
		return "", false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		switch {
		case t == tag:
			return tag, true
		case gz && t == gzipTag(tag):
			return t, true
		}
	}
	return "", false
}

// addVary adds the fields to Vary that it does not name yet.
func addVary(h http.Header, fields ...string) {
	have := map[string]bool{}
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			have[strings.ToLower(strings.TrimSpace(f))] = true
		}
	}
	var add []string
	for _, f := range fields {
		if !have[strings.ToLower(f)] {
			add = append(add, f)
		}
	}
	if len(add) > 0 {
		h.Add("Vary", strings.Join(add, ", "))
	}
}

// buildID names this build of the program, so that a new build (other
// templates, other code) gets new validators: the VCS revision it was
// built from when the tree was clean, else a digest of the executable.
// Two servers from one binary agree, so a cache in front of both can
// revalidate with either.
var buildID = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return rev
		}
	}
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return strconv.FormatInt(time.Now().UnixNano(), 36) // unknown: this process only
})
