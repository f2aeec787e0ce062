package corpus

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// readFixture reads every record of a fixture, returning records and
// problems in order; a fatal error fails the test.
func readAPIFixture(t *testing.T, name string, reg *Registry, sum *Summary) ([]*Record, []*Problem) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "api", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return apiDrain(t, NewAPIReader(f, name, reg, sum).Read)
}

func apiDrain(t *testing.T, read func() (*Record, error)) ([]*Record, []*Problem) {
	t.Helper()
	var recs []*Record
	var probs []*Problem
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("reader does not terminate")
		}
		rec, err := read()
		if errors.Is(err, io.EOF) {
			return recs, probs
		}
		var p *Problem
		if errors.As(err, &p) {
			probs = append(probs, p)
			continue
		}
		if err != nil {
			t.Fatalf("fatal error: %v", err)
		}
		recs = append(recs, rec)
	}
}

func apiIDs(recs []*Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.ID)
	}
	return out
}

func apiDay(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAPIReaderShapes(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"list_array.json", []string{"api:1723596", "api:1723397", "api:1723400"}},
		{"list_envelope.json", []string{"api:1723596", "api:1723397"}},
		{"detail.json", []string{"api:1679416"}},
		{"value.json", []string{"api:1679417"}},
		{"items.jsonl", []string{"api:1723596", "api:1723397", "api:1723400", "api:1679416"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			recs, probs := readAPIFixture(t, tc.file, &Registry{}, nil)
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			if got := apiIDs(recs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ids = %v, want %v", got, tc.want)
			}
			for _, r := range recs {
				if r.Source != SourceAPI {
					t.Errorf("%s: Source = %q", r.ID, r.Source)
				}
			}
		})
	}
}

func TestAPIReaderListMapping(t *testing.T) {
	var sum Summary
	recs, probs := readAPIFixture(t, "list_array.json", &Registry{}, &sum)
	if len(probs) > 0 || len(recs) != 3 {
		t.Fatalf("got %d records, problems %v", len(recs), probs)
	}
	r := recs[0]
	if r.UIN != "1830" || r.House != Commons || !r.DateTabled.Equal(apiDay("2024-07-25")) || !r.DateAnswered.Equal(apiDay("2024-10-14")) {
		t.Errorf("uin/house/dates: %+v", r)
	}
	if r.DateTabled.Location() != time.UTC {
		t.Errorf("DateTabled not UTC: %v", r.DateTabled)
	}
	if r.Asker != (Member{ID: 4934}) || r.Answerer != (Member{ID: 4682}) {
		t.Errorf("members: %+v %+v", r.Asker, r.Answerer)
	}
	if r.Department != "Ministry of Defence" || r.DepartmentID != 11 {
		t.Errorf("department %q %d", r.Department, r.DepartmentID)
	}
	if r.Heading != "Armed Forces: Housing" {
		t.Errorf("heading %q", r.Heading)
	}
	if !reflect.DeepEqual(r.GroupedUINs, []string{"1829", "8260"}) {
		t.Errorf("grouped %v", r.GroupedUINs)
	}
	if want := "https://questions-statements.parliament.uk/written-questions/detail/2024-07-25/1830"; r.URL != want {
		t.Errorf("URL %q, want %q", r.URL, want)
	}
	if !r.Truncated || !strings.HasSuffix(r.Answer, "...") || r.AnswerHTML != "" {
		t.Errorf("first record: Truncated %v, answer %q, html %q", r.Truncated, r.Answer, r.AnswerHTML)
	}
	if n := utf8.RuneCountInString(r.Question); n != ListClipRunes || len(r.Question) == ListClipRunes {
		t.Errorf("fixture question: %d runes, %d bytes; want 255 runes, not 255 bytes", n, len(r.Question))
	}

	r = recs[1]
	if !r.Holding || r.Truncated || !r.Answered() {
		t.Errorf("holding record: %+v", r)
	}
	if want := `I will reply to the hon. Member as soon as possible. R&D "costs" & AT&T`; r.Answer != want {
		t.Errorf("entities: answer %q, want %q", r.Answer, want)
	}

	r = recs[2]
	if r.Answered() || r.Answer != "" || r.Truncated {
		t.Errorf("white-space answer without dateAnswered should be unanswered: %+v", r)
	}
	if r.Department != "Department for Transport" || r.DepartmentID != 27 {
		t.Errorf("department %q", r.Department)
	}
	if sum.UnknownBodies["Ministry of Defence"] != 2 || sum.UnknownBodies["Department for Transport"] != 1 {
		t.Errorf("unknown bodies %v", sum.UnknownBodies)
	}
	if len(sum.Skipped) != 0 || sum.Truncated != 0 || len(sum.Read) != 0 {
		t.Errorf("reader touched counts it must leave to the caller: %+v", sum)
	}
}

