package corpus

// parlance's own formats: JSON Lines and CSV. Both carry every Record field,
// so that export → import → export is byte-identical and a corpus can be
// filtered or annotated with ordinary tools and read back.
//
// Columns (CSV) and keys (JSON Lines), always all of them, in this order:
//
//	id, source, uin, house, date_tabled, date_answered,
//	date_holding_answer, department,
//	department_id, asker, asker_id, asker_party, asker_constituency,
//	answerer, answerer_id, answerer_party, answerer_constituency, heading,
//	question, answer, answer_html, holding, withdrawn, corrected, truncated,
//	grouped_uins, attachments, url
//
// answerer_party and answerer_constituency carry Record.Answerer's Party and
// Constituency, which a lossless format cannot leave out.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Columns lists the column names of parlance's CSV, which are also the keys
// of its JSON Lines objects, in the order they are written.
var Columns = []string{
	"id", "source", "uin", "house", "date_tabled", "date_answered", "date_holding_answer",
	"department", "department_id",
	"asker", "asker_id", "asker_party", "asker_constituency",
	"answerer", "answerer_id", "answerer_party", "answerer_constituency",
	"heading", "question", "answer", "answer_html",
	"holding", "withdrawn", "corrected", "truncated",
	"grouped_uins", "attachments", "url",
}

// jsonRecord is the JSON Lines shape of a Record. Field order is key order.
type jsonRecord struct {
	ID                   string       `json:"id"`
	Source               string       `json:"source"`
	UIN                  string       `json:"uin"`
	House                string       `json:"house"`
	DateTabled           string       `json:"date_tabled"`
	DateAnswered         string       `json:"date_answered"`
	DateHoldingAnswer    string       `json:"date_holding_answer"`
	Department           string       `json:"department"`
	DepartmentID         int          `json:"department_id"`
	Asker                string       `json:"asker"`
	AskerID              int          `json:"asker_id"`
	AskerParty           string       `json:"asker_party"`
	AskerConstituency    string       `json:"asker_constituency"`
	Answerer             string       `json:"answerer"`
	AnswererID           int          `json:"answerer_id"`
	AnswererParty        string       `json:"answerer_party"`
	AnswererConstituency string       `json:"answerer_constituency"`
	Heading              string       `json:"heading"`
	Question             string       `json:"question"`
	Answer               string       `json:"answer"`
	AnswerHTML           string       `json:"answer_html"`
	Holding              bool         `json:"holding"`
	Withdrawn            bool         `json:"withdrawn"`
	Corrected            bool         `json:"corrected"`
	Truncated            bool         `json:"truncated"`
	GroupedUINs          []string     `json:"grouped_uins"`
	Attachments          []Attachment `json:"attachments"`
	URL                  string       `json:"url"`
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// parseDate reads a DateLayout date as midnight UTC; "" is the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a YYYY-MM-DD date: %q", s)
	}
	return t, nil
}

// checkExportable rejects what neither format could carry back unchanged:
// text that is not valid UTF-8 (JSON would replace it) and grouped UINs that
// are empty or contain ";" (the CSV separator).
func checkExportable(r *Record) error {
	texts := []struct{ name, v string }{
		{"id", r.ID}, {"source", string(r.Source)}, {"uin", r.UIN}, {"house", string(r.House)},
		{"department", r.Department}, {"asker", r.Asker.Name}, {"asker_party", r.Asker.Party},
		{"asker_constituency", r.Asker.Constituency}, {"answerer", r.Answerer.Name},
		{"answerer_party", r.Answerer.Party}, {"answerer_constituency", r.Answerer.Constituency},
		{"heading", r.Heading}, {"question", r.Question}, {"answer", r.Answer},
		{"answer_html", r.AnswerHTML}, {"url", r.URL},
	}
	for _, t := range texts {
		if !utf8.ValidString(t.v) {
			return fmt.Errorf("record %s: field %s: not valid UTF-8", r.ID, t.name)
		}
	}
	for _, u := range r.GroupedUINs {
		if u == "" || strings.Contains(u, ";") || !utf8.ValidString(u) {
			return fmt.Errorf("record %s: field grouped_uins: UIN %q cannot be exported (empty, contains \";\" or not UTF-8)", r.ID, u)
		}
	}
	for _, a := range r.Attachments {
		if !utf8.ValidString(a.URL) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.FileType) {
			return fmt.Errorf("record %s: field attachments: not valid UTF-8", r.ID)
		}
	}
	return nil
}

