package web_test

import (
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"generalist"
	"generalist/imc"
)

// TestCapacityBasis: the capacity page says what its figures rest on. The
// shared server's registry holds only the shipped examples, so without
// ?examples=1 every task's cooperation form is "ukjent" (not 0) with the
// one sentence saying why; with it, the tasks the examples cover get a
// number. Each task shows its staffing parameters marked as assumptions
// or sourced, and the old caveat that ignored cooperation is gone.
func TestCapacityBasis(t *testing.T) {
	r := get(t, "/kapasitet")
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	with := regexp.MustCompile(`data-form="with">([^<]*)<`)
	cells := with.FindAllStringSubmatch(r.Body, -1)
	if len(cells) < 30 {
		t.Fatalf("%d cooperation cells, want one per task with a staffing model", len(cells))
	}
	for _, c := range cells {
		if c[1] != "ukjent" {
			t.Errorf("examples not counted: cooperation cell %q, want ukjent", c[1])
		}
	}
	for _, want := range []string{
		"Samarbeidsregisteret har ingen registrerte samarbeid i drift per 1.1.2026",
		"4 eksempelsamarbeid er ikke regnet med",
		"Datoen er 1. januar fordi folketallet tallene bygger på, er telt den dagen",
		"det betyr ikke at ingen gjør det", `href="/samarbeid/importer"`,
		"4,2 per 1 000", "minst 5 årsverk", `class="tag-assumption"`,
		"kilde: brann- og redningsvesenforskriften",
	} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("/kapasitet lacks %q", want)
		}
	}
	if n := strings.Count(r.Body, `id="unknown-note"`); n != 1 {
		t.Errorf("the unknown note appears %d times, want once", n)
	}
	if strings.Contains(r.Body, "Bemanningsmodellen er en forenkling") {
		t.Error("the old caveat is still on the page")
	}

	examples, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	arrs, basis := generalist.TodaysCooperation(examples, generalist.Structure2024, 2026, true)
	for _, a := range arrs {
		covered[a.Task] = true
	}
	r = get(t, "/kapasitet?examples=1&lang=en")
	row := regexp.MustCompile(`(?s)<tr data-task="([^"]+)">.*?data-form="with">([^<]*)<`)
	rows := row.FindAllStringSubmatch(r.Body, -1)
	if len(rows) != len(cells) {
		t.Fatalf("%d rows with examples, %d without", len(rows), len(cells))
	}
	for _, m := range rows {
		if unknown := m[2] == "unknown"; unknown == covered[m[1]] {
			t.Errorf("examples counted: %s shows %q, covered by the examples: %v", m[1], m[2], covered[m[1]])
		}
	}
	if want := "counts " + strconv.Itoa(basis.Cooperations) + " inter-municipal cooperations in the cooperation registry, running on 1 January 2026"; !strings.Contains(r.Body, want) {
		t.Errorf("examples counted: lacks %q", want)
	}
	if !strings.Contains(r.Body, `name="examples" value="1" aria-describedby="examples-hint" checked`) {
		t.Error("the examples box is not ticked")
	}
	if r := get(t, "/kapasitet?examples=kanskje"); r.Status != 400 {
		t.Errorf("?examples=kanskje: status %d, want 400", r.Status)
	}
}

// TestCapacityObserved: the page and the API set each observed figure
// against the model, with the base it was computed on.
func TestCapacityObserved(t *testing.T) {
	var api struct {
		Observed []struct {
			Observed struct {
				ID    string `json:"id"`
				Count int    `json:"count"`
				Year  int    `json:"year"`
			} `json:"observed"`
			Structure   int  `json:"structure"`
			Year        int  `json:"year"`
			NearestYear bool `json:"nearest_year"`
			Modelled    int  `json:"modelled"`
			Difference  int  `json:"difference"`
		} `json:"observed"`
	}
	r := get(t, "/api/v1/capacity/observed")
	if err := json.Unmarshal([]byte(r.Body), &api); err != nil || r.Status != 200 {
		t.Fatalf("status %d, %v", r.Status, err)
	}
	counts := map[string]int{"kr2019_under_fem": 40, "bufdir2017_tre_eller_faerre": 27}
	if len(api.Observed) != len(counts) {
		t.Fatalf("%d figures, want %d", len(api.Observed), len(counts))
	}
	page := get(t, "/kapasitet").Body
	for _, o := range api.Observed {
		if o.Observed.Count != counts[o.Observed.ID] || o.Structure != 2019 || o.Year != 2019 || o.Difference != o.Modelled-o.Observed.Count || o.NearestYear != (o.Observed.Year != 2019) {
			t.Errorf("%+v", o)
		}
		row := html.UnescapeString(regexp.MustCompile(`(?s)<tr data-observed="` + o.Observed.ID + `">.*?</tr>`).FindString(page))
		for _, want := range []string{`data-value="observed">` + strconv.Itoa(o.Observed.Count), `data-value="model">` + strconv.Itoa(o.Modelled), "+" + strconv.Itoa(o.Difference), "2019-strukturen, folketall 1.1.2019"} {
			if !strings.Contains(row, want) {
				t.Errorf("%s: page row lacks %q:\n%s", o.Observed.ID, want, row)
			}
		}
		if o.NearestYear && !strings.Contains(row, "nærmeste år med aldersfordeling i dataene; 2017 finnes ikke") {
			t.Errorf("%s: the row does not say the nearest year was used", o.Observed.ID)
		}
	}
	var capAPI struct {
		Staffing []struct {
			Task       string `json:"task"`
			FTEPer1000 struct {
				Value      float64 `json:"value"`
				Assumption bool    `json:"assumption"`
			} `json:"fte_per_1000"`
			MinTeam struct {
				Value float64 `json:"value"`
			} `json:"min_team"`
		} `json:"staffing"`
	}
	if err := json.Unmarshal([]byte(get(t, "/api/v1/capacity").Body), &capAPI); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range capAPI.Staffing {
		if s.Task == "barnevern" {
			found = s.FTEPer1000.Value == 4.2 && s.FTEPer1000.Assumption && s.MinTeam.Value == 5
		}
	}
	if !found || len(capAPI.Staffing) < 30 {
		t.Errorf("/api/v1/capacity staffing: %d tasks, barnevern right: %v", len(capAPI.Staffing), found)
	}
}

