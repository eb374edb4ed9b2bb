package imc

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"io/fs"
	"strings"
	"sync"
	"text/template"

	"generalist"
)

//go:embed templates/*.md.tmpl
var templateFS embed.FS

// TemplateName returns the file name of the shipped agreement template
// for a form.
func TemplateName(f generalist.IMCForm) string {
	switch f {
	case generalist.FormIPR:
		return "ipr.md.tmpl"
	case generalist.FormKO:
		return "ko.md.tmpl"
	case generalist.FormHostAdmin, generalist.FormHostBoard:
		return "vertskommune.md.tmpl"
	case generalist.FormIKS:
		return "iks.md.tmpl"
	}
	return "annet.md.tmpl"
}

// ShippedTemplates returns the shipped templates by file name, for a user
// to adapt.
func ShippedTemplates() map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(templateFS, "templates/*.md.tmpl")
	for _, n := range names {
		b, _ := templateFS.ReadFile(n)
		out[strings.TrimPrefix(n, "templates/")] = b
	}
	return out
}

// Document is a generated agreement.
type Document struct {
	Title string `json:"title"`
	// Markup is the template's output (see markup.go); Markdown and HTML
	// render it.
	Markup string `json:"-"`
	// Missing counts the visible markers of required items that are not
	// filled.
	Missing int `json:"missing"`
	// Template names the template used.
	Template string `json:"template"`
}

// Markdown returns the document as Markdown.
func (d *Document) Markdown() string { return markupToMarkdown(d.Markup) }

// HTML returns the document as an HTML fragment (no html or body
// element), every text escaped.
func (d *Document) HTML() string { return markupToHTML(d.Markup) }

// Standalone returns the document as a complete HTML page with its own
// print style, for saving or printing.
func (d *Document) Standalone() string {
	return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + html.EscapeString(d.Title) + `</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1e2b3c; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #bcc4cc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
mark.missing { background: #ffe4e0; color: #8b1a10; font-weight: 600; padding: 0 0.2rem; }
.note { border-left: 4px solid #0062ba; background: #f1f5fa; padding: 0.25rem 1rem; }
hr { border: 0; border-top: 1px solid #bcc4cc; margin: 2rem 0 1rem; }
@media print { body { margin: 0; max-width: none; } mark.missing { outline: 1px solid #8b1a10; } }
</style>
</head>
<body>
` + d.HTML() + `</body>
</html>
`
}

type docParty struct {
	Number, Name, Label  string
	Ownership, Liability string
	CostShare            string
	Seats                int
	Adopted, Decision    string
	IsHost               bool
}

type docTask struct {
	Name, LegalBasis, Authority, Text string
}

type docData struct {
	C            *generalist.IMC
	Form, Law    string
	Board        bool
	Example      bool
	Participants []docParty
	Host         string
	Tasks        []docTask
	CostKey      string
	NoticeMonths int
	LegalEntity  string
	Start, End   string
	Notified     string
	Today        string
	Caveat       string
	Checklist    *Checklist
}

// authorityText describes a delegation in bokmål.
func authorityText(d generalist.Delegation) string {
	switch d {
	case generalist.DelegatedNone:
		return "ingen myndighet til å treffe vedtak"
	case generalist.DelegatedInternal:
		return "myndighet til å treffe vedtak om interne forhold i samarbeidet"
	case generalist.DelegatedGrants:
		return "myndighet til å forvalte tilskuddsordninger"
	case generalist.DelegatedDecisions:
		return "myndighet til å treffe enkeltvedtak"
	case generalist.DelegatedRegulations:
		return "myndighet til å vedta forskrift"
	case generalist.DelegatedBoth:
		return "myndighet til å treffe enkeltvedtak og vedta forskrift"
	}
	return ""
}

// AuthorityText is authorityText for the interfaces.
func AuthorityText(d generalist.Delegation) string { return authorityText(d) }

