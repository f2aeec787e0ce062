package analysis

import (
	"math"

	"github.com/parlance-go/parlance/analysis/text"
)

// sentenceBounds holds the sentence split of a sequence of texts
// compactly, so that a split made for boilerplate detection can be given
// to the classifier instead of being made again: for text k, the byte
// offsets start, end of each sentence are the pairs of
// at[first[k]:first[k+1]], and length[k] is the length of the text split.
// Eight bytes a sentence, where a text.Sentence is forty.
type sentenceBounds struct {
	at     []int32
	first  []int
	length []int
}

// add appends the split ss of a text of n bytes. A text too long for
// int32 offsets is kept with no sentences, and sentences gives nil for it.
func (b *sentenceBounds) add(ss []text.Sentence, n int) {
	if len(b.first) == 0 {
		b.first = append(b.first, 0)
	}
	if n <= math.MaxInt32 {
		for _, s := range ss {
			b.at = append(b.at, int32(s.Start), int32(s.End))
		}
	} else {
		n = -1
	}
	b.first = append(b.first, len(b.at))
	b.length = append(b.length, n)
}

// sentences returns the split of text k, whose text is t, or nil where it
// holds none for t (t is not the text split, or had no sentences): the
// caller then splits t itself.
func (b *sentenceBounds) sentences(k int, t string) []text.Sentence {
	if b == nil || k >= len(b.length) || b.length[k] != len(t) {
		return nil
	}
	at := b.at[b.first[k]:b.first[k+1]]
	if len(at) == 0 {
		return nil
	}
	out := make([]text.Sentence, len(at)/2)
	for i := range out {
		start, end := int(at[2*i]), int(at[2*i+1])
		out[i] = text.Sentence{Start: start, End: end, Text: t[start:end]}
	}
	return out
}
