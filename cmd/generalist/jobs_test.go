package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist/auth"
	"generalist/jobs"
	"generalist/refdata"
	"generalist/sqlstore"
	"generalist/storetest"
)

// The tests below run the command as separate processes: the test binary
// itself, which runs main when GENERALIST_TEST_AS_MAIN is set.
func init() {
	if os.Getenv("GENERALIST_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
}

// jobStore is a store the processes of a test share: a SQLite file, or a
// PostgreSQL schema (DATABASE_URL for the processes).
type jobStore struct {
	name, url string
	// env is what the processes need besides --db; db the flag.
	env []string
	db  string
	// open opens the store in the test process.
	open func(t *testing.T) *sqlstore.DB
}

func jobStores(t *testing.T) []jobStore {
	path := filepath.Join(t.TempDir(), "jobs.db")
	out := []jobStore{{name: "sqlite", env: []string{"DATABASE_URL="}, db: path, open: func(t *testing.T) *sqlstore.DB {
		return ensured(t, storetest.OpenSQLiteAt(t, path))
	}}}
	if os.Getenv(storetest.EnvDatabaseURL) != "" || os.Getenv(storetest.EnvRequirePostgres) == "1" {
		url := storetest.PostgresURL(t)
		out = append(out, jobStore{name: "postgres", url: url, env: []string{"DATABASE_URL=" + url}, db: path, open: func(t *testing.T) *sqlstore.DB {
			return ensured(t, storetest.OpenPostgresAt(t, url))
		}})
	}
	return out
}

// ensured is db holding the reference data: loaded by the first process
// that opens the store, found there by the others.
func ensured(t *testing.T, db *sqlstore.DB) *sqlstore.DB {
	t.Helper()
	if _, err := refdata.Ensure(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

// queue opens the store's queue in the test process (it runs no jobs),
// with the driver openQueue would choose.
func (s jobStore) queue(t *testing.T) *jobs.Queue {
	db := s.open(t)
	var q *jobs.Queue
	var err error
	if s.url == "" {
		q, err = jobs.New(riversqlite.New(db.SQL()), app.New(db), jobs.Config{})
	} else {
		pool, perr := pgxpool.New(context.Background(), s.url)
		if perr != nil {
			t.Fatal(perr)
		}
		t.Cleanup(pool.Close)
		q, err = jobs.New(riverpgxv5.New(pool), app.New(db), jobs.Config{})
	}
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// proc is the command running as a process of its own.
type proc struct {
	cmd *exec.Cmd
	out *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// start runs generalist args as a process with env; it is killed when t
// ends, and its output is logged if t failed.
func start(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "GENERALIST_TEST_AS_MAIN=1"), env...)
	p := &proc{cmd: cmd, out: &lockedBuffer{}}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("generalist %s:\n%s", strings.Join(args, " "), p.out)
		}
	})
	return p
}

