package boilerplate

import (
	"testing"

	"github.com/parlance-go/parlance/analysis/text"
)

// benchFind runs Find, segmentation included, on the first n real answers
// (all if n is 0), reporting sentences per second.
func benchFind(b *testing.B, n int) {
	docs := loadReal(b)
	if n > 0 && n < len(docs) {
		docs = docs[:n]
	}
	b.ReportAllocs()
	var res *Result
	for b.Loop() {
		res = Find(docs, Config{})
	}
	b.ReportMetric(float64(res.Stats.Sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(res.Stats.Families), "families")
}

// BenchmarkFind5000 is the size the researcher's TF-IDF baseline took 31 s
// and 1.8 GB for.
func BenchmarkFind5000(b *testing.B) { benchFind(b, 5000) }

// BenchmarkFind20000 is the size the baseline took 430 s and 6.5 GB for.
func BenchmarkFind20000(b *testing.B) { benchFind(b, 20000) }

// BenchmarkFindAll runs the whole shared full-text corpus (46,343 answered
// of 49,450 questions), which the baseline could not run in 24 GB.
func BenchmarkFindAll(b *testing.B) { benchFind(b, 0) }

// BenchmarkFindPresegmented measures Find without segmentation, as the
// pipeline calls it with sentences already split.
func BenchmarkFindPresegmented(b *testing.B) {
	docs := append([]Doc(nil), loadReal(b)...)
	sents := segmentAll(docs, 0, text.NewSegmenter)
	for i := range docs {
		docs[i].Sentences = sents[i]
	}
	b.ReportAllocs()
	for b.Loop() {
		Find(docs, Config{})
	}
}
