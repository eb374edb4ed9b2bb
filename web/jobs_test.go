package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist"
	"generalist/internal/testkit"
	"generalist/jobs"
	"generalist/sqlstore"
	"generalist/web"
)

// withJobs gives the server a job queue on its own store that runs
// workers jobs at a time (0: it only queues).
func withJobs(t *testing.T, workers int) func(*web.Config) {
	return func(cfg *web.Config) {
		db := cfg.App.Store.(*sqlstore.DB)
		q, err := jobs.New(riversqlite.New(db.SQL()), cfg.App, jobs.Config{Workers: workers, PollInterval: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Jobs = testkit.Started(t, q)
	}
}

// rawKey finds a message key of the job pages, or a formatting error, in
// page text.
var rawKey = regexp.MustCompile(`[> (]jobs\.[a-z.]+|%!`)

// waitJob polls GET /api/v1/jobs/{id} until the job has ended.
func waitJob(t *testing.T, c *client, id int64) map[string]any {
	t.Helper()
	for {
		code, body := c.do("GET", fmt.Sprintf("/api/v1/jobs/%d", id), "", "")
		if code != http.StatusOK {
			t.Fatalf("GET job %d = %d %s", id, code, body)
		}
		var j map[string]any
		if err := json.Unmarshal([]byte(body), &j); err != nil {
			t.Fatal(err)
		}
		if s := j["state"]; s == "done" || s == "failed" || s == "cancelled" {
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestJobsAPI queues an ensemble through POST /api/v1/jobs with a write
// token, follows it to its result, shows it to its owner and an
// administrator only, and refuses bad parameters with a 400 that names
// the field, with nothing queued.
func TestJobsAPI(t *testing.T) {
	a := newAuthServer(t, withJobs(t, 1))
	analyst := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	other := addUser(t, a.db, "annen", generalist.UserAnalyst, "")
	addUser(t, a.db, "sjef", generalist.UserAdmin, "")
	c := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, analyst, generalist.ScopeWrite)}

	code, body := c.do("POST", "/api/v1/jobs", "application/json", `{"kind": "ensemble", "params": {"floor": 5000, "steps": 2000, "seed": 3, "variant": "reversible"}}`)
	if code != http.StatusAccepted {
		t.Fatalf("POST /api/v1/jobs = %d %s; want 202", code, body)
	}
	var created struct {
		ID  int64  `json:"id"`
		URL string `json:"url"`
	}
	if err := json.Unmarshal([]byte(body), &created); err != nil || created.URL != fmt.Sprintf("/api/v1/jobs/%d", created.ID) {
		t.Fatalf("answer %s: %v", body, err)
	}
	j := waitJob(t, c, created.ID)
	res, _ := j["result"].(map[string]any)
	if j["state"] != "done" || j["progress"] != 1.0 || res == nil || res["steps"] != 2000.0 || res["variant"] != "reversible" || res["edges"] == nil {
		t.Fatalf("job = %.400v; want done with the ensemble of 2000 reversible steps", j)
	}
	if p, _ := j["params"].(map[string]any); p["floor"] != 5000.0 || p["seed"] != 3.0 {
		t.Errorf("params = %v; want the API's names and values", j["params"])
	}

	// Another analyst does not see it; an administrator does.
	if code, _ := signIn(t, a.URL, other.Name).do("GET", created.URL, "", ""); code != http.StatusNotFound {
		t.Errorf("another analyst's GET = %d; want 404", code)
	}
	admin := signIn(t, a.URL, "sjef")
	if code, _ := admin.do("GET", created.URL, "", ""); code != http.StatusOK {
		t.Errorf("administrator's GET = %d; want 200", code)
	}
	if code, body := signIn(t, a.URL, other.Name).do("GET", "/api/v1/jobs", "", ""); code != http.StatusOK || !strings.Contains(body, `"jobs": []`) {
		t.Errorf("another analyst's list = %d %s; want none", code, body)
	}

	// The owner's pages.
	s := signIn(t, a.URL, analyst.Name)
	if code, body := s.do("GET", "/jobber", "", ""); code != http.StatusOK || !strings.Contains(body, fmt.Sprintf(`href="/jobber/%d"`, created.ID)) ||
		!strings.Contains(body, `id="jobs-new-form"`) || rawKey.MatchString(body) {
		t.Errorf("GET /jobber = %d, lists the job: %v", code, strings.Contains(body, "/jobber/"))
	}
	if code, body := s.do("GET", fmt.Sprintf("/jobber/%d", created.ID), "", ""); code != http.StatusOK || !strings.Contains(body, `<progress id="job-progress" max="1000" value="1000">`) ||
		!strings.Contains(body, "ferdig") || !strings.Contains(body, "job-result-ensemble") || !strings.Contains(body, `id="job-json"`) {
		t.Errorf("GET /jobber/%d = %d; want the done job with its progress bar and result", created.ID, code)
	} else if m := rawKey.FindString(body); m != "" {
		t.Errorf("GET /jobber/%d shows %q: a message key or a formatting error, not a text", created.ID, m)
	}

	// In English every percentage is written the English way ("95%"), the
	// table's headers as the summary's share of changed steps.
	if code, body := s.do("GET", fmt.Sprintf("/jobber/%d?lang=en", created.ID), "", ""); code != http.StatusOK ||
		!strings.Contains(body, `class="num">5%</th>`) || !strings.Contains(body, `class="num">95%</th>`) || regexp.MustCompile(`\d[\s\x{a0}]%`).MatchString(body) {
		t.Errorf("GET /jobber/%d?lang=en = %d, %q; want every percentage as 95%%", created.ID, code, regexp.MustCompile(`.{40}\d[\s\x{a0}]%.{10}`).FindString(body))
	}

	// A search with each of two tasks' floors.
	code, body = c.do("POST", "/api/v1/jobs", "application/json", `{"kind": "tasks-search", "params": {"tasks": ["barnevern", "ppt"]}}`)
	if code != http.StatusAccepted || json.Unmarshal([]byte(body), &created) != nil {
		t.Fatalf("POST tasks-search = %d %s; want 202", code, body)
	}
	if j := waitJob(t, c, created.ID); j["state"] != "done" || j["total"] != 2.0 {
		t.Errorf("tasks-search job = %.300v; want done over 2 tasks", j)
	}
	if code, body := s.do("GET", fmt.Sprintf("/jobber/%d", created.ID), "", ""); code != http.StatusOK || !strings.Contains(body, "job-result-tasks") || rawKey.MatchString(body) {
		t.Errorf("GET /jobber/%d = %d (%q); want the tasks' results in words", created.ID, code, rawKey.FindString(body))
	}

	for _, tt := range []struct{ body, want string }{
		{`{"kind": "tasks-search", "params": {"tasks": "barnevern"}}`, "params.tasks"},
		{`{"kind": "tasks-search", "params": {"task": "barnevern"}}`, "params.task"},
		{`{"kind": "tasks-search", "params": {"tasks": ["ingen"]}}`, "tasks[0]"},
		{`{"kind": "ensemble", "params": {"floor": 5000, "steps": "many"}}`, "params.steps"},
		{`{"kind": "ensemble", "params": {"floor": 5000, "steps": 100000001}}`, "params.steps"},
		{`{"kind": "search", "params": {"flor": 5000}}`, "params.flor"},
		{`{"kind": "search", "params": {"floor": [1]}}`, "params.floor"},
		{`{"kind": "search", "params": {"floor": 5000, "objective": "fun"}}`, "objective"},
		{`{"kind": "search", "params": {"floor": 5000, "lock": "0301+9999"}}`, "lock"},
		{`{"kind": "ensemble", "params": {"floor": 5000, "variant": "slow"}}`, "variant"},
		{`{"kind": "evaluate", "params": {"scenarios": []}}`, "scenarios"},
		{`{"kind": "report", "params": {"scenarios": ["kommunereformen-2020"], "format": "pdf"}}`, "format"},
		{`{"kind": "sort"}`, "kind"},
		{`{"kind": "search", "params": {"floor": 5000}, "extra": 1}`, "extra"},
		{`not json`, "request body"},
	} {
		code, body := c.do("POST", "/api/v1/jobs", "application/json", tt.body)
		if code != http.StatusBadRequest || !strings.Contains(body, tt.want) {
			t.Errorf("POST %s = %d %s; want 400 naming %s", tt.body, code, body, tt.want)
		}
	}
	var list struct {
		Jobs []struct {
			ID int64 `json:"id"`
		} `json:"jobs"`
	}
	if code, body := c.do("GET", "/api/v1/jobs", "", ""); code != http.StatusOK || json.Unmarshal([]byte(body), &list) != nil || len(list.Jobs) != 2 || list.Jobs[0].ID != created.ID {
		t.Errorf("after the refusals the analyst's jobs are %d %.200s; want the two jobs", code, body)
	}
	read := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, analyst, generalist.ScopeRead)}
	if code, _ := read.do("POST", "/api/v1/jobs", "application/json", `{"kind": "search", "params": {"floor": 5000}}`); code != http.StatusForbidden {
		t.Errorf("POST with a read token = %d; want 403", code)
	}
}

// TestJobsFormAndCancel queues an ensemble from the search page's form,
// which lands on the job's page, and cancels it there before any worker
// takes it (the server runs none).
func TestJobsFormAndCancel(t *testing.T) {
	a := newAuthServer(t, withJobs(t, 0))
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	s := signIn(t, a.URL, "analytiker")
	code, loc := s.form("/jobber", url.Values{"kind": {"ensemble"}, "floor": {"5000"}, "steps": {"1000000"}, "structure": {"2024"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/jobber/") {
		t.Fatalf("POST /jobber = %d %s; want a redirect to the job's page", code, loc)
	}
	code, body := s.do("GET", loc, "", "")
	if code != http.StatusOK || !strings.Contains(body, "i kø") || !strings.Contains(body, `action="`+loc+`/avbryt"`) || !strings.Contains(body, `id="job-reload"`) {
		t.Fatalf("GET %s = %d; want the queued job with a reload link and a cancel button", loc, code)
	}
	if code, to := s.form(loc+"/avbryt", url.Values{}); code != http.StatusSeeOther || to != loc {
		t.Fatalf("cancel = %d %s", code, to)
	}
	if code, body := s.do("GET", "/api"+strings.Replace(loc, "/jobber/", "/v1/jobs/", 1), "", ""); code != http.StatusOK || !strings.Contains(body, `"state": "cancelled"`) {
		t.Errorf("after cancel the job is %d %s; want cancelled", code, body)
	}
	if code, _ := s.form("/jobber", url.Values{"kind": {"ensemble"}, "floor": {"-3"}}); code != http.StatusBadRequest {
		t.Errorf("POST /jobber with floor -3 = %d; want 400", code)
	}
	// The search page offers the same run as a job to an analyst, with a
	// form token, and not to the public.
	if code, body := s.do("GET", "/sok?floor=5000", "", ""); code != http.StatusOK || !strings.Contains(body, `id="job-form"`) || strings.Contains(body, `name="csrf" value=""`) {
		t.Errorf("GET /sok as analyst = %d; want the job form with a form token", code)
	}
	resp, err := http.Get(a.URL + "/sok?floor=5000")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(b), `id="job-form"`) {
		t.Error("GET /sok without signing in shows the job form")
	}
}
