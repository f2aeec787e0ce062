package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// TWFYReader reads TheyWorkForYou (parlparse) written-answers XML, one
// record per <reply>.
//
// The file is a <publicwhip> element holding, in order, <major-heading>
// (the department, in upper case, in Commons files only), <minor-heading>
// (the topic), one or more <ques> and then the <reply> that answers them
// all. Files are ISO-8859-1 with entities declared in an internal DTD; the
// reader decodes both and streams the file, holding only the current
// question group in memory.
//
// Fields of a Record: ID is "twfy:" plus the last path part of the first
// question's id attribute (e.g. "twfy:2009-10-26f.295666.q0"); UIN is the
// first qnum of the group and GroupedUINs the others, in document order
// (a multi-part <ques> has several); Question is the questions' texts
// joined with "\n\n" (numbered parts of one question each on their own
// line); Asker is the first question's speaker (by name: parlparse member
// IDs are not Parliament member IDs); Answerer is the reply's speaker;
// Answer is the reply's paragraphs joined with "\n\n", table rows on their
// own lines with cells joined by CellSeparator; Holding is set when the
// DateHoldingAnswer is set from a <p class="holdinganswer"> ("holding
// answer 22 October 2009"), which Hansard prints on the substantive answer
// that followed a holding answer: the note is removed from Answer and
// Holding stays false, since the reply itself answers the question;
// Department is the canonical body of the major heading (empty in Lords
// files, which have none: it is not guessed); Heading is the minor heading;
// DateAnswered is the date in the file name (answers2009-10-26f.xml), or
// in the reply's id when the name has none; House is Lords for lordswrans
// files (or a Lords speaker id or an "HL" question number) and Commons
// otherwise; URL is the first question's url attribute.
//
// A <ques> not followed by its <reply> before the next heading or the end,
// and a <reply> with no <ques> before it, are counted in Summary.Skipped
// ("twfy: question with no reply", "twfy: reply with no question"), as are
// unexpected top-level elements; <gidredirect> elements, which only map
// superseded ids to current ones and carry no text, are passed over. A group whose question has no text is a
// *Problem naming the reply's id. Malformed XML is fatal for the file.
type TWFYReader struct {
	d    *xml.Decoder
	name string
	reg  *Registry
	sum  *Summary

	fileDate time.Time
	lords    bool // from the file name

	dept    string // canonical name of the current major heading
	heading string // current minor heading
	pending []twfyQues
	err     error
}

type twfyQues struct {
	id, speaker, speakerID, url string
	text                        string
	qnums                       []string
}

// twfyPara is one paragraph of a <ques> or <reply>.
type twfyPara struct {
	class, qnum string
	text        string
	table       bool
}

// NewTWFYReader returns a reader of TheyWorkForYou XML from r. name names
// the input in problems and gives the date answered and the House (a
// lordswrans file is Lords); reg nil means DefaultRegistry(); sum may be nil.
func NewTWFYReader(r io.Reader, name string, reg *Registry, sum *Summary) *TWFYReader {
	if reg == nil {
		reg = DefaultRegistry()
	}
	d := xml.NewDecoder(r)
	d.CharsetReader = twfyCharsetReader
	d.Entity = make(map[string]string, len(xml.HTMLEntity))
	for k, v := range xml.HTMLEntity {
		d.Entity[k] = v
	}
	t := &TWFYReader{d: d, name: name, reg: reg, sum: sum}
	base := filepath.Base(name)
	if m := twfyDateRE.FindStringSubmatch(base); m != nil {
		t.fileDate, _ = time.Parse(DateLayout, m[1])
	}
	t.lords = strings.Contains(strings.ToLower(base), "lordswrans")
	return t
}

