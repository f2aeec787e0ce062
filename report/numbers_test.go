package report

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
)

// writeReport writes res to a temporary directory and returns the page and
// the directory.
func writeReport(t *testing.T, res *analysis.Result, opt Options) (page string, dir string) {
	t.Helper()
	dir = t.TempDir()
	if err := Write(filepath.Join(dir, "r.html"), res, opt); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), dir
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func sampleRecords(t testing.TB) ([]corpus.Record, *corpus.Summary) {
	t.Helper()
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return recs, sum
}

// zeroWidth finds "0 of n … 0.0–0.0%": the interval the old report gave a
// ground no answer cites.
var zeroWidth = regexp.MustCompile(`0\.0–0\.0%`)

// A ground no answer cites is 0 of n with an interval above zero in the
// table, the tooltip, grounds_by_body.csv and .json: the old report printed
// "0 of 181 (95% CI 0.0–0.0%)".
func TestZeroCountsHaveIntervalsEverywhere(t *testing.T) {
	page, dir := writeReport(t, sampleResult(t), Options{})
	if zeroWidth.MatchString(page) {
		t.Errorf("the page has a zero-width interval: %q", zeroWidth.FindString(page))
	}
	// HM Treasury's one answer cites no "not held": 0 of 1 is 0–79.3%.
	if !strings.Contains(page, `HM Treasury · not held: 0 of 1 answers (0.0%; 95% CI 0.0–79.3%)`) {
		t.Error("the grounds tooltip lacks HM Treasury's 0 of 1 with its interval")
	}
	rows := readCSV(t, filepath.Join(dir, "r_files", "grounds_by_body.csv"))
	zeros := 0
	for _, r := range rows {
		if r["count"] == "0" {
			zeros++
			if hi, _ := strconv.ParseFloat(r["ci95_high"], 64); hi <= 0 {
				t.Errorf("grounds_by_body.csv: %s %s 0 of %s has upper bound %s", r["body"], r["ground"], r["answers"], r["ci95_high"])
			}
		}
	}
	if zeros == 0 || len(rows) == 0 {
		t.Fatalf("grounds_by_body.csv has %d rows, %d of them zero counts", len(rows), zeros)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "r_files", "grounds_by_body.json"))
	var js []map[string]interface{}
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	if len(js) != len(rows) {
		t.Errorf("grounds_by_body.json has %d rows, the CSV %d", len(js), len(rows))
	}
	for _, r := range js {
		if r["count"].(float64) == 0 && r["ci95_high"].(float64) <= 0 {
			t.Errorf("grounds_by_body.json: zero-width interval in %v", r)
		}
	}
}

