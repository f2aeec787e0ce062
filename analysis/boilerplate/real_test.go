package boilerplate

import (
	"flag"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

var recallAnswers = flag.Int("recall.answers", 3000, "answers sampled for TestRecall (0: all)")

var (
	realOnce sync.Once
	realDocs []Doc
	realErr  error
)

// loadReal returns the shared corpus's full-text answers as Docs, loaded
// once per test binary.
func loadReal(tb testing.TB) []Doc {
	tb.Helper()
	dir := shared.Path(tb, "data/api/fulltext")
	realOnce.Do(func() {
		realDocs, realErr = readAnswers(dir)
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realDocs
}

// readAnswers reads the answered records under dir as Docs.
func readAnswers(dir string) ([]Doc, error) {
	recs, _, err := corpus.ReadAll([]string{dir}, corpus.Options{})
	if err != nil {
		return nil, err
	}
	var out []Doc
	for _, r := range recs {
		if r.Answer != "" {
			out = append(out, Doc{ID: r.ID, Body: r.Department, Date: r.DateAnswered, Text: r.Answer})
		}
	}
	return out, nil
}

// sampleDocs returns n docs drawn without replacement with a fixed seed,
// in corpus order.
func sampleDocs(docs []Doc, n int, seed uint64) []Doc {
	if n <= 0 || n >= len(docs) {
		return docs
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	idx := rng.Perm(len(docs))[:n]
	slices.Sort(idx)
	out := make([]Doc, n)
	for i, j := range idx {
		out[i] = docs[j]
	}
	return out
}

// exactPairs returns every pair of representatives (a<<32|b, a<b) whose
// shingle sets have Jaccard ≥ t, exactly, by prefix filtering: with the
// shingles of every set ordered by ascending corpus frequency, two sets
// with J(A,B) ≥ t must share one of the first |A| - ⌈t·|A|⌉ + 1 shingles
// of A (and likewise of B), so all such pairs meet in the inverted index of
// prefixes, and each is then checked with the exact Jaccard.
func exactPairs(sh *shingles, t float64) []uint64 {
	freq := map[uint32]int{}
	for _, set := range sh.sets {
		for _, x := range set {
			freq[x]++
		}
	}
	index := map[uint32][]int32{}
	var out []uint64
	seen := map[uint64]bool{}
	for i := range sh.rep {
		if sh.rep[i] != int32(i) {
			continue
		}
		s := slices.Clone(sh.set(int32(i)))
		slices.SortFunc(s, func(a, b uint32) int {
			if freq[a] != freq[b] {
				return freq[a] - freq[b]
			}
			return int(int64(a) - int64(b))
		})
		p := len(s) - int(ceil(t*float64(len(s)))) + 1
		for _, x := range s[:min(p, len(s))] {
			for _, j := range index[x] {
				key := uint64(j)<<32 | uint64(uint32(i))
				if seen[key] {
					continue
				}
				seen[key] = true
				if jaccard(sh.set(j), sh.set(int32(i))) >= t {
					out = append(out, key)
				}
			}
			index[x] = append(index[x], int32(i))
		}
	}
	slices.Sort(out)
	return out
}

func ceil(x float64) float64 {
	c := float64(int(x))
	if c < x-1e-12 {
		c++
	}
	return c
}

// internedShingles merges the sentences of docs as Find does and returns
// the shingle sets of the distinct ones, with their representatives.
func internedShingles(docs []Doc, cfg Config) *shingles {
	f := NewFinder(cfg)
	f.Add(docs)
	f.sh.findReps()
	return f.sh
}

// lshPairs runs the LSH stage of Find on docs without the union-find
// shortcut and returns the shingles and every verified near-duplicate pair
// of representatives that shares a bucket in some band.
func lshPairs(docs []Doc, cfg Config) (*shingles, []uint64) {
	cfg = cfg.withDefaults()
	sh := internedShingles(docs, cfg)
	perBand, _ := newLSH(sh, cfg).bands(0, cfg.Bands, nil)
	var all []uint64
	for _, p := range perBand {
		all = append(all, p...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	var found []uint64
	for i, ok := range verifyPairs(sh, all, cfg) {
		if ok {
			found = append(found, all[i])
		}
	}
	return sh, found
}

// TestRecall measures the recall of Find's LSH stage against exact
// all-pairs Jaccard on the distinct sentences of a fixed random sample of
// real answers (-recall.answers, default 3,000; 0 for the whole corpus).
func TestRecall(t *testing.T) {
	docs := sampleDocs(loadReal(t), *recallAnswers, 7)
	var all []uint64 // exact pairs at the lowest threshold, a superset of the others'
	for i, cfg := range []Config{{Threshold: 0.5}, {}, {Threshold: 0.8}} {
		c := cfg.withDefaults()
		sh, found := lshPairs(docs, c)
		if i == 0 {
			all = exactPairs(sh, c.Threshold)
		}
		var truth []uint64
		for _, p := range all {
			if jaccard(sh.set(int32(p>>32)), sh.set(int32(uint32(p)))) >= c.Threshold {
				truth = append(truth, p)
			}
		}
		hit := 0
		for _, p := range found {
			if _, ok := slices.BinarySearch(truth, p); ok {
				hit++
			}
		}
		if hit != len(found) {
			t.Errorf("threshold %.2f: %d LSH pairs are not exact near-duplicates", c.Threshold, len(found)-hit)
		}
		recall := 1.0
		if len(truth) > 0 {
			recall = float64(hit) / float64(len(truth))
		}
		reps := 0
		for i, r := range sh.rep {
			if r == int32(i) {
				reps++
			}
		}
		t.Logf("answers %d  distinct shingle sets %d  k=%d H=%d b=%d t=%.2f: exact pairs %d, LSH found %d, recall %.4f",
			len(docs), reps, c.ShingleSize, c.Hashes, c.Bands, c.Threshold, len(truth), hit, recall)
		if cfg == (Config{}) {
			if len(truth) < 200 {
				t.Errorf("only %d exact pairs in the sample: too few to measure recall", len(truth))
			}
			if recall < 0.98 {
				t.Errorf("recall %.4f < 0.98 at the default parameters", recall)
			}
		}
	}
}

// TestExactPairsBruteForce checks the recall reference itself against
// brute-force all pairs on a small sample.
func TestExactPairsBruteForce(t *testing.T) {
	docs := sampleDocs(loadReal(t), 400, 3)
	cfg := Config{}.withDefaults()
	sh := internedShingles(docs, cfg)
	var brute []uint64
	for i := range sh.rep {
		for j := i + 1; j < len(sh.rep); j++ {
			if sh.rep[i] == int32(i) && sh.rep[j] == int32(j) && jaccard(sh.set(int32(i)), sh.set(int32(j))) >= 0.5 {
				brute = append(brute, uint64(i)<<32|uint64(j))
			}
		}
	}
	if got := exactPairs(sh, 0.5); !slices.Equal(got, brute) {
		t.Fatalf("prefix filter found %d pairs, brute force %d", len(got), len(brute))
	}
	if len(brute) == 0 {
		t.Fatal("no pairs in the sample")
	}
}

// TestRealFamilies checks that the stock "disproportionate cost" refusal
// comes out as families used by many answers of several bodies, among all
// the answers that mention it and 3,000 others.
func TestRealFamilies(t *testing.T) {
	all := loadReal(t)
	docs := sampleDocs(all, 3000, 11)
	for _, d := range all {
		if strings.Contains(d.Text, "disproportionate cost") {
			docs = append(docs, d)
		}
	}
	res := Find(docs, Config{})
	t.Logf("%+v", res.Stats)
	answers, bodies := 0, map[string]bool{}
	for _, f := range res.Families {
		if strings.Contains(f.Canonical, "at disproportionate cost") && f.Texts >= 5 {
			answers += f.Answers
			for _, b := range f.Bodies {
				bodies[b.Body] = true
			}
			t.Logf("family %d: %d answers, %d texts, %d bodies, %d variants: %s", f.ID, f.Answers, f.Texts, len(f.Bodies), len(f.Variants), f.Canonical)
		}
	}
	if answers < 60 || len(bodies) < 8 {
		t.Errorf("disproportionate-cost families with 5+ texts cover %d answers of %d bodies; want 60+ answers of 8+ bodies", answers, len(bodies))
	}
}

// TestSampleSecurityRefusal checks, on the project's Hikvision sample page,
// that the Cabinet Office's security refusal, given by several departments
// to one round robin, is one family used by them all.
func TestSampleSecurityRefusal(t *testing.T) {
	recs, _, err := readSample()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	for _, r := range recs {
		docs = append(docs, Doc{ID: r.ID, Body: r.Department, Date: r.DateAnswered, Text: r.Answer})
	}
	res := Find(docs, Config{})
	const want = "it is not government policy to comment on the government's security arrangements."
	for _, f := range res.Families {
		for _, v := range f.Variants {
			if strings.HasSuffix(v.Text, want) {
				t.Logf("family %d: %d answers, %d bodies: %q", f.ID, f.Answers, len(f.Bodies), f.Canonical)
				if f.Answers < 4 || len(f.Bodies) < 3 {
					t.Errorf("security refusal used by %d answers of %d bodies, want 4+ of 3+", f.Answers, len(f.Bodies))
				}
				return
			}
		}
	}
	t.Errorf("no family holds %q; families: %+v", want, res.Families)
}

func readSample() ([]corpus.Record, *corpus.Summary, error) {
	s, err := corpus.OpenSample(corpus.Options{})
	if err != nil {
		return nil, nil, err
	}
	var out []corpus.Record
	for {
		r, err := s.Read()
		if err == io.EOF {
			return out, s.Summary(), nil
		}
		if err != nil {
			return nil, nil, err
		}
		if r.Answer != "" {
			out = append(out, *r)
		}
	}
}

var chainAnswers = flag.Int("chain.answers", 6000, "answers sampled for TestChaining (0: all)")

// sentenceShingles returns the shingle set Find compares for a
// normalised sentence.
func sentenceShingles(s string, cfg Config) []uint32 {
	return shingleSet(wordHashes(s, nil), cfg.ShingleSize)
}

// TestChaining measures whether connected components chain unrelated
// sentences: for every family it compares each variant with the canonical
// sentence and counts the occurrences of variants less similar to it than
// Threshold/2.
func TestChaining(t *testing.T) {
	docs := sampleDocs(loadReal(t), *chainAnswers, 5)
	for _, th := range []float64{0.5, 0.6} {
		cfg := Config{Threshold: th}.withDefaults()
		res := Find(docs, cfg)
		total, far, farFams, biggest := 0, 0, 0, 0
		for _, f := range res.Families {
			canon := sentenceShingles(f.Canonical, cfg)
			bad := false
			biggest = max(biggest, len(f.Variants))
			for _, v := range f.Variants {
				total += v.Count
				if jaccard(canon, sentenceShingles(v.Text, cfg)) < th/2 {
					far += v.Count
					bad = true
					if testing.Verbose() && len(f.Variants) < 50 {
						t.Logf("t=%.1f family %d %q\n   far variant %q", th, f.ID, f.Canonical, v.Text)
					}
				}
			}
			if bad {
				farFams++
			}
		}
		t.Logf("t=%.2f: %d families, largest %d variants; %d of %d member occurrences (%.2f%%) in %d families are less than t/2 similar to their canonical",
			th, len(res.Families), biggest, far, total, 100*float64(far)/float64(max(total, 1)), farFams)
		if float64(far) > 0.05*float64(total) {
			t.Errorf("t=%.2f: components chain: %d of %d occurrences far from their canonical", th, far, total)
		}
	}
}

// TestInternCollisions checks that merging identical sentences does not
// depend on the hash that keys them: with a hash that makes most distinct
// sentences collide (so that chunks are undone and merged again one
// sentence at a time), Find gives the same result on 3,000 real answers.
func TestInternCollisions(t *testing.T) {
	docs := loadReal(t)
	docs = docs[:min(len(docs), 3000)]
	want := Find(docs, Config{})
	defer func(h func(string) uint64) { sentenceHash = h }(sentenceHash)
	sentenceHash = func(s string) uint64 { return fnv64(s) % 4096 }
	got := Find(docs, Config{})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find with colliding sentence hashes differs: %d families (stats %+v), want %d (stats %+v)",
			len(got.Families), got.Stats, len(want.Families), want.Stats)
	}
}

// TestFinderBatches checks that a Finder given docs in batches of any size
// (here uneven ones, some smaller than a doc's worth and some crossing
// internChunk) gives Find's result, with the texts copied rather than
// kept, and with hashes that collide, so that batches are merged again one
// sentence at a time against first occurrences from earlier batches.
func TestFinderBatches(t *testing.T) {
	docs := loadReal(t)
	docs = docs[:min(len(docs), 12000)]
	want := Find(docs, Config{})
	batches := []int{1, 0, 7, 993, internChunk + 5, 2}
	run := func() *Result {
		f := NewFinder(Config{})
		for lo, k := 0, 0; lo < len(docs); k++ {
			hi := min(lo+batches[k%len(batches)], len(docs))
			f.Add(docs[lo:hi])
			lo = hi
		}
		return f.Result()
	}
	if got := run(); !reflect.DeepEqual(got, want) {
		t.Errorf("Finder in batches differs from Find: %d families (stats %+v), want %d (stats %+v)",
			len(got.Families), got.Stats, len(want.Families), want.Stats)
	}
	// Keys in a range of 2¹⁶ make hits that are not the same sentence in
	// most batches, while keeping the probe sequences short (a miss probes
	// to the next free key, normalising each first occurrence on the way).
	defer func(h func(string) uint64) { sentenceHash = h }(sentenceHash)
	sentenceHash = func(s string) uint64 { return fnv64(s) % (1 << 16) }
	if got := run(); !reflect.DeepEqual(got, want) {
		t.Errorf("Finder in batches with colliding hashes differs from Find: %d families (stats %+v), want %d (stats %+v)",
			len(got.Families), got.Stats, len(want.Families), want.Stats)
	}
}
