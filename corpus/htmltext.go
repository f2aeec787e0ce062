package corpus

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CellSeparator separates the cells of a table row in the plain text that
// HTMLToText writes. A visible " | " (rather than a tab) survives the
// whitespace collapsing that later text processing does and reads well in
// reports; a cell that itself contains "|" is rare in answers and is left as
// it is.
const CellSeparator = " | "

// HTMLToText turns answer HTML, as the Written Questions API's detail
// endpoint gives it, into readable plain text:
//
//   - paragraphs (<p>, <div>, headings, tables, lists, <blockquote>) are
//     separated by a blank line ("\n\n"); empty paragraphs such as the
//     API's ubiquitous "<p> </p>" are dropped;
//   - each list item (<li>) and each table row (<tr>) stands on its own
//     line, without a bullet or number; the cells of a row are joined by
//     CellSeparator, and block elements inside a cell or a list item do not
//     break the row or item into paragraphs;
//   - <br> ends a line, and two or more <br> in a row end a paragraph;
//   - entities are decoded (&nbsp; becomes a plain space);
//   - runs of white space within a line collapse to one space, and lines
//     are trimmed;
//   - a link keeps its text, followed by " (<href>)" when the text is not
//     the address itself (ignoring its scheme, "mailto:" and a trailing
//     "/"); a link with no text becomes its address; in-page ("#…") and
//     "javascript:" addresses are not shown;
//   - the contents of <script>, <style>, <head> and comments are dropped.
//
// Invisible characters (zero-width space, word joiner, byte-order mark,
// soft hyphen) are removed. Input that is not HTML comes back with
// entities decoded and white space collapsed. The output is a pure function of the input.
func HTMLToText(s string) string {
	if text, ok := plainHTMLToText(s); ok {
		return text
	}
	return tokenizedHTMLToText(s)
}

// tokenizedHTMLToText is HTMLToText for any input, on the tokenizer of
// golang.org/x/net/html.
func tokenizedHTMLToText(s string) string {
	sc := getHTMLScratch()
	w := textWriter{out: sc.out[:0], cur: sc.cur[:0]}
	defer func() { sc.out, sc.cur = w.out, w.cur; sc.put() }()
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside elements whose content is not text
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF, or a read error that cannot happen on a strings.Reader.
			w.paraBreak()
			return w.String()
		case html.TextToken:
			if skip == 0 {
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template:
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if skip > 0 {
				continue
			}
			var href string
			if a == atom.A && hasAttr {
				for {
					k, v, more := z.TagAttr()
					if string(k) == "href" {
						href = strings.TrimSpace(string(v))
					}
					if !more {
						break
					}
				}
			}
			w.start(a, href, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template:
				if skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			w.end(a)
		}
	}
}

// htmlScratch holds the buffers of one conversion to text, kept in a
// pool for the next: a conversion's text is copied out (textWriter.String),
// so its buffers are free when it returns, and reading would otherwise
// allocate three a record.
type htmlScratch struct{ out, cur, text []byte }

var htmlScratchPool = sync.Pool{New: func() any { return new(htmlScratch) }}

func getHTMLScratch() *htmlScratch { return htmlScratchPool.Get().(*htmlScratch) }

// put returns sc to the pool, unless a rare long answer has grown its
// buffers past what is worth holding.
func (sc *htmlScratch) put() {
	if cap(sc.out)+cap(sc.cur)+cap(sc.text) <= 1<<16 {
		htmlScratchPool.Put(sc)
	}
}

// textWriter accumulates lines of text. out holds the finished lines
// joined by "\n", with a blank line between paragraphs; a blank line is
// written only when a line follows it, so that the text never ends in one.
// cur holds the text of the line being built, white space not yet
// collapsed.
type textWriter struct {
	out       []byte
	lines     int  // lines in out, blank ones included
	blankNext bool // a blank line is due before the next line
	cur       []byte

	tables    int   // open <table> elements
	cellAt    []int // for each open cell, outermost first, the tables open when it began
	cellDepth int   // len(cellAt): >0 inside a table cell
	cells     int   // cells started in the current row of the outermost table
	liDepth   int   // >0 inside a list item
	brRun     bool  // the last thing seen was a <br> that ended a line

	links []link // open <a> elements, innermost last
}

