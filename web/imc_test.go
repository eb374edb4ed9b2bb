package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/imc"
	"generalist/sqlite"
	"generalist/storetest"
	"generalist/web"
)

// TestIMCPages reads every page of the registry on the shared server,
// which holds the four shipped examples (ids 1–4) and does not allow
// edits.
func TestIMCPages(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/samarbeid", 200, []string{"Barnevern Helgeland vertskommunesamarbeid (eksempel)", "eksempel", "lovkravene oppfylt", "Nasjonal oversikt", "<svg", "Endringer gjøres etter innlogging", "Barnevernstjeneste"}},
		{"/samarbeid?municipality=3427", 200, []string{"Fjellregionen revisjon"}},
		{"/samarbeid?form=iks", 200, []string{"Nord-Rogaland avfall IKS"}},
		{"/samarbeid?form=samkommune", 400, []string{"form &#34;samkommune&#34;"}},
		{"/samarbeid?lang=en", 200, []string{"National overview", "legal requirements met"}},
		{"/samarbeid/1", 200, []string{"Eksempel – ikke en reell registrering", "Alstahaug (1820)", "Barnevernstjeneste", "myndighet til å treffe enkeltvedtak",
			"kommuneloven § 20-4 tredje ledd bokstav a", "Vertskommunen skal orientere fylkesmannen (nå statsforvalteren)", "15. januar 2024", "lovdata.no"}},
		{"/samarbeid/3", 200, []string{"IKS-loven § 4 tredje ledd (ordlyd ikke verifisert)", "ikke verifisert"}},
		{"/samarbeid/4", 200, []string{"Buskerud fylkeskommune (33)", "interkommunalt politisk råd"}},
		{"/samarbeid/99", 404, []string{"no cooperation with id 99"}},
		{"/samarbeid/x", 404, []string{"the id is a number"}},
		{"/samarbeid/1/versjon/1", 200, []string{"Du ser versjon 1", "Alstahaug"}},
		{"/samarbeid/1/versjon/9", 404, []string{"has no version 9"}},
		{"/samarbeid/1/historikk", 200, []string{"opprettet", "web test", `href="/samarbeid/1/versjon/1"`}},
		{"/samarbeid/2/avtale", 200, []string{"alle lovpålagte punkter er fylt inn", "<h2>§ 7 Låneopptak</h2>", "Tynset kommune har ansvaret"}},
		{"/samarbeid/1/kostnader", 200, []string{"18 000 000,00 kr", "80 % innbyggere", "innbyggere", "største-rest-metoden"}},
		{"/samarbeid/1/kostnader?total=100&key=bruk&usage_1820=3&usage_1822=1&usage_1818=0", 200, []string{"75,00", "25,00", "0,00"}},
		{"/samarbeid/1/kostnader?total=1.000.000", 400, []string{"more than one decimal separator"}},
		{"/samarbeid/1/kostnader?total=1.000", 400, []string{"three digits after the separator"}},
		{"/samarbeid/1/kostnader?total=100&key=bruk", 400, []string{"every participant has 0"}},
		{"/samarbeid/1/uttreden?participant=1822&date=2026-03-31", 200, []string{"Tidligst ute 31. mars 2027", "kommuneloven § 20-8", "bare hvis alle er enige"}},
		{"/samarbeid/1/uttreden?participant=1822&date=2026-03-31&boundary_change=2026-01-01", 200, []string{"30. september 2026", "inndelingslova § 16"}},
		{"/samarbeid/1/uttreden?participant=0301", 400, []string{"0301 is not a participant"}},
		{"/samarbeid/3/uttreden?participant=1151&date=2026-01-01", 200, []string{"IKS-loven § 30", "ikke verifisert"}},
		{"/samarbeid/1/prosess", 200, []string{"Prosessveileder", "arbeidsmiljøloven § 16-5", "God praksis", "IKT Helgeland", "§§ 16-3 og 16-4 (ordlyd ikke verifisert)"}},
		{"/kommune/1820/samarbeid", 200, []string{"Alstahaug", "kommuneloven § 26-1", "Barnevern Helgeland", "kr"}},
		{"/kommune/33/samarbeid", 200, []string{"Hallingdal interkommunalt politisk råd", "16 %"}},
		{"/kommune/0301/samarbeid", 200, []string{"deltar ikke i noe registrert samarbeid"}},
		{"/kommune/9999/samarbeid", 404, []string{"no municipality or county"}},
		{"/samarbeid/lovkrav", 200, []string{"hvor mange medlemmer den enkelte deltakeren skal ha i representantskapet", "20-4nemnd", "iks-4-8", "ikke verifisert", "Prosessveileder"}},
		{"/samarbeid/ny?form=ko", 200, []string{"Ny samarbeidsavtale", "deltakernes innskuddsplikt", "Forhåndsvis", "kan forhåndsvise"}},
		{"/samarbeid/ny?form=bogus", 400, []string{"form &#34;bogus&#34;"}},
		{"/samarbeid/1/endre", 200, []string{"Logg inn", `name="neste" value="/samarbeid/1/endre"`}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			checkPage(t, tt.path, tt.status, tt.want, nil)
		})
	}
}

