package corpus

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// plainHTMLToText is HTMLToText for the plain HTML most answers are
// written in, without the general tokenizer, whose per-call buffer and
// byte-at-a-time reading were a fifth of reading's CPU. It reports false,
// having decided nothing, as soon as the input steps outside that plain
// HTML, and HTMLToText then uses the tokenizer; where it reports true its
// text is the tokenizer's (TestPlainHTMLIsTokenized on every shared
// answer, FuzzPlainHTML on any input).
//
// Plain HTML is text and tags. Text holds no "<" that does not open a
// tag, no carriage return or NUL, and no "&" but in &amp; &lt; &gt; &quot;
// and &nbsp;. A tag is <name>, </name>, <name/> or <name />, or a start
// tag with attributes, each ` key="value"` (key in lower case, value
// without "&", carriage return or NUL; one href at most); name is one of
// plainTags. On such
// input the tokenizer's tokens are exactly these text runs and tags, which
// plainHTMLToText hands to the same textWriter.
func plainHTMLToText(s string) (string, bool) {
	sc := getHTMLScratch()
	w := textWriter{out: sc.out[:0], cur: sc.cur[:0]}
	text := sc.text[:0] // a text run with its entities decoded
	defer func() { sc.out, sc.cur, sc.text = w.out, w.cur, text; sc.put() }()
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s)
			} else {
				j += i
			}
			var ok bool
			if text, ok = appendPlainText(text[:0], s[i:j]); !ok {
				return "", false
			}
			w.text(text)
			i = j
			continue
		}
		t, ok := scanPlainTag(s[i:])
		if !ok {
			return "", false
		}
		if t.end {
			w.end(t.name)
		} else {
			w.start(t.name, t.href, t.selfClosing)
		}
		i += t.n
	}
	w.paraBreak()
	return w.String(), true
}

// plainTags are the elements plain HTML may use: those answers use, none
// of which the tokenizer reads as raw text (script, style, title,
// textarea and the like).
var plainTags = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.Div: true, atom.Span: true,
	atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true, atom.U: true,
	atom.Sup: true, atom.Sub: true, atom.Small: true, atom.S: true, atom.A: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Hr: true,
}

// plainTag is a tag scanned by scanPlainTag.
type plainTag struct {
	name        atom.Atom
	end         bool   // </name>
	selfClosing bool   // <name/>
	href        string // the last href attribute of an <a>, trimmed
	n           int    // its length in bytes
}

// scanPlainTag scans the plain tag that s starts with (see
// plainHTMLToText), reporting false if s does not start with one.
func scanPlainTag(s string) (plainTag, bool) {
	var t plainTag
	k := 1 // past "<"
	if k < len(s) && s[k] == '/' {
		t.end = true
		k++
	}
	start := k
	for k < len(s) && isASCIIAlnum(s[k]) {
		k++
	}
	if k == start || !isASCIILetter(s[start]) {
		return t, false
	}
	var lower [16]byte
	if k-start > len(lower) {
		return t, false
	}
	for i := start; i < k; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i-start] = c
	}
	t.name = atom.Lookup(lower[:k-start])
	if !plainTags[t.name] {
		return t, false
	}
	if t.end {
		if k < len(s) && s[k] == '>' {
			t.n = k + 1
			return t, true
		}
		return t, false
	}
	hasAttr, hasHref := false, false
	for k < len(s) {
		switch {
		case s[k] == '>':
			t.n = k + 1
			return t, true
		case s[k] == '/':
			if k+1 < len(s) && s[k+1] == '>' {
				t.selfClosing = true
				t.n = k + 2
				return t, true
			}
			return t, false
		case s[k] != ' ':
			return t, false
		}
		k++ // the space
		if k < len(s) && s[k] == '/' && !hasAttr {
			continue // "<br />"
		}
		// key="value"
		ks := k
		for k < len(s) && (isLowerASCII(s[k]) || s[k] == '-') {
			k++
		}
		if k == ks || k+1 >= len(s) || s[k] != '=' || s[k+1] != '"' {
			return t, false
		}
		key := s[ks:k]
		k += 2
		q := strings.IndexByte(s[k:], '"')
		if q < 0 {
			return t, false
		}
		v := s[k : k+q]
		if strings.ContainsAny(v, "&\r\x00") {
			return t, false
		}
		if key == "href" {
			if hasHref {
				return t, false // the tokenizer keeps the first of duplicate attributes
			}
			hasHref = true
			if t.name == atom.A {
				t.href = strings.TrimSpace(v)
			}
		}
		hasAttr = true
		k += q + 1
	}
	return t, false // no ">"
}

// appendPlainText appends the text run s, its entities decoded, to dst,
// reporting false if s is not plain text (see plainHTMLToText).
func appendPlainText(dst []byte, s string) ([]byte, bool) {
	if strings.ContainsAny(s, "\r\x00") {
		return dst, false
	}
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			return append(dst, s...), true
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "&amp;"):
			dst, s = append(dst, '&'), s[len("&amp;"):]
		case strings.HasPrefix(s, "&lt;"):
			dst, s = append(dst, '<'), s[len("&lt;"):]
		case strings.HasPrefix(s, "&gt;"):
			dst, s = append(dst, '>'), s[len("&gt;"):]
		case strings.HasPrefix(s, "&quot;"):
			dst, s = append(dst, '"'), s[len("&quot;"):]
		case strings.HasPrefix(s, "&nbsp;"):
			dst, s = append(dst, "\u00a0"...), s[len("&nbsp;"):]
		default:
			return dst, false
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || '0' <= c && c <= '9' }
func isLowerASCII(c byte) bool  { return 'a' <= c && c <= 'z' }
