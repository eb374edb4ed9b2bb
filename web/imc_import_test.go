package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlite"
	"generalist/storetest"
)

// upload posts the import form as a browser does: multipart, with the
// client's CSRF token, the fields and, if name is set, a file.
func (c *client) upload(path string, fields map[string]string, name string, file []byte) (int, string) {
	c.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("csrf", c.csrf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		fw, _ := w.CreateFormFile("file", name)
		fw.Write(file)
	}
	w.Close()
	return c.do("POST", path, w.FormDataContentType(), buf.String())
}

// registrySnapshot is every cooperation with its history.
func registrySnapshot(t *testing.T, db *sqlite.DB) string {
	t.Helper()
	b, err := json.Marshal(storetest.RegistryState(t, db))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var contentField = regexp.MustCompile(`name="content" value="([^"]+)"`)

// TestIMCImportPage imports on a real server with an SQLite store: a bad
// file is refused with its problems by line and column and the registry
// is unchanged; a good one is previewed, then imported on confirmation
// and appears in the list with its source.
func TestIMCImportPage(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")

	if code, loc := newClient(t, a.URL).do("GET", "/samarbeid/importer", "", ""); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/logg-inn") {
		t.Errorf("the import page for the public = %d %s, want a redirect to sign in", code, loc)
	}
	code, body := c.do("GET", "/samarbeid/importer", "", "")
	if code != http.StatusOK || !strings.Contains(body, `id="import-form"`) || !strings.Contains(body, `href="/samarbeid/mal.csv"`) || !strings.Contains(body, "<code>kilde</code>") {
		t.Fatalf("import page = %d\n%.500s", code, body)
	}
	code, body = c.do("GET", "/samarbeid/mal.csv", "", "")
	if code != http.StatusOK || !strings.HasPrefix(body, "\xef\xbb\xbf# ") || !strings.Contains(body, "\nnavn;form;deltaker;") {
		t.Errorf("template = %d %.80q", code, body)
	}
	if _, list := c.do("GET", "/samarbeid", "", ""); !strings.Contains(list, `href="/samarbeid/importer"`) {
		t.Error("the registry list does not link to the import page for a signed-in user")
	}

	before := registrySnapshot(t, a.db)
	bad := "navn;form;deltaker;vert;oppgaver;start;kilde\n" +
		"Legevakt Ytre;vertskommune;1820;1820;legevakt;2016-01-01;\n" +
		"Legevakt Ytre;;1822;;;;\n" +
		"Revisjon Indre;samkommune;3401;;revisjon;2020-01-01;\n" +
		"Revisjon Indre;;3415;;;;\n"
	noSource := strings.Replace(bad, "samkommune", "ko", 1)
	for _, tt := range []struct {
		file string
		want *regexp.Regexp
	}{
		// Line 4, column form, of cooperation Revisjon Indre.
		{bad, regexp.MustCompile(`<td class="num">4</td><td>form</td><td>Revisjon Indre</td>`)},
		// Line 2, column kilde: what to write, in Norwegian.
		{noSource, regexp.MustCompile(`<td class="num">2</td><td>kilde</td><td>Legevakt Ytre</td><td>Kilde mangler. Skriv hvor`)},
	} {
		for _, step := range []string{"preview", "import"} {
			code, body = c.upload("/samarbeid/importer", map[string]string{"step": step}, "oversikt.csv", []byte(tt.file))
			if code != http.StatusBadRequest || !strings.Contains(body, `id="import-problems"`) || strings.Contains(body, `id="import-confirm"`) {
				t.Errorf("%s of a bad file = %d, want 400 with the problems and no confirmation", step, code)
			}
			if !tt.want.MatchString(body) {
				t.Errorf("%s of a bad file does not say %s:\n%s", step, tt.want, body)
			}
			if registrySnapshot(t, a.db) != before {
				t.Fatalf("%s of a bad file changed the registry", step)
			}
		}
	}
	if code, body = c.upload("/samarbeid/importer", map[string]string{"step": "preview"}, "", nil); code != http.StatusBadRequest || !strings.Contains(body, "Velg en fil") {
		t.Errorf("preview without a file = %d", code)
	}
	// A refused upload is said in the page's language (bokmål here), with
	// nothing stored.
	for _, up := range []struct {
		name, want string
		fields     map[string]string
		file       []byte
	}{
		{"damaged content", "Filen som ble sendt tilbake fra forhåndsvisningen, er skadet. Velg filen på nytt.",
			map[string]string{"step": "import", "content": "ikke base64!", "name": "oversikt.csv"}, nil},
		{"too large a file", "Filen er større enn 4 MB.", map[string]string{"step": "preview"}, bytes.Repeat([]byte("a"), 4<<20+1)},
	} {
		name := ""
		if up.file != nil {
			name = "stor.csv"
		}
		code, body := c.upload("/samarbeid/importer", up.fields, name, up.file)
		if code != http.StatusBadRequest || !strings.Contains(body, up.want) || strings.Contains(body, "the file") {
			t.Errorf("%s = %d; want 400 saying %q in bokmål:\n%.600s", up.name, code, up.want, body[max(0, strings.Index(body, "<main")):])
		}
		if registrySnapshot(t, a.db) != before {
			t.Fatalf("%s changed the registry", up.name)
		}
	}

	good := strings.Replace(noSource, "2016-01-01;\n", "2016-01-01;Statsforvalteren i Nordland 2024\n", 1)
	code, body = c.upload("/samarbeid/importer", map[string]string{"step": "preview", "source": "Spørreundersøkelse KS 2025"}, "oversikt.csv", []byte(good))
	m := contentField.FindStringSubmatch(body)
	if code != http.StatusOK || m == nil || !strings.Contains(body, `id="import-summary"`) {
		t.Fatalf("preview of a good file = %d\n%s", code, body)
	}
	if registrySnapshot(t, a.db) != before {
		t.Fatal("the preview changed the registry")
	}
	code, body = c.upload("/samarbeid/importer", map[string]string{"step": "import", "content": html.UnescapeString(m[1]), "name": "oversikt.csv", "source": "Spørreundersøkelse KS 2025"}, "", nil)
	if code != http.StatusOK || !strings.Contains(body, `id="import-done"`) {
		t.Fatalf("confirmed import = %d\n%s", code, body)
	}
	_, list := c.do("GET", "/samarbeid", "", "")
	for _, want := range []string{"Legevakt Ytre", "Statsforvalteren i Nordland 2024", "Revisjon Indre", "Spørreundersøkelse KS 2025"} {
		if !strings.Contains(list, want) {
			t.Errorf("the list after the import lacks %q", want)
		}
	}
	cs, _ := a.db.IMCs(context.Background(), generalist.IMCFilter{})
	examples := 0
	for _, x := range cs {
		if x.Example {
			examples++
		}
	}
	if len(cs) != 6 || examples != 4 {
		t.Errorf("after the import: %d cooperations, %d examples; want 6 and the 4 examples still examples", len(cs), examples)
	}
}

