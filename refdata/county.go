package refdata

import (
	"io/fs"
	"strings"

	"generalist"
	"generalist/data"
)

// CountyTasksFile is the county authority's task catalogue in package
// data; fylkesoppgaver.md gives its sources.
const CountyTasksFile = "fylkesoppgaver.csv"

// countyTaskColumns are the columns of CountyTasksFile, in order.
var countyTaskColumns = []string{"id", "navn_nb", "name_en", "rolle", "sektor", "lovgrunnlag", "verifisert", "betjener", "kilde", "merknad", "note_en"}

// EmbeddedCountyTasks parses the county task catalogue embedded in the
// binary (data/fylkesoppgaver.csv).
func EmbeddedCountyTasks() (*generalist.CountyCatalogue, error) {
	return ParseCountyTasks(data.FS, CountyTasksFile)
}

// ParseCountyTasks reads a county task catalogue from name in fsys: UTF-8
// CSV with exactly the columns id, navn_nb, name_en, rolle, sektor,
// lovgrunnlag, verifisert (ja, delvis or nei), betjener (cost-key age
// groups separated by spaces; empty for every inhabitant), kilde (sources
// separated by " ; "), merknad and note_en (merknad in English, required
// when merknad is given and refused when it is not). Every error is EINVALID and names the
// file, the line and the field; a task whose legal basis is not fully
// verified must say what is UNVERIFIED (generalist.CountyTask.Validate).
// The version is the file's SHA-256, so a changed file is a new version.
func ParseCountyTasks(fsys fs.FS, name string) (*generalist.CountyCatalogue, error) {
	c := &generalist.CountyCatalogue{}
	seen := map[string]int{}
	t, err := readRows(fsys, name, countyTaskColumns, func(r row) error {
		var ct generalist.CountyTask
		for _, f := range []struct {
			field string
			dst   *string
		}{{"id", &ct.ID}, {"navn_nb", &ct.NameNB}, {"name_en", &ct.NameEN}, {"sektor", &ct.Sector}, {"lovgrunnlag", &ct.LegalBasis}} {
			v, err := r.nonEmpty(f.field)
			if err != nil {
				return err
			}
			*f.dst = strings.TrimSpace(v)
		}
		ct.Role = generalist.Role(strings.TrimSpace(r.str("rolle")))
		ct.Verified = generalist.Verification(strings.TrimSpace(r.str("verifisert")))
		for _, k := range strings.Fields(r.str("betjener")) {
			var g generalist.AgeGroup
			if err := g.UnmarshalText([]byte(k)); err != nil {
				return r.errorf("betjener", "%s", generalist.ErrorMessage(err))
			}
			ct.Served = append(ct.Served, g)
		}
		for _, s := range strings.Split(r.str("kilde"), " ; ") {
			if s = strings.TrimSpace(s); s != "" {
				ct.Sources = append(ct.Sources, s)
			}
		}
		ct.Note = strings.TrimSpace(r.str("merknad"))
		ct.NoteEN = strings.TrimSpace(r.str("note_en"))
		switch {
		case ct.Note != "" && ct.NoteEN == "":
			return r.errorf("note_en", "is empty: give merknad in English")
		case ct.Note == "" && ct.NoteEN != "":
			return r.errorf("note_en", "is given, but merknad is empty: give the note in bokmål too")
		}
		if err := ct.Validate(); err != nil {
			return r.fail("%s", generalist.ErrorMessage(err))
		}
		if line, dup := seen[ct.ID]; dup {
			return r.errorf("id", "%s is already used on line %d", ct.ID, line)
		}
		seen[ct.ID] = r.t.lines[r.i]
		c.Tasks = append(c.Tasks, ct)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.Tasks) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: the catalogue has no tasks", name)
	}
	c.Version = t.sha256[:12]
	return c, nil
}
