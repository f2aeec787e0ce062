package main

import (
	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// readFinding is readInputs that also finds the boilerplate as the
// records are delivered: each answer goes to an analysis.FoundFinder,
// whose BoilerplateFinder segments and merges a batch at a time
// on its own goroutine while reading goes on and keeps offsets and hashes,
// not sentences. analysis.Run, given the result, does not segment the
// whole corpus again and never holds every answer's sentences beside the
// records; the analysis is the same (analysis.TestRunWithFoundIsRun).
func readFinding(e *env, inputs []string, in *inputFlags) ([]corpus.Record, *corpus.Summary, *analysis.Found, error) {
	ff := analysis.NewFoundFinder(boilerplate.Config{})
	recs, sum, err := readRecords(e, inputs, in, ff.Add)
	found := ff.Found() // ends the finder's goroutine, error or not
	if err != nil {
		return recs, sum, nil, err
	}
	return recs, sum, found, nil
}
