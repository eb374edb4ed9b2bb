package web

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"maps"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"generalist"
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

// acceptsGzip reports whether the client's Accept-Encoding names gzip
// with a weight above zero ("gzip", "gzip;q=0.5"; not "gzip;q=0.0" nor a
// weight that is no number).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					f = 0
				}
				q = f
			}
		}
		return q > 0
	}
	return false
}

// requireJSON refuses a request body not declared as JSON with 415. Media
// types are case-insensitive: APPLICATION/JSON is JSON.
func requireJSON(r *http.Request, what string) error {
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == "application/json" {
		return nil
	}
	if ct == "" {
		ct = "(none)"
	} else if len(ct) > 60 {
		ct = ct[:60] + "…"
	}
	return &mediaTypeError{generalist.Errorw(generalist.EINVALID, "err.media.unsupported",
		"Content-Type %q: send %s as application/json", ct, what)}
}

// mediaTypeError is a body of a media type the route does not take:
// apiError answers it 415.
type mediaTypeError struct{ err *generalist.Error }

func (e *mediaTypeError) Error() string { return e.err.Error() }
func (e *mediaTypeError) Unwrap() error { return e.err }

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

// limitBody limits r's body to limit bytes and returns the writer the
// request is to be answered through. Once a read has gone over the limit
// (or over a handler's tighter one, set with maxBytes), an answer the
// handler gives as a client error — 400 from a decoder that saw a cut-off
// body, 403 from a form whose CSRF field never arrived — is replaced by
// 413, so that every body over a limit gets 413 whatever the handler made
// of the read error.
func (s *Server) limitBody(w http.ResponseWriter, r *http.Request, limit int64) http.ResponseWriter {
	lw := &limitWriter{ResponseWriter: w, s: s, r: r}
	r.Body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, limit), limit: limit, over: &lw.over}
	return lw
}

// maxBytes is http.MaxBytesReader(w, r.Body, n) for a handler's own limit,
// tighter than the server's: a body over it is answered 413 as well.
func maxBytes(w http.ResponseWriter, r *http.Request, n int64) io.ReadCloser {
	rc := http.MaxBytesReader(w, r.Body, n)
	if b, ok := r.Body.(*limitedBody); ok {
		return &limitedBody{ReadCloser: rc, limit: n, over: b.over}
	}
	return rc
}

// limitedBody notes the limit of the first read that goes over one.
type limitedBody struct {
	io.ReadCloser
	limit int64
	over  *atomic.Int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		b.over.CompareAndSwap(0, b.limit)
	}
	return n, err
}

// limitWriter answers 413 instead of a client error once the body has
// gone over a limit, dropping what the handler writes after that.
type limitWriter struct {
	http.ResponseWriter
	s       *Server
	r       *http.Request
	over    atomic.Int64 // the limit a read went over; 0: none
	wrote   bool
	replace bool
}

func (w *limitWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote = true
	if limit := w.over.Load(); limit > 0 && code >= 400 && code < 500 && code != http.StatusRequestEntityTooLarge {
		w.replace = true
		w.Header().Del("Content-Encoding")
		w.s.tooLarge(w.ResponseWriter, w.r, limit)
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *limitWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.replace {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *limitWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// importBody reads the body of an import API request (at most
// maxImportFile) and returns it with the format formats gives its media
// type (lower case, without parameters): "" for a media type not in
// formats, none, or one that does not parse.
func importBody(w http.ResponseWriter, r *http.Request, formats map[string]string) ([]byte, string, error) {
	b, err := io.ReadAll(maxBytes(w, r, maxImportFile))
	if err != nil {
		return nil, "", generalist.Errorf(generalist.EINVALID, "request body: larger than %d MB or cut off", maxImportFile>>20)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return b, formats[mt], nil
}

// writeRefused answers an import API request refused with err for the
// file's problems: err's status and {"error": {"code", "message",
// "problems"}}, with the fields of extra beside "error". It writes nothing
// and reports false for an internal error or one without problems: the
// caller returns it, to be answered as every other error.
func writeRefused[P any](w http.ResponseWriter, err error, problems []P, extra map[string]any) bool {
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL || len(problems) == 0 {
		return false
	}
	body := map[string]any{"error": map[string]any{"code": code, "message": generalist.ErrorMessage(err), "problems": problems}}
	maps.Copy(body, extra)
	writeJSON(w, statusOf[code], body)
	return true
}
