//go:build !linux

package main

// physicalMemory returns the machine's memory in bytes, 0 if unknown: on
// systems other than Linux parlance does not ask, and the default limit
// stays 2.5 GiB.
func physicalMemory() int64 { return 0 }