// Render fills an agreement template for the cooperation: tmpl is a
// user's template (see ShippedTemplates), or nil for the shipped one of
// the form. Every required item is filled from the record or marked
// missing, by the same checks as Check. EINVALID for a template that does
// not parse or run.
func Render(c *generalist.IMC, cat *generalist.Catalogue, tmpl []byte, today generalist.CalendarDate) (*Document, error) {
	name := TemplateName(c.Form)
	shipped := tmpl == nil
	if !shipped {
		name = "egen mal"
	}
	l := Check(c, cat, Options{Today: today})
	status := map[string]Status{}
	for _, it := range l.Items {
		status[it.ID] = it.Status
	}
	missing := func(id string) (string, error) {
		r, ok := RequirementByID(id)
		if !ok {
			return "", fmt.Errorf("unknown requirement %q", id)
		}
		return "[[MANGLER: " + escapeCell(r.Text) + " (" + escapeCell(r.Reference) + ")]]", nil
	}
	clauses := map[string]string{"name": c.Name}
	for _, cl := range c.Agreement.Clauses() {
		clauses[cl.Key] = *cl.Text
	}
	funcs := template.FuncMap{
		"text":    escapeMarkup,
		"cell":    escapeCell,
		"missing": missing,
		"ok": func(id string) bool {
			st, known := status[id]
			return known && st != Fail
		},
		"clause": func(key, id string) (string, error) {
			text, known := clauses[key]
			if !known {
				return "", fmt.Errorf("unknown clause %q (one of name, %s)", key, clauseKeys(c))
			}
			if has(text) {
				return escapeMarkup(text), nil
			}
			if st, checked := status[id]; checked && st != Fail {
				return "", nil
			}
			return missing(id)
		},
	}
	var t *template.Template
	if shipped {
		base, err := shippedTemplate(name)
		if err != nil {
			return nil, err
		}
		if t, err = base.Clone(); err != nil {
			return nil, fmt.Errorf("imc: template %s: %w", name, err)
		}
		t.Funcs(funcs)
	} else {
		var err error
		t, err = template.New(name).Funcs(funcs).Option("missingkey=error").Parse(string(tmpl))
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "agreement template %s: %v", name, err)
		}
	}
	d := docData{C: c, Form: c.Form.Label(), Law: GoverningLaw(c.Form), Board: c.Form == generalist.FormHostBoard, Example: c.Example,
		Start: c.Start.Long(), End: c.End.Long(), Notified: c.GovernorNotified.Long(), Today: today.Long(), Caveat: LawCaveat, Checklist: l}
	if h := c.Participant(c.Host); h != nil {
		d.Host = h.Label()
	} else {
		d.Host = c.Host
	}
	for _, p := range c.Participants {
		dp := docParty{Number: p.Number, Name: p.Name, Label: p.Label(), Seats: p.Seats, Adopted: p.Adopted.Long(), Decision: p.Decision, IsHost: p.Number == c.Host}
		if dp.Name == "" {
			dp.Name = p.Number
		}
		if p.Ownership != nil {
			dp.Ownership = p.Ownership.String()
		}
		if p.Liability != nil {
			dp.Liability = p.Liability.String()
		}
		if p.CostShare != nil {
			dp.CostShare = p.CostShare.String()
		}
		d.Participants = append(d.Participants, dp)
	}
	names := map[string]*generalist.Task{}
	if cat != nil {
		for i := range cat.Tasks {
			names[cat.Tasks[i].ID] = &cat.Tasks[i]
		}
	}
	for _, t := range c.Tasks {
		dt := docTask{Authority: authorityText(t.Authority), Text: t.Text}
		if task := names[t.Task]; task != nil {
			dt.Name, dt.LegalBasis = task.NameNB, task.LegalBasis
			if t.Text != "" {
				dt.Name += " (" + t.Text + ")"
			}
		} else {
			dt.Name = firstNonEmpty(t.Text, t.Task)
		}
		d.Tasks = append(d.Tasks, dt)
	}
	if len(c.Agreement.CostKey) > 0 {
		d.CostKey = c.Agreement.CostKey.Describe() + " (" + c.Agreement.CostKey.String() + ")"
	}
	if n := c.Agreement.NoticeMonths; n != nil {
		d.NoticeMonths = *n
	}
	if c.LegalEntity != nil {
		d.LegalEntity = map[bool]string{true: "er", false: "er ikke"}[*c.LegalEntity]
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "agreement template %s: %v", name, err)
	}
	out := buf.String()
	return &Document{Title: "Samarbeidsavtale for " + c.Name, Markup: out, Missing: strings.Count(out, "[[MANGLER:"), Template: name}, nil
}

// templateFuncNames lets the shipped templates be parsed once; Render
// binds the real functions on a clone.
var templateFuncNames = template.FuncMap{
	"text": escapeMarkup, "cell": escapeCell,
	"missing": func(string) (string, error) { return "", nil },
	"ok":      func(string) bool { return false },
	"clause":  func(string, string) (string, error) { return "", nil },
}

var shippedCache sync.Map // file name → *template.Template

func shippedTemplate(name string) (*template.Template, error) {
	if t, ok := shippedCache.Load(name); ok {
		return t.(*template.Template), nil
	}
	b, err := templateFS.ReadFile("templates/" + name)
	if err != nil {
		return nil, fmt.Errorf("imc: template %s: %w", name, err)
	}
	t, err := template.New(name).Funcs(templateFuncNames).Option("missingkey=error").Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("imc: template %s: %w", name, err)
	}
	shippedCache.Store(name, t)
	return t, nil
}

func clauseKeys(c *generalist.IMC) string {
	var keys []string
	for _, cl := range c.Agreement.Clauses() {
		keys = append(keys, cl.Key)
	}
	return strings.Join(keys, ", ")
}
