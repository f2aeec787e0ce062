package report

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"
)

// sampleResult runs the real pipeline on the embedded Hikvision sample.
func sampleResult(t testing.TB) *analysis.Result {
	t.Helper()
	recs, sum := sampleRecords(t)
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSampleEndToEnd reports on the embedded sample as `parlance report`
// does, and checks the report against the Result it was made from: the
// numbers shown are the numbers computed.
func TestSampleEndToEnd(t *testing.T) {
	res := sampleResult(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, res, Options{}); err != nil {
		t.Fatal(err)
	}
	text, _ := checkPage(t, path, 8)
	for _, want := range []string{
		"records read", corpus.SampleName, "Select Committee",
		"Analysis parameters", "parlance " + res.Version,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "did not record its parameters") {
		t.Error("the Methods section lost the Result's Config")
	}
	if len(res.Groups) == 0 {
		t.Fatal("the sample's round robin was not found")
	}
	gtext := sectionText(t, path, "groups")
	for _, m := range res.Groups[0].Members {
		if !strings.Contains(gtext, m.Body) || !strings.Contains(gtext, m.ID) {
			t.Errorf("group page lacks member %s (%s)", m.ID, m.Body)
		}
	}
	// The exported stance counts are the Result's, body by body.
	f, err := os.Open(filepath.Join(dir, "report_files", "stance_by_body.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != 5*len(res.Bodies) {
		t.Errorf("stance_by_body.csv has %d rows, want %d", len(rows)-1, 5*len(res.Bodies))
	}
	for _, r := range rows[1:] {
		for _, b := range res.Bodies {
			if b.Body != r[0] {
				continue
			}
			for s, p := range b.Stances {
				if string(s) == r[2] && strconv.Itoa(p.Count) != r[3] {
					t.Errorf("%s %s: exported %s, Result %d", r[0], r[2], r[3], p.Count)
				}
			}
		}
	}
}

func TestBrowserSample(t *testing.T) {
	res := sampleResult(t)
	// A long unbroken URL in an answer must wrap inside its card.
	if len(res.Groups) > 0 {
		for i := range res.Answers {
			if res.Answers[i].Record.ID == res.Groups[0].Members[0].ID {
				res.Answers[i].Record.Answer += " See https://www.gov.uk/government/publications/" + strings.Repeat("alongpathwithoutanybreaks", 12) + "report.pdf"
			}
		}
	}
	viewport, full := browse(t, res)
	writeScreenshot(t, viewport, full)
}
