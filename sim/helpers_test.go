package sim_test

import (
	"encoding/json"
	"os"
	"testing"
)

var tempDirs []string

func osTempDir() (string, error) {
	d, err := os.MkdirTemp("", "sim-test-")
	tempDirs = append(tempDirs, d)
	return d, err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if store != nil {
		store.Close()
	}
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
