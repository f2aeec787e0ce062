package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// PPReader reads the text of Parallel Parliament search pages (as a browser
// saves or copies them), one written question at a time.
//
// A page is page chrome ("To match an exact phrase…", "View sample alert",
// …) followed by items separated by blank lines. A written-question item is
//
//	Written Question
//	<heading, e.g. "Department for Transport: Dahua Technology and Hikvision">
//	<date, e.g. "Tuesday 18th July 2023">
//	Asked by: <name> (<party> - <constituency or peerage>)
//	Question to the <answering body>:
//	<question paragraphs>
//	Answered by <name>[ - <role>]
//	<answer paragraphs>
//
// Several pages may be concatenated, each introduced by a line
// "=== URL: <address>", which becomes the URL of the page's records. Page
// chrome and items of other kinds (Select Committee evidence, debates,
// publications, …) are not records: they are counted in Summary.Skipped as
// "pp: page chrome" and "pp: <kind> item". "[TRUNCATED]" marks where a saved
// page was cut off; a record cut short there, or one that ends before its
// "Answered by" line, is delivered with Truncated set. A record cut short
// before its question text has nothing to analyse: it is counted in
// Summary.Skipped as "pp: record cut short before its question". A record
// lacking its date, asker or question on a page that was not cut short is
// returned as a *Problem, after which Read may be called again.
//
// Fields: ID is "pp:" followed by the first 16 hexadecimal digits of
// SHA-256(Department + "\x00" + date as YYYY-MM-DD + "\x00" + Question),
// where Department is the canonical body name (or the name as given when
// the registry does not know it) and Question the record's question text;
// the same question on two pages therefore gets the same ID. Heading is the
// heading line as Parallel Parliament shows it (Commons headings start with
// the department, as in Hansard). House is Lords when the question opens
// "To ask His (Her) Majesty's Government" or the asker is a peer, else
// Commons. UIN is not shown on these pages and stays empty.
//
// Dates: the date under the heading is the date the question was answered,
// so it is set as DateAnswered. The evidence: a round robin tabled together
// shows different dates per department (17, 18, 19 and 21 July 2023 for
// the Hikvision questions), and Iain Duncan Smith's question shown on
// "Monday 23rd May 2022" is the one his later question cites as "the Answer
// of 23 May 2022 to Question 4425" (a UIN of that session tabled days
// earlier). The pages do not show the tabling date, so DateTabled is left
// unknown (zero); round-robin grouping then places the record by its
// answer date (roundrobin.GroupingDate) and says so.
type PPReader struct {
	sc   *bufio.Scanner
	name string
	reg  *Registry
	sum  *Summary

	line      int     // number of the last line read
	pending   *ppLine // a line read but not yet consumed
	ahead     *ppLine // the line after it, read to look ahead
	url       string  // from the last "=== URL:" line
	pageStart bool    // no item seen yet on the current page
	item      int     // items seen (all kinds), for Problem locations
	err       error   // fatal error, returned from then on
}

type ppLine struct {
	text      string // trimmed, NBSP as space
	num       int
	blanks    int  // blank lines before it
	nextBlank bool // a blank line (or the end) follows it
}

