package roundrobin

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Placeholders that Neutralise puts where a question names or refers to its
// addressee, so that the same question put to different bodies reads the same.
const (
	PlaceholderDept     = "[dept]"       // "their Department", "the Government", …
	PlaceholderMinister = "[minister]"   // "he", "she"
	PlaceholderPossess  = "[minister's]" // "his", "her"
)

var (
	quoteReplacer = strings.NewReplacer(
		"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
		"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
		"\u2013", "-", "\u2014", "-", "\u2212", "-", "\u00a0", " ", "\u2026", "...",
	)
)

// selfRefs are the phrases, as lower-case words and the separators between
// them, that refer to the body or minister addressed. They are tried longest
// first, so that "his Department" is taken whole before "his" alone.
var selfRefs = []struct {
	words []string // words alternating with separators: "his", " ", "department"
	with  string
}{
	{[]string{"his", " ", "majesty", "'", "s", " ", "government"}, PlaceholderDept},
	{[]string{"her", " ", "majesty", "'", "s", " ", "government"}, PlaceholderDept},
	{[]string{"his", " ", "or", " ", "her"}, PlaceholderPossess},
	{[]string{"he", " ", "or", " ", "she"}, PlaceholderMinister},
	{[]string{"their", " ", "department"}, PlaceholderDept},
	{[]string{"his", " ", "department"}, PlaceholderDept},
	{[]string{"her", " ", "department"}, PlaceholderDept},
	{[]string{"the", " ", "department"}, PlaceholderDept},
	{[]string{"your", " ", "department"}, PlaceholderDept},
	{[]string{"this", " ", "department"}, PlaceholderDept},
	{[]string{"the", " ", "government"}, PlaceholderDept},
	{[]string{"hm", " ", "government"}, PlaceholderDept},
	{[]string{"he", "/", "she"}, PlaceholderMinister},
	{[]string{"she", "/", "he"}, PlaceholderMinister},
	{[]string{"his", "/", "her"}, PlaceholderPossess},
	{[]string{"her", "/", "his"}, PlaceholderPossess},
	{[]string{"he"}, PlaceholderMinister},
	{[]string{"she"}, PlaceholderMinister},
	{[]string{"his"}, PlaceholderPossess},
	{[]string{"her"}, PlaceholderPossess},
}

// Neutralise returns a question's text with its addressee and its references
// to the body addressed neutralised, so that one question put to several
// bodies gives one text:
//
//   - the opening "To ask the Secretary of State for Transport, ", "To ask the
//     Chancellor of the Exchequer, ", "To ask His Majesty's Government" (and
//     the like) is removed. The addressee is taken to end at the first ", "
//     followed by a lower-case letter, a digit or "(", since department names
//     ("Levelling Up, Housing and Communities") continue after a comma with a
//     capital (a capitalised question word such as "What" also ends it, and
//     a following "representing the Church Commissioners, " goes with it);
//   - "their/his/her/the Department", "the Government", "His Majesty's
//     Government" become "[dept]"; "he"/"she" become "[minister]";
//     "his"/"her" become "[minister's]";
//   - curly quotes and dashes become straight ones, the text is lower-cased
//     and runs of white space become one space.
//
// List markers such as "(a)" are kept: they are part of the question as
// asked (the similarity used for grouping ignores them).
func Neutralise(question string) string {
	q := quoteReplacer.Replace(question)
	q = collapseSpace(q)
	q = stripAddressee(q)
	return replaceSelfRefs(strings.ToLower(q))
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	if spacedOnce(s) {
		return s // as collapseRuns would give it, without a copy
	}
	return collapseRuns(s)
}