func TestAPIReaderRegistry(t *testing.T) {
	reg := NewRegistry([]Body{
		{Name: "Ministry of Defence", APIID: 11, Aliases: []string{"MoD"}},
		{Name: "Department for Transport", APIID: 99, Aliases: []string{"Dept for Transport"}},
	})
	var sum Summary
	in := `[{"value": {"id": 1, "answeringBodyId": 11, "answeringBodyName": "Defence Ministry"}},
	 {"value": {"id": 2, "answeringBodyId": 27, "answeringBodyName": "Dept for Transport"}},
	 {"value": {"id": 3, "answeringBodyId": 5, "answeringBodyName": "Office of the Unknown"}}]`
	recs, probs := apiDrain(t, NewAPIReader(strings.NewReader(in), "reg.json", reg, &sum).Read)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got := []string{recs[0].Department, recs[1].Department, recs[2].Department}
	want := []string{"Ministry of Defence", "Department for Transport", "Office of the Unknown"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("departments %q, want %q", got, want)
	}
	if !reflect.DeepEqual(sum.UnknownBodies, map[string]int{"Office of the Unknown": 1}) {
		t.Errorf("unknown bodies %v", sum.UnknownBodies)
	}
}

func TestAPIReaderDetailMapping(t *testing.T) {
	recs, _ := readAPIFixture(t, "detail.json", &Registry{}, nil)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if want := (Member{ID: 4253, Name: "Tanmanjeet Singh Dhesi", Party: "Labour", Constituency: "Slough"}); r.Asker != want {
		t.Errorf("asker %+v, want %+v", r.Asker, want)
	}
	if !strings.HasPrefix(r.AnswerHTML, "<p>The department") {
		t.Errorf("AnswerHTML %q", r.AnswerHTML)
	}
	if want := "The department supports flexi-job apprenticeship agencies (FJAAs).\n\nThe register can be found here: https://www.gov.uk/flexi."; r.Answer != want {
		t.Errorf("Answer %q, want %q", r.Answer, want)
	}
	if !r.Corrected || r.Truncated || r.Holding || r.Withdrawn {
		t.Errorf("flags %+v", r)
	}
	wantAtt := []Attachment{{URL: "https://questions-statements.parliament.uk/api/writtenquestions/attachment/1.pdf", Title: "Table of starts", FileType: "application/pdf", SizeBytes: 12345}}
	if !reflect.DeepEqual(r.Attachments, wantAtt) {
		t.Errorf("attachments %+v", r.Attachments)
	}

	recs, _ = readAPIFixture(t, "value.json", &Registry{}, nil)
	if len(recs) != 1 || !recs[0].Withdrawn || recs[0].Answered() {
		t.Errorf("bare value: %+v", recs)
	}
}

