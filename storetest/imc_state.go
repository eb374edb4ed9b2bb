package storetest

import (
	"context"
	"testing"

	"generalist"
)

// testCooperationState: the registry's state changes with every write
// (create, update, delete, import) and not with a failed one.
func testCooperationState(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	state := func() generalist.IMCRegistryState {
		t.Helper()
		s, err := db.IMCRegistryState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := state(); got != (generalist.IMCRegistryState{}) {
		t.Errorf("empty registry: state = %+v, want zero", got)
	}
	ex := examples(t)
	c := ex[0]
	if err := db.CreateIMC(ctx, &c, editor); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), (generalist.IMCRegistryState{Cooperations: 1, Revisions: 1, LastID: c.ID}); got != want {
		t.Errorf("after create: state = %+v, want %+v", got, want)
	}
	c.Notes = "endret"
	if err := db.UpdateIMC(ctx, &c, editor); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), (generalist.IMCRegistryState{Cooperations: 1, Revisions: 2, LastID: c.ID}); got != want {
		t.Errorf("after update: state = %+v, want %+v", got, want)
	}
	before := state()
	stale := c
	stale.Version = 1
	if err := db.UpdateIMC(ctx, &stale, editor); generalist.ErrorCode(err) != generalist.ECONFLICT {
		t.Fatalf("stale update = %v, want ECONFLICT", err)
	}
	if got := state(); got != before {
		t.Errorf("after a refused update: state = %+v, want %+v", got, before)
	}
	if err := db.DeleteIMC(ctx, c.ID, c.Version, editor); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), (generalist.IMCRegistryState{Cooperations: 0, Revisions: 3, LastID: c.ID}); got != want {
		t.Errorf("after delete: state = %+v, want %+v", got, want)
	}
	if _, _, err := db.ImportIMCs(ctx, ex[1:], editor, false); err != nil {
		t.Fatal(err)
	}
	got := state()
	if got.Cooperations != len(ex)-1 || got.Revisions != 3+len(ex)-1 || got.LastID <= c.ID {
		t.Errorf("after importing %d: state = %+v", len(ex)-1, got)
	}
}
