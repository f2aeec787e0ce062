package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestMemoryLimit checks that parlance sets its soft memory limit only
// where GOMEMLIMIT does not set one, and never above defaultMemoryLimit.
func TestMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })

	debug.SetMemoryLimit(math.MaxInt64)
	if got, stop := setMemoryLimit(func(string) string { return "off" }); got != 0 {
		stop()
		t.Errorf("with GOMEMLIMIT set, setMemoryLimit set %d", got)
	}
	if now := debug.SetMemoryLimit(-1); now != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the runtime's limit moved to %d", now)
	}
	got, stop := setMemoryLimit(func(string) string { return "" })
	stop()
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

// TestLimitFollowsLiveHeap checks limitFor: the base below it, twice the
// live heap up to roomy, and a quarter's room above the live heap past
// roomy.
func TestLimitFollowsLiveHeap(t *testing.T) {
	const (
		base  = 2 << 30
		roomy = 12 << 30
	)
	for _, tc := range []struct{ live, want int64 }{
		{0, base},
		{1 << 29, base},
		{1 << 30, base},      // twice the live heap is the base
		{3 << 30, 6 << 30},   // Go's default room
		{6 << 30, roomy},     // twice would pass roomy: roomy
		{10 << 30, 25 << 29}, // roomy is less than 1.25 × live: 12.5 GiB
		{1 << 31, 4 << 30},   // exactly twice
	} {
		if got := limitFor(base, roomy, tc.live); got != tc.want {
			t.Errorf("limitFor(%d, %d, %d) = %d, want %d", int64(base), int64(roomy), tc.live, got, tc.want)
		}
	}
	// With the machine's memory unknown (roomy 0), the heap is squeezed
	// to 1.25 × live above the base.
	if got, want := limitFor(base, 0, 4<<30), int64(5<<30); got != want {
		t.Errorf("limitFor with roomy 0 = %d, want %d", got, want)
	}
}

// TestRoomyIsTheBudget checks roomyFor: the budget on a large machine,
// half the memory of a small one, and none where the memory is unknown.
func TestRoomyIsTheBudget(t *testing.T) {
	for _, tc := range []struct{ phys, want int64 }{
		{24 << 30, roomyMemory},
		{8 << 30, roomyMemory},
		{4 << 30, 2 << 30},
		{0, 0},
	} {
		if got := roomyFor(tc.phys); got != tc.want {
			t.Errorf("roomyFor(%d) = %d, want %d", tc.phys, got, tc.want)
		}
	}
}

// raiseLimit follows the live heap from a base limit of 16 MiB (with
// roomy 0), keeps 64 MiB live and waits for a collection that raises the
// limit above 1.25 × 64 MiB, failing the test if none does. It returns
// what it keeps live, and restores the runtime's limit when the test ends.
func raiseLimit(t *testing.T) [][]byte {
	t.Helper()
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	const base = 16 << 20
	debug.SetMemoryLimit(base)
	stop := followLiveHeap(base, 0)
	t.Cleanup(stop) // before the limit is restored: cleanups run last first
	keep := make([][]byte, 64)
	for i := range keep {
		keep[i] = make([]byte, 1<<20) // 64 MiB live, four times the base
	}
	// With roomy 0 the limit is 1.25 × live once live passes the base. A
	// collection while keep was still being filled raised the limit
	// already, for less than 64 MiB live; so wait for a collection that
	// saw all of it, not merely for the limit to move.
	const want = 64<<20 + 16<<20
	for i := 0; i < 100 && debug.SetMemoryLimit(-1) < want; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
	}
	if got := debug.SetMemoryLimit(-1); got < want {
		t.Fatalf("limit %d after collections with 64 MiB live, want at least 1.25 × 64 MiB = %d", got, want)
	}
	return keep
}

// TestLimitRaisedAfterCollection keeps more live heap than the base limit
// allows and checks that a collection raises the limit above it.
func TestLimitRaisedAfterCollection(t *testing.T) {
	keep := raiseLimit(t)
	runtime.KeepAlive(keep)
}

// TestLimitNeverLowered checks that the limit a large live heap raised
// stays once the heap is let go (see followLiveHeap for why).
func TestLimitNeverLowered(t *testing.T) {
	keep := raiseLimit(t)
	raised := debug.SetMemoryLimit(-1)
	runtime.KeepAlive(keep) // and no further: the 64 MiB are garbage from here
	for range 5 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < raised {
		t.Errorf("limit fell from %d to %d when the heap was let go", raised, got)
	}
}
