package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
	"generalist/auth"
	"generalist/sqlite"
)

// TestUserCommands adds, lists, disables and gives tokens to users through
// the CLI and checks the store and the audit log after each step.
func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "users.db")
	withStdin := func(s string) func() {
		old := stdin
		stdin = strings.NewReader(s)
		return func() { stdin = old }
	}
	restore := withStdin("et langt og hemmelig passord\n")
	_, _, err := runCmd("user", "add", "kari", "--role", "analyst", "--full-name", "Kari Nordmann", "--password-stdin", "--db", db)
	restore()
	if err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"ShortPassword":    {"user", "add", "ola", "--role", "analyst", "--password-stdin"},
		"BadRole":          {"user", "add", "ola", "--role", "king", "--password-stdin"},
		"EditorNoMuni":     {"user", "add", "ola", "--role", "editor", "--password-stdin"},
		"BadMunicipality":  {"user", "add", "ola", "--role", "editor", "--municipality", "03x1", "--password-stdin"},
		"BadName":          {"user", "add", "Ola Nordmann", "--role", "analyst", "--password-stdin"},
		"Duplicate":        {"user", "add", "kari", "--role", "analyst", "--password-stdin"},
		"UnknownCommand":   {"user", "promote", "kari"},
		"BadScope":         {"user", "token", "kari", "--scope", "root"},
		"UnknownUser":      {"user", "disable", "nobody"},
		"RevokeNotANumber": {"user", "revoke", "abc"},
	} {
		pw := "et langt og hemmelig passord\n"
		if name == "ShortPassword" {
			pw = "kort\n"
		}
		restore := withStdin(pw)
		_, _, err := runCmd(append(args, "--db", db)...)
		restore()
		if err == nil {
			t.Errorf("%s: %v succeeded", name, args)
		}
	}
	out, _, err := runCmd("user", "list", "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Users []map[string]any }
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list.Users) != 1 || list.Users[0]["name"] != "kari" || list.Users[0]["role"] != "analyst" {
		t.Fatalf("user list = %s", out)
	}
	tok, _, err := runCmd("user", "token", "kari", "--scope", "write", "--label", "import", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	tok = strings.TrimSpace(tok)
	if !auth.LooksLikeToken(tok) {
		t.Fatalf("token output %q is not a token", tok)
	}
	if _, _, err := runCmd("user", "disable", "kari", "--db", db); err != nil {
		t.Fatal(err)
	}
	// Check the store directly: the password is a hash, the token is
	// stored as its hash and revoked by disabling, and the audit log has
	// every change by the CLI user.
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UserByName(ctx, "kari")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := auth.VerifyPassword("et langt og hemmelig passord", u.PasswordHash); !ok || err != nil || !u.Disabled || u.FullName != "Kari Nordmann" {
		t.Errorf("stored user: %+v (password ok %v %v)", u, ok, err)
	}
	if _, err := s.TokenByHash(ctx, auth.HashSecret(tok)); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("the token of a disabled user still works: %v", err)
	}
	es, err := s.Audit(ctx, generalist.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range es {
		if !strings.HasPrefix(e.User, "cli:") {
			t.Errorf("audit entry by %q, want cli:…", e.User)
		}
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ","); got != "user disable,user token,user add" {
		t.Errorf("audit actions (newest first) = %s", got)
	}
}

// TestCLIChangesAudited: a change made with the CLI (here a task
// parameter and a scenario) lands in the audit log as cli:<login>; a
// refused change does not.
func TestCLIChangesAudited(t *testing.T) {
	db := filepath.Join(t.TempDir(), "audit.db")
	if _, _, err := runCmd("tasks", "set", "barnevern", "min_team", "4", "--note", "test", "--author", "Kari", "--db", db); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd("tasks", "set", "nosuch", "min_team", "4", "--note", "test", "--author", "Kari", "--db", db); err == nil {
		t.Fatal("an unknown task was accepted")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	es, err := s.Audit(ctx, generalist.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Action != "tasks set" || es[0].Target != "barnevern" || !strings.HasPrefix(es[0].User, "cli:") {
		t.Errorf("audit = %+v, want one tasks set on barnevern by cli:…", es)
	}
}