func TestListClipped(t *testing.T) {
	r255 := strings.Repeat("é", 255)
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{r255 + "...", true},
		{strings.Repeat("a", 255) + "...", true},
		{strings.Repeat("é", 254) + "...", false},
		{strings.Repeat("é", 256) + "...", false},
		{strings.Repeat("a", 253) + "é...", false}, // 255 bytes, 254 runes
		{r255, false},
		{"Yes...", false},
	} {
		if got := listClipped(tc.s); got != tc.want {
			t.Errorf("listClipped(%d runes, %d bytes) = %v", utf8.RuneCountInString(tc.s), len(tc.s), got)
		}
	}
}

func TestAPIReaderProblems(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "api", "bad_records.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := NewAPIReader(f, "bad_records.json", &Registry{}, nil)
	type want struct{ id, record, field string }
	for i, w := range []want{
		{id: "api:1"},
		{record: "item 2", field: "dateTabled"},
		{record: "item 3", field: "id"},
		{record: "item 4", field: ""},
		{record: "item 5", field: "answerIsHolding"},
		{record: "item 6", field: "dateTabled"},
		{id: "api:6"},
	} {
		rec, err := rd.Read()
		if w.id != "" {
			if err != nil || rec.ID != w.id {
				t.Fatalf("step %d: got %v, %v; want record %s", i, rec, err, w.id)
			}
			continue
		}
		var p *Problem
		if !errors.As(err, &p) {
			t.Fatalf("step %d: got %v, %v; want a *Problem", i, rec, err)
		}
		if p.File != "bad_records.json" || p.Record != w.record || p.Field != w.field {
			t.Errorf("step %d: problem %q: got file %q record %q field %q, want %q %q", i, p, p.File, p.Record, p.Field, w.record, w.field)
		}
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Errorf("after last: %v, want io.EOF", err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Errorf("after EOF: %v, want io.EOF again", err)
	}
}

func TestAPIReaderJSONLinesProblemLine(t *testing.T) {
	in := `{"value": {"id": 1, "uin": "1"}, "links": []}
{"value": {"id": 2, "uin": "2"}, "links": []}

{"value": {"id": 3, "dateAnswered": true}, "links": []}
{"id": 4, "uin": "4"}
`
	rd := NewAPIReader(strings.NewReader(in), "x.jsonl", &Registry{}, nil)
	var got []string
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		var p *Problem
		switch {
		case errors.As(err, &p):
			got = append(got, p.Record+"/"+p.Field)
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, rec.ID)
		}
	}
	want := []string{"api:1", "api:2", "line 4/dateAnswered", "api:4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAPIReaderSyntaxError(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "api", "syntax_error.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := NewAPIReader(f, "syntax_error.json", nil, nil)
	if rec, err := rd.Read(); err != nil || rec.ID != "api:1" {
		t.Fatalf("first: %v %v", rec, err)
	}
	_, err = rd.Read()
	var p *Problem
	if err == nil || err == io.EOF || errors.As(err, &p) {
		t.Fatalf("want a fatal error, got %v", err)
	}
	if !strings.Contains(err.Error(), "syntax_error.json: line 2") {
		t.Errorf("error %q does not locate the fault", err)
	}
	if _, err2 := rd.Read(); err2 != err {
		t.Errorf("fatal error not sticky: %v", err2)
	}
}

func TestAPIReaderEnvelopeVariants(t *testing.T) {
	for _, in := range []string{
		`{"results": [{"value": {"id": 7}}], "totalResults": 1, "links": [{"rel": "next"}]}`,
		`{"totalResults": 1, "results": [{"value": {"id": 7}}]} {"value": {"id": 8}}`,
	} {
		recs, probs := apiDrain(t, NewAPIReader(strings.NewReader(in), "env.json", &Registry{}, nil).Read)
		if len(probs) > 0 || len(recs) == 0 || recs[0].ID != "api:7" {
			t.Errorf("%s: got %v %v", in, apiIDs(recs), probs)
		}
	}
}

