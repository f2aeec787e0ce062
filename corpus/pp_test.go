package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/internal/shared"
)

// readAllPP reads every record and problem from a Parallel Parliament text.
func readAllPP(t testing.TB, data []byte, name string, sum *Summary) ([]*Record, []*Problem) {
	t.Helper()
	r := NewPPReader(bytes.NewReader(data), name, nil, sum)
	var recs []*Record
	var probs []*Problem
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, probs
		}
		var p *Problem
		if errors.As(err, &p) {
			probs = append(probs, p)
			continue
		}
		if err != nil {
			t.Fatalf("%s: fatal error: %v", name, err)
		}
		recs = append(recs, rec)
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPPHikvisionPage(t *testing.T) {
	data := mustRead(t, filepath.Join("sample", "hikvision-2023-07.txt"))
	var sum Summary
	recs, probs := readAllPP(t, data, "hikvision-2023-07.txt", &sum)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(recs) != 9 {
		t.Fatalf("got %d written questions, want 9", len(recs))
	}
	if sum.Skipped["pp: Select Committee item"] != 1 || sum.Skipped["pp: page chrome"] != 1 || len(sum.Skipped) != 2 {
		t.Errorf("Skipped = %v, want one Select Committee item and one page chrome", sum.Skipped)
	}
	if len(sum.UnknownBodies) != 0 {
		t.Errorf("UnknownBodies = %v", sum.UnknownBodies)
	}
	wantDept := []string{
		"Ministry of Housing, Communities and Local Government", // "Levelling Up, Housing & Communities" on the page
		"Department of Health and Social Care",
		"HM Treasury",
		"Department for Transport",
		"Department for Work and Pensions",
		"Cabinet Office", "Cabinet Office", "Cabinet Office", "Cabinet Office",
	}
	wantHouse := []House{Commons, Commons, Commons, Commons, Commons, Lords, Lords, Lords, Commons}
	wantDate := []string{"2023-07-18", "2023-07-18", "2023-07-18", "2023-07-18", "2023-07-17", "2023-07-17", "2023-07-17", "2023-07-17", "2023-07-06"}
	ids := map[string]bool{}
	for i, r := range recs {
		if r.Department != wantDept[i] {
			t.Errorf("record %d: Department %q, want %q", i, r.Department, wantDept[i])
		}
		if r.House != wantHouse[i] {
			t.Errorf("record %d: House %q, want %q", i, r.House, wantHouse[i])
		}
		// The page's one date is the answer date; the tabling date is not
		// shown, so it stays unknown.
		if got := r.DateAnswered.Format(DateLayout); got != wantDate[i] || !r.DateTabled.IsZero() {
			t.Errorf("record %d: dates %v / %v, want %s", i, r.DateTabled, r.DateAnswered, wantDate[i])
		}
		if r.Truncated || r.Source != SourceParallelParliament || r.Answer == "" || !strings.HasPrefix(r.Question, "To ask") {
			t.Errorf("record %d: %+v", i, r)
		}
		if r.ID != PPRecordID(r.Department, r.DateAnswered, r.Question) || ids[r.ID] {
			t.Errorf("record %d: ID %q wrong or repeated", i, r.ID)
		}
		ids[r.ID] = true
		if strings.Contains(r.Question, "\u00a0") || strings.Contains(r.Answer, "\u00a0") {
			t.Errorf("record %d: no-break space left in text", i)
		}
	}
	r0 := recs[0]
	if r0.Asker != (Member{Name: "Tanmanjeet Singh Dhesi", Party: "Labour", Constituency: "Slough"}) {
		t.Errorf("asker %+v", r0.Asker)
	}
	if r0.Answerer.Name != "Dehenna Davison" || r0.Heading != "Department for Levelling Up, Housing and Communities: Dahua Technology and Hikvision" {
		t.Errorf("answerer %q heading %q", r0.Answerer.Name, r0.Heading)
	}
	if !strings.Contains(r0.Answer, "grounds.\n\nHowever, I refer") {
		t.Errorf("answer paragraphs not separated by a blank line: %q", r0.Answer)
	}
	if recs[2].Answerer.Name != "John Glen" {
		t.Errorf("role not split from answerer: %q", recs[2].Answerer.Name)
	}
	if recs[5].Asker != (Member{Name: "Lord Alton of Liverpool", Party: "Crossbench", Constituency: "Life peer"}) {
		t.Errorf("Lords asker %+v", recs[5].Asker)
	}
	// The DfT answer, the codebook's disclosed example, kept whole.
	if recs[3].Answer != "There is no recorded spending with either company in the last three years." {
		t.Errorf("DfT answer %q", recs[3].Answer)
	}
}

