package roundrobin

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
)

// stopwords are function words dropped before comparing questions: they
// change with rewording but not with meaning. Placeholder words left by
// Neutralise are dropped as well, since every question has them.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or of to in on for by with at from as into onto upon
		is are was were be been being has have had having do does did will would shall should may might can could
		that this these those there their them they it its which what whether how when where who whom whose why if
		any all each every some such other than then so not no nor but also only very more most much many
		dept minister s ask pursuant answer`) {
		m[w] = true
	}
	return m
}()

// tokens returns the content words of a neutralised question in order:
// split at anything that is not a letter or digit, without stop words and
// without list markers. A list marker is a word of one letter, a roman
// numeral up to four letters or a number of up to two digits standing
// alone in brackets — "(a)", "(ii)", "(3)" — as askers enumerate the parts
// of a question. Markers carry no content, and rewordings add or drop them
// ("by Hikvision or Dahua" against "by (a) Hikvision and (b) Dahua").
func tokens(neutral string) []string {
	var out []string
	s := neutral
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		marker := i > 0 && s[i-1] == '(' && j < len(s) && s[j] == ')' && isMarker(w)
		if !marker && !stopwords[w] {
			out = append(out, w)
		}
		i = j
	}
	return out
}

func isMarker(w string) bool {
	switch {
	case len(w) == 1:
		return true
	case len(w) <= 2 && w[0] >= '0' && w[0] <= '9':
		return true
	case len(w) <= 4 && strings.Trim(w, "ivx") == "":
		return true
	}
	return false
}

// listClipRunes is the length in characters at which the API's list
// endpoint clips question texts.
const listClipRunes = 255

// clipped reports whether a question's text was cut short by its source:
// it ends in "..." (as clipped answers and saved pages do), or the record is
// marked Truncated and its question is exactly as long as the API's list
// endpoint clips questions (it clips them silently).
func clipped(question string, truncated bool) bool {
	q := strings.TrimSpace(question)
	if strings.HasSuffix(q, "...") || strings.HasSuffix(q, "\u2026") {
		return true
	}
	return truncated && utf8.RuneCountInString(question) == listClipRunes
}

// text is a question prepared for comparison. It keeps of the neutralised
// text only its key and length, not the text itself (a copy of every
// question, a quarter of a gigabyte on a million): where the text is
// wanted (a group's Canonical) it is made again from the record, since
// Neutralise is a function of the question alone.
type text struct {
	key     textKey  // of the neutralised text
	length  int      // of the neutralised text in bytes; 0 for a question with no text
	toks    []uint32 // content words in order, interned; for a clipped text, without the last (maybe cut) word
	set     []uint32 // the distinct words of toks, sorted
	weight  float64  // the total weight of set (set by Find)
	clipped bool
}

// textKey stands for a neutralised text: two 64-bit hashes of it under
// independent seeds. Texts are equal when their keys are; two distinct texts share
// a key with probability 2⁻¹²⁸, so among the n(n-1)/2 pairs of a
// million texts the chance of any such pair is below 10⁻²⁶.
type textKey struct{ a, b uint64 }

// keyer makes textKeys. The seeds differ from run to run, which changes
// no result: only whether two keys are equal is ever read, never their
// order.
type keyer struct{ a, b maphash.Seed }

func newKeyer() keyer { return keyer{maphash.MakeSeed(), maphash.MakeSeed()} }

func (k keyer) key(s string) textKey {
	return textKey{maphash.String(k.a, s), maphash.String(k.b, s)}
}

// interner numbers words, so that sets of words compare as integers.
type interner map[string]uint32

func (in interner) id(w string) uint32 {
	if x, ok := in[w]; ok {
		return x
	}
	x := uint32(len(in))
	// A copy: w is cut from a neutralised question, which the key
	// would otherwise keep alive, one question per distinct word.
	in[strings.Clone(w)] = x
	return x
}

func prepare(question string, truncated bool, in interner, k keyer) text {
	n := Neutralise(question)
	return intern(k.key(n), len(n), tokens(n), clipped(question, truncated), in)
}

// intern finishes a prepared text from the key and length of its
// neutralised form and its words.
func intern(key textKey, length int, words []string, clipped bool, in interner) text {
	t := text{key: key, length: length, clipped: clipped}
	if t.clipped && len(words) > 0 {
		words = words[:len(words)-1]
	}
	t.toks = make([]uint32, len(words))
	for i, w := range words {
		t.toks[i] = in.id(w)
	}
	t.set = sortedSet(t.toks, nil)
	return t
}

// sortedSet returns the distinct values of x in increasing order, appended
// to buf[:0].
func sortedSet(x []uint32, buf []uint32) []uint32 {
	s := append(buf[:0], x...)
	slices.Sort(s)
	return slices.Compact(s)
}

// Similarity returns the similarity in [0, 1] of two questions after
// neutralisation, as used for grouping, with every word weighted equally (Find
// weights words by their rarity in the records it is given; see weights).
//
// It is the weighted Jaccard index Σ_{w∈A∩B} idf(w) / Σ_{w∈A∪B} idf(w) of the
// sets of content words A and B (Neutralise, then list markers and stop
// words removed). Where either text was clipped by its source (for this
// function: ends in "..."), both are first cut to their first m content
// words, m being the shorter length, so that a clipped question is compared
// with the same stretch of the other: a question's end is lost in clipping,
// not changed. Two empty texts have similarity 0.
func Similarity(q1, q2 string) float64 {
	in := interner{}
	k := newKeyer()
	return similarity(prepare(q1, false, in, k), prepare(q2, false, in, k), nil)
}

// weights holds a weight per interned word; nil weighs every word 1.
//
// Find uses the smoothed inverse document frequency over the questions it is
// given, idf(w) = ln((N+1)/(df(w)+1)) + 1, N being the number of questions
// and df(w) the number containing w. A round robin's rewordings differ in
// common words ("premises" / "building"), while one member's series of
// different questions differ in the rare word that is their subject
// ("community libraries" / "community ownership"): weighting by rarity
// keeps the latter apart at a threshold that joins the former.
type weights []float64

func (w weights) of(x uint32) float64 {
	if w == nil {
		return 1
	}
	return w[x]
}

func similarity(a, b text, w weights) float64 {
	s, _ := compare(a, b, w)
	return s
}

// compare returns the similarity of a and b and whether one's words are a
// subset of the other's (the texts differ only by words added or dropped,
// none substituted).
func compare(a, b text, w weights) (sim float64, nested bool) {
	if a.clipped || b.clipped {
		m := min(len(a.toks), len(b.toks))
		var bufA, bufB [64]uint32
		return jaccard(sortedSet(a.toks[:m], bufA[:0]), sortedSet(b.toks[:m], bufB[:0]), w)
	}
	return jaccard(a.set, b.set, w)
}

// jaccard returns the weighted Jaccard index of sorted sets x and y (0 when
// both are empty) and whether one is a subset of the other.
func jaccard(x, y []uint32, w weights) (float64, bool) {
	var inter, union float64
	i, j := 0, 0
	onlyX, onlyY := false, false
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			inter += w.of(x[i])
			union += w.of(x[i])
			i++
			j++
		case x[i] < y[j]:
			union += w.of(x[i])
			onlyX = true
			i++
		default:
			union += w.of(y[j])
			onlyY = true
			j++
		}
	}
	for ; i < len(x); i++ {
		union += w.of(x[i])
		onlyX = true
	}
	for ; j < len(y); j++ {
		union += w.of(y[j])
		onlyY = true
	}
	if union == 0 {
		return 0, false
	}
	return inter / union, !(onlyX && onlyY)
}
