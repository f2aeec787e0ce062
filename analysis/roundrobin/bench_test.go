package roundrobin

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/corpus"
)

const benchQuestion = "To ask the Secretary of State for Levelling Up, Housing and Communities, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years; and if he will make a statement on his Department's policy."

func BenchmarkNeutralise(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Neutralise(benchQuestion)
	}
}

func BenchmarkPrepare(b *testing.B) {
	in, k := interner{}, newKeyer()
	for i := 0; i < b.N; i++ {
		prepare(benchQuestion, false, in, k)
	}
}

// synthetic returns n questions from n/20 askers, seeded: each asker tables
// a mix of single questions and round robins to five bodies, over a year.
func synthetic(n int) []corpus.Record {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%04d", i)
	}
	bodies := []string{"Transport", "Work and Pensions", "Health and Social Care", "Defence", "Education"}
	recs := make([]corpus.Record, 0, n)
	for len(recs) < n {
		words := make([]string, 8+rng.IntN(20))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
		}
		q := "what " + strings.Join(words, " ") + "."
		asker := corpus.Member{ID: 1 + rng.IntN(n/20+1)}
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(365))
		k := 1
		if rng.IntN(10) == 0 {
			k = len(bodies)
		}
		for b := 0; b < k && len(recs) < n; b++ {
			recs = append(recs, corpus.Record{ID: fmt.Sprintf("s:%d", len(recs)), Asker: asker, DateTabled: day,
				Department: bodies[b],
				Question:   "To ask the Secretary of State for " + bodies[b] + ", " + q})
		}
	}
	return recs
}

// BenchmarkFindSynthetic measures Find on 58,000 synthetic questions, the
// size of the API corpus, without the shared data.
func BenchmarkFindSynthetic(b *testing.B) {
	recs := synthetic(58000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(recs, Config{})
	}
}
