// Package parallel runs independent work items on all CPUs: the one worker
// pool that the analysis stages and the classifier share.
package parallel
