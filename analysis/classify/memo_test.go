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
		n := len(c.memo.shards[i].m)
		if n > size {
			t.Errorf("shard %d holds %d sentences, more than %d", i, n, size)
		}
		held += n
	}
	if held == 0 {
		t.Error("the memo holds nothing")
	}
}
