package web

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/imc"
)

// Bringing today's cooperation into the registry from a file: the CSV
// template, the import page (upload, preview, confirm) and the import API.
// Any signed-in analyst, editor or administrator may import; an editor
// only cooperations their municipality takes part in (mayEditIMC). The use
// case is app.ImportCooperations: every problem with its line and column,
// one transaction, examples never from a file.

// maxImportFile bounds a file sent to the import page or API: some ten
// thousand rows, far more than a county's overview.
const maxImportFile = 4 << 20

func (s *Server) imcImportRoutes() {
	s.page("GET /samarbeid/mal.csv", accessPublic, s.handleIMCTemplate)
	s.page("GET /samarbeid/importer", accessSignedIn, s.handleIMCImportForm)
	s.page("POST /samarbeid/importer", accessSignedIn, s.handleIMCImport)
	s.api("POST /api/v1/imc/import", accessSignedIn, s.apiIMCImport)
}

// handleIMCTemplate sends the template with a byte order mark, so that
// Excel reads æ, ø and å as UTF-8.
func (s *Server) handleIMCTemplate(w http.ResponseWriter, r *http.Request) error {
	b, name, err := app.CooperationTemplate()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	writeBytes(w, http.StatusOK, "text/csv; charset=utf-8", append([]byte("\xef\xbb\xbf"), b...))
	return nil
}

// importPage is the import page's state: what was sent (kept so that the
// confirmation sends the same file) and the plan or its problems.
type importPage struct {
	FileName, Format, Source string
	Replace                  bool
	// Content is the file, base64-encoded, once one has been sent.
	Content string
	Plan    *app.ImportPlan
	// Problems are the plan's problems as the page says them.
	Problems []importProblem
	// Error is why the file was refused as a whole, in the page's
	// language; ErrorTech its technical detail, if any.
	Error, ErrorTech string
	Done             bool
	Columns          []string
}

// importProblem is a problem with its place said in the page's language.
type importProblem struct {
	Line        int
	Column      string
	Cooperation string
	Text        string
}

func (s *Server) importRender(w http.ResponseWriter, r *http.Request, status int, d *importPage) {
	d.Columns = templateColumns()
	s.imcRender(w, r, status, "imc_import.tmpl", msg(langOf(r), "imc.import"), imcPage{Data: d})
}

// templateColumns are the columns of the template's header.
func templateColumns() []string {
	b, _, _ := app.CooperationTemplate()
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			return strings.Split(strings.TrimSpace(l), ";")
		}
	}
	return nil
}

func (s *Server) handleIMCImportForm(w http.ResponseWriter, r *http.Request) error {
	s.importRender(w, r, http.StatusOK, &importPage{})
	return nil
}

// handleIMCImport previews (step=preview) or imports (step=import) a
// file: sent as the file field, or, from the preview's confirmation, as
// the content field.
func (s *Server) handleIMCImport(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	d := &importPage{Source: strings.TrimSpace(r.FormValue("source")), Replace: r.FormValue("replace") != ""}
	b, name, err := importUpload(r)
	if err != nil {
		d.Error, d.ErrorTech = errorText(lang, err)
		if errors.Is(err, errNoFile) {
			d.Error, d.ErrorTech = msg(lang, "imc.import.nofile"), ""
		}
		s.importRender(w, r, http.StatusBadRequest, d)
		return nil
	}
	d.FileName, d.Content = name, base64.StdEncoding.EncodeToString(b)
	confirm := r.FormValue("step") == "import"
	plan, err := s.app.ImportCooperations(r.Context(), app.CooperationImport{
		File: b, Name: name, Source: d.Source, Replace: d.Replace, DryRun: !confirm, Today: s.today(),
		Edit: generalist.IMCEdit{Author: s.viewer(r).Name(), Note: "Importert fra filen «" + name + "»"},
		May:  s.mayImport(r),
	})
	d.Plan = plan
	if plan != nil {
		d.Format = plan.Format
		for _, p := range plan.Problems {
			d.Problems = append(d.Problems, sayProblem(lang, p))
		}
	}
	switch {
	case err != nil && len(d.Problems) == 0:
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, d.ErrorTech = errorText(lang, err)
		s.importRender(w, r, statusOf[generalist.ErrorCode(err)], d)
	case err != nil:
		s.importRender(w, r, statusOf[generalist.ErrorCode(err)], d)
	default:
		if plan.Imported {
			s.log.Info("cooperations imported", "file", name, "created", plan.Created, "updated", plan.Updated, "author", s.viewer(r).Name(), "remote", r.RemoteAddr)
			d.Done, d.Content = true, ""
		}
		s.importRender(w, r, http.StatusOK, d)
	}
	return nil
}

