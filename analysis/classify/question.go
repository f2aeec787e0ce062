package classify

import (
	"regexp"
	"strings"
)

// Want is what a question (or one part of it) asks for.
type Want string

// The kinds of thing a question can ask for, read from its wording.
const (
	WantFigures     Want = "how-many"    // how many / how much / what proportion / what the cost …
	WantDate        Want = "when"        // when / by what date / what timetable
	WantYesNo       Want = "whether"     // whether / if he will / if she has …
	WantDescription Want = "description" // what steps / what assessment / what discussions / how / why …
)

// QuestionForm is the shape of a question: what each of its parts asks for.
type QuestionForm struct {
	// Parts holds what each top-level part asks for, in order. Parts are the
	// clauses separated by "; and", "; " or "?"; lettered sub-items "(a) …
	// (b) …" stay inside their part and are counted in Items.
	Parts []Want
	// Items is the number of lettered or numbered items, "(a)", "(b)", "(i)".
	Items int
	// Starts and Ends are byte offsets into the question of each part's cue.
	Starts, Ends []int
}

// Has reports whether any part asks for w.
func (f QuestionForm) Has(w Want) bool {
	for _, p := range f.Parts {
		if p == w {
			return true
		}
	}
	return false
}

// Only reports whether every part asks for w.
func (f QuestionForm) Only(w Want) bool {
	if len(f.Parts) == 0 {
		return false
	}
	for _, p := range f.Parts {
		if p != w {
			return false
		}
	}
	return true
}

var (
	reQFigures = regexp.MustCompile(`(?i)\bhow (many|much|often|long|frequently)\b|\bwhat (is |was |were |are |has been |have been )?(the )?(total |estimated |average |annual |current |latest |overall |median |mean )*(proportion|percentage|number|numbers|amount|cost|costs|value|budget|spend|spending|expenditure|level|rate|figure|sum|income|revenue|funding|salary|size)\b|\bwhat (proportion|percentage)`)
	reQDate    = regexp.MustCompile(`(?i)\bwhen\b|\bby what date\b|\bon what date\b|\bwhat (the )?(timetable|timescale|timeframe|date)\b|\bwhat (the )?(expected|planned|estimated) (date|timetable|timescale)`)
	reQYesNo   = regexp.MustCompile(`(?i)^\s*(whether|if)\b|^\s*(will|has|have|is|are|does|do|did)\b`)
	reQDesc    = regexp.MustCompile(`(?i)\bwhat\b|\bhow\b|\bwhy\b|\bwhich\b|\bfor what\b|\bwho\b|\bwhere\b`)
	reQItems   = regexp.MustCompile(`\((?:[a-z]|[ivx]+|[A-Z]|\d{1,2})\)`)
	reQOpening = regexp.MustCompile(`(?i)^\s*to ask (the |his majesty's government )?[^,]{0,160},\s*`)
	reQSplit   = regexp.MustCompile(`(?i);\s*(and\s+)?|\?\s+|,\s+and\s+(?:(?:if|whether|what|how|when|why|which)\b)`)
)

// ReadQuestion reads what a question asks for from its wording. It is a
// surface reading: the part's first question word decides.
func ReadQuestion(q string) QuestionForm {
	var f QuestionForm
	f.Items = len(reQItems.FindAllStringIndex(q, -1))
	body := q
	off := 0
	if loc := reQOpening.FindStringIndex(q); loc != nil {
		off = loc[1]
		body = q[off:]
	}
	// split into parts, keeping offsets
	var bounds [][2]int
	prev := 0
	for _, m := range reQSplit.FindAllStringIndex(body, -1) {
		// for ", and if/whether…" keep the question word in the next part
		end := m[1]
		seg := body[m[0]:m[1]]
		if strings.HasPrefix(seg, ",") {
			if w := strings.LastIndexByte(seg, ' '); w >= 0 {
				end = m[0] + w + 1
			}
		}
		bounds = append(bounds, [2]int{prev, m[0]})
		prev = end
	}
	bounds = append(bounds, [2]int{prev, len(body)})
	for _, b := range bounds {
		part := body[b[0]:b[1]]
		if strings.TrimSpace(part) == "" {
			continue
		}
		w, s, e := partWant(part)
		if w == "" {
			continue
		}
		f.Parts = append(f.Parts, w)
		f.Starts = append(f.Starts, off+b[0]+s)
		f.Ends = append(f.Ends, off+b[0]+e)
	}
	return f
}

// partWant classifies one part of a question by the earliest strong cue.
func partWant(p string) (Want, int, int) {
	if loc := reQYesNo.FindStringIndex(p); loc != nil {
		// "whether … how many" still wants figures when the figure cue
		// comes first in substance: "if he will publish the number of …"
		// is a yes/no about publication; we keep it yes/no.
		return WantYesNo, loc[0], loc[1]
	}
	if loc := reQFigures.FindStringIndex(p); loc != nil && loc[0] < 40 {
		return WantFigures, loc[0], loc[1]
	}
	if loc := reQDate.FindStringIndex(p); loc != nil && loc[0] < 40 {
		return WantDate, loc[0], loc[1]
	}
	if loc := reQDesc.FindStringIndex(p); loc != nil {
		return WantDescription, loc[0], loc[1]
	}
	if len(strings.TrimSpace(p)) > 20 {
		return WantDescription, 0, 0
	}
	return "", 0, 0
}
