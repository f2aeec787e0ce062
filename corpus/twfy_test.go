package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/internal/shared"
)

// readAllTWFY reads a TheyWorkForYou file to the end, returning records,
// problems and the fatal error, if any.
func readAllTWFY(t testing.TB, path string, sum *Summary) ([]*Record, []*Problem, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewTWFYReader(f, path, nil, sum)
	var recs []*Record
	var probs []*Problem
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, probs, nil
		}
		var p *Problem
		if errors.As(err, &p) {
			probs = append(probs, p)
			continue
		}
		if err != nil {
			return recs, probs, err
		}
		recs = append(recs, rec)
	}
}

func TestTWFYFixture(t *testing.T) {
	var sum Summary
	recs, probs, err := readAllTWFY(t, "testdata/twfy/answers2009-10-26b.xml", &sum)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	r := recs[0]
	want := &Record{
		ID:           "twfy:2009-10-26b.100.q0",
		Source:       SourceTheyWorkForYou,
		UIN:          "100",
		House:        Commons,
		DateAnswered: r.DateAnswered,
		Asker:        Member{Name: "Renée Asker"},
		Department:   "Department for Work and Pensions",
		DepartmentID: 29,
		Answerer:     Member{Name: "A Minister"},
		Heading:      "Pensions: Cafés",
		Question: "To ask the Secretary of State for Work and Pensions how much was spent on cafés – in (a) 2008 and (b) 2009." +
			"\n\nTo ask the Secretary of State for Work and Pensions\n(1) how many staff work in cafés;\n(2) what they cost.",
		Answer: "The figures are in the table & cost £5.\n\n" +
			" | Spend (£)\n2008 | 1,000\n2009 | 2,000\n\n" +
			"Line one\nline two.",
		DateHoldingAnswer: time.Date(2009, time.October, 22, 0, 0, 0, 0, time.UTC),
		GroupedUINs:       []string{"101", "102"},
		URL:               "http://example.org/q100",
	}
	if r.DateAnswered.Format(DateLayout) != "2009-10-26" {
		t.Errorf("DateAnswered %v", r.DateAnswered)
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("record\n got %#v\nwant %#v", r, want)
	}
	magic := recs[1]
	if magic.Department != "MAGIC" || magic.DepartmentID != 0 || sum.UnknownBodies["MAGIC"] != 1 || magic.Heading != "Brooms" {
		t.Errorf("unknown department: %q %v", magic.Department, sum.UnknownBodies)
	}
	if magic.Holding || magic.Answer != "Three." || magic.URL != "http://example.org/q300" {
		t.Errorf("%+v", magic)
	}
	if recs[2].ID != "twfy:2009-10-26b.500.q0" {
		t.Errorf("reading did not go on after the problem: %s", recs[2].ID)
	}
	if len(probs) != 1 || probs[0].Record != "reply uk.org.publicwhip/wrans/2009-10-26b.400.r0" || probs[0].Field != "ques" {
		t.Errorf("problems %v", probs)
	}
	wantSkipped := map[string]int{"twfy: question with no reply": 1, "twfy: reply with no question": 1}
	if !reflect.DeepEqual(sum.Skipped, wantSkipped) {
		t.Errorf("Skipped = %v, want %v", sum.Skipped, wantSkipped)
	}
}

func TestTWFYLordsFixture(t *testing.T) {
	recs, probs, err := readAllTWFY(t, "testdata/twfy/lordswrans2009-10-27a.xml", nil)
	if err != nil || len(probs) != 0 || len(recs) != 1 {
		t.Fatalf("%d records, %v, %v", len(recs), probs, err)
	}
	r := recs[0]
	if r.House != Lords || r.Department != "" || r.UIN != "HL5754" || r.ID != "twfy:2009-10-27a.115.1" ||
		r.DateAnswered.Format(DateLayout) != "2009-10-27" || r.Answerer.Name != "Baroness Answerer" {
		t.Errorf("%+v", r)
	}
}

// The House and the date come from the ids and speakers when the input has
// no file name (standard input).
func TestTWFYWithoutFileName(t *testing.T) {
	b, err := os.ReadFile("testdata/twfy/lordswrans2009-10-27a.xml")
	if err != nil {
		t.Fatal(err)
	}
	r := NewTWFYReader(bytes.NewReader(b), "-", nil, nil)
	rec, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if rec.House != Lords || rec.DateAnswered.Format(DateLayout) != "2009-10-27" {
		t.Errorf("House %q date %v", rec.House, rec.DateAnswered)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("want io.EOF, got %v", err)
	}
}

