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
	return new(templateScratch).template(example, variants)
}

// templateScratch holds what familyTemplate needs, to be reused from one
// family to the next.
type templateScratch struct {
	formID   map[string]int32 // compareForm of an Example word → its id
	idOfWord map[string]int32 // a variant's word → the id of its form, or -1
	lcs      lcsAligner
	vw       []int32
}

// template is familyTemplate, reusing s's maps and buffers.
func (s *templateScratch) template(example string, variants []Variant) string {
	if len(variants) < 2 || example == "" {
		return example
	}
	words := strings.Fields(example)
	// Words are compared as small integers: each distinct compareForm of
	// Example gets an id, and a variant's word gets the id of its form, or
	// -1 when Example has no word of that form (such a word can match
	// nothing, which is all the alignment needs to know of it). Forms are
	// cached by raw word, as a family's wordings share most of theirs.
	if s.formID == nil {
		s.formID, s.idOfWord = map[string]int32{}, map[string]int32{}
	}
	clear(s.formID)
	clear(s.idOfWord)
	formID, idOfWord := s.formID, s.idOfWord
	norm := make([]int32, len(words))
	for i, w := range words {
		f := compareForm(w)
		id, ok := formID[f]
		if !ok {
			id = int32(len(formID))
			formID[f] = id
		}
		norm[i] = id
	}
	vw := s.vw
	kept := make([]int, len(words)) // occurrences whose wording keeps word i
	total := 0
	for _, v := range variants {
		total += v.Count
		vw = vw[:0]
		for w := range strings.FieldsSeq(v.Text) {
			id, ok := idOfWord[w]
			if !ok {
				id = -1
				if f, in := formID[compareForm(w)]; in {
					id = f
				}
				idOfWord[w] = id
			}
			vw = append(vw, id)
		}
		s.lcs.addKept(norm, vw, kept, v.Count)
	}
	s.vw = vw
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

// lcsAligner aligns word sequences by a longest common subsequence,
// reusing its table from one alignment to the next.
type lcsAligner struct{ dp []int32 }

// addKept adds n to kept[i] for each index i of a kept by a longest common
// subsequence of a and b (classic dynamic programming, O(len(a)·len(b))):
// among the longest, the one a walk from the start takes when it matches
// equal words at once and otherwise skips a's word unless that shortens
// what is left to match. A common prefix is matched by that walk, so it is
// taken without the table.
func (l *lcsAligner) addKept(a, b []int32, kept []int, n int) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		kept[p] += n
		p++
	}
	off := p
	a, b = a[p:], b[p:]
	rows, cols := len(a)+1, len(b)+1
	if cap(l.dp) < rows*cols {
		l.dp = make([]int32, rows*cols)
	}
	dp := l.dp[:rows*cols]
	// dp[i*cols+j] is the length of a longest common subsequence of a[i:]
	// and b[j:]; the last row and column are 0.
	for j := range cols {
		dp[len(a)*cols+j] = 0
	}
	for i := len(a) - 1; i >= 0; i-- {
		row, next := dp[i*cols:(i+1)*cols], dp[(i+1)*cols:(i+2)*cols]
		row[len(b)] = 0
		ai := a[i]
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case ai == b[j]:
				row[j] = next[j+1] + 1
			case next[j] >= row[j+1]:
				row[j] = next[j]
			default:
				row[j] = row[j+1]
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			kept[off+i] += n
			i++
			j++
		case dp[(i+1)*cols+j] >= dp[i*cols+j+1]:
			i++
		default:
			j++
		}
	}
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