func TestAPIReaderBadInputs(t *testing.T) {
	for _, in := range []string{"", "   \n", "42", `"text"`, "[1,", "{"} {
		rd := NewAPIReader(strings.NewReader(in), "in.json", nil, nil)
		var err error
		for i := 0; i < 10; i++ {
			if _, err = rd.Read(); err == io.EOF || err != nil && !apiIsProblem(err) {
				break
			}
		}
		if err == nil || err == io.EOF {
			t.Errorf("%q: want an error, got %v", in, err)
		}
	}
	// A JSON null inside an array is a bad record, not the end.
	recs, probs := apiDrain(t, NewAPIReader(strings.NewReader(`[null, {"id": 9}]`), "n.json", nil, nil).Read)
	if len(recs) != 1 || len(probs) != 1 || probs[0].Record != "item 1" {
		t.Errorf("null item: %v %v", apiIDs(recs), probs)
	}
}

func apiIsProblem(err error) bool {
	var p *Problem
	return errors.As(err, &p)
}

func TestParseAPIDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-07-25T00:00:00":       "2024-07-25",
		"2024-07-25T13:45:00":       "2024-07-25",
		"2024-07-25":                "2024-07-25",
		"2024-07-25T23:30:00+01:00": "2024-07-25",
		"2024-07-25T10:00:00.123":   "2024-07-25",
	} {
		got, err := parseAPIDate(in)
		if err != nil || !got.Equal(apiDay(want)) || got.Location() != time.UTC {
			t.Errorf("parseAPIDate(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := parseAPIDate("25/07/2024"); err == nil {
		t.Error("want an error for 25/07/2024")
	}
}

func FuzzAPIReader(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "api", "*.json*"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"results": [1, {"id": 2}], "totalResults": "x"}`))
	f.Add([]byte(`[[{"value": {}}]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rd := NewAPIReader(strings.NewReader(string(b)), "fuzz", nil, nil)
		// Every call consumes input or ends, so len(b)+2 calls always suffice.
		for i := 0; ; i++ {
			if i > len(b)+2 {
				t.Fatalf("Read does not terminate on %q", b)
			}
			rec, err := rd.Read()
			if err == nil {
				if rec == nil || !strings.HasPrefix(rec.ID, "api:") {
					t.Fatalf("bad record %+v", rec)
				}
				continue
			}
			if !apiIsProblem(err) {
				return
			}
		}
	})
}

// TestAPIReaderStreams reads a pretty-printed array of many items through
// a reader that hands out a few bytes at a time: the reader must not need
// the whole input, and must not keep per-line state for lines passed.
func TestAPIReaderStreams(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("[\n")
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(",\n")
		}
		b.WriteString("  {\n    \"value\": {\n      \"id\": " + strconv.Itoa(i) + ",\n      \"uin\": \"u\"\n    },\n    \"links\": []\n  }")
	}
	b.WriteString("\n]\n")
	lr := &slowReader{s: b.String()}
	rd := NewAPIReader(lr, "big.json", nil, nil)
	count := 0
	for {
		_, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		count++
		if count == n/2 && lr.off >= len(lr.s) {
			t.Fatal("the reader consumed the whole input before half the records")
		}
		if k := len(rd.lr.starts); k > 100 {
			t.Fatalf("after %d records, %d line starts held", count, k)
		}
	}
	if count != n {
		t.Errorf("read %d records, want %d", count, n)
	}
}

type slowReader struct {
	s   string
	off int
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.off >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 7)], r.s[r.off:])
	r.off += n
	return n, nil
}

func TestAPIReaderResultsNotArray(t *testing.T) {
	for _, in := range []string{`{"totalResults": 1, "results": {"value": {"id": 1}}}`, `{"results": null}`} {
		rd := NewAPIReader(strings.NewReader(in), "env.json", nil, nil)
		_, err := rd.Read()
		if err == nil || err == io.EOF || apiIsProblem(err) || !strings.Contains(err.Error(), "results") {
			t.Errorf("%s: got %v, want a fatal error naming results", in, err)
		}
		if _, err2 := rd.Read(); err2 != err {
			t.Errorf("%s: not sticky: %v", in, err2)
		}
	}
}