// The shared copy of the page must read the same as the project's sample.
func TestPPRealFiles(t *testing.T) {
	dir := shared.Path(t, "data/parallelparliament")
	var sum Summary
	recs, probs := readAllPP(t, mustRead(t, filepath.Join(dir, "hikvision-2023-07.txt")), "hikvision-2023-07.txt", &sum)
	if len(recs) != 9 || len(probs) != 0 || sum.Skipped["pp: Select Committee item"] != 1 {
		t.Errorf("shared page: %d records, %d problems, skipped %v", len(recs), len(probs), sum.Skipped)
	}

	sum = Summary{}
	recs, probs = readAllPP(t, mustRead(t, filepath.Join(dir, "hikvision-excerpts.txt")), "hikvision-excerpts.txt", &sum)
	t.Logf("excerpts: %d records, %d problems, skipped %v", len(recs), len(probs), sum.Skipped)
	type want struct {
		dept      string
		date      string
		truncated bool
		url       string
	}
	wants := []want{
		{"Department for Environment, Food and Rural Affairs", "2023-07-21", false, "page=3"},
		{"Home Office", "2023-07-19", true, "page=3"},
		{"Ministry of Housing, Communities and Local Government", "2023-07-18", false, "page=5"},
		{"Department of Health and Social Care", "2023-07-18", false, "page=5"},
		// The Treasury record, cut short inside "Asked by", is skipped and counted.
		{"Cabinet Office", "2024-04-09", true, "writtenanswers/search?search_term=Hikvision+China"},
		{"Department for Business, Energy and Industrial Strategy", "2022-06-09", false, "iain-duncan-smith"},
		{"Department for Business, Energy and Industrial Strategy", "2022-05-23", true, "iain-duncan-smith"},
		{"Cabinet Office", "2023-07-24", true, "Procurement&order_field"},
		{"Department of Health and Social Care", "2023-07-26", true, "page=4&search_term"},
	}
	if len(recs) != len(wants) {
		t.Fatalf("got %d records, want %d", len(recs), len(wants))
	}
	for i, w := range wants {
		r := recs[i]
		if r.Department != w.dept || r.DateAnswered.Format(DateLayout) != w.date || r.Truncated != w.truncated || !strings.Contains(r.URL, w.url) {
			t.Errorf("record %d: %q %s truncated=%v %s; want %+v", i, r.Department, r.DateAnswered.Format(DateLayout), r.Truncated, r.URL, w)
		}
		if strings.Contains(r.Question+r.Answer, ppTruncated) {
			t.Errorf("record %d keeps the truncation mark", i)
		}
	}
	if recs[6].Answer != "" || !strings.HasSuffix(recs[6].Question, "in use in his Dep") {
		t.Errorf("question cut short: %q / %q", recs[6].Question, recs[6].Answer)
	}
	if len(probs) != 0 || sum.Skipped["pp: record cut short before its question"] != 1 {
		t.Errorf("problems = %v, skipped %v; want the Treasury record, cut short before its question, skipped and counted", probs, sum.Skipped)
	}
}

func TestPPEdgeCases(t *testing.T) {
	var sum Summary
	recs, probs := readAllPP(t, mustRead(t, "testdata/pp/edge.txt"), "edge.txt", &sum)
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	magic := recs[0]
	if magic.Department != "Ministry of Magic" || magic.DepartmentID != 0 || sum.UnknownBodies["Ministry of Magic"] != 1 {
		t.Errorf("unknown body: %q, %v", magic.Department, sum.UnknownBodies)
	}
	if magic.Question != "To ask the Secretary of State for Magic, how many brooms were bought.\n\nThe second paragraph of the question." {
		t.Errorf("multi-paragraph question %q", magic.Question)
	}
	// Two blank lines inside an answer do not end it when no item starts.
	if magic.Answer != "Three.\n\nTable follows\n\nBrooms 3" {
		t.Errorf("answer %q", magic.Answer)
	}
	if magic.Asker.Party != "Green Party" || magic.Asker.Constituency != "Bristol Central" || magic.URL != "https://example.org/page1" {
		t.Errorf("asker/url %+v %s", magic.Asker, magic.URL)
	}
	if sum.Skipped["pp: Westminster Hall item"] != 1 || sum.Skipped["pp: page chrome"] != 1 {
		t.Errorf("skipped %v", sum.Skipped)
	}
	if len(probs) != 2 || probs[0].Field != "question" || probs[0].Record != "item 3 (line 28)" ||
		probs[1].Field != "date" || probs[1].Record != "item 4 (line 41)" || probs[0].File != "edge.txt" {
		t.Errorf("problems %v", probs)
	}
	school := recs[1]
	if !school.Truncated || school.Answer != "" || school.Question != "To ask the Secretary of State for Education, how many school buildings have" || school.URL != "https://example.org/page2" {
		t.Errorf("truncated record %+v", school)
	}
	tax := recs[2]
	if !tax.Truncated || tax.Department != "HM Treasury" || tax.URL != "https://example.org/page3" {
		t.Errorf("record without answer at end of input must be Truncated: %+v", tax)
	}
	want := time.Date(2024, 6, 8, 0, 0, 0, 0, time.UTC)
	if !tax.DateAnswered.Equal(want) {
		t.Errorf("date %v", tax.DateAnswered)
	}
}