func toJSONRecord(r *Record) jsonRecord {
	g := r.GroupedUINs
	if g == nil {
		g = []string{}
	}
	a := r.Attachments
	if a == nil {
		a = []Attachment{}
	}
	return jsonRecord{
		ID: r.ID, Source: string(r.Source), UIN: r.UIN, House: string(r.House),
		DateTabled: formatDate(r.DateTabled), DateAnswered: formatDate(r.DateAnswered),
		DateHoldingAnswer: formatDate(r.DateHoldingAnswer),
		Department:        r.Department, DepartmentID: r.DepartmentID,
		Asker: r.Asker.Name, AskerID: r.Asker.ID, AskerParty: r.Asker.Party, AskerConstituency: r.Asker.Constituency,
		Answerer: r.Answerer.Name, AnswererID: r.Answerer.ID, AnswererParty: r.Answerer.Party,
		AnswererConstituency: r.Answerer.Constituency,
		Heading:              r.Heading, Question: r.Question, Answer: r.Answer, AnswerHTML: r.AnswerHTML,
		Holding: r.Holding, Withdrawn: r.Withdrawn, Corrected: r.Corrected, Truncated: r.Truncated,
		GroupedUINs: g, Attachments: a, URL: r.URL,
	}
}

// JSONLWriter writes records as parlance JSON Lines: one JSON object per
// line with every key of Columns in that order, dates as "YYYY-MM-DD" or "",
// unknown numeric IDs as 0, grouped_uins as an array of strings and
// attachments as an array of {url, title, file_type, size_bytes}. Empty lists
// are written as [] (and read back as nil). HTML characters are not escaped,
// so answer_html stays readable.
type JSONLWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a writer of JSON Lines to w. Call Flush when done.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc}
}

// Write writes one record. It fails, writing nothing, if a text field is not
// valid UTF-8 or a grouped UIN is empty or contains ";".
func (w *JSONLWriter) Write(r *Record) error {
	if err := checkExportable(r); err != nil {
		return err
	}
	return w.enc.Encode(toJSONRecord(r))
}

// Flush writes any buffered data to the underlying writer.
func (w *JSONLWriter) Flush() error { return w.bw.Flush() }

// CSVWriter writes records as parlance CSV (RFC 4180, "\n" line ends): a
// header row of Columns, then one row per record. Dates are "YYYY-MM-DD" or
// empty; unknown numeric IDs (0) are empty; booleans are "true"/"false";
// grouped_uins are joined by ";"; attachments are a JSON array of
// {url, title, file_type, size_bytes}, or empty when there are none. Text is
// written as is, including line breaks inside quoted fields.
type CSVWriter struct {
	cw     *csv.Writer
	header bool
}

// NewCSVWriter returns a writer of CSV to w. The header is written before
// the first record, or by Flush if there were none. Call Flush when done.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{cw: csv.NewWriter(w)} }

func (w *CSVWriter) writeHeader() error {
	if w.header {
		return nil
	}
	w.header = true
	return w.cw.Write(Columns)
}

// Write writes one record. It fails, writing nothing, if a text field is not
// valid UTF-8 or a grouped UIN is empty or contains ";".
func (w *CSVWriter) Write(r *Record) error {
	if err := checkExportable(r); err != nil {
		return err
	}
	if err := w.writeHeader(); err != nil {
		return err
	}
	row, err := csvRow(r)
	if err != nil {
		return err
	}
	return w.cw.Write(row)
}

