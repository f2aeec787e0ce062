// Package synth generates a synthetic corpus of answers for benchmarking
// boilerplate detection at scales the real corpus does not reach (a
// million answers).
//
// Each answer is 1 to 8 sentences in one to three paragraphs. A sentence is,
// with probability Config.FamilyShare, drawn from a set of seed sentences
// (real sentences sampled from the shared corpus when given, else a small
// built-in set of stock answers) with a Zipf-like preference for the first
// seeds, so that some are used very often and most rarely, as in real
// boilerplate; a drawn sentence is perturbed with probability 0.3 (a word
// replaced, dropped or inserted, or a number changed). Otherwise it is a
// noise sentence of 8 to 30 words drawn uniformly from the seeds'
// vocabulary, which is almost surely unique and unlike any other: the bulk
// of distinct sentences the similarity search must handle.
//
// Generation is streaming (Next yields one answer at a time) and fully
// determined by Config.Seed.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/text"
)

// Config sets the generator. The zero value of each field means its
// default: N 10,000, Seed 1, FamilyShare 0.4, Bodies 25.
type Config struct {
	N           int     // answers to generate
	Seed        uint64  // random seed
	FamilyShare float64 // probability that a sentence comes from a seed family
	Bodies      int     // number of answering bodies, "Department 1".."Department N"
}

// builtinSeeds are stock sentences of written answers, used when no real
// sentences are given.
var builtinSeeds = []string{
	"The information requested is not held centrally and could only be obtained at disproportionate cost.",
	"As has been the case under successive administrations, it is not government policy to comment on the government's security arrangements.",
	"I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.",
	"The Department does not hold this information.",
	"It has not proved possible to respond to the hon. Member in the time available before prorogation.",
	"Further details will be set out in due course.",
	"We keep all policies under review and will continue to engage with stakeholders.",
	"Decisions on future funding will be made at the Spending Review in the usual way.",
	"Operational decisions on security arrangements are made by the police, independent of politicians.",
	"The Government will respond to the consultation in due course.",
	"Education is a devolved matter, and the response outlines the information for England only.",
	"Departments are responsible for their own procurement decisions in line with the Public Contract Regulations.",
}

// Generator yields synthetic answers. It is not safe for concurrent use.
type Generator struct {
	cfg   Config
	rng   *rand.Rand
	seeds [][]string // seed sentences as words
	vocab []string
	cum   []float64 // cumulative Zipf weights over seeds
	i     int
	base  time.Time
}

// New returns a generator drawing family sentences from seeds (nil: the
// built-in stock sentences).
func New(cfg Config, seeds []string) *Generator {
	if cfg.N <= 0 {
		cfg.N = 10000
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.FamilyShare <= 0 {
		cfg.FamilyShare = 0.4
	}
	if cfg.Bodies <= 0 {
		cfg.Bodies = 25
	}
	if len(seeds) == 0 {
		seeds = builtinSeeds
	}
	g := &Generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x5eed)), base: time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)}
	seen := map[string]bool{}
	for _, s := range seeds {
		w := strings.Fields(s)
		g.seeds = append(g.seeds, w)
		for _, t := range text.Tokenize(s) {
			lw := strings.ToLower(t.Text)
			if !seen[lw] {
				seen[lw] = true
				g.vocab = append(g.vocab, lw)
			}
		}
	}
	// Zipf weights 1/(rank+1)^0.8: the first seeds are used far more often
	// than the last.
	total := 0.0
	for r := range g.seeds {
		total += math.Pow(float64(r+1), -0.8)
		g.cum = append(g.cum, total)
	}
	return g
}

// Next returns the next answer, or false after Config.N of them.
func (g *Generator) Next() (boilerplate.Doc, bool) {
	if g.i >= g.cfg.N {
		return boilerplate.Doc{}, false
	}
	i := g.i
	g.i++
	var b strings.Builder
	n := 1 + g.rng.IntN(8)
	for s := 0; s < n; s++ {
		if s > 0 {
			if g.rng.IntN(3) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if g.rng.Float64() < g.cfg.FamilyShare {
			g.family(&b)
		} else {
			g.noise(&b)
		}
	}
	return boilerplate.Doc{
		ID:   "synth:" + strconv.Itoa(i+1),
		Body: fmt.Sprintf("Department %d", 1+g.rng.IntN(g.cfg.Bodies)),
		Date: g.base.AddDate(0, 0, g.rng.IntN(730)),
		Text: strings.Clone(b.String()), // exact size: the builder over-allocates up to 2x
	}, true
}

// family writes a seed sentence, perturbed with probability 0.3.
func (g *Generator) family(b *strings.Builder) {
	x := g.rng.Float64() * g.cum[len(g.cum)-1]
	lo, hi := 0, len(g.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if g.cum[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	w := g.seeds[lo]
	if g.rng.Float64() >= 0.3 || len(w) < 3 {
		writeWords(b, w)
		return
	}
	w = append([]string(nil), w...)
	k := 1 + g.rng.IntN(len(w)-2) // never the first or last word
	switch g.rng.IntN(4) {
	case 0:
		w[k] = g.word()
	case 1:
		w = append(w[:k], w[k+1:]...)
	case 2:
		w = append(w[:k], append([]string{g.word()}, w[k:]...)...)
	default:
		w[k] = strconv.Itoa(1 + g.rng.IntN(99999))
	}
	writeWords(b, w)
}

// noise writes a sentence of 8 to 30 random vocabulary words.
func (g *Generator) noise(b *strings.Builder) {
	n := 8 + g.rng.IntN(23)
	for k := 0; k < n; k++ {
		w := g.word()
		if k == 0 {
			r, size := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[size:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
}

func (g *Generator) word() string { return g.vocab[g.rng.IntN(len(g.vocab))] }

func writeWords(b *strings.Builder, w []string) {
	for k, x := range w {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x)
	}
}
