package text

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"

	"github.com/parlance-go/parlance/internal/twogen"
)

// Segmenter splits answers into sentences. It holds prose's Punkt English
// model (the sentences package prose/v2 is built on, with its English
// training data), loaded once by NewSegmenter: prose.NewDocument reloads the
// model on every call, which costs about 12 ms per answer.
//
// A Segmenter is safe for concurrent use by multiple goroutines: the model is
// only read after construction, every Split works on its own tokens, and
// the memory of lines split (lines) is locked.
type Segmenter struct {
	punkt *sentences.DefaultSentenceTokenizer
	lines lineMemory
}

// lineMemory remembers where Punkt broke the lines it split, so that a
// line seen before is not split again: a fifth of the lines Punkt splits
// in the real answers of 2023–26 repeat an earlier one word for word
// (stock paragraphs), and Punkt costs tens of microseconds a line. It
// keeps lines of at most maxRememberedLine bytes in shards of two
// generations (twogen.Map, as the classifier's sentence memo does), so
// its memory stays bounded on any corpus while lines that recur stay.
type lineMemory struct {
	seed   maphash.Seed
	shards [lineShards]struct {
		_ [64]byte // each shard's lock on a cache line of its own
		twogen.Map[string, []int32]
	}
}

// lineShards, lineShardSize and maxRememberedLine bound a lineMemory: at
// most 2 × lineShards × lineShardSize lines of at most maxRememberedLine
// bytes (about 32 MB at most, a few MB typically).
const (
	lineShards        = 8
	lineShardSize     = 2048
	maxRememberedLine = 1024
)

func (m *lineMemory) shard(line string) *twogen.Map[string, []int32] {
	return &m.shards[maphash.String(m.seed, line)%lineShards].Map
}

// get returns the sentence bounds remembered for line: start, end pairs
// within it.
func (m *lineMemory) get(line string) ([]int32, bool) {
	return m.shard(line).Get(line, lineShardSize)
}

// put remembers the sentence bounds of line (a copy of it, so that the
// text it was cut from is not kept).
func (m *lineMemory) put(line string, bounds []int32) {
	m.shard(line).Put(strings.Clone(line), bounds, lineShardSize)
}

// parliamentary abbreviations taught to the Punkt model: a token ending in
// one of these followed by a period is an abbreviation, not a sentence end
// by type (the model may still break after it on orthographic evidence;
// neverEnd below decides those).
var extraAbbrevs = []string{
	"hon", "rt", "no", "nos", "para", "paras", "e.g", "i.e", "etc", "mr", "mrs", "ms",
	"dr", "st", "prof", "sir", "cf", "vol", "art", "sec", "fig", "approx", "ref", "op",
	"cit", "p", "pp", "vs", "v", "viz", "c", "ca", "excl", "incl", "al",
}

// neverEnd are tokens (lower case, with their final period) after which a
// sentence never ends in parliamentary answers: titles and forms of address
// always precede a name or noun ("the hon. Member", "Rt Hon. James
// Cleverly", "Dr. Ali", "St. Helena", "para. 266", "e.g. to pay").
var neverEnd = map[string]bool{
	"hon.": true, "rt.": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true,
	"st.": true, "prof.": true, "para.": true, "paras.": true, "e.g.": true, "i.e.": true,
	"(e.g.": true, "(i.e.": true, "cf.": true, "viz.": true, "vs.": true, "v.": true,
	"approx.": true, "fig.": true, "art.": true, "sec.": true,
}

// endIfCapital are tokens after which a sentence ends only if the next word
// starts with a capital letter ("... plates, cups etc. The ..."), not when
// it continues in lower case or with a number ("No. 25/2022", "etc. will
// be").
var endIfCapital = map[string]bool{
	"no.": true, "nos.": true, "etc.": true, "(etc.": true, "ref.": true, "vol.": true,
	"p.": true, "pp.": true, "c.": true, "ca.": true, "op.": true, "cit.": true,
	"excl.": true, "(excl.": true, "incl.": true, "(incl.": true, "al.": true,
}

// NewSegmenter returns a Segmenter with the Punkt English model loaded and
// taught the abbreviations of parliamentary answers.
func NewSegmenter() *Segmenter {
	return &Segmenter{punkt: englishPunkt(parliamentaryModel(), newPunktWords()), lines: lineMemory{seed: maphash.MakeSeed()}}
}

// parliamentaryModel returns the Punkt English model taught extraAbbrevs.
func parliamentaryModel() *sentences.Storage {
	training := parsePunktModel(punktEnglish)
	for _, a := range extraAbbrevs {
		training.AbbrevTypes.Add(a)
	}
	return training
}

