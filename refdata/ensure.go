package refdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"

	"generalist"
	"generalist/data"
)

// Files lists the reference files Parse reads, in the order it reads them.
var Files = []string{
	"fylker_2019.csv", "kommuner_2019.csv", "fylker_2020.csv", "kommuner_2020.csv", "fylker_2024.csv", "kommuner_2024.csv",
	"kommuneendringer_2019_2020.csv", "kommuneendringer_2020_2024.csv",
	"befolkning_2019_k2019.csv", "befolkning_2020_k2020.csv", "befolkning_k2024.csv",
	"befolkning_tidsserie_k2020.csv", "befolkning_tidsserie_k2024.csv", "befolkning_ettarig_alder.csv",
	"kommuner_2024_areal_maalform.csv", "sentralitetsklasse_k2024_uverifisert.csv",
	"inntektssystem_kostnadsindeks_k2024.csv", "robek_2026-04-20.csv",
	"norden_finland_kommuner.csv", "norden_aggregater.csv",
}

// Checksums returns the SHA-256 of each reference file in fsys. Hashing is
// far cheaper than parsing, so a command can tell whether its store is up
// to date without parsing anything.
func Checksums(fsys fs.FS) (map[string]string, error) {
	out := make(map[string]string, len(Files))
	for _, name := range Files {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("refdata: %w", err)
		}
		sum := sha256.Sum256(b)
		out[name] = hex.EncodeToString(sum[:])
	}
	return out, nil
}

// Ensure loads the embedded reference data into store unless the store
// already holds exactly this version. It reports whether it loaded.
func Ensure(ctx context.Context, store generalist.AtlasStore) (bool, error) {
	want, err := Checksums(data.FS)
	if err != nil {
		return false, err
	}
	have, err := store.Datasets(ctx)
	if err != nil {
		return false, err
	}
	same := 0
	for _, d := range have {
		if want[d.Name] == d.SHA256 {
			same++
		}
	}
	if same == len(want) {
		return false, nil
	}
	ref, err := Embedded()
	if err != nil {
		return false, err
	}
	return store.LoadReference(ctx, ref)
}
