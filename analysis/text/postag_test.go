package text

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/parlance-go/parlance/internal/shared"
)

// nearTie is the margin below which two tags count as tied: prose sums a
// word's feature weights in map order, so its scores can differ from
// these in the last bits.
const nearTie = 1e-9

// TestTaggerAgreesWithProse tags real questions with prose and with the
// Tagger: in every sentence they must agree up to the first word whose two
// best tags score the same (where prose's choice is random, and the words
// after it see another context), and such ties must be rare.
//
// Only words that occur once in their question are compared: prose's
// tokenizer hands out one shared token for every occurrence of the same
// stretch of text, so the tag it reports for "what" in "on (a) what dates
// and (b) at what times" is the one its tagger gave the second "what"
// (the Tagger gives each occurrence its own).
func TestTaggerAgreesWithProse(t *testing.T) {
	path := filepath.Join(shared.Path(t, "data/api/fulltext"), "2024-07.jsonl.gz")
	tagger, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	model := func() *prose.Model {
		d, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		return d.Model
	}()
	var sentences, words, compared, ties int
	eachFullText(t, path, func(question, _ string) bool {
		doc, err := prose.NewDocument(question, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		var ws, want []string
		for _, tok := range doc.Tokens() {
			ws = append(ws, tok.Text)
			want = append(want, tok.Tag)
		}
		margin := make([]float64, len(ws))
		got := tagger.tag(ws, margin)
		sentences++
		words += len(ws)
		count := map[string]int{}
		for _, w := range ws {
			count[w]++
		}
		for i := range ws {
			if count[ws[i]] > 1 {
				continue
			}
			if margin[i] < nearTie {
				ties++
				break
			}
			compared++
			if got[i] != want[i] {
				t.Errorf("%q: word %d %q tagged %s, prose %s (margin %g)", question, i, ws[i], got[i], want[i], margin[i])
				break
			}
		}
		return sentences < 1500
	})
	t.Logf("%d questions, %d words; %d compared; %d ended at a tie", sentences, words, compared, ties)
	if sentences < 500 || compared < words/2 || ties > sentences/100 {
		t.Errorf("compared %d of %d words in %d questions: too few", compared, words, sentences)
	}
}

// TestTaggerIsDeterministic tags a question whose "hold" prose tags as a
// noun or a verb at random: the Tagger gives one answer every time.
func TestTaggerIsDeterministic(t *testing.T) {
	tagger, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	ws := []string{"what", "information", "the", "British", "Transport", "Police", "hold", "on", "the", "number", "of", "(", "a", ")", "prosecutions"}
	first := tagger.Tag(ws)
	for i := 0; i < 50; i++ {
		if got := tagger.Tag(ws); !slices.Equal(got, first) {
			t.Fatalf("run %d: %v, first %v", i, got, first)
		}
	}
}

// TestTagMatchesTagSlow tags real questions, and words of every shape the
// fixed tags and the normalisation treat apart, with tag and with the
// reference tagSlow: the tags and the margins must be the same, bit for
// bit, twice over (the second time from the word cache).
func TestTagMatchesTagSlow(t *testing.T) {
	dir := shared.Path(t, "data/api/fulltext")
	tagger, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	sentences := [][]string{
		{"", "-", "@someone", "http://example.org/a-b", "a.b@example.org", "*", "*T*-1", "0", "-LRB-", "(", "a", ")", "-RRB-", "2024", "2024-25", "12", "£3", "Well-being", "-x", "ÉCOLE", "é", "\xff", "X"},
		{"-LRB-", "hold", "-LRB-", "-NONE-", "*", "hold"},
		{"0", "0", "-", "-", "report"},
	}
	for _, name := range []string{"2024-07.jsonl.gz", "2025-03.jsonl.gz", "2026-01.jsonl.gz"} {
		sentences = append(sentences, fileSentences(t, filepath.Join(dir, name), 1000)...)
	}
	words := 0
	for pass := 0; pass < 2; pass++ {
		for _, ws := range sentences {
			words += len(ws)
			wantMargin, gotMargin := make([]float64, len(ws)), make([]float64, len(ws))
			want := tagger.tagSlow(ws, wantMargin)
			got := tagger.tag(ws, gotMargin)
			if !slices.Equal(got, want) {
				t.Fatalf("%q: tagged %q, tagSlow %q", ws, got, want)
			}
			for i := range ws {
				if math.Float64bits(gotMargin[i]) != math.Float64bits(wantMargin[i]) {
					t.Fatalf("%q: word %d %q margin %v, tagSlow %v", ws, i, ws[i], gotMargin[i], wantMargin[i])
				}
			}
		}
	}
	t.Logf("%d sentences, %d words", len(sentences), words)
	if len(sentences) < 3000 {
		t.Errorf("only %d sentences", len(sentences))
	}
}

// fileSentences returns the question and the answer of the first n
// records of a shared full-text file, each split into prose's tokens.
func fileSentences(t *testing.T, path string, n int) [][]string {
	var out [][]string
	eachFullText(t, path, func(question, answer string) bool {
		for _, s := range []string{question, answer} {
			doc, err := prose.NewDocument(s, prose.WithTagging(false), prose.WithSegmentation(false), prose.WithExtraction(false))
			if err != nil {
				t.Fatal(err)
			}
			var ws []string
			for _, tok := range doc.Tokens() {
				ws = append(ws, tok.Text)
			}
			out = append(out, ws)
		}
		return len(out) < 2*n
	})
	return out
}

// eachFullText calls fn with the question and the answer of each record
// of a gzipped full-text file, in order, while fn returns true.
func eachFullText(t *testing.T, path string, fn func(question, answer string) bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct {
			Question string `json:"questionText"`
			Answer   string `json:"answerText"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if !fn(rec.Question, rec.Answer) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkTag(b *testing.B) {
	tagger, err := DefaultTagger()
	if err != nil {
		b.Fatal(err)
	}
	ws := strings.Fields("To ask the Secretary of State for Health and Social Care , how many people have waited more than 18 weeks for hospital treatment in ( a ) England and ( b ) each NHS trust in each of the last five years .")
	for b.Loop() {
		tagger.Tag(ws)
	}
}
