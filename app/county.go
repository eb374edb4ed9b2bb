package app

import (
	"sync"

	"generalist"
	"generalist/refdata"
)

// embeddedCounty is the county task catalogue embedded in the binary; it
// is read once and never changed.
var embeddedCounty = sync.OnceValues(refdata.EmbeddedCountyTasks)

// CountyTasks returns the county authority's task catalogue
// (data/fylkesoppgaver.csv) for the web pages, the API and the CLI, and
// for the scenarios' county lever. Callers must not change it.
func (a *App) CountyTasks() (*generalist.CountyCatalogue, error) {
	return embeddedCounty()
}
