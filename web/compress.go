package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
)

// minGzip is the smallest page worth compressing: below it the gzip
// header and the work cost more than they save.
const minGzip = 1024

// writePage sends a rendered page with its status, gzip-compressed when
// the client accepts it and the page is large enough, so that what a
// phone downloads is the compressed size (issue 16: no page over 300 KB
// compressed). Cached pages are compressed once in body instead.
func writePage(w http.ResponseWriter, r *http.Request, status int, contentType string, b []byte) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	if len(b) < minGzip || !acceptsGzip(r) {
		writeBytes(w, status, contentType, b)
		return
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression) // a valid level: no error
	zw.Write(b)                                                 // writes to a bytes.Buffer do not fail
	zw.Close()
	h.Set("Content-Type", contentType)
	h.Set("Content-Encoding", "gzip")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
