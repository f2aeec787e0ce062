package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Segmenter splits answers into sentences. It holds prose's Punkt English
// model (the sentences package prose/v2 is built on, with its English
// training data), loaded once by NewSegmenter: prose.NewDocument reloads the
// model on every call, which costs about 12 ms per answer.
//
// A Segmenter is safe for concurrent use by multiple goroutines: the model is
// only read after construction and every Split works on its own tokens.
type Segmenter struct {
	punkt *sentences.DefaultSentenceTokenizer
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
	b, err := data.Asset("data/english.json")
	if err != nil {
		// The asset is compiled into the sentences package; its absence is
		// a broken build, not a runtime condition.
		panic("text: Punkt English model missing: " + err.Error())
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		panic("text: Punkt English model unreadable: " + err.Error())
	}
	for _, a := range extraAbbrevs {
		training.AbbrevTypes.Add(a)
	}
	tok, err := english.NewSentenceTokenizer(training)
	if err != nil {
		panic("text: Punkt English tokenizer: " + err.Error())
	}
	return &Segmenter{punkt: tok}
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
