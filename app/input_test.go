package app_test

import (
	"context"
	"fmt"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestPublishedInputsAll exports more published inputs than the store
// counts (generalist.InputCountLimit) and more than two pages: every one
// comes out once, and the inputs not published stay out. (The export
// used to stop when its offset passed the capped total, after 2,000.)
func TestPublishedInputsAll(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	const published = 2*1000 + 150
	var ins []*generalist.Input
	for i := range published + 30 {
		status := generalist.InputPublished
		if i >= published {
			status = generalist.InputNew
		}
		ins = append(ins, &generalist.Input{Reference: generalist.NewInputReference(), Kind: generalist.InputChallenge,
			Title: fmt.Sprintf("Testinnspill %d", i), Text: fmt.Sprintf("Testdata, ikke et ekte innspill: utfordring nummer %d for eksporten.", i),
			SenderType: generalist.SenderPerson, Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: status})
	}
	if err := db.ImportInputs(ctx, ins); err != nil {
		t.Fatal(err)
	}
	got, err := app.New(db).PublishedInputs(ctx, generalist.InputFilter{Limit: 5, Offset: 7, Statuses: []generalist.InputStatus{generalist.InputNew}})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range got {
		seen[e.Title] = true
	}
	if len(got) != published || len(seen) != published {
		t.Errorf("PublishedInputs gave %d inputs (%d distinct), want the %d published", len(got), len(seen), published)
	}
	if seen[fmt.Sprintf("Testinnspill %d", published)] {
		t.Error("PublishedInputs gave an input that is not published")
	}
}
