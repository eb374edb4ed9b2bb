package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"generalist/postgres"
	"generalist/sqlite"
	"generalist/sqlstore"
	"generalist/storetest"
)

// buildDir holds the binary, built once per test process.
var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// binary builds cmd/generalist (once) and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "generalist-reliability-")
		if buildErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(buildDir, "generalist"), "generalist/cmd/generalist").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return filepath.Join(buildDir, "generalist")
}

// backend is a store the processes share.
type backend struct {
	name string
	env  []string // added to every process's environment
	args []string // added to every command's flags
	open func(ctx context.Context) (*sqlstore.DB, error)
	dir  string // for logs
}

func sqliteBackend(t *testing.T) *backend {
	dir := t.TempDir()
	path := filepath.Join(dir, "generalist.db")
	return &backend{name: "sqlite", env: []string{"DATABASE_URL="}, args: []string{"--db", path}, dir: dir,
		open: func(ctx context.Context) (*sqlstore.DB, error) { return sqlite.Open(ctx, path) }}
}

// postgresBackend is a new schema of the server in
// GENERALIST_TEST_DATABASE_URL (skipping t without one, unless
// GENERALIST_REQUIRE_POSTGRES=1).
func postgresBackend(t *testing.T) *backend {
	url := storetest.PostgresURL(t)
	return &backend{name: "postgres", env: []string{"DATABASE_URL=" + url}, dir: t.TempDir(),
		open: func(ctx context.Context) (*sqlstore.DB, error) { return postgres.Open(ctx, url) }}
}

// command is a generalist process on the backend.
func (b *backend) command(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(binary(t), append(args, b.args...)...)
	cmd.Env = append(os.Environ(), b.env...)
	return cmd
}

// run runs a command to its end and returns its standard output.
func (b *backend) run(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	cmd := b.command(t, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("generalist %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

// setup makes an administrator with a write token and registers the four
// example cooperations; it returns the token.
func setup(t *testing.T, b *backend) string {
	t.Helper()
	b.run(t, "reliability-test-password\n", "user", "add", "admin", "--role", "admin", "--password-stdin")
	token := strings.TrimSpace(b.run(t, "", "user", "token", "admin", "--scope", "write", "--label", "reliability"))
	b.run(t, "", "imc", "examples", "--author", "reliability")
	return token
}

// server is a running `generalist serve`.
type server struct {
	cmd  *exec.Cmd
	base string
	log  string
	done chan struct{}
	err  error // the process's exit, once done
}

var serverN struct {
	sync.Mutex
	n int
}

// freePort returns a TCP port on the loopback that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startServer starts a server on the backend and waits until /healthz
// answers 200. It is killed when t ends, if still running.
func startServer(t *testing.T, b *backend) *server {
	t.Helper()
	s := launch(t, b)
	s.wait(t)
	return s
}

// startServers starts n servers at once and waits for them all.
func startServers(t *testing.T, b *backend, n int) []*server {
	t.Helper()
	var out []*server
	for range n {
		out = append(out, launch(t, b))
	}
	for _, s := range out {
		s.wait(t)
	}
	return out
}

// launch starts a server process on a free port of the loopback.
func launch(t *testing.T, b *backend) *server {
	t.Helper()
	serverN.Lock()
	serverN.n++
	n := serverN.n
	serverN.Unlock()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	s := &server{base: "http://" + addr, log: filepath.Join(b.dir, fmt.Sprintf("serve-%03d.log", n)), done: make(chan struct{})}
	logf, err := os.Create(s.log)
	if err != nil {
		t.Fatal(err)
	}
	s.cmd = b.command(t, "serve", "--addr", addr)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		t.Fatal(err)
	}
	go func() {
		s.err = s.cmd.Wait()
		logf.Close()
		close(s.done)
	}()
	t.Cleanup(s.kill)
	return s
}

// wait waits until the server answers /healthz with 200.
func (s *server) wait(t *testing.T) {
	t.Helper()
	// A hang guard only: no test asserts how long anything takes.
	deadline := time.Now().Add(3 * time.Minute)
	c := &http.Client{Timeout: 5 * time.Second}
	for {
		select {
		case <-s.done:
			t.Fatalf("the server exited while starting: %v\n%s", s.err, s.tail())
		default:
		}
		if resp, err := c.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not answer /healthz\n%s", s.tail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill sends SIGKILL (if the process still runs) and waits for it to end.
func (s *server) kill() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
}

// stop sends SIGTERM and waits for the server to finish.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	if s.err != nil {
		t.Errorf("the server ended with %v after SIGTERM\n%s", s.err, s.tail())
	}
}

// tail is the end of the server's log.
func (s *server) tail() string {
	b, _ := os.ReadFile(s.log)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// client calls the API with the token.
type client struct {
	token string
	http  *http.Client
}

func newClient(token string) *client {
	return &client{token: token, http: &http.Client{Timeout: 2 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}}
}

// do sends a request with a JSON body (if not nil) and returns the status
// and the whole body. An error means no complete answer arrived: the
// request may or may not have been carried out.
func (c *client) do(ctx context.Context, method, url string, body any) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, b, nil
}

// get GETs url and decodes a 200 answer into out.
func (c *client) get(ctx context.Context, url string, out any) (int, error) {
	status, b, err := c.do(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	if status != http.StatusOK {
		return status, fmt.Errorf("GET %s: %d %s", url, status, b)
	}
	return status, json.Unmarshal(b, out)
}

// isTransport reports whether err is a failure to get an answer (the
// server is gone), not an answer.
func isTransport(err error) bool {
	var ne net.Error
	var oe *net.OpError
	return errors.As(err, &ne) || errors.As(err, &oe) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, context.Canceled)
}
