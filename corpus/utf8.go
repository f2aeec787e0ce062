package corpus

import (
	"encoding/json"
	"iter"
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

// textFields yields every text field of r, as a pointer, with its column
// name (see Columns), in column order. It allocates nothing: the Stream
// checks every record read with it.
func textFields(r *Record) iter.Seq2[string, *string] {
	return func(yield func(string, *string) bool) {
		_ = yield("id", &r.ID) &&
			yield("uin", &r.UIN) &&
			yield("department", &r.Department) &&
			yield("asker", &r.Asker.Name) &&
			yield("asker_party", &r.Asker.Party) &&
			yield("asker_constituency", &r.Asker.Constituency) &&
			yield("answerer", &r.Answerer.Name) &&
			yield("answerer_party", &r.Answerer.Party) &&
			yield("answerer_constituency", &r.Answerer.Constituency) &&
			yield("heading", &r.Heading) &&
			yield("question", &r.Question) &&
			yield("answer", &r.Answer) &&
			yield("answer_html", &r.AnswerHTML) &&
			each(r.GroupedUINs, func(p *string) bool { return yield("grouped_uins", p) }) &&
			each(r.Attachments, func(a *Attachment) bool {
				return yield("attachments", &a.URL) && yield("attachments", &a.Title) && yield("attachments", &a.FileType)
			}) &&
			yield("url", &r.URL)
	}
}

// each calls f with a pointer to each element of s in turn while it
// returns true, and reports whether it always did.
func each[T any](s []T, f func(*T) bool) bool {
	for i := range s {
		if !f(&s[i]) {
			return false
		}
	}
	return true
}

// invalidUTF8Field returns the column name of the first text field of r
// that is not valid UTF-8, or "".
func invalidUTF8Field(r *Record) string {
	for name, p := range textFields(r) {
		if !utf8.ValidString(*p) {
			return name
		}
	}
	if !utf8.ValidString(string(r.Source)) || !utf8.ValidString(string(r.House)) {
		return "source"
	}
	return ""
}

// repairUTF8 replaces every invalid UTF-8 sequence in r's text by U+FFFD.
func repairUTF8(r *Record) {
	for _, p := range textFields(r) {
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
