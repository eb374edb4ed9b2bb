package postgres_test

import (
	"context"
	"strings"
	"testing"

	"generalist"
	"generalist/storetest"
)

// TestRefuseNUL: a NUL character in text, which PostgreSQL's text cannot
// hold, is refused as bad input (EINVALID, a 400 on the web), not a
// failure of the store (a 500), and nothing is stored.
func TestRefuseNUL(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenPostgres(t)
	err := db.CreateScenario(ctx, &generalist.Scenario{ID: "s", Name: "a\x00b", Structure: generalist.Structure2024, Year: 2026})
	if generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("a scenario named with a NUL = %v, want EINVALID", err)
	}
	if scs, err := db.Scenarios(ctx); err != nil || len(scs) != 0 {
		t.Errorf("after the refusal: %d scenarios, %v", len(scs), err)
	}
	for _, id := range []string{"a\x00", "\x00"} {
		if _, err := db.Scenario(ctx, id); generalist.ErrorCode(err) == generalist.EINTERNAL {
			t.Errorf("Scenario(%q) = %v, a failure of the store", id, err)
		}
	}
}

// TestRefuseNULInsertReturning: an INSERT whose answer is the new row's
// id (a *sql.Row, which carries only the driver's error) refuses a NUL as
// bad input too.
func TestRefuseNULInsertReturning(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenPostgres(t)
	u := &generalist.User{Name: "kari", FullName: "Kari\x00Nordmann", Role: generalist.UserAnalyst, PasswordHash: "x"}
	if err := db.CreateUser(ctx, u); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(generalist.ErrorMessage(err), "NUL") {
		t.Errorf("a user named with a NUL = %v, want EINVALID saying NUL", err)
	}
}
