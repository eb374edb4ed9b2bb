package web_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/internal/browser"
)

// TestBrowserCapacityCooperation drives /kapasitet on a real server and
// an SQLite store of its own: with an empty registry every task's
// cooperation form is "ukjent" (never "ingen" or 0) and the page says
// once what that means; after the shipped examples are registered and the
// user ticks "regn med eksempelsamarbeidene", the tasks the examples cover
// get a number, one of them different from the figure alone, and the
// others stay unknown.
func TestBrowserCapacityCooperation(t *testing.T) {
	ctx := context.Background()
	db := openLoaded(t, filepath.Join(t.TempDir(), "capacity.db"))
	a := app.New(db)
	ts := serveApp(t, a)

	bctx := browser.Tab(t, 120*time.Second)
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(js string) []map[string]string {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[[]map[string]string](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// cells reads, per task id, the text of the column form
	// (alone, with, coverage) of the per-task table.
	cells := func(form string) map[string]string {
		t.Helper()
		rows := eval(`[...document.querySelectorAll('#task-summary tbody tr')].map(tr => ({task: tr.dataset.task, v: tr.querySelector('[data-form="` + form + `"]').innerText}))`)
		out := map[string]string{}
		for _, r := range rows {
			out[r["task"]] = strings.TrimSpace(strings.ReplaceAll(r["v"], "\u00a0", " "))
		}
		if len(out) == 0 {
			t.Fatalf("no rows in the per-task table")
		}
		return out
	}
	first := func(s string) string {
		if f := strings.Fields(s); len(f) > 0 {
			return f[0]
		}
		return ""
	}

	run(chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(ts.URL+"/kapasitet"), chromedp.WaitVisible(chromedp.CSS(`#task-summary`)))
	for task, v := range cells("with") {
		if v != "ukjent" {
			t.Errorf("empty registry: %s with cooperation = %q, want ukjent", task, v)
		}
	}
	note, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(`#unknown-note`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(note, "det betyr ikke at ingen gjør det") {
		t.Errorf("unknown note = %q", note)
	}
	browser.Screenshot(t, bctx, "capacity-empty-registry")

	// Register the shipped examples (marked as examples) and tick the box.
	examples, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportIMCs(ctx, examples, generalist.IMCEdit{Author: "browser test"}, false); err != nil {
		t.Fatal(err)
	}
	a.Changed()
	var covered []string
	for i := range examples {
		if examples[i].ActiveOn("2026-01-01") {
			for _, arr := range examples[i].Arrangements() {
				covered = append(covered, arr.Task)
			}
		}
	}
	// Without the box the examples do not count: still unknown.
	run(chromedp.Navigate(ts.URL+"/kapasitet"), chromedp.WaitVisible(chromedp.CSS(`#task-summary`)))
	for task, v := range cells("with") {
		if v != "ukjent" {
			t.Errorf("examples registered, box not ticked: %s = %q, want ukjent", task, v)
		}
	}
	run(chromedp.Click(chromedp.CSS(`#examples`)), chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)))
	// The old page has a task summary too: wait for the new address, then
	// for the new page's summary.
	var loc string
	for range 100 {
		if loc, err = chromedp.Run(bctx, chromedp.Location()); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(loc, "examples=1") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(loc, "examples=1") {
		t.Fatalf("after ticking the box, location = %s", loc)
	}
	run(chromedp.WaitVisible(chromedp.CSS(`#task-summary`)))
	checked, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.getElementById('examples').checked`))
	if err != nil || !checked {
		t.Error("the box is not ticked on the page it led to")
	}
	alone, with := cells("alone"), cells("with")
	moved := false
	for task, v := range with {
		if !slices.Contains(covered, task) {
			if v != "ukjent" {
				t.Errorf("%s is not covered by the examples but shows %q with cooperation", task, v)
			}
			continue
		}
		if v == "ukjent" {
			t.Errorf("%s is covered by the examples but its cooperation form is unknown", task)
		}
		if first(v) != first(alone[task]) {
			moved = true
		}
	}
	if !moved {
		t.Errorf("no covered task (%v) differs from its figure alone: alone %v, with %v", covered, alone, with)
	}
	browser.Screenshot(t, bctx, "capacity-examples-1400")
	run(chromedp.EmulateViewport(390, 900), chromedp.Navigate(ts.URL+"/kapasitet?examples=1&lang=en"), chromedp.WaitVisible(chromedp.CSS(`#task-summary`)))
	browser.Screenshot(t, bctx, "capacity-examples-390-en")
}
