package report

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// synthetic builds a deterministic Result of n answers from 31 bodies over
// three years: about 60% in round-robin groups of 4 to 9 bodies, 400 stock
// sentences, grounds and overrides — the shape of the real API corpus at
// twice its answered size.
func synthetic(n int) *analysis.Result {
	rng := rand.New(rand.NewSource(1))
	bodies := make([]string, 31)
	for i := range bodies {
		bodies[i] = fmt.Sprintf("Department for Synthetic Affairs %02d", i+1)
	}
	stock := make([]string, 400)
	for i := range stock {
		stock[i] = fmt.Sprintf("Stock sentence number %d on the subject of departmental policy, which is kept under review.", i+1)
	}
	start := date(2022, 1, 1)
	res := &analysis.Result{Summary: &corpus.Summary{
		Read:      map[corpus.Source]int{corpus.SourceAPI: n},
		Files:     []string{"list/2022-01.json.gz"},
		Truncated: n / 50,
	}}
	stances := classify.Stances
	for i := 0; i < n; i++ {
		body := bodies[rng.Intn(len(bodies))]
		st := stances[rng.Intn(len(stances))]
		var grounds []classify.Ground
		if st == classify.Partial || st == classify.Declined {
			grounds = []classify.Ground{classify.Grounds[rng.Intn(len(classify.Grounds))]}
		}
		f := rng.Intn(len(stock))
		ans := "The Department answered the question as follows. " + stock[f] + " Further details are given in the annual report, which is published each year."
		at := strings.Index(ans, stock[f])
		d := start.AddDate(0, 0, rng.Intn(3*365))
		r := &corpus.Record{ID: fmt.Sprintf("api:%07d", i+1), Source: corpus.SourceAPI, UIN: fmt.Sprint(100000 + i),
			DateTabled: d.AddDate(0, 0, -7), DateAnswered: d, Department: body, Heading: "Synthetic: Heading",
			Asker: corpus.Member{ID: 1000 + rng.Intn(600), Name: "Member"}, Question: "To ask the Secretary of State whether the Department holds data.",
			Answer: ans, URL: fmt.Sprintf("https://questions-statements.parliament.uk/written-questions/detail/%s/%d", day(d), 100000+i)}
		res.Answers = append(res.Answers, analysis.Answer{Record: r,
			Verdict:          classify.Verdict{Stance: st, Grounds: grounds, Confidence: 0.5 + rng.Float64()/2, Overridden: rng.Intn(500) == 0},
			Boilerplate:      []boilerplate.Span{{Start: at, End: at + len(stock[f]), Family: f + 1}},
			BoilerplateShare: float64(len(stock[f])) / float64(len(ans))})
	}
	// Groups: consecutive runs of answers from distinct bodies.
	for i := 0; i < n*6/10; {
		size := 4 + rng.Intn(6)
		g := roundrobin.Group{ID: fmt.Sprintf("rr-%05d", len(res.Groups)+1), Asker: "Member", Canonical: "whether the Department holds data on synthetic matters",
			First: res.Answers[i].Record.DateTabled, Last: res.Answers[i].Record.DateTabled}
		seen := map[string]bool{}
		for j := i; j < min(i+size, n); j++ {
			r := res.Answers[j].Record
			if seen[r.Department] {
				continue
			}
			seen[r.Department] = true
			g.Members = append(g.Members, roundrobin.Member{Index: j, ID: r.ID, Body: r.Department, Similarity: 1, Source: "exact"})
			res.Answers[j].Group = g.ID
		}
		res.Groups = append(res.Groups, g)
		i += size
	}
	for f, s := range stock {
		fam := boilerplate.Family{ID: f + 1, Canonical: s, Variants: []boilerplate.Variant{{Text: s}}}
		use := map[string]int{}
		for i := range res.Answers {
			a := &res.Answers[i]
			if a.Boilerplate[0].Family == f+1 {
				fam.Answers++
				use[a.Record.Department]++
				if fam.First.IsZero() || a.Record.DateAnswered.Before(fam.First) {
					fam.First = a.Record.DateAnswered
				}
				if a.Record.DateAnswered.After(fam.Last) {
					fam.Last = a.Record.DateAnswered
				}
			}
		}
		for _, b := range sortedKeys(use) {
			fam.Bodies = append(fam.Bodies, boilerplate.BodyUse{Body: b, Answers: use[b]})
		}
		fam.Variants[0].Count = fam.Answers
		res.Families = append(res.Families, fam)
	}
	res.Independence = stats.Independence{Method: "Pearson chi-square", Statistic: 112.4, DF: 120, P: 0.68}
	return res
}

