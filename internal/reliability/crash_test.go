package reliability

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"generalist"
	"generalist/refdata"
)

// TestCrash kills `generalist serve` (and a CLI import running beside
// it) with SIGKILL at random moments while writers save new scenarios,
// edit cooperations with their version and import population tables and
// indicators, restarts it, and checks after every kill that
//
//   - every acknowledged write (201 or 200 received, CLI exit status 0) is
//     in the store with exactly the content sent;
//   - nothing unacknowledged is there in part: a scenario, a cooperation
//     version, a population table or an indicator is there whole, with
//     the content sent, or not at all;
//   - every acknowledged change has its audit entry;
//   - the store passes its integrity check (sqlstore.CheckStore);
//
// and after the last kill that a restarted server serves every
// acknowledged write. It runs only with GENERALIST_CRASH=1
// (scripts/crash-test); GENERALIST_CRASH_BACKEND (sqlite, postgres or
// both), GENERALIST_CRASH_ROUNDS (default 25) and GENERALIST_CRASH_SEED
// choose what and how; GENERALIST_CRASH_REPORT names a file for the
// results as JSON.
func TestCrash(t *testing.T) {
	if os.Getenv("GENERALIST_CRASH") != "1" {
		t.Skip("the crash test runs only with GENERALIST_CRASH=1 (scripts/crash-test)")
	}
	rounds := 25
	if s := os.Getenv("GENERALIST_CRASH_ROUNDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("GENERALIST_CRASH_ROUNDS=%q", s)
		}
		rounds = n
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("GENERALIST_CRASH_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("GENERALIST_CRASH_SEED=%q", s)
		}
		seed = n
	}
	which := os.Getenv("GENERALIST_CRASH_BACKEND")
	if which == "" {
		which = "both"
	}
	t.Logf("rounds %d, seed %d (GENERALIST_CRASH_SEED), backend %s", rounds, seed, which)
	var results []*crashResult
	for _, name := range []string{"sqlite", "postgres"} {
		if which != "both" && which != name {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var b *backend
			if name == "sqlite" {
				b = sqliteBackend(t)
			} else {
				b = postgresBackend(t)
			}
			r := crash(t, b, rounds, rand.New(rand.NewPCG(seed, 1)))
			r.Seed = seed
			results = append(results, r)
			js, _ := json.MarshalIndent(r, "", "  ")
			t.Logf("%s", js)
		})
	}
	if p := os.Getenv("GENERALIST_CRASH_REPORT"); p != "" {
		js, _ := json.MarshalIndent(results, "", "  ")
		if err := os.WriteFile(p, js, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// counts are what happened to one kind of write.
type counts struct {
	Sent  int `json:"sent"`  // requests sent or processes started
	Acked int `json:"acked"` // 201/200 received, or exit status 0
	// Present: in the store after the kills (all acknowledged ones, and
	// those whose commit happened but whose answer was lost).
	Present int `json:"present"`
	// PresentUnacked: committed, but the answer never arrived.
	PresentUnacked int `json:"present_unacked"`
	// Lost: acknowledged but missing or different. Must be 0.
	Lost int `json:"lost"`
	// Partial: there in part or with other content. Must be 0.
	Partial int `json:"partial"`
}

type crashResult struct {
	Backend     string `json:"backend"`
	Seed        uint64 `json:"seed"`
	Rounds      int    `json:"rounds"`
	ServerKills int    `json:"server_kills"`
	// CLIKills: CLI imports killed while they ran.
	CLIKills       int    `json:"cli_kills"`
	KillAfterMinMS int    `json:"kill_after_min_ms"`
	KillAfterMaxMS int    `json:"kill_after_max_ms"`
	Scenarios      counts `json:"scenario_saves"`
	Edits          counts `json:"cooperation_edits"`
	Populations    counts `json:"population_imports"`
	Indicators     counts `json:"indicator_imports"`
	// AuditMissing: acknowledged changes without their audit entry.
	AuditMissing int `json:"audit_missing"`
	// IntegrityChecks: store checks run (one after every kill, one at the
	// end); IntegrityProblems: what they found. Must be 0.
	IntegrityChecks   int      `json:"integrity_checks"`
	IntegrityProblems int      `json:"integrity_problems"`
	Checks            []string `json:"checks"`
	Skipped           []string `json:"checks_skipped,omitempty"`
	// APIVerified: acknowledged writes read back through a restarted server.
	APIVerified int `json:"api_verified"`
}

// sent is one write and whether it was acknowledged.
type sent struct {
	acked bool
	imc   int64 // cooperation edits: the cooperation
	// version is the version an acknowledged cooperation edit made.
	version int
	// present: found whole in the store by the last check.
	present bool
}

// ledger is every write the writers sent.
type ledger struct {
	mu        sync.Mutex
	scenarios map[string]*sent // by id (the name is derived from it)
	edits     map[string]*sent // by the notes sent (unique)
	pops      map[int]*sent    // by year
	inds      map[string]*sent // by indicator id
	// revisions are the cooperation versions read so far, by cooperation
	// and version: revisions never change once written.
	revisions map[int64]map[int]string
	// verified: acknowledged writes already read back through the API.
	verified map[string]bool
}

func scenarioName(id string) string { return "Krasjtest «" + id + "» ✓" }

// munis are the municipalities of the 2024 structure.
func munis(t *testing.T) []generalist.MunicipalityNumber {
	ref, err := refdata.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var out []generalist.MunicipalityNumber
	for _, m := range ref.Municipalities {
		if m.Structure == generalist.Structure2024 {
			out = append(out, m.Number)
		}
	}
	return out
}

// popValue is the population a crash import gives municipality i in year.
func popValue(year, i int) int64 { return int64(1000 + 7*year + i) }

// indValue is the value a crash indicator k has for municipality i.
func indValue(k, year, i int) float64 { return float64(k) + float64(year-2000) + float64(i)/8 }

const indYears = 10 // 2015–2024

func crash(t *testing.T, b *backend, rounds int, rng *rand.Rand) *crashResult {
	ctx := context.Background()
	token := setup(t, b)
	c := newClient(token)
	ms := munis(t)
	led := &ledger{scenarios: map[string]*sent{}, edits: map[string]*sent{}, pops: map[int]*sent{}, inds: map[string]*sent{},
		revisions: map[int64]map[int]string{}, verified: map[string]bool{}}
	res := &crashResult{Backend: b.name, Rounds: rounds, KillAfterMinMS: 1 << 30}
	nextYear, nextInd := 2030, 1

	for round := 1; round <= rounds; round++ {
		srv := startServer(t, b)
		// What the last kill left must be served by the new process.
		res.APIVerified += verifyAPI(t, c, srv, led)

		var mu sync.Mutex // guards dead and cli
		dead := false
		var cli *exec.Cmd
		isDead := func() bool { mu.Lock(); defer mu.Unlock(); return dead }
		wctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		unexpected := func(format string, args ...any) {
			if !isDead() {
				t.Errorf("round %d: "+format, append([]any{round}, args...)...)
			}
		}
		for w := range 2 {
			wg.Go(func() { // scenario saves with new ids
				for k := 0; !isDead(); k++ {
					id := fmt.Sprintf("crash-%d-%d-%d", round, w, k)
					led.mu.Lock()
					led.scenarios[id] = &sent{}
					led.mu.Unlock()
					status, body, err := c.do(wctx, http.MethodPost, srv.base+"/api/v1/scenarios",
						map[string]any{"id": id, "name": scenarioName(id), "description": "skrevet av krasjtesten", "structure": 2024, "year": 2026})
					if err != nil {
						unexpected("POST scenario %s: %v", id, err)
						return
					}
					var got generalist.Scenario
					if status != http.StatusCreated || json.Unmarshal(body, &got) != nil || got.ID != id {
						unexpected("POST scenario %s: %d %s", id, status, body)
						return
					}
					led.mu.Lock()
					led.scenarios[id].acked = true
					led.mu.Unlock()
				}
			})
			wg.Go(func() { // edits of cooperation w+1 with its version
				id := int64(w + 1)
				for k := 0; !isDead(); k++ {
					var cur map[string]any
					if _, err := c.get(wctx, fmt.Sprintf("%s/api/v1/imc/%d", srv.base, id), &cur); err != nil {
						unexpected("GET cooperation %d: %v", id, err)
						return
					}
					notes := fmt.Sprintf("krasj %d-%d-%d", round, id, k)
					cur["notes"] = notes
					led.mu.Lock()
					led.edits[notes] = &sent{imc: id}
					led.mu.Unlock()
					status, body, err := c.do(wctx, http.MethodPut, fmt.Sprintf("%s/api/v1/imc/%d", srv.base, id),
						map[string]any{"note": "krasjtest", "cooperation": cur})
					if err != nil {
						unexpected("PUT cooperation %d: %v", id, err)
						return
					}
					var got generalist.IMC
					if status != http.StatusOK || json.Unmarshal(body, &got) != nil || got.Notes != notes {
						unexpected("PUT cooperation %d: %d %s", id, status, body)
						return
					}
					led.mu.Lock()
					led.edits[notes].acked, led.edits[notes].version = true, got.Version
					led.mu.Unlock()
				}
			})
		}
		wg.Go(func() { // CLI imports, one process after another
			for n := 0; ; n++ {
				var args []string
				var mark func(acked bool)
				if n%2 == 0 {
					year := nextYear
					nextYear++
					file := writePopulation(t, b.dir, year, ms)
					args = []string{"import", file}
					mark = func(acked bool) { led.mu.Lock(); led.pops[year] = &sent{acked: acked}; led.mu.Unlock() }
				} else {
					k := nextInd
					nextInd++
					id := fmt.Sprintf("krasj-%d", k)
					file := writeIndicator(t, b.dir, k, ms)
					args = []string{"indicator", "import", file, "--id", id, "--name", "Krasjtest " + id, "--unit", "stk", "--source", "krasjtesten"}
					mark = func(acked bool) { led.mu.Lock(); led.inds[id] = &sent{acked: acked}; led.mu.Unlock() }
				}
				cmd := b.command(t, args...)
				var stderr strings.Builder
				cmd.Stderr = &stderr
				mu.Lock()
				if dead {
					mu.Unlock()
					return
				}
				if err := cmd.Start(); err != nil {
					mu.Unlock()
					t.Errorf("start %v: %v", args, err)
					return
				}
				cli = cmd
				mark(false) // sent: started
				mu.Unlock()
				err := cmd.Wait()
				mu.Lock()
				cli = nil
				mu.Unlock()
				var ee *exec.ExitError
				switch {
				case err == nil:
					mark(true)
				case errors.As(err, &ee) && ee.ProcessState.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
					res.CLIKills++
					return
				default:
					t.Errorf("round %d: generalist %s: %v\n%s", round, strings.Join(args, " "), err, stderr.String())
					return
				}
			}
		})

		after := time.Duration(100+rng.IntN(2900)) * time.Millisecond
		time.Sleep(after)
		mu.Lock()
		dead = true
		srv.cmd.Process.Signal(syscall.SIGKILL)
		if cli != nil {
			cli.Process.Signal(syscall.SIGKILL)
		}
		mu.Unlock()
		srv.kill() // waits for the process
		cancel()
		wg.Wait()
		res.ServerKills++
		killMS := int(after / time.Millisecond)
		res.KillAfterMinMS, res.KillAfterMaxMS = min(res.KillAfterMinMS, killMS), max(res.KillAfterMaxMS, killMS)

		// The server is dead and the CLI too: read the store directly.
		verifyStore(t, b, led, res)
		if t.Failed() {
			t.Fatalf("round %d failed; server log:\n%s", round, srv.tail())
		}
	}
	// Restart once more: everything acknowledged is served.
	srv := startServer(t, b)
	res.APIVerified += verifyAPI(t, c, srv, led)
	srv.stop(t)
	verifyStore(t, b, led, res)
	tally(led, res)
	return res
}

// writePopulation writes an SSB semicolon CSV (ISO-8859-1, as the
// statbank downloads) of every municipality's population in year.
func writePopulation(t *testing.T, dir string, year int, ms []generalist.MunicipalityNumber) string {
	var b strings.Builder
	b.WriteString("\"Befolkning, etter region, statistikkvariabel og \xe5r\"\n\n\"region\";\"statistikkvariabel\";\"\xe5r\";\"07459: Befolkning\"\n")
	for i, m := range ms {
		fmt.Fprintf(&b, "\"%s Kommune\";\"Personer\";\"%d\";%d\n", m, year, popValue(year, i))
	}
	path := filepath.Join(dir, fmt.Sprintf("pop-%d.csv", year))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeIndicator writes the CSV of crash indicator k: every municipality,
// ten years.
func writeIndicator(t *testing.T, dir string, k int, ms []generalist.MunicipalityNumber) string {
	var b strings.Builder
	b.WriteString("kommunenummer,aar,verdi\n")
	for y := 2015; y < 2015+indYears; y++ {
		for i, m := range ms {
			fmt.Fprintf(&b, "%s,%d,%s\n", m, y, strconv.FormatFloat(indValue(k, y, i), 'f', -1, 64))
		}
	}
	path := filepath.Join(dir, fmt.Sprintf("krasj-%d.csv", k))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// verifyStore opens the store while no process runs on it and checks
// every write ever sent, and the store's integrity.
func verifyStore(t *testing.T, b *backend, led *ledger, res *crashResult) {
	t.Helper()
	ctx := context.Background()
	db, err := b.open(ctx)
	if err != nil {
		t.Fatalf("open the store after the kill: %v", err)
	}
	defer db.Close()
	led.mu.Lock()
	defer led.mu.Unlock()
	ms := munis(t)

	for id, s := range led.scenarios {
		sc, err := db.Scenario(ctx, id)
		s.present = err == nil
		switch {
		case generalist.ErrorCode(err) == generalist.ENOTFOUND:
			if s.acked {
				t.Errorf("the acknowledged scenario %s is missing", id)
			}
		case err != nil:
			t.Errorf("scenario %s: %v", id, err)
		case sc.Name != scenarioName(id) || sc.Structure != 2024 || sc.Year != 2026 || sc.Version != 1:
			t.Errorf("scenario %s is there with other content: %+v", id, sc)
			res.Scenarios.Partial++
			s.present = false
		}
		if s.acked && !s.present {
			res.Scenarios.Lost++
		}
	}

	present := map[string]int{} // cooperation notes → version
	for _, id := range []int64{1, 2} {
		cur, err := db.IMC(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		revs := led.revisions[id]
		if revs == nil {
			revs = map[int]string{}
			led.revisions[id] = revs
		}
		for v := 1; v <= cur.Version; v++ {
			if _, ok := revs[v]; ok {
				continue
			}
			c, err := db.IMCVersion(ctx, id, v)
			if err != nil {
				t.Fatalf("cooperation %d version %d (of %d): %v", id, v, cur.Version, err)
			}
			revs[v] = c.Notes
		}
		for v, notes := range revs {
			if v > cur.Version {
				t.Errorf("cooperation %d: version %d was read before, but the cooperation is now at %d", id, v, cur.Version)
			}
			if v > 1 {
				if _, ok := led.edits[notes]; !ok {
					t.Errorf("cooperation %d version %d has notes %q, which no writer sent", id, v, notes)
				}
				present[notes] = v
			}
		}
		if cur.Notes != revs[cur.Version] {
			t.Errorf("cooperation %d: the current notes %q are not those of its version %d", id, cur.Notes, cur.Version)
		}
	}
	for notes, s := range led.edits {
		v, ok := present[notes]
		s.present = ok
		if s.acked && (!ok || v != s.version) {
			res.Edits.Lost++
		}
		switch {
		case s.acked && !ok:
			t.Errorf("the acknowledged edit %q of cooperation %d (version %d) is missing", notes, s.imc, s.version)
		case s.acked && v != s.version:
			t.Errorf("the acknowledged edit %q is version %d, the server answered %d", notes, v, s.version)
		}
	}

	ds, err := db.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	datasets := map[string]generalist.Dataset{}
	for _, d := range ds {
		datasets[d.Name] = d
	}
	for year, s := range led.pops {
		pops, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: year})
		if err != nil {
			t.Fatal(err)
		}
		d, hasDataset := datasets[fmt.Sprintf("import/pop-%d.csv", year)]
		s.present = false
		switch {
		case len(pops) == 0 && !hasDataset:
			if s.acked {
				t.Errorf("the acknowledged population import of %d is missing", year)
			}
		case len(pops) == len(ms) && hasDataset && d.Rows == len(ms):
			s.present = true
			for i, m := range ms {
				if p := pops[i]; p.Municipality != m || p.Total != generalist.Persons(popValue(year, i)) || p.Missing {
					t.Errorf("population %d of %s is %+v, the import had %d", year, m, p, popValue(year, i))
					s.present = false
					res.Populations.Partial++
					break
				}
			}
		default:
			t.Errorf("the population import of %d is there in part: %d of %d rows, dataset %v", year, len(pops), len(ms), hasDataset)
			res.Populations.Partial++
		}
		if s.acked && !s.present {
			res.Populations.Lost++
		}
	}
	for id, s := range led.inds {
		_, err := db.Indicator(ctx, id)
		s.present = false
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			if s.acked {
				t.Errorf("the acknowledged indicator %s is missing", id)
				res.Indicators.Lost++
			}
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		vals, err := db.IndicatorValues(ctx, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(vals) != indYears*len(ms) {
			t.Errorf("the indicator %s is there in part: %d of %d values", id, len(vals), indYears*len(ms))
			res.Indicators.Partial++
			continue
		}
		s.present = true
		k, _ := strconv.Atoi(strings.TrimPrefix(id, "krasj-"))
		index := map[generalist.MunicipalityNumber]int{}
		for i, m := range ms {
			index[m] = i
		}
		for _, v := range vals {
			if !v.Known || v.Value != indValue(k, v.Year, index[v.Municipality]) {
				s.present = false
				res.Indicators.Partial++
				t.Errorf("indicator %s: %s %d is %v, the import had %v", id, v.Municipality, v.Year, v.Value, indValue(k, v.Year, index[v.Municipality]))
				break
			}
		}
	}

	// Every acknowledged change has its audit entry (the server answers
	// only after recording it).
	audit, err := db.Audit(ctx, generalist.AuditFilter{User: "admin", Limit: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, e := range audit {
		actions[e.Action]++
	}
	ackedScenarios, ackedEdits := 0, 0
	for _, s := range led.scenarios {
		if s.acked {
			ackedScenarios++
		}
	}
	for _, s := range led.edits {
		if s.acked {
			ackedEdits++
		}
	}
	res.AuditMissing = max(0, ackedScenarios-actions["POST /api/v1/scenarios"]) + max(0, ackedEdits-actions["PUT /api/v1/imc/{imc}"])
	if res.AuditMissing > 0 {
		t.Errorf("%d acknowledged changes have no audit entry (%d scenario saves, %d audited; %d edits, %d audited)",
			res.AuditMissing, ackedScenarios, actions["POST /api/v1/scenarios"], ackedEdits, actions["PUT /api/v1/imc/{imc}"])
	}

	r, err := db.CheckStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res.IntegrityChecks++
	res.IntegrityProblems += len(r.Problems)
	res.Checks, res.Skipped = r.Checks, r.Skipped
	for _, p := range r.Problems {
		t.Errorf("store check: %s", p)
	}
}

// verifyAPI reads back through the server every acknowledged write not
// yet read back, and returns how many it read.
func verifyAPI(t *testing.T, c *client, srv *server, led *ledger) int {
	t.Helper()
	ctx := context.Background()
	led.mu.Lock()
	defer led.mu.Unlock()
	n := 0
	for id, s := range led.scenarios {
		if !s.acked || led.verified["s/"+id] {
			continue
		}
		var sc generalist.Scenario
		if _, err := c.get(ctx, srv.base+"/api/v1/scenarios/"+id, &sc); err != nil || sc.Name != scenarioName(id) {
			t.Errorf("the restarted server gives scenario %s as %q (%v)", id, sc.Name, err)
		}
		led.verified["s/"+id] = true
		n++
	}
	for notes, s := range led.edits {
		if !s.acked || led.verified["e/"+notes] {
			continue
		}
		var got generalist.IMC
		if _, err := c.get(ctx, fmt.Sprintf("%s/api/v1/imc/%d/versions/%d", srv.base, s.imc, s.version), &got); err != nil || got.Notes != notes {
			t.Errorf("the restarted server gives cooperation %d version %d with notes %q (%v), want %q", s.imc, s.version, got.Notes, err, notes)
		}
		led.verified["e/"+notes] = true
		n++
	}
	return n
}

// tally counts the ledger into res, with what the last verifyStore found.
func tally(led *ledger, res *crashResult) {
	led.mu.Lock()
	defer led.mu.Unlock()
	count := func(c *counts, s *sent) {
		c.Sent++
		if s.acked {
			c.Acked++
		}
		if s.present {
			c.Present++
			if !s.acked {
				c.PresentUnacked++
			}
		}
	}
	for _, s := range led.scenarios {
		count(&res.Scenarios, s)
	}
	for _, s := range led.edits {
		count(&res.Edits, s)
	}
	for _, s := range led.pops {
		count(&res.Populations, s)
	}
	for _, s := range led.inds {
		count(&res.Indicators, s)
	}
}