type link struct {
	href  string
	start int // length of cur when the link opened, or -1 if a line ended inside it
}

// text adds a text token's text, entities decoded, to the current line.
func (w *textWriter) text(t []byte) {
	if len(bytes.TrimSpace(t)) > 0 {
		w.brRun = false
	}
	w.cur = append(w.cur, t...)
}

// String returns the text written so far, lines joined by "\n".
func (w *textWriter) String() string { return string(w.out) }

// flushLine ends the current line; an empty line is dropped.
func (w *textWriter) flushLine() {
	mark := len(w.out)
	if w.lines > 0 {
		w.out = append(w.out, '\n')
		if w.blankNext {
			w.out = append(w.out, '\n')
		}
	}
	body := len(w.out)
	w.out = appendCollapsed(w.out, w.cur)
	w.cur = w.cur[:0]
	for i := range w.links {
		w.links[i].start = -1
	}
	if len(w.out) == body {
		w.out = w.out[:mark] // an empty line
		return
	}
	w.lines++
	if w.blankNext {
		w.lines++
		w.blankNext = false
	}
}

// lineBreak ends the current line, inside a table cell only adds a space.
func (w *textWriter) lineBreak() {
	if w.cellDepth > 0 {
		w.cur = append(w.cur, ' ')
		return
	}
	w.flushLine()
}

// paraBreak ends the current paragraph: a blank line follows unless one is
// already there. Inside a list item it only ends the line, inside a table
// cell it only adds a space.
func (w *textWriter) paraBreak() {
	if w.cellDepth > 0 {
		w.cur = append(w.cur, ' ')
		return
	}
	w.flushLine()
	if w.liDepth > 0 {
		return
	}
	if w.lines > 0 {
		w.blankNext = true
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Table, atom.Ul, atom.Ol, atom.Dl, atom.Pre,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Hr,
		atom.Caption, atom.Figure, atom.Address, atom.Body, atom.Html:
		return true
	}
	return false
}

func (w *textWriter) start(a atom.Atom, href string, selfClosing bool) {
	wasBr := w.brRun
	w.brRun = false
	switch {
	case a == atom.Br:
		if w.cellDepth > 0 {
			w.cur = append(w.cur, ' ')
			return
		}
		if wasBr {
			w.paraBreak()
		} else {
			w.flushLine()
		}
		w.brRun = true
	case a == atom.Tr:
		w.closeCells()
		w.lineBreak()
		if w.cellDepth == 0 {
			w.cells = 0
		}
	case a == atom.Td || a == atom.Th:
		w.closeCells() // a cell left open ends where the next begins
		if w.cellDepth == 0 {
			if w.cells > 0 {
				w.cur = append(w.cur, CellSeparator...)
			}
			w.cells++
		} else {
			w.cur = append(w.cur, ' ')
		}
		if !selfClosing {
			w.cellAt = append(w.cellAt, w.tables)
			w.cellDepth = len(w.cellAt)
		}
	case a == atom.Table:
		w.paraBreak()
		if !selfClosing {
			w.tables++
		}
	case a == atom.Li || a == atom.Dt || a == atom.Dd:
		w.lineBreak()
		if !selfClosing {
			w.liDepth++
		}
	case a == atom.A:
		if !selfClosing {
			w.links = append(w.links, link{href: href, start: len(w.cur)})
		}
	case isBlock(a):
		w.paraBreak()
	}
}

func (w *textWriter) end(a atom.Atom) {
	switch {
	case a == atom.Br:
		// "</br>" is read by browsers as <br>.
		w.start(a, "", true)
		return
	case a == atom.Tr:
		w.closeCells()
		w.lineBreak()
		if w.cellDepth == 0 {
			w.cells = 0
		}
	case a == atom.Td || a == atom.Th:
		if n := len(w.cellAt); n > 0 && w.cellAt[n-1] == w.tables {
			w.cellAt = w.cellAt[:n-1]
			w.cellDepth = len(w.cellAt)
		}
	case a == atom.Table:
		if w.tables > 0 {
			w.closeCells()
			w.tables--
		}
		w.paraBreak()
	case a == atom.Li || a == atom.Dt || a == atom.Dd:
		if w.liDepth > 0 {
			w.liDepth--
		}
		w.lineBreak()
	case a == atom.A:
		if n := len(w.links); n > 0 {
			l := w.links[n-1]
			w.links = w.links[:n-1]
			w.closeLink(l)
		}
	case isBlock(a):
		w.paraBreak()
	}
}

