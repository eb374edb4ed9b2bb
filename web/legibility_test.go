package web_test

import (
	"strings"
	"testing"
)

// TestLegibility checks findings of the page review at 1400 and 390 px
// (issue 16) that the language crawler does not catch: bokmål words and
// dates on English pages, and dates or labels an analyst would stumble on.
func TestLegibility(t *testing.T) {
	for _, tt := range []struct {
		path    string
		want    []string
		mustNot []string
	}{
		// Sources are labelled in the page's language; the source title
		// after the label stays as the source has it.
		{"/?lang=en", []string{"Source: Statistisk sentralbyrå, tabell 07459"}, []string{"Kilde:"}},
		{"/kart?lang=en", []string{"Source: Statistisk sentralbyrå, tabell 07459"}, []string{"Kilde:"}},
		{"/kommune/1151?lang=en", []string{"Source: Statistisk sentralbyrå (07459)"}, []string{"Kilde:"}},
		{"/kart", []string{"Kilde: Statistisk sentralbyrå, tabell 07459"}, nil},
		// The registry's dates in the page's language and the short
		// Norwegian form, not the stored ISO date.
		{"/samarbeid/1?lang=en", []string{"<dd>1 January 2024</dd>", "<dd>15 January 2024</dd>"}, []string{"<dd>1. januar 2024", "(21. juni 2023)"}},
		{"/samarbeid/1", []string{"<dd>1. januar 2024</dd>"}, nil},
		{"/samarbeid", []string{"1.1.2024 –"}, []string{"2024-01-01 –"}},
		{"/samarbeid?lang=en", []string{"2024-01-01 –"}, []string{"desember", "januar"}},
		{"/samarbeid/1/uttreden?lang=en", nil, []string{"januar", "desember"}},
		{"/kommune/1820/samarbeid", []string{"1.1.2024"}, []string{"2024-01-01"}},
		{"/kommune/1820/samarbeid?lang=en", nil, []string{"januar", "desember"}},
		// Date fields show a date as a Norwegian writes it (they accept it).
		{"/samarbeid", []string{`placeholder="1.1.2026"`}, []string{`placeholder="2026-`}},
		{"/samarbeid/monster", nil, []string{`placeholder="2026-`}},
		// The capacity table's column of municipalities without figures
		// is named as such, not "ingen data".
		{"/kapasitet", []string{"Kommuner uten data</th>"}, []string{`class="num">ingen data</th>`}},
		// The footer says what its data links open.
		{"/om", []string{"API for utviklere (OpenAPI)", "Indikatorene som data (JSON)"}, []string{">Indikator</a>"}},
		// A link to the figures as data says so, not just "JSON".
		{"/samarbeid/1", []string{">Tallene som data (JSON)</a>"}, []string{">JSON</a></p>"}},
		{"/samarbeid/monster?lang=en", []string{">The figures as data (JSON)</a>"}, []string{">JSON</a></p>"}},
		// The home heading breaks at a hyphen on a phone.
		{"/", []string{"generalist\u00adkommune\u00adsystemet</h1>"}, nil},
	} {
		t.Run(tt.path, func(t *testing.T) {
			checkPage(t, tt.path, 200, tt.want, tt.mustNot)
		})
	}
}

// TestInputEmptyStates checks that the list of input says nothing is
// published yet when nothing is, and asks to remove choices only when
// the reader chose some.
func TestInputEmptyStates(t *testing.T) {
	_, ts := newStoreServer(t)
	for _, tt := range []struct{ path, want, not string }{
		{"/innspill", "Ingen innspill er publisert ennå.", "Fjern noen av valgene"},
		{"/innspill?lang=en", "No input has been published yet.", "Remove some of the choices"},
		{"/innspill?q=kommune", "Fjern noen av valgene", "publisert ennå"},
	} {
		r := getURL(t, ts.URL+tt.path)
		if r.Status != 200 || !strings.Contains(r.Body, tt.want) || strings.Contains(r.Body, tt.not) {
			t.Errorf("GET %s = %d: want %q and not %q", tt.path, r.Status, tt.want, tt.not)
		}
	}
}
