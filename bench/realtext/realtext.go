// Package realtext loads the shared corpus's full-text answers
// (data/api/fulltext/*.jsonl.gz) as boilerplate.Docs for parlance's
// benchmarks and corpus-scale tests, through corpus.Open.
package realtext

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
)

// Load reads up to n answered records (n <= 0: all) from the full-text
// files in dir, in corpus.Open's order (file name, then line). Unanswered
// records are left out: they have no answer to analyse. Any problem in the
// input is an error: benchmarks must not silently measure less.
func Load(dir string, n int) ([]boilerplate.Doc, error) {
	s, err := corpus.Open([]string{dir}, corpus.Options{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var out []boilerplate.Doc
	for n <= 0 || len(out) < n {
		rec, err := s.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("realtext: %w", err)
		}
		if rec.Answer == "" {
			continue
		}
		out = append(out, boilerplate.Doc{ID: rec.ID, Body: rec.Department, Date: rec.DateAnswered, Text: rec.Answer})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("realtext: no answered records in %s", dir)
	}
	return out, nil
}

// SharedDir returns the shared corpus's full-text directory:
// $PARLANCE_SHARED/data/api/fulltext, else ../shared/data/api/fulltext
// relative to the working directory (the module root).
func SharedDir() string {
	if d := os.Getenv("PARLANCE_SHARED"); d != "" {
		return filepath.Join(d, "data", "api", "fulltext")
	}
	return filepath.Join("..", "shared", "data", "api", "fulltext")
}

// SampleSentences returns k distinct sentences of at least 6 words drawn
// at random (fixed seed) from the docs, in a seeded random order: the seed
// families of a synthetic corpus.
func SampleSentences(docs []boilerplate.Doc, k int, seed uint64) []string {
	seg := text.NewSegmenter()
	seen := map[string]bool{}
	var all []string
	for _, d := range docs {
		for _, s := range seg.Split(d.Text) {
			if len(text.Tokenize(s.Text)) >= 6 && !seen[s.Text] {
				seen[s.Text] = true
				all = append(all, s.Text)
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(k, len(all))]
}
