package report_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/report"
)

// tiny is a two-answer Result, as analysis.Run would return it.
func tiny() *analysis.Result {
	d := time.Date(2023, 7, 18, 0, 0, 0, 0, time.UTC)
	dft := &corpus.Record{ID: "pp:1", Source: corpus.SourceParallelParliament, Department: "Department for Transport", DateAnswered: d,
		Answer: "There is no recorded spending with either company in the last three years."}
	dhsc := &corpus.Record{ID: "pp:2", Source: corpus.SourceParallelParliament, Department: "Department of Health and Social Care", DateAnswered: d,
		Answer: "Specific details regarding security systems are withheld on national security grounds."}
	one := func(s classify.Stance, g classify.Ground) analysis.BodyStats {
		b := analysis.BodyStats{Answers: 1, Stances: map[classify.Stance]stats.Proportion{}, Grounds: map[classify.Ground]stats.Proportion{}}
		for _, st := range classify.Stances {
			b.Stances[st] = stats.Proportion{Total: 1, High: 0.7935}
		}
		b.Stances[s] = stats.Proportion{Count: 1, Total: 1, Share: 1, Low: 0.20655, High: 1}
		if g != "" {
			b.Grounds[g] = stats.Proportion{Count: 1, Total: 1, Share: 1, Low: 0.20655, High: 1}
		}
		return b
	}
	transport, health := one(classify.Disclosed, ""), one(classify.Declined, classify.NationalSecurity)
	transport.Body, health.Body = dft.Department, dhsc.Department
	return &analysis.Result{
		Summary: &corpus.Summary{Read: map[corpus.Source]int{corpus.SourceParallelParliament: 2}, Files: []string{"hikvision-2023-07.txt"}},
		Answers: []analysis.Answer{
			{Record: dft, Verdict: classify.Verdict{Stance: classify.Disclosed, Confidence: 0.95}},
			{Record: dhsc, Verdict: classify.Verdict{Stance: classify.Declined, Grounds: []classify.Ground{classify.NationalSecurity}, Confidence: 0.93}},
		},
		Bodies: []analysis.BodyStats{health, transport},
	}
}

// Write produces the main page and, beside it, a directory of group pages
// and exports.
func ExampleWrite() {
	dir, err := os.MkdirTemp("", "parlance-report")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "report.html")
	if err := report.Write(path, tiny(), report.Options{Title: "Hikvision round robin"}); err != nil {
		log.Fatal(err)
	}
	files, _ := os.ReadDir(filepath.Join(dir, report.FilesDir(path)))
	for _, f := range files[:6] {
		fmt.Println(f.Name())
	}
	// Output:
	// answers.csv
	// answers.json
	// campaigns.csv
	// campaigns.json
	// families.csv
	// families.json
}

// Render writes the main page alone; its findings are computed from the
// Result, never written by hand.
func ExampleRender() {
	var buf bytes.Buffer
	if err := report.Render(&buf, tiny(), report.Options{}, "report_files"); err != nil {
		log.Fatal(err)
	}
	findings := regexp.MustCompile(`<p class="finding">([^<]*)</p>`).FindAllSubmatch(buf.Bytes(), -1)
	fmt.Printf("%s\n", findings[0][1])
	fmt.Printf("%s\n", findings[2][1])
	// Output:
	// Of 2 classified answers, 1 disclosed (50%) and 1 declined (50%); among bodies, the largest share declined was at Department of Health and Social Care (1 of 1, 100%; 95% CI 20.7–100.0%) and the smallest at Department for Transport (0 of 1, 0%; 95% CI 0.0–79.3%).
	// The most cited ground was national security, in 1 answer (100% of the 1 that were partial or declined); Department of Health and Social Care cited it in 100% of its answers (1 of 1; 95% CI 20.7–100.0%).
}
