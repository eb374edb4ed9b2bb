package testkit

import (
	"errors"
	"testing"
)

// fatalTB records Fatal instead of ending the test it stands for.
type fatalTB struct {
	testing.TB
	fatal []any
}

func (f *fatalTB) Helper()           {}
func (f *fatalTB) Fatal(args ...any) { f.fatal = append(f.fatal, args...) }

func TestOnce(t *testing.T) {
	calls := 0
	get := Once(func() (int, error) { calls++; return 42, nil })
	for range 3 {
		if v := get(t); v != 42 {
			t.Errorf("got %d, want 42", v)
		}
	}
	if calls != 1 {
		t.Errorf("load called %d times, want once", calls)
	}

	failed := 0
	bad := Once(func() (string, error) { failed++; return "", errors.New("no data") })
	for i := range 2 {
		tb := &fatalTB{TB: t}
		bad(tb)
		if len(tb.fatal) != 1 || tb.fatal[0].(error).Error() != "no data" {
			t.Errorf("caller %d: Fatal with %v, want the load's error", i+1, tb.fatal)
		}
	}
	if failed != 1 {
		t.Errorf("failing load called %d times, want once", failed)
	}
}
