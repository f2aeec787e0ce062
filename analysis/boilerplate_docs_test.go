package analysis

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// TestFindBoilerplateDocs checks that the documents BoilerplateDoc makes
// give FindBoilerplate's result, on the embedded sample with answers that
// hold a table added (table lines are left out of both) and one record
// without an answer (left out of both).
func TestFindBoilerplateDocs(t *testing.T) {
	recs, _, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	table := "The figures are below.\n\n2004-05" + corpus.CellSeparator + "2005-06\n12" + corpus.CellSeparator + "14\n\nThe Department does not hold information on the cameras installed in its estate."
	for i := range 4 {
		recs = append(recs, corpus.Record{ID: "t:" + string(rune('a'+i)), Department: "Home Office", Answer: table})
	}
	recs = append(recs, corpus.Record{ID: "t:none"})
	want := FindBoilerplate(recs, boilerplate.Config{})
	var docs []boilerplate.Doc
	for i := range recs {
		if d, ok := BoilerplateDoc(&recs[i]); ok {
			docs = append(docs, d)
		}
	}
	got := FindBoilerplateDocs(docs, boilerplate.Config{})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindBoilerplateDocs differs from FindBoilerplate:\n%+v\nwant\n%+v", got.Stats, want.Stats)
	}
	if len(want.Families) == 0 {
		t.Error("no families: the test compares nothing")
	}
}

// TestBoilerplateFinder checks that records given one at a time give
// FindBoilerplate's result, over more than one batch.
func TestBoilerplateFinder(t *testing.T) {
	sample, _, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []corpus.Record
	for len(recs) < 2*boilerplateBatch+10 {
		for _, r := range sample {
			r.ID += fmt.Sprintf("/%d", len(recs))
			recs = append(recs, r)
		}
	}
	recs = append(recs, corpus.Record{ID: "t:none"})
	want := FindBoilerplate(recs, boilerplate.Config{})
	b := NewBoilerplateFinder(boilerplate.Config{})
	added := 0
	for i := range recs {
		if b.Add(&recs[i]) {
			added++
		}
	}
	got := b.Result()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BoilerplateFinder differs from FindBoilerplate:\n%+v\nwant\n%+v", got.Stats, want.Stats)
	}
	if added != len(recs)-1 || len(want.Families) == 0 {
		t.Errorf("added %d of %d records, %d families: the test compares too little", added, len(recs), len(want.Families))
	}
}
