package atlas_test

import (
	"os"
	"testing"
)

var sharedDir string

func TestMain(m *testing.M) {
	var err error
	if sharedDir, err = os.MkdirTemp("", "atlas-test-"); err != nil {
		panic(err)
	}
	code := m.Run()
	if store != nil {
		store.Close()
	}
	os.RemoveAll(sharedDir)
	os.Exit(code)
}
