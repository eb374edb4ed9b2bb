package geomap

import (
	"encoding/csv"
	"io"
	"strconv"
	"sync"
	"testing"

	"generalist/data"
	"generalist/geo"
)

// The 2024 boundaries and the map built from them are made once per test
// binary.
var (
	fixtureOnce sync.Once
	fixtureMuni []geo.Feature
	fixtureCty  []geo.Feature
	fixtureMap  *Map
	fixtureErr  error
)

func loadFixture() {
	read := func(path string, fn func(io.Reader) ([]geo.Feature, error)) []geo.Feature {
		if fixtureErr != nil {
			return nil
		}
		f, err := data.FS.Open(path)
		if err != nil {
			fixtureErr = err
			return nil
		}
		defer f.Close()
		fs, err := fn(f)
		if err != nil {
			fixtureErr = err
		}
		return fs
	}
	fixtureMuni = read("geo/kommuner_2024_S.geojson", geo.ReadMunicipalities)
	fixtureCty = read("geo/fylker_2024_S.geojson", geo.ReadCounties)
	if fixtureErr == nil {
		fixtureMap, fixtureErr = New(fixtureMuni, fixtureCty)
	}
}

// MustFeatures returns the 2024 municipalities and counties.
func MustFeatures(tb testing.TB) (municipalities, counties []geo.Feature) {
	tb.Helper()
	fixtureOnce.Do(loadFixture)
	if fixtureErr != nil {
		tb.Fatal(fixtureErr)
	}
	return fixtureMuni, fixtureCty
}

// mustMap returns the Map of the whole 2024 structure.
func mustMap(tb testing.TB) *Map {
	tb.Helper()
	MustFeatures(tb)
	return fixtureMap
}

// mustPopulation returns the population of 1 January 2024 by kommunenummer
// from data/befolkning_k2024.csv, a fresh map on every call.
func mustPopulation(tb testing.TB) map[string]float64 {
	tb.Helper()
	f, err := data.FS.Open("befolkning_k2024.csv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := map[string]float64{}
	for _, row := range rows[1:] {
		if row[col["aar"]] != "2024" {
			continue
		}
		v, err := strconv.ParseFloat(row[col["folkemengde"]], 64)
		if err != nil {
			tb.Fatal(err)
		}
		out[row[col["kommunenummer"]]] = v
	}
	return out
}
