package text

import (
	"iter"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Tokenize returns the words and numbers of text with their byte offsets,
// text[t.Start:t.End] == t.Text. A token is a maximal run of letters and
// digits, joined across an apostrophe between letters ("government's",
// "Department’s") and across '.' or ',' between digits ("1.5", "10,000").
// Everything else (punctuation, symbols such as "£", hyphens) separates
// tokens, so "long-term" is two tokens and "£1.5" is "1.5".
func Tokenize(text string) []Token {
	var out []Token
	for t := range Tokens(text) {
		out = append(out, t)
	}
	return out
}

// Tokens yields the tokens of text as Tokenize returns them, without
// building a slice: the boilerplate stage hashes millions of sentences'
// words and needs no Token values kept.
func Tokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		tokens(text, yield)
	}
}

func tokens(text string, yield func(Token) bool) {
	// ASCII bytes, most of any English text, are told apart by a table;
	// the rest are decoded. FuzzTokensMatchRunes holds this to the plain
	// rune-by-rune reading.
	i := 0
	for i < len(text) {
		var r rune
		n := 1
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
			r = rune(c)
		} else if r, n = utf8.DecodeRuneInString(text[i:]); !isWord(r) {
			i += n
			continue
		}
		start := i
		prev := r
		i += n
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
				prev = rune(c)
				i++
				continue
			}
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWord(r) {
				prev = r
				i += n
				continue
			}
			// A joiner continues the token only between two runes of the
			// right kind.
			nr, nn := utf8.DecodeRuneInString(text[i+n:])
			if nn == 0 {
				break
			}
			if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(nr) ||
				(r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(nr) {
				prev = nr
				i += n + nn
				continue
			}
			break
		}
		if !yield(Token{Start: start, End: i, Text: text[start:i]}) {
			return
		}
	}
}

// asciiWord tells the ASCII bytes isWord accepts: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWord(rune(c))
	}
	return t
}()

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Normalize returns s folded for comparison: lower case; curly single and
// double quotes folded to ' and "; en, em and other dashes and the minus
// sign folded to '-'; the ellipsis character to "..."; every run of white
// space (including no-break spaces) to one space; leading and trailing
// space removed. It is idempotent.
func Normalize(s string) string {
	// One pass: ASCII bytes, most of any English text, are handled as
	// bytes and only the others decoded (FuzzNormalizeMatchesRunes holds
	// this to the plain rune-by-rune reading).
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				space = true // unicode.IsSpace's ASCII white space
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '‟' || r == '″':
			r = '"'
		case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '―' || r == '−':
			r = '-'
		case r == '…':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, "..."...)
			continue
		default:
			r = unicode.ToLower(r) // a byte that is not UTF-8 reads as U+FFFD
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}
