package generalist

import (
	"strings"
	"testing"
)

func validInput() *Input {
	return &Input{
		Kind:         InputChallenge,
		Title:        "Rekruttering av sykepleiere",
		Text:         "Vi har lyst ut stillingen tre ganger.\n\nIngen søkere med riktig kompetanse.",
		Tags:         []InputTag{"utfordring.rekruttering", "rolle.tjenesteyter"},
		Municipality: "1151", SenderType: SenderMunicipality,
		Name: "Kari Nordmann", Email: "Kari@Example.no",
		Consent: true, ConsentVersion: InputConsent.Version, Status: InputNew,
	}
}

func TestInputValidate(t *testing.T) {
	for _, tt := range []struct {
		name  string
		edit  func(*Input)
		field string // "" for valid
	}{
		{"OK", func(*Input) {}, ""},
		{"Kind", func(in *Input) { in.Kind = "question" }, "kind:"},
		{"TitleEmpty", func(in *Input) { in.Title = " " }, "title: required"},
		{"TitleLong", func(in *Input) { in.Title = strings.Repeat("æ", InputTitleMax+1) }, "title:"},
		{"TitleNewline", func(in *Input) { in.Title = "a\nbcd" }, "title: contains a control character"},
		{"TextShort", func(in *Input) { in.Text = "kort" }, "text: at least"},
		{"TextLong", func(in *Input) { in.Text = strings.Repeat("ord ", InputTextMax/4+1) }, "text: 20003 characters"},
		{"Script", func(in *Input) { in.Text = "Se her <script>alert(1)</script> for mer" }, `text: HTML markup ("<script>")`},
		{"Anchor", func(in *Input) { in.Text = "Les <a href=x>dette</a> dokumentet nå" }, `text: HTML markup ("<a ")`},
		{"Closing", func(in *Input) { in.Title = "abc </b" }, "title: HTML markup"},
		{"Comment", func(in *Input) { in.Text = "tekst <!-- skjult --> tekst tekst" }, "text: HTML markup"},
		{"Entity", func(in *Input) { in.Text = "tekst &lt;script&gt; tekst tekst" }, "text: HTML markup"},
		{"NumericEntity", func(in *Input) { in.Text = "tekst &#60;script tekst tekst" }, "text: HTML markup"},
		{"LessThan", func(in *Input) { in.Text = "Kommuner med <5 000 innbyggere og a < b & c" }, ""},
		{"Control", func(in *Input) { in.Text = "tekst \x00 tekst tekst tekst" }, "text: contains a control character"},
		{"BadUTF8", func(in *Input) { in.Text = "tekst \xff tekst tekst tekst" }, "text: not valid UTF-8"},
		{"UnknownTag", func(in *Input) { in.Tags = []InputTag{"utfordring.vaer"} }, `tags: "utfordring.vaer" is not a known tag`},
		{"TwiceTag", func(in *Input) { in.Tags = []InputTag{"utfordring.fagmiljo", "utfordring.fagmiljo"} }, ""},
		{"Municipality", func(in *Input) { in.Municipality = "151" }, "municipality:"},
		{"County", func(in *Input) { in.County = "3" }, "county:"},
		{"CountyMismatch", func(in *Input) { in.County = "03" }, "county: municipality 1151 is not in county 03"},
		{"Sender", func(in *Input) { in.SenderType = "company" }, "sender_type:"},
		{"Email", func(in *Input) { in.Email = "Kari <kari@example.no>" }, "email:"},
		{"EmailNoDot", func(in *Input) { in.Email = "kari@localhost" }, "email:"},
		{"NameMarkup", func(in *Input) { in.Name = "<img src=x>" }, "name: HTML markup"},
		{"Consent", func(in *Input) { in.Consent = false }, "consent:"},
		{"PublishNoName", func(in *Input) { in.Name = ""; in.PublishName = true }, "publish_name:"},
		{"RejectNoReason", func(in *Input) { in.Status = InputRejected }, "reject_reason:"},
		{"MergedNoTarget", func(in *Input) { in.Status = InputMerged }, "merged_into:"},
		{"Attachment", func(in *Input) { in.Attachment = &InputAttachment{Name: "a.pdf", Size: 3, Data: []byte("abc")} }, "attachment: not a PDF"},
		{"AttachmentName", func(in *Input) { in.Attachment = &InputAttachment{Name: "../x.pdf"} }, "attachment: file name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			tt.edit(in)
			in.Normalize()
			err := in.Validate()
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.field != "" && (ErrorCode(err) != EINVALID || !strings.HasPrefix(err.Error(), tt.field)):
				t.Fatalf("Validate() = %v, want EINVALID starting %q", err, tt.field)
			}
		})
	}
}

