package analysis

import (
	"reflect"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// TestFoundKeepsTheSplit checks that the split a FoundFinder keeps of each
// answer, which Run gives the classifier, is the classifier's own split
// (Segmenter.Split) sentence for sentence, on two months of real answers
// (tables and all), and that a changed text is split afresh.
func TestFoundKeepsTheSplit(t *testing.T) {
	recs, _, err := corpus.ReadAll([]string{
		shared.Path(t, "data/api/fulltext/2024-07.jsonl.gz"),
		shared.Path(t, "data/api/fulltext/2024-08.jsonl.gz"),
	}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ff := NewFoundFinder(boilerplate.Config{})
	for i := range recs {
		ff.Add(&recs[i])
	}
	found := ff.Found()
	if found.bounds == nil || len(found.bounds.length) != len(found.IDs) {
		t.Fatalf("bounds of %v answers for %d IDs", found.bounds, len(found.IDs))
	}
	seg := text.NewSegmenter()
	k, sentences := 0, 0
	for i := range recs {
		r := &recs[i]
		if r.Answer == "" {
			continue
		}
		got, want := found.bounds.sentences(k, r.Answer), seg.Split(r.Answer)
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("answer %d (%s): kept split %v, Split gives %v", k, r.ID, got, want)
		}
		if found.bounds.sentences(k, r.Answer+" ") != nil {
			t.Fatalf("answer %d: a split kept for a text of another length", k)
		}
		sentences += len(want)
		k++
	}
	if k < 500 || sentences < 2500 {
		t.Fatalf("only %d answers, %d sentences compared", k, sentences)
	}
	if found.bounds.sentences(k, "") != nil || (*sentenceBounds)(nil).sentences(0, "x") != nil {
		t.Error("a split given past the end, or from no bounds")
	}
}
