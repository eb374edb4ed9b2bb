package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
)

// body is a cached response body, kept both plain and gzip-compressed so
// that large cached responses (the municipality list, whole-country maps,
// the graph) cost a single write per request.
type body struct {
	raw, gz []byte
}

func newBody(raw []byte) (body, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return body{}, err
	}
	if _, err := zw.Write(raw); err != nil {
		return body{}, err
	}
	if err := zw.Close(); err != nil {
		return body{}, err
	}
	return body{raw: raw, gz: buf.Bytes()}, nil
}

// write sends b, compressed when the client accepts gzip.
func (b body) write(w http.ResponseWriter, r *http.Request, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Add("Vary", "Accept-Encoding")
	data := b.raw
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		data = b.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// cachedJSON serves the JSON of what fn returns, encoded and compressed
// once per data version under key: for large responses whose encoding
// would otherwise dominate the request.
func (s *Server) cachedJSON(w http.ResponseWriter, r *http.Request, key string, fn func() (any, error)) error {
	b, err := get(r.Context(), s.cache, key, func() (body, error) {
		v, err := fn()
		if err != nil {
			return body{}, err
		}
		raw, err := marshal(v)
		if err != nil {
			return body{}, err
		}
		return newBody(raw)
	})
	if err != nil {
		return err
	}
	b.write(w, r, "application/json")
	return nil
}