// fakeECharts writes a stand-in for echarts.min.js of the real build's size
// (ECharts 5.6: about 1.03 MB) so that size tests count the inlined library.
func fakeECharts(t testing.TB) string {
	p := filepath.Join(t.TempDir(), "echarts.min.js")
	b := append([]byte(`var echarts={k:"series.heatmap"};//`), bytes.Repeat([]byte("x"), 1034102)...)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScale50000(t *testing.T) {
	res := synthetic(50000)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	t0 := time.Now()
	if err := Write(path, res, Options{InlineECharts: fakeECharts(t)}); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote 50,000 answers in %v", time.Since(t0))
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("page: %d bytes with ECharts inlined and %d round-robin groups", fi.Size(), len(res.Groups))
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Every group is a section of the page, on collapsed pages.
	if n := bytes.Count(page, []byte(`<section class="group" id="g`)); n != len(res.Groups) {
		t.Errorf("%d group sections, want %d", n, len(res.Groups))
	}
	if want := (len(res.Groups) + groupsPerPage - 1) / groupsPerPage; bytes.Count(page, []byte(`<details class="gpage"`)) != want {
		t.Errorf("want %d collapsed group pages", want)
	}
	// Without the groups (whose number depends on the corpus, not its size:
	// this synthetic corpus puts 27,283 of 50,000 answers into a group, the real
	// API data one in 67) the page stays well under 10 MB.
	i, j := bytes.Index(page, []byte(`<section id="groups">`)), bytes.Index(page, []byte(`<section id="exports">`))
	if i < 0 || j < i {
		t.Fatal("no groups section")
	}
	if rest := len(page) - (j - i); rest >= 10<<20 {
		t.Errorf("page without its groups is %d bytes, want < 10 MB", rest)
	}
	// Every answer is exported.
	b, err := os.ReadFile(filepath.Join(dir, "report_files", "answers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if rows := bytes.Count(b, []byte("\n")) - 1; rows != len(res.Answers) {
		t.Errorf("answers.csv has %d rows, want %d", rows, len(res.Answers))
	}
	// Group pages an earlier version wrote beside the report are removed.
	stale := filepath.Join(dir, "report_files", "groups-0001.html")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, hikvision(), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale group page left beside the report: %v", err)
	}
}

// TestDeterministic writes the same Results twice and compares every file
// byte for byte: map iteration order, chart IDs or floating-point
// formatting must not leak into the output.
func TestDeterministic(t *testing.T) {
	for name, res := range map[string]*analysis.Result{"hikvision": hikvision(), "hostile": hostile(), "synthetic": synthetic(3000)} {
		a, b := t.TempDir(), t.TempDir()
		for _, d := range []string{a, b} {
			if err := Write(filepath.Join(d, "r.html"), res, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(a, p)
			x, _ := os.ReadFile(p)
			y, err := os.ReadFile(filepath.Join(b, rel))
			if err != nil || !bytes.Equal(x, y) {
				t.Errorf("%s: %s differs between two runs", name, rel)
			}
			n++
			return nil
		})
		if n < 1+2*len(exportFiles()) {
			t.Errorf("%s: only %d files written", name, n)
		}
	}
}

func BenchmarkWrite50000(b *testing.B) {
	res := synthetic(50000)
	lib := fakeECharts(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(filepath.Join(dir, "report.html"), res, Options{InlineECharts: lib}); err != nil {
			b.Fatal(err)
		}
	}
}
