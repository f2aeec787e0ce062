package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// punktWords is the English word tokenizer of the sentences package
// (english.WordTokenizer) with the methods Punkt calls for every token
// done without regular expressions or rune slices: the library's Type
// runs a regular expression on each call, several calls a token, and its
// Tokenize decodes every rune of a line through unicode.IsSpace. Each
// method here gives what the
// library's gives for every input (FuzzPunktWordsMatchLibrary, and
// TestPunktWordsMatchLibraryOnRealLines on every line of the shared
// answers), so the sentences found are the library's.
type punktWords struct {
	english.WordTokenizer
}

func newPunktWords() *punktWords {
	w := &punktWords{}
	w.PunctStrings = sentences.NewPunctStrings()
	return w
}

// Tokenize is sentences.DefaultWordTokenizer.Tokenize: the words of text,
// split at Unicode white space, each with the byte offset of its end; with
// onlyPeriodContext only the words holding '.', '?' or '!' and the word
// after each. Like the library's, it ends a word at the last byte of text
// only when that byte is a whole character (see punktLine).
func (p *punktWords) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	n := len(text)
	if n == 0 {
		return nil
	}
	tokens := make([]*sentences.Token, 0, 50)
	lastSpace := 0
	lineStart, paragraphStart, getNextWord := false, false, false
	for i := 0; i < n; {
		// Most bytes are letters of a word: skip them (but never the
		// last byte, which ends the last word).
		for i < n-1 && text[i] < utf8.RuneSelf && !asciiSpace[text[i]] {
			i++
		}
		c := text[i]
		size := 1
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		at := i
		i += size
		if !space && at != n-1 {
			continue
		}
		if c == '\n' {
			if lineStart {
				paragraphStart = true
			}
			lineStart = true
		}
		cursor := at
		if at == n-1 {
			cursor = n
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		punct := hasSentencePunct(word)
		if onlyPeriodContext && !punct && !getNextWord {
			lastSpace = cursor
			continue
		}
		t := sentences.NewToken(word)
		t.Position = cursor
		t.ParaStart = paragraphStart
		t.LineStart = lineStart
		tokens = append(tokens, t)
		lastSpace = cursor
		lineStart, paragraphStart = false, false
		getNextWord = punct
	}
	if len(tokens) == 0 {
		t := sentences.NewToken(text)
		t.Position = n
		tokens = append(tokens, t)
	}
	return tokens
}

// hasSentencePunct reports whether word holds '.', '!' or '?'
// (sentences.DefaultPunctStrings.HasSentencePunct).
func hasSentencePunct(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

// HasSentEndChars is english.WordTokenizer.HasSentEndChars: whether the
// token ends in '?' or '!', or in '.', '?' or '!' and a closing quote or
// bracket (" ' ) ’ ”), or holds '.', '?' or '!' before an opening bracket
// ('[' or '('), or '.' before a quote (" ').
func (p *punktWords) HasSentEndChars(t *sentences.Token) bool {
	s := t.Tok
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return true
	}
	for _, q := range [...]string{`"`, `'`, `)`, `’`, `”`} {
		if rest, ok := strings.CutSuffix(s, q); ok && rest != "" {
			if c := rest[len(rest)-1]; c == '.' || c == '?' || c == '!' {
				return true
			}
		}
	}
	for i := 0; i+1 < len(s); i++ {
		switch c, d := s[i], s[i+1]; {
		case (c == '.' || c == '?' || c == '!') && (d == '[' || d == '('):
			return true
		case c == '.' && (d == '"' || d == '\''):
			return true
		}
	}
	return false
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Type is the token in lower case with a number at its end written
// "##number##" and, unless it is one byte long, its commas removed: the
// library replaces the match of `-?[\.,]?\d[\d,\.-]*\.?$`, which starts at
// the first place from which the rest of the token is an optional '-', an
// optional '.' or ',', a digit, and then only digits, ',', '.' and '-'.
func (p *punktWords) Type(t *sentences.Token) string {
	typ := strings.ToLower(t.Tok)
	// A match holds only digits, '-', '.' and ','; it starts within the
	// run of them that ends the token.
	run := len(typ)
	for run > 0 && numberByte(typ[run-1]) {
		run--
	}
	for i := run; i < len(typ); i++ {
		if numberFrom(typ[i:]) {
			typ = typ[:i] + "##number##"
			break
		}
	}
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// numberByte reports whether c may be part of a number's match.
func numberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == ',' || c == '.' || c == '-'
}

// numberFrom reports whether s, all numberBytes, is a whole match of
// -?[\.,]?\d[\d,\.-]*\.? ('.' being among the bytes that may repeat, the
// optional final period needs no check of its own).
func numberFrom(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s != "" && (s[0] == '.' || s[0] == ',') {
		s = s[1:]
	}
	return s != "" && '0' <= s[0] && s[0] <= '9'
}

// TypeNoPeriod is Type without a final period, if it has one and more.
func (p *punktWords) TypeNoPeriod(t *sentences.Token) string {
	typ := p.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// TypeNoSentPeriod is TypeNoPeriod for a token marked as a sentence
// break, Type for the others.
func (p *punktWords) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return p.TypeNoPeriod(t)
	}
	return p.Type(t)
}

