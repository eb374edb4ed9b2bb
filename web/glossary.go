package web

import "net/http"

// The glossary (/ordliste) explains the words of the domain and of the
// model in plain bokmål and English; pages link their terms to
// /ordliste#<id> (glossaryLink).

// glossaryGroup is one group of terms on the page.
type glossaryGroup struct {
	Key   string
	Terms []glossaryTerm
}

func (s *Server) handleGlossary(w http.ResponseWriter, r *http.Request) error {
	var groups []glossaryGroup
	for _, g := range glossaryGroups {
		gg := glossaryGroup{Key: "gl.group." + g}
		for _, t := range glossaryTerms {
			if t.Group == g {
				gg.Terms = append(gg.Terms, t)
			}
		}
		groups = append(groups, gg)
	}
	s.render(w, r, http.StatusOK, "glossary.tmpl", page{Title: msg(langOf(r), "gl.title"), Nav: "glossary", Data: groups})
	return nil
}
