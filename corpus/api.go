package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ListClipRunes is the number of characters (Unicode code points, not
// bytes: measured on the real list files, every clipped answer has 255
// runes before its "...", while only 72% have 255 bytes) to which the
// Written Questions API's list endpoint clips questionText and answerText.
// A clipped answerText ends with "..." after them; a clipped questionText
// ends without any mark.
const ListClipRunes = 255

// APIURLBase is the public page of a written question; the record URL is
// APIURLBase + "<date tabled YYYY-MM-DD>/<uin>".
const APIURLBase = "https://questions-statements.parliament.uk/written-questions/detail/"

// APIReader reads records from the UK Parliament Written Questions API's
// JSON, in any of the shapes it comes in, detected from the input itself:
//
//   - a list response with its envelope, {"totalResults": N, "results": [item, …]};
//   - a bare array of items, [item, …] (list pages concatenated);
//   - a single item {"value": {…}, "links": […]}, as the detail endpoint returns it;
//   - a bare value object {"id": …, "uin": …, …};
//   - JSON Lines (or any sequence) of items or values, one per line.
//
// Arrays are decoded one item at a time, so a large list file is never held
// in memory whole. Records inside arrays are located as "item N" (1-based,
// counting from the start of the input's array); top-level objects as
// "line N", the line on which the object starts.
//
// # Mapping
//
// ID is "api:<id>"; dates ("2024-07-25T00:00:00", no zone) become their
// civil date at midnight UTC; Department and Answerer come from
// answeringBodyId/answeringBodyName and answeringMemberId/answeringMember
// (Department is the Registry's canonical name, found by the body ID and
// then by name; an unknown name is kept as given and counted in
// Summary.UnknownBodies). answerText that contains HTML tags (the detail
// endpoint's) is kept in AnswerHTML and converted by HTMLToText into
// Answer; text without tags (the list endpoint's, which strips tags but
// leaves entities such as "&amp;") has its entities decoded. Invisible
// characters such as zero-width spaces are removed from both texts. An answerText
// that is empty or white space means "no answer".
//
// # Truncation
//
// The list endpoint clips texts to ListClipRunes characters. A record is
// marked Truncated when its plain answerText is ListClipRunes characters
// followed by "...", or when its questionText is exactly ListClipRunes
// characters long and the record does not carry HTML (which only the
// detail endpoint, which does not clip, gives). The second rule has false
// positives: on the real data, of the 15,621 list questions of exactly 255
// characters that have a full text, 198 (1.3%) were genuinely that long.
// Hydrate clears the mark when a full text arrives.
type APIReader struct {
	dec  *json.Decoder
	lr   *lineCounter
	name string
	reg  *Registry
	sum  *Summary

	started  bool
	inArray  bool // decoding the elements of an array
	envelope bool // the array is an envelope's "results": finish the object after it
	item     int  // array elements seen
	done     bool
	fatal    error
}

// NewAPIReader returns a reader of the API JSON in r. name identifies the
// input in problems and errors. reg nil means DefaultRegistry(); sum may be
// nil. The reader adds to sum only Skipped and UnknownBodies; the caller
// counts records read, truncated and problems.
func NewAPIReader(r io.Reader, name string, reg *Registry, sum *Summary) *APIReader {
	if reg == nil {
		reg = DefaultRegistry()
	}
	if sum == nil {
		sum = &Summary{}
	}
	lr := &lineCounter{r: r}
	dec := json.NewDecoder(lr)
	dec.UseNumber()
	return &APIReader{dec: dec, lr: lr, name: name, reg: reg, sum: sum}
}

// Read returns the next record. It returns io.EOF after the last one, a
// *Problem for a bad record (Read may then be called again to go on), and
// any other error when the input cannot be read further (invalid JSON, a
// read error); every later call returns that error again.
func (a *APIReader) Read() (*Record, error) {
	if a.fatal != nil {
		return nil, a.fatal
	}
	if a.done {
		return nil, io.EOF
	}
	rec, err := a.read()
	if err != nil {
		var p *Problem
		switch {
		case errors.Is(err, io.EOF):
			a.done = true
		case errors.As(err, &p):
		default:
			a.fatal = err
		}
	}
	return rec, err
}

func (a *APIReader) read() (*Record, error) {
	for {
		if a.inArray {
			if a.dec.More() {
				a.item++
				where := "item " + strconv.Itoa(a.item)
				a.lr.lineAt(a.dec.InputOffset()) // forget line starts passed, so memory stays flat
				// Decoding straight into a map saves a pass over the item;
				// a type error (the element is not an object) leaves the
				// stream at the next element, so it is only a Problem.
				var fields map[string]json.RawMessage
				err := a.dec.Decode(&fields)
				var te *json.UnmarshalTypeError
				switch {
				case errors.As(err, &te) || err == nil && fields == nil:
					return nil, problemf(a.name, where, "", "want an object {value, links}, found %s", jsonKind(te))
				case err != nil:
					return nil, a.syntaxErr(err)
				}
				return a.fromObject(fields, where)
			}
			if _, err := a.dec.Token(); err != nil { // the closing ']'
				return nil, a.syntaxErr(err)
			}
			a.inArray = false
			if a.envelope {
				a.envelope = false
				if _, err := a.readObjectRest(nil); err != nil {
					return nil, err
				}
			}
			continue
		}
		tok, err := a.dec.Token()
		if err == io.EOF {
			if !a.started {
				return nil, fmt.Errorf("%s: empty input: %w", a.name, ErrUnknownFormat)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, a.syntaxErr(err)
		}
		a.started = true
		switch tok {
		case json.Delim('['):
			a.inArray = true
			continue
		case json.Delim('{'):
			where := "line " + strconv.Itoa(a.lr.lineAt(a.dec.InputOffset()-1))
			fields, err := a.readObjectRest(a.enterResults)
			if err != nil {
				return nil, err
			}
			if a.inArray {
				// An envelope: its "results" array is open.
				continue
			}
			return a.fromObject(fields, where)
		default:
			return nil, fmt.Errorf("%s: byte %d: expected a JSON object or array, found %v: %w",
				a.name, a.dec.InputOffset(), tok, ErrUnknownFormat)
		}
	}
}

// enterResults is called by readObjectRest for each key of a top-level
// object; for "results" holding an array it opens the array for streaming
// and tells readObjectRest to stop.
func (a *APIReader) enterResults(key string) (bool, error) {
	if key != "results" {
		return false, nil
	}
	tok, err := a.dec.Token()
	if err != nil {
		return false, a.syntaxErr(err)
	}
	if tok != json.Delim('[') {
		// Fatal, not a Problem: the envelope is the whole input, and a
		// "results" object would leave the stream inside it.
		return false, fmt.Errorf("%s: line %d: field results: want an array of items, found %v",
			a.name, a.lr.lineAt(a.dec.InputOffset()), tok)
	}
	a.inArray = true
	a.envelope = true
	return true, nil
}

// readObjectRest reads the keys and values of an object whose '{' has been
// read, up to and including its '}'. For each key, hook (if not nil) may
// take over: if it returns true, reading stops there with the object still
// open.
func (a *APIReader) readObjectRest(hook func(string) (bool, error)) (map[string]json.RawMessage, error) {
	fields := make(map[string]json.RawMessage)
	for a.dec.More() {
		tok, err := a.dec.Token()
		if err != nil {
			return nil, a.syntaxErr(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, a.syntaxErr(fmt.Errorf("object key is %v", tok))
		}
		if hook != nil {
			stop, err := hook(key)
			if err != nil {
				return nil, err
			}
			if stop {
				return nil, nil
			}
		}
		var raw json.RawMessage
		if err := a.dec.Decode(&raw); err != nil {
			return nil, a.syntaxErr(err)
		}
		fields[key] = raw
	}
	if _, err := a.dec.Token(); err != nil { // '}'
		return nil, a.syntaxErr(err)
	}
	return fields, nil
}

func (a *APIReader) syntaxErr(err error) error {
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		where := "in its first object"
		if a.item > 0 {
			where = "in or just after item " + strconv.Itoa(a.item) + " of the list"
		} else if a.inArray {
			where = "before the first item of the list"
		}
		return fmt.Errorf("%s: %w: the data ends %s (line %d, byte %d)", a.name, ErrCutShort, where, a.lr.lineAt(a.lr.off), a.lr.off)
	}
	off := a.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > off {
		off = se.Offset - 1 // the Decoder's offsets count from the input's start
	}
	return fmt.Errorf("%s: line %d: invalid API JSON: %w", a.name, a.lr.lineAt(off), err)
}

// jsonKind names the JSON type found in a type error; nil means null.
func jsonKind(te *json.UnmarshalTypeError) string {
	if te == nil {
		return "null"
	}
	switch te.Value {
	case "number", "string", "bool", "array":
		if te.Value == "array" {
			return "an array"
		}
		return "a " + strings.Replace(te.Value, "bool", "boolean", 1)
	}
	return te.Value
}

// fromObject converts an item {value, links} or a bare value object.
func (a *APIReader) fromObject(fields map[string]json.RawMessage, where string) (*Record, error) {
	if v, ok := fields["value"]; ok {
		var value map[string]json.RawMessage
		if err := json.Unmarshal(v, &value); err != nil || value == nil {
			return nil, problemf(a.name, where, "value", "want an object, found %s", describeJSON(v))
		}
		return a.fromValue(value, where)
	}
	if _, ok := fields["id"]; ok {
		return a.fromValue(fields, where)
	}
	if _, ok := fields["totalResults"]; ok {
		// An envelope without results: nothing to deliver, but say so.
		a.sum.addSkipped("api: list envelope without results", 1)
		return a.read()
	}
	return nil, problemf(a.name, where, "value", "neither an item {value, links} nor a question object with an id (keys: %s)", keyList(fields))
}

// apiMember is the API's member object (given when expandMember=true).
type apiMember struct {
	ID         int    `json:"id"`
	Name       string `json:"name"`
	ListAs     string `json:"listAs"`
	Party      string `json:"party"`
	MemberFrom string `json:"memberFrom"`
}

type apiAttachment struct {
	URL           string `json:"url"`
	Title         string `json:"title"`
	FileType      string `json:"fileType"`
	FileSizeBytes int64  `json:"fileSizeBytes"`
}

// valueParser decodes fields of one value object, keeping the first error.
type valueParser struct {
	v     map[string]json.RawMessage
	file  string
	where string
	err   *Problem
}

func (p *valueParser) fail(field, format string, args ...any) {
	if p.err == nil {
		p.err = problemf(p.file, p.where, field, format, args...)
	}
}

// decode unmarshals field into dst; absent and null leave dst unchanged.
func (p *valueParser) decode(field string, dst any, want string) {
	raw, ok := p.v[field]
	if !ok || isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		p.fail(field, "want %s, found %s", want, describeJSON(raw))
	}
}

func (p *valueParser) str(field string) string {
	var s string
	p.decode(field, &s, "a string")
	return s
}

func (p *valueParser) boolean(field string) bool {
	var b bool
	p.decode(field, &b, "true or false")
	return b
}

func (p *valueParser) integer(field string) int {
	raw, ok := p.v[field]
	if !ok || isNull(raw) {
		return 0
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		p.fail(field, "want an integer, found %s", describeJSON(raw))
		return 0
	}
	i, err := strconv.Atoi(n.String())
	if err != nil {
		p.fail(field, "want an integer, found %s", describeJSON(raw))
	}
	return i
}

func (p *valueParser) date(field string) time.Time {
	raw, ok := p.v[field]
	if !ok || isNull(raw) {
		return time.Time{}
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.fail(field, "want a date string like \"2024-07-25T00:00:00\", found %s", describeJSON(raw))
		return time.Time{}
	}
	t, err := parseAPIDate(s)
	if err != nil {
		p.fail(field, "%v", err)
	}
	return t
}

// parseAPIDate parses the API's dates ("2024-07-25T00:00:00", no zone), and
// also plain dates and RFC 3339 times, returning the civil date as written
// at midnight UTC; an empty string is the zero time.
func parseAPIDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", time.RFC3339Nano, DateLayout} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse date %q (want e.g. \"2024-07-25T00:00:00\")", s)
}

