package web

import (
	"net/http"
	"net/url"

	"generalist"
)

// checkQuery refuses a query that Go's parser cannot read whole: a pair
// it cannot unescape (%zz), a raw semicolon, or more than 10,000
// parameters. r.URL.Query() drops such pairs silently (every pair, past
// the limit), so a handler would answer with its defaults, as if the
// structure, year or date asked for had not been given.
func checkQuery(r *http.Request) error {
	if r.URL.RawQuery == "" {
		return nil
	}
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
		return generalist.Errorw(generalist.EINVALID, "err.query.unreadable",
			"the query (after ? in the address) cannot be read: %v; write & ; %% inside a value as %%26 %%3B %%25, and send at most 10000 parameters", err)
	}
	return nil
}
