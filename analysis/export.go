package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// Column is one column of the answer schema: its name, the kind of its
// values and what it holds. AnswerColumns is the single definition every
// export of answers follows (analyze's JSON Lines, CSV and JSON, the
// report's answers.csv and answers.json, and any further format).
type Column struct {
	Name string
	// Kind is "string", "int", "float", "bool", "date" (ISO 8601 civil
	// date, "" if unknown), "list" (of strings: joined with ";" in CSV)
	// or "json" (structured: a JSON array in CSV cells).
	Kind  string
	About string
}

// AnswerColumns is the answer schema, in column order. Numbers in [0, 1]
// are rounded to four decimals so that exports are stable and readable.
var AnswerColumns = []Column{
	{"id", "string", "record ID: api:<id>, twfy:<id> or pp:<hash>"},
	{"source", "string", "api, twfy or pp"},
	{"uin", "string", "the question's number"},
	{"house", "string", "Commons, Lords or Bicameral"},
	{"body", "string", "canonical answering body: counts and tables use it across renames"},
	{"body_as_named", "string", "the answering body's name on the answer's date"},
	{"asker_id", "int", "the asking member's Parliament ID, 0 if unknown"},
	{"asker_name", "string", "the asking member's name, where the input gives it"},
	{"date_tabled", "date", "date the question was tabled"},
	{"date_answered", "date", "date of the answer"},
	{"heading", "string", "topic heading"},
	{"group", "string", "round-robin group ID, empty if none"},
	{"stance", "string", "disclosed, partial, declined, referred, holding or unanswered"},
	{"grounds", "list", "refusal grounds the answer cites"},
	{"confidence", "float", "the classifier's confidence in the stance, in [0, 1]"},
	{"overridden", "bool", "the verdict was set by hand"},
	{"note", "string", "the note of a hand override"},
	{"boilerplate_share", "float", "share of the answer's text in stock sentences, in [0, 1]"},
	{"holding", "bool", "the source flags the answer as a holding answer"},
	{"truncated", "bool", "the text is known to be incomplete"},
	{"url", "string", "the record at its source"},
	{"evidence", "json", "the text behind the verdict: start, end, text, cue"},
	{"refs", "json", "references the answer makes: kind, uin, date, url, title"},
}

// AnswerRow is the flat, exported form of one analysed answer, with one
// field per AnswerColumns entry, in order (a test holds them together).
type AnswerRow struct {
	ID               string              `json:"id"`
	Source           string              `json:"source"`
	UIN              string              `json:"uin"`
	House            string              `json:"house"`
	Body             string              `json:"body"`
	BodyAsNamed      string              `json:"body_as_named"`
	AskerID          int                 `json:"asker_id"`
	AskerName        string              `json:"asker_name"`
	DateTabled       string              `json:"date_tabled"`
	DateAnswered     string              `json:"date_answered"`
	Heading          string              `json:"heading"`
	Group            string              `json:"group"`
	Stance           classify.Stance     `json:"stance"`
	Grounds          []classify.Ground   `json:"grounds"`
	Confidence       float64             `json:"confidence"`
	Overridden       bool                `json:"overridden"`
	Note             string              `json:"note"`
	BoilerplateShare float64             `json:"boilerplate_share"`
	Holding          bool                `json:"holding"`
	Truncated        bool                `json:"truncated"`
	URL              string              `json:"url"`
	Evidence         []classify.Evidence `json:"evidence"`
	Refs             []classify.Ref      `json:"refs"`
}