// FirstUpper reports whether the token's first character is upper case.
func (p *punktWords) FirstUpper(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsUpper(r)
}

// FirstLower reports whether the token's first character is lower case.
func (p *punktWords) FirstLower(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsLower(r)
}

// IsEllipsis reports whether the token ends in two periods or more
// (`\.\.+$`).
func (p *punktWords) IsEllipsis(t *sentences.Token) bool {
	return strings.HasSuffix(t.Tok, "..")
}

// IsInitial reports whether the token is one ASCII letter and a period
// (`^[A-Za-z]\.$`).
func (p *punktWords) IsInitial(t *sentences.Token) bool {
	s := t.Tok
	return len(s) == 2 && s[1] == '.' && ('a' <= s[0]|0x20 && s[0]|0x20 <= 'z')
}

// IsAlpha reports whether the token is ASCII letters only (`^[A-Za-z]+$`).
func (p *punktWords) IsAlpha(t *sentences.Token) bool {
	for i := 0; i < len(t.Tok); i++ {
		if c := t.Tok[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return t.Tok != ""
}

// typeFirst is sentences.TypeBasedAnnotation, Punkt's first pass, which
// decides by each token alone: one ending in '?', '!' or a quoted or
// bracketed end is a sentence break; one ending in a single period is an
// abbreviation if the model knows it (or its last hyphenated part), else
// a sentence break. Like the library's, it cuts the period off by the
// token's count of characters, not bytes.
type typeFirst struct {
	*sentences.Storage
	sentences.TokenExistential
}

func (a *typeFirst) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for _, t := range tokens {
		switch {
		case a.HasSentEndChars(t):
			t.SentBreak = true
		case a.HasPeriodFinal(t) && !strings.HasSuffix(t.Tok, ".."):
			noPeriod := strings.ToLower(t.Tok[:utf8.RuneCountInString(t.Tok)-1])
			lastPart := noPeriod[strings.LastIndexByte(noPeriod, '-')+1:]
			if a.IsAbbr(noPeriod, lastPart) {
				t.Abbr = true
			} else {
				t.SentBreak = true
			}
		}
	}
	return tokens
}

// multiPunct is english.MultiPunctWordAnnotation, which marks a token
// shaped like "F.B.I." or "e.g." an abbreviation that ends a sentence
// only on the evidence of the word after it, with its regular expression
// replaced by hasAbbrevShape.
type multiPunct struct {
	*sentences.Storage
	sentences.TokenParser
	sentences.Ortho
}

func (a *multiPunct) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		a.annotate(tokens[i], tokens[i+1])
	}
	return tokens
}

func (a *multiPunct) annotate(tok, next *sentences.Token) {
	if !hasAbbrevShape(tok.Tok) || a.IsInitial(tok) {
		return
	}
	tok.Abbr = true
	tok.SentBreak = false
	nextTyp := a.TypeNoSentPeriod(next)
	if a.Heuristic(next) == 1 || a.FirstUpper(next) && a.SentStarters[nextTyp] != 0 {
		tok.SentBreak = true
	}
}

// hasAbbrevShape reports whether s holds a match of the English
// tokenizer's ((?:[\w]\.)+[\w]*\.): a word character and a period, then
// word characters (none or more) and a period. (Every match begins so,
// and every text that does begins a match: the pairs after the first are
// optional.)
func hasAbbrevShape(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if !wordByte(s[i]) || s[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			return true
		}
	}
	return false
}

// wordByte reports whether c is in \w: an ASCII letter, digit or '_'.
func wordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}
