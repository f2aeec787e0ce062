package analysis

import (
	"slices"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/parallel"
)

// BoilerplateDoc returns the document FindBoilerplate makes of an answered
// record, without its sentences; ok is false for a record with no answer,
// which FindBoilerplate leaves out. A caller that streams records can
// keep these (ID, body, date and answer) instead of whole records and
// pass them to FindBoilerplateDocs.
func BoilerplateDoc(r *corpus.Record) (doc boilerplate.Doc, ok bool) {
	if r.Answer == "" {
		return boilerplate.Doc{}, false
	}
	return boilerplate.Doc{ID: r.ID, Body: r.Department, Date: r.DateAnswered, Text: r.Answer}, true
}

// FindBoilerplateDocs is FindBoilerplate on the documents BoilerplateDoc
// made of the answered records, in order: it splits each into sentences,
// leaves out the lines of tables as FindBoilerplate does, and gives the
// same Result.
func FindBoilerplateDocs(docs []boilerplate.Doc, cfg boilerplate.Config) *boilerplate.Result {
	seg := text.NewSegmenter()
	parallel.For(len(docs), func(i int) {
		if docs[i].Sentences == nil && docs[i].Text != "" {
			docs[i].Sentences = proseOnly(seg.Split(docs[i].Text))
		}
	})
	return boilerplate.Find(docs, cfg)
}

// BoilerplateFinder is FindBoilerplate on records given one at a time, in
// order, for a caller that streams a corpus: it segments and merges the
// answers a batch at a time as they are delivered (boilerplate.Finder)
// and keeps of each only what the families need, so the answers' texts
// need not all be held. Its Result equals FindBoilerplate's on the same
// records. Result must be called, even after an error, to end the
// goroutine that merges the batches.
type BoilerplateFinder struct {
	f     *boilerplate.Finder
	seg   *text.Segmenter
	ready chan struct{} // closed once seg is loaded
	batch []boilerplate.Doc
	// Prepared batches go to one goroutine that adds them to f in order,
	// so that the next batch is segmented and prepared while the finder
	// merges one (the merge is mostly serial).
	prepared chan *boilerplate.Prepared
	added    chan struct{} // closed when the adder has added every batch
	// bounds, if not nil, collects the whole split of every answer
	// (tables included), in order, for the classifier (see Found).
	bounds *sentenceBounds
}

// boilerplateBatch is the number of answers a BoilerplateFinder gathers
// before segmenting them (in parallel) and passing them on. Small enough
// that a small corpus makes several batches, so that merging one batch
// (partly serial) overlaps segmenting the next instead of waiting for one
// large last batch; a batch's overhead is small beside its answers.
const boilerplateBatch = 1024

// NewBoilerplateFinder returns a BoilerplateFinder with the parameters
// cfg. It loads the sentence model in the background, so that the loading
// overlaps the reading of the first records.
func NewBoilerplateFinder(cfg boilerplate.Config) *BoilerplateFinder {
	b := &BoilerplateFinder{f: boilerplate.NewFinder(cfg), ready: make(chan struct{}),
		prepared: make(chan *boilerplate.Prepared, 1), added: make(chan struct{})}
	go func() {
		b.seg = text.NewSegmenter()
		close(b.ready)
	}()
	go func() {
		for p := range b.prepared {
			b.f.AddPrepared(p)
		}
		close(b.added)
	}()
	return b
}

// Add adds r if it has an answer (BoilerplateDoc) and reports whether it
// did. r's fields are not kept after the batch holding it is passed on.
func (b *BoilerplateFinder) Add(r *corpus.Record) bool {
	d, ok := BoilerplateDoc(r)
	if !ok {
		return false
	}
	b.batch = append(b.batch, d)
	if len(b.batch) >= boilerplateBatch {
		b.flush()
	}
	return true
}

// flush segments the batch, leaving out the lines of tables, prepares it
// (boilerplate.Finder.Prepare) and passes it on to the adder.
func (b *BoilerplateFinder) flush() {
	if len(b.batch) == 0 {
		return
	}
	<-b.ready
	docs := b.batch
	var splits [][]text.Sentence // the whole splits, where bounds are kept
	if b.bounds != nil {
		splits = make([][]text.Sentence, len(docs))
	}
	parallel.For(len(docs), func(i int) {
		if docs[i].Text != "" {
			ss := b.seg.Split(docs[i].Text)
			if splits != nil {
				splits[i] = ss
				ss = slices.Clone(ss) // proseOnly filters in place
			}
			docs[i].Sentences = proseOnly(ss)
		}
	})
	for i, ss := range splits {
		b.bounds.add(ss, len(docs[i].Text))
	}
	b.prepared <- b.f.Prepare(docs)
	b.batch = make([]boilerplate.Doc, 0, boilerplateBatch)
}

// Result finds the families among the records added; it may be called
// once.
func (b *BoilerplateFinder) Result() *boilerplate.Result {
	b.flush()
	b.batch = nil
	close(b.prepared)
	<-b.added
	return b.f.Result()
}
