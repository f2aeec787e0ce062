package classify

import (
	"os"
	"sort"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/internal/shared"
)

// TestDevSetWithFamilies measures the dev set again with boilerplate
// families learnt from the whole full-text corpus (LearnFamilies) and their
// spans passed in, to see what "what the corpus itself shows" adds. It
// reads and compares ~49,000 answers, so it runs only when
// CLASSIFY_FAMILIES is set.
func TestDevSetWithFamilies(t *testing.T) {
	if os.Getenv("CLASSIFY_FAMILIES") == "" {
		t.Skip("set CLASSIFY_FAMILIES=1 to learn families from the full corpus (slow)")
	}
	gold := readLabels(t, shared.Path(t, "labels/dev.tsv"))
	want := map[string]bool{}
	for id := range gold {
		want[id] = true
	}
	dev := loadAPIRecords(t, want)
	all := readFullText(t, "*.jsonl.gz")
	// the dev records as hydrated, in place of their full-text copies
	docs := make([]boilerplate.Doc, 0, len(all))
	index := map[string]int{}
	for _, r := range all {
		if d, ok := dev[r.ID]; ok {
			r = d
		}
		index[r.ID] = len(docs)
		docs = append(docs, boilerplate.Doc{ID: r.ID, Body: r.Department, Text: r.Answer})
	}
	res := boilerplate.Find(docs, boilerplate.Config{})
	var c Classifier
	c.LearnFamilies(res.Families)
	n := 0
	for _, gs := range c.FamilyGrounds {
		if len(gs) > 0 {
			n++
		}
	}
	t.Logf("%d families, %d of them refusal formulas", len(res.Families), n)
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pred := map[string]Verdict{}
	var base Classifier
	basePred := map[string]Verdict{}
	for _, id := range ids {
		r, ok := dev[id]
		if !ok {
			continue
		}
		var spans []boilerplate.Span
		if i, ok := index[id]; ok {
			spans = res.Spans[i]
		}
		pred[id] = c.Classify(Input{Record: r, Boilerplate: spans})
		basePred[id] = base.Classify(Input{Record: r})
	}
	s := Evaluate(gold.Verdicts(), pred)
	b := Evaluate(gold.Verdicts(), basePred)
	t.Logf("without families: macro-F1 %.3f grounds %.3f; with: macro-F1 %.3f grounds %.3f", b.MacroF1, b.Grounds.F1, s.MacroF1, s.Grounds.F1)
	if s.MacroF1 < b.MacroF1-0.02 || s.Grounds.F1 < b.Grounds.F1-0.02 {
		t.Errorf("families made the dev scores worse")
	}
}
