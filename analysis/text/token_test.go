package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	s := "The Department’s £1.5 million (10,000 long-term) grants, e.g. COVID-19."
	var got []string
	for _, tk := range Tokenize(s) {
		if s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("bad offsets %+v", tk)
		}
		got = append(got, tk.Text)
	}
	want := []string{"The", "Department’s", "1.5", "million", "10,000", "long", "term", "grants", "e", "g", "COVID", "19"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
	if Tokenize("") != nil || Tokenize(" .,; ") != nil {
		t.Error("no tokens expected")
	}
	// Trailing joiners do not join.
	if got := Tokenize("it's 1. 'a'"); len(got) != 3 || got[1].Text != "1" {
		t.Errorf("got %+v", got)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"  It is NOT  Government’s\u00a0policy – “really”…\n": `it is not government's policy - "really"...`,
		"":     "",
		"A\tB": "a b",
	} {
		got := Normalize(in)
		if got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if Normalize(got) != got {
			t.Errorf("Normalize not idempotent on %q", got)
		}
	}
}

// tokensByRune is tokens as first written, every rune decoded: the
// reference FuzzTokensMatchRunes holds tokens to.
func tokensByRune(text string) []Token {
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

// FuzzTokensMatchRunes holds Tokenize, which reads ASCII bytes through a
// table, to the rune-by-rune reading.
func FuzzTokensMatchRunes(f *testing.F) {
	for _, s := range []string{
		"The Department’s £1.5 million (10,000 long-term) grants, e.g. COVID-19.",
		"it's 1. 'a'", "Ünïcödé café’s 3,5 ٣٤ ½ x²", "bad \xff\xfe bytes 1.\xe2", "a'’b 1,,2 1.,2", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokenize(s), tokensByRune(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// normalizeByRune is Normalize as first written, every rune decoded: the
// reference FuzzNormalizeMatchesRunes holds Normalize to.
func normalizeByRune(s string) string {
	var b strings.Builder
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

// FuzzNormalizeMatchesRunes holds Normalize, which handles ASCII bytes as
// bytes, to the rune-by-rune reading.
func FuzzNormalizeMatchesRunes(f *testing.F) {
	for _, s := range []string{
		"  It is NOT  Government’s\u00a0policy – “really”…\n", "A\tB", "", "plain ascii only",
		"bad \xff\xfe bytes\xe2\x80 \u0085next\u2028line", "ÀÉÎ ΣΊΣ İ K", " … lead", "tail …  ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeByRune(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