// collapseRuns is collapseSpace without the shortcut.
func collapseRuns(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// spacedOnce reports whether s is ASCII with no white space but single
// spaces between other characters: collapseSpace's result is s itself.
// Most questions are so.
func spacedOnce(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return false // it may hold white space beyond ASCII's
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}

// isWordRune reports whether r belongs to a word: letters and digits. The
// apostrophe is a separator, so "the department's" is matched as "the
// department" followed by "'s".
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// replaceSelfRefs replaces the selfRefs phrases in q (lower case, spaces
// collapsed) with their placeholders, matching whole words only.
func replaceSelfRefs(q string) string {
	// Split q into alternating parts: separator, word, separator, word, …
	// The list is reused from call to call (a question has a hundred or
	// so parts, and growing a new list for each was most of the memory
	// Neutralise asked for).
	pp := partsPool.Get().(*[]string)
	parts := (*pp)[:0]
	defer func() {
		clear(parts) // holds no question past the call
		*pp = parts[:0]
		partsPool.Put(pp)
	}()
	for i := 0; i < len(q); {
		j := i
		word := false
		for j < len(q) {
			r, n := utf8.DecodeRuneInString(q[j:])
			if j == i {
				word = isWordRune(r)
			} else if isWordRune(r) != word {
				break
			}
			j += n
		}
		if len(parts) == 0 && word {
			parts = append(parts, "") // keep words at odd positions
		}
		parts = append(parts, q[i:j])
		i = j
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	for k := 0; k < len(parts); {
		if k%2 == 0 { // a separator
			b.WriteString(parts[k])
			k++
			continue
		}
		matched := false
		for _, ref := range selfRefs {
			if k+len(ref.words) > len(parts) {
				continue
			}
			ok := true
			for x, w := range ref.words {
				if parts[k+x] != w {
					ok = false
					break
				}
			}
			if ok {
				b.WriteString(ref.with)
				k += len(ref.words)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteString(parts[k])
			k++
		}
	}
	return b.String()
}

// partsPool holds the part lists of replaceSelfRefs for reuse.
var partsPool = sync.Pool{New: func() any { return new([]string) }}

// maxAddressee bounds how far into a question the addressee may run; the
// longest real one ("the Secretary of State for Environment, Food and Rural
// Affairs") is well under it.
const maxAddressee = 160

// stripAddressee removes the opening "To ask … , " of a question. q has its
// white space collapsed and its case as given.
func stripAddressee(q string) string {
	lower := strings.ToLower(q)
	// A Lords question's addressee has no comma after it.
	for _, p := range []string{"to ask his majesty's government", "to ask her majesty's government"} {
		if rest, ok := strings.CutPrefix(lower, p); ok && (rest == "" || !isWordRune(rune(rest[0]))) {
			rest = strings.TrimLeft(rest, ",: ")
			return q[len(q)-len(rest):]
		}
	}
	if !strings.HasPrefix(lower, "to ask ") && !strings.HasPrefix(lower, "to the ") {
		return q
	}
	limit := min(len(q), maxAddressee)
	for i := 0; i+2 < len(q) && i < limit; i++ {
		if q[i] != ',' || q[i+1] != ' ' {
			continue
		}
		r := rune(q[i+2])
		if unicode.IsLower(r) || unicode.IsDigit(r) || r == '(' || r == '\'' || r == '"' || startsQuestion(q[i+2:]) {
			return skipRepresenting(q[i+2:])
		}
	}
	return q
}

// questionOpeners are the capitalised words a question may begin with when
// an asker capitalises after the addressee ("…for Transport, What steps").
// No department name continues after a comma with one of them.
var questionOpeners = []string{"What ", "Whether ", "How ", "If ", "When ", "Which ", "Why ", "Who ", "Where ", "Pursuant ", "With ", "Further ", "For "}

func startsQuestion(s string) bool {
	for _, w := range questionOpeners {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// skipRepresenting drops the ", representing the Church Commissioners, " kind
// of clause that follows an addressee who answers for another body ("To ask
// the hon. Member for X, representing the Church Commissioners, what …").
func skipRepresenting(s string) string {
	if !strings.HasPrefix(s, "representing ") {
		return s
	}
	if i := strings.Index(s, ", "); i >= 0 && i < maxAddressee {
		return s[i+2:]
	}
	return s
}
