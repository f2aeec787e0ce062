package boilerplate

import (
	"regexp"
	"strings"

	"github.com/parlance-go/parlance/analysis/text"
)

// templateShare is the share of a family's sentence occurrences whose
// wording must contain a word of the example, in place, for the word to be
// shown as fixed in the family's Template. Below it the word is a varying
// part. 0.8 rather than 1 so that one stray wording ("to her" among
// hundreds of "to him") does not blank a word nearly every use shares.
const templateShare = 0.8

// familyTemplate returns a family's sentence with its varying parts marked: the
// words of Example that the wordings using the family do not share are
// replaced by "[date]" (a day, month and year, or any of them), "[number]"
// (a figure, or a question number such as UIN 84647 or HL1234), "[link]"
// (a web address) or "…" (other words), adjacent markers of one kind
// merged. A family with one wording returns its Example unchanged.
//
// A word of Example is fixed when it appears, in order, in wordings that
// account for at least 80% of the family's occurrences: each wording is
// aligned with Example by a longest common subsequence of words (compared
// after text.Normalize, trailing punctuation aside), and a word counts for
// the wording when the alignment keeps it.
func familyTemplate(example string, variants []Variant) string {
	if len(variants) < 2 || example == "" {
		return example
	}
	words := strings.Fields(example)
	norm := make([]string, len(words))
	for i, w := range words {
		norm[i] = compareForm(w)
	}
	kept := make([]int, len(words)) // occurrences whose wording keeps word i
	total := 0
	for _, v := range variants {
		total += v.Count
		vw := strings.Fields(v.Text)
		for j, w := range vw {
			vw[j] = compareForm(w)
		}
		for _, i := range lcsKept(norm, vw) {
			kept[i] += v.Count
		}
	}
	var out []string
	lastMark := ""
	for i, w := range words {
		if float64(kept[i]) >= templateShare*float64(total) {
			out = append(out, w)
			lastMark = ""
			continue
		}
		core, tail := splitTrailingPunct(w)
		head := ""
		if strings.HasPrefix(core, "(") {
			head, core = "(", core[1:]
		}
		mark := markFor(core)
		if mark == lastMark && head == "" && len(out) > 0 {
			// Merge with the previous marker, keeping this word's
			// trailing punctuation.
			prev, _ := splitTrailingPunct(out[len(out)-1])
			out[len(out)-1] = prev + tail
			continue
		}
		out = append(out, head+mark+tail)
		lastMark = mark
	}
	return strings.Join(out, " ")
}

// compareForm is a word as templates compare it: normalised, without
// trailing punctuation ("Hon." and "hon" are one word, and so are "course."
// and "course" before a sentence goes on).
func compareForm(w string) string {
	return strings.TrimRight(text.Normalize(w), ".,;:!?")
}

// lcsKept returns the indices of a kept by a longest common subsequence of
// a and b (classic dynamic programming, O(len(a)·len(b))).
func lcsKept(a, b []string) []int {
	n, m := len(a), len(b)
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
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

// splitTrailingPunct splits a word into its body and trailing punctuation.
func splitTrailingPunct(w string) (core, tail string) {
	core = strings.TrimRight(w, ".,;:)!?")
	return core, w[len(core):]
}

var (
	monthWord  = regexp.MustCompile(`(?i)^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$`)
	dayOrYear  = regexp.MustCompile(`^([0-3]?[0-9](st|nd|rd|th)?|(19|20)[0-9]{2})$`)
	numberWord = regexp.MustCompile(`^([A-Z]{1,4})?[0-9][0-9,./-]*$`)
	linkWord   = regexp.MustCompile(`^(https?://|www\.)`)
)

// markFor names the kind of a varying word.
func markFor(w string) string {
	switch {
	case monthWord.MatchString(w) || dayOrYear.MatchString(w):
		return "[date]"
	case linkWord.MatchString(w):
		return "[link]"
	case numberWord.MatchString(w):
		return "[number]"
	}
	return "…"
}
