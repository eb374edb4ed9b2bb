package web_test

import (
	"html"
	"io"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"generalist/storetest"
)

// TestIMCEditFormRefusals posts one bad field at a time to the edit form
// of a stored cooperation: each is refused with a bokmål sentence that
// names the field and the problem (as the new-cooperation form words
// it), the form keeps what was typed, and the registry is unchanged.
func TestIMCEditFormRefusals(t *testing.T) {
	ts, db := editServer(t)
	c := signIn(t, ts.URL, "skjematester")
	post := func(path string, form url.Values) (int, string, string) {
		resp, err := c.http.PostForm(ts.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), html.UnescapeString(string(b))
	}
	resp, err := c.http.Get(ts.URL + "/samarbeid/ny")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := csrfField.FindStringSubmatch(string(b))
	if token == nil {
		t.Fatal("no csrf token in the form")
	}
	form := func() url.Values {
		return url.Values{"csrf": {token[1]}, "name": {"Barnevern Vest vertskommunesamarbeid"}, "form": {"vertskommune"},
			"start": {"2026-01-01"}, "host": {"3427"}, "p0_number": {"3427"}, "p1_number": {"3426"}, "t0_task": {""}, "author": {"Skjematester"}}
	}
	status, loc, _ := post("/samarbeid", form())
	if status != 303 || !strings.HasPrefix(loc, "/samarbeid/") {
		t.Fatalf("create = %d %s", status, loc)
	}
	before := storetest.RegistryState(t, db)
	for _, tc := range []struct {
		field, value string
		want         []string
	}{
		{"start", "-1", []string{"Startdato: «-1» er ikke en dato"}},
		{"p0_seats", "NaN", []string{"Deltaker 1 (3427), Medlemmer: «NaN» er ikke et helt tall"}},
		{"notice_months", "-1", []string{"Oppsigelsesfrist:", "fra 0 til 120"}},
		{"notice_months", "mange", []string{"Oppsigelsesfrist (måneder): «mange» er ikke et helt tall"}},
		{"form", "", []string{"Velg en samarbeidsform fra lista."}},
		{"t0_task", "-1", []string{"Oppgave 1: «-1» finnes ikke i oppgavekatalogen"}},
		{"notes", strings.Repeat("x", 100_000), []string{"Merknader: teksten har flere enn", "tegn. Kort den ned."}},
		{"org", "123", []string{"Organisasjonsnummer: «123» kan ikke brukes", "Teknisk", "must have 9 digits"}},
		{"p1_ownership", "abc", []string{"Deltaker 2 (3426), Eierandel: «abc» kan ikke brukes"}},
	} {
		f := form()
		f.Set("version", "1")
		f.Set(tc.field, tc.value)
		status, _, body := post(loc, f)
		if status != 400 {
			t.Errorf("%s=%.20q: status %d, want 400", tc.field, tc.value, status)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s=%.20q: the page lacks %q:\n%s", tc.field, tc.value, w, alertOf(body))
			}
		}
		if strings.Contains(body, "Gå tilbake og prøv igjen") {
			t.Errorf("%s=%.20q: the page gives the general sentence, not the field's", tc.field, tc.value)
		}
		if !strings.Contains(body, `<option value="vertskommune_administrativt" selected>`) && tc.field != "form" {
			t.Errorf("%s=%.20q: the form does not keep the legal form chosen", tc.field, tc.value)
		}
		if tc.field != "form" && tc.field != "t0_task" && !strings.Contains(body, `value="`+tc.value+`"`) && !strings.Contains(body, ">"+tc.value+"</textarea>") {
			t.Errorf("%s=%.20q: the form does not keep what was typed", tc.field, tc.value)
		}
	}
	if !reflect.DeepEqual(storetest.RegistryState(t, db), before) {
		t.Error("refused edits changed the registry")
	}
}

// alertOf is a page's error message, for a failing test's log.
func alertOf(body string) string {
	i := strings.Index(body, `role="alert"`)
	if i < 0 {
		return "(no alert)"
	}
	return body[i:min(len(body), i+600)]
}