func TestPPUnknownItemKind(t *testing.T) {
	var sum Summary
	recs, probs := readAllPP(t, mustRead(t, "testdata/pp/kinds.txt"), "kinds.txt", &sum)
	if len(recs) != 2 || len(probs) != 0 {
		t.Fatalf("%d records, %v", len(recs), probs)
	}
	if recs[0].Answer != "Ten." || recs[1].Answer != "None." {
		t.Errorf("answers %q %q", recs[0].Answer, recs[1].Answer)
	}
	if sum.Skipped["pp: Mystery Listing Kind item"] != 1 || sum.Skipped["pp: page chrome"] != 0 {
		t.Errorf("skipped %v", sum.Skipped)
	}
	if recs[0].Asker.Constituency != "Somewhere-on-Sea" {
		t.Errorf("asker %+v", recs[0].Asker)
	}
}

func TestPPMinimal(t *testing.T) {
	recs, probs := readAllPP(t, mustRead(t, "testdata/pp/minimal.txt"), "minimal.txt", nil)
	if len(recs) != 1 || len(probs) != 0 {
		t.Fatalf("%d records, %v", len(recs), probs)
	}
	r := recs[0]
	if r.Department != "Ministry of Defence" || r.DepartmentID != 11 || r.Answer != "Ten." || r.Asker.Name != "A Member" || r.House != Commons {
		t.Errorf("%+v", r)
	}
}

func TestPPRecordIDDefinition(t *testing.T) {
	d := time.Date(2023, 7, 18, 0, 0, 0, 0, time.UTC)
	a := PPRecordID("Department for Transport", d, "To ask")
	if len(a) != len("pp:")+16 || a == PPRecordID("Department for Transport", d.AddDate(0, 0, 1), "To ask") ||
		a == PPRecordID("HM Treasury", d, "To ask") || a == PPRecordID("Department for Transport", d, "To ask.") {
		t.Errorf("PPRecordID not sensitive to its inputs: %s", a)
	}
	// The separator keeps field boundaries: ("ab", "c") differs from ("a", "bc").
	if PPRecordID("ab", d, "c") == PPRecordID("a", d, "bc") {
		t.Error("fields not separated")
	}
}

func FuzzPPReader(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/pp/*.txt")
	seeds = append(seeds, filepath.Join("sample", "hikvision-2023-07.txt"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Written Question\n"))
	f.Add([]byte("=== URL: x\nWritten Question\n[TRUNCATED]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewPPReader(bytes.NewReader(data), "fuzz", nil, &Summary{})
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
				return
			}
			if rec.ID == "" || rec.Question == "" {
				t.Fatalf("record without ID or question: %+v", rec)
			}
		}
	})
}

func ExampleNewPPReader() {
	page := `=== URL: https://www.parallelparliament.co.uk/search?search_term=Hikvision
Written Question
Department for Transport: Dahua Technology and Hikvision
Tuesday 18th July 2023

Asked by: Tanmanjeet Singh Dhesi (Labour - Slough)

Question to the Department for Transport:

To ask the Secretary of State for Transport, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years.

Answered by Jesse Norman

There is no recorded spending with either company in the last three years.


Select Committee
Oral Evidence Jul. 05 2023
`
	var sum Summary
	r := NewPPReader(strings.NewReader(page), "page.txt", nil, &sum)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rec.ID, rec.Department, rec.House, rec.DateAnswered.Format(DateLayout))
		fmt.Println(rec.Asker.Name, "/", rec.Answerer.Name, "/", rec.Answer)
	}
	fmt.Println(sum.Skipped)
	// Output:
	// pp:6faedc0031269eb8 Department for Transport Commons 2023-07-18
	// Tanmanjeet Singh Dhesi / Jesse Norman / There is no recorded spending with either company in the last three years.
	// map[pp: Select Committee item:1]
}

func BenchmarkPPReader(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("sample", "hikvision-2023-07.txt"))
	if err != nil {
		b.Fatal(err)
	}
	reg := DefaultRegistry()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewPPReader(bytes.NewReader(data), "hikvision-2023-07.txt", reg, nil)
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}
