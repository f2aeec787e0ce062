package classify

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

var (
	corpusOnce  sync.Once
	corpusRecs  []corpus.Record
	corpusErr   error
	spaceOnce   sync.Once
	sharedSpace *Space
	spaceErr    error
)

// sharedCorpus reads every record of the shared data once per test binary:
// the API lists and full texts and the TheyWorkForYou replies.
func sharedCorpus(t testing.TB) []corpus.Record {
	t.Helper()
	ins := []string{shared.Path(t, "data/api/list"), shared.Path(t, "data/api/fulltext"), shared.Path(t, "data/twfy/wrans")}
	corpusOnce.Do(func() {
		corpusRecs, _, corpusErr = corpus.ReadAll(ins, corpus.Options{Lenient: true})
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusRecs
}

// corpusSpace is the LSA space of the shared data, built once per test
// binary as TrainOn builds it.
func corpusSpace(t testing.TB) *Space {
	t.Helper()
	recs := sharedCorpus(t)
	spaceOnce.Do(func() { sharedSpace, spaceErr = BuildSpace(SpaceDocuments(recs), SpaceOptions{}) })
	if spaceErr != nil {
		t.Fatal(spaceErr)
	}
	return sharedSpace
}

// splitItem is one labelled answer of the time split.
type splitItem struct {
	key string
	f   Features
	v   Verdict
}

// timeSplit reads the labelled pool's features (with the relevance
// features of sp added, when sp is not nil) and splits it: the API answers
// in order of ID, and the 2009 replies.
func timeSplit(t *testing.T, sp *Space) (api, twfy []splitItem, gold Overrides, recs map[string]*corpus.Record) {
	gold, recs = labelledPool(t)
	var c Classifier
	seg := sharedSegmenter()
	for _, k := range sortedKeys(gold) {
		r, ok := recs[k]
		if !ok {
			t.Fatalf("%s: record not found", k)
		}
		f, v := c.Features(Input{Record: r})
		if sp != nil {
			sp.addRelevance(Input{Record: r}, v, seg, f)
		}
		it := splitItem{k, f, v}
		if strings.HasPrefix(k, "api:") {
			api = append(api, it)
		} else {
			twfy = append(twfy, it)
		}
	}
	sort.Slice(api, func(i, j int) bool { return apiNum(api[i].key) < apiNum(api[j].key) })
	return api, twfy, gold, recs
}

// withoutLSA returns f without its relevance features.
func withoutLSA(f Features) Features {
	out := Features{}
	for k, x := range f {
		if !strings.HasPrefix(k, "lsa:") {
			out[k] = x
		}
	}
	return out
}

// fitItems fits a model to items' features (passed through keep) and
// labels.
func fitItems(t *testing.T, items []splitItem, gold Overrides, keep func(Features) Features) *Model {
	t.Helper()
	ex := make([]Example, 0, len(items))
	for _, it := range items {
		ex = append(ex, Example{keep(it.f), gold[it.key].Stance})
	}
	m, err := Train(ex, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// predictItems gives m's verdicts on items as Classifier.decide does, from
// the items' features (passed through keep): the rules' verdict where they
// settle it before weighing anything or m keeps it, otherwise the most
// probable class with its probability as confidence, and the grounds
// decide gives it (the rules', or their evidence's, for partial and
// declined; none otherwise).
func predictItems(m *Model, items []splitItem, keep func(Features) Features, pred map[string]Verdict) {
	var rules Classifier
	for _, it := range items {
		v := it.v
		if v.rule != "" && v.Stance != Holding && !m.keeps(v.rule) {
			p := m.Probabilities(keep(it.f))
			k := 0
			for i := range p {
				if p[i] > p[k] {
					k = i
				}
			}
			v.Stance, v.Confidence = m.Classes[k], p[k]
			v.Grounds = []Ground{}
			if v.Stance == Partial || v.Stance == Declined {
				v.Grounds = it.v.Grounds
				if len(v.Grounds) == 0 {
					v.Grounds = rules.evidenceGrounds(it.v)
				}
			}
		}
		pred[it.key] = v
	}
}

// cvFolds are the folds of cross-validation over the labelled pool:
// the API answers in order of ID cut into cvK contiguous blocks (each
// fold's test answers are of one stretch of time), the 2009 replies dealt
// round in order of key.
const cvK = 5

func cvFolds(api, twfy []splitItem) [][]splitItem {
	folds := make([][]splitItem, cvK)
	for i, it := range api {
		folds[i*cvK/len(api)] = append(folds[i*cvK/len(api)], it)
	}
	for i, it := range twfy {
		folds[i%cvK] = append(folds[i%cvK], it)
	}
	return folds
}

// outOfFold returns every item's verdict from a model fitted to the other
// folds.
func outOfFold(t *testing.T, folds [][]splitItem, gold Overrides, keep func(Features) Features) map[string]Verdict {
	pred := map[string]Verdict{}
	for i := range folds {
		predictItems(fitItems(t, otherFolds(folds, i), gold, keep), folds[i], keep, pred)
	}
	return pred
}

// otherFolds is the training set of fold i: every other fold's items.
func otherFolds(folds [][]splitItem, i int) []splitItem {
	var train []splitItem
	for j := range folds {
		if j != i {
			train = append(train, folds[j]...)
		}
	}
	return train
}

func keepAll(f Features) Features { return f }

// TestRelevanceFeatures measures what the LSA relevance features add to
// the learned decision: the learning curve by time (trained on earlier API
// answers and the 2009 replies, scored on the latest fifth of the API
// answers) and 5-fold cross-validation over the labelled pool, each with
// and without them. It fails if they lower macro-F1 on the latest fifth
// with all the training answers, or over the cross-validation.
func TestRelevanceFeatures(t *testing.T) {
	if testing.Short() {
		t.Skip("learns an LSA space from the whole shared corpus and fits many models")
	}
	sp := corpusSpace(t)
	api, twfy, gold, _ := timeSplit(t, sp)
	cut := len(api) * 4 / 5
	later := api[cut:]
	all := gold.Verdicts()
	var b strings.Builder
	fmt.Fprintf(&b, "LSA space: %s\n\nmacro-F1 on the latest fifth of the API answers (%d, %s … %s):\n\n", sp.Built, len(later), later[0].key, later[len(later)-1].key)
	b.WriteString("| trained on | without LSA | with LSA |\n| ---: | ---: | ---: |\n")
	var last [2]float64
	for _, n := range []int{250, 500, 1000, cut} {
		train := append(append([]splitItem(nil), twfy...), api[cut-n:cut]...)
		for w, keep := range []func(Features) Features{withoutLSA, keepAll} {
			pred := map[string]Verdict{}
			predictItems(fitItems(t, train, gold, keep), later, keep, pred)
			last[w] = Evaluate(goldOf(all, later), pred).MacroF1
		}
		fmt.Fprintf(&b, "| %d API + %d 2009 | %.3f | %.3f |\n", n, len(twfy), last[0], last[1])
	}
	if last[1] < last[0] {
		t.Errorf("with all the earlier answers, the LSA features lower macro-F1 on the latest fifth from %.3f to %.3f", last[0], last[1])
	}
	folds := cvFolds(api, twfy)
	pool := goldOf(all, api, twfy)
	var cv [2]Scores
	for w, keep := range []func(Features) Features{withoutLSA, keepAll} {
		cv[w] = Evaluate(pool, outOfFold(t, folds, gold, keep))
	}
	fmt.Fprintf(&b, "\n%d-fold cross-validation over the %d labelled answers outside round 3's test split:\n\n", cvK, len(pool))
	b.WriteString("| | accuracy | macro-F1 | partial F1 | declined F1 |\n| --- | ---: | ---: | ---: | ---: |\n")
	for w, name := range []string{"without LSA", "with LSA"} {
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %.3f |\n", name, cv[w].Accuracy, cv[w].MacroF1, cv[w].Stance[Partial].F1, cv[w].Stance[Declined].F1)
	}
	if cv[1].MacroF1 < cv[0].MacroF1 {
		t.Errorf("the LSA features lower cross-validated macro-F1 from %.3f to %.3f", cv[0].MacroF1, cv[1].MacroF1)
	}
	t.Logf("the learned decision with and without the LSA relevance features (labels by language-model coding agents, adjudicated):\n%s", b.String())
}

// BenchmarkClassifyModelLSA measures classification with a learned model
// that reads the relevance features, on one month of full texts: the
// rules, a second sentence split and the embeddings. The space is learned
// from the same month, with the default options.
func BenchmarkClassifyModelLSA(b *testing.B) {
	recs := readFullText(b, "2024-07.jsonl.gz")
	docs := make([]string, len(recs))
	for i, r := range recs {
		docs[i] = r.Question + "\n" + r.Answer
	}
	sp, err := BuildSpace(docs, SpaceOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m := &Model{Classes: []Stance{Disclosed, Partial}, Features: []string{"lsa:part-best-min"}, Weights: [][]float64{{1}, {-1}}, Bias: []float64{0, 0}, Space: sp}
	benchClassify(b, &Classifier{Model: m}, recs)
}

// goldOf returns the coders' verdicts, from all, of the items in lists.
func goldOf(all map[string]Verdict, lists ...[]splitItem) map[string]Verdict {
	g := map[string]Verdict{}
	for _, items := range lists {
		for _, it := range items {
			g[it.key] = all[it.key]
		}
	}
	return g
}