func TestInputNormalize(t *testing.T) {
	in := validInput()
	in.Text = "  a\r\nb\r\n\r\nc  "
	in.Tags = []InputTag{"utfordring.rekruttering", "rolle.tjenesteyter", "utfordring.rekruttering"}
	in.Normalize()
	if in.Text != "a\nb\n\nc" || in.Email != "kari@example.no" || in.County != "11" {
		t.Errorf("Normalize: text %q, email %q, county %q", in.Text, in.Email, in.County)
	}
	if got := strings.Join(tagStrings(in.Tags), ","); got != "rolle.tjenesteyter,utfordring.rekruttering" {
		t.Errorf("Normalize: tags %s", got)
	}
	if p := in.Paragraphs(); len(p) != 2 || p[0] != "a\nb" {
		t.Errorf("Paragraphs() = %q", p)
	}
}

func tagStrings(ts []InputTag) []string {
	var s []string
	for _, t := range ts {
		s = append(s, string(t))
	}
	return s
}

func TestInputTags(t *testing.T) {
	seen := map[InputTag]bool{}
	for _, i := range InputTags {
		if seen[i.ID] {
			t.Errorf("tag %s twice", i.ID)
		}
		seen[i.ID] = true
		if !strings.HasPrefix(string(i.ID), i.Group+".") || i.NB == "" || i.EN == "" {
			t.Errorf("tag %+v: id must start with the group; labels required", i)
		}
		for _, c := range string(i.ID) {
			if !(c >= 'a' && c <= 'z' || c == '.' || c == '_') {
				t.Errorf("tag %s: not a plain ASCII identifier", i.ID)
			}
		}
	}
	for _, r := range Roles {
		if !InputTag("rolle." + r).Valid() {
			t.Errorf("role %s has no tag", r)
		}
	}
	if n := len(InputTags); n != 4+7+6 {
		t.Errorf("%d tags, want 17", n)
	}
}

func TestInputPublic(t *testing.T) {
	in := validInput()
	in.Reference = NewInputReference()
	in.Organisation = "Utsira kommune"
	in.Attachment = &InputAttachment{Name: "a.pdf"}
	p := in.Public()
	if p.Name != "" || p.Organisation != "" || p.Email != "" || p.Reference != "" || p.Attachment != nil {
		t.Errorf("Public() without PublishName = %+v", p)
	}
	in.PublishName = true
	p = in.Public()
	if p.Name != "Kari Nordmann" || p.Organisation != "Utsira kommune" || p.Email != "" {
		t.Errorf("Public() with PublishName = %+v", p)
	}
}

func TestInputReference(t *testing.T) {
	a, b := NewInputReference(), NewInputReference()
	if a == b || len(a) != 20 {
		t.Fatalf("NewInputReference() = %q, %q", a, b)
	}
	if got, err := ParseInputReference(" " + strings.ToLower(a) + " "); err != nil || got != a {
		t.Errorf("ParseInputReference(%q) = %q, %v", a, got, err)
	}
	for _, s := range []string{"", "INN-", "INN-ABC", "XYZ-ABCDEFGHIJKLMNOP", "INN-ABCDEFGHIJKLMNO1", "INN-../../etc/passwdx"} {
		if _, err := ParseInputReference(s); ErrorCode(err) != EINVALID {
			t.Errorf("ParseInputReference(%q) = %v, want EINVALID", s, err)
		}
	}
}