// TestIMCImportAPI: the API refuses a bad body with every problem (400),
// plans with dry_run, leaves examples out, and keeps an editor to the
// cooperations of their municipality.
func TestIMCImportAPI(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	addUser(t, a.db, "redaktor", generalist.UserEditor, a.editorMuni)
	c := signIn(t, a.URL, "analytiker")
	before := registrySnapshot(t, a.db)
	if code, _ := newClient(t, a.URL).do("POST", "/api/v1/imc/import", "text/csv", "navn;form;start;deltaker\n"); code != http.StatusUnauthorized {
		t.Errorf("import by the public = %d, want 401", code)
	}
	bad := "navn;form;deltaker;start\nA;ko;1820;2020-13-01\nA;;1822;\nB;ko;1820;2020-01-01\nB;;9999;\n"
	code, body := c.do("POST", "/api/v1/imc/import?source=S", "text/csv", bad)
	var refused struct {
		Error struct {
			Code     string `json:"code"`
			Problems []struct {
				Line   int    `json:"line"`
				Column string `json:"column"`
			} `json:"problems"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &refused); code != http.StatusBadRequest || err != nil || len(refused.Error.Problems) != 1 || refused.Error.Problems[0].Line != 2 || refused.Error.Problems[0].Column != "start" {
		t.Errorf("import of a bad body = %d %s", code, body)
	}
	fixed := strings.Replace(bad, "2020-13-01", "2020-12-01", 1)
	code, body = c.do("POST", "/api/v1/imc/import?source=S", "text/csv", fixed)
	if code != http.StatusBadRequest || !strings.Contains(body, `"line": 4`) || !strings.Contains(body, "9999") {
		t.Errorf("import with an unknown municipality = %d %s", code, body)
	}
	if code, body = c.do("POST", "/api/v1/imc/import?dry_run=maybe", "text/csv", fixed); code != http.StatusBadRequest {
		t.Errorf("dry_run=maybe = %d %s", code, body)
	}
	good := strings.Replace(fixed, "9999", "1818", 1) + "C;ko;1820;2020-01-01\nC;;1822;\n"
	good = strings.Replace(good, "navn;form;deltaker;start\n", "navn;form;deltaker;start;eksempel\n", 1)
	good = strings.ReplaceAll(good, "\n", ";\n")
	good = strings.Replace(good, "C;ko;1820;2020-01-01;", "C;ko;1820;2020-01-01;ja", 1)
	good = strings.Replace(good, "eksempel;\n", "eksempel\n", 1)
	var plan struct {
		Created  int  `json:"created"`
		Skipped  int  `json:"skipped_examples"`
		Imported bool `json:"imported"`
	}
	code, body = c.do("POST", "/api/v1/imc/import?source=S&dry_run=1", "text/csv", good)
	if err := json.Unmarshal([]byte(body), &plan); code != http.StatusOK || err != nil || plan.Created != 2 || plan.Skipped != 1 || plan.Imported {
		t.Errorf("dry run = %d %s", code, body)
	}
	if registrySnapshot(t, a.db) != before {
		t.Fatal("a refused import or a dry run changed the registry")
	}
	// An editor may import only cooperations their municipality is in.
	e := signIn(t, a.URL, "redaktor")
	other := "navn;form;deltaker;start;kilde\nBibliotek Sør;ko;3401;2020-01-01;S\nBibliotek Sør;;3415;;\n"
	if code, body = e.do("POST", "/api/v1/imc/import", "text/csv", other); code != http.StatusBadRequest || !strings.Contains(body, "editor for municipality") {
		t.Errorf("editor importing another municipality's cooperation = %d %s", code, body)
	}
	if registrySnapshot(t, a.db) != before {
		t.Fatal("a refused import changed the registry")
	}
	code, body = c.do("POST", "/api/v1/imc/import?source=S", "text/csv", good)
	if err := json.Unmarshal([]byte(body), &plan); code != http.StatusOK || err != nil || plan.Created != 2 || !plan.Imported {
		t.Errorf("import = %d %s", code, body)
	}
}
