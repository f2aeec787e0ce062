package report

import (
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
)

// span is a stretch of a text to mark: a boilerplate family (family > 0) or
// a piece of verdict evidence (cue != "").
type span struct {
	start, end int
	family     int
	cue        string
}

// snap moves byte offset i into [0, len(s)] and onto a rune boundary:
// backwards for a start, forwards for an end, so that a span cut there
// covers every rune it touched.
func snap(s string, i int, forward bool) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		if forward {
			i++
		} else {
			i--
		}
	}
	return i
}

// highlight returns s as escaped HTML with boilerplate spans wrapped in
// <mark class="bp"> and evidence spans in <span class="ev">, and the number
// of spans that could not be placed (empty or entirely outside s). Offsets
// are bytes into s; out-of-range offsets are clamped and offsets inside a
// rune are widened to whole runes, so no input can make it panic or split a
// character. Overlapping spans are handled by cutting s at every span edge
// and wrapping each piece in the marks that cover it.
func highlight(s string, spans []span) (template.HTML, int) {
	var placed []span
	unplaced := 0
	for _, sp := range spans {
		a, b := snap(s, sp.start, false), snap(s, sp.end, true)
		if sp.start > sp.end || a >= b || sp.start >= len(s) || sp.end <= 0 {
			unplaced++
			continue
		}
		sp.start, sp.end = a, b
		placed = append(placed, sp)
	}
	cuts := []int{0, len(s)}
	for _, sp := range placed {
		cuts = append(cuts, sp.start, sp.end)
	}
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		if lo == hi {
			continue
		}
		var fams []int
		var cues []string
		for _, sp := range placed {
			if sp.start <= lo && hi <= sp.end {
				if sp.family > 0 {
					fams = append(fams, sp.family)
				}
				if sp.cue != "" {
					cues = append(cues, sp.cue)
				}
			}
		}
		text := html.EscapeString(s[lo:hi])
		if len(fams) > 0 {
			sort.Ints(fams)
			fams = uniqInts(fams)
			names := make([]string, len(fams))
			for j, f := range fams {
				names[j] = "#" + strconv.Itoa(f)
			}
			b.WriteString(`<mark class="bp" title="Stock sentence, family ` + html.EscapeString(strings.Join(names, ", ")) + `">`)
		}
		if len(cues) > 0 {
			sort.Strings(cues)
			cues = uniqStrings(cues)
			b.WriteString(`<span class="ev" title="Evidence: ` + html.EscapeString(strings.Join(cues, "; ")) + `">`)
		}
		b.WriteString(text)
		if len(cues) > 0 {
			b.WriteString(`</span>`)
		}
		if len(fams) > 0 {
			b.WriteString(`</mark>`)
		}
	}
	// Every piece was escaped above and the only markup added is fixed tags
	// with escaped attribute values.
	return template.HTML(b.String()), unplaced
}

// answerSpans gathers the boilerplate and answer-evidence spans of an answer.
func answerSpans(bp []boilerplate.Span, ev []classify.Evidence) []span {
	out := make([]span, 0, len(bp)+len(ev))
	for _, s := range bp {
		out = append(out, span{start: s.Start, end: s.End, family: s.Family})
	}
	for _, e := range ev {
		if e.InQuestion {
			continue
		}
		out = append(out, span{start: e.Start, end: e.End, cue: cueLabel(e.Cue)})
	}
	return out
}

// questionSpans gathers the evidence spans found in the question.
func questionSpans(ev []classify.Evidence) []span {
	var out []span
	for _, e := range ev {
		if e.InQuestion {
			out = append(out, span{start: e.Start, end: e.End, cue: cueLabel(e.Cue)})
		}
	}
	return out
}

func uniqInts(a []int) []int {
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func uniqStrings(a []string) []string {
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	return out
}
