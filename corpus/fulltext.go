package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FullTextReader reads full-text files: JSON Lines of
// {"id", "questionText", "answerText"} as the API's detail endpoint gives
// the texts (answerText is HTML, or null when unanswered).
//
// Each line yields a Record with ID "api:<id>", Source SourceAPI,
// Question, and, where answerText is given, Answer and AnswerHTML as
// APIReader makes them (HTML is kept in AnswerHTML and converted by
// HTMLToText; the few answers without tags, 52 in the shared data, are
// plain text with no AnswerHTML). The answering body is inferred from the
// question's addressee ("To ask the Secretary of State for Transport, …")
// with Registry.FromAddressee; when that fails Department stays "" and the
// addressee is counted in Summary.UnknownBodies as "(addressee) <words>"
// (see addresseeWords). Nothing is marked
// truncated. Blank lines are ignored. A line that is not a JSON object, or
// lacks a usable id, is a *Problem located as "line N"; reading goes on.
type FullTextReader struct {
	split lineSplitter
	reg   *Registry
	sum   *Summary
}

// NewFullTextReader returns a reader of the full-text JSON Lines in r. name
// identifies the input in problems. reg nil means DefaultRegistry(); sum
// may be nil. The reader adds to sum only NoBody.
func NewFullTextReader(r io.Reader, name string, reg *Registry, sum *Summary) *FullTextReader {
	if reg == nil {
		reg = DefaultRegistry()
	}
	if sum == nil {
		sum = &Summary{}
	}
	return &FullTextReader{split: lineSplitter{br: bufio.NewReaderSize(r, 64<<10), name: name}, reg: reg, sum: sum}
}

// Read returns the next record, io.EOF after the last, a *Problem for a bad
// line (Read may be called again), or another error if the input cannot be
// read; that error is then returned by every later call.
func (f *FullTextReader) Read() (*Record, error) {
	b, last, err := f.split.next()
	if err != nil {
		return nil, err
	}
	return f.decodeLine(b, f.split.line, last, f.sum)
}

func (f *FullTextReader) lines() *lineSplitter { return &f.split }

// decodeLine parses line n, b, counting into sum; it reads nothing of f
// but the name and the registry, so lines can be parsed at once.
func (f *FullTextReader) decodeLine(b []byte, n int, last bool, sum *Summary) (*Record, error) {
	b = bytes.TrimSpace(b)
	if id, question, answer, ok := scanFullTextLine(b); ok {
		return f.record(id, question, answer, sum), nil
	}
	return f.parseSlow(b, n, last, sum)
}

// record makes the Record of a parsed line.
func (f *FullTextReader) record(id int, question, answer string, sum *Summary) *Record {
	rec := &Record{ID: "api:" + strconv.Itoa(id), Source: SourceAPI, Question: strings.TrimSpace(dropInvisible(question))}
	rec.Answer, rec.AnswerHTML = answerTexts(answer)
	if b, ok := f.reg.FromAddressee(rec.Question); ok {
		rec.Department = b.Name
		rec.DepartmentID = b.APIID
	} else if rec.Question != "" {
		sum.addNoBody("addressee not in the registry: " + addresseeWords(rec.Question))
	}
	return rec
}