// closeCells ends the cells opened in the innermost open table, which a
// new row, a new cell or the table's end closes even without end tags.
func (w *textWriter) closeCells() {
	for n := len(w.cellAt); n > 0 && w.cellAt[n-1] >= w.tables; n-- {
		w.cellAt = w.cellAt[:n-1]
	}
	w.cellDepth = len(w.cellAt)
}

// closeLink appends the link's address after its text where the text does
// not already show it.
func (w *textWriter) closeLink(l link) {
	href := l.href
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return
	}
	if l.start < 0 || l.start > len(w.cur) {
		// The link's text spans a line break: show the address.
		w.cur = append(append(append(w.cur, " ("...), href...), ')')
		return
	}
	text := collapseSpace(string(w.cur[l.start:]))
	switch {
	case text == "":
		w.cur = append(w.cur, href...)
	case sameAddress(text, href):
	default:
		w.cur = append(append(append(w.cur, " ("...), href...), ')')
	}
}

var schemeRE = regexp.MustCompile(`^(?i:[a-z][a-z0-9+.-]*:(//)?)`)

// sameAddress reports whether a link's text shows its address, ignoring the
// scheme, a leading "www." and a trailing "/".
func sameAddress(text, href string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = schemeRE.ReplaceAllString(s, "")
		s = strings.TrimPrefix(s, "www.")
		return strings.TrimRight(s, "/")
	}
	return norm(text) == norm(href)
}

// collapseSpace removes invisible characters (see dropInvisible), replaces
// every run of white space (including no-break spaces) by one space and
// trims the ends.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(dropInvisible(s)), " ")
}

// appendCollapsed appends collapseSpace(string(s)) to dst, in one pass
// over s and without building the words in between.
func appendCollapsed(dst, s []byte) []byte {
	if !utf8.Valid(s) {
		// Removing an invisible character could join the bytes around it
		// into a character; collapseSpace works on the result, so let it.
		return append(dst, collapseSpace(string(s))...)
	}
	start := len(dst)
	space := false // white space seen since the last word
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = true
				i++
				continue
			}
			// Copy the run of visible ASCII at once: most of a word.
			for n < len(s)-i && s[i+n] < utf8.RuneSelf && !asciiSpace[s[i+n]] {
				n++
			}
		} else {
			var r rune
			r, n = utf8.DecodeRune(s[i:])
			switch {
			case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
				i += n
				continue
			case unicode.IsSpace(r):
				space = true
				i += n
				continue
			}
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, s[i:i+n]...)
		i += n
	}
	return dst
}

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// invisibles are characters that render as nothing: zero-width space,
// word joiner, byte-order mark (zero-width no-break space) and soft hyphen.
// Answers pasted from word processors carry them (101 of the shared full
// texts have a zero-width space, mostly at a paragraph's edge), and left in
// they make identical sentences compare unequal and empty paragraphs look
// non-empty. Zero-width (non-)joiners are kept: they matter in some
// scripts and emoji.
var invisibles = strings.NewReplacer("\u200b", "", "\u2060", "", "\ufeff", "", "\u00ad", "")

// dropInvisible removes the invisibles from s.
func dropInvisible(s string) string {
	for _, r := range s {
		switch r {
		case '\u200b', '\u2060', '\ufeff', '\u00ad':
			return invisibles.Replace(s)
		}
	}
	return s
}

// tagRE matches something that looks like an HTML start or end tag.
var tagRE = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)

// looksLikeHTML reports whether s contains an HTML tag.
func looksLikeHTML(s string) bool {
	return strings.IndexByte(s, '<') >= 0 && tagRE.MatchString(s)
}