// Flush writes the header if no record was written, then any buffered data.
func (w *CSVWriter) Flush() error {
	if err := w.writeHeader(); err != nil {
		return err
	}
	w.cw.Flush()
	return w.cw.Error()
}

func csvInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func csvRow(r *Record) ([]string, error) {
	att := ""
	if len(r.Attachments) > 0 {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r.Attachments); err != nil {
			return nil, fmt.Errorf("record %s: field attachments: %v", r.ID, err)
		}
		att = strings.TrimSuffix(b.String(), "\n")
	}
	return []string{
		r.ID, string(r.Source), r.UIN, string(r.House), formatDate(r.DateTabled), formatDate(r.DateAnswered), formatDate(r.DateHoldingAnswer),
		r.Department, csvInt(r.DepartmentID),
		r.Asker.Name, csvInt(r.Asker.ID), r.Asker.Party, r.Asker.Constituency,
		r.Answerer.Name, csvInt(r.Answerer.ID), r.Answerer.Party, r.Answerer.Constituency,
		r.Heading, r.Question, r.Answer, r.AnswerHTML,
		strconv.FormatBool(r.Holding), strconv.FormatBool(r.Withdrawn),
		strconv.FormatBool(r.Corrected), strconv.FormatBool(r.Truncated),
		strings.Join(r.GroupedUINs, ";"), att, r.URL,
	}, nil
}

// ---- reading ----

// checkRecord applies the checks common to both formats once all fields are
// set: an ID is required, and the source and house must be known spellings.
func checkRecord(r *Record) (field string, err error) {
	switch {
	case r.ID == "":
		return "id", errors.New("missing or empty")
	case r.Source == "":
		return "source", errors.New("missing or empty")
	}
	switch r.House {
	case Commons, Lords, Bicameral, HouseUnset:
	default:
		return "house", fmt.Errorf("%q is not Commons, Lords, Bicameral or empty", r.House)
	}
	return "", nil
}

// setText sets a text-valued column from its string form (CSV) and reports
// whether col is one.
func setText(r *Record, col, v string) bool {
	var p *string
	switch col {
	case "id":
		p = &r.ID
	case "source":
		r.Source = Source(v)
		return true
	case "uin":
		p = &r.UIN
	case "house":
		r.House = House(v)
		return true
	case "department":
		p = &r.Department
	case "asker":
		p = &r.Asker.Name
	case "asker_party":
		p = &r.Asker.Party
	case "asker_constituency":
		p = &r.Asker.Constituency
	case "answerer":
		p = &r.Answerer.Name
	case "answerer_party":
		p = &r.Answerer.Party
	case "answerer_constituency":
		p = &r.Answerer.Constituency
	case "heading":
		p = &r.Heading
	case "question":
		p = &r.Question
	case "answer":
		p = &r.Answer
	case "answer_html":
		p = &r.AnswerHTML
	case "url":
		p = &r.URL
	default:
		return false
	}
	*p = v
	return true
}

func intField(r *Record, col string) *int {
	switch col {
	case "department_id":
		return &r.DepartmentID
	case "asker_id":
		return &r.Asker.ID
	case "answerer_id":
		return &r.Answerer.ID
	}
	return nil
}

func boolField(r *Record, col string) *bool {
	switch col {
	case "holding":
		return &r.Holding
	case "withdrawn":
		return &r.Withdrawn
	case "corrected":
		return &r.Corrected
	case "truncated":
		return &r.Truncated
	}
	return nil
}

func dateField(r *Record, col string) *time.Time {
	switch col {
	case "date_tabled":
		return &r.DateTabled
	case "date_answered":
		return &r.DateAnswered
	case "date_holding_answer":
		return &r.DateHoldingAnswer
	}
	return nil
}

// decodeAttachments reads a JSON array of attachments strictly: unknown keys
// and trailing data are errors.
func decodeAttachments(data []byte) ([]Attachment, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var a []Attachment
	if err := dec.Decode(&a); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the array")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data after the array")
	}
	if len(a) == 0 {
		a = nil
	}
	return a, nil
}

