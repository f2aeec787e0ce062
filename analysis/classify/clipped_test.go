package classify

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// clipLikeList returns a copy of r as the Written Questions API's list
// endpoint gives it: question and answer cut to corpus.ListClipRunes
// characters, the answer then marked "...", and Truncated set when either
// was cut. The list's plain text runs paragraphs together, so the answer's
// line breaks go first; its HTML is dropped, as the list has none.
func clipLikeList(r *corpus.Record) *corpus.Record {
	c := *r
	clip := func(s, mark string) (string, bool) {
		n := 0
		for i := range s {
			if n == corpus.ListClipRunes {
				return s[:i] + mark, true
			}
			n++
		}
		return s, false
	}
	var a, q bool
	c.Answer, a = clip(strings.ReplaceAll(r.Answer, "\n", ""), "...")
	c.Question, q = clip(r.Question, "")
	c.Truncated = a || q
	c.AnswerHTML = ""
	return &c
}

// clippedSet is the labelled API answers CheckConfusion counts whose text
// the list endpoint would clip, clipped (clipLikeList), with their labels;
// and the number of those answers the list files hold clipped for real,
// with how many of them the rules, and the embedded model, give the same
// stance as read in the list and as clipLikeList clips the whole text.
type clippedSet struct {
	gold                       Overrides
	clipped                    map[string]*corpus.Record
	real, sameRules, sameModel int
}

var (
	clippedOnce  sync.Once
	clippedSetOf clippedSet
)

// clippedPool returns the clippedSet, read once for both clipped-confusion
// tests.
func clippedPool(t *testing.T) clippedSet {
	t.Helper()
	// Skip here, outside the Once, when the shared data is absent.
	shared.Path(t, "data/api")
	clippedOnce.Do(func() { clippedSetOf = readClippedSet(t) })
	return clippedSetOf
}

func readClippedSet(t *testing.T) clippedSet {
	t.Helper()
	all := Overrides{}
	for _, cs := range checkSets {
		for k, v := range readLabels(t, filepath.Join("testdata", cs.file)) {
			all[k] = v
		}
	}
	for k, v := range round3Gold(t, "train") {
		all[k] = v
	}
	whole := loadLabelled(t, all)
	want := map[string]bool{}
	p := clippedSet{gold: Overrides{}, clipped: map[string]*corpus.Record{}}
	for k, v := range all {
		if !strings.HasPrefix(k, "api:") {
			continue
		}
		r, ok := whole[k]
		if !ok {
			t.Fatalf("%s: record not found in the shared data", k)
		}
		if c := clipLikeList(r); c.Truncated {
			p.gold[k], p.clipped[k], want[k] = v, c, true
		}
	}
	var rules Classifier
	model := Classifier{Model: EmbeddedModel()}
	for k, l := range loadListOnly(t, want) {
		if !l.Truncated || l.Answer == "" {
			continue // unanswered when the list was saved, or not clipped
		}
		p.real++
		if rules.Classify(Input{Record: l}).Stance == rules.Classify(Input{Record: p.clipped[k]}).Stance {
			p.sameRules++
		}
		if model.Classify(Input{Record: l}).Stance == model.Classify(Input{Record: p.clipped[k]}).Stance {
			p.sameModel++
		}
	}
	return p
}

// TestClippedConfusionFile measures the default rules' confusion on the
// labelled API answers of CheckConfusion clipped as the list endpoint
// clips them, and fails when the embedded confusion-clipped.tsv differs;
// with -update it rewrites it:
//
//	go test ./analysis/classify -run TestClippedConfusionFile -update
//
// It also checks the clipping against the list files: where they hold a
// labelled answer clipped for real, the rules and the embedded model must
// each read it as they read clipLikeList's clipping of the whole text in
// at least 95% of cases.
func TestClippedConfusionFile(t *testing.T) {
	p := clippedPool(t)
	gold, clipped, real, same, sameModel := p.gold, p.clipped, p.real, p.sameRules, p.sameModel
	if real < 100 {
		t.Fatalf("the list files hold %d labelled answers clipped for real; the clipping cannot be checked on so few", real)
	}
	for _, c := range []struct {
		who  string
		same int
	}{{"the rules", same}, {"the embedded model", sameModel}} {
		if agree := float64(c.same) / float64(real); agree < 0.95 {
			t.Errorf("%s read %d of %d answers clipped by the list endpoint as they read clipLikeList's clipping of the whole text (%.3f); want at least 0.95", c.who, c.same, real, agree)
		}
	}
	var rules Classifier
	var got Confusion
	for _, k := range sortedKeys(gold) {
		got.Counts[stanceIndex(gold[k].Stance)][stanceIndex(rules.Classify(Input{Record: clipped[k]}).Stance)]++
	}
	header := append(clippedHeader(got.Total(), real, same, "the default rules", "the rules give"),
		"",
		"Rows: the coders' stance; columns: the rules' stance. Measured by",
		"TestClippedConfusionFile on the rules of this commit; after changing the rules or",
		"the labels, refresh with: go test ./analysis/classify -run TestClippedConfusionFile -update",
	)
	checkConfusionFile(t, "confusion-clipped.tsv", clippedConfusionTSV, "TestClippedConfusionFile", header, got, "ClippedConfusion", ClippedConfusion)
}