var twfyDateRE = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})[a-z]*\.xml`)

func (t *TWFYReader) skip(reason string, n int) {
	if t.sum != nil {
		t.sum.addSkipped(reason, n)
	}
}

// flushOrphans counts questions left without a reply.
func (t *TWFYReader) flushOrphans() {
	t.skip("twfy: question with no reply", len(t.pending))
	t.pending = t.pending[:0]
}

func (t *TWFYReader) fatal(err error) error {
	var se *xml.SyntaxError
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &se) && se.Msg == "unexpected EOF" {
		line, _ := t.d.InputPos()
		t.err = fmt.Errorf("%s: %w: the XML ends inside an element (line %d)", t.name, ErrCutShort, line)
		return t.err
	}
	if errors.As(err, &se) {
		t.err = fmt.Errorf("%s: %w", t.name, err) // names its line already
		return t.err
	}
	line, _ := t.d.InputPos()
	t.err = fmt.Errorf("%s: line %d: %w", t.name, line, err)
	return t.err
}

// Read returns the next record, io.EOF at the end, a *Problem for a group
// that cannot be read (Read may then be called again), or another error if
// the XML is malformed.
func (t *TWFYReader) Read() (*Record, error) {
	if t.err != nil {
		return nil, t.err
	}
	for {
		tok, err := t.d.Token()
		if err == io.EOF {
			t.flushOrphans()
			t.err = io.EOF
			return nil, io.EOF
		}
		if err != nil {
			return nil, t.fatal(err)
		}
		switch tok := tok.(type) {
		case xml.Directive:
			t.addEntities(string(tok))
		case xml.StartElement:
			switch tok.Name.Local {
			case "publicwhip":
				// the root; its children follow
			case "major-heading":
				txt, err := t.elementText(tok)
				if err != nil {
					return nil, t.fatal(err)
				}
				t.flushOrphans()
				t.heading = ""
				t.dept = txt
				if b, ok := t.reg.Lookup(txt); ok {
					t.dept = b.Name
				} else if txt != "" && t.sum != nil {
					t.sum.addUnknownBody(txt)
				}
			case "minor-heading":
				txt, err := t.elementText(tok)
				if err != nil {
					return nil, t.fatal(err)
				}
				t.flushOrphans()
				t.heading = txt
			case "ques":
				q, err := t.readQues(tok)
				if err != nil {
					return nil, t.fatal(err)
				}
				t.pending = append(t.pending, q)
			case "reply":
				paras, err := t.readParas(tok)
				if err != nil {
					return nil, t.fatal(err)
				}
				if len(t.pending) == 0 {
					t.skip("twfy: reply with no question", 1)
					continue
				}
				rec, perr := t.record(tok, paras)
				t.pending = t.pending[:0]
				if perr != nil {
					return nil, perr
				}
				return rec, nil
			case "gidredirect":
				// Maps superseded ids to current ones; carries no text.
				if err := t.d.Skip(); err != nil {
					return nil, t.fatal(err)
				}
			default:
				t.skip("twfy: <"+tok.Name.Local+"> element", 1)
				if err := t.d.Skip(); err != nil {
					return nil, t.fatal(err)
				}
			}
		}
	}
}

func twfyAttr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (t *TWFYReader) readQues(start xml.StartElement) (twfyQues, error) {
	q := twfyQues{id: twfyAttr(start, "id"), speaker: twfyAttr(start, "speakername"), speakerID: twfyAttr(start, "speakerid"), url: twfyAttr(start, "url")}
	paras, err := t.readParas(start)
	if err != nil {
		return q, err
	}
	var b strings.Builder
	for _, p := range paras {
		if p.qnum != "" {
			q.qnums = append(q.qnums, p.qnum)
		}
		if p.text == "" {
			continue
		}
		if b.Len() > 0 {
			if p.class == "numindent" {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(p.text)
	}
	q.text = b.String()
	return q, nil
}

// record builds the record of the pending questions and their reply.
func (t *TWFYReader) record(reply xml.StartElement, paras []twfyPara) (*Record, error) {
	replyID := twfyAttr(reply, "id")
	first := t.pending[0]
	rec := &Record{
		Source:     SourceTheyWorkForYou,
		Department: t.dept,
		Heading:    t.heading,
		Asker:      Member{Name: first.speaker},
		Answerer:   Member{Name: twfyAttr(reply, "speakername")},
		URL:        first.url,
	}
	if rec.URL == "" {
		rec.URL = twfyAttr(reply, "url")
	}
	if t.dept != "" {
		if b, ok := t.reg.Lookup(t.dept); ok {
			rec.DepartmentID = b.APIID
		}
	}
	where := "reply " + replyID
	if replyID == "" {
		where = "reply after question " + first.id
	}
	if first.id == "" {
		return nil, problemf(t.name, where, "ques id", "question has no id attribute")
	}
	rec.ID = "twfy:" + path.Base(first.id)

	var qs []string
	seen := map[string]bool{}
	for _, q := range t.pending {
		if q.text == "" {
			return nil, problemf(t.name, where, "ques", "question %s has no text", q.id)
		}
		qs = append(qs, q.text)
		for _, n := range q.qnums {
			if seen[n] {
				continue
			}
			seen[n] = true
			if rec.UIN == "" {
				rec.UIN = n
			} else {
				rec.GroupedUINs = append(rec.GroupedUINs, n)
			}
		}
	}
	rec.Question = strings.Join(qs, "\n\n")

	var as []string
	for _, p := range paras {
		if p.class == "holdinganswer" {
			// Hansard prints "[holding answer 22 October 2009]" on the
			// substantive answer that followed a holding answer: this
			// reply is not itself a holding answer.
			rec.DateHoldingAnswer = twfyHoldingDate(p.text)
			continue
		}
		if p.text != "" {
			as = append(as, p.text)
		}
	}
	rec.Answer = strings.Join(as, "\n\n")

	rec.DateAnswered = t.fileDate
	if rec.DateAnswered.IsZero() {
		if m := twfyIDDateRE.FindStringSubmatch(replyID); m != nil {
			rec.DateAnswered, _ = time.Parse(DateLayout, m[1])
		}
	}
	rec.House = Commons
	if t.lords || strings.Contains(first.speakerID, "/lord/") || strings.HasPrefix(rec.UIN, "HL") {
		rec.House = Lords
	}
	return rec, nil
}

var twfyIDDateRE = regexp.MustCompile(`/(\d{4}-\d{2}-\d{2})[a-z]*\.`)

// readParas reads the children of a <ques> or <reply> up to its end.
func (t *TWFYReader) readParas(start xml.StartElement) ([]twfyPara, error) {
	var out []twfyPara
	var loose strings.Builder // text directly inside the element
	flushLoose := func() {
		if s := twfyCollapse(loose.String()); s != "" {
			out = append(out, twfyPara{text: s})
		}
		loose.Reset()
	}
	for {
		tok, err := t.d.Token()
		if err != nil {
			return nil, twfyUnexpectedEOF(err, start)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "table":
				flushLoose()
				rows, err := t.tableRows(tok)
				if err != nil {
					return nil, err
				}
				if len(rows) > 0 {
					out = append(out, twfyPara{text: strings.Join(rows, "\n"), table: true})
				}
			default: // <p> and anything else: its text is a paragraph
				flushLoose()
				txt, err := t.elementText(tok)
				if err != nil {
					return nil, err
				}
				out = append(out, twfyPara{class: twfyAttr(tok, "class"), qnum: twfyAttr(tok, "qnum"), text: txt})
			}
		case xml.CharData:
			loose.Write(tok)
		case xml.EndElement:
			flushLoose()
			return out, nil
		}
	}
}

// tableRows returns a table's rows, cells joined by CellSeparator; rows
// whose cells are all empty are left out.
func (t *TWFYReader) tableRows(start xml.StartElement) ([]string, error) {
	var rows []string
	var cells []string
	depth := 1
	for {
		tok, err := t.d.Token()
		if err != nil {
			return nil, twfyUnexpectedEOF(err, start)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tr":
				cells = cells[:0]
				depth++
			case "td", "th":
				txt, err := t.elementText(tok)
				if err != nil {
					return nil, err
				}
				cells = append(cells, txt)
			default:
				depth++
			}
		case xml.EndElement:
			depth--
			if tok.Name.Local == "tr" {
				nonEmpty := false
				for _, c := range cells {
					if c != "" {
						nonEmpty = true
					}
				}
				if nonEmpty {
					rows = append(rows, strings.Join(cells, CellSeparator))
				}
			}
			if depth == 0 {
				return rows, nil
			}
		}
	}
}

// elementText returns the text inside an element, white space collapsed,
// with <br> read as a line break.
func (t *TWFYReader) elementText(start xml.StartElement) (string, error) {
	var b strings.Builder
	depth := 1
	for {
		tok, err := t.d.Token()
		if err != nil {
			return "", twfyUnexpectedEOF(err, start)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if tok.Name.Local == "br" {
				b.WriteString("\n")
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return twfyCollapse(b.String()), nil
			}
		case xml.CharData:
			b.Write(tok)
		}
	}
}

func twfyUnexpectedEOF(err error, start xml.StartElement) error {
	if err == io.EOF {
		return fmt.Errorf("unexpected end of file inside <%s id=%q>", start.Name.Local, twfyAttr(start, "id"))
	}
	return err
}

// twfyCollapse collapses white space (including no-break spaces) within
// each line and drops empty lines.
func twfyCollapse(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(strings.ReplaceAll(l, "\u00a0", " ")), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var twfyEntityRE = regexp.MustCompile(`<!ENTITY\s+([A-Za-z][A-Za-z0-9._-]*)\s+"([^"]*)"\s*>`)

