package generalist

import "strings"

// CountyParticipantName is how a county authority is named as a
// participant of a cooperation, from the county's number and its name in
// the structure ("Nordland - Nordlánnda"): the first name and
// "fylkeskommune" ("Nordland fylkeskommune"). Oslo (03), a municipality
// that also has the county's tasks, is "Oslo kommune (fylkeskommunale
// oppgaver)". The store names the participants of a record it keeps so,
// and the application those of a record it only checks.
func CountyParticipantName(number, name string) string {
	if number == "03" {
		return "Oslo kommune (fylkeskommunale oppgaver)"
	}
	short, _, _ := strings.Cut(name, " - ")
	return short + " fylkeskommune"
}