// TestModelClippedConfusionFile measures the learned decision's confusion
// out of sample on the answers of confusion-clipped.tsv: each clipped
// answer is decided by the model fitted, on whole texts, to the other
// folds of the cross-validation TestModelConfusionFile runs. With -update
// it rewrites confusion-model-clipped.tsv:
//
//	go test ./analysis/classify -run TestModelClippedConfusionFile -update
func TestModelClippedConfusionFile(t *testing.T) {
	if testing.Short() {
		t.Skip("fits five models")
	}
	p := clippedPool(t)
	gold, clipped, real, same := p.gold, p.clipped, p.real, p.sameModel
	api, twfy, all, _ := timeSplit(t, nil)
	folds := cvFolds(api, twfy)
	var rules Classifier
	pred := map[string]Verdict{}
	for i := range folds {
		var items []splitItem
		for _, it := range folds[i] {
			if r, ok := clipped[it.key]; ok {
				f, v := rules.Features(Input{Record: r})
				items = append(items, splitItem{it.key, f, v})
			}
		}
		predictItems(fitItems(t, otherFolds(folds, i), all, keepAll), items, keepAll, pred)
	}
	var got Confusion
	for _, k := range sortedKeys(gold) {
		p, ok := pred[k]
		if !ok {
			t.Fatalf("%s: no fold decided it", k)
		}
		got.Counts[stanceIndex(gold[k].Stance)][stanceIndex(p.Stance)]++
	}
	header := append(clippedHeader(got.Total(), real, same, fmt.Sprintf("the learned decision (as EmbeddedModel is fitted: no LSA, keeping %s)", strings.Join(KeptRules, ", ")), "the embedded model gives"),
		"Each is decided out of sample by a model fitted to the whole texts of the other folds",
		fmt.Sprintf("of confusion-model.tsv's %d-fold cross-validation.", cvK),
		"",
		"Rows: the coders' stance; columns: the model's stance. Measured by",
		"TestModelClippedConfusionFile; after changing the rules, the features or the labels,",
		"refresh with: go test ./analysis/classify -run TestModelClippedConfusionFile -update",
	)
	checkConfusionFile(t, "confusion-model-clipped.tsv", modelClippedConfusionTSV, "TestModelClippedConfusionFile", header, got, "ModelClippedConfusion", ModelClippedConfusion)
}

// clippedHeader is the first paragraph of both clipped confusion files:
// which answers, clipped how, decided by whom, and the check against the
// list files.
func clippedHeader(n, real, same int, decider, reads string) []string {
	return []string{
		fmt.Sprintf("Stance confusion of %s", decider),
		fmt.Sprintf("on the %d labelled API answers of confusion.tsv whose question or answer the", n),
		fmt.Sprintf("Written Questions API's list endpoint clips, clipped as it clips them (%d characters,", corpus.ListClipRunes),
		`the answer's line breaks dropped and "..." added). Of the answers the shared list`,
		fmt.Sprintf("files hold clipped for real, %s the same stance to %d of %d as to this clipping of", reads, same, real),
		"the whole text. Coded blind, on the whole texts, from the codebook by language-model",
		"coding agents, not trained human coders, and adjudicated.",
	}
}

func TestClippedConfusionsParse(t *testing.T) {
	r, m := ClippedConfusion(), ModelClippedConfusion()
	if r.Total() == 0 || r.Total() != m.Total() {
		t.Errorf("ClippedConfusion() counts %d answers, ModelClippedConfusion() %d: they must count the same ones", r.Total(), m.Total())
	}
	for _, c := range []Confusion{r, m} {
		if !strings.Contains(c.Source, "list endpoint clips") {
			t.Errorf("Source %q does not say the answers were clipped", c.Source)
		}
	}
}
