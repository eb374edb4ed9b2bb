package generalist

import (
	"strings"
	"testing"
)

// FuzzParseInput checks that no body panics, that every failure is an
// EINVALID error naming a field, and that whatever is accepted is valid
// plain text without markup.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{
		`{"kind":"solution","title":"Felles barnevern","text":"Vi har hatt et felles barnevern i ti år.","tags":["alternativ.interkommunalt_samarbeid"],"municipality":"1151","sender_type":"municipality","consent":true}`,
		`{"kind":"challenge","title":"<script>","text":"x","sender_type":"person","consent":true}`,
		`{"kind":"both","title":"Tittel","text":"En tekst som er lang nok, &amp; litt til.","sender_type":"person","consent":true,"attachment":"JVBERi0xLjQKJSVFT0YK"}`,
		`{"status":"published"}`, `{`, ``, `null`, `[1]`, `{"tags":[1]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := ParseInput(b)
		if err != nil {
			if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), ":") {
				t.Fatalf("ParseInput error %v: not EINVALID naming a field", err)
			}
			return
		}
		if err := in.Validate(); err != nil {
			t.Fatalf("ParseInput accepted an invalid input: %v", err)
		}
		if htmlMarkup(in.Title) != "" || htmlMarkup(in.Text) != "" || strings.Contains(in.Text, "<script") {
			t.Fatalf("ParseInput accepted markup: %q %q", in.Title, in.Text)
		}
		if in.Status != InputNew || in.ID != 0 || in.Reference != "" {
			t.Fatalf("ParseInput set server fields: %+v", in)
		}
	})
}

// FuzzCheckPDF checks that no file panics, that every refusal is EINVALID
// naming the attachment, and that what passes starts and ends like a PDF.
func FuzzCheckPDF(f *testing.F) {
	for _, s := range []string{minimalPDF, "%PDF-1.7\n/J#61vaScript\n%%EOF", "%PDF-", "<html>", "%PDF-1.4\n/#", "%PDF-2.0\n/AA /Launch%%EOF"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		err := CheckPDF(b)
		if err != nil {
			if ErrorCode(err) != EINVALID || !strings.HasPrefix(err.Error(), "attachment: ") {
				t.Fatalf("CheckPDF error %v: not EINVALID naming the attachment", err)
			}
			return
		}
		if !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(string(b[max(0, len(b)-1024):]), "%%EOF") || len(b) > InputAttachmentMax {
			t.Fatalf("CheckPDF accepted %q", b[:min(len(b), 40)])
		}
		for _, name := range []string{"/JavaScript", "/Launch"} {
			for _, end := range []string{" ", "\n", "\r", "/", "(", "<", "[", ">>"} {
				if strings.Contains(string(b), name+end) {
					t.Fatalf("CheckPDF accepted active content %s", name)
				}
			}
		}
	})
}
