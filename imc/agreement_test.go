package imc

import (
	"regexp"
	"strings"
	"testing"

	"generalist"
)

var allForms = []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard, generalist.FormIKS}

// TestRenderComplete renders the examples: nothing is marked missing.
func TestRenderComplete(t *testing.T) {
	for _, f := range allForms {
		d, err := Render(example(t, f), mustCatalogue(t), nil, "2026-06-01")
		if err != nil {
			t.Fatalf("Render(%s) = %v", f, err)
		}
		if d.Missing != 0 {
			t.Errorf("Render(%s) marks %d items missing:\n%s", f, d.Missing, d.Markup)
		}
		md, h := d.Markdown(), d.HTML()
		for _, want := range []string{"EKSEMPEL", "Utkast laget av Generalist 1. juni 2026", "lovdata.no"} {
			if !strings.Contains(md, want) || !strings.Contains(h, want) {
				t.Errorf("Render(%s) lacks %q", f, want)
			}
		}
		if !strings.HasPrefix(md, "# Sam") && !strings.HasPrefix(md, "# Sel") {
			t.Errorf("Render(%s) Markdown starts %q", f, md[:20])
		}
	}
}

// TestRenderMarksMissing renders an agreement with nothing but the
// record's required fields: every required item of the form is visibly
// marked missing, with its text and paragraph.
func TestRenderMarksMissing(t *testing.T) {
	for _, f := range allForms {
		full := example(t, f)
		c := &generalist.IMC{Name: full.Name, Form: f, Start: full.Start, Host: full.Host}
		for _, p := range full.Participants {
			c.Participants = append(c.Participants, generalist.IMCParticipant{Number: p.Number})
		}
		if f == generalist.FormIKS {
			c.Host = ""
		}
		d, err := Render(c, mustCatalogue(t), nil, "2026-06-01")
		if err != nil {
			t.Fatalf("Render(%s) = %v", f, err)
		}
		l := Check(c, mustCatalogue(t), Options{})
		for _, r := range Requirements(f) {
			it := itemOf(l, r.ID)
			marker := "MANGLER: " + r.Text + " (" + r.Reference + ")"
			if it.Status == Fail && (!strings.Contains(d.HTML(), marker) || !strings.Contains(d.Markdown(), "**[MANGLER: "+escapeMD(r.Text))) {
				t.Errorf("Render(%s): %s fails but is not marked missing", f, r.ID)
			}
			if it.Status != Fail && strings.Contains(d.Markup, marker) {
				t.Errorf("Render(%s): %s is marked missing but the check says %s", f, r.ID, it.Status)
			}
		}
		if d.Missing == 0 {
			t.Errorf("Render(%s) of an empty agreement marks nothing missing", f)
		}
	}
}

func TestRenderEscapes(t *testing.T) {
	c := example(t, generalist.FormKO)
	c.Name = "<script>alert(1)</script> | **x** [[MANGLER: y]] kommunalt oppgavefellesskap"
	c.Agreement.Exit = "# not a heading\n- not a list\n| not a table |\n> not a note\n---"
	d, err := Render(c, mustCatalogue(t), nil, "2026-06-01")
	if err != nil {
		t.Fatal(err)
	}
	h := d.HTML()
	if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") {
		t.Error("the name is not escaped in HTML")
	}
	if d.Missing != 0 {
		t.Errorf("text that looks like a marker counts as missing: %d", d.Missing)
	}
	for _, bad := range []string{"<h1>not", "<li>not", "<td>not", `<div class="note"><p>not`} {
		if strings.Contains(h, bad) {
			t.Errorf("clause text became markup: %s", bad)
		}
	}
	md := d.Markdown()
	if strings.Contains(md, "\n# not") || strings.Contains(md, "\n- not") {
		t.Error("clause text became Markdown structure")
	}
	if !strings.Contains(d.Standalone(), "<!doctype html>") {
		t.Error("Standalone is not a page")
	}
}

