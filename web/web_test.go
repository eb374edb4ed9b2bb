package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"generalist/refdata"
	"generalist/sqlite"
	"generalist/web"
)

// newServer starts a real listening server on a loaded SQLite file.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := refdata.Ensure(ctx, db); err != nil {
		t.Fatal(err)
	}
	s, err := web.NewServer(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestServer(t *testing.T) {
	ts := newServer(t)
	t.Run("Home", func(t *testing.T) {
		code, body := get(t, ts.URL+"/")
		if code != http.StatusOK {
			t.Fatalf("GET / = %d", code)
		}
		for _, want := range []string{"tjenesteyter, demokratisk arena, myndighetsutøver og samfunnsutvikler",
			"<td>356</td>", "5 367 580", "5 162,5", "Utsira (198)", "Finland uten Åland", "Statistisk sentralbyrå"} {
			if !strings.Contains(body, want) {
				t.Errorf("GET / lacks %q", want)
			}
		}
	})
	t.Run("APIStats", func(t *testing.T) {
		code, body := get(t, ts.URL+"/api/stats?structure=2024&year=2026")
		if code != http.StatusOK {
			t.Fatalf("GET /api/stats = %d: %s", code, body)
		}
		var got struct {
			Municipalities int
			Inhabitants    int64
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Municipalities != 357 || got.Inhabitants != 5627400 {
			t.Errorf("GET /api/stats = %+v, want 357 municipalities, 5627400 inhabitants", got)
		}
	})
	for _, tt := range []struct {
		query string
		code  int
		msg   string
	}{
		{"structure=2021&year=2020", 400, "query parameter structure"},
		{"structure=2020&year=abc", 400, `query parameter year \"abc\"`},
		{"structure=2020&year=2020&under=-1", 400, "query parameter under"},
		{"structure=2020&year=1990", 404, "no population data"},
	} {
		t.Run("Err "+tt.query, func(t *testing.T) {
			code, body := get(t, ts.URL+"/api/stats?"+tt.query)
			if code != tt.code || !strings.Contains(body, tt.msg) {
				t.Errorf("GET /api/stats?%s = %d %s, want %d containing %q", tt.query, code, body, tt.code, tt.msg)
			}
		})
	}
}
