package web

import (
	"net/url"
	"regexp"
	"strings"
)

// sourceLink is one part of a source text: a web address shown by its
// site's name (URL set), or plain text.
type sourceLink struct {
	Text, URL string
	// Repo is set for a file in a public code repository on GitHub
	// ("owner/repo/path (commit abc1234)"), which a page names in words
	// with URL the file on GitHub: the path itself is not page text.
	Repo bool
	// Law marks a repository file that is a copy of Norwegian law or
	// Lovtidend (Lovdata's public data).
	Law bool
	// Join continues the previous part (a link inside a sentence): no
	// separator before it.
	Join bool
	// Doc numbers the documents of one site (or of one kind of repository
	// file) when a source names more than one: the site is named once,
	// then "dokument 1", "dokument 2" link to its documents. 0 when the
	// site has one document.
	Doc int
}

var (
	repoSource = regexp.MustCompile(`^([A-Za-z0-9][\w.-]*)/([\w.-]+)/(\S+)(?: \((?:commit ([0-9a-f]{7,40})|[^)]*)\))?$`)
	// fileNote is a data file named in parentheses after a figure
	// ("(befolkning_2019_k2019.csv)"): the figure is the source, the file
	// is where this service keeps it.
	inlineURL = regexp.MustCompile(`https?://[^\s)]+`)
	fileNote  = regexp.MustCompile(`\s*\([\w./-]+\.(?:csv|json|xml)\)`)
)

// sourceLinks splits a source text such as "https://a.no/x ; lov § 3" at
// its semicolons and gives each web address a short link text, the site's
// host name without "www.", so that a page shows "a.no" where the
// catalogue holds a long address. Other parts stay text. An address that
// does not parse as http or https stays text too.
func sourceLinks(s string) []sourceLink {
	var out []sourceLink
	for _, part := range splitOutside(s, ';') {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if u, err := url.Parse(part); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(part, " \t") {
			out = append(out, sourceLink{Text: strings.TrimPrefix(u.Hostname(), "www."), URL: u.String()})
			continue
		}
		if m := repoSource.FindStringSubmatch(part); m != nil && !strings.Contains(m[1], ".") {
			ref := "HEAD"
			if m[4] != "" {
				ref = m[4]
			}
			law := strings.Contains(strings.ToLower(part), "lovdata") || strings.Contains(strings.ToLower(part), "lovtidend")
			out = append(out, sourceLink{Text: m[1] + "/" + m[2], URL: "https://github.com/" + m[1] + "/" + m[2] + "/blob/" + ref + "/" + m[3], Repo: true, Law: law})
			continue
		}
		out = append(out, inlineLinks(fileNote.ReplaceAllString(part, ""))...)
	}
	return groupSites(out)
}

// groupSites lists each source once: a web address given twice is shown
// once, and the documents of one site (two pages on regjeringen.no, two
// copies of law in a repository) follow its first one, numbered, so that a
// page says "regjeringen.no: dokument 1, dokument 2" rather than
// "regjeringen.no; regjeringen.no". Links inside a sentence (Join) stay
// where they are.
func groupSites(links []sourceLink) []sourceLink {
	type site struct {
		Text      string
		Repo, Law bool
	}
	// A repository file is shown by its kind (law or not), not by its
	// repository's name.
	key := func(l sourceLink) site {
		if l.Repo {
			return site{Repo: true, Law: l.Law}
		}
		return site{Text: l.Text}
	}
	seen := map[string]bool{}
	count := map[site]int{}
	var kept []sourceLink
	for _, l := range links {
		if l.URL != "" && !l.Join {
			if seen[l.URL] {
				continue
			}
			seen[l.URL] = true
			count[key(l)]++
		}
		kept = append(kept, l)
	}
	out := make([]sourceLink, 0, len(kept))
	placed := map[site]bool{}
	for _, l := range kept {
		k := key(l)
		if l.URL == "" || l.Join || count[k] < 2 {
			out = append(out, l)
			continue
		}
		if placed[k] {
			continue
		}
		placed[k] = true
		n := 0
		for _, m := range kept {
			if m.URL != "" && !m.Join && key(m) == k {
				n++
				m.Doc = n
				out = append(out, m)
			}
		}
	}
	return out
}

// inlineLinks splits a text with web addresses inside it ("Kommunal
// Rapport 2019 (https://…)") into text and short links, joined.
func inlineLinks(text string) []sourceLink {
	var out []sourceLink
	rest := text
	for {
		loc := inlineURL.FindStringIndex(rest)
		if loc == nil || loc[0] == 0 && len(out) == 0 {
			break
		}
		u, err := url.Parse(rest[loc[0]:loc[1]])
		if err != nil || u.Host == "" {
			break
		}
		if loc[0] > 0 {
			out = append(out, sourceLink{Text: rest[:loc[0]], Join: len(out) > 0})
		}
		out = append(out, sourceLink{Text: strings.TrimPrefix(u.Hostname(), "www."), URL: u.String(), Join: len(out) > 0})
		rest = rest[loc[1]:]
	}
	if rest != "" || len(out) == 0 {
		out = append(out, sourceLink{Text: rest, Join: len(out) > 0})
	}
	return out
}

// splitOutside splits s at sep where sep is not inside parentheses.
func splitOutside(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
