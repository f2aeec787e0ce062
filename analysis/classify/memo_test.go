package classify

import (
	"reflect"
	"strconv"
	"testing"
)

// TestMemoReadsWhatAFreshReadGives classifies a month of real answers with
// one Classifier twice, the second time from its memory of sentences, and
// with a new Classifier: the same verdicts every time.
func TestMemoReadsWhatAFreshReadGives(t *testing.T) {
	recs := readFullText(t, "2024-07.jsonl.gz")
	if len(recs) > 600 {
		recs = recs[:600]
	}
	var warm, cold Classifier
	for _, r := range recs {
		warm.Classify(Input{Record: r})
	}
	for _, r := range recs {
		a := warm.Classify(Input{Record: r})
		b := cold.Classify(Input{Record: r})
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: from memory %+v, read afresh %+v", r.ID, a, b)
		}
		cold = Classifier{} // every answer read by a classifier that has seen nothing
	}
}

// TestMemoStaysBounded reads more distinct sentences than the memo holds.
func TestMemoStaysBounded(t *testing.T) {
	var c Classifier
	if err := c.Prepare(); err != nil {
		t.Fatal(err)
	}
	const size = 8
	c.memo.size = size
	for i := 0; i < memoShards*size*4; i++ {
		c.memo.facts("Sentence number "+strconv.Itoa(i)+".", false, c.lex)
	}
	held := 0
	for i := range c.memo.shards {
		cur, old := c.memo.shards[i].Len()
		if cur > size || old > size {
			t.Errorf("shard %d holds generations of %d and %d sentences, more than %d", i, cur, old, size)
		}
		held += cur + old
	}
	if held == 0 {
		t.Error("the memo holds nothing")
	}
}

// TestMemoKeepsRecurringSentences passes a flood of one-off sentences
// through a small memo, with one stock sentence recurring among them: the
// stock sentence is read once, however many generations the flood fills.
func TestMemoKeepsRecurringSentences(t *testing.T) {
	var c Classifier
	if err := c.Prepare(); err != nil {
		t.Fatal(err)
	}
	const size = 8
	c.memo.size = size
	const stock = "It is not government policy to comment on security arrangements."
	first := c.memo.facts(stock, false, c.lex)
	for i := 0; i < memoShards*size*4; i++ {
		c.memo.facts("One-off sentence number "+strconv.Itoa(i)+".", false, c.lex)
		if i%(size/2) == 0 {
			if got := c.memo.facts(stock, false, c.lex); got != first {
				t.Fatalf("after %d one-off sentences the stock sentence was read again", i+1)
			}
		}
	}
}
