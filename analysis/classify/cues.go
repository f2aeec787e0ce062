package classify

import (
	"strings"
	"sync"

	"github.com/parlance-go/parlance/corpus"
)

// Structural cues. They are compiled once per process; none of them is
// specific to any one answer: they encode the ways answers in the corpus
// give, withhold or point at information. The long ones are data, one
// alternative a line in structure.tsv (structuralCue), so that a new
// wording is one line there.
var (
	// A promise to reply later, the substance of a holding answer.
	reHolding = mustGated(structuralCue("holding"))

	// An answer saying it cannot be given, with no ground: the standard
	// reply to questions left unanswered at prorogation or dissolution.
	reCannotAnswer = mustGated(structuralCue("cannot-answer"))

	// The heading of a letter printed in the answer from the body a
	// question was passed to (TheyWorkForYou prints them in full).
	reLetterFrom = mustLazy(`(?m)^Letter from [^\n]{1,150}$`)

	// A pointer to another answer, statement or publication.
	rePointer = mustGated(structuralCue("pointer"))

	// Sentences of general commitment or context that give no information.
	reGeneric = mustGated(structuralCue("generic"))

	// A direct answer that is a "none": no assessment, no discussions, has
	// not met. Tried only on sentences isDirect accepted.
	reNone = mustGated(structuralCue("none"))

	// Information in an attached file.
	reAttached = mustGated(structuralCue("attached"))

	// Zero answers to counting questions.
	reNilFigure = mustGated(structuralCue("nil-figure"))

	reFigure = mustGated(`£\s?\d[\d,]*(\.\d+)?|\b\d[\d,]*(\.\d+)?\s?(%|per ?cent\b|percent\b)|\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?\s?(million|billion|bn|thousand|hundred)\b|\b\d+(\.\d+)?\b`)
	// Counts written as words: "Three members …", "there were two".
	reNumWord = mustGated(structuralCue("number-word"))

	reURL = mustGated(`(?i)https?://\S+|\bwww\.\S+`)
	// A date or time in an answer, for questions asking when.
	reWhen = mustLazy(structuralCue("when"))
)

// directCues are the ways a sentence answers a yes/no or whether question
// directly ("No.", "Officials have discussed …", "There are no plans to
// …", "The scheme already covers …"). Each is tried only where its gate
// (derived from the expression) is open.
var directCues = []gatedRegexp{
	mustGated(`(?i)^(yes|no|none|nil|not)\b`),
	mustGated(`(?i)\b(already|currently) (include|includes|required|requires?|provides?|applies|apply|in place|exists?|covers?)\b`),
	mustGated(`(?i)\b(has|have|had)? ?(raised|pressed|discussed|spoke|spoken|met with|wrote to|agreed)\b`),
	mustGated(`(?i)\b(is|are|was|were|will|would|does|do|did|has|have|had) (not |also |already )?(be |been )?(included|excluded|covered|eligible|exempt)\b`),
	mustGated(`(?i)\bno (\w+ )?(current |such |immediate |specific |formal |recent |further |firm |new )*(plans?|assessment|discussions?|representations?|estimate|requirement|intention|evidence|meetings?|guidance|decision|changes?)\b|\bthere (are|is|were|was|has been|have been) no\b`),
	mustGated(`(?i)\b(has|have|had|did|does|do|is|are|was|were|will|would) not (been |yet )?(made|had|received|held|met|taken|undertaken|commissioned|carried out|assessed|conducted|published|required|planned|apply|applied|change|changed|intend|plan|make|take|introduce|legislate|seek)\b`),
	mustGated(`(?i)\bnot (currently )?(planning|intending|considering|required|necessary|due to|planned)\b|\b(has|have) (no|not)\b|\b(will|would) not\b`),
	// "the Department has commissioned …": the actor must be the
	// answerer, not "the contribution they have made".
	mustGated(`(?i)\b(I|we|he|she|ministers|officials|department|government|secretary of state|minister|my (department|officials))\b[^.,;]{0,40}\b(has|have|had)( not| recently| already)? (made|held|met|discussed|had|received|written|spoken|commissioned|published|announced|agreed|decided|confirmed|completed|undertaken|taken|introduced|launched)\b`),
	mustGated(`(?i)\bwill (be )?(apply|applies|introduce|legislate|bring forward|require|extend)\b`),
}