// englishPunkt is english.NewSentenceTokenizer(training) with word as its
// word tokenizer: the same abbreviations added, the same annotations in
// the same order, each given word (the first and the last, typeFirst and
// multiPunct, being the library's without regular expressions or rune
// slices).
func englishPunkt(training *sentences.Storage, word sentences.WordTokenizer) *sentences.DefaultSentenceTokenizer {
	for _, a := range []string{"sgt", "gov", "no"} {
		training.AbbrevTypes.Add(a)
	}
	lang := sentences.NewPunctStrings()
	ortho := &sentences.OrthoContext{Storage: training, PunctStrings: lang, TokenType: word, TokenFirst: word}
	multiPunct := &multiPunct{Storage: training, TokenParser: word, Ortho: ortho}
	return &sentences.DefaultSentenceTokenizer{Storage: training, PunctStrings: lang, WordTokenizer: word,
		Annotations: []sentences.AnnotateTokens{
			&typeFirst{Storage: training, TokenExistential: word},
			&sentences.TokenBasedAnnotation{Storage: training, PunctStrings: lang, TokenParser: word,
				TokenGrouper: &sentences.DefaultTokenGrouper{}, Ortho: ortho},
			multiPunct,
		}}
}

// Split splits text into sentences, in order, with byte offsets into text:
// text[s.Start:s.End] == s.Text, and Text is trimmed of surrounding white
// space. Every non-blank byte of text belongs to exactly one sentence.
//
// Line breaks are hard boundaries: answers hold paragraphs separated by
// "\n\n" and list items and table rows on lines of their own, none of
// which may run into the next. Within a line the Punkt model decides,
// corrected for parliamentary usage: no break after "hon.", "Rt Hon.",
// "Mr.", "Dr.", "St.", "para.", "e.g.", "i.e."; after "No.", "etc.",
// "incl.", "excl." and "et al." only before a capitalised word; after "!"
// or "?" not before a lower-case word ("the THINK! road safety campaign").
func (s *Segmenter) Split(text string) []Sentence {
	var out []Sentence
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = s.splitLine(text, start, end, out)
		start = end + 1
	}
	return out
}

// splitLine appends the sentences of text[lo:hi], a line without "\n".
func (s *Segmenter) splitLine(text string, lo, hi int, out []Sentence) []Sentence {
	line := text[lo:hi]
	a, b := trimBounds(line)
	if a == b {
		return out
	}
	line = line[a:b]
	lo += a
	// Fast path: Punkt can only break after a token holding '.', '?' or
	// '!'; if the only such character ends the line, it is one sentence.
	if i := strings.IndexAny(line, ".?!"); i < 0 || i == len(line)-1 {
		return append(out, Sentence{Start: lo, End: lo + len(line), Text: line})
	}
	remember := len(line) <= maxRememberedLine
	if remember {
		if b, ok := s.lines.get(line); ok {
			for k := 0; k < len(b); k += 2 {
				p, q := int(b[k]), int(b[k+1])
				out = append(out, Sentence{Start: lo + p, End: lo + q, Text: line[p:q]})
			}
			return out
		}
	}
	n0 := len(out)
	out = s.punktLine(line, lo, out)
	if remember {
		b := make([]int32, 0, 2*(len(out)-n0))
		for _, se := range out[n0:] {
			b = append(b, int32(se.Start-lo), int32(se.End-lo))
		}
		s.lines.put(line, b)
	}
	return out
}

// punktLine appends the sentences Punkt, corrected (see Split), finds in
// line, a trimmed line of text at offset lo.
func (s *Segmenter) punktLine(line string, lo int, out []Sentence) []Sentence {
	// The word tokenizer of the sentences package drops the last word of a
	// text that ends in a multi-byte rune (a closing curly quote, say);
	// a trailing space makes every word end at white space.
	toks := s.punkt.AnnotatedTokens(line + " ")
	prev := 0
	for i, t := range toks {
		if !t.SentBreak {
			continue
		}
		pos := t.Position
		if pos > len(line) {
			pos = len(line)
		}
		if pos <= prev || pos >= len(line) {
			continue
		}
		w := strings.ToLower(t.Tok)
		if neverEnd[w] {
			continue
		}
		// "!" or "?" inside a name ("the THINK! road safety campaign")
		// does not end a sentence that goes on in lower case.
		if strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
			if i+1 < len(toks) && startsLower(toks[i+1].Tok) {
				continue
			}
		}
		if endIfCapital[w] {
			if i+1 >= len(toks) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(toks[i+1].Tok, "(\"'‘“"))
			if !unicode.IsUpper(r) {
				continue
			}
		}
		out = appendTrimmed(out, line, lo, prev, pos)
		prev = pos
	}
	return appendTrimmed(out, line, lo, prev, len(line))
}

// startsLower reports whether a token's first letter (after opening
// quotes and brackets) is lower case.
func startsLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(tok, "(\"'‘“"))
	return unicode.IsLower(r)
}

// appendTrimmed appends line[p:q], trimmed, as a sentence at offset lo.
func appendTrimmed(out []Sentence, line string, lo, p, q int) []Sentence {
	a, b := trimBounds(line[p:q])
	if a == b {
		return out
	}
	return append(out, Sentence{Start: lo + p + a, End: lo + p + b, Text: line[p+a : p+b]})
}

// trimBounds returns the bounds of s without leading and trailing white
// space (Unicode, so no-break spaces from "<p>&nbsp;</p>" count).
func trimBounds(s string) (int, int) {
	a := 0
	for a < len(s) {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	b := len(s)
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}