// TestCompareTodayBasis: the comparison says what today's share in
// cooperation rests on: unknown with no registered cooperation (the
// examples are not counted), and the registry's count with them.
func TestCompareTodayBasis(t *testing.T) {
	const q = "/scenarier/sammenlign?id=barnevern-palagt-samarbeid"
	share := regexp.MustCompile(`(?s)<tr id="outside-share"><th scope="row">[^<]*</th><td class="num">([^<]*)</td>`)
	r := get(t, q)
	if m := share.FindStringSubmatch(r.Body); m == nil || m[1] != "ukjent" {
		t.Errorf("today's share without registered cooperation = %v, want ukjent", m)
	}
	// The pairs in cooperation: today's unknown in every role, not 0; the
	// scenario's own host arrangements a lower bound where they are.
	pairs := regexp.MustCompile(`<tr><th scope="row">Oppgave–kommune-par løst i samarbeid eller av andre</th><td class="num">([^<]*)</td><td class="num">([^<]*)<`)
	rows := pairs.FindAllStringSubmatch(r.Body, -1)
	if len(rows) != 4 {
		t.Fatalf("%d rows of pairs in cooperation, want one per role", len(rows))
	}
	atLeast := 0
	for _, m := range rows {
		if m[1] != "ukjent" {
			t.Errorf("today's pairs in cooperation with an empty registry = %q, want ukjent", m[1])
		}
		if strings.HasPrefix(m[2], "minst ") {
			atLeast++
		} else if m[2] != "ukjent" {
			t.Errorf("the scenario's pairs in cooperation with an empty registry = %q, want «minst …» or ukjent", m[2])
		}
	}
	if atLeast != 1 {
		t.Errorf("%d roles give the mandated child welfare cooperation's pairs as a lower bound, want 1", atLeast)
	}
	if !strings.Contains(r.Body, `id="roles-unknown"`) {
		t.Error("the role summary does not say under it why today's cooperation is unknown")
	}
	for _, want := range []string{"Samarbeidsregisteret har ingen registrerte samarbeid per 1.1.2026", "Dagens andel i samarbeid og antallet oppgave–kommune-par løst i samarbeid er derfor ukjent, ikke 0", "Regn med eksempelsamarbeidene", "examples=1"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
	examples, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	_, basis := generalist.TodaysCooperation(examples, generalist.Structure2024, 2026, true)
	r = get(t, q+"&examples=1")
	m := share.FindStringSubmatch(r.Body)
	if m == nil || m[1] == "ukjent" || m[1] == "0,0 %" {
		t.Errorf("today's share with the examples = %v, want a share above 0", m)
	}
	if want := "Dagens system bygger på samarbeidsregisteret: " + strconv.Itoa(basis.Cooperations) + " registrerte samarbeid per 1.1.2026"; !strings.Contains(r.Body, want) {
		t.Errorf("comparison with examples lacks %q", want)
	}
	if !strings.Contains(r.Body, "Eksempelsamarbeidene er regnet med") {
		t.Error("comparison with examples does not say they are counted")
	}
	// With cooperation known, today's pairs are counts, 0 where none is.
	if strings.Contains(r.Body, `id="roles-unknown"`) {
		t.Error("with the examples counted, the role summary still says today's cooperation is unknown")
	}
	zero := 0
	for _, m := range pairs.FindAllStringSubmatch(r.Body, -1) {
		if _, err := strconv.Atoi(strings.ReplaceAll(m[1], " ", "")); err != nil {
			t.Errorf("today's pairs in cooperation with the examples = %q, want a count", m[1])
		}
		if m[1] == "0" {
			zero++
		}
	}
	if zero == 0 {
		t.Error("with the examples no role shows 0 pairs in cooperation; a role none covers should")
	}
}

// TestCapacityScrollRegions: each of the capacity page's wide tables (the
// per-task summary, the model against observed figures, the heat map) sits
// in a focusable, labelled scroll region, so a keyboard user can scroll it
// sideways and a screen reader names it, in both languages.
func TestCapacityScrollRegions(t *testing.T) {
	for _, c := range []struct{ lang, summary, observed, heat string }{
		{"nb", "Tabell over kommuner under robust fagmiljø per oppgave", "Tabell over modellen mot observerte tall", "Varmekart over hver kommunes fagmiljø per oppgave"},
		{"en", "Table of municipalities below a robust professional environment by task", "Table of the model against observed figures", "Heat map of each municipality&#39;s professional environment by task"},
	} {
		r := get(t, "/kapasitet?lang="+c.lang)
		if r.Status != 200 {
			t.Fatalf("%s: status %d", c.lang, r.Status)
		}
		for _, want := range []struct{ label, table string }{
			{c.summary, `id="task-summary"`}, {c.observed, `id="observed-table"`}, {c.heat, `id="heatmap"`},
		} {
			region := `<div class="scroll" tabindex="0" role="region" aria-label="` + want.label + `" data-hint="`
			i := strings.Index(r.Body, region)
			if i < 0 {
				t.Errorf("%s: no focusable region labelled %q", c.lang, want.label)
				continue
			}
			rest := r.Body[i+len(region):]
			if j := strings.Index(rest, want.table); j < 0 || strings.Contains(rest[:j], "<div") {
				t.Errorf("%s: the region labelled %q does not hold the table %s", c.lang, want.label, want.table)
			}
		}
		if n, m := strings.Count(r.Body, `class="scroll"`), strings.Count(r.Body, `class="scroll" tabindex="0" role="region"`); n != m {
			t.Errorf("%s: %d scroll regions, only %d reachable by keyboard", c.lang, n, m)
		}
	}
}

// TestCapacityHeatCells: the heat map's cells say what its text says they
// do, readable without hovering: a number is the municipality's expected
// FTEs (the first figure of the cell's title, «0,8 av 3,0 årsverk»), and
// the smallest robust team it is read against is in the column's head
// («(minst 3)»), in both languages.
func TestCapacityHeatCells(t *testing.T) {
	for _, c := range []struct{ lang, caption, min, of string }{
		{"nb", "Et tall er kommunens forventede årsverk i oppgaven", "minst", "av"},
		{"en", "A number is the municipality&#39;s expected FTEs in the task", "at least", "of"},
	} {
		r := get(t, "/kapasitet?county=11&lang="+c.lang)
		if r.Status != 200 {
			t.Fatalf("%s: status %d", c.lang, r.Status)
		}
		if !strings.Contains(r.Body, c.caption) {
			t.Errorf("%s: the heat map's text lacks %q", c.lang, c.caption)
		}
		heat := regexp.MustCompile(`(?s)<table class="heatmap" id="heatmap">.*?</table>`).FindString(r.Body)
		number := func(s string) float64 {
			t.Helper()
			s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
			if c.lang == "en" {
				s = strings.ReplaceAll(s, ",", "")
			} else {
				s = strings.ReplaceAll(s, ",", ".")
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s: %q is no number", c.lang, s)
			}
			return v
		}
		var mins []float64
		for _, m := range regexp.MustCompile(`<th scope="col" class="rot"><span>[^<]*\(`+c.min+` ([0-9,.]+)\)</span></th>`).FindAllStringSubmatch(heat, -1) {
			mins = append(mins, number(m[1]))
		}
		if len(mins) < 30 {
			t.Fatalf("%s: %d column heads name the smallest robust team, want one per task", c.lang, len(mins))
		}
		rows := regexp.MustCompile(`(?s)<tr><th scope="row">.*?</tr>`).FindAllString(heat, -1)
		cell := regexp.MustCompile(`<td class="(cap-[a-z]+)" title="([^"]+?) ` + c.of + ` ([^" ]+) [^"]*">([^<]*)</td>`)
		short := 0
		for _, row := range rows {
			cells := cell.FindAllStringSubmatch(row, -1)
			if len(cells) != len(mins) {
				t.Fatalf("%s: a row has %d cells, %d columns", c.lang, len(cells), len(mins))
			}
			for i, m := range cells {
				if number(m[3]) != mins[i] {
					t.Errorf("%s: column %d's head says %v, its cell's title %s", c.lang, i, mins[i], m[3])
				}
				if m[1] == "cap-short" || m[1] == "cap-severe" {
					short++
					if m[4] != m[2] {
						t.Errorf("%s: a short cell shows %q, its expected FTEs are %s", c.lang, m[4], m[2])
					}
				}
			}
		}
		if short == 0 {
			t.Errorf("%s: no short cell in Rogaland's heat map", c.lang)
		}
	}
}
