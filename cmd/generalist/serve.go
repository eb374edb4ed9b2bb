package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"generalist/app"
	"generalist/web"
)

const serveHelp = `Usage: generalist serve [--addr localhost:8080] [--db PATH] [--operator NAME] [--contact ADDRESS]
                        [--workers N | --no-worker] [--job-timeout D] [--rescue-after D]

Runs the web server on the embedded default store (SQLite), or on
PostgreSQL when DATABASE_URL is set. The reference data is loaded into the
store on first start; GET /healthz answers 200 once the server is ready and
GET /readyz while it can reach its store. SIGTERM finishes the requests in
flight, then stops.

The server also runs queued jobs (long searches, ensembles, evaluations,
reports; see generalist worker), --workers at a time, unless --no-worker:
then separate "generalist worker" processes run them.

Everyone can read the published pages. To change anything (scenarios,
parameters, the cooperation registry), add an account first:
  generalist user add NAME --role admin|analyst|editor

Flags:
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveHelp, stderr)
	defAddr := os.Getenv("GENERALIST_ADDR")
	if defAddr == "" {
		defAddr = "localhost:8080"
	}
	addr := fs.String("addr", defAddr, "listen `address` (env GENERALIST_ADDR)")
	trustProxy := fs.Bool("trust-proxy", false, "believe X-Forwarded-For and X-Forwarded-Proto (only behind a load balancer that sets them)")
	operator := fs.String("operator", os.Getenv("GENERALIST_OPERATOR"), "who runs this installation, shown on /om and /tilgjengelighet (env GENERALIST_OPERATOR)")
	contact := fs.String("contact", os.Getenv("GENERALIST_CONTACT"), "how to reach them, e.g. an e-mail address (env GENERALIST_CONTACT)")
	dbPath := dbFlag(fs)
	var qf queueFlags
	qf.register(fs, 1)
	noWorker := fs.Bool("no-worker", false, "run no jobs in this process (workers run them)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *noWorker {
		qf.workers = 0
	}
	for _, f := range []struct{ name, value string }{{"--operator", *operator}, {"--contact", *contact}} {
		if err := plainText(f.value, 200); err != nil {
			return usageError(fmt.Sprintf("serve: %s: %v", f.name, err))
		}
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db)
	qcfg, err := qf.config(logger)
	if err != nil {
		return err
	}
	q, closeQueue, err := openQueue(ctx, db, a, qcfg)
	if err != nil {
		return err
	}
	defer closeQueue()
	srv, err := web.NewServer(web.Config{App: a, Logger: logger, TrustProxy: *trustProxy,
		Operator: strings.TrimSpace(*operator), Contact: strings.TrimSpace(*contact), Jobs: q})
	if err != nil {
		return err
	}
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q.Stop(stop)
	}()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usageError(fmt.Sprintf("serve: --addr %q: %v", *addr, err))
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	fmt.Fprintf(stdout, "Generalist is serving http://%s/ (store %s)\n", ln.Addr(), db.Path())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish in-flight requests before closing the store.
	srv.Shutdown(ctx)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// plainText refuses a value longer than max characters or with control
// characters: a setting shown as one line of page text.
func plainText(v string, max int) error {
	if n := utf8.RuneCountInString(v); n > max {
		return fmt.Errorf("%d characters, at most %d", n, max)
	}
	if !utf8.ValidString(v) {
		return errors.New("not valid UTF-8")
	}
	if i := strings.IndexFunc(v, unicode.IsControl); i >= 0 {
		return fmt.Errorf("control character at byte %d", i)
	}
	return nil
}