// isDirect reports whether sentence t (x its literals) answers a
// yes/no directly: one of directCues matches.
func isDirect(t string, x textLits) bool {
	for _, d := range directCues {
		if d.match(t, x) {
			return true
		}
	}
	return false
}

// notFigures are the numbers that are not quantities: references
// (Question 1234, section 5, HCWS12), dates, years, ages and bracketed
// note numbers. hasFigure blanks what every part matches, each part tried
// only where its gate is open.
var notFigures = []gatedRegexp{
	mustGated(`(?i)\b(questions?|uins?|pqs?)\s+(uin\s+)?(hl)?\d+([\s(),]*(and|&)?[\s(),]*(hl)?\d+)*`),
	mustGated(`(?i)\b\d{1,2}(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)(\s+\d{4})?\b`),
	mustGated(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)\s+\d{4}\b`),
	mustGated(`(?i)\b(19|20)\d{2}([-/–](19|20)?\d{2})?\b`),
	mustGated(`(?i)\b(question|questions|uin|hl|hcws|hlws|section|sections|paragraph|paragraphs|para|column|col|page|pages|regulation|regulations|article|clause|part|schedule|table|chapter|no\.|number|annex|rule|step|tier|level|key stage|phase|wave|stage|band|grade|category|class|type|covid|g|c|cop|figure|appendix|act|order|pq|pqs|uins)\s*-?\d+(\.\d+)*[a-z]?\b`),
	mustGated(`(?i)\bage(d)? (of )?(\d+|under \d+|over \d+)`),
	mustGated(`(?i)\b(under|over|aged) (the age of )?\d+\b`),
	mustGated(`(?i)\b\d+ (and|or|to) (over|under|\d+) years?\b`),
	mustGated(`(?i)\b\d+\s?(years?|months?)[- ]old\b`),
	mustGated(`(?i)\bwithin \d+ (hours|days|minutes|weeks)\b`),
	mustGated(`(?i)\b[a-z]+-?\d+[a-z\d]*\b`),
	mustGated(`(?i)\b\d+-?[a-z]+\d*\b`),
	mustGated(`(?i)\b\d{1,2}\s?[-–]\s?\d{1,2}(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b`),
	mustGated(`(?i)\(\s*\d+\s*\)`),
}

// figureKeys returns the quantities s states, each reduced by numKey, in
// order: the numbers that are not part of a date, a year, an age or a
// reference number (Question 1234, section 5, HCWS12). A sentence gives a
// figure when one of them is not among the question's own numbers
// (sentenceFacts.hasFigure: an answer repeating "the £46 million" of the
// question adds nothing).
//
// Short durations ("within 24 hours", "for 20 minutes") describe processes,
// not counts, unless the question asks how long (durations true).
//
// x tells the literals of s (its scan, as readFacts made it for the cues).
func figureKeys(s string, x textLits, durations bool) []string {
	blank := func(m string) string { return strings.Repeat(" ", len(m)) }
	lower := x
	if reURL.c().lits.open(lower) {
		// Blanks can join words into a gate's literal: read them again.
		s = reURL.ReplaceAllStringFunc(s, blank)
		lower = lowerText(foldLower(s))
	}
	// Blank the union of what the parts match in s, each part on s itself,
	// so that no part sees another's blanks.
	var b []byte
	for _, nf := range notFigures {
		if !nf.c().lits.open(lower) {
			continue
		}
		for _, loc := range nf.findAllIndex(s) {
			if b == nil {
				b = []byte(s)
			}
			for i := loc[0]; i < loc[1]; i++ {
				b[i] = ' '
			}
		}
	}
	cleaned := s
	if b != nil {
		cleaned = string(b)
	}
	if !durations {
		// As ReplaceAllStringFunc(cleaned, blank): its matches are
		// FindAllStringIndex's, never empty.
		var b []byte
		for _, loc := range reDuration.findAllIndex(cleaned) {
			if b == nil {
				b = []byte(cleaned)
			}
			for i := loc[0]; i < loc[1]; i++ {
				b[i] = ' '
			}
		}
		if b != nil {
			cleaned = string(b)
		}
	}
	var keys []string
	for _, loc := range reFigure.findAllIndex(cleaned) {
		keys = append(keys, numKey(cleaned[loc[0]:loc[1]]))
	}
	return keys
}

var (
	reDigits   = mustGated(`\d[\d,.]*`)
	reDuration = mustGated(`(?i)\b\d+\s?(minutes?|hours?|days?|weeks?)\b`)
	// A question that asks how long something takes.
	reQHowLong = mustGated(structuralCue("question-how-long"))
)

// questionFigures is what a question says about the figures that would
// answer it.
type questionFigures struct {
	nums      map[string]bool // numbers the question itself gives
	durations bool            // it asks how long: durations are answers
	money     bool            // it asks for sums of money and not counts
}

var (
	// A question asking for a sum of money: a cost, budget, spend, funding.
	reQMoney = mustGated(structuralCue("question-money"))
	// A question asking for counts, proportions or rates as well.
	reQCount = mustGated(`(?i)\bhow many\b|\b(number|numbers|proportion|percentage|rate|rates) of\b|\bwhat (proportion|percentage)\b`)
	// A sum of money in an answer.
	reMoneyFigure = mustLazy(`(?i)[£€$]|\bpounds?\b|\b\d[\d,.]*\s?(million|billion|bn|m|k)\b|\bper ?cent\b|%`)
)

// numKey reduces a figure to its digits, "£46 million" to "46".
func numKey(m string) string {
	d := reDigits.FindString(m)
	return strings.TrimRight(strings.ReplaceAll(d, ",", ""), ".")
}

// questionNumbers returns the numbers written in a question.
func questionNumbers(q string) map[string]bool {
	out := map[string]bool{}
	for _, loc := range reDigits.findAllIndex(q) {
		out[numKey(q[loc[0]:loc[1]])] = true
	}
	return out
}

// isTableLine reports whether a line is a row of a table: cells separated by
// " | " or tabs.
func isTableLine(s string) bool {
	return strings.Count(s, " | ") >= 1 || strings.Count(s, "\t") >= 1 || strings.HasPrefix(strings.TrimSpace(s), "| ")
}

// reDeptResponsible finds a named department said to be responsible for
// something: "HM Treasury (HMT) is responsible for VAT policy", "The Home
// Office leads on …". The name is checked against the registry.
var reDeptResponsible = mustLazy(`(?:^|[.;:]\s+)((?:HM |His Majesty's |Her Majesty's )?Treasury|HMT|[Tt]he (?:[A-Z][\w'’]*,? (?:and |& |of |for )?){0,8}(?:Office|Department)|(?:[Tt]he )?(?:Department|Ministry) (?:for|of) (?:[A-Z][\w'’]*,? (?:and |& )?){1,6}|[A-Z][A-Za-z]{1,5})(?: \([A-Za-z]+\))? (?:is|are|has|have|holds?|leads?|retains?) (?:the )?(?:lead |overall |policy |primary |sole )?(?:responsib(?:le|ility)|lead) (?:for|on)\b`)

var (
	registryOnce sync.Once
	registry     *corpus.Registry
)

// otherDepartmentResponsible reports whether sentence s says that a
// department other than dept (the answering body's canonical name) is
// responsible for the matter, and names it.
func otherDepartmentResponsible(s, dept string) (string, bool) {
	if !strings.Contains(s, "esponsib") && !strings.Contains(s, " lead") {
		return "", false
	}
	registryOnce.Do(func() { registry = corpus.DefaultRegistry() })
	for _, m := range reDeptResponsible.FindAllStringSubmatch(s, -1) {
		name := strings.TrimRight(strings.TrimSpace(m[1]), ", ")
		b, ok := registry.Lookup(name)
		if ok && b.Name != dept {
			return b.Name, true
		}
	}
	return "", false
}

// answersWhen reports whether sentence s gives a date or time, other than
// one the question itself gives: "the correspondence of 11 June will be
// answered in due course" does not say when.
func answersWhen(s, question string) bool {
	q := strings.ToLower(question)
	for _, m := range reWhen.FindAllString(s, -1) {
		if !strings.Contains(q, strings.ToLower(m)) {
			return true
		}
	}
	return false
}
