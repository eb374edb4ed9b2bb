package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"generalist/refdata"
	"generalist/web"
)

const serveHelp = `Usage: generalist serve [--addr localhost:8080] [--db PATH]

Runs the web server on the embedded default store (SQLite). The reference
data is loaded into the store on first start; GET /healthz answers 200 once
the server is ready.

Flags:
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, serveHelp); fs.PrintDefaults() }
	defAddr := os.Getenv("GENERALIST_ADDR")
	if defAddr == "" {
		defAddr = "localhost:8080"
	}
	addr := fs.String("addr", defAddr, "listen `address` (env GENERALIST_ADDR)")
	allowEdits := fs.Bool("allow-edits", false, "let anyone who can reach the server change the task parameters, scenarios and the cooperation registry (single-user, local use until accounts exist)")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("serve: unexpected argument %q", pos[0]))
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	maps, graphs, err := loadGeometry()
	if err != nil {
		return err
	}
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		return err
	}
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		return err
	}
	econ, err := refdata.EmbeddedEconomy()
	if err != nil {
		return err
	}
	srv, err := web.NewServer(web.Config{Store: db, Logger: logger, Maps: maps, Graphs: graphs, Catalogue: cat, Indicators: db,
		Changes: db, AllowEdits: *allowEdits, EditHosts: editHosts(*addr), Scenarios: db, Examples: examples, Cooperations: db, Economy: econ})
	if err != nil {
		return err
	}
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

// editHosts returns the host of the listen address when it names one
// (not a wildcard), so --allow-edits works when the server is reached by
// that name; loopback names are always trusted by the web package.
func editHosts(addr string) []string {
	h, _, err := net.SplitHostPort(addr)
	if err != nil || h == "" || h == "0.0.0.0" || h == "::" {
		return nil
	}
	return []string{h}
}
