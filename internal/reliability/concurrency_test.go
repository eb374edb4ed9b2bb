package reliability

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/storetest"
)

// TestConcurrentServers runs three `generalist serve` processes on one
// PostgreSQL schema and sends them conflicting edits at once:
//
//   - rounds of many clients saving the same version of one cooperation,
//     spread over the servers: exactly one wins each round, the rest get
//     409, and the final version is the number of wins plus one;
//   - clients in read-modify-write loops on another cooperation, retrying
//     after 409: no update is lost (the history holds every acknowledged
//     save exactly once);
//   - the same new scenario id sent to every server at once: exactly one
//     201, the rest 409;
//
// and then reads the database: no duplicate rows, one audit entry per
// acknowledged change, and the store passes its integrity check.
func TestConcurrentServers(t *testing.T) {
	if os.Getenv(storetest.EnvDatabaseURL) == "" && os.Getenv(storetest.EnvRequirePostgres) != "1" {
		t.Skipf("needs PostgreSQL: set %s (./scripts/test does)", storetest.EnvDatabaseURL)
	}
	ctx := context.Background()
	b := postgresBackend(t)
	token := setup(t, b)
	const nServers = 3
	servers := startServers(t, b, nServers)
	c := newClient(token)
	url := func(i int, path string) string { return servers[i%nServers].base + path }

	// 1. The same version of cooperation 1 from many clients at once.
	const rounds, clients = 8, 12
	winners := map[int]string{} // version → the winner's notes
	for round := 1; round <= rounds; round++ {
		var cur map[string]any
		if _, err := c.get(ctx, url(round, "/api/v1/imc/1"), &cur); err != nil {
			t.Fatal(err)
		}
		v := int(cur["version"].(float64))
		if v != round {
			t.Fatalf("round %d starts at version %d", round, v)
		}
		statuses := make([]int, clients)
		bodies := make([]string, clients)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range clients {
			body := map[string]any{}
			for k, x := range cur {
				body[k] = x
			}
			body["notes"] = fmt.Sprintf("round %d, client %d", round, i)
			wg.Go(func() {
				<-start
				status, b, err := c.do(ctx, http.MethodPut, url(i, "/api/v1/imc/1"), map[string]any{"note": "race", "cooperation": body})
				if err != nil {
					t.Errorf("round %d client %d: %v", round, i, err)
				}
				statuses[i], bodies[i] = status, string(b)
			})
		}
		close(start)
		wg.Wait()
		won := 0
		for i, s := range statuses {
			switch s {
			case http.StatusOK:
				won++
				winners[v+1] = fmt.Sprintf("round %d, client %d", round, i)
			case http.StatusConflict:
			default:
				t.Errorf("round %d client %d: %d %s, want 200 or 409", round, i, s, bodies[i])
			}
		}
		if won != 1 {
			t.Errorf("round %d: %d clients saved version %d, want exactly 1", round, won, v)
		}
	}
	var final generalist.IMC
	if _, err := c.get(ctx, url(0, "/api/v1/imc/1"), &final); err != nil {
		t.Fatal(err)
	}
	if final.Version != len(winners)+1 {
		t.Errorf("cooperation 1 is at version %d after %d acknowledged saves; want %d", final.Version, len(winners), len(winners)+1)
	}
	for v, notes := range winners {
		var got generalist.IMC
		if _, err := c.get(ctx, url(v, fmt.Sprintf("/api/v1/imc/1/versions/%d", v)), &got); err != nil || got.Notes != notes {
			t.Errorf("version %d holds %q (%v), the winner sent %q", v, got.Notes, err, notes)
		}
	}

	// 2. Read-modify-write loops on cooperation 2, each on a different
	// server from the one it read on half of the time.
	const loopers, edits = 6, 5
	var mu sync.Mutex
	saved := map[string]bool{}
	conflicts := 0
	var wg sync.WaitGroup
	for i := range loopers {
		wg.Go(func() {
			for j, try := 0, 0; j < edits; try++ {
				var cur map[string]any
				if _, err := c.get(ctx, url(i+try, "/api/v1/imc/2"), &cur); err != nil {
					t.Error(err)
					return
				}
				notes := fmt.Sprintf("looper %d, edit %d", i, j)
				cur["notes"] = notes
				status, b, err := c.do(ctx, http.MethodPut, url(i+try+j, "/api/v1/imc/2"), map[string]any{"note": "loop", "cooperation": cur})
				switch {
				case err != nil:
					t.Error(err)
					return
				case status == http.StatusOK:
					mu.Lock()
					saved[notes] = true
					mu.Unlock()
					j++
				case status == http.StatusConflict:
					mu.Lock()
					conflicts++
					mu.Unlock()
				default:
					t.Errorf("looper %d: %d %s", i, status, b)
					return
				}
			}
		})
	}
	wg.Wait()

	// 3. The same scenario id on every server at once.
	const ids, perID = 8, 6
	created := 0
	for k := range ids {
		id := fmt.Sprintf("race-%d", k)
		statuses := make([]int, perID)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range perID {
			wg.Go(func() {
				<-start
				status, b, err := c.do(ctx, http.MethodPost, url(i, "/api/v1/scenarios"),
					map[string]any{"id": id, "name": fmt.Sprintf("Race %d from client %d", k, i), "structure": 2024, "year": 2026})
				if err != nil {
					t.Errorf("%s client %d: %v", id, i, err)
				}
				if status != http.StatusCreated && status != http.StatusConflict {
					t.Errorf("%s client %d: %d %s, want 201 or 409", id, i, status, b)
				}
				statuses[i] = status
			})
		}
		close(start)
		wg.Wait()
		n := 0
		for _, s := range statuses {
			if s == http.StatusCreated {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d clients got 201, want exactly 1", id, n)
		}
		created += n
	}
	for _, s := range servers {
		s.stop(t)
	}

	// The database: no duplicates, every acknowledged change audited once.
	db, err := b.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h1, err := db.IMCHistory(ctx, 1)
	if err != nil || len(h1) != rounds+1 {
		t.Errorf("cooperation 1 has %d revisions (%v), want %d", len(h1), err, rounds+1)
	}
	h2, err := db.IMCHistory(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(h2) != 1+len(saved) || len(saved) != loopers*edits {
		t.Errorf("cooperation 2 has %d revisions after %d acknowledged saves (of %d), want %d", len(h2), len(saved), loopers*edits, 1+len(saved))
	}
	seen := map[string]int{}
	for _, r := range h2[:] {
		v, err := db.IMCVersion(ctx, 2, r.Version)
		if err != nil {
			t.Fatal(err)
		}
		seen[v.Notes]++
	}
	for notes := range saved {
		if seen[notes] != 1 {
			t.Errorf("the acknowledged save %q is in the history %d times, want once (a lost or doubled update)", notes, seen[notes])
		}
	}
	scs, err := db.Scenarios(ctx)
	if err != nil {
		t.Fatal(err)
	}
	race := 0
	for _, s := range scs {
		if strings.HasPrefix(s.ID, "race-") {
			race++
		}
	}
	if race != ids || created != ids {
		t.Errorf("%d race scenarios stored, %d acknowledged; want %d", race, created, ids)
	}
	audit, err := db.Audit(ctx, generalist.AuditFilter{User: "admin", Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, e := range audit {
		actions[e.Action]++
	}
	if got, want := actions["PUT /api/v1/imc/{imc}"], rounds+len(saved); got != want {
		t.Errorf("%d audit entries for cooperation saves, want %d (one per acknowledged save)", got, want)
	}
	if got := actions["POST /api/v1/scenarios"]; got != ids {
		t.Errorf("%d audit entries for scenario creation, want %d", got, ids)
	}
	r, err := db.CheckStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Errorf("the store check found: %q", r.Problems)
	}
	summary := map[string]any{
		"servers": nServers, "same_version_rounds": rounds, "clients_per_round": clients, "round_winners": len(winners),
		"round_409": rounds*clients - len(winners), "loop_saves": len(saved), "loop_409": conflicts,
		"cooperation_1_version": final.Version, "cooperation_2_revisions": len(h2),
		"scenario_ids": ids, "clients_per_id": perID, "scenarios_created": created, "scenario_409": ids*perID - created,
		"checks": r.Checks, "skipped": r.Skipped,
	}
	js, _ := json.Marshal(summary)
	t.Logf("summary: %s", js)
	if p := os.Getenv("GENERALIST_RELIABILITY_REPORT"); p != "" {
		os.WriteFile(p, js, 0o644)
	}
}
