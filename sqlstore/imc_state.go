package sqlstore

import (
	"context"

	"generalist"
)

// IMCRegistryState implements generalist.IMCStateStore: three counts in
// one statement, so that the application can check the registry for
// changes on every data-version check without reading a record.
func (db *DB) IMCRegistryState(ctx context.Context) (s generalist.IMCRegistryState, err error) {
	defer db.wrapIMC(&err, "read the registry's state")
	err = db.queryRow(ctx, `SELECT
		(SELECT count(*) FROM imc WHERE NOT deleted),
		(SELECT count(*) FROM imc_revisions),
		(SELECT coalesce(max(id), 0) FROM imc)`).Scan(&s.Cooperations, &s.Revisions, &s.LastID)
	return s, err
}
