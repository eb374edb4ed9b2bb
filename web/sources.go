package web

import (
	"net/url"
	"strings"
)

// sourceLink is one part of a source text: a web address shown by its
// site's name (URL set), or plain text.
type sourceLink struct {
	Text, URL string
}

// sourceLinks splits a source text such as "https://a.no/x ; lov § 3" at
// its semicolons and gives each web address a short link text, the site's
// host name without "www.", so that a page shows "a.no" where the
// catalogue holds a long address. Other parts stay text. An address that
// does not parse as http or https stays text too.
func sourceLinks(s string) []sourceLink {
	var out []sourceLink
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if u, err := url.Parse(part); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(part, " \t") {
			out = append(out, sourceLink{Text: strings.TrimPrefix(u.Hostname(), "www."), URL: u.String()})
			continue
		}
		out = append(out, sourceLink{Text: part})
	}
	return out
}