// Row flattens an answer for export.
func (a *Answer) Row() AnswerRow {
	r := a.Record
	if r == nil {
		r = &corpus.Record{}
	}
	row := AnswerRow{
		ID: r.ID, Source: string(r.Source), UIN: r.UIN, House: string(r.House),
		Body: r.Department, BodyAsNamed: a.BodyName, AskerID: r.Asker.ID, AskerName: r.Asker.Name,
		DateTabled: civil(r.DateTabled), DateAnswered: civil(r.DateAnswered),
		Heading: r.Heading, Group: a.Group,
		Stance: a.Verdict.Stance, Grounds: a.Verdict.Grounds,
		Confidence: round4(a.Verdict.Confidence), Overridden: a.Verdict.Overridden, Note: a.Verdict.Note,
		BoilerplateShare: round4(a.BoilerplateShare), Holding: r.Holding, Truncated: r.Truncated, URL: r.URL,
		Evidence: a.Verdict.Evidence, Refs: a.Verdict.Refs,
	}
	if row.BodyAsNamed == "" {
		row.BodyAsNamed = row.Body
	}
	if row.Grounds == nil {
		row.Grounds = []classify.Ground{}
	}
	if row.Evidence == nil {
		row.Evidence = []classify.Evidence{}
	}
	if row.Refs == nil {
		row.Refs = []classify.Ref{}
	}
	return row
}

// Values returns the row's values in AnswerColumns order: strings, ints,
// float64s, bools, []string for lists and the structured values for
// "json" columns.
func (r AnswerRow) Values() []any {
	grounds := make([]string, len(r.Grounds))
	for i, g := range r.Grounds {
		grounds[i] = string(g)
	}
	return []any{r.ID, r.Source, r.UIN, r.House, r.Body, r.BodyAsNamed, r.AskerID, r.AskerName,
		r.DateTabled, r.DateAnswered, r.Heading, r.Group, string(r.Stance), grounds,
		r.Confidence, r.Overridden, r.Note, r.BoilerplateShare, r.Holding, r.Truncated, r.URL,
		r.Evidence, r.Refs}
}