// addEntities adds the entities a DTD declares, as <!ENTITY name "&#N;">,
// to the decoder. encoding/xml gives the internal subset as one Directive.
func (t *TWFYReader) addEntities(dtd string) {
	for _, m := range twfyEntityRE.FindAllStringSubmatch("<!"+dtd+">", -1) {
		t.d.Entity[m[1]] = twfyDecodeCharRefs(m[2])
	}
}

var twfyCharRefRE = regexp.MustCompile(`&#(x[0-9A-Fa-f]+|[0-9]+);`)

func twfyDecodeCharRefs(s string) string {
	return twfyCharRefRE.ReplaceAllStringFunc(s, func(ref string) string {
		num := ref[2 : len(ref)-1]
		base := 10
		if num[0] == 'x' {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseInt(num, base, 32)
		if err != nil || !utf8.ValidRune(rune(n)) {
			return ref
		}
		return string(rune(n))
	})
}

// twfyCharsetReader decodes ISO-8859-1 (Latin-1), whose bytes are the
// first 256 Unicode code points, for encoding/xml.
func twfyCharsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
		return &twfyLatin1Reader{r: input}, nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

type twfyLatin1Reader struct {
	r   io.Reader
	buf []byte
	out []byte
}

func (l *twfyLatin1Reader) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		if cap(l.buf) == 0 {
			l.buf = make([]byte, 16*1024)
		}
		n, err := l.r.Read(l.buf[:cap(l.buf)])
		for _, c := range l.buf[:n] {
			l.out = utf8.AppendRune(l.out, rune(c))
		}
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	if len(l.out) == 0 {
		l.out = l.out[:0:0]
	}
	return n, nil
}

