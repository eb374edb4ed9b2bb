package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"generalist"
	"generalist/imc"
)

// The law: imc check, requirements and agreement.

func imcCheck(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	pos, err := c.parse(cmd, args, 1, 1, "check FILE|ID [--json] [--today DATE]")
	if err != nil {
		return err
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	l := imc.Check(x, cat, imc.Options{Today: c.day(), Invalid: imc.Validate(x, cat)})
	if *c.json {
		if err := writeJSON(c.stdout, l); err != nil {
			return err
		}
	} else {
		printChecklist(c.stdout, x, l)
	}
	if !l.OK() {
		return generalist.Errorf(generalist.EINVALID, "%s: %d required legal item(s) fail", x.Name, l.Failed)
	}
	return nil
}

// statusMark is a checklist item's status in four letters.
func statusMark(s imc.Status) string {
	if m, ok := statusMarks[s]; ok {
		return m
	}
	return "??? "
}

var statusMarks = map[imc.Status]string{imc.Pass: "PASS", imc.Fail: "FAIL", imc.NotApplicable: "N/A "}

func printChecklist(w io.Writer, x *generalist.IMC, l *imc.Checklist) {
	fmt.Fprintf(w, "Legal check of %s (%s, %s)\n\n", x.Name, x.Form.Label(), imc.GoverningLaw(x.Form))
	for _, group := range []struct{ key, title string }{{"innhold", "What the agreement must contain"}, {"regel", "Rules of the law"}} {
		fmt.Fprintln(w, group.title+":")
		for _, it := range l.Items {
			if it.Group != group.key {
				continue
			}
			tags := ""
			if !it.Verified {
				tags += " [IKKE VERIFISERT]"
			}
			if !it.Required {
				tags += " [råd]"
			}
			fmt.Fprintf(w, "  %s %-18s %s — %s%s\n       %s\n", statusMark(it.Status), it.ID, it.Title, it.Reference, tags, it.Why)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d passed, %d required failing, %d not applicable, %d cannot tell.\n", l.Passed, l.Failed, l.NotApplicable, l.CannotTell)
	fmt.Fprintf(w, "Note: %s\n", l.Caveat)
}

func imcRequirements(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	form := c.fs.String("form", "", "the `form`: ipr, ko, vertskommune, vertskommune-nemnd, iks (as, sa, forening, annet have no list)")
	if _, err := c.parse(cmd, args, 0, 0, "requirements --form FORM [--json]"); err != nil {
		return err
	}
	if *form == "" {
		return usageError("imc requirements: --form is required (ipr, ko, vertskommune, vertskommune-nemnd, iks)")
	}
	f, err := generalist.ParseIMCForm(*form)
	if err != nil {
		return usageError("imc requirements: --form: " + generalist.ErrorMessage(err))
	}
	rs := imc.Requirements(f)
	if *c.json {
		return writeJSON(c.stdout, rs)
	}
	fmt.Fprintf(c.stdout, "What the agreement of a %s must contain (%s):\n\n", f.Label(), imc.GoverningLaw(f))
	if len(rs) == 0 {
		fmt.Fprintf(c.stdout, "Kommuneloven and IKS-loven have no such list for this form; %s and the articles apply.\n", imc.GoverningLaw(f))
	}
	for _, r := range rs {
		tag := ""
		if !r.Verified {
			tag = "  [IKKE VERIFISERT]"
		}
		fmt.Fprintf(c.stdout, "  %-10s %s\n             %s%s\n", r.ID, r.Text, r.Reference, tag)
	}
	_, err = fmt.Fprintf(c.stdout, "\nNote: %s\n", imc.LawCaveat)
	return err
}

func imcAgreement(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	format := c.fs.String("format", "md", "`format`: md (Markdown), html (a page) or fragment (HTML without the page)")
	tmpl := c.fs.String("template", "", "your own template `file` (see --templates)")
	dir := c.fs.String("templates", "", "write the shipped templates to `DIR` for you to adapt, and stop")
	out := c.fs.String("out", "", "write to `file` instead of standard output")
	pos, err := c.parse(cmd, args, 0, 1, "agreement FILE|ID [--format md|html|fragment] [--template FILE] [--out FILE] | agreement --templates DIR")
	if err != nil {
		return err
	}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--templates: %v", err)
		}
		for name, b := range imc.ShippedTemplates() {
			if err := os.WriteFile(filepath.Join(*dir, name), b, 0o644); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--templates: %v", err)
			}
		}
		return say(ctx, c.stdout, "ok.imc.templates", *dir)
	}
	if len(pos) != 1 {
		return usageError("imc agreement: give a FILE or ID (or --templates DIR)")
	}
	if *format != "md" && *format != "html" && *format != "fragment" {
		return usageError(fmt.Sprintf("imc agreement: --format %q: must be md, html or fragment", *format))
	}
	x, err := c.load(ctx, cmd, pos[0])
	if err != nil {
		return err
	}
	var custom []byte
	if *tmpl != "" {
		if custom, err = os.ReadFile(*tmpl); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--template: %v", err)
		}
	}
	cat, err := c.catalogue()
	if err != nil {
		return err
	}
	d, err := imc.Render(x, cat, custom, c.day())
	if err != nil {
		return err
	}
	text := map[string]func() string{"md": d.Markdown, "html": d.Standalone, "fragment": d.HTML}[*format]()
	if err := writeOutput(*out, c.stdout, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}); err != nil {
		return err
	}
	if d.Missing > 0 {
		fmt.Fprintf(c.stderr, "The agreement marks %d required item(s) as missing (MANGLER).\n", d.Missing)
	}
	return nil
}
