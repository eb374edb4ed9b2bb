package app

import (
	"context"

	"generalist"
)

// exportPage is how many inputs one page of an export reads.
const exportPage = 1000

// PublishedInputs returns the public view of every published input
// (innspill) matching f, whatever f's statuses, limit and offset: the
// export of the web and the CLI. It pages until a page comes back empty:
// not by the total, which the store caps (generalist.InputCountLimit), nor
// by a short page, which a store that lowers the page limit would give.
func (a *App) PublishedInputs(ctx context.Context, f generalist.InputFilter) ([]generalist.InputExport, error) {
	f.Statuses = []generalist.InputStatus{generalist.InputPublished}
	f.Limit, f.Offset = exportPage, 0
	all := []generalist.InputExport{}
	for {
		ins, _, err := a.Store.ListInputs(ctx, f)
		if err != nil {
			return nil, err
		}
		if len(ins) == 0 {
			return all, nil
		}
		for i := range ins {
			all = append(all, ins[i].Export())
		}
		f.Offset += len(ins)
	}
}
