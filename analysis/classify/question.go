package classify

import (
	"strings"
)

// Want is what a question (or one part of it) asks for.
type Want string

// The kinds of thing a question can ask for, read from its wording.
const (
	WantFigures     Want = "how-many"    // how many / how much / what proportion / what the cost …
	WantDate        Want = "when"        // when / by what date / what timetable
	WantYesNo       Want = "whether"     // whether / if he will / what discussions …
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
	// Spans are the byte offsets into the question of each whole part,
	// separators excluded.
	Spans [][2]int
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
	// reQFigures and reQDate (a part asking for figures; one asking when)
	// count only where they match at the start of what they are tried on:
	// anchored, they fail at once elsewhere.
	reQFigures = mustLazy(`(?i)^(?:` + structuralBody("question-figures") + `)`)
	reQDate    = mustLazy(`(?i)^(?:` + structuralBody("question-date") + `)`)
	reQWord    = mustGated(structuralCue("question-word"))
	// "if he will publish the number of …" and "if she will make an estimate
	// of …" ask for figures.
	// "whether he has made an assessment", "if she will take steps": a
	// substantive description answers these as well as a yes/no does.
	reQYesNoDesc     = mustGated(`(?i)\b(assessment|assess|steps|merits|support|action|measures)\b`)
	reQWantsFigures  = mustGated(structuralCue("question-wants-figures"))
	reQAssessFigures = mustLazy(`(?i)^what (recent )?(assessment|estimate|forecast|projection|analysis)s?\b[^;?]{0,60}\bof (how many|how much|the (total |likely |potential |expected |estimated )?(number|proportion|cost|value|amount)s? of|what proportion)`)
	reQDiscussions   = mustLazy(`(?i)^what (recent |recent and planned |further )?(discussions|meetings|representations|conversations|engagement|correspondence)\b`)
	reQAddressOnly   = mustLazy(`(?i)^\s*to ask (the|his|her|my)\b[^;?]*$`)
	reQItems         = mustLazy(`\((?:[a-z]|[ivx]+|[A-Z]|\d{1,2})\)`)
	reQHoldsOn       = mustLazy(`(?i)^what (information|data|statistics|figures|records)[^;?]{0,60}\b(holds?|has|collects?|publishes)\b[^;?]{0,20}\b(on|about|of)\b[^;?]{0,10}\b(how many|how much|the number|numbers|the proportion|what proportion)`)
	reQStatement     = mustLazy(`(?i)^\s*(and\s+)?if (he|she|they|the minister|the secretary of state) will make a (further )?statement\W*$`)
	reQSplit         = mustGated(`(?i)\n+\s*|;\s*(and\s+)?|\?\s+|,\s+and\s+(?:(?:if|whether|what|how|when|why|which)\b)`)
)

// ReadQuestion reads what a question asks for from its wording. It is a
// surface reading: the part's first question word decides.
func ReadQuestion(q string) QuestionForm {
	var f QuestionForm
	f.Items = len(reQItems.FindAllStringIndex(q, -1))
	body := q
	off := 0
	// split into parts, keeping offsets
	var bounds [][2]int
	prev := 0
	for _, m := range reQSplit.findAllIndex(body) {
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
		if strings.TrimSpace(part) == "" || reQStatement.MatchString(part) {
			// "and if he will make a statement" is a formula, not a part.
			continue
		}
		w, s, e := partWant(part)
		if w == "" {
			continue
		}
		f.Parts = append(f.Parts, w)
		f.Starts = append(f.Starts, off+b[0]+s)
		f.Ends = append(f.Ends, off+b[0]+e)
		f.Spans = append(f.Spans, [2]int{off + b[0], off + b[1]})
	}
	return f
}

// partWant classifies one part of a question by its first question word:
// "whether"/"if he will" want a yes/no (or figures, when what is to be
// made or published is an estimate, a number or a breakdown); "how many",
// "what proportion", "what the cost" want figures; "when", "by what date"
// want a date; other "what"/"how"/"why"/"which" want a description.
func partWant(p string) (Want, int, int) {
	loc := reQWord.first(p)
	if loc == nil {
		// "To ask the Secretary of State for Health" on a line of its own
		// heads the numbered questions of a 2009 group; it asks nothing.
		if reQAddressOnly.MatchString(p) {
			return "", 0, 0
		}
		if len(strings.TrimSpace(p)) > 20 {
			return WantDescription, 0, 0
		}
		return "", 0, 0
	}
	rest := p[loc[0]:]
	w := strings.ToLower(p[loc[0]:loc[1]])
	switch {
	case strings.HasPrefix(w, "whether") || strings.HasPrefix(w, "if"):
		if m := reQWantsFigures.first(rest); m != nil && m[0] < 80 {
			return WantFigures, loc[0] + m[0], loc[0] + m[1]
		}
		if m := reQYesNoDesc.first(rest); m != nil && m[0] < 70 {
			return WantDescription, loc[0] + m[0], loc[0] + m[1]
		}
		return WantYesNo, loc[0], loc[1]
	case strings.HasPrefix(w, "when") || strings.HasPrefix(w, "by what") || strings.HasPrefix(w, "on what"):
		return WantDate, loc[0], loc[1]
	}
	if m := reQFigures.FindStringIndex(rest); m != nil {
		return WantFigures, loc[0], loc[0] + m[1]
	}
	// "what assessment he has made of how many jobs …" wants the number.
	if m := reQAssessFigures.FindStringIndex(rest); m != nil && m[0] == 0 {
		return WantFigures, loc[0], loc[0] + m[1]
	}
	// "what recent discussions she has had with X" wants to know whether
	// there were any and with whom: answered like a yes/no.
	if m := reQDiscussions.FindStringIndex(rest); m != nil && m[0] == 0 {
		return WantYesNo, loc[0], loc[0] + m[1]
	}
	// "what information his Department holds on how many …" wants the count.
	if m := reQHoldsOn.FindStringIndex(rest); m != nil && m[0] == 0 {
		return WantFigures, loc[0], loc[0] + m[1]
	}
	if m := reQDate.FindStringIndex(rest); m != nil {
		return WantDate, loc[0], loc[0] + m[1]
	}
	return WantDescription, loc[0], loc[1]
}
