package corpus

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readFullTextFixture(t *testing.T, reg *Registry, sum *Summary) ([]*Record, []*Problem) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "api", "fulltext.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return apiDrain(t, NewFullTextReader(f, "fulltext.jsonl", reg, sum).Read)
}

func TestFullTextReader(t *testing.T) {
	var sum Summary
	recs, probs := readFullTextFixture(t, &Registry{}, &sum)
	if got, want := apiIDs(recs), []string{"api:1723596", "api:1723397", "api:1760001"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
	var where []string
	for _, p := range probs {
		if p.File != "fulltext.jsonl" {
			t.Errorf("problem file %q", p.File)
		}
		where = append(where, p.Record+"/"+p.Field)
	}
	if want := []string{"line 4/id", "line 5/"}; !reflect.DeepEqual(where, want) {
		t.Errorf("problems at %v, want %v (%v)", where, want, probs)
	}

	r := recs[0]
	if r.Source != SourceAPI || r.Truncated || !strings.HasSuffix(r.Question, "by type of accommodation.") {
		t.Errorf("first: %+v", r)
	}
	if want := "This Government is committed to setting new minimum standards for military housing.\n\nDefence Housing Strategy\nArmed Forces Commissioner"; r.Answer != want {
		t.Errorf("answer %q, want %q", r.Answer, want)
	}
	if !strings.HasPrefix(r.AnswerHTML, "<p>This Government") {
		t.Errorf("AnswerHTML %q", r.AnswerHTML)
	}
	if recs[1].Answer != "" || recs[1].AnswerHTML != "" || recs[1].Answered() {
		t.Errorf("null answerText: %+v", recs[1])
	}
	if want := "Year | £m\n2023 | 1,200"; recs[2].Answer != want {
		t.Errorf("table answer %q, want %q", recs[2].Answer, want)
	}
	for _, r := range recs {
		if r.Department != "" {
			t.Errorf("%s: empty registry gave department %q", r.ID, r.Department)
		}
	}
	wantNoBody := map[string]int{
		"addressee not in the registry: To ask the Secretary of State for Defence": 2,
		"addressee not in the registry: To ask the Chancellor of the Exchequer":    1,
	}
	if !reflect.DeepEqual(sum.NoBody, wantNoBody) || len(sum.UnknownBodies) != 0 {
		t.Errorf("no body %v, want %v (unknown bodies kept as given: %v)", sum.NoBody, wantNoBody, sum.UnknownBodies)
	}
}

func TestFullTextReaderDepartment(t *testing.T) {
	var sum Summary
	recs, _ := readFullTextFixture(t, nil, &sum)
	if recs[0].Department != "Ministry of Defence" || recs[2].Department != "HM Treasury" {
		t.Errorf("departments %q, %q", recs[0].Department, recs[2].Department)
	}
	if len(sum.UnknownBodies) != 0 {
		t.Errorf("unknown bodies %v", sum.UnknownBodies)
	}
}

func TestFullTextReaderEnds(t *testing.T) {
	// No final newline, a byte-order mark, CRLF line ends.
	in := "\xef\xbb\xbf{\"id\": 1, \"questionText\": \"q\", \"answerText\": \"<p>a</p>\"}\r\n{\"id\": 2, \"questionText\": \"q2\", \"answerText\": null}"
	recs, probs := apiDrain(t, NewFullTextReader(strings.NewReader(in), "x", &Registry{}, nil).Read)
	if len(probs) > 0 || !reflect.DeepEqual(apiIDs(recs), []string{"api:1", "api:2"}) || recs[0].Answer != "a" {
		t.Errorf("got %v %v", apiIDs(recs), probs)
	}
	// A read error is fatal and sticky.
	bad := errors.New("disk on fire")
	rd := NewFullTextReader(io.MultiReader(strings.NewReader("{\"id\": 1}\n"), errReader{bad}), "y", nil, nil)
	if _, err := rd.Read(); err != nil {
		t.Fatal(err)
	}
	_, err := rd.Read()
	if !errors.Is(err, bad) || apiIsProblem(err) {
		t.Fatalf("want the read error, got %v", err)
	}
	if _, err2 := rd.Read(); err2 != err {
		t.Errorf("not sticky: %v", err2)
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func TestHydrateFullText(t *testing.T) {
	list, _ := readAPIFixture(t, "list_array.json", &Registry{}, nil)
	full, _ := readFullTextFixture(t, &Registry{}, nil)

	l := list[0]
	dept := l.Department
	if !l.Truncated {
		t.Fatal("fixture list record should be truncated")
	}
	if !Hydrate(l, full[0]) {
		t.Fatal("Hydrate changed nothing")
	}
	if l.Truncated || l.Question != full[0].Question || l.Answer != full[0].Answer || l.AnswerHTML != full[0].AnswerHTML || l.Department != dept {
		t.Errorf("after Hydrate: %+v", l)
	}
	if Hydrate(l, full[0]) {
		t.Error("second Hydrate reported a change")
	}

	// Full answer null, list answer present: keep the list answer.
	l = list[1]
	before := *l
	if Hydrate(l, full[1]) {
		t.Errorf("nothing to change, but Hydrate reported a change: %+v", l)
	}
	if l.Answer != before.Answer || l.Question != before.Question {
		t.Errorf("list answer lost: %+v", l)
	}

	// A clipped list record whose full text lacks the answer stays truncated.
	clipped := &Record{ID: "api:5", Question: "short", Answer: strings.Repeat("x", 255) + "...", Truncated: true}
	if !Hydrate(clipped, &Record{ID: "api:5", Question: "short but full"}) {
		t.Error("question not copied")
	}
	if !clipped.Truncated || clipped.Answer != strings.Repeat("x", 255)+"..." {
		t.Errorf("clipped answer: %+v", clipped)
	}

	// An answer missing from an early list snapshot is filled in.
	early := &Record{ID: "api:6", Question: strings.Repeat("q", 255), Truncated: true}
	if !Hydrate(early, &Record{ID: "api:6", Question: strings.Repeat("q", 300), Answer: "Yes.", AnswerHTML: "<p>Yes.</p>"}) {
		t.Error("no change")
	}
	if early.Truncated || early.Answer != "Yes." {
		t.Errorf("early snapshot: %+v", early)
	}

	// A question transferred after the list snapshot: the answering
	// department follows the newer text; an answered list record keeps its own.
	moved := &Record{ID: "api:8", Department: "Prime Minister", DepartmentID: 1}
	if !Hydrate(moved, &Record{ID: "api:8", Question: "To ask the Chancellor of the Exchequer, x", Answer: "Yes.", Department: "HM Treasury", DepartmentID: 14}) {
		t.Error("no change")
	}
	if moved.Department != "HM Treasury" || moved.DepartmentID != 14 {
		t.Errorf("transferred: %+v", moved)
	}
	kept := &Record{ID: "api:9", Department: "Cabinet Office", DepartmentID: 53, Answer: "No."}
	Hydrate(kept, &Record{ID: "api:9", Answer: "No.", Department: "HM Treasury", DepartmentID: 14})
	if kept.Department != "Cabinet Office" || kept.DepartmentID != 53 {
		t.Errorf("answered list record lost its department: %+v", kept)
	}

	// Different IDs and nils are left alone.
	if Hydrate(list[2], full[0]) || Hydrate(nil, full[0]) || Hydrate(list[2], nil) {
		t.Error("Hydrate changed a record with another ID")
	}
}

func FuzzFullTextReader(f *testing.F) {
	for _, name := range []string{"fulltext.jsonl", "items.jsonl"} {
		b, err := os.ReadFile(filepath.Join("testdata", "api", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("{\"id\": 1e3}\n{\"id\": -1}\n[1]\nnull\n{\"id\": 2} {\"id\": 3}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rd := NewFullTextReader(strings.NewReader(string(b)), "fuzz", nil, nil)
		lines := strings.Count(string(b), "\n") + 1
		for i := 0; ; i++ {
			if i > lines+1 {
				t.Fatalf("Read does not terminate on %q", b)
			}
			rec, err := rd.Read()
			if err == io.EOF {
				return
			}
			if err == nil && (rec == nil || !strings.HasPrefix(rec.ID, "api:")) {
				t.Fatalf("bad record %+v", rec)
			}
			if err != nil && !apiIsProblem(err) {
				t.Fatalf("unexpected fatal error on in-memory input: %v", err)
			}
		}
	})
}

func TestAddresseeWords(t *testing.T) {
	for in, want := range map[string]string{
		"To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what assessment he has made": "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs",
		"To ask the Chancellor of the Exchequer, what estimate she has made":                                           "To ask the Chancellor of the Exchequer",
		"To ask the Right hon. Member for Kenilworth and Southam, representing the Speaker's Committee":                "To ask the Right hon. Member for Kenilworth and Southam",
		"one two three four five six seven eight nine ten eleven twelve thirteen":                                      "one two three four five six seven eight nine ten eleven twelve",
		"": "",
	} {
		if got := addresseeWords(in); got != want {
			t.Errorf("addresseeWords(%q) = %q, want %q", in, got, want)
		}
	}
}