// parseSlow parses line n, b, with encoding/json, field by field, so that
// every defect is reported precisely; decodeLine calls it for the lines
// scanFullTextLine does not take. last: the input ends with the line.
func (f *FullTextReader) parseSlow(b []byte, n int, last bool, sum *Summary) (*Record, error) {
	name := f.split.name
	where := "line " + strconv.Itoa(n)
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&fields); err != nil || fields == nil {
		if err == nil {
			err = fmt.Errorf("found null")
		}
		if last && errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &Problem{File: name, Record: where, Err: fmt.Errorf("%w: its last line is incomplete JSON", ErrCutShort)}
		}
		return nil, problemf(name, where, "", "want a JSON object {id, questionText, answerText}: %v", err)
	}
	if dec.More() {
		return nil, problemf(name, where, "", "more than one JSON value on the line")
	}
	p := &valueParser{v: fields, file: name, where: where}
	if _, ok := fields["id"]; !ok {
		return nil, problemf(name, where, "id", "missing")
	}
	id := p.integer("id")
	if p.err == nil && id <= 0 {
		p.fail("id", "want a positive integer, found %s", describeJSON(fields["id"]))
	}
	question := p.str("questionText")
	answer := p.str("answerText")
	if p.err != nil {
		return nil, p.err
	}
	rec := f.record(id, question, answer, sum)
	if k := invalidUTF8Key(fields); k != "" {
		// encoding/json has replaced the invalid bytes already.
		repairUTF8(rec)
		return rec, &Problem{File: name, Record: where + " (" + rec.ID + ")", Field: k, Err: ErrInvalidUTF8}
	}
	return rec, nil
}

// addresseeWords returns the addressee at the opening of a question, to
// name one the registry did not know: the text up to the first comma that
// is followed by a lower-case word (", what", ", if", ", whether"), so
// that "Foreign, Commonwealth and Development Affairs" stays whole; at
// most twelve words.
func addresseeWords(q string) string {
	w := strings.Fields(q)
	for i := 0; i < len(w) && i < 12; i++ {
		if strings.HasSuffix(w[i], ",") && (i+1 == len(w) || startsLower(w[i+1])) {
			w[i] = strings.TrimSuffix(w[i], ",")
			return strings.Join(w[:i+1], " ")
		}
	}
	if len(w) > 12 {
		w = w[:12]
	}
	return strings.Join(w, " ")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// Hydrate completes a record read from a list page (list) with the full
// texts of the same question (full, from a FullTextReader or a detail
// item) and reports whether list changed. Records with different IDs are
// left alone.
//
// The full question replaces the list's. The full answer, where given,
// replaces the list's Answer and AnswerHTML (this also fills in answers
// that a list snapshot taken before the answer did not have). Truncated is
// then cleared, unless the list record has an answer the full text lacks
// (answerText null): the list answer is kept, and so is Truncated, since
// the clipped text cannot be checked; or unless the full question is
// empty and the list question looks clipped.
//
// The list's metadata (dates, members, flags) is kept, with one exception.
// Questions are transferred between departments, and their text is then
// re-addressed to the department that will answer. When the list record
// is unanswered (an early snapshot) and full brings an answer and a
// Department (inferred from the newer text's addressee) other than the
// list's, Department and DepartmentID are taken from full: on the shared
// data this moves 166 of the 15,695 matched records, which would
// otherwise count an answer against the department that passed the
// question on. When the list record is already answered its answering body
// is kept, since the full text may then be the older of the two.
func Hydrate(list *Record, full *Record) bool {
	if list == nil || full == nil || list.ID != full.ID || list == full {
		return false
	}
	changed := false
	oldQuestion := list.Question
	if full.Question != "" && full.Question != list.Question {
		list.Question = full.Question
		changed = true
	}
	fullHasAnswer := full.Answer != "" || full.AnswerHTML != ""
	if fullHasAnswer && !list.Answered() && full.Department != "" && full.Department != list.Department {
		// The list snapshot predates the answer and the question was
		// transferred since: the newer text is addressed to the department
		// that answered it.
		list.Department = full.Department
		list.DepartmentID = full.DepartmentID
		changed = true
	}
	if fullHasAnswer && (full.Answer != list.Answer || full.AnswerHTML != list.AnswerHTML) {
		list.Answer = full.Answer
		list.AnswerHTML = full.AnswerHTML
		changed = true
	}
	if list.Truncated {
		keep := false
		switch {
		case !fullHasAnswer && list.Answer != "":
			keep = true
		case full.Question == "" && utf8.RuneCountInString(oldQuestion) >= ListClipRunes:
			keep = true
		}
		if !keep {
			list.Truncated = false
			changed = true
		}
	}
	return changed
}
