//go:build unix

package testkit_test

import (
	"testing"

	"generalist/internal/testkit"
)

// TestCPUTime: a process that has started has used CPU time.
func TestCPUTime(t *testing.T) {
	if d := testkit.CPUTime(); d <= 0 {
		t.Fatalf("CPUTime = %v, want the time used so far", d)
	}
}
