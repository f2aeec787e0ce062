package classify

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// readFullText reads the answered records of some shared full-text files.
func readFullText(tb testing.TB, glob string) []*corpus.Record {
	tb.Helper()
	dir := shared.Path(tb, "data/api/fulltext")
	files, _ := filepath.Glob(filepath.Join(dir, glob))
	sort.Strings(files)
	var out []*corpus.Record
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			tb.Fatal(err)
		}
		r := corpus.NewFullTextReader(zr, f, nil, nil)
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			var p *corpus.Problem
			if errors.As(err, &p) {
				continue
			}
			if err != nil {
				tb.Fatal(err)
			}
			if rec.Answer != "" {
				out = append(out, rec)
			}
		}
		fh.Close()
	}
	return out
}

// BenchmarkClassify measures classification of real answers (one month of
// full texts), sentence splitting included.
func BenchmarkClassify(b *testing.B) {
	benchClassify(b, &Classifier{}, readFullText(b, "2024-07.jsonl.gz"))
}

// benchClassify times c classifying recs in turn, after one answer that
// loads the models.
func benchClassify(b *testing.B, c *Classifier, recs []*corpus.Record) {
	c.Classify(Input{Record: recs[0]})
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		c.Classify(Input{Record: recs[i%len(recs)]})
	}
	reportCPU(b, start)
}

// TestCorpusSample prints the stance distribution over many real answers and
// a fixed random sample of verdicts, for reading by eye. It runs only when
// CLASSIFY_SAMPLE names an output file.
func TestCorpusSample(t *testing.T) {
	out := os.Getenv("CLASSIFY_SAMPLE")
	if out == "" {
		t.Skip("set CLASSIFY_SAMPLE=<file> to write a sample of verdicts over the corpus")
	}
	glob := os.Getenv("CLASSIFY_SAMPLE_FILES")
	if glob == "" {
		glob = "2025-0[789].jsonl.gz"
	}
	every := 400
	if n, err := strconv.Atoi(os.Getenv("CLASSIFY_SAMPLE_EVERY")); err == nil && n > 0 {
		every = n
	}
	recs := readFullText(t, glob)
	var c Classifier
	counts := map[Stance]int{}
	grounds := map[Ground]int{}
	rng := rand.New(rand.NewSource(1))
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, r := range recs {
		v := c.Classify(Input{Record: r})
		counts[v.Stance]++
		for _, g := range v.Grounds {
			grounds[g]++
		}
		if rng.Intn(every) == 0 {
			fmt.Fprintf(f, "=== %s %s %v (%.2f)\nQ: %s\nA: %s\n", r.ID, v.Stance, v.Grounds, v.Confidence, r.Question, clip(r.Answer, 900))
			for _, e := range v.Evidence {
				fmt.Fprintf(f, "  [%s] %s\n", e.Cue, clip(e.Text, 120))
			}
			fmt.Fprintln(f)
		}
	}
	t.Logf("%d answers: %v", len(recs), counts)
	t.Logf("grounds: %v", grounds)
}

// TestTWFYSample writes verdicts for the TheyWorkForYou 2009 answers (the
// last scrape version of each day) for reading by eye, when
// CLASSIFY_TWFY_SAMPLE names an output file.
func TestTWFYSample(t *testing.T) {
	out := os.Getenv("CLASSIFY_TWFY_SAMPLE")
	if out == "" {
		t.Skip("set CLASSIFY_TWFY_SAMPLE=<file> to write verdicts over the TheyWorkForYou answers")
	}
	dir := shared.Path(t, "data/twfy/wrans")
	var c Classifier
	counts := map[Stance]int{}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rng := rand.New(rand.NewSource(2))
	for _, name := range []string{"answers2009-10-26f.xml", "answers2009-10-27c.xml", "answers2009-10-28c.xml", "answers2009-10-29a.xml"} {
		fh, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		r := corpus.NewTWFYReader(fh, name, nil, nil)
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var p *corpus.Problem
				if errors.As(err, &p) {
					continue
				}
				t.Fatal(err)
			}
			v := c.Classify(Input{Record: rec})
			counts[v.Stance]++
			if rng.Intn(12) == 0 {
				fmt.Fprintf(f, "=== %s %s %v (%.2f) holding=%v\nQ: %s\nA: %s\n", rec.ID, v.Stance, v.Grounds, v.Confidence, rec.Holding, rec.Question, clip(rec.Answer, 700))
				for _, e := range v.Evidence {
					if !e.InQuestion {
						fmt.Fprintf(f, "  [%s] %s\n", e.Cue, clip(e.Text, 100))
					}
				}
				fmt.Fprintln(f)
			}
		}
		fh.Close()
	}
	t.Logf("TheyWorkForYou: %v", counts)
}

// BenchmarkReadFacts measures the cues' reading of sentences not seen
// before (readFacts without the memo), over the sentences of one month of
// real answers that hold a digit, where figureKeys runs: on a large corpus
// most such sentences are new, their figures differing.
func BenchmarkReadFacts(b *testing.B) {
	seg := text.NewSegmenter()
	var sentences []string
	for _, r := range readFullText(b, "2024-07.jsonl.gz") {
		for _, s := range seg.Split(r.Answer) {
			if t := r.Answer[s.Start:s.End]; strings.ContainsAny(t, "0123456789") {
				sentences = append(sentences, t)
			}
		}
	}
	lex := compiledDefault()
	readFacts(sentences[0], false, lex)
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		readFacts(sentences[i%len(sentences)], false, lex)
	}
	reportCPU(b, start)
}

// BenchmarkFoldLower measures foldLower over one month of real answers,
// beside its definition (strings.ToLower, then 'ſ' as 's') as a
// reference: every sentence and answer is folded.
func BenchmarkFoldLower(b *testing.B) {
	var answers []string
	n := 0
	for _, r := range readFullText(b, "2024-07.jsonl.gz") {
		answers = append(answers, r.Answer)
		n += len(r.Answer)
	}
	for _, bc := range []struct {
		name string
		fold func(string) string
	}{
		{"foldLower", foldLower},
		{"reference", func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "ſ", "s") }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(n / len(answers)))
			for i := 0; i < b.N; i++ {
				bc.fold(answers[i%len(answers)])
			}
		})
	}
}
