package main

import (
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// readFinding is readInputs that also finds the boilerplate as the
// records are delivered: each answer goes to an
// analysis.BoilerplateFinder, which segments and merges a batch at a time
// on its own goroutine while reading goes on and keeps offsets and hashes,
// not sentences. analysis.Run, given the result, does not segment the
// whole corpus again and never holds every answer's sentences beside the
// records; the analysis is the same (analysis.TestRunWithFoundIsRun).
func readFinding(e *env, inputs []string, in *inputFlags) ([]corpus.Record, *corpus.Summary, *analysis.Found, error) {
	bf := analysis.NewBoilerplateFinder(boilerplate.Config{})
	var ids []string
	var recs []corpus.Record
	sum, err := streamCounted(e, inputs, in, func(r *corpus.Record, pending int) error {
		if recs == nil {
			recs = make([]corpus.Record, 0, 1+pending)
		}
		recs = append(recs, *r)
		rec := &recs[len(recs)-1]
		rec.AnswerHTML = ""
		if bf.Add(rec) {
			ids = append(ids, strings.Clone(rec.ID))
		}
		return nil
	})
	res := bf.Result() // ends the finder's goroutine, error or not
	if err != nil {
		return recs, sum, nil, err
	}
	return recs, sum, &analysis.Found{Result: res, IDs: ids}, nil
}