func TestIMCAPIRead(t *testing.T) {
	r := get(t, "/api/v1/imc/1")
	var c generalist.IMC
	if err := json.Unmarshal([]byte(r.Body), &c); err != nil || c.ID != 1 || c.Participants[0].Name != "Alstahaug" {
		t.Fatalf("GET /api/v1/imc/1 = %v, %v", c, err)
	}
	var l struct {
		OK    bool       `json:"ok"`
		Items []imc.Item `json:"items"`
	}
	if err := json.Unmarshal([]byte(get(t, "/api/v1/imc/1/check").Body), &l); err != nil || !l.OK || len(l.Items) < 15 {
		t.Errorf("check = %+v, %v", l, err)
	}
	if md := get(t, "/api/v1/imc/2/agreement"); !strings.HasPrefix(md.Type, "text/markdown") || !strings.HasPrefix(md.Body, "# Samarbeidsavtale") {
		t.Errorf("agreement = %s %.100s", md.Type, md.Body)
	}
	if csv := get(t, "/api/v1/imc/export?format=csv"); !strings.HasPrefix(csv.Body, "id;navn;form") {
		t.Errorf("export csv = %.100s", csv.Body)
	}
	var cmp imc.Comparison
	if err := json.Unmarshal([]byte(get(t, "/api/v1/imc/1/costs?total=1000000&key=lik&key=innbyggere&year=2026").Body), &cmp); err != nil || len(cmp.Allocations) != 2 {
		t.Fatalf("costs = %+v, %v", cmp, err)
	}
	for _, a := range cmp.Allocations {
		var sum generalist.Ore
		for _, r := range a.Rows {
			sum += r.Amount
		}
		if sum != 100000000 {
			t.Errorf("%s sums to %d øre", a.Key, sum)
		}
	}
	for path, status := range map[string]int{
		"/api/v1/imc/1/costs?total=abc": 400, "/api/v1/imc/1/exit?date=2026-02-30": 400, "/api/v1/imc?form=x": 400,
		"/api/v1/imc/9": 404, "/api/v1/imc/1/versions/7": 404, "/api/v1/municipalities/9999/imc": 404,
	} {
		if r := get(t, path); r.Status != status || !strings.Contains(r.Body, `"error"`) {
			t.Errorf("GET %s = %d, want %d with an error", path, r.Status, status)
		}
	}
	// Signed out, writes are refused (401), nothing changes.
	resp, err := http.Post(newTestServer(t)+"/api/v1/imc", "application/json", strings.NewReader(`{"author": "x", "cooperation": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(b), "sign in") {
		t.Errorf("POST without edits = %d %s", resp.StatusCode, b)
	}
	// Checking a posted cooperation needs no edits and stores nothing.
	one, _ := json.Marshal(c)
	resp, err = http.Post(newTestServer(t)+"/api/v1/imc/check", "application/json", bytes.NewReader(bytes.Replace(one, []byte(`"exit":`), []byte(`"x_exit":`), 1)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), `unknown field \"x_exit\"`) {
		t.Errorf("POST check of a malformed body = %d %s", resp.StatusCode, b)
	}
}

// editTokens holds, per edit server, the write token of its administrator
// "skjematester", which send uses.
var editTokens sync.Map

// editServer is a server on its own store holding the examples, with an
// administrator "skjematester" (password testPassword, write token in
// editTokens).
func editServer(t *testing.T) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	a := newAuthServer(t, func(c *web.Config) {
		c.Now = func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) }
	})
	u := addUser(t, a.db, "skjematester", generalist.UserAdmin, "")
	editTokens.Store(a.URL, makeToken(t, a.db, u, generalist.ScopeWrite))
	return a.Server, a.db
}

