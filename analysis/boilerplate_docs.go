package analysis

import (
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
