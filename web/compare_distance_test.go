package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestDistanceToNewCentre: the distance to the new municipal centre is
// over the inhabitants of the merged municipalities only, so today's
// system, which merges none, says «ingen sammenslåing», never 0,0; the
// 80 mergers of the example say their mean, longest distance and the
// inhabitants whose centre moves; the row and the note say what the
// figure rests on. The plan editor's figure is the same.
func TestDistanceToNewCentre(t *testing.T) {
	cells := func(body, id string) []string {
		m := regexp.MustCompile(`(?s)<tr id="` + id + `"><th scope="row">([^<]*)</th>(.*?)</tr>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no row %s", id)
		}
		var out []string
		for _, c := range regexp.MustCompile(`<td class="num">([^<]*)`).FindAllStringSubmatch(m[2], -1) {
			out = append(out, strings.ReplaceAll(c[1], "\u00ad", "")) // a soft hyphen lets a phone break the word
		}
		return append([]string{m[1]}, out...)
	}
	for _, tt := range []struct {
		lang, none, basis string
		mean, far, moved  []string
	}{
		{"nb", "ingen sammenslåing", "bare for innbyggerne i kommuner som slås sammen",
			[]string{"Avstand til nytt kommunesenter, snitt i sammenslåtte kommuner (km, luftlinje)", "ingen sammenslåing", "7,3"},
			[]string{"Lengste avstand fra en tidligere kommune til nytt senter (km, luftlinje)", "ingen sammenslåing", "164,8"},
			[]string{"Innbyggere som får kommunesenteret i en annen tidligere kommune", "ingen sammenslåing", "231 305"}},
		{"en", "no merger", "only for the inhabitants of municipalities that merge",
			[]string{"Distance to the new municipal centre, mean in merged municipalities (km, straight line)", "no merger", "7.3"},
			[]string{"Longest distance from a former municipality to its new centre (km, straight line)", "no merger", "164.8"},
			[]string{"Inhabitants whose municipal centre moves to another former municipality", "no merger", "231,305"}},
	} {
		r := get(t, "/scenarier/sammenlign?id=sammenslaing-5000&lang="+tt.lang)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", tt.lang, r.Status)
		}
		for id, want := range map[string][]string{"distance": tt.mean, "distance-longest": tt.far, "distance-moved": tt.moved} {
			if got := cells(r.Body, id); strings.Join(got, " | ") != strings.Join(want, " | ") {
				t.Errorf("%s: row %s = %q, want %q", tt.lang, id, got, want)
			}
		}
		if !strings.Contains(r.Body, tt.basis) || !strings.Contains(r.Body, `<li id="calc-distance">`) {
			t.Errorf("%s: the note on the distance does not say it is over the merged inhabitants only", tt.lang)
		}
		// The summary's row under the democratic arena is the mean.
		if summary := r.Body[:strings.Index(r.Body, `id="comparison"`)]; !strings.Contains(summary, tt.mean[0]) || strings.Contains(summary, ">0,0<") || strings.Contains(summary, ">0.0<") {
			t.Errorf("%s: the summary lacks the distance over the merged inhabitants, or shows 0,0", tt.lang)
		}

		// The plan editor: Hjelmeland, Suldal and Sauda merged, 34,2 km
		// (the country-wide mean was 0,1).
		body := `{"name":"Ryfylke","structure":2024,"year":2026,"mergers":[{"name":"Ryfylke","members":["1133","1134","1135"],"centre":"1133"}]}`
		for _, c := range []struct{ body, want string }{{body, map[string]string{"nb": "34,2", "en": "34.2"}[tt.lang]},
			{`{"name":"Ingen","structure":2024,"year":2026}`, tt.none}} {
			resp, err := http.Post(newTestServer(t)+"/scenarier/ny/beregn?lang="+tt.lang, "application/json", strings.NewReader(c.body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var res struct {
				Figures struct{ Distance string } `json:"figures"`
			}
			if err := json.Unmarshal(b, &res); err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: editor %d %v: %s", tt.lang, resp.StatusCode, err, b)
			}
			if strings.ReplaceAll(res.Figures.Distance, "\u00ad", "") != c.want {
				t.Errorf("%s: the editor's distance for %s is %q, want %q", tt.lang, c.body, res.Figures.Distance, c.want)
			}
		}
	}
}
