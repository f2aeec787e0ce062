package main

import "runtime/debug"

// defaultMemoryLimit is the soft limit parlance puts on the Go runtime's
// memory when GOMEMLIMIT is not set: 3 GiB, or half the machine's memory
// where that is less.
//
// Why a limit at all: the Go collector lets the heap grow to twice what is
// live before it collects (GOGC=100), and reading a large corpus makes
// garbage fast (decoded JSON, HTML turned into text), so at a million
// answers the process held 6.9 GB while reading 1.7 GB of live records.
// Near the limit the collector runs more often instead; memory that is
// live is never refused. Where the live heap itself passes the limit, the
// runtime caps the collector at about half the CPU and lets the heap grow:
// the run is slower, not stopped. GOMEMLIMIT, if set (GOMEMLIMIT=off for
// none), replaces this limit.
const defaultMemoryLimit = 3 << 30

// setMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set, and
// returns the limit it set (0 if none).
func setMemoryLimit(getenv func(string) string) int64 {
	if getenv("GOMEMLIMIT") != "" {
		return 0 // the runtime has read it
	}
	limit := int64(defaultMemoryLimit)
	if phys := physicalMemory(); phys > 0 && phys/2 < limit {
		limit = phys / 2
	}
	debug.SetMemoryLimit(limit)
	return limit
}
