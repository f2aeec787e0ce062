package classify

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

var (
	reRefUINList = mustLazy(`(?i)(?:HL)?\d{1,6}`)
	reRefGave    = mustGated(`(?i)\b(answer|reply|response)s? (I |he |she |my [^.]{0,20})?(gave|given|provided)( [^.]{0,20})? on (\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?)`)
	reRefUIN     = mustGated(`(?i)\b(?:Questions?|UINs?|PQs?)\s+(?:UIN\s+|number\s+|No\.?\s*)?((?:HL)?\d{1,6})((?:\s*(?:,|and|&)\s*(?:HL)?\d{1,6})*)`)
	reRefStmt    = mustGated(`\b(HCWS|HLWS)\s?(\d{1,5})\b`)
	reRefURL     = mustGated(`https?://[^\s<>"\]\[)]+|\bwww\.[a-z0-9-]+\.[^\s<>"\]\[)]+`)
	reRefDate    = mustLazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b`)
	reRefPub     = mustGated(`\b(?:the|our|its|their)\s+((?:[A-Z][\w’'&-]*\s+|of\s+|and\s+|for\s+|the\s+|on\s+|in\s+|to\s+){0,10}?(?:Report|Strategy|Plan|Review|Guidance|Framework|Statistics|Accounts|Survey|Bulletin|Release|Action Plan|White Paper|Green Paper|Impact Assessment|Consultation|Roadmap)(?:\s+(?:and|&)\s+Accounts)?(?:\s+\d{4}(?:[-/]\d{2,4})?)?)`)
	reRefGovUK   = mustGated(`(?i)\b(published|available|found|set out)\s+(on|at)\s+(GOV\.UK|gov\.uk|the GOV\.UK website)`)
)

// pubTitleWords gate the publication pattern, the costliest of
// ExtractRefs: a title ends with one of them, capitalised as the pattern
// (which is case-sensitive) writes it.
var pubTitleWords = []string{"Report", "Strategy", "Plan", "Review", "Guidance", "Framework", "Statistics", "Accounts", "Survey", "Bulletin", "Release", "Paper", "Assessment", "Consultation", "Roadmap"}

// ExtractRefs finds the references an answer makes to other answers,
// written statements, URLs and named publications. It is best effort:
//
//   - answers: "the answer I gave on 3 May 2024 to Question 12345" gives
//     {answer, UIN 12345, date 2024-05-03}; a date without a year is kept as
//     written ("15 November"); several UINs give several refs;
//   - statements: "HCWS386", "UIN HCWS386", "HLWS12";
//   - URLs: http(s):// and www. links, trailing punctuation trimmed;
//   - publications: a capitalised title ending in Report, Strategy, Plan,
//     Review, Guidance, Framework, Statistics, Accounts, …, after "the",
//     "our", "its" or "their"; and "published on GOV.UK" (Title "GOV.UK").
//
// Refs are returned in order of Start; offsets are into answer.
func ExtractRefs(answer string) []Ref {
	var refs []Ref
	type key struct {
		start, end int
		kind       RefKind
		uin        string
	}
	seen := map[key]bool{}
	// Each expression runs only where the words it needs occur (its gate).
	lower := foldLower(answer)
	lits := lowerText(lower)
	add := func(r Ref) {
		k := key{r.Start, r.End, r.Kind, r.UIN}
		if seen[k] {
			return
		}
		seen[k] = true
		refs = append(refs, r)
	}
	// Answers: find each UIN mention in a sentence that talks of an answer.
	for _, m := range reRefUIN.findAllSubmatch(answer, lits) {
		ctxStart := m[0] - 160
		if ctxStart < 0 {
			ctxStart = 0
		}
		ctx := answer[ctxStart:m[0]]
		if i := strings.LastIndexAny(ctx, ".\n"); i >= 0 && i < len(ctx)-1 && !strings.HasSuffix(strings.TrimSpace(ctx[:i+1]), "hon.") {
			ctx = ctx[i+1:]
		}
		lc := strings.ToLower(ctx)
		isAnswer := strings.Contains(lc, "answer") || strings.Contains(lc, "repl") || strings.Contains(lc, "response") || strings.Contains(lc, "refer")
		if !isAnswer {
			continue
		}
		date := nearestDate(answer, m[0], m[1])
		uins := []string{answer[m[2]:m[3]]}
		if m[4] >= 0 && m[5] > m[4] {
			for _, u := range reRefUINList.FindAllString(answer[m[4]:m[5]], -1) {
				uins = append(uins, u)
			}
		}
		for _, u := range uins {
			add(Ref{Kind: RefAnswer, UIN: u, Date: date, Start: m[0], End: m[1]})
		}
	}
	// An answer referred to by date only ("the answer I gave on 3 May").
	for _, m := range reRefGave.findAllSubmatch(answer, lits) {
		// only if no UIN ref already covers this sentence
		covered := false
		for _, r := range refs {
			if r.Kind == RefAnswer && r.Start >= m[0] && r.Start-m[1] < 120 {
				covered = true
			}
		}
		if !covered {
			add(Ref{Kind: RefAnswer, Date: resolveDate(answer[m[10]:m[11]]), Start: m[0], End: m[1]})
		}
	}
	for _, m := range reRefStmt.findAllSubmatch(answer, lits) {
		add(Ref{Kind: RefStatement, UIN: answer[m[2]:m[3]] + answer[m[4]:m[5]], Date: nearestDate(answer, m[0], m[1]), Start: m[0], End: m[1]})
	}
	for _, m := range reRefURL.findAllSubmatch(answer, lits) {
		u := strings.TrimRight(answer[m[0]:m[1]], ".,;:!?'’”")
		add(Ref{Kind: RefURL, URL: u, Start: m[0], End: m[0] + len(u)})
	}
	if !containsAny(answer, pubTitleWords) {
		goto govuk
	}
	for _, m := range reRefPub.findAllSubmatch(answer, lits) {
		title := strings.TrimSpace(answer[m[2]:m[3]])
		if len(strings.Fields(title)) < 2 {
			continue
		}
		add(Ref{Kind: RefPublication, Title: title, Start: m[2], End: m[2] + len(title)})
	}
govuk:
	for _, m := range reRefGovUK.findAllSubmatch(answer, lits) {
		add(Ref{Kind: RefPublication, Title: "GOV.UK", Start: m[6], End: m[7]})
	}
	sort.SliceStable(refs, func(i, j int) bool {
		if refs[i].Start != refs[j].Start {
			return refs[i].Start < refs[j].Start
		}
		return refs[i].UIN < refs[j].UIN
	})
	return refs
}

// nearestDate returns the date written closest to [start, end) within the
// same sentence, resolved to ISO 8601 when it has a year.
func nearestDate(s string, start, end int) string {
	lo := strings.LastIndexAny(s[:start], "\n")
	if lo < 0 {
		lo = 0
	}
	if start-lo > 200 {
		lo = start - 200
	}
	hi := end + 80
	if hi > len(s) {
		hi = len(s)
	}
	if i := strings.IndexAny(s[end:hi], "\n"); i >= 0 {
		hi = end + i
	}
	best, bestDist := "", 1<<30
	for _, m := range reRefDate.FindAllStringIndex(s[lo:hi], -1) {
		a, b := lo+m[0], lo+m[1]
		d := start - b
		if a >= end {
			d = a - end
		}
		if d < 0 {
			d = 0
		}
		if d < bestDist {
			best, bestDist = s[a:b], d
		}
	}
	if best == "" {
		return ""
	}
	return resolveDate(best)
}

// resolveDate turns "3 May 2024" into "2024-05-03"; without a year the
// date is returned as written.
func resolveDate(d string) string {
	m := reRefDate.FindStringSubmatch(d)
	if m == nil || m[3] == "" {
		return strings.TrimSpace(d)
	}
	day, _ := strconv.Atoi(m[1])
	t, err := time.Parse("2 January 2006", strconv.Itoa(day)+" "+strings.Title(strings.ToLower(m[2]))+" "+m[3])
	if err != nil {
		return strings.TrimSpace(d)
	}
	return t.Format("2006-01-02")
}
