package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// defaultMemoryLimit is the soft limit parlance puts on the Go runtime's
// memory when GOMEMLIMIT is not set: 2.5 GiB, or half the machine's memory
// where that is less. It is raised as the live heap grows (see
// limitFor). 2.5 GiB is the project's budget of 3 GB for finding the
// boilerplate of a million answers less room for what the runtime does
// not count (the program's code, its goroutines' stacks in flight).
//
// Why a limit at all: the Go collector lets the heap grow to twice what is
// live before it collects (GOGC=100), and reading a large corpus makes
// garbage fast (decoded JSON, HTML turned into text), so at a million
// answers the process held 6.9 GB while reading 1.7 GB of live records.
// Near the limit the collector runs more often instead. GOMEMLIMIT, if
// set (GOMEMLIMIT=off for none), replaces all of this.
const defaultMemoryLimit = 2560 << 20

// limitFor is the memory limit while live bytes of heap are live: the
// base limit, or live plus a quarter once that is more. A fixed limit
// below the live heap makes the collector run without pause (the runtime
// caps it at about half the CPU, so a run could take twice as long); with
// a quarter's room the collector runs about as often as with GOGC=25,
// four times as often as the default, and the heap stays within 1.25 times
// what is live. Live memory is never refused either way.
func limitFor(base, live int64) int64 {
	return max(base, live+live/4)
}

// setMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set, and
// keeps it at limitFor the live heap after every collection until stop is
// called. It returns the base limit it set (0 if none).
func setMemoryLimit(getenv func(string) string) (base int64, stop func()) {
	if getenv("GOMEMLIMIT") != "" {
		return 0, func() {} // the runtime has read it
	}
	base = defaultMemoryLimit
	if phys := physicalMemory(); phys > 0 && phys/2 < base {
		base = phys / 2
	}
	debug.SetMemoryLimit(base)
	return base, followLiveHeap(base)
}

// followLiveHeap resets the memory limit to limitFor(base, live) after
// each garbage collection, from a finalizer that the collection runs and
// that arms the next one (the runtime has no other hook on a
// collection's end), until stop is called.
func followLiveHeap(base int64) (stop func()) {
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		sentinel := new([16]byte) // big enough not to be batched with other tiny objects
		runtime.SetFinalizer(sentinel, func(*[16]byte) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(limitFor(base, int64(sample[0].Value.Uint64())))
			}
			arm()
		})
	}
	arm()
	return func() { stopped.Store(true) }
}