func civil(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(corpus.DateLayout)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// WriteAnswersJSONL writes one JSON object per answer, in input order,
// each as json.Encoder with SetEscapeHTML(false) writes an AnswerRow.
func WriteAnswersJSONL(w io.Writer, res *Result) error {
	return writeAnswers(NewAnswersJSONL(w), res)
}

// AnswerCSVHeader is the header of WriteAnswersCSV: the names of
// AnswerColumns.
var AnswerCSVHeader = func() []string {
	out := make([]string, len(AnswerColumns))
	for i, c := range AnswerColumns {
		out[i] = c.Name
	}
	return out
}()

// WriteAnswersCSV writes one CSV row per answer, in input order, each cell
// formatted by CSVCell, under AnswerCSVHeader.
func WriteAnswersCSV(w io.Writer, res *Result) error {
	return writeAnswers(NewAnswersCSV(w), res)
}

// CSVCell formats one value for a CSV cell: numbers as the shortest
// decimal that round-trips, lists of strings joined with ";", structured
// values as compact JSON, and text defused against spreadsheet formulas (a
// cell starting with = + - @, a tab or a carriage return is prefixed with
// an apostrophe, which spreadsheet programs show as plain text).
func CSVCell(v any) string {
	switch x := v.(type) {
	case string:
		return csvSafe(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	case []string:
		return csvSafe(strings.Join(x, ";"))
	}
	s, err := marshalCompact(v)
	if err != nil {
		return csvSafe(fmt.Sprint(v))
	}
	return csvSafe(s)
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func marshalCompact(v any) (string, error) {
	var b strings.Builder
	if err := newEncoder(&b).Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// DisplayPath is how exports and reports name an input file: relative to
// root when root is not "" and the file lies under it, else its base name;
// a URL (the API client's responses) is kept whole. Private directories thus
// stay out of what is published, and the same data read from another
// directory gives the same bytes.
func DisplayPath(p, root string) string {
	if strings.Contains(p, "://") {
		return p
	}
	if root != "" {
		if abs, err := filepath.Abs(p); err == nil {
			if r, err := filepath.Abs(root); err == nil {
				if rel, err := filepath.Rel(r, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
					return filepath.ToSlash(rel)
				}
			}
		}
	}
	return filepath.Base(p)
}

// SummaryJSON is the reading summary in exportable form; files are named
// by DisplayPath.
type SummaryJSON struct {
	Read          map[string]int `json:"read"`
	Skipped       map[string]int `json:"skipped"`
	Truncated     int            `json:"truncated"`
	Hydrated      int            `json:"hydrated"`
	UnknownBodies map[string]int `json:"unknown_bodies"`
	Files         []string       `json:"files"`
	Problems      []string       `json:"problems"`
}

// ExportSummary converts a reading summary for export.
func ExportSummary(s *corpus.Summary) SummaryJSON {
	out := SummaryJSON{Read: map[string]int{}, Skipped: map[string]int{}, UnknownBodies: map[string]int{},
		Files: []string{}, Problems: []string{}}
	if s == nil {
		return out
	}
	for k, v := range s.Read {
		out.Read[string(k)] = v
	}
	for k, v := range s.Skipped {
		out.Skipped[k] = v
	}
	for k, v := range s.UnknownBodies {
		out.UnknownBodies[k] = v
	}
	out.Truncated, out.Hydrated = s.Truncated, s.Hydrated
	for _, f := range s.Files {
		out.Files = append(out.Files, DisplayPath(f, ""))
	}
	for _, p := range s.Problems {
		if p == nil {
			continue
		}
		q := *p
		q.File = DisplayPath(p.File, "")
		if q.Err == nil {
			out.Problems = append(out.Problems, q.File+": "+q.Record+": field "+q.Field)
			continue
		}
		out.Problems = append(out.Problems, q.Error())
	}
	return out
}

// BodyStatsJSON is one body's statistics in exportable form.
type BodyStatsJSON struct {
	Body       string                      `json:"body"`
	Names      []NameUseJSON               `json:"names,omitempty"`
	Answers    int                         `json:"answers"`
	Overridden int                         `json:"overridden"`
	Stances    map[string]stats.Proportion `json:"stances"`
	Grounds    map[string]stats.Proportion `json:"grounds"`
	// Corrected is BodyStats.Corrected: the stance shares corrected for
	// classifier error, absent for bodies too small to correct.
	Corrected map[classify.Stance]stats.Estimate `json:"corrected,omitempty"`
}

// NameUseJSON is one name a body's answers were given under.
type NameUseJSON struct {
	Name    string `json:"name"`
	Answers int    `json:"answers"`
	First   string `json:"first"`
	Last    string `json:"last"`
}

// ExportBody converts one body's statistics for export; shares and bounds
// are rounded to four decimals.
func ExportBody(b BodyStats) BodyStatsJSON {
	j := BodyStatsJSON{Body: b.Body, Answers: b.Answers, Overridden: b.Overridden,
		Stances: map[string]stats.Proportion{}, Grounds: map[string]stats.Proportion{}}
	for k, v := range b.Stances {
		j.Stances[string(k)] = roundProportion(v)
	}
	for k, v := range b.Grounds {
		j.Grounds[string(k)] = roundProportion(v)
	}
	j.Corrected = roundEstimates(b.Corrected)
	for _, n := range b.Names {
		j.Names = append(j.Names, NameUseJSON{Name: n.Name, Answers: n.Answers, First: civil(n.First), Last: civil(n.Last)})
	}
	return j
}

// ExportBodies converts per-body statistics for export.
func ExportBodies(bodies []BodyStats) []BodyStatsJSON {
	out := make([]BodyStatsJSON, 0, len(bodies))
	for _, b := range bodies {
		out = append(out, ExportBody(b))
	}
	return out
}

func roundProportion(p stats.Proportion) stats.Proportion {
	p.Share, p.Low, p.High = round4(p.Share), round4(p.Low), round4(p.High)
	return p
}

// GroupVerdict is one member of a round-robin group with its verdict: who
// disclosed, who declined, and on what grounds.
type GroupVerdict struct {
	ID      string            `json:"id"`
	Body    string            `json:"body"`
	Stance  classify.Stance   `json:"stance"`
	Grounds []classify.Ground `json:"grounds"`
}

// GroupVerdicts is a round-robin group's verdicts, member by member in the
// group's order.
type GroupVerdicts struct {
	Group   string         `json:"group"`
	Members []GroupVerdict `json:"members"`
}

// Verdicts lists, for every round-robin group, each member's stance and
// grounds.
func (r *Result) Verdicts() []GroupVerdicts {
	out := make([]GroupVerdicts, 0, len(r.Groups))
	for _, g := range r.Groups {
		gv := GroupVerdicts{Group: g.ID, Members: make([]GroupVerdict, 0, len(g.Members))}
		for _, m := range g.Members {
			v := r.Answers[m.Index].Verdict
			grounds := v.Grounds
			if grounds == nil {
				grounds = []classify.Ground{}
			}
			gv.Members = append(gv.Members, GroupVerdict{ID: m.ID, Body: m.Body, Stance: v.Stance, Grounds: grounds})
		}
		out = append(out, gv)
	}
	return out
}

// WriteJSON writes the whole result as one JSON document: the reading
// summary, every answer, the round-robin groups and campaigns, each group's
// verdicts member by member, the boilerplate families, the per-body statistics
// (raw and corrected for classifier error), the test of independence and how
// the correction was made. The document is indented by two spaces, as
// json.Encoder with SetIndent("", "  ") would write it; it is written member
// by member and answer by answer, so that a million answers are never held
// as one encoded document.
func WriteJSON(w io.Writer, res *Result) error {
	jw := &indentedWriter{w: w}
	jw.open()
	jw.member("version", res.Version)
	jw.member("summary", ExportSummary(res.Summary))
	jw.array("answers", len(res.Answers), func(i int) any { return res.Answers[i].Row() })
	jw.member("groups", orEmpty(res.Groups))
	jw.member("campaigns", orEmpty(res.Campaigns))
	jw.member("group_verdicts", res.Verdicts())
	jw.member("families", orEmpty(res.Families))
	jw.member("family_ranking", orEmpty(res.FamilyRanking))
	jw.member("grounds", orEmpty(res.Grounds))
	jw.member("overall", ExportBody(res.Overall))
	jw.member("bodies", ExportBodies(res.Bodies))
	jw.member("independence", res.Independence)
	jw.member("parameters", orEmpty(res.Parameters))
	jw.member("correction", res.Correction.rounded())
	return jw.close()
}

// indentedWriter writes one JSON object, member by member, indented as
// json.Encoder with SetEscapeHTML(false) and SetIndent("", "  ") indents a
// whole value: each member on its own line two spaces in, each element of
// an array member four spaces in, "[]" for an empty array, and a newline
// after the closing brace. The first error stops all writing and is
// returned by close.
type indentedWriter struct {
	w       io.Writer
	buf     bytes.Buffer
	members int
	err     error
}

func (j *indentedWriter) write(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// value writes v indented as a value whose first line is already placed
// and whose further lines start with prefix.
func (j *indentedWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if j.err = enc.Encode(v); j.err != nil {
		return
	}
	_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
}

func (j *indentedWriter) open() { j.write("{") }

func (j *indentedWriter) key(name string) {
	if j.members > 0 {
		j.write(",")
	}
	j.members++
	j.write("\n  " + strconv.Quote(name) + ": ")
}

func (j *indentedWriter) member(name string, v any) {
	j.key(name)
	j.value(v, "  ")
}

// array writes a member whose value is an array of n elements, element(i)
// being the i-th.
func (j *indentedWriter) array(name string, n int, element func(i int) any) {
	j.key(name)
	if n == 0 {
		j.write("[]")
		return
	}
	j.write("[")
	for i := 0; i < n && j.err == nil; i++ {
		if i > 0 {
			j.write(",")
		}
		j.write("\n    ")
		j.value(element(i), "    ")
	}
	j.write("\n  ]")
}

func (j *indentedWriter) close() error {
	if j.members > 0 {
		j.write("\n")
	}
	j.write("}\n")
	return j.err
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
