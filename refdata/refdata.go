// Package refdata parses the reference data files of data/ into domain
// values, strictly: a malformed number, an unknown county or municipality, a
// duplicate row, a wrong column count or a total that does not add up is an
// error that names the file, the line and the field. Files are checked
// against each other as well (counties against municipality lists, time
// series against detailed files, single ages against totals, change
// mappings against both structures).
//
// Parse takes an fs.FS so tests can feed it broken copies; Embedded parses
// the files compiled into the binary (package data).
package refdata

import (
	"io/fs"

	"generalist"
	"generalist/data"
)

// Embedded parses the reference files embedded in the binary.
func Embedded() (*generalist.Reference, error) { return Parse(data.FS) }

// Parse reads and cross-checks every reference file in fsys.
func Parse(fsys fs.FS) (*generalist.Reference, error) {
	ref := &generalist.Reference{}
	for _, s := range generalist.Structures {
		if err := parseStructure(fsys, s, ref); err != nil {
			return nil, err
		}
	}
	if err := parseMapping(fsys, generalist.Structure2019, generalist.Structure2020, ref); err != nil {
		return nil, err
	}
	if err := parseMapping(fsys, generalist.Structure2020, generalist.Structure2024, ref); err != nil {
		return nil, err
	}
	if err := parsePopulations(fsys, ref); err != nil {
		return nil, err
	}
	if err := parseFacts(fsys, ref); err != nil {
		return nil, err
	}
	if err := parseNordic(fsys, ref); err != nil {
		return nil, err
	}
	return ref, nil
}
