package corpus

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"
)

// The one rule for text that is not valid UTF-8, whatever the reader: the
// reader names the file, record and field in a Problem wrapping
// ErrInvalidUTF8 and returns the record repaired (each invalid sequence
// replaced by U+FFFD); the Stream keeps the repaired record and counts it
// in lenient mode, and stops with the Problem in strict mode. Readers whose
// decoding would repair silently (encoding/json) look at the raw bytes;
// for the others the Stream checks every text field of every record, so
// that no invalid UTF-8 is ever delivered.

// textFields returns pointers to every text field of r with its column name
// (see Columns), in column order.
func textFields(r *Record) (names []string, ptrs []*string) {
	add := func(name string, p *string) {
		names = append(names, name)
		ptrs = append(ptrs, p)
	}
	add("id", &r.ID)
	add("uin", &r.UIN)
	add("department", &r.Department)
	add("asker", &r.Asker.Name)
	add("asker_party", &r.Asker.Party)
	add("asker_constituency", &r.Asker.Constituency)
	add("answerer", &r.Answerer.Name)
	add("answerer_party", &r.Answerer.Party)
	add("answerer_constituency", &r.Answerer.Constituency)
	add("heading", &r.Heading)
	add("question", &r.Question)
	add("answer", &r.Answer)
	add("answer_html", &r.AnswerHTML)
	for i := range r.GroupedUINs {
		add("grouped_uins", &r.GroupedUINs[i])
	}
	for i := range r.Attachments {
		add("attachments", &r.Attachments[i].URL)
		add("attachments", &r.Attachments[i].Title)
		add("attachments", &r.Attachments[i].FileType)
	}
	add("url", &r.URL)
	return names, ptrs
}

// invalidUTF8Field returns the column name of the first text field of r
// that is not valid UTF-8, or "".
func invalidUTF8Field(r *Record) string {
	names, ptrs := textFields(r)
	for i, p := range ptrs {
		if !utf8.ValidString(*p) {
			return names[i]
		}
	}
	if !utf8.ValidString(string(r.Source)) || !utf8.ValidString(string(r.House)) {
		return "source"
	}
	return ""
}

// repairUTF8 replaces every invalid UTF-8 sequence in r's text by U+FFFD.
func repairUTF8(r *Record) {
	_, ptrs := textFields(r)
	for _, p := range ptrs {
		*p = strings.ToValidUTF8(*p, "\uFFFD")
	}
	r.Source = Source(strings.ToValidUTF8(string(r.Source), "\uFFFD"))
	r.House = House(strings.ToValidUTF8(string(r.House), "\uFFFD"))
}

// invalidUTF8Key returns the first key (in sorted order) of a JSON object
// whose raw value (or the key itself) is not valid UTF-8, or "". Used
// before encoding/json, which replaces invalid bytes without saying so.
func invalidUTF8Key(fields map[string]json.RawMessage) string {
	var bad []string
	for k, raw := range fields {
		if !utf8.ValidString(k) || !utf8.Valid(raw) {
			bad = append(bad, k)
		}
	}
	if len(bad) == 0 {
		return ""
	}
	sort.Strings(bad)
	return strings.ToValidUTF8(bad[0], "\uFFFD")
}
