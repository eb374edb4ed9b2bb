package refdata

import (
	"fmt"
	"io/fs"

	"generalist"
)

// parseMapping reads a change file from one structure to the next and
// validates it against both municipality lists (every old municipality
// maps, every new one is reached, splits and only splits have several
// parts).
func parseMapping(fsys fs.FS, from, to generalist.Structure, ref *generalist.Reference) error {
	name := fmt.Sprintf("kommuneendringer_%d_%d.csv", from, to)
	cf, ct := fmt.Sprintf("kommunenummer_%d", from), fmt.Sprintf("kommunenummer_%d", to)
	m := generalist.Mapping{From: from, To: to}
	t, err := readRows(fsys, name, []string{cf, fmt.Sprintf("kommunenavn_%d", from), ct, fmt.Sprintf("kommunenavn_%d", to), "endringstype"}, func(r row) error {
		var c generalist.Change
		var err error
		if c.From, err = r.municipality(cf); err != nil {
			return err
		}
		if c.To, err = r.municipality(ct); err != nil {
			return err
		}
		if c.Kind, err = generalist.ParseChangeKind(r.str("endringstype")); err != nil {
			return r.errorf("endringstype", "%s", generalist.ErrorMessage(err))
		}
		if c.Kind == generalist.Unchanged && c.From != c.To {
			return r.errorf("endringstype", "uendret but %s became %s", c.From, c.To)
		}
		m.Changes = append(m.Changes, c)
		return nil
	})
	if err != nil {
		return err
	}
	var fromMs, toMs []generalist.Municipality
	for _, x := range ref.Municipalities {
		switch x.Structure {
		case from:
			fromMs = append(fromMs, x)
		case to:
			toMs = append(toMs, x)
		}
	}
	if err := m.Validate(fromMs, toMs); err != nil {
		return generalist.Errorf(generalist.EINVALID, "%s: %s", name, generalist.ErrorMessage(err))
	}
	ref.Mappings = append(ref.Mappings, m)
	ref.Datasets = append(ref.Datasets, t.dataset())
	return nil
}