// editToken returns the write token of the edit server at url.
func editToken(url string) string {
	var tok string
	editTokens.Range(func(k, v any) bool {
		if strings.HasPrefix(url, k.(string)) {
			tok = v.(string)
			return false
		}
		return true
	})
	return tok
}

func send(t *testing.T, method, url, ctype string, body []byte, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if tok := editToken(url); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func writeBody(t *testing.T, author string, c *generalist.IMC) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"author": author, "note": "test", "cooperation": c})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIMCAPIWrite(t *testing.T) {
	ts, db := editServer(t)
	base := ts.URL + "/api/v1/imc"
	var c generalist.IMC
	_, body := send(t, "GET", base+"/2", "", nil, nil)
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}

	t.Run("BadInput", func(t *testing.T) {
		before := storetest.RegistryState(t, db)
		for _, tt := range []struct {
			name   string
			change func(c *generalist.IMC)
			want   string
		}{
			{"UnknownMunicipality", func(c *generalist.IMC) { c.Participants[1].Number = "3499" }, "there is no kommune with that number"},
			{"SharesNot100", func(c *generalist.IMC) { s := generalist.Share(100); c.Participants[0].Ownership = &s }, "ownership shares sum to 71 %, not 100 %"},
			{"EndBeforeStart", func(c *generalist.IMC) { c.End = "2019-01-01" }, "end date 2019-01-01 is before the start date"},
			{"InvalidOrgNumber", func(c *generalist.IMC) { c.OrgNumber = "974760674" }, "check digit is wrong"},
			{"HostNotParticipant", func(c *generalist.IMC) { c.Host = "3401" }, "the host 3401 is not a participant"},
			{"UnknownTask", func(c *generalist.IMC) { c.Tasks[0].Task = "nosuch" }, "is not a task of the catalogue"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				x := c
				x.Participants = append([]generalist.IMCParticipant(nil), c.Participants...)
				x.Tasks = append([]generalist.IMCTask(nil), c.Tasks...)
				tt.change(&x)
				for _, req := range []struct{ method, url string }{{"PUT", base + "/2"}, {"POST", base}} {
					y := x
					if req.method == "POST" {
						y.Name = "Ny " + x.Name
					}
					status, body := send(t, req.method, req.url, "application/json", writeBody(t, "Tester", &y), nil)
					if status != 400 || !strings.Contains(body, tt.want) {
						t.Errorf("%s = %d %s, want 400 containing %q", req.method, status, body, tt.want)
					}
				}
			})
		}
		// A body not declared as JSON is refused 415, as by the rest of
		// the API (requireJSON), whatever the letter case of the media
		// type; a JSON body that is wrong, 400.
		for name, req := range map[string]struct {
			ctype, body string
			want        int
			reason      string
		}{
			"NotJSON":       {"text/plain", `{"author": "x", "cooperation": {}}`, 415, `"unsupported_media_type"`},
			"NoContentType": {"", `{"author": "x", "cooperation": {}}`, 415, `"unsupported_media_type"`},
			"UnknownField":  {"application/json", `{"author": "x", "cooperation": {}, "colour": 1}`, 400, "colour"},
			"NoCooperation": {"application/json", `{"author": "x"}`, 400, `\"cooperation\" is required`},
			"Malformed":     {"application/json", `{"author": "x", "cooperation": {"name": "y", "start": "2026-13-01"}}`, 400, "2026-13-01"},
			"UpperCaseJSON": {"APPLICATION/JSON; charset=UTF-8", `{"author": "x"}`, 400, `\"cooperation\" is required`},
		} {
			if status, body := send(t, "PUT", base+"/2", req.ctype, []byte(req.body), nil); status != req.want || !strings.Contains(body, req.reason) {
				t.Errorf("%s: PUT = %d %s, want %d naming %s", name, status, body, req.want, req.reason)
			}
		}
		if status, _ := send(t, "PUT", base+"/2", "application/json", writeBody(t, "x", &c), map[string]string{"Authorization": ""}); status != http.StatusUnauthorized {
			t.Errorf("PUT without a token = %d, want 401", status)
		}
		if !reflect.DeepEqual(storetest.RegistryState(t, db), before) {
			t.Error("bad input changed the registry")
		}
	})

	t.Run("CreateUpdateDelete", func(t *testing.T) {
		x := c
		x.Name = "Revisjon Nord kommunalt oppgavefellesskap"
		status, body := send(t, "POST", base, "application/json", writeBody(t, "Kari", &x), nil)
		if status != 201 {
			t.Fatalf("POST = %d %s", status, body)
		}
		var created generalist.IMC
		json.Unmarshal([]byte(body), &created)
		if created.ID != 5 || created.Version != 1 {
			t.Fatalf("created = id %d v%d", created.ID, created.Version)
		}
		created.Notes = "Endret"
		if status, body := send(t, "PUT", base+"/5", "application/json", writeBody(t, "Ola", &created), nil); status != 200 || !strings.Contains(body, `"version": 2`) {
			t.Errorf("PUT = %d %s", status, body)
		}
		// The stale version 1 again: 409, nothing saved.
		before := storetest.RegistryState(t, db)
		created.Notes = "Utdatert"
		if status, body := send(t, "PUT", base+"/5", "application/json", writeBody(t, "Per", &created), nil); status != 409 || !strings.Contains(body, "changed by skjematester") {
			t.Errorf("stale PUT = %d %s, want 409", status, body)
		}
		if status, _ := send(t, "PUT", base+"/5", "application/json", writeBody(t, "Per", &created), map[string]string{"If-Match": `"1"`}); status != 409 {
			t.Errorf("stale PUT with If-Match = %d, want 409", status)
		}
		// The gzip answer's ETag names the same version.
		if status, _ := send(t, "PUT", base+"/5", "application/json", writeBody(t, "Per", &created), map[string]string{"If-Match": `"1-gz"`}); status != 409 {
			t.Errorf("stale PUT with the gzip ETag in If-Match = %d, want 409", status)
		}
		if status, _ := send(t, "DELETE", base+"/5?version=1&author=Per", "", nil, nil); status != 409 {
			t.Errorf("stale DELETE = %d, want 409", status)
		}
		if !reflect.DeepEqual(storetest.RegistryState(t, db), before) {
			t.Error("a stale write changed the registry")
		}
		if status, body := send(t, "DELETE", base+"/5?version=2&author=Per", "", nil, nil); status != 204 {
			t.Errorf("DELETE = %d %s", status, body)
		}
		if status, _ := send(t, "GET", base+"/5", "", nil, nil); status != 404 {
			t.Errorf("GET deleted = %d", status)
		}
		if status, body := send(t, "GET", base+"/5/history", "", nil, nil); status != 200 || !strings.Contains(body, "slettet") {
			t.Errorf("history of a deleted cooperation = %d %s", status, body)
		}
	})
}

