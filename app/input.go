package app

import (
	"context"

	"generalist"
)

// exportPage is how many inputs one page of an export reads.
const exportPage = 1000

// PublishedInputs returns the public view of every published input
// (innspill) matching f, whatever f's statuses, limit and offset: the
// export of the web and the CLI. It pages until a page comes back short,
// not by the total, which the store caps (generalist.InputCountLimit).
func (a *App) PublishedInputs(ctx context.Context, f generalist.InputFilter) ([]generalist.InputExport, error) {
	f.Statuses = []generalist.InputStatus{generalist.InputPublished}
	f.Limit, f.Offset = exportPage, 0
	all := []generalist.InputExport{}
	for {
		ins, _, err := a.Store.ListInputs(ctx, f)
		if err != nil {
			return nil, err
		}
		for i := range ins {
			all = append(all, ins[i].Export())
		}
		if len(ins) < exportPage {
			return all, nil
		}
		f.Offset += len(ins)
	}
}
