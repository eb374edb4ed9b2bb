package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// servePublic answers the public (no session, no API token, no
// confirmation waiting) from memory: h's answer to a GET is kept, whole,
// under the data version, the day, the language and the request's address
// (path and query), which is all a public answer may depend on (the same
// things its ETag is made of, httpcache.go), and served again until the
// data change. An answer that turns out personal — it sets a cookie
// (a remembered language, a form token) or is marked private — or that is
// not 200 is sent as it is and not kept. Anyone else gets h itself.
//
// It is for the published routes that read the store or render on every
// request; routes that keep their own parts in the cache (renderCached,
// cachedJSON) need it less.
func (s *Server) servePublic(w http.ResponseWriter, r *http.Request, h handler) error {
	v := viewerOf(r)
	if r.Method != http.MethodGet || v.User != nil || v.Token != nil || pendingFlash(r) != "" || langToRemember(r) != "" {
		// A language switch is personal too: its answer must carry the
		// cookie that remembers the choice, which a kept answer does not.
		return h(w, r)
	}
	key := fmt.Sprintf("public/%s/%s%s", langOf(r), s.today(), r.URL.RequestURI())
	var personal *captured
	b, err := get(r.Context(), s.cache, key, func() (publicAnswer, error) {
		// The handler writes into memory, uncompressed; the kept body is
		// compressed once for every client that accepts gzip.
		plain := r.Clone(r.Context())
		plain.Header.Del("Accept-Encoding")
		c := &captured{header: http.Header{}, status: http.StatusOK}
		if err := h(c, plain); err != nil {
			return publicAnswer{}, err
		}
		if c.status != http.StatusOK || c.header.Get("Set-Cookie") != "" || strings.Contains(c.header.Get("Cache-Control"), "private") ||
			c.header.Get("Content-Encoding") != "" {
			personal = c
			return publicAnswer{}, errPersonal
		}
		body, err := newBody(c.body.Bytes())
		return publicAnswer{body: body, contentType: c.header.Get("Content-Type"), etag: c.header.Get("ETag")}, err
	})
	if err == errPersonal {
		personal.replay(w, r)
		return nil
	}
	if err != nil {
		return err
	}
	if b.etag != "" {
		w.Header().Set("ETag", b.etag)
	}
	b.body.write(w, r, b.contentType)
	return nil
}

// publicAnswer is a kept public answer.
type publicAnswer struct {
	body        body
	contentType string
	etag        string // the handler's own validator, if it set one
}

// errPersonal marks an answer servePublic must not keep.
var errPersonal = fmt.Errorf("web: a personal answer")

// captured is an answer written into memory.
type captured struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (c *captured) Header() http.Header { return c.header }

func (c *captured) WriteHeader(status int) {
	if !c.wrote {
		c.status, c.wrote = status, true
	}
}

func (c *captured) Write(b []byte) (int, error) {
	c.WriteHeader(http.StatusOK)
	return c.body.Write(b)
}

// replay sends the captured answer to w as it was written, compressed
// when r accepts gzip: servePublic asked the handler for the plain body.
func (c *captured) replay(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, vs := range c.header {
		if k != "Content-Length" && k != "Vary" {
			h[k] = vs
		}
	}
	if c.header.Get("Content-Encoding") != "" { // encoded by the handler itself
		h.Set("Vary", "Accept-Encoding")
		w.WriteHeader(c.status)
		w.Write(c.body.Bytes())
		return
	}
	writePage(w, r, c.status, c.header.Get("Content-Type"), c.body.Bytes())
}
