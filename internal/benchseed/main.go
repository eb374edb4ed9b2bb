// Command benchseed stores generated, published inputs (innspill) in a
// store, for the page benchmark (scripts/bench-pages): generated test
// data from a fixed seed (storetest.GenerateInputs, organisation
// "Generert testdata"), never real input. The store must already hold the
// reference data (any generalist command on it loads them).
//
// Usage: go run ./internal/benchseed --db FILE [--inputs N]
// With DATABASE_URL set it seeds that PostgreSQL database instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"generalist"
	"generalist/internal/storeopen"
	"generalist/storetest"
)

func main() {
	path := flag.String("db", "generalist.db", "the SQLite file (unless DATABASE_URL is set)")
	n := flag.Int("inputs", 10000, "how many published inputs to store")
	flag.Parse()
	if err := run(context.Background(), *path, *n); err != nil {
		fmt.Fprintln(os.Stderr, "benchseed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, path string, n int) error {
	db, err := storeopen.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	ms, err := db.Municipalities(ctx, generalist.Structure2024)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return fmt.Errorf("%s holds no municipalities; run a generalist command on it first", db.Path())
	}
	munis := make([]generalist.MunicipalityNumber, len(ms))
	for i, m := range ms {
		munis[i] = m.Number
	}
	ins := storetest.GenerateInputs(n, 2026, munis)
	for _, in := range ins {
		in.Status = generalist.InputPublished
	}
	for start := 0; start < len(ins); start += 5000 {
		if err := db.ImportInputs(ctx, ins[start:min(start+5000, len(ins))]); err != nil {
			return err
		}
	}
	fmt.Printf("stored %d published inputs in %s\n", len(ins), db.Path())
	return nil
}
