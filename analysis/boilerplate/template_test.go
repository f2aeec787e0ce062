package boilerplate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestFamilyTemplateMarksVaryingParts(t *testing.T) {
	// The real family behind the old headline: one dated wording stood for
	// 434 different ones.
	example := "I refer the Hon Member to the answer provided to him on 17 March 2026 in response to Question 120276."
	variants := []Variant{
		{Text: "i refer the hon member to the answer provided to him on 17 march 2026 in response to question 120276.", Count: 3},
		{Text: "i refer the hon member to the answer provided to him on 2 may 2024 in response to question 24815.", Count: 2},
		{Text: "i refer the hon member to the answer provided to her on 9 january 2025 in response to question 20051.", Count: 1},
		{Text: "i refer the hon member to the answer provided to him on 30 june 2025 in response to question 61818.", Count: 2},
		{Text: "i refer the hon member to the answer provided to him on 1 july 2025 in response to question 61002.", Count: 2},
	}
	got := familyTemplate(example, variants)
	want := "I refer the Hon Member to the answer provided to him on [date] in response to Question [number]."
	if got != want {
		t.Errorf("template:\n got %q\nwant %q", got, want)
	}
}

func TestFamilyTemplateOneWordingAndLinks(t *testing.T) {
	if got := familyTemplate("The information is not held.", []Variant{{Text: "the information is not held.", Count: 9}}); got != "The information is not held." {
		t.Errorf("one wording: got %q", got)
	}
	ex := "I refer the hon. Member to the answer given to Question UIN 84647 (https://questions-statements.parliament.uk/written-questions/detail/2025-10-23/84647) on 31 October 2025."
	vs := []Variant{
		{Text: "i refer the hon. member to the answer given to question uin 84647 (https://questions-statements.parliament.uk/written-questions/detail/2025-10-23/84647) on 31 october 2025.", Count: 1},
		{Text: "i refer the hon. member to the answer given to question uin 1200 (https://questions-statements.parliament.uk/written-questions/detail/2024-07-30/1200) on 5 august 2024.", Count: 1},
	}
	want := "I refer the hon. Member to the answer given to Question UIN [number] ([link]) on [date]."
	if got := familyTemplate(ex, vs); got != want {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}
}

// Punctuation alone does not make a word vary: "Hon" and "hon." are one.
func TestFamilyTemplateIgnoresTrailingPunctuation(t *testing.T) {
	ex := "I refer the Hon Member to the answer given on 2 May 2024."
	vs := []Variant{
		{Text: "i refer the hon member to the answer given on 2 may 2024.", Count: 2},
		{Text: "i refer the hon. member to the answer given on 9 june 2025.", Count: 2},
	}
	if got, want := familyTemplate(ex, vs), "I refer the Hon Member to the answer given on [date]."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// lcsKeptReference is the plain dynamic programme addKept must agree
// with: the full table, walked from the start, preferring a match, then
// skipping a's word when that keeps the longest length.
func lcsKeptReference(a, b []int32) []int {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				dp[i][j] = dp[i+1][j+1] + 1
			case dp[i+1][j] >= dp[i][j+1]:
				dp[i][j] = dp[i+1][j]
			default:
				dp[i][j] = dp[i][j+1]
			}
		}
	}
	var out []int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, i)
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// The aligner (prefix taken without the table, one reused table) keeps
// exactly the words the plain programme keeps, whatever the ties.
func TestLCSAlignerMatchesPlainProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var l lcsAligner
	for trial := 0; trial < 5000; trial++ {
		alpha := 2 + rng.IntN(5)
		gen := func() []int32 {
			s := make([]int32, rng.IntN(12))
			for i := range s {
				s[i] = int32(rng.IntN(alpha)) - 1 // -1 as for words Example lacks
			}
			return s
		}
		a, b := gen(), gen()
		if rng.IntN(2) == 0 && len(a) > 0 { // a shared prefix, as most wordings have
			b = append(append([]int32{}, a[:rng.IntN(len(a))]...), b...)
		}
		kept := make([]int, len(a))
		l.addKept(a, b, kept, 3)
		want := make([]int, len(a))
		for _, i := range lcsKeptReference(a, b) {
			want[i] += 3
		}
		if !slices.Equal(kept, want) {
			t.Fatalf("a=%v b=%v: kept %v, want %v", a, b, kept, want)
		}
	}
}