func TestInputTerms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Fagmiljø i små kommuner!", "fagmiljø i små kommuner"},
		{"e-post: kari@example.no, 5 000", "e post kari example no 5 000"},
		{"ÆØÅ æøå Straße", "æøå æøå straße"},
		{"  ", ""},
	} {
		if got := strings.Join(InputTerms(tt.in, -1), " "); got != tt.want {
			t.Errorf("InputTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := InputQueryTerms("a b a c d e f g h i j k l"); len(got) != 10 || got[2] != "c" {
		t.Errorf("InputQueryTerms = %q", got)
	}
}

// TestInputTextHash: the hash ignores case, spacing and punctuation
// between words; texts with other words, long ones included, or with no
// words and other punctuation, differ.
func TestInputTextHash(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Samme tekst,\nto ganger.", "samme   TEKST to ganger"},
		{"  Ærlig talt ØNSKER vi   dette\r\n", "ærlig talt ønsker vi dette!"},
		{"? !", "?!"},
	} {
		if InputTextHash(tt.a) != InputTextHash(tt.b) {
			t.Errorf("InputTextHash(%q) != InputTextHash(%q), want equal", tt.a, tt.b)
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"samme tekst", "annen tekst"},
		{strings.Repeat("a", 70), strings.Repeat("b", 70)},
		{"?", "!"},
		{"!", "!!"},
		{strings.Repeat("a", 70) + " b", strings.Repeat("c", 70) + " b"},
		{"1,5 millioner", "15 millioner"},
		{"", "."},
	} {
		if InputTextHash(tt.a) == InputTextHash(tt.b) {
			t.Errorf("InputTextHash(%q) == InputTextHash(%q), want different", tt.a, tt.b)
		}
	}
	// A text with words and none over 64 bytes keeps the hash stored by
	// earlier versions (its search terms joined).
	text := "Vi har lyst ut stillingen tre ganger, uten kvalifiserte søkere!"
	if got, want := InputTextHash(text), sha256Hex([]byte(strings.Join(InputTerms(text, -1), " "))); got != want {
		t.Errorf("InputTextHash(%q) = %s, want the stored form %s", text, got, want)
	}
}

func TestSanitizeFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"rapport.pdf", "rapport.pdf"},
		{"../../etc/passwd", "passwd.pdf"},
		{`C:\Users\kari\Innspill fra Utsira.PDF`, "Innspill_fra_Utsira.pdf"},
		{"", "vedlegg.pdf"},
		{"...pdf", "pdf.pdf"}, {".pdf", "pdf.pdf"}, {"_", "vedlegg.pdf"},
		{"a\x00b<script>.pdf", "a_b_script.pdf"},
		{"høring.pdf", "høring.pdf"},
		{strings.Repeat("x", 300) + ".pdf", strings.Repeat("x", 96) + ".pdf"},
	} {
		if got := SanitizeFileName(tt.in); got != tt.want {
			t.Errorf("SanitizeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := SanitizeFileName(tt.in); SanitizeFileName(got) != got {
			t.Errorf("SanitizeFileName not idempotent on %q", got)
		}
	}
}

// MinimalPDF is a small valid PDF for tests.
const minimalPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

