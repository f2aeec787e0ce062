package text

import (
	"strings"
	"testing"
)

// A typical answer: three paragraphs, abbreviations, a list.
var benchAnswer = strings.Repeat("I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345. "+
	"The Department spent £1.5 million, e.g. on training, in 2023-24. It could only be obtained at disproportionate cost.\n\n"+
	"The figures are:\n2022: 15\n2023: 17\n\n", 2)

func BenchmarkSplit(b *testing.B) {
	seg := NewSegmenter()
	b.SetBytes(int64(len(benchAnswer)))
	for b.Loop() {
		seg.Split(benchAnswer)
	}
}

func BenchmarkNormalizeTokens(b *testing.B) {
	b.SetBytes(int64(len(benchAnswer)))
	for b.Loop() {
		for range Tokens(Normalize(benchAnswer)) {
		}
	}
}

func BenchmarkNewSegmenter(b *testing.B) {
	for b.Loop() {
		NewSegmenter()
	}
}
