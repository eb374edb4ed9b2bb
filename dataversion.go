package generalist

import "context"

// DataVersionStore reports the store's data version: a number that moves,
// in the same transaction, with every committed change to the records the
// published pages and the derived models rest on (datasets, indicators,
// parameter changes, economy tables, the cooperation registry, stored
// scenarios and published inputs), and does not move otherwise. Reading
// it is one small query, cheap enough for every request; several
// processes on one store therefore see each other's changes at once
// (docs/decisions/0015-data-version.md).
type DataVersionStore interface {
	DataVersion(ctx context.Context) (int64, error)
}
