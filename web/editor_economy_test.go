package web

import (
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

// TestEditorEconomyBox: a merger without data is named in a plain
// sentence, a merger with some parts known shows the sums of the known
// parts and names what they leave out, and a sum with no known part
// reads «ingen data», never 0 kr.
func TestEditorEconomyBox(t *testing.T) {
	ie, zero := generalist.Kroner(-1000), generalist.Kroner(0)
	o := &economy.Outcome{Year: 2025, Groups: []economy.GroupOutcome{
		{Name: "Ny kommune 1", IncomeEqualisation: &ie, KnownChange: &ie, KnownChangeAllYears: &zero,
			Missing: []string{"inndelingstilskudd", "one_off_grant", "growth_grant"}},
		{Name: "Ny kommune 2", Missing: []string{"income_equalisation", "inndelingstilskudd"}},
		{Name: "Ny kommune 3", IncomeEqualisation: &ie, Missing: []string{"inndelingstilskudd", "one_off_grant", "growth_grant"}},
	}}
	e := economyOf(o, "nb")
	for i := range e.Rows {
		e.Rows[i].First = strings.ReplaceAll(e.Rows[i].First, "\u00a0", " ")
	}
	if len(e.Rows) != 2 || e.Rows[0].First != "-1 000 kr" || e.Rows[0].AllYears != "0 kr" || e.Rows[1].First != "ingen data" || e.Rows[1].AllYears != "ingen data" {
		t.Errorf("rows %+v", e.Rows)
	}
	want := "Ingen tall for «Ny kommune 2»: inntektssystemets tabeller for 2025 dekker ikke alle kommunene som slås sammen. " +
		"Tallene kommer med når en analytiker importerer KDDs fullstendige tabeller (se Økonomi). " +
		"Summene av kjente deler for «Ny kommune 1» og «Ny kommune 3» er uten inndelingstilskudd, engangstilskudd og veksttilskudd. " +
		"Delene mangler fordi"
	if got := strings.ReplaceAll(e.Missing, "\u00a0", " "); !strings.HasPrefix(got, want) {
		t.Errorf("missing:\n%s\nwant it to start\n%s", got, want)
	}
	en := economyOf(o, "en")
	if !strings.Contains(en.Missing, "No figures for «Ny kommune 2»") || !strings.Contains(en.Missing, "The sums of the known parts for «Ny kommune 1» and «Ny kommune 3» leave out") {
		t.Errorf("English: %s", en.Missing)
	}
}