func (p *valueParser) member(idField, objField string) Member {
	m := Member{ID: p.integer(idField)}
	raw, ok := p.v[objField]
	if !ok || isNull(raw) {
		return m
	}
	var am apiMember
	if err := json.Unmarshal(raw, &am); err != nil {
		p.fail(objField, "want a member object {id, name, party, memberFrom, …}, found %s", describeJSON(raw))
		return m
	}
	if m.ID == 0 {
		m.ID = am.ID
	}
	m.Name = strings.TrimSpace(am.Name)
	if m.Name == "" {
		m.Name = strings.TrimSpace(am.ListAs)
	}
	m.Party = strings.TrimSpace(am.Party)
	m.Constituency = strings.TrimSpace(am.MemberFrom)
	return m
}

// fromValue maps a value object to a Record.
func (a *APIReader) fromValue(v map[string]json.RawMessage, where string) (*Record, error) {
	p := &valueParser{v: v, file: a.name, where: where}
	if _, ok := v["id"]; !ok {
		return nil, problemf(a.name, where, "id", "missing")
	}
	id := p.integer("id")
	if p.err == nil && id <= 0 {
		p.fail("id", "want a positive integer, found %s", describeJSON(v["id"]))
	}
	if p.err != nil {
		return nil, p.err
	}

	rec := &Record{ID: "api:" + strconv.Itoa(id), Source: SourceAPI}
	rec.UIN = p.uin()
	switch h := House(p.str("house")); h {
	case Commons, Lords, Bicameral, HouseUnset:
		rec.House = h
	default:
		p.fail("house", "want Commons, Lords or Bicameral, found %q", string(h))
	}
	rec.DateTabled = p.date("dateTabled")
	rec.DateAnswered = p.date("dateAnswered")
	rec.DateHoldingAnswer = p.date("dateHoldingAnswer")
	rec.Asker = p.member("askingMemberId", "askingMember")
	rec.Answerer = p.member("answeringMemberId", "answeringMember")
	rec.DepartmentID = p.integer("answeringBodyId")
	rec.Department = a.department(rec.DepartmentID, strings.TrimSpace(p.str("answeringBodyName")))
	rec.Heading = strings.TrimSpace(p.str("heading"))
	question := p.str("questionText")
	answer := p.str("answerText")
	rec.Holding = p.boolean("answerIsHolding")
	rec.Withdrawn = p.boolean("isWithdrawn")
	rec.Corrected = p.boolean("answerIsCorrection")
	var grouped []string
	p.decode("groupedQuestions", &grouped, "an array of UIN strings")
	for _, g := range grouped {
		if g = strings.TrimSpace(g); g != "" {
			rec.GroupedUINs = append(rec.GroupedUINs, g)
		}
	}
	var atts []apiAttachment
	p.decode("attachments", &atts, "an array of attachments {url, title, fileType, fileSizeBytes}")
	for _, at := range atts {
		rec.Attachments = append(rec.Attachments, Attachment{URL: at.URL, Title: at.Title, FileType: at.FileType, SizeBytes: at.FileSizeBytes})
	}
	if p.err != nil {
		p.err.Err = fmt.Errorf("question id %d: %w", id, p.err.Err)
		return nil, p.err
	}

	isHTML := looksLikeHTML(answer)
	rec.Question = strings.TrimSpace(dropInvisible(question))
	rec.Answer, rec.AnswerHTML = answerTexts(answer)
	if !isHTML && (listClipped(answer) || utf8.RuneCountInString(question) == ListClipRunes) {
		rec.Truncated = true
	}
	if !rec.DateTabled.IsZero() && rec.UIN != "" {
		rec.URL = APIURLBase + rec.DateTabled.Format(DateLayout) + "/" + rec.UIN
	}
	if k := invalidUTF8Key(v); k != "" {
		// encoding/json has replaced the invalid bytes already.
		repairUTF8(rec)
		return rec, &Problem{File: a.name, Record: where + " (" + rec.ID + ")", Field: k, Err: ErrInvalidUTF8}
	}
	return rec, nil
}