// A ground added by a user's lexicon appears in the table, the chart,
// grounds_by_body.csv and the finding: the old report looped over the
// codebook's grounds alone.
func TestCustomGroundInReport(t *testing.T) {
	recs, sum := sampleRecords(t)
	lex := classify.DefaultLexicon()
	lex.Cues = append(lex.Cues, classify.Cue{Ground: "published-elsewhere", Pattern: `Contracts Finder`, Weight: 0.9})
	res, err := analysis.Run(recs, sum, analysis.Config{Classifier: &classify.Classifier{Lexicon: lex}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Overall.Grounds["published-elsewhere"].Count == 0 {
		t.Fatal("the custom ground fired on no answer of the sample")
	}
	page, dir := writeReport(t, res, Options{})
	for _, want := range []string{`<th class="n">published elsewhere</th>`, `"published\nelsewhere"`, `· published elsewhere: `, "custom, 60 cues, sha256:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	n := 0
	for _, r := range readCSV(t, filepath.Join(dir, "r_files", "grounds_by_body.csv")) {
		if r["ground"] == "published-elsewhere" {
			n++
		}
	}
	if n != len(res.Bodies) {
		t.Errorf("grounds_by_body.csv has %d published-elsewhere rows, want one per body (%d)", n, len(res.Bodies))
	}
}

// Months with few answers are drawn faint, labelled and marked in the
// table: two answers must not look like a month of thousands.
func TestSmallMonthsMarked(t *testing.T) {
	res := synthetic(600)
	// Two answers in a month of their own.
	for i := 0; i < 2; i++ {
		a := res.Answers[i]
		r := *a.Record
		r.DateAnswered = date(2019, 3, 5)
		a.Record = &r
		res.Answers[i] = a
	}
	page, _ := writeReport(t, res, Options{})
	if !strings.Contains(page, `Mar 2019\nn=2 (few)`) {
		t.Error("the small month's axis label is not marked")
	}
	if !strings.Contains(page, `{"itemStyle":{"opacity":0.3},"value":`) {
		t.Error("the small month's bars are not drawn faint")
	}
	if !strings.Contains(page, `<tr class="few"><td>Mar 2019 <small>(few answers)</small>`) {
		t.Error("the small month is not marked in the table")
	}
	if strings.Contains(page, `Jan 2022\nn=`) && strings.Contains(page, `Jan 2022\nn=0 (few)`) {
		t.Error("a full month is marked small")
	}
}

// Input paths appear as base names (or relative to PathRoot): private
// directories stay out, and the same data read from elsewhere gives the
// same bytes.
func TestInputPathsNotLeaked(t *testing.T) {
	mk := func(root string) *analysis.Result {
		res := hikvision()
		res.Summary.Files = []string{root + "/list/2023-12.json.gz", root + "/fulltext/2023-12.jsonl"}
		res.Summary.Problems = []*corpus.Problem{{File: root + "/list/2023-12.json.gz", Record: "item 3", Field: "dateTabled", Err: errors.New("bad date")}}
		return res
	}
	a, adir := writeReport(t, mk("/home/alice/secret"), Options{Version: "test"})
	b, bdir := writeReport(t, mk("/srv/other"), Options{Version: "test"})
	if strings.Contains(a, "/home/alice") || strings.Contains(a, "secret") {
		t.Error("the page leaks the input directory")
	}
	if a != b {
		t.Error("the same data read from two directories gives different pages")
	}
	ra, _ := os.ReadFile(filepath.Join(adir, "r_files", "read_summary.csv"))
	rb, _ := os.ReadFile(filepath.Join(bdir, "r_files", "read_summary.csv"))
	if strings.Contains(string(ra), "alice") || string(ra) != string(rb) {
		t.Errorf("read_summary.csv leaks or differs:\n%s", ra)
	}
	if !strings.Contains(a, "<code>2023-12.json.gz</code>") {
		t.Error("the page does not name the input by its base name")
	}
	c, _ := writeReport(t, mk("/home/alice/secret"), Options{Version: "test", PathRoot: "/home/alice/secret"})
	if !strings.Contains(c, "<code>list/2023-12.json.gz</code>") || strings.Contains(c, "alice") {
		t.Error("PathRoot does not give paths relative to it")
	}
}

// A family of many wordings is shown as its template with one real
// example, and one body's repeated letter does not head the list.
func TestFamilyHeadlineIsTemplate(t *testing.T) {
	res := hikvision()
	ref := boilerplate.Family{ID: 5, Answers: 553, Example: "I refer the Hon Member to the answer provided to him on 17 March 2026 in response to Question 120276.",
		Template: "I refer the Hon Member to the answer provided to him on [date] in response to Question [number].",
		Variants: make([]boilerplate.Variant, 434), First: date(2023, 12, 7), Last: date(2026, 7, 10)}
	for i := 0; i < 20; i++ {
		ref.Bodies = append(ref.Bodies, boilerplate.BodyUse{Body: "Body " + strconv.Itoa(i), Answers: 20})
	}
	letter := boilerplate.Family{ID: 6, Answers: 900, Example: "The Department has committed £1.8 billion.", Template: "The Department has committed £1.8 billion.",
		Variants: make([]boilerplate.Variant, 1), Bodies: []boilerplate.BodyUse{{Body: "Department for Education", Answers: 900}}}
	res.Families = append(res.Families, letter, ref)
	page, _ := writeReport(t, res, Options{})
	want := "The most widely used stock sentence, “I refer the Hon Member to the answer provided to him on [date] in response to Question [number].”, appears in 553 answers from 20 bodies, in 434 different wordings such as “I refer the Hon Member to the answer provided to him on 17 March 2026 in response to Question 120276.”, first seen on 7 December 2023"
	if !strings.Contains(page, want) {
		i := strings.Index(page, "most widely used stock sentence")
		t.Errorf("family headline:\n got %.400s\nwant %s", page[max(i, 0):], want)
	}
	if !strings.Contains(page, "counting at most 10 answers from any one body") {
		t.Error("Methods does not state the ranking rule")
	}
}

// Methods prints every parameter with its value, and says who labelled the
// samples agreement is measured on.
func TestMethodsParametersAndCoders(t *testing.T) {
	page, _ := writeReport(t, sampleResult(t), Options{})
	for _, want := range []string{
		"<code>Boilerplate.Threshold</code></td><td>0.6</td>",
		"<code>RoundRobin.MinSimilarity</code></td><td>0.7</td>",
		"<code>RoundRobin.WindowDays</code></td><td>14</td>",
		"<code>MinBodyAnswers</code></td><td>20</td>",
		"<code>Classifier.Lexicon</code></td><td>default, ",
		"language-model coding agents",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Methods lacks %q", want)
		}
	}
	for _, bad := range []string{"</td><td>default</td>", "</td><td>custom</td>", "trained coders"} {
		if strings.Contains(page, bad) {
			t.Errorf("Methods still says %q", bad)
		}
	}
}

// An answer is shown under the body's name on its date, the report says
// which names were merged, and askers known only by ID are "member N".
func TestNamesInTheirTime(t *testing.T) {
	res := sampleResult(t)
	page, dir := writeReport(t, res, Options{})
	const dluhc = "Department for Levelling Up, Housing and Communities"
	if !strings.Contains(page, "Ministry of Housing, Communities and Local Government: answers given as "+dluhc) {
		t.Error("Methods does not say that DLUHC's answers are counted under MHCLG")
	}
	g := page // the group pages are sections of the report
	if !strings.Contains(g, "<h4>"+dluhc+" (now Ministry of Housing, Communities and Local Government)</h4>") {
		t.Error("the group page shows the 2023 answer under MHCLG, not the name in use")
	}
	found := false
	for _, r := range readCSV(t, filepath.Join(dir, "r_files", "answers.csv")) {
		if r["body"] == "Ministry of Housing, Communities and Local Government" && r["body_as_named"] == dluhc {
			found = true
		}
	}
	if !found {
		t.Error("answers.csv lacks body_as_named")
	}

	// Askers known only by their ID.
	h := hikvision()
	for i := range h.Answers {
		h.Answers[i].Record.Asker = corpus.Member{ID: 4495}
	}
	h.Groups[0].Asker = "id:4495"
	page, dir = writeReport(t, h, Options{})
	if strings.Contains(page, "id:4495") || !strings.Contains(page, "Asked by member 4495") {
		t.Error("an asker known by ID is shown as id:4495")
	}
	rows := readCSV(t, filepath.Join(dir, "r_files", "groups.csv"))
	if rows[0]["asker_name"] != "member 4495" {
		t.Errorf("groups.csv asker_name = %q", rows[0]["asker_name"])
	}
}

// Shares corrected for classifier error sit beside the raw ones in the
// table, the tooltip and stance_by_body, with the sentence that says what
// the correction does.
func TestCorrectedBesideRaw(t *testing.T) {
	recs, sum := sampleRecords(t)
	res, err := analysis.Run(recs, sum, analysis.Config{MinBodyAnswers: 1})
	if err != nil {
		t.Fatal(err)
	}
	page, dir := writeReport(t, res, Options{})
	for _, want := range []string{`<small class="corr">corrected `, "; corrected for classifier error ", res.Correction.Sentence()} {
		if !strings.Contains(page, html.EscapeString(want)) && !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	rows := readCSV(t, filepath.Join(dir, "r_files", "stance_by_body.csv"))
	for _, r := range rows {
		if r["corrected_share"] == "" || r["corrected_ci95_low"] == "" || r["corrected_ci95_high"] == "" {
			t.Errorf("stance_by_body.csv: %s %s not corrected", r["body"], r["stance"])
		}
		b := res.Bodies[0]
		if r["body"] == b.Body && r["stance"] == "declined" {
			if got, _ := strconv.ParseFloat(r["corrected_share"], 64); got != b.Corrected[classify.Declined].Share {
				t.Errorf("corrected share %v, Result %v", got, b.Corrected[classify.Declined].Share)
			}
		}
	}
}