// setCSV sets column col of r from its CSV string form.
func setCSV(r *Record, col, v string) error {
	if setText(r, col, v) {
		return nil
	}
	if p := intField(r, col); p != nil {
		if v == "" {
			*p = 0
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("not an integer: %q", v)
		}
		*p = n
		return nil
	}
	if p := boolField(r, col); p != nil {
		switch v {
		case "true":
			*p = true
		case "false", "":
			*p = false
		default:
			return fmt.Errorf("not true or false: %q", v)
		}
		return nil
	}
	if p := dateField(r, col); p != nil {
		t, err := parseDate(v)
		*p = t
		return err
	}
	switch col {
	case "grouped_uins":
		r.GroupedUINs = nil
		if v != "" {
			r.GroupedUINs = strings.Split(v, ";")
			for _, u := range r.GroupedUINs {
				if u == "" {
					return fmt.Errorf("empty UIN in %q", v)
				}
			}
		}
		return nil
	case "attachments":
		r.Attachments = nil
		if v == "" {
			return nil
		}
		a, err := decodeAttachments([]byte(v))
		if err != nil {
			return fmt.Errorf("not a JSON array of attachments: %v", err)
		}
		r.Attachments = a
		return nil
	}
	return fmt.Errorf("unknown column")
}

// setJSON sets key col of r from its raw JSON value. null is the zero value.
func setJSON(r *Record, col string, raw json.RawMessage) error {
	if string(raw) == "null" {
		return setCSV(r, col, "")
	}
	if setText(r, col, "") || dateField(r, col) != nil {
		if raw[0] != '"' {
			return fmt.Errorf("not a string: %s", clip(raw))
		}
		s, err := jsonString(raw)
		if err != nil {
			return fmt.Errorf("not a string: %s", clip(raw))
		}
		return setCSV(r, col, s)
	}
	if p := intField(r, col); p != nil {
		var n int
		if err := json.Unmarshal(raw, &n); err != nil {
			return fmt.Errorf("not an integer: %s", clip(raw))
		}
		*p = n
		return nil
	}
	if p := boolField(r, col); p != nil {
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return fmt.Errorf("not true or false: %s", clip(raw))
		}
		*p = b
		return nil
	}
	switch col {
	case "grouped_uins":
		var g []string
		if err := json.Unmarshal(raw, &g); err != nil {
			return fmt.Errorf("not an array of strings: %s", clip(raw))
		}
		for _, u := range g {
			if u == "" || strings.Contains(u, ";") {
				return fmt.Errorf("UIN %q is empty or contains \";\"", u)
			}
		}
		if len(g) == 0 {
			g = nil
		}
		r.GroupedUINs = g
		return nil
	case "attachments":
		a, err := decodeAttachments(raw)
		if err != nil {
			return fmt.Errorf("not an array of attachments: %v", err)
		}
		r.Attachments = a
		return nil
	}
	return fmt.Errorf("unknown key")
}

func clip(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// JSONLReader reads parlance JSON Lines (see JSONLWriter) strictly: each
// non-blank line must be one JSON object whose keys are among Columns, each
// at most once, with values of the documented types (null is accepted as the
// zero value). Keys may be missing (zero value) except id and source. The
// text must be valid UTF-8. A bad line is a *Problem naming the line and the
// key, and reading may go on; blank lines are ignored.
type JSONLReader struct {
	split lineSplitter
}

// NewJSONLReader returns a reader of JSON Lines from r; name is the input's
// name for Problems.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{split: lineSplitter{br: bufio.NewReaderSize(r, 1<<16), name: name}}
}

// Read returns the next record, io.EOF at the end, a *Problem for a bad line
// (call Read again to go on) or another error if the input cannot be read.
func (jr *JSONLReader) Read() (*Record, error) {
	b, last, err := jr.split.next()
	if err != nil {
		return nil, err
	}
	return jr.decodeLine(b, jr.split.line, last, nil)
}

func (jr *JSONLReader) lines() *lineSplitter { return &jr.split }

