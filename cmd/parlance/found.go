package main

import (
	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// readFinding is readInputs that also finds the boilerplate as the
// records are delivered: each answer goes to an analysis.FoundFinder,
// whose BoilerplateFinder segments and merges a batch at a time on its
// own goroutine and keeps offsets and hashes, not sentences. The Found is
// returned without waiting for the finder to finish (FoundLater):
// analysis.Run, which must be given it, finishes it. analysis.Run, given
// the result, does not segment the whole corpus again and never holds
// every answer's sentences beside the records; the analysis is the same
// (analysis.TestRunWithFoundIsRun).
//
// With spill (for a caller that lets go of each answer once Run has
// emitted it), the answers are written to a temporary file as they are
// read and the records returned have none: Run reads each back as it
// classifies it (analysis.NewSpillingFoundFinder).
func readFinding(e *env, inputs []string, in *inputFlags, spill bool) ([]corpus.Record, *corpus.Summary, *analysis.Found, error) {
	var ff *analysis.FoundFinder
	if spill {
		var err error
		if ff, err = analysis.NewSpillingFoundFinder(boilerplate.Config{}, ""); err != nil {
			return nil, nil, nil, err
		}
	} else {
		ff = analysis.NewFoundFinder(boilerplate.Config{})
	}
	recs, sum, err := readRecords(e, inputs, in, ff.Add)
	if err != nil {
		ff.Found().Close() // ends the finder's goroutine, removes any file
		return recs, sum, nil, err
	}
	// analysis.Run finishes it, finding the round robins meanwhile.
	return recs, sum, ff.FoundLater(), nil
}