func TestRenderUserTemplate(t *testing.T) {
	c := example(t, generalist.FormKO)
	c.Agreement.Borrowing = ""
	d, err := Render(c, nil, []byte("# {{text .C.Name}}\n\nLån: {{clause \"borrowing\" \"19-4g\"}}\n"), "2026-06-01")
	if err != nil {
		t.Fatal(err)
	}
	if d.Missing != 1 || !strings.Contains(d.HTML(), "<h1>Fjellregionen") || d.Template != "egen mal" {
		t.Errorf("user template: %+v\n%s", d, d.HTML())
	}
	for _, bad := range []string{"{{.Nosuch}}", "{{clause \"nosuch\" \"19-4g\"}}", "{{missing \"nosuch\"}}", "{{if}}"} {
		if _, err := Render(c, nil, []byte(bad), "2026-06-01"); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("Render(template %q) = %v, want EINVALID", bad, err)
		}
	}
	if n := len(ShippedTemplates()); n != 5 {
		t.Errorf("ShippedTemplates = %d, want 5", n)
	}
}

func TestMarkup(t *testing.T) {
	src := "# Tittel\n\nEn **fet** setning\nover to linjer.\n\n- punkt 1\n- punkt [[MANGLER: x (§ 1)]]\n\n| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 |\n\n> merk\n\n---\n"
	h := markupToHTML(src)
	want := "<h1>Tittel</h1>\n<p>En <strong>fet</strong> setning over to linjer.</p>\n<ul>\n<li>punkt 1</li>\n<li>punkt <mark class=\"missing\">MANGLER: x (§ 1)</mark></li>\n</ul>\n" +
		"<table>\n<thead>\n<tr><th>a</th><th>b</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td><td>2 | 3</td></tr>\n</tbody>\n</table>\n<div class=\"note\"><p>merk</p></div>\n<hr>\n"
	if h != want {
		t.Errorf("markupToHTML =\n%s\nwant\n%s", h, want)
	}
	md := markupToMarkdown(src)
	wantMD := "# Tittel\n\nEn **fet** setning over to linjer.\n\n- punkt 1\n- punkt **[MANGLER: x (§ 1)]**\n\n| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 |\n\n> merk\n\n---\n"
	if md != wantMD {
		t.Errorf("markupToMarkdown =\n%s\nwant\n%s", md, wantMD)
	}
}

// tagRe matches the tags the HTML writer produces.
var tagRe = regexp.MustCompile(`</?(h[123]|p|ul|li|table|thead|tbody|tr|th|td|strong|hr)>|<div class="note">|</div>|<mark class="missing">|</mark>`)

// checkHTML reports whether h has any tag but the writer's own.
func checkHTML(t *testing.T, src, h string) {
	t.Helper()
	if rest := tagRe.ReplaceAllString(h, ""); strings.ContainsAny(rest, "<>") {
		t.Fatalf("markupToHTML(%q) has foreign markup: %q", src, rest)
	}
}

// TestRenderHostileText: editor text that tries to be HTML is text in the
// Markdown agreement (no "<" comes through: entities, which every
// renderer shows as the characters) and in the HTML one.
func TestRenderHostileText(t *testing.T) {
	const hostile = `<img src=x onerror=alert(1)> <meta http-equiv="refresh" content="0;url=http://x.example"> <form action="http://x.example"><input name=p></form> <https://x.example> & [klikk](javascript:alert(1))`
	for _, f := range allForms {
		c := example(t, f)
		c.Name = hostile
		for _, cl := range c.Agreement.Clauses() {
			*cl.Text = hostile + "\n\n" + hostile
		}
		for i := range c.Participants {
			c.Participants[i].Name, c.Participants[i].Decision = hostile, hostile
		}
		for i := range c.Tasks {
			c.Tasks[i].Text = hostile
		}
		d, err := Render(c, mustCatalogue(t), nil, "2026-06-01")
		if err != nil {
			t.Fatalf("Render(%s) = %v", f, err)
		}
		md := d.Markdown()
		if i := strings.IndexByte(md, '<'); i >= 0 {
			t.Errorf("Render(%s) Markdown passes %q through", f, md[i:min(len(md), i+30)])
		}
		if !strings.Contains(md, "&lt;img src=x onerror=alert(1)&gt;") || !strings.Contains(md, `&amp; \[klikk\](javascript:alert(1))`) {
			t.Errorf("Render(%s) Markdown loses the text:\n%s", f, md)
		}
		for _, h := range []string{d.HTML(), d.Standalone()} {
			for _, bad := range []string{"<img", "<meta http", "<form", "<input", "<https"} {
				if strings.Contains(h, bad) {
					t.Errorf("Render(%s) HTML contains %q", f, bad)
				}
			}
		}
	}
}