// decodeLine parses line n, b (last: the input ends with it); it reads
// nothing of jr but the name, so lines can be parsed at once, and counts
// nothing.
func (jr *JSONLReader) decodeLine(b []byte, n int, last bool, _ *Summary) (*Record, error) {
	l := jsonlLine{name: jr.split.name, n: n}
	rec, p := l.parse(b)
	if p != nil && last && !json.Valid(b) && bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		// The last line, with no newline, ends inside its object.
		var v any
		if json.Unmarshal(b, &v) != nil && !strings.Contains(p.Error(), "invalid character") {
			return nil, &Problem{File: l.name, Record: "line " + strconv.Itoa(n), Err: fmt.Errorf("%w: its last line is incomplete JSON", ErrCutShort)}
		}
	}
	if p != nil {
		if errors.Is(p, ErrInvalidUTF8) {
			return rec, p // repaired: see ErrInvalidUTF8
		}
		return nil, p
	}
	return rec, nil
}

// jsonlLine is a line of a JSON Lines input being parsed: the input's name
// and the line's number, for Problems.
type jsonlLine struct {
	name string
	n    int
}

func (jr jsonlLine) problem(field, format string, args ...any) *Problem {
	return problemf(jr.name, "line "+strconv.Itoa(jr.n), field, format, args...)
}

func (jr jsonlLine) parse(line []byte) (*Record, *Problem) {
	if !utf8.Valid(line) {
		// Name the key, then read the line repaired.
		key := ""
		if json.Valid(line) {
			topLevelMembers(line, func(k string, raw []byte) *Problem {
				if key == "" && (!utf8.ValidString(k) || !utf8.Valid(raw)) {
					key = strings.ToValidUTF8(k, "\uFFFD")
				}
				return nil
			})
		}
		rec, p := jr.parse(bytes.ToValidUTF8(line, []byte("\uFFFD")))
		if p != nil {
			return nil, p
		}
		return rec, &Problem{File: jr.name, Record: "line " + strconv.Itoa(jr.n), Field: key, Err: ErrInvalidUTF8}
	}
	if !json.Valid(line) {
		var v any
		err := json.Unmarshal(line, &v)
		return nil, jr.problem("", "malformed JSON: %v", err)
	}
	rec := &Record{}
	seen := make(map[string]bool, len(Columns))
	err := topLevelMembers(line, func(key string, raw []byte) *Problem {
		if !isColumn(key) {
			return jr.problem(key, "unknown key")
		}
		if seen[key] {
			return jr.problem(key, "key given twice")
		}
		seen[key] = true
		if err := setJSON(rec, key, raw); err != nil {
			return jr.problem(key, "%v", err)
		}
		return nil
	})
	if err != nil {
		if err.Err == nil {
			err = jr.problem("", "not a JSON object")
		}
		return nil, err
	}
	if f, err := checkRecord(rec); err != nil {
		return nil, jr.problem(f, "%v", err)
	}
	return rec, nil
}

