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
// limitFor): it bounds the garbage, not what is live. 2.5 GiB is the project's budget of 3 GB for finding the
// boilerplate of a million answers less room for what the runtime does
// not count (the program's code, its goroutines' stacks in flight).
//
// Why a limit at all: the Go collector lets the heap grow to twice what is
// live before it collects (GOGC=100), and reading a large corpus makes
// garbage fast (decoded JSON, HTML turned into text), so while reading a
// large corpus the process holds several times what is live. Near the
// limit the collector runs more often instead. GOMEMLIMIT, if
// set (GOMEMLIMIT=off for none), replaces all of this.
const defaultMemoryLimit = 2560 << 20

// roomyMemory is the most the heap may take before it is squeezed (see
// limitFor), where the machine has twice that: 3.5 GiB, the project's
// budget of 4 GB for analysing a million answers less room for what the
// runtime does not count. Beyond it parlance trades CPU for memory,
// rather than take up to half the machine for a little speed (the
// README's scaling section measures the trade at a million answers).
// GOMEMLIMIT replaces it.
const roomyMemory = 3584 << 20

// roomyFor is the roomy bytes of limitFor on a machine of phys bytes of
// memory (0 if unknown, when the heap is squeezed past the base):
// roomyMemory, or half the machine's memory where that is less.
func roomyFor(phys int64) int64 { return min(roomyMemory, phys/2) }

// limitFor is the memory limit while live bytes of heap are live, with
// roomy bytes (roomyFor) the most the heap may take before it is
// squeezed:
//
//	limit = max(base, min(2·live, max(1.25·live, roomy)))
//
// Below base, the base limit: the collector works harder only as the heap
// nears it. Above it, up to roomy, twice the live heap, as Go's default
// allows (GOGC=100), so collections cost what they always have. Past roomy,
// live plus a quarter: the collector runs up to four times as often
// (like GOGC=25), and a large run stays within the budget, or within
// the machine, at a cost in CPU the README's scaling section measures. A fixed
// limit below the live heap would be worse: the collector would run
// without pause. Live memory is never refused.
func limitFor(base, roomy, live int64) int64 {
	return max(base, min(2*live, max(live+live/4, roomy)))
}

// setMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set, and
// keeps it at limitFor the live heap after every collection until stop is
// called. It returns the base limit it set (0 if none).
func setMemoryLimit(getenv func(string) string) (base int64, stop func()) {
	if getenv("GOMEMLIMIT") != "" {
		return 0, func() {} // the runtime has read it
	}
	base = defaultMemoryLimit
	phys := physicalMemory()
	if phys > 0 && phys/2 < base {
		base = phys / 2
	}
	debug.SetMemoryLimit(base)
	return base, followLiveHeap(base, roomyFor(phys))
}

// followLiveHeap raises the memory limit to limitFor(base, roomy, live)
// after each garbage collection where that is higher, from a finalizer
// that the collection runs and that arms the next one (the runtime has no
// other hook on a collection's end), until stop is called.
//
// The limit never falls. When the live heap shrinks (analyze lets go of
// each answer's texts once it is written), what it frees is scattered
// over spans still in use, which count against the limit; a limit
// lowered with the live heap would leave the heap no room to grow into,
// and the collector would run back to back while the runtime returned
// pages to the system only to fault them in again: on a million answers
// that doubled the CPU time of classification. A limit that stays where
// the peak put it costs no memory the process has not already taken.
func followLiveHeap(base, roomy int64) (stop func()) {
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
				limit := limitFor(base, roomy, int64(sample[0].Value.Uint64()))
				if limit > debug.SetMemoryLimit(-1) {
					debug.SetMemoryLimit(limit)
				}
			}
			arm()
		})
	}
	arm()
	return func() { stopped.Store(true) }
}
