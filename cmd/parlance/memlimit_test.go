package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit checks that parlance sets its soft memory limit only
// where GOMEMLIMIT does not set one, and never above defaultMemoryLimit.
func TestMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })

	debug.SetMemoryLimit(math.MaxInt64)
	if got := setMemoryLimit(func(string) string { return "off" }); got != 0 {
		t.Errorf("with GOMEMLIMIT set, setMemoryLimit set %d", got)
	}
	if now := debug.SetMemoryLimit(-1); now != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the runtime's limit moved to %d", now)
	}
	got := setMemoryLimit(func(string) string { return "" })
	if got <= 0 || got > defaultMemoryLimit {
		t.Errorf("setMemoryLimit set %d, want in (0, %d]", got, int64(defaultMemoryLimit))
	}
	if now := debug.SetMemoryLimit(-1); now != got {
		t.Errorf("the runtime's limit is %d, setMemoryLimit said %d", now, got)
	}
	if phys := physicalMemory(); phys > 0 && got > phys/2 {
		t.Errorf("limit %d is more than half the machine's %d bytes", got, phys)
	}
}