// TestIMCConcurrentPUT sends parallel read-modify-write requests for one
// cooperation, each retrying on 409: no update is lost.
func TestIMCConcurrentPUT(t *testing.T) {
	ts, db := editServer(t)
	url := ts.URL + "/api/v1/imc/1"
	const writers = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	conflicts := 0
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for attempt := 0; attempt < 100; attempt++ {
				resp, err := http.Get(url)
				if err != nil {
					t.Error(err)
					return
				}
				var c generalist.IMC
				json.NewDecoder(resp.Body).Decode(&c)
				resp.Body.Close()
				c.Documents = append(c.Documents, generalist.IMCDocument{Title: fmt.Sprintf("Notat %d", w)})
				b, _ := json.Marshal(map[string]any{"author": fmt.Sprintf("skriver %d", w), "cooperation": c})
				req, _ := http.NewRequest("PUT", url, bytes.NewReader(b))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+editToken(url))
				resp, err = http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				switch resp.StatusCode {
				case 200:
					return
				case 409:
					mu.Lock()
					conflicts++
					mu.Unlock()
				default:
					t.Errorf("PUT = %d", resp.StatusCode)
					return
				}
			}
			t.Error("gave up after 100 conflicts")
		}(w)
	}
	wg.Wait()
	c, err := db.IMC(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 1+writers || c.Version != 1+writers {
		t.Errorf("after %d parallel updates (%d conflicts): %d documents, version %d; want %d, %d", writers, conflicts, len(c.Documents), c.Version, 1+writers, 1+writers)
	}
}