var errNoFile = generalist.Errorf(generalist.EINVALID, "choose a file to import")

// importUpload reads the file of the import form: the uploaded file, or
// the content the preview sent back. The guard has parsed the form.
func importUpload(r *http.Request) ([]byte, string, error) {
	if c := r.FormValue("content"); c != "" {
		b, err := base64.StdEncoding.DecodeString(c)
		if err != nil || len(b) > maxImportFile {
			return nil, "", generalist.Errorw(generalist.EINVALID, "err.upload.damaged", "the file sent back from the preview is damaged; choose the file again")
		}
		return b, importName(r.FormValue("name")), nil
	}
	f, fh, err := r.FormFile("file")
	if err != nil {
		return nil, "", errNoFile
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxImportFile+1))
	if err != nil {
		return nil, "", generalist.Errorw(generalist.EINVALID, "err.upload.unreadable", "the file could not be read: %v", err)
	}
	if len(b) > maxImportFile {
		return nil, "", generalist.Errorw(generalist.EINVALID, "err.upload.large", "the file is larger than %d MB", maxImportFile>>20)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, "", errNoFile
	}
	return b, importName(fh.Filename), nil
}

// importName is the file's own name, without a path, bounded, as
// messages show it.
func importName(n string) string {
	n = n[strings.LastIndexAny(n, `/\`)+1:]
	n = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, n)
	if n == "" {
		return "fil"
	}
	if r := []rune(n); len(r) > 100 {
		n = string(r[:100])
	}
	return n
}

// mayImport refuses, for a municipality editor, a cooperation its
// municipality does not take part in (before or after the import).
func (s *Server) mayImport(r *http.Request) func(cur, next *generalist.IMC) error {
	return func(cur, next *generalist.IMC) error {
		n := *next
		n.Version = 0 // a file's version is not the one read
		return s.mayEditIMC(r, cur, &n)
	}
}

// sayProblem words a problem in the page's language: its place, and for
// the kinds the page knows, what to do.
func sayProblem(lang string, p imc.Problem) importProblem {
	out := importProblem{Line: p.Line, Column: p.Column, Cooperation: p.Cooperation, Text: p.Message}
	switch p.Kind {
	case imc.KindSource:
		out.Text = msg(lang, "imc.import.p.source")
	case imc.KindExample:
		out.Text = msg(lang, "imc.import.p.example")
		if p.Column == "" {
			out.Text = msg(lang, "imc.import.p.examplename")
		}
	case imc.KindRegistered:
		out.Text = msg(lang, "imc.import.p.registered")
	}
	return out
}

// apiIMCImport imports the body: JSON (application/json) or CSV (text/csv,
// or anything else), with ?source=, ?replace=1, ?strict=1 and ?dry_run=1.
// A refused file is 400 (409 when the only problems are registered
// names) with every problem; nothing is stored.
func (s *Server) apiIMCImport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	b, format, err := importBody(w, r, map[string]string{"application/json": "json",
		"text/csv": "csv", "text/plain": "csv", "text/tab-separated-values": "csv"})
	if err != nil {
		return err
	}
	var replace, strict, dry bool
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"replace", &replace}, {"strict", &strict}, {"dry_run", &dry}} {
		if *f.dst, err = boolParam(q, f.name); err != nil {
			return err
		}
	}
	plan, err := s.app.ImportCooperations(r.Context(), app.CooperationImport{
		File: b, Name: "request body", Format: format, Source: q.Get("source"), Replace: replace, Strict: strict, DryRun: dry, Today: s.today(),
		Edit: generalist.IMCEdit{Author: s.viewer(r).Name(), Note: q.Get("note")},
		May:  s.mayImport(r),
	})
	if err != nil {
		if plan == nil || !writeRefused(w, err, plan.Problems, map[string]any{"plan": plan}) {
			return err
		}
		return nil
	}
	if plan.Imported {
		s.log.Info("cooperations imported", "created", plan.Created, "updated", plan.Updated, "author", s.viewer(r).Name(), "remote", r.RemoteAddr)
	}
	writeJSON(w, http.StatusOK, plan)
	return nil
}
