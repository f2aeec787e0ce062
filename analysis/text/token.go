package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize returns the words and numbers of text with their byte offsets,
// text[t.Start:t.End] == t.Text. A token is a maximal run of letters and
// digits, joined across an apostrophe between letters ("government's",
// "Department’s") and across '.' or ',' between digits ("1.5", "10,000").
// Everything else (punctuation, symbols such as "£", hyphens) separates
// tokens, so "long-term" is two tokens and "£1.5" is "1.5".
func Tokenize(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		start := i
		prev := r
		i += n
		for i < len(text) {
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
		out = append(out, Token{Start: start, End: i, Text: text[start:i]})
	}
	return out
}

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
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
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
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString("...")
			continue
		default:
			r = unicode.ToLower(r)
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
