package planfile

import (
	"io"
	"strconv"

	"generalist"
)

// Columns of the assignment table, in order; Row.Cells adds more after
// them.
const (
	ColNumber      = "kommunenummer"
	ColName        = "kommunenavn"
	ColGroup       = "gruppe"
	ColGroupName   = "gruppenavn"
	ColCentre      = "senter"
	ColInhabitants = "innbyggere"
)

// Row is one municipality of the base structure and its place in the
// scenario.
type Row struct {
	Number, Name string
	// Group is the municipality number of the municipality it belongs
	// to after the scenario (the centre's, for a merger; its own when it
	// stays alone), GroupName that municipality's name and Centre its
	// centre.
	Group, GroupName, Centre string
	// Inhabitants is the municipality's own population in the scenario's
	// year; nil without data (an empty cell).
	Inhabitants *int64
	// Cells are the values of the extra columns (cooperation and task
	// differentiation per task), by column name; a missing one is empty.
	Cells map[string]string
}

// WriteCSV writes the assignment table: a header, then one row per
// municipality, comma-separated with a decimal point (the standard
// variant; generalist.ExcelCSV makes the Norwegian-Excel one). Every cell
// goes through generalist.NewCSVWriter.
func WriteCSV(w io.Writer, extra []string, rows []Row) error {
	cw := generalist.NewCSVWriter(w)
	head := append([]string{ColNumber, ColName, ColGroup, ColGroupName, ColCentre, ColInhabitants}, extra...)
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		inh := ""
		if r.Inhabitants != nil {
			inh = strconv.FormatInt(*r.Inhabitants, 10)
		}
		rec := []string{r.Number, r.Name, r.Group, r.GroupName, r.Centre, inh}
		for _, c := range extra {
			rec = append(rec, r.Cells[c])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
