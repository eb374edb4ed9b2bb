package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"generalist"
	"generalist/imc"
)

// TestProfileTwoForms registers one real cooperation (the child welfare
// example of Alstahaug, Leirfjord and others, marked as real) and checks
// that Leirfjord's profile shows child welfare with today's registered
// cooperation, every other vulnerable task as unknown, the counts in both
// forms against the capacity API, the links onward (the neighbours'
// comparison, the cooperations with their count, the economy), and that
// /sammenlign has the same counts and the economy where the tables have
// it.
func TestProfileTwoForms(t *testing.T) {
	ctx := context.Background()
	db, ts := newStoreServer(t)
	ex, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	real := ex[0]
	real.Name, real.Example = "Barnevern Helgeland", false
	if real.Tasks[0].Task != "barnevern" {
		t.Fatalf("the first example is about %q, want barnevern", real.Tasks[0].Task)
	}
	if err := db.CreateIMC(ctx, &real, generalist.IMCEdit{Author: "test"}); err != nil {
		t.Fatal(err)
	}
	var members []string
	for _, p := range real.Participants {
		members = append(members, p.Number)
	}
	c := newClient(t, ts.URL)
	_, page := c.do("GET", "/kommune/1822", "", "")

	// The capacity API, read independently: Leirfjord's cells and pools.
	var api struct {
		Municipality struct {
			Cells []struct {
				Task   string `json:"task"`
				Known  bool   `json:"known"`
				Robust bool   `json:"robust"`
			} `json:"cells"`
			Cooperation []struct {
				Task    string   `json:"task"`
				Members []string `json:"members"`
				Robust  bool     `json:"robust"`
			} `json:"cooperation"`
		} `json:"municipality"`
	}
	_, body := c.do("GET", "/api/v1/municipalities/1822/capacity", "", "")
	if err := json.Unmarshal([]byte(body), &api); err != nil {
		t.Fatal(err)
	}
	alone, tasks := 0, 0
	for _, cell := range api.Municipality.Cells {
		tasks++
		if !cell.Robust {
			alone++
		}
		if cell.Task == "barnevern" && cell.Robust {
			t.Fatal("Leirfjord's child welfare is robust alone; the test needs a member that is not")
		}
	}
	if len(api.Municipality.Cooperation) != 1 || api.Municipality.Cooperation[0].Task != "barnevern" {
		t.Fatalf("the API's pools for Leirfjord = %+v, want one for barnevern", api.Municipality.Cooperation)
	}
	pool := api.Municipality.Cooperation[0]
	row := regexp.MustCompile(`(?s)<tr data-task="barnevern">.*?</tr>`).FindString(page)
	wantWith := "short"
	if pool.Robust {
		wantWith = "robust"
	}
	if !strings.Contains(row, `data-with="`+wantWith+`"`) || !strings.Contains(row, fmt.Sprintf("%d andre kommuner", len(pool.Members)-1)) {
		t.Errorf("child welfare's row = %q; want %s with %d other municipalities", row, wantWith, len(pool.Members)-1)
	}
	if n := strings.Count(page, `data-with="unknown"`); n != alone-1 {
		t.Errorf("%d rows are unknown with cooperation, want %d (every vulnerable task but child welfare)", n, alone-1)
	}
	if strings.Contains(page, `data-with="alone"`) {
		t.Error("a task is shown as without cooperation, but only child welfare has registrations, and Leirfjord is in it")
	}
	withKnown := 0
	if !pool.Robust {
		withKnown = 1
	}
	wantSummary := fmt.Sprintf("alene: %d av %d.", alone, tasks)
	wantWithText := fmt.Sprintf("Med dagens registrerte samarbeid: %d, og ukjent for %d oppgaver", withKnown, alone-1)
	if !strings.Contains(page, wantSummary) || !strings.Contains(page, wantWithText) {
		t.Errorf("the profile's summary lacks %q or %q", wantSummary, wantWithText)
	}
	if strings.Contains(page, "Bemanningsmodellen er en forenkling") {
		t.Error("the profile still shows the old caveat that ignores cooperation")
	}
	// Links onward.
	m := regexp.MustCompile(`id="compare-neighbours" href="([^"]+)"`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(m[1], "/sammenlign?k=1822%2C") {
		t.Fatalf("no comparison with the neighbours: %v", m)
	}
	if !strings.Contains(page, `href="/kommune/1822/samarbeid">Kommunens samarbeid og eierskap</a> (1)`) {
		t.Error("the profile does not link to its one cooperation with the count")
	}
	if !strings.Contains(page, "Leirfjord deltar i 1 registrerte interkommunale samarbeid") {
		t.Error("the profile does not say how many cooperations Leirfjord takes part in")
	}
	if !strings.Contains(page, `id="economy-link" href="/okonomi?municipality=1822"`) || !strings.Contains(page, "Dataene har ikke skatt, inntektsutjevning og rammetilskudd for Leirfjord") {
		t.Error("the profile neither links to the economy nor says the tables lack Leirfjord")
	}

	// The comparison with Sokndal: the same counts, and the economy of
	// Sokndal (in the shipped sample) beside one sentence for Leirfjord.
	var econ struct {
		Year int      `json:"year"`
		Free *float64 `json:"free_income_per_inhabitant"`
	}
	_, body = c.do("GET", "/api/v1/economy/municipalities/1111", "", "")
	if err := json.Unmarshal([]byte(body), &econ); err != nil || econ.Free == nil {
		t.Fatalf("Sokndal's economy: %v %s", err, body)
	}
	_, cmp := c.do("GET", "/sammenlign?k=1822,1111", "", "")
	capTable := regexp.MustCompile(`(?s)<table[^>]*id="compare-capacity".*?</table>`).FindString(cmp)
	if !strings.Contains(capTable, fmt.Sprintf("%d av %d", alone, tasks)) || !strings.Contains(capTable, fmt.Sprintf("%d av %d, ukjent for %d", withKnown, tasks, alone-1)) {
		t.Errorf("the comparison's capacity table = %q", capTable)
	}
	free := strings.ReplaceAll(fmt.Sprintf("%.0f kr", *econ.Free), "", "")
	econTable := regexp.MustCompile(`(?s)<table[^>]*id="compare-economy".*?</table>`).FindString(cmp)
	if !strings.Contains(strings.ReplaceAll(econTable, "\u00a0", " "), groupThousands(*econ.Free)+" kr") || !strings.Contains(econTable, fmt.Sprintf("budsjettår %d", econ.Year)) && !strings.Contains(cmp, fmt.Sprintf("budsjettår %d", econ.Year)) {
		t.Errorf("the comparison's economy table lacks Sokndal's %s (%d): %q", free, econ.Year, econTable)
	}
	if !strings.Contains(cmp, "Dataene har ikke skatt, inntektsutjevning og rammetilskudd for Leirfjord") {
		t.Error("the comparison does not say once that the tables lack Leirfjord")
	}
}

// groupThousands writes a rounded amount with spaces between thousands,
// as the pages do in bokmål.
func groupThousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
