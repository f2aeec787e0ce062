package text

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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
	dir := shared.Path(t, "data/api/fulltext")
	f, err := os.Open(filepath.Join(dir, "2024-07.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
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
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	var sentences, words, compared, ties int
	for sc.Scan() && sentences < 1500 {
		var rec struct {
			Question string `json:"questionText"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		doc, err := prose.NewDocument(rec.Question, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false))
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
				t.Errorf("%q: word %d %q tagged %s, prose %s (margin %g)", rec.Question, i, ws[i], got[i], want[i], margin[i])
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
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
