package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// lineWriter hands what serve prints to a channel, line by line.
type lineWriter struct{ lines chan string }

func (w lineWriter) Write(b []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		select {
		case w.lines <- l:
		default:
		}
	}
	return len(b), nil
}

// startServe runs serve on a free port of 127.0.0.1 on the store at db
// until ctx ends. It returns the address serve listens on (host:port) and
// the channel that gets what serve returns.
func startServe(ctx context.Context, t *testing.T, db string) (string, <-chan error) {
	t.Helper()
	out := lineWriter{make(chan string, 16)}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, out, io.Discard) }()
	select {
	case l := <-out.lines:
		m := regexp.MustCompile(`http://([^/]+)/`).FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("serve printed %q", l)
		}
		return m[1], done
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not start")
	}
	return "", nil
}

// TestServeGracefulShutdown starts serve, begins a request whose body is
// only half sent, then stops the server (as SIGTERM does, through the
// context): the request in flight is still answered in full, new
// connections are refused, and serve returns without error.
func TestServeGracefulShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, done := startServe(ctx, t, filepath.Join(t.TempDir(), "serve.db"))
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()

	body := `{"structure": 2024, "year": 2026, "name": "Dagens system"}`
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/evaluate HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body[:10])
	time.Sleep(200 * time.Millisecond) // let the server start reading the request
	cancel()                           // SIGTERM
	// The listener closes as shutdown begins: poll until a new connection
	// is refused (a loaded machine may take a moment to get there).
	refused := false
	for range 100 {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			refused = true
			break
		}
		c.Close()
		time.Sleep(50 * time.Millisecond)
	}
	if !refused {
		t.Error("new connections are still accepted 5 s after shutdown began")
	}
	if _, err := io.WriteString(conn, body[10:]); err != nil {
		t.Fatal(err)
	}
	resp, err = http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"vulnerable"`) {
		t.Errorf("the request in flight = %d %.200s", resp.StatusCode, b)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(time.Minute):
		t.Error("serve did not return after the request in flight finished")
	}
}

// TestServeRefusesBadOperator checks that the operator and contact shown
// on /om must be one plain line, refused before the store is opened.
func TestServeRefusesBadOperator(t *testing.T) {
	db := filepath.Join(t.TempDir(), "never.db")
	for _, args := range [][]string{
		{"serve", "--db", db, "--operator", "Kommune\x1b[31m"},
		{"serve", "--db", db, "--contact", strings.Repeat("x", 201)},
	} {
		_, _, err := runCmd(args...)
		if c := exitCode(err); c != 2 {
			t.Errorf("%q: exit code %d, want 2 (%v)", args, c, err)
		}
		if _, statErr := os.Stat(db); statErr == nil {
			t.Fatalf("%q: the store was created although the flags were refused", args)
		}
	}
}