// address waits for serve's first line and returns its address.
func (p *proc) address(t *testing.T) string {
	t.Helper()
	for {
		out := p.out.String()
		if i := strings.Index(out, "serving http://"); i >= 0 {
			rest := out[i+len("serving http://"):]
			if j := strings.Index(rest, "/"); j >= 0 {
				return rest[:j]
			}
		}
		if p.cmd.ProcessState != nil {
			t.Fatalf("serve ended: %s", out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor polls job id in q until cond holds.
func waitFor(t *testing.T, q *jobs.Queue, id int64, cond func(*jobs.Job) bool) *jobs.Job {
	t.Helper()
	for {
		j, err := q.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if cond(j) {
			return j
		}
		if j.State == jobs.StateFailed || j.State == jobs.StateCancelled {
			t.Fatalf("job %d ended %s: %s", id, j.State, j.Error)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// resultWithoutTimes is a job's result without the run's timings.
func resultWithoutTimes(t *testing.T, j *jobs.Job) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(j.Result, &m); err != nil {
		t.Fatalf("job %d: result %.80s: %v", j.ID, j.Result, err)
	}
	delete(m, "seconds")
	b, _ := json.Marshal(m)
	return string(b)
}

// TestWorkerKilledMidJob kills (SIGKILL) the worker running a job; a
// second worker, started afterwards, takes the job once River's rescuer
// finds it stuck, and finishes it once, with the result a run of the same
// parameters gives. On both stores.
func TestWorkerKilledMidJob(t *testing.T) {
	for _, s := range jobStores(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			q := s.queue(t)
			ctx := context.Background()
			p := jobs.EnsembleParams{SearchParams: jobs.SearchParams{Structure: 2024, Floor: 5000, Seed: 11}, Steps: 4000}
			j, err := q.Enqueue(ctx, cliOwner, p)
			if err != nil {
				t.Fatal(err)
			}
			// The first worker holds the job running after its first
			// progress, so it cannot finish before it is killed.
			first := start(t, append(s.env, "GENERALIST_TEST_HOLD_JOBS=1"), "worker", "--db", s.db, "--workers", "1")
			running := waitFor(t, q, j.ID, func(j *jobs.Job) bool { return j.State == jobs.StateRunning && j.Done > 0 })
			if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			first.cmd.Wait()
			if got, _ := q.Get(ctx, j.ID); got.State != jobs.StateRunning {
				t.Fatalf("after the kill the job is %s; want still running (nobody has noticed)", got.State)
			}
			// The second takes it for dead 10 s after it started; it
			// becomes River's leader, and so runs the rescuer, once the
			// first's leadership has expired.
			start(t, s.env, "worker", "--db", s.db, "--workers", "1", "--job-timeout", "9s", "--rescue-after", "10s")
			done := waitFor(t, q, j.ID, func(j *jobs.Job) bool { return j.State == jobs.StateDone })
			if done.Attempt != 2 || done.Worker == running.Worker {
				t.Errorf("done after %d runs by %s (the killed worker was %s); want 2 runs, the last by the second worker", done.Attempt, done.Worker, running.Worker)
			}
			// The same parameters as a new job, run once by the second
			// worker: the same result.
			again, err := q.Enqueue(ctx, cliOwner, p)
			if err != nil {
				t.Fatal(err)
			}
			ref := waitFor(t, q, again.ID, func(j *jobs.Job) bool { return j.State == jobs.StateDone })
			if ref.Attempt != 1 || resultWithoutTimes(t, ref) != resultWithoutTimes(t, done) {
				t.Errorf("the rescued job's result differs from a run of the same parameters:\n%.300s\n%.300s", resultWithoutTimes(t, done), resultWithoutTimes(t, ref))
			}
		})
	}
}

// TestServersAndWorkersShareQueue runs two servers that run no jobs and
// two workers on one store: jobs queued through either server through
// the API are run by the workers, each by one, and both servers show
// every job done.
func TestServersAndWorkersShareQueue(t *testing.T) {
	for _, s := range jobStores(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			db := s.open(t)
			ctx := context.Background()
			h, err := auth.HashPassword("passord-for-test", auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
			if err != nil {
				t.Fatal(err)
			}
			u := &generalist.User{Name: "analytiker", Role: generalist.UserAnalyst, PasswordHash: h}
			if err := db.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			secret, prefix := auth.NewToken()
			if err := db.CreateToken(ctx, &generalist.APIToken{UserID: u.ID, Name: "t", Scope: generalist.ScopeWrite, Hash: auth.HashSecret(secret), Prefix: prefix}); err != nil {
				t.Fatal(err)
			}
			var servers []string
			for range 2 {
				servers = append(servers, start(t, s.env, "serve", "--db", s.db, "--addr", "127.0.0.1:0", "--no-worker").address(t))
			}
			for range 2 {
				start(t, s.env, "worker", "--db", s.db, "--workers", "1")
			}
			call := func(method, server, path, body string) (int, map[string]any) {
				req, _ := http.NewRequest(method, "http://"+server+path, strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+secret)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				var m map[string]any
				b, _ := io.ReadAll(resp.Body)
				if err := json.Unmarshal(b, &m); err != nil {
					t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
				}
				return resp.StatusCode, m
			}
			var ids []string
			for i := range 6 {
				code, m := call("POST", servers[i%2], "/api/v1/jobs", fmt.Sprintf(`{"kind": "ensemble", "params": {"floor": 5000, "steps": 6000, "seed": %d}}`, i+1))
				if code != http.StatusAccepted {
					t.Fatalf("POST /api/v1/jobs to server %d = %d %v", i%2, code, m)
				}
				ids = append(ids, fmt.Sprint(m["id"]))
			}
			ran := map[string]int{}
			for i, id := range ids {
				for {
					// Each job is read from the server it was not queued
					// through.
					code, j := call("GET", servers[(i+1)%2], "/api/v1/jobs/"+id, "")
					if code != http.StatusOK {
						t.Fatalf("GET job %s = %d %v", id, code, j)
					}
					if j["state"] == "done" {
						if j["attempt"] != 1.0 {
							t.Errorf("job %s ran %v times; want once", id, j["attempt"])
						}
						ran[fmt.Sprint(j["worker"])]++
						break
					}
					if j["state"] == "failed" || j["state"] == "cancelled" {
						t.Fatalf("job %s: %v", id, j)
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
			if len(ran) != 2 {
				t.Errorf("the jobs were run by %v; want both workers", ran)
			}
		})
	}
}

// TestJobsCLI queues an ensemble with search ensemble --job, lists,
// shows, cancels and waits for jobs, and refuses bad arguments.
func TestJobsCLI(t *testing.T) {
	s := jobStores(t)[0]
	out, _, err := runCmd("search", "ensemble", "--floor", "5000", "--steps", "500", "--seed", "4", "--job", "--db", s.db)
	if err != nil || !strings.Contains(out, "Queued job 1 (ensemble)") {
		t.Fatalf("search ensemble --job = %q, %v", out, err)
	}
	if out, _, err := runCmd("jobs", "list", "--db", s.db); err != nil || !strings.Contains(out, "ensemble  queued") {
		t.Errorf("jobs list = %q, %v; want the queued ensemble", out, err)
	}
	if out, _, err := runCmd("jobs", "cancel", "1", "--db", s.db); err != nil || !strings.Contains(out, "Job 1 is cancelled") {
		t.Errorf("jobs cancel 1 = %q, %v", out, err)
	}
	if _, _, err := runCmd("jobs", "wait", "1", "--db", s.db); err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("jobs wait on a cancelled job = %v; want an error saying so", err)
	}
	for _, args := range [][]string{{"jobs", "show", "x"}, {"jobs", "show"}, {"jobs", "nosuch"}, {"search", "groups", "--floor", "5000", "--job", "--graph", "x"},
		{"search", "ensemble", "--floor", "5000", "--job", "--sample-every", "10", "--out", "x.csv"}} {
		if _, _, err := runCmd(append(args, "--db", s.db)...); exitCode(err) != 2 {
			t.Errorf("%v = %v (exit %d); want a usage error", args, err, exitCode(err))
		}
	}
	if _, _, err := runCmd("search", "ensemble", "--floor", "5000", "--variant", "reversible", "--lock", "0301+9999", "--job", "--db", s.db); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("search ensemble --job with a bad lock = %v; want EINVALID before anything is queued", err)
	}
	// A worker in this process runs the next one; wait shows it done.
	db := s.open(t)
	q, err := jobs.New(riversqlite.New(db.SQL()), app.New(db), jobs.Config{Workers: 1, PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(context.Background())
	if _, _, err := runCmd("search", "groups", "--floor", "5000", "--job", "--db", s.db); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd("jobs", "wait", "2", "--json", "--db", s.db)
	var j jobs.Job
	if err != nil || json.Unmarshal([]byte(out), &j) != nil || j.State != jobs.StateDone || j.Kind != jobs.KindSearch || j.Result == nil {
		t.Fatalf("jobs wait 2 --json = %.300s, %v; want the done search with its result", out, err)
	}
}