// NewPPReader returns a reader of Parallel Parliament page text from r.
// name names the input in problems; reg nil means DefaultRegistry(); sum
// may be nil.
func NewPPReader(r io.Reader, name string, reg *Registry, sum *Summary) *PPReader {
	if reg == nil {
		reg = DefaultRegistry()
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	return &PPReader{sc: sc, name: name, reg: reg, sum: sum, pageStart: true}
}

// errPPCutBeforeQuestion is readQuestion's signal that the page ended
// before the item's question; Read counts the item as skipped.
var errPPCutBeforeQuestion = errors.New("pp: page cut short before the question text")

// ppTruncated marks where a stored page ended mid-record.
const ppTruncated = "[TRUNCATED]"

// ppKnownKinds are the item kinds Parallel Parliament lists in search
// results, besides "Written Question". They start an item after one blank
// line; other short title-like lines start one only after two.
var ppKnownKinds = map[string]bool{
	"Select Committee": true, "Lords Chamber": true, "Commons Chamber": true,
	"Westminster Hall": true, "Grand Committee": true, "Parliamentary Research": true,
	"Written Statement": true, "Written Ministerial Statement": true,
	"Early Day Motion": true, "Petition": true, "Tweet": true, "Bill": true,
	"Public Bill Committee": true, "General Committee": true, "Division Vote": true,
	"Deposited Papers": true, "Government Publication": true, "Calendar": true,
	"Lords Select Committee": true, "Commons Select Committee": true,
}

func (p *PPReader) skip(reason string) {
	if p.sum != nil {
		p.sum.addSkipped(reason, 1)
	}
}

// next returns the next non-blank line, with the count of blank lines
// before it and whether the line after it is blank.
func (p *PPReader) next() (*ppLine, bool) {
	if p.pending != nil {
		l := p.pending
		p.pending = nil
		return l, true
	}
	if p.ahead == nil {
		p.ahead = p.scanLine()
	}
	l := p.ahead
	if l == nil {
		return nil, false
	}
	p.ahead = p.scanLine()
	l.nextBlank = p.ahead == nil || p.ahead.blanks > 0
	return l, true
}

// scanLine reads the next non-blank line from the input, nil at the end.
func (p *PPReader) scanLine() *ppLine {
	blanks := 0
	for p.sc.Scan() {
		p.line++
		t := strings.TrimSpace(strings.ReplaceAll(p.sc.Text(), "\u00a0", " "))
		if t == "" {
			blanks++
			continue
		}
		return &ppLine{text: t, num: p.line, blanks: blanks}
	}
	if err := p.sc.Err(); err != nil && p.err == nil {
		p.err = readErr(p.name, p.line, err)
	}
	return nil
}

func isPPURL(t string) (string, bool) {
	if rest, ok := strings.CutPrefix(t, "=== URL:"); ok {
		return strings.TrimSpace(rest), true
	}
	return "", false
}

// ppKind returns the kind of item a line starts, or "" if it starts none.
// inChrome is set while skipping a page's chrome, where only known kinds
// end it.
func ppKind(l *ppLine, inChrome bool) string {
	t := l.text
	if t == "Written Question" && (l.blanks >= 1 || l.num == 1) {
		return t
	}
	if l.blanks < 1 && l.num != 1 {
		return ""
	}
	if ppKnownKinds[t] || ppPublicationKind(t) {
		return t
	}
	// An unknown kind: a short label after two blank lines with the item's
	// first line directly under it, as every item on the page has.
	if !inChrome && l.blanks >= 2 && !l.nextBlank && ppTitleLike(t) {
		return t
	}
	return ""
}

func ppPublicationKind(t string) bool {
	for _, p := range []string{"Non-Departmental Publication", "Department Publication", "Arm's Length Body Publication"} {
		if strings.HasPrefix(t, p) && len(t) < 80 {
			return true
		}
	}
	return false
}

// ppTitleLike reports whether a line looks like an item-kind label: short,
// capitalised, without digits or closing punctuation. Answer paragraphs
// and table rows fail it.
func ppTitleLike(t string) bool {
	if len(t) > 50 || t == "" || !unicode.IsUpper([]rune(t)[0]) {
		return false
	}
	for _, c := range t {
		if unicode.IsDigit(c) || strings.ContainsRune(".:;,?!|", c) {
			return false
		}
	}
	return !strings.Contains(t, ppTruncated)
}

// Read returns the next written question, io.EOF at the end, a *Problem
// for a record that cannot be read (Read may then be called again), or
// another error for a failure of the input.
func (p *PPReader) Read() (*Record, error) {
	for {
		if p.err != nil {
			return nil, p.err
		}
		l, ok := p.next()
		if !ok {
			if p.err != nil {
				return nil, p.err
			}
			return nil, io.EOF
		}
		if u, ok := isPPURL(l.text); ok {
			p.url = u
			p.pageStart = true
			continue
		}
		kind := ppKind(l, false)
		if p.pageStart && l.text == "Written Question" {
			kind = l.text // directly under a URL line
		}
		if p.pageStart && kind == "" {
			// Chrome before the page's first item.
			p.skip("pp: page chrome")
			p.skipUntilItem(true)
			p.pageStart = false
			continue
		}
		p.pageStart = false
		switch kind {
		case "Written Question":
			p.item++
			rec, err := p.readQuestion(l.num)
			if err == errPPCutBeforeQuestion {
				// A saved page that ends before the question has no
				// question to analyse: counted, not delivered.
				p.skip("pp: record cut short before its question")
				continue
			}
			return rec, err
		case "":
			// Text that belongs to no item, e.g. a footer after the last
			// item: counted, never silently dropped.
			p.skip("pp: text outside any item")
			p.skipUntilItem(false)
		default:
			p.item++
			p.skip("pp: " + kind + " item")
			p.skipUntilItem(false)
		}
	}
}

// skipUntilItem consumes lines up to (not including) the next item start
// or URL line.
func (p *PPReader) skipUntilItem(inChrome bool) {
	for {
		l, ok := p.next()
		if !ok {
			return
		}
		if _, isURL := isPPURL(l.text); isURL || ppKind(l, inChrome) != "" {
			p.pending = l
			return
		}
	}
}

var ppDateRE = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+(\d{4})$`)

func parsePPDate(s string) (time.Time, bool) {
	m := ppDateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2 January 2006", m[1]+" "+m[2]+" "+m[3])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// readQuestion reads a written-question item whose "Written Question" line
// was line start.
func (p *PPReader) readQuestion(start int) (*Record, error) {
	where := fmt.Sprintf("item %d (line %d)", p.item, start)
	// Gather the item's paragraphs (one per non-blank line) until the next
	// item, URL line or end, stopping at a truncation mark.
	var paras []*ppLine
	truncated := false
	for {
		l, ok := p.next()
		if !ok {
			break
		}
		if _, isURL := isPPURL(l.text); isURL || ppKind(l, false) != "" {
			p.pending = l
			break
		}
		if i := strings.Index(l.text, ppTruncated); i >= 0 {
			truncated = true
			if t := strings.TrimSpace(l.text[:i]); t != "" {
				paras = append(paras, &ppLine{text: t, num: l.num, blanks: l.blanks})
			}
			p.skipUntilItem(false)
			break
		}
		paras = append(paras, l)
	}
	if p.err != nil {
		return nil, p.err
	}

	rec := &Record{Source: SourceParallelParliament, URL: p.url, Truncated: truncated}
	i := 0
	if i < len(paras) && !strings.HasPrefix(paras[i].text, "Asked by:") {
		if _, isDate := parsePPDate(paras[i].text); !isDate {
			rec.Heading = paras[i].text
			i++
		}
	}
	var date time.Time
	if i < len(paras) {
		if d, ok := parsePPDate(paras[i].text); ok {
			date = d
			i++
		}
	}
	if i < len(paras) {
		if rest, ok := strings.CutPrefix(paras[i].text, "Asked by:"); ok {
			rec.Asker = parsePPMember(rest)
			i++
		}
	}
	bodyName := ""
	if i < len(paras) {
		if rest, ok := strings.CutPrefix(paras[i].text, "Question to "); ok {
			bodyName = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), ":"))
			bodyName = strings.TrimSpace(strings.TrimPrefix(bodyName, "the "))
			i++
		}
	}
	var question []string
	for i < len(paras) && !strings.HasPrefix(paras[i].text, "Answered by") {
		question = append(question, ppCollapse(paras[i].text))
		i++
	}
	answered := false
	if i < len(paras) {
		answered = true
		rest := strings.TrimSpace(strings.TrimPrefix(paras[i].text, "Answered by"))
		name, _, _ := strings.Cut(rest, " - ")
		rec.Answerer = Member{Name: strings.TrimSpace(name)}
		i++
	}
	var answer []string
	for ; i < len(paras); i++ {
		answer = append(answer, ppCollapse(paras[i].text))
	}
	rec.Question = strings.Join(question, "\n\n")
	rec.Answer = strings.Join(answer, "\n\n")
	if !answered {
		rec.Truncated = true
	}

	switch {
	case rec.Question == "" && truncated:
		return nil, errPPCutBeforeQuestion
	case rec.Question == "":
		return nil, problemf(p.name, where, "question", "no question text after %q", "Question to …:")
	case date.IsZero():
		return nil, problemf(p.name, where, "date", "no date line such as %q under the heading", "Tuesday 18th July 2023")
	case rec.Asker.IsZero():
		return nil, problemf(p.name, where, "Asked by", "no %q line", "Asked by: Name (Party - Constituency)")
	}
	rec.DateAnswered = date

	switch {
	case bodyName != "":
		if b, ok := p.reg.Lookup(bodyName); ok {
			rec.Department, rec.DepartmentID = b.Name, b.APIID
		} else {
			rec.Department = bodyName
			if p.sum != nil {
				p.sum.addUnknownBody(bodyName)
			}
		}
	default:
		// No "Question to" line: the addressee may still name the body.
		if b, ok := p.reg.FromAddressee(rec.Question); ok {
			rec.Department, rec.DepartmentID = b.Name, b.APIID
		} else if !rec.Truncated {
			return nil, problemf(p.name, where, "Question to", "no %q line and the question's addressee names no known body", "Question to the <body>:")
		}
	}
	rec.House = Commons
	if ppIsLordsQuestion(rec.Question) || ppIsPeer(rec.Asker) {
		rec.House = Lords
	}
	rec.ID = PPRecordID(rec.Department, rec.DateAnswered, rec.Question)
	return rec, nil
}

// PPRecordID returns the ID of a Parallel Parliament record: "pp:" and the
// first 16 hexadecimal digits (64 bits) of SHA-256 over
// department + "\x00" + date (YYYY-MM-DD) + "\x00" + question.
func PPRecordID(department string, date time.Time, question string) string {
	h := sha256.Sum256([]byte(department + "\x00" + date.Format(DateLayout) + "\x00" + question))
	return "pp:" + hex.EncodeToString(h[:8])
}

// parsePPMember parses "Name (Party - Constituency)"; the part in
// parentheses is optional, and its " - " split is on the first occurrence
// (constituencies may contain hyphens, party names do not contain " - ").
func parsePPMember(s string) Member {
	s = strings.TrimSpace(s)
	m := Member{Name: s}
	if strings.HasSuffix(s, ")") {
		if open := strings.LastIndex(s, " ("); open > 0 {
			m.Name = strings.TrimSpace(s[:open])
			inner := s[open+2 : len(s)-1]
			party, cons, _ := strings.Cut(inner, " - ")
			m.Party, m.Constituency = strings.TrimSpace(party), strings.TrimSpace(cons)
		}
	}
	return m
}

// ppIsLordsQuestion reports whether a question uses the Lords' addressee.
func ppIsLordsQuestion(q string) bool {
	w := strings.Fields(normName(q))
	return len(w) >= 4 && w[0] == "to" && w[1] == "ask" &&
		(w[2] == "his" || w[2] == "her") && w[3] == "majestys"
}

// isPeer reports whether a member is a member of the House of Lords by the
// style of the name or the peerage in place of a constituency.
func ppIsPeer(m Member) bool {
	for _, p := range []string{"Lord ", "Baroness ", "Viscount ", "Earl ", "Countess ", "Marquess ", "Duke ", "The Lord ", "The Earl ", "Bishop of ", "The Bishop of ", "Archbishop of "} {
		if strings.HasPrefix(m.Name, p) {
			return true
		}
	}
	c := strings.ToLower(m.Constituency)
	return strings.HasSuffix(c, " peer") || c == "bishops"
}

// ppCollapse replaces runs of white space with one space.
func ppCollapse(s string) string { return strings.Join(strings.Fields(s), " ") }