func TestIMCForms(t *testing.T) {
	ts, db := editServer(t)
	c := signIn(t, ts.URL, "skjematester")
	client := c.http
	fetch := func(path string) string {
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	page := fetch("/samarbeid/ny?form=ko")
	token := csrfField.FindStringSubmatch(page)
	if token == nil {
		t.Fatal("no csrf token in the form")
	}
	post := func(path string, form url.Values) (int, string, string) {
		resp, err := client.PostForm(ts.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(b)
	}
	form := url.Values{"csrf": {token[1]}, "name": {"Legevakt Sør kommunalt oppgavefellesskap"}, "form": {"kommunalt_oppgavefellesskap"},
		"start": {"2026-01-01"}, "legal_entity": {"nei"}, "host": {"3427"},
		"p0_number": {"3427"}, "p0_ownership": {"60"}, "p0_seats": {"2"}, "p1_number": {"3426"}, "p1_ownership": {"40"}, "p1_seats": {"1"}, "p2_number": {""},
		"t0_task": {"legevakt"}, "t0_authority": {"ingen"}, "t1_task": {""},
		"clause_exit": {"Ett års varsel."}, "author": {"Skjematester"}}
	// Preview: the checklist and the draft, nothing stored.
	before := storetest.RegistryState(t, db)
	status, _, body := post("/samarbeid/utkast", form)
	if status != 200 {
		t.Fatalf("preview = %d\n%s", status, regexp.MustCompile(`(?s)role="alert">.*?</div>`).FindString(body))
	}
	if !strings.Contains(body, "Lovsjekk og avtaleutkast") || !strings.Contains(body, "MANGLER: om oppgavefellesskapet skal ha myndighet til å ta opp lån") {
		t.Errorf("preview = %d", status)
	}
	if !reflect.DeepEqual(storetest.RegistryState(t, db), before) {
		t.Error("a preview changed the registry")
	}
	// Errors keep the input and name the field.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("p1_ownership", "40,001")
	status, _, body = post("/samarbeid", bad)
	if status != 400 || !strings.Contains(body, "Deltaker 2 (3426), Eierandel") || !strings.Contains(body, `value="40,001"`) {
		t.Errorf("bad share = %d", status)
	}
	noToken := url.Values{}
	for k, v := range form {
		noToken[k] = v
	}
	noToken.Del("csrf")
	if status, _, _ := post("/samarbeid", noToken); status != 403 {
		t.Errorf("POST without the token = %d, want 403", status)
	}
	if !reflect.DeepEqual(storetest.RegistryState(t, db), before) {
		t.Error("refused forms changed the registry")
	}
	status, loc, _ := post("/samarbeid", form)
	if status != 303 || loc != "/samarbeid/5" {
		t.Fatalf("create = %d %s", status, loc)
	}
	if p := fetch("/samarbeid/5"); !strings.Contains(p, "Legevakt Sør") || !strings.Contains(p, "60 %") {
		t.Error("the created cooperation does not show")
	}
	// Edit: the form carries the version; a stale one is a 409 that keeps
	// the input.
	edit := fetch("/samarbeid/5/endre")
	if !strings.Contains(edit, `name="version" value="1"`) || !strings.Contains(edit, `value="Legevakt Sør kommunalt oppgavefellesskap"`) {
		t.Fatal("the edit form lacks the version or the values")
	}
	form.Set("version", "1")
	form.Set("clause_borrowing", "Kan ikke ta opp lån.")
	if status, loc, _ := post("/samarbeid/5", form); status != 303 || loc != "/samarbeid/5" {
		t.Fatalf("update = %d %s", status, loc)
	}
	form.Set("clause_borrowing", "Kan ta opp lån.")
	status, _, body = post("/samarbeid/5", form)
	if status != 409 || !strings.Contains(body, "Kan ta opp lån.") || !strings.Contains(body, "nå versjon 2") {
		t.Errorf("stale update = %d", status)
	}
	// A process step.
	if status, loc, _ := post("/samarbeid/5/prosess", url.Values{"csrf": {token[1]}, "version": {"2"}, "step": {"avtale"}, "status": {"ferdig"}, "owner": {"Rådgiver"}, "author": {"Skjematester"}}); status != 303 || !strings.HasPrefix(loc, "/samarbeid/5/prosess") {
		t.Errorf("process step = %d %s", status, loc)
	}
	if status, _, body := post("/samarbeid/5/prosess", url.Values{"csrf": {token[1]}, "version": {"3"}, "step": {"melding_statsforvalter"}, "status": {"ferdig"}, "author": {"x"}}); status != 400 || !strings.Contains(body, "does not apply") {
		t.Errorf("a host step on a KO = %d", status)
	}
	h, _ := db.IMCHistory(context.Background(), 5)
	if len(h) != 3 || h[2].Author != "skjematester" {
		t.Errorf("history = %+v", h)
	}
	if status, loc, _ := post("/samarbeid/5/slett", url.Values{"csrf": {token[1]}, "version": {"3"}, "author": {"Skjematester"}}); status != 303 || loc != "/samarbeid" {
		t.Errorf("delete = %d %s", status, loc)
	}
}