func TestTWFYMalformedIsFatal(t *testing.T) {
	_, _, err := readAllTWFY(t, "testdata/twfy/answers2009-10-28a.xml", nil)
	var p *Problem
	if err == nil || errors.As(err, &p) || !strings.Contains(err.Error(), "answers2009-10-28a.xml: XML syntax error on line 15") {
		t.Errorf("want a fatal error naming file and line, got %v", err)
	}
	r := NewTWFYReader(strings.NewReader(`<?xml version="1.0" encoding="KOI8-R"?><publicwhip/>`), "x.xml", nil, nil)
	if _, err := r.Read(); err == nil || err == io.EOF || !strings.Contains(err.Error(), "KOI8-R") {
		t.Errorf("unsupported charset: %v", err)
	}
	if _, err2 := r.Read(); err2 == nil || err2 == io.EOF {
		t.Errorf("a fatal error must stick, got %v", err2)
	}
}

func TestLatestTWFYVersions(t *testing.T) {
	in := []string{
		"d/answers2009-10-26a.xml", "d/answers2009-10-26f.xml", "d/answers2009-10-26c.xml",
		"d/answers2009-10-27a.xml", "e/answers2009-10-26b.xml",
		"l/lordswrans2009-10-26a.xml", "l/lordswrans2009-10-26b.xml",
		"d/changedates.txt", "x.jsonl",
	}
	keep, sup := LatestTWFYVersions(in)
	wantKeep := []string{"d/answers2009-10-26f.xml", "d/answers2009-10-27a.xml", "d/changedates.txt",
		"e/answers2009-10-26b.xml", "l/lordswrans2009-10-26b.xml", "x.jsonl"}
	wantSup := []string{"d/answers2009-10-26a.xml", "d/answers2009-10-26c.xml", "l/lordswrans2009-10-26a.xml"}
	if !reflect.DeepEqual(keep, wantKeep) || !reflect.DeepEqual(sup, wantSup) {
		t.Errorf("keep %v\nsup %v", keep, sup)
	}
	// Order of the input does not matter.
	rev := append([]string(nil), in...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	keep2, sup2 := LatestTWFYVersions(rev)
	if !reflect.DeepEqual(keep, keep2) || !reflect.DeepEqual(sup, sup2) {
		t.Error("result depends on input order")
	}
}

// The real TheyWorkForYou files: the last version of each day gives every
// reply once.
func TestTWFYRealFiles(t *testing.T) {
	dir := shared.Path(t, "data/twfy")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		t.Fatal(err)
	}
	keep, sup := LatestTWFYVersions(files)
	var names []string
	for _, k := range keep {
		names = append(names, filepath.Base(k))
	}
	t.Logf("kept %v; %d superseded", names, len(sup))
	if len(keep) != 8 || len(sup) != 9 {
		t.Fatalf("kept %d, superseded %d; want 8 and 9", len(keep), len(sup))
	}
	var sum Summary
	replies := map[House]int{}
	ques := map[House]int{}
	uins := map[House]int{}
	holding := 0
	depts := map[string]bool{}
	ids := map[string]bool{}
	for _, f := range keep {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, probs, err := readAllTWFY(t, f, &sum)
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: %v %v", f, err, probs)
		}
		h := Commons
		if strings.Contains(f, "lordswrans") {
			h = Lords
		}
		ques[h] += bytes.Count(raw, []byte("<ques "))
		for _, r := range recs {
			if r.House != h || r.Question == "" || r.Answer == "" || r.Answerer.Name == "" || r.DateAnswered.IsZero() || r.UIN == "" {
				t.Errorf("%s: incomplete record %+v", f, r)
			}
			if ids[r.ID] {
				t.Errorf("repeated ID %s", r.ID)
			}
			ids[r.ID] = true
			replies[h]++
			uins[h] += 1 + len(r.GroupedUINs)
			if r.Holding {
				t.Errorf("%s: flagged holding; TheyWorkForYou notes only earlier holding answers", r.ID)
			}
			if !r.DateHoldingAnswer.IsZero() {
				holding++
				if strings.Contains(r.Answer, "holding answer") {
					t.Errorf("%s: holding line left in answer: %.80q", r.ID, r.Answer)
				}
			}
			if h == Commons {
				depts[r.Department] = true
			} else if r.Department != "" {
				t.Errorf("Lords record %s given department %q", r.ID, r.Department)
			}
		}
	}
	t.Logf("Commons: %d replies to %d questions (%d UINs) in %d departments, %d after a holding answer; Lords: %d replies to %d questions",
		replies[Commons], ques[Commons], uins[Commons], len(depts), holding, replies[Lords], ques[Lords])
	if replies[Commons] != 1336 || ques[Commons] != 1340 || uins[Commons] != 1436 || len(depts) != 26 || replies[Lords] != 142 || ques[Lords] != 142 || holding != 100 {
		t.Errorf("counts differ from those measured when the reader was written (1336, 1340, 1436 UINs, 26, 142, 142, 100)")
	}
	if len(sum.Skipped) != 0 || len(sum.UnknownBodies) != 0 {
		t.Errorf("skipped %v, unknown bodies %v", sum.Skipped, sum.UnknownBodies)
	}
}