func TestCheckPDF(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"OK", minimalPDF, ""},
		{"Empty", "", "empty"},
		{"HTML", "<html><script>alert(1)</script></html>", "not a PDF"},
		{"FakeHeader", "%PDF-x.4 ............ %%EOF", "not a PDF"},
		{"NoEOF", "%PDF-1.4\n1 0 obj << >> endobj\n", "incomplete"},
		{"JavaScript", strings.Replace(minimalPDF, "/Catalog", "/Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>", 1), "active content (/JavaScript)"},
		{"Escaped", strings.Replace(minimalPDF, "/Catalog", "/Catalog /AA << /S /J#61vaScript >>", 1), "active content (/JavaScript)"},
		{"Launch", strings.Replace(minimalPDF, "/Catalog", "/Catalog /OpenAction << /S /Launch /F (calc.exe) >>", 1), "active content (/Launch)"},
		{"Big", "%PDF-1.4\n" + strings.Repeat(" ", InputAttachmentMax) + "%%EOF", "limit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPDF([]byte(tt.in))
			if tt.want == "" && err != nil || tt.want != "" && (ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "attachment:")) {
				t.Errorf("CheckPDF = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseInput(t *testing.T) {
	in, err := ParseInput([]byte(`{"kind":"solution","title":"Felles barnevern","text":"Vi har hatt et felles barnevern i ti år, og det fungerer godt.",
		"tags":["alternativ.interkommunalt_samarbeid"],"municipality":"1151","sender_type":"municipality","consent":true}`))
	if err != nil {
		t.Fatal(err)
	}
	if in.Status != InputNew || in.ConsentVersion != InputConsent.Version || in.County != "11" {
		t.Errorf("ParseInput = %+v", in)
	}
	for _, tt := range []struct{ body, want string }{
		{``, "body: empty"},
		{`[]`, "body: must be a JSON object"},
		{`{"kind":"solution"`, "body: unexpected end"},
		{`{"kind":"solution",}`, "body: invalid JSON"},
		{`{"status":"published"}`, "status: unknown field"},
		{`{"id":5}`, "id: unknown field"},
		{`{"consent":"yes"}`, "consent: must be true or false"},
		{`{"tags":"x"}`, "tags: must be a list"},
		{`{} {}`, "body: unexpected data"},
		{`{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","tags":["x"],"sender_type":"person","consent":true}`, `tags: "x"`},
		{`{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":false}`, "consent:"},
		{`{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true,"consent_version":"1999"}`, "consent_version:"},
		{`{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true,"attachment":"PGh0bWw+"}`, "attachment: not a PDF"},
		{`{"kind":"challenge","title":"Tittel","text":"En tekst som er lang nok til å bli godtatt.","sender_type":"person","consent":true,"attachment":"!!"}`, "body: "},
	} {
		_, err := ParseInput([]byte(tt.body))
		if ErrorCode(err) != EINVALID || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseInput(%s) = %v, want EINVALID starting %q", tt.body, err, tt.want)
		}
	}
}

func TestInputModerationValidate(t *testing.T) {
	for _, tt := range []struct {
		m    InputModeration
		want string
	}{
		{InputModeration{Action: "publish", Version: 1, Moderator: "ola"}, ""},
		{InputModeration{Action: "reject", Version: 1, Moderator: "ola"}, "reason:"},
		{InputModeration{Action: "delete", Version: 1, Moderator: "ola"}, "action:"},
		{InputModeration{Action: "tags", Tags: []InputTag{"x"}, Version: 1, Moderator: "ola"}, "tags:"},
		{InputModeration{Action: "publish", Moderator: "ola"}, "version:"},
	} {
		err := tt.m.Validate()
		if tt.want == "" && err != nil || tt.want != "" && !strings.HasPrefix(ErrorMessage(err), tt.want) {
			t.Errorf("%+v.Validate() = %v, want %q", tt.m, err, tt.want)
		}
	}
}

func TestValidateTags(t *testing.T) {
	if err := ValidateTags([]InputTag{"utfordring.fagmiljo", "utfordring.fagmiljo"}); !strings.HasPrefix(ErrorMessage(err), "tags:") {
		t.Errorf("ValidateTags(twice) = %v", err)
	}
}

func TestWriteInputsCSV(t *testing.T) {
	in := validInput()
	in.ID, in.Title, in.Status = 7, "=HYPERLINK(\"x\")", InputPublished
	in.Organisation = "Utsira kommune"
	in.Normalize()
	var b strings.Builder
	if err := WriteInputsCSV(&b, []InputExport{in.Export()}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, bad := range []string{"Kari", "kari@example.no", "Utsira kommune", "\n=HYP", ",=HYP"} {
		if strings.Contains(got, bad) {
			t.Errorf("CSV contains %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, `"'=HYPERLINK(""x"")"`) || !strings.Contains(got, "rolle.tjenesteyter;utfordring.rekruttering") {
		t.Errorf("CSV =\n%s", got)
	}
}
