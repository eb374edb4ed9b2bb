package sqlstore

import (
	"database/sql/driver"
	"reflect"
	"strings"

	"generalist"
)

// refuseNUL refuses a text argument that holds a NUL character: the text
// of PostgreSQL cannot hold one (SQLite's can), and the driver's error
// would be a failure of the store (a 500) where the input is at fault.
// Both backends refuse it alike, before the statement runs.
func refuseNUL(args []any) error {
	for _, a := range args {
		if hasNUL(a) {
			s := reflect.ValueOf(a).String()
			if len(s) > 40 {
				s = s[:40] + "…"
			}
			return generalist.Errorf(generalist.EINVALID, "the text %q holds a NUL character (\\x00), which cannot be stored; remove it", s)
		}
	}
	return nil
}

func hasNUL(a any) bool {
	v := reflect.ValueOf(a)
	return v.Kind() == reflect.String && strings.IndexByte(v.String(), 0) >= 0
}

// nulSafe is args for a statement whose answer is a *sql.Row, which can
// carry only the driver's error: a text holding a NUL becomes a value
// the driver refuses with refuseNUL's error (wrapped, so that the error
// is still EINVALID).
func nulSafe(args []any) []any {
	err := refuseNUL(args)
	if err == nil {
		return args
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if hasNUL(a) {
			out[i] = refusedText{err}
		}
	}
	return out
}

type refusedText struct{ err error }

func (r refusedText) Value() (driver.Value, error) { return nil, r.err }
