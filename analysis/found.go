package analysis

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// Found is the boilerplate of a corpus found before Run: Result is what
// FindBoilerplateDocs gives on the documents BoilerplateDoc makes of the
// answered records, in the order read, and IDs are those records' IDs in
// the same order. A caller that reads records one by one can feed each to
// a BoilerplateFinder as it arrives (the CLI does) and give Run the
// result: the boilerplate work then overlaps the reading, and no stage
// holds every answer's sentences beside the records.
type Found struct {
	Result *boilerplate.Result
	IDs    []string
}

// FindDocs finds the boilerplate of docs, made by BoilerplateDoc of the
// answered records in the order read; it gives up docs (their sentences
// are set and then dropped).
func FindDocs(docs []boilerplate.Doc, cfg boilerplate.Config) *Found {
	ids := make([]string, len(docs))
	for i := range docs {
		ids[i] = docs[i].ID
	}
	return &Found{Result: FindBoilerplateDocs(docs, cfg), IDs: ids}
}

// match returns the index in records of each document of f, checking that
// the answered records are the ones f was found in, in the same order.
func (f *Found) match(records []corpus.Record) ([]int, error) {
	if f.Result == nil || len(f.Result.Spans) != len(f.IDs) || len(f.Result.Share) != len(f.IDs) {
		return nil, fmt.Errorf("analysis: the boilerplate found beforehand is incomplete: %d IDs for %d span lists", len(f.IDs), len(f.Result.Spans))
	}
	index := make([]int, 0, len(f.IDs))
	for i := range records {
		if records[i].Answer == "" {
			continue
		}
		k := len(index)
		if k == len(f.IDs) {
			return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of %d answered records; record %d (%s) is one more: the inputs changed between the passes", len(f.IDs), i+1, records[i].ID)
		}
		if records[i].ID != f.IDs[k] {
			return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of other records: answered record %d is %s, not %s: the inputs changed between the passes", k+1, records[i].ID, f.IDs[k])
		}
		index = append(index, i)
	}
	if len(index) != len(f.IDs) {
		return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of %d answered records, these are %d: the inputs changed between the passes", len(f.IDs), len(index))
	}
	return index, nil
}
