// Package stats holds the statistics parlance reports: proportions with
// Wilson score intervals, and tests of independence between answering body
// and stance.
package stats