func FuzzTWFYReader(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/twfy/*.xml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<publicwhip><ques id="a/b"><p qnum="1">Q</p></ques><reply><table><tr><td>x</td></tr></table></reply></publicwhip>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewTWFYReader(bytes.NewReader(data), "answers2009-10-26a.xml", nil, &Summary{})
		for n := 0; ; n++ {
			if n > len(data)+2 {
				t.Fatalf("more results (%d) than input bytes: no progress", n)
			}
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var p *Problem
			if errors.As(err, &p) {
				continue
			}
			if err != nil {
				if _, err2 := r.Read(); err2 == nil {
					t.Fatalf("Read after fatal error %v succeeded", err)
				}
				return
			}
			if !strings.HasPrefix(rec.ID, "twfy:") || rec.Question == "" {
				t.Fatalf("bad record %+v", rec)
			}
		}
	})
}

func ExampleLatestTWFYVersions() {
	keep, superseded := LatestTWFYVersions([]string{
		"wrans/answers2009-10-26a.xml",
		"wrans/answers2009-10-26f.xml",
		"wrans/answers2009-10-27c.xml",
		"lordswrans/lordswrans2009-10-26a.xml",
		"wrans/changedates.txt",
	})
	fmt.Println(keep)
	fmt.Println(superseded)
	// Output:
	// [lordswrans/lordswrans2009-10-26a.xml wrans/answers2009-10-26f.xml wrans/answers2009-10-27c.xml wrans/changedates.txt]
	// [wrans/answers2009-10-26a.xml]
}

func ExampleNewTWFYReader() {
	xmlText := `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE publicwhip [
<!ENTITY pound  "&#163;" >
]>
<publicwhip scrapeversion="f" latest="yes">
<major-heading id="uk.org.publicwhip/wrans/2009-10-26f.1.mh">TREASURY</major-heading>
<minor-heading id="uk.org.publicwhip/wrans/2009-10-26f.1.h">Departmental Travel</minor-heading>
<ques id="uk.org.publicwhip/wrans/2009-10-26f.294961.q0" speakername="An Asker">
	<p qnum="294961">To ask the Chancellor of the Exchequer how much his Department spent on travel.</p>
</ques>
<reply id="uk.org.publicwhip/wrans/2009-10-26f.294961.r0" speakername="A Minister">
	<p class="holdinganswer">holding answer <phrase class="date" code="2009-10-22">22 October 2009</phrase></p>
	<p>It spent &pound;5.</p>
</reply>
</publicwhip>`
	r := NewTWFYReader(strings.NewReader(xmlText), "answers2009-10-26f.xml", nil, nil)
	rec, err := r.Read()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.ID, rec.UIN, rec.Department, rec.DateAnswered.Format(DateLayout))
	fmt.Println(rec.Heading, "/", rec.Answer, "/ holding:", rec.Holding, "/ after a holding answer of", rec.DateHoldingAnswer.Format(DateLayout))
	// Output:
	// twfy:2009-10-26f.294961.q0 294961 HM Treasury 2009-10-26
	// Departmental Travel / It spent £5. / holding: false / after a holding answer of 2009-10-22
}

// BenchmarkTWFYReader reads the largest real file (1.1 MB, 459 replies).
func BenchmarkTWFYReader(b *testing.B) {
	path := filepath.Join(shared.Path(b, "data/twfy"), "wrans", "answers2009-10-26f.xml")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	reg := DefaultRegistry()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewTWFYReader(bytes.NewReader(data), path, reg, nil)
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 459 {
			b.Fatalf("%d records", n)
		}
	}
}