// uin reads the uin, a string in the API; a number is accepted too.
func (p *valueParser) uin() string {
	raw, ok := p.v["uin"]
	if !ok || isNull(raw) {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String()
	}
	p.fail("uin", "want a string, found %s", describeJSON(raw))
	return ""
}

// department returns the canonical name of an answering body, counting
// names the registry does not know.
func (a *APIReader) department(id int, name string) string {
	return canonicalBody(a.reg, a.sum, id, name)
}

func canonicalBody(reg *Registry, sum *Summary, id int, name string) string {
	if id != 0 {
		if b, ok := reg.LookupAPIID(id); ok {
			return b.Name
		}
	}
	if name == "" {
		return ""
	}
	if b, ok := reg.Lookup(name); ok {
		return b.Name
	}
	sum.addUnknownBody(name)
	return name
}

// listClipped reports whether s is a text clipped by the list endpoint:
// ListClipRunes characters followed by "...".
func listClipped(s string) bool {
	body, ok := strings.CutSuffix(s, "...")
	return ok && utf8.RuneCountInString(body) == ListClipRunes
}

// answerTexts returns the plain text and the HTML of an answerText:
// HTML (text with tags) is kept as given and converted by HTMLToText;
// text without tags is tidied by plainText and has no HTML; white space
// alone is no answer at all.
func answerTexts(answer string) (text, htmlText string) {
	switch {
	case strings.TrimSpace(answer) == "":
		return "", ""
	case looksLikeHTML(answer):
		return HTMLToText(answer), answer
	}
	return plainText(answer), ""
}

