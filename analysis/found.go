package analysis

import (
	"fmt"
	"strings"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// Found is the boilerplate of a corpus found before Run: Result is what
// FindBoilerplateDocs gives on the documents BoilerplateDoc makes of the
// answered records, in the order read, and IDs are those records' IDs in
// the same order. A caller that reads records one by one can feed each to
// a FoundFinder as it arrives (the CLI does) and give Run the result: no
// stage then holds every answer's sentences beside the records. (A
// corpus.Stream delivers its first record once every input is read, so
// the finding follows the reading rather than overlapping it.)
type Found struct {
	Result *boilerplate.Result
	IDs    []string
	// finish, set by FoundFinder.FoundLater until Finish calls it, finds
	// Result.
	finish func() *boilerplate.Result
	// bounds are the sentences of each answer as the finder split them,
	// which Run gives the classifier where it splits with the same model;
	// complete once Result is found.
	bounds *sentenceBounds
	// spill, if not nil, holds the answers of the records whose IDs are
	// IDs, in order (see NewSpillingFoundFinder).
	spill *answerSpill
}

// FoundFinder finds a Found from records given one at a time, in the
// order Run will get them: a BoilerplateFinder, and the IDs of the
// answered records it took. The zero value is not ready; use
// NewFoundFinder.
type FoundFinder struct {
	bf    *BoilerplateFinder
	ids   []string
	spill *answerSpill // see NewSpillingFoundFinder
}

// NewFoundFinder returns a FoundFinder with the parameters cfg.
func NewFoundFinder(cfg boilerplate.Config) *FoundFinder {
	bf := NewBoilerplateFinder(cfg)
	// Run is given the records, so their answers outlive the Found: the
	// finder need not copy the sentences it keeps.
	bf.f.KeepTexts()
	// And the classifier splits every answer as the finder does: it is
	// given the finder's split (8 bytes a sentence) rather than
	// splitting again.
	bf.bounds = &sentenceBounds{}
	return &FoundFinder{bf: bf}
}

// NewSpillingFoundFinder is NewFoundFinder for a caller that keeps the
// records only for Run and lets go of each answer's texts once Run has
// emitted it (Config.Emit), as the CLI's analyze does. Add then writes
// each answer to a temporary file in dir (the system's temporary directory
// if dir is empty) and clears the record's Answer; Run, given the Found,
// puts each answer back into its record just before classifying it. The
// answers are the largest part of a corpus in memory, and so they are not
// live while the boilerplate and the round robins are found (the README's
// scaling section measures it); the finder then keeps copies of the
// sentences it needs, not substrings. The disk holds the answers' plain
// text once. The analysis is the same. Run removes the file; a Found
// that is not given to Run must be closed (Found.Close).
func NewSpillingFoundFinder(cfg boilerplate.Config, dir string) (*FoundFinder, error) {
	spill, err := newAnswerSpill(dir)
	if err != nil {
		return nil, err
	}
	bf := NewBoilerplateFinder(cfg)
	bf.bounds = &sentenceBounds{}
	return &FoundFinder{bf: bf, spill: spill}, nil
}

// Add adds r (a record with no answer is passed over, as Run passes it
// over). r itself is not kept, but its Answer is read until the Found is
// finished and parts of it are held by the Found's Result: the caller
// keeps the records for Run, so this costs nothing. A spilling finder
// (NewSpillingFoundFinder) writes the Answer aside and clears it in r.
func (f *FoundFinder) Add(r *corpus.Record) {
	if f.bf.Add(r) {
		f.ids = append(f.ids, strings.Clone(r.ID)) // not the buffer r's ID may be cut from
		if f.spill != nil {
			f.spill.put(r.Answer)
			r.Answer = ""
		}
	}
}

// Found finds the boilerplate of the records added; it must be called
// once, even when reading has failed, to end the finder's goroutine.
func (f *FoundFinder) Found() *Found {
	return &Found{Result: f.bf.Result(), IDs: f.ids, bounds: f.bf.bounds, spill: f.spill}
}

// FoundLater is Found without waiting for the finder: it returns at once
// a Found whose Result is found by Finish, which Run calls when it comes
// to the boilerplate. Run thus starts the work that needs no boilerplate
// (the round robins) while the finder segments its last batch and finds
// the families, whose serial parts would leave a CPU idle. The Found must
// be given to Run, or Finish called, to end the finder's goroutine; like
// Found, FoundLater may be called once, after the last Add.
func (f *FoundFinder) FoundLater() *Found {
	return &Found{IDs: f.ids, finish: f.bf.Result, bounds: f.bf.bounds, spill: f.spill}
}

// Finish finds the Result of a Found from FoundLater, waiting for the
// finder; it does nothing on a Found whose Result is found already. It is
// not safe to call from two goroutines at once.
func (f *Found) Finish() {
	if f.finish != nil {
		f.Result = f.finish()
		f.finish = nil
	}
}

// Close removes the file of a Found from a NewSpillingFoundFinder, for a
// caller that does not give it to Run (which closes it); it does nothing
// on another Found. The Found is not to be used after.
func (f *Found) Close() error {
	if f.spill == nil {
		return nil
	}
	err := f.spill.close()
	f.spill = nil
	return err
}

// match returns the index in records of each document of f, checking that
// the answered records are the ones f was found in, in the same order. It
// finishes f first. The records of a spilling Found (whose answers are
// in the spill, not the records) are matched by ID.
func (f *Found) match(records []corpus.Record) ([]int, error) {
	f.Finish()
	if f.Result == nil {
		return nil, fmt.Errorf("analysis: the boilerplate found beforehand has no result")
	}
	if len(f.Result.Spans) != len(f.IDs) || len(f.Result.Share) != len(f.IDs) {
		return nil, fmt.Errorf("analysis: the boilerplate found beforehand is incomplete: %d IDs for %d span lists", len(f.IDs), len(f.Result.Spans))
	}
	index := make([]int, 0, len(f.IDs))
	for i := range records {
		spilled := f.spill != nil && records[i].Answer == "" && len(index) < len(f.IDs) && records[i].ID == f.IDs[len(index)]
		if records[i].Answer == "" && !spilled {
			continue
		}
		k := len(index)
		if k == len(f.IDs) {
			return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of %d answered records; record %d (%s) is one more: these are not the records it was found in", len(f.IDs), i+1, records[i].ID)
		}
		if records[i].ID != f.IDs[k] {
			return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of other records: answered record %d is %s, not %s: these are not the records it was found in", k+1, records[i].ID, f.IDs[k])
		}
		index = append(index, i)
	}
	if len(index) != len(f.IDs) {
		return nil, fmt.Errorf("analysis: the boilerplate found beforehand is of %d answered records, these are %d: these are not the records it was found in", len(f.IDs), len(index))
	}
	return index, nil
}