// twfyNameRE matches TheyWorkForYou file names: series, date, version.
var twfyNameRE = regexp.MustCompile(`^(answers|lordswrans)(\d{4}-\d{2}-\d{2})([a-z])\.xml$`)

// LatestTWFYVersions keeps only the last scrape version of each day of each
// series (answersYYYY-MM-DD[a-z].xml, lordswransYYYY-MM-DD[a-z].xml, in
// the same directory): TheyWorkForYou re-scrapes a day as Hansard corrects
// it, and each version repeats the day's answers, so reading all versions
// would count them several times. Names of other forms are kept as they
// are. Both lists are sorted.
func LatestTWFYVersions(files []string) (keep, superseded []string) {
	latest := map[string]string{} // dir + series + date → latest name
	for _, f := range files {
		m := twfyNameRE.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			continue
		}
		k := filepath.Dir(f) + "\x00" + m[1] + m[2]
		if cur, ok := latest[k]; !ok || filepath.Base(f) > filepath.Base(cur) {
			latest[k] = f
		}
	}
	for _, f := range files {
		m := twfyNameRE.FindStringSubmatch(filepath.Base(f))
		if m == nil || latest[filepath.Dir(f)+"\x00"+m[1]+m[2]] == f {
			keep = append(keep, f)
		} else {
			superseded = append(superseded, f)
		}
	}
	sort.Strings(keep)
	sort.Strings(superseded)
	return keep, superseded
}

// twfyHoldingDate reads the date of a "holding answer 22 October 2009"
// note (the markup around the words varies: "h<i> olding answer</i>"); the
// zero time when it has none.
func twfyHoldingDate(note string) time.Time {
	m := twfyDateRe.FindString(note)
	if m == "" {
		return time.Time{}
	}
	t, err := time.Parse("2 January 2006", m)
	if err != nil {
		return time.Time{}
	}
	return t
}

var twfyDateRe = regexp.MustCompile(`\b\d{1,2} [A-Z][a-z]+ \d{4}\b`)