// topLevelMembers calls fn for each member of the JSON object that is the
// whole of data, which must be valid JSON (json.Valid), stopping at the
// first Problem. It returns &Problem{} if data is not an object. It splits
// the object itself because json.Decoder's token stream is several times
// slower for this.
func topLevelMembers(data []byte, fn func(key string, raw []byte) *Problem) *Problem {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return &Problem{}
	}
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return nil
	}
	for {
		end := skipValue(data, i) // the key, a string
		key, err := jsonString(data[i:end])
		if err != nil {
			return &Problem{}
		}
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // past ':'
		end = skipValue(data, i)
		if p := fn(key, data[i:end]); p != nil {
			return p
		}
		i = skipSpace(data, end)
		if data[i] == '}' {
			return nil
		}
		i = skipSpace(data, i+1) // past ','
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// skipValue returns the end of the valid JSON value starting at data[i].
func skipValue(data []byte, i int) int {
	switch data[i] {
	case '"':
		for i++; ; i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch data[i] {
			case '"':
				i = skipValue(data, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
	}
	for i < len(data) && !strings.ContainsRune(",}] \t\r\n", rune(data[i])) {
		i++
	}
	return i
}

// jsonString decodes a JSON string literal, without the decoder when it has
// no escapes.
func jsonString(raw []byte) (string, error) {
	if len(raw) >= 2 && raw[0] == '"' && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

func isColumn(s string) bool {
	for _, c := range Columns {
		if c == s {
			return true
		}
	}
	return false
}

// CSVReader reads parlance CSV (see CSVWriter) strictly. The header must
// contain the RequiredCSVColumns (otherwise Read returns a fatal error
// naming the file and the column); columns may be in any order, and the
// others may be missing (zero values), but
// an unknown or repeated column is a *Problem (its values are ignored), as
// is a row with the wrong number of fields or a bad value (naming the line
// and column). It parses RFC 4180 itself rather than with encoding/csv so
// that "\r\n" inside a quoted field survives the round trip.
type CSVReader struct {
	p       csvParser
	name    string
	cols    []string // column name per field index; "" = ignored
	pending []*Problem
	started bool
	fatal   error
}

// NewCSVReader returns a reader of CSV from r; name is the input's name for
// Problems.
func NewCSVReader(r io.Reader, name string) *CSVReader {
	return &CSVReader{p: csvParser{br: bufio.NewReaderSize(r, 1<<16), line: 1}, name: name}
}

func (cr *CSVReader) header() error {
	fields, line, err := cr.p.next()
	if err == io.EOF {
		return fmt.Errorf("%s: empty CSV file: no header with an \"id\" column", cr.name)
	}
	if err != nil {
		return fmt.Errorf("%s: line %d: reading the CSV header: %v", cr.name, line, err)
	}
	if len(fields) > 0 {
		fields[0] = strings.TrimPrefix(fields[0], "\ufeff")
	}
	cr.cols = make([]string, len(fields))
	seen := map[string]bool{}
	hasID := false
	for i, f := range fields {
		switch {
		case !isColumn(f):
			cr.pending = append(cr.pending, problemf(cr.name, "line "+strconv.Itoa(line)+" (header)", f, "unknown column; its values are ignored"))
		case seen[f]:
			cr.pending = append(cr.pending, problemf(cr.name, "line "+strconv.Itoa(line)+" (header)", f, "column given twice; the later one is ignored"))
		default:
			seen[f] = true
			cr.cols[i] = f
			hasID = hasID || f == "id"
		}
	}
	if !hasID {
		return fmt.Errorf("%s: CSV header has no \"id\" column (is this a parlance CSV export?)", cr.name)
	}
	for _, c := range RequiredCSVColumns {
		if !seen[c] {
			return fmt.Errorf("%s: line %d (header): no %q column (required, since a missing one would read as blank in every record: %s)",
				cr.name, line, c, strings.Join(RequiredCSVColumns, ", "))
		}
	}
	return nil
}

// RequiredCSVColumns are the columns a CSV must have: without them every
// record would read as having no source, body, question or answer. Other
// columns may be left out, and then read as unknown (zero values).
var RequiredCSVColumns = []string{"id", "source", "department", "question", "answer"}

// Read returns the next record, io.EOF at the end, a *Problem for a bad row
// or header column (call Read again to go on) or a fatal error.
func (cr *CSVReader) Read() (*Record, error) {
	if cr.fatal != nil {
		return nil, cr.fatal
	}
	if !cr.started {
		cr.started = true
		if err := cr.header(); err != nil {
			cr.fatal = err
			return nil, err
		}
	}
	if len(cr.pending) > 0 {
		p := cr.pending[0]
		cr.pending = cr.pending[1:]
		return nil, p
	}
	fields, line, err := cr.p.next()
	rec := "line " + strconv.Itoa(line)
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		var pe *csvSyntaxError
		if errors.As(err, &pe) {
			return nil, problemf(cr.name, rec, "", "%v", pe)
		}
		err = readErr(cr.name, line-1, err)
		cr.fatal = err
		return nil, err
	}
	if len(fields) != len(cr.cols) {
		return nil, problemf(cr.name, rec, "", "%d fields, but the header has %d", len(fields), len(cr.cols))
	}
	r := &Record{}
	badUTF8 := ""
	for i, v := range fields {
		col := cr.cols[i]
		if col == "" {
			continue
		}
		if !utf8.ValidString(v) {
			if badUTF8 == "" {
				badUTF8 = col
			}
			v = strings.ToValidUTF8(v, "\uFFFD")
		}
		if err := setCSV(r, col, v); err != nil {
			return nil, problemf(cr.name, rec, col, "%v", err)
		}
	}
	if f, err := checkRecord(r); err != nil {
		return nil, problemf(cr.name, rec, f, "%v", err)
	}
	if badUTF8 != "" {
		return r, &Problem{File: cr.name, Record: rec, Field: badUTF8, Err: ErrInvalidUTF8} // repaired: see ErrInvalidUTF8
	}
	return r, nil
}

// csvSyntaxError is a malformed row; the parser has skipped past it.
type csvSyntaxError struct{ msg string }

func (e *csvSyntaxError) Error() string { return e.msg }

// csvParser splits RFC 4180 CSV into rows. Rows end at "\n" or "\r\n"
// outside quotes; inside quotes every byte is kept, "" standing for ".
type csvParser struct {
	br   *bufio.Reader
	line int // line number of the next byte
}

// next returns the next row and the line it starts on. A blank line is a row
// of one empty field only if it is not the last line; blank lines are
// skipped, since parlance never writes a row of one empty field.
func (p *csvParser) next() ([]string, int, error) {
	for {
		start := p.line
		fields, err := p.row()
		if err != nil {
			return nil, start, err
		}
		if len(fields) == 1 && fields[0] == "" {
			continue // blank line
		}
		return fields, start, nil
	}
}

// row reads one row. io.EOF only when no byte was read.
func (p *csvParser) row() ([]string, error) {
	var fields []string
	var f []byte
	c, err := p.br.ReadByte()
	if err != nil {
		return nil, err
	}
	for {
		// at the start of a field, c is its first byte (or err is set)
		if err == nil && c == '"' {
			// quoted field
			for {
				c, err = p.br.ReadByte()
				if err != nil {
					return nil, p.bad("unterminated quoted field")
				}
				if c == '\n' {
					p.line++
				}
				if c == '"' {
					c, err = p.br.ReadByte()
					if err == nil && c == '"' {
						f = append(f, '"')
						continue
					}
					break
				}
				f = append(f, c)
			}
			// after the closing quote: , or line end or EOF
			if err == nil && c == '\r' {
				c, err = p.br.ReadByte()
				if err == nil && c != '\n' {
					return nil, p.bad("stray \\r after a quoted field")
				}
			}
			if err == nil && c != ',' && c != '\n' {
				return nil, p.bad(fmt.Sprintf("unexpected %q after a quoted field", c))
			}
		} else {
			for err == nil && c != ',' && c != '\n' {
				if c == '"' {
					return nil, p.bad("quote inside an unquoted field")
				}
				f = append(f, c)
				c, err = p.br.ReadByte()
			}
			if err == nil && c == '\n' && len(f) > 0 && f[len(f)-1] == '\r' {
				f = f[:len(f)-1]
			}
		}
		fields = append(fields, string(f))
		f = f[:0]
		if err != nil { // EOF ends the row
			if err == io.EOF {
				return fields, nil
			}
			return nil, err
		}
		if c == '\n' {
			p.line++
			return fields, nil
		}
		// c == ','
		c, err = p.br.ReadByte()
		if err != nil && err != io.EOF {
			return nil, err
		}
	}
}

// bad skips to the end of the current line and returns a syntax error.
func (p *csvParser) bad(msg string) error {
	for {
		c, err := p.br.ReadByte()
		if err != nil || c == '\n' {
			if err == nil {
				p.line++
			}
			return &csvSyntaxError{msg: msg}
		}
	}
}
