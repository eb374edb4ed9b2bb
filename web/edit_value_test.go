package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"generalist"
)

// TestParamChangeNoEcho: a value far outside the range, or a long text
// that is no number, is refused without the page writing it out (1e308
// would be 309 digits), and nothing is stored.
func TestParamChangeNoEcho(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	c := signIn(t, ts.URL, "testanalytiker")
	for _, v := range []string{"1e308", "-1e300", "1e-300", strings.Repeat("9", 400) + "x"} {
		code, page := c.form("/oppgaver/endring", url.Values{"task": {"barnevern"}, "field": {"min_team"}, "value": {v}, "note": {"n"}})
		if code != http.StatusBadRequest || strings.Contains(page, "000000000000000000000") || strings.Contains(page, "99999999999999999999999") {
			t.Errorf("value %.20s…: %d, or the page writes the value out", v, code)
		}
	}
	if changes, err := db.ParamChanges(t.Context()); err != nil || len(changes) != 0 {
		t.Errorf("stored changes = %d, %v; want none", len(changes), err)
	}
}