// plainText tidies a text given without tags: entities decoded, invisible
// characters removed (see dropInvisible), ends trimmed.
func plainText(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(dropInvisible(s))
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// describeJSON names the kind of a JSON value for an error message, quoting
// short values.
func describeJSON(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	kind := ""
	switch raw[0] {
	case '{':
		kind = "an object"
	case '[':
		kind = "an array"
	case '"':
		kind = "a string"
	case 't', 'f':
		kind = "a boolean"
	case 'n':
		return "null"
	default:
		kind = "a number"
	}
	if len(raw) <= 40 {
		return kind + " " + string(raw)
	}
	return kind
}

func keyList(m map[string]json.RawMessage) string {
	keys := sortedKeys(m)
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	return strings.Join(keys, ", ")
}

// lineCounter passes reads through, remembering where lines begin so that
// a byte offset read so far can be turned into a line number. Offsets are
// asked for in increasing order, so it keeps only the line starts not yet
// passed.
type lineCounter struct {
	r      io.Reader
	off    int64   // bytes read so far
	starts []int64 // offsets just after '\n' not yet passed
	line   int     // lines wholly before the first entry of starts, plus one
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.starts = append(l.starts, l.off+int64(i)+1)
		}
	}
	l.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line holding byte offset off.
func (l *lineCounter) lineAt(off int64) int {
	if l.line == 0 {
		l.line = 1
	}
	i := 0
	for i < len(l.starts) && l.starts[i] <= off {
		i++
	}
	l.line += i
	l.starts = l.starts[i:]
	return l.line
}
