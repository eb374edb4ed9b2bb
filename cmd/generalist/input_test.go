package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlite"
)

func TestInputCommands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "innspill.db")
	if _, _, err := runCmd("stats", "--db", path); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for i, text := range []string{"Små kommuner mister fagfolk til byene, og vikarene koster mye.", "Et felles barnevern har gitt et sterkere fagmiljø."} {
		in := &generalist.Input{Kind: generalist.InputChallenge, Title: []string{"Fagfolk flytter", "Felles barnevern"}[i], Text: text,
			Tags: []generalist.InputTag{"utfordring.rekruttering"}, Municipality: "1151", SenderType: generalist.SenderPerson,
			Name: "Kari Testperson", Email: "kari@example.no", Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew}
		if err := db.CreateInput(ctx, in); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, in.Reference)
	}
	db.Close()

	out, _, err := runCmd("input", "list", "--db", path, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Total  int                `json:"total"`
		Inputs []generalist.Input `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || list.Total != 2 || list.Inputs[0].ID != 2 {
		t.Fatalf("input list --json = %s (%v)", out, err)
	}
	if out, _, err = runCmd("input", "moderate", "1", "publish", "--db", path, "--author", "testanalytiker"); err != nil || !strings.Contains(out, "published") {
		t.Fatalf("input moderate 1 publish = %q, %v", out, err)
	}
	if _, _, err := runCmd("input", "moderate", "2", "reject", "--db", path); generalist.ErrorCode(err) != generalist.EINVALID || exitCode(err) != 1 {
		t.Errorf("reject without a reason = %v, want EINVALID", err)
	}
	if _, _, err := runCmd("input", "moderate", "x", "publish", "--db", path); exitCode(err) != 2 {
		t.Errorf("moderate x = %v, want a usage error", err)
	}
	out, _, err = runCmd("input", "export", "--format", "csv", "--db", path)
	if err != nil || !strings.Contains(out, "Fagfolk flytter") || strings.Contains(out, "Felles barnevern") || strings.Contains(out, "Kari") || strings.Contains(out, "example.no") {
		t.Errorf("input export --format csv = %q, %v; want the published input without personal data", out, err)
	}
	out, _, err = runCmd("input", "list", "--db", path, "--status", "published", "--tag", "utfordring.rekruttering", "--q", "fagfolk")
	if err != nil || !strings.Contains(out, "Fagfolk flytter") || !strings.Contains(out, "1 of 1 inputs") {
		t.Errorf("input list (filtered) = %q, %v", out, err)
	}
	if _, _, err := runCmd("input", "erase", "1", "--db", path); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd("input", "show", refs[0], "--db", path)
	if err != nil || strings.Contains(out, "Kari") || strings.Contains(out, "example.no") || !strings.Contains(out, "Personal data erased") {
		t.Errorf("input show after erase = %q, %v", out, err)
	}
	if _, _, err := runCmd("input", "merge", "2", "--into", "1", "--db", path); err != nil {
		t.Errorf("input merge = %v", err)
	}
	if _, _, err := runCmd("input", "withdraw", refs[1], "--db", path); err != nil {
		t.Errorf("input withdraw = %v", err)
	}
}
