package analysis_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/corpus"
)

func day(s string) time.Time {
	t, err := time.Parse(corpus.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// answers builds classified answers of one body: n answers in the month of
// date, the first k declined on ground g.
func answers(body string, date string, n, k int, g classify.Ground) []analysis.Answer {
	var out []analysis.Answer
	for i := 0; i < n; i++ {
		v := classify.Verdict{Stance: classify.Disclosed}
		if i < k {
			v = classify.Verdict{Stance: classify.Declined, Grounds: []classify.Ground{g}}
		}
		out = append(out, analysis.Answer{Record: &corpus.Record{ID: body + date + string(rune('a'+i)), Department: body,
			DateAnswered: day(date), Answer: "x"}, Verdict: v})
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 5e-7 }

// A ground no answer of a body cites is 0 of n with a Wilson interval, not
// a zero-width 0–0%: the old statistics left it out and reports printed
// "0 of 181 (95% CI 0.0–0.0%)".
func TestZeroCountsHaveIntervals(t *testing.T) {
	res := &analysis.Result{Answers: append(answers("HM Treasury", "2024-01-10", 181, 0, ""),
		answers("Home Office", "2024-01-10", 4, 4, classify.NationalSecurity)...)}
	analysis.Tabulate(res)
	var hmt, ho analysis.BodyStats
	for _, b := range res.Bodies {
		switch b.Body {
		case "HM Treasury":
			hmt = b
		case "Home Office":
			ho = b
		}
	}
	for _, g := range classify.Grounds {
		p, ok := hmt.Grounds[g]
		if !ok || p.Count != 0 || p.Total != 181 || p.Low != 0 || !near(p.High, 0.0207825) {
			t.Errorf("HM Treasury %s = %+v (present %v), want 0 of 181 in [0, 0.0208]", g, p, ok)
		}
	}
	if p := ho.Grounds[classify.NationalSecurity]; p.Count != 4 || !near(p.Low, 0.5101092) || p.High != 1 {
		t.Errorf("Home Office national security = %+v, want 4 of 4 in [0.5101, 1]", p)
	}
	if p := ho.Stances[classify.Disclosed]; p.Count != 0 || !near(p.High, 0.4898908) {
		t.Errorf("Home Office disclosed = %+v, want 0 of 4 in [0, 0.4899]", p)
	}
	if p := res.Overall.Grounds[classify.NationalSecurity]; p.Count != 4 || p.Total != 185 {
		t.Errorf("overall national security = %+v, want 4 of 185", p)
	}
	// The JSON export carries the zero rows too.
	b, _ := json.Marshal(analysis.ExportBodies(res.Bodies))
	if !strings.Contains(string(b), `"not-held":{"count":0,"total":181,"share":0,"low":0,"high":0.0208}`) {
		t.Errorf("JSON export lacks the 0-of-181 interval: %s", b)
	}
}

// A ground that only a custom lexicon knows is in Result.Grounds and every
// body's Grounds: the old report looped over the codebook's list alone.
func TestCustomGroundsAreCounted(t *testing.T) {
	lex := classify.DefaultLexicon()
	lex.Cues = append(lex.Cues, classify.Cue{Ground: "parliamentary-privilege", Pattern: `parliamentary privilege`})
	res := &analysis.Result{Config: analysis.Config{Classifier: &classify.Classifier{Lexicon: lex}},
		Answers: append(answers("Cabinet Office", "2024-02-01", 5, 2, "parliamentary-privilege"),
			answers("HM Treasury", "2024-02-01", 3, 1, "cabinet-confidentiality")...)}
	analysis.Tabulate(res)
	want := append(append([]classify.Ground{}, classify.Grounds...), "parliamentary-privilege", "cabinet-confidentiality")
	if !reflect.DeepEqual(res.Grounds, want) {
		t.Errorf("Grounds = %v, want %v", res.Grounds, want)
	}
	for _, b := range res.Bodies {
		if len(b.Grounds) != len(want) {
			t.Errorf("%s has %d grounds, want %d", b.Body, len(b.Grounds), len(want))
		}
	}
	if p := res.Overall.Grounds["parliamentary-privilege"]; p.Count != 2 || p.Total != 8 {
		t.Errorf("overall custom ground = %+v, want 2 of 8", p)
	}
	if lexParam := param(res, "Classifier.Lexicon"); !strings.HasPrefix(lexParam, "custom, ") {
		t.Errorf("a custom lexicon is described as %q", lexParam)
	}
}

func param(res *analysis.Result, name string) string {
	for _, p := range res.Parameters {
		if p.Name == name {
			return p.Value
		}
	}
	return "(missing)"
}

// Every parameter is listed with the value used, defaults resolved: the old
// Methods said "default" and "custom".
func TestParametersCarryValues(t *testing.T) {
	res := &analysis.Result{}
	analysis.Tabulate(res)
	for name, want := range map[string]string{
		"Boilerplate.Threshold":    "0.6",
		"RoundRobin.MinSimilarity": "0.7",
		"RoundRobin.WindowDays":    "14",
		"MinBodyAnswers":           "20",
		"FamilyBodyCap":            "10",
		"Classifier.Overrides":     "0",
		"Boilerplate.MinAnswers":   "3",
		"RoundRobin.MinBodies":     "2",
		"Boilerplate.ShingleSize":  "3",
		"Classifier.FamilyGrounds": "0",
		"Intervals":                "Wilson score, 95%",
	} {
		if got := param(res, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	lex := param(res, "Classifier.Lexicon")
	digest := analysis.LexiconDigest(classify.DefaultLexicon())
	if len(digest) != 64 || !strings.HasPrefix(lex, "default, ") || !strings.HasSuffix(lex, "sha256:"+digest) {
		t.Errorf("lexicon = %q, want the default with digest %s", lex, digest)
	}
	res = &analysis.Result{Config: analysis.Config{MinBodyAnswers: 5, RoundRobin: roundrobin.Config{WindowDays: 7}}}
	analysis.Tabulate(res)
	if param(res, "MinBodyAnswers") != "5" || param(res, "RoundRobin.WindowDays") != "7" || res.MinAnswers != 5 {
		t.Errorf("set parameters not reported: %+v", res.Parameters)
	}
	// A lexicon changed by one weight has another digest.
	l := classify.DefaultLexicon()
	l.Cues[0].Weight = 0.5
	if analysis.LexiconDigest(l) == digest {
		t.Error("digest ignores cue weights")
	}
	// So do lexicons that differ only in a role or in their precedence,
	// which change what the classifier does.
	l = classify.DefaultLexicon()
	l.Cues[0].Role = classify.RoleEachOwn
	if analysis.LexiconDigest(l) == digest {
		t.Error("digest ignores cue roles")
	}
	l = classify.DefaultLexicon()
	l.Precedence = l.Precedence[1:]
	if analysis.LexiconDigest(l) == digest {
		t.Error("digest ignores precedence")
	}
	if m := param(res, "Classifier.Model"); !strings.HasPrefix(m, "none") {
		t.Errorf("Classifier.Model = %q without a model", m)
	}
	model, err := classify.Train([]classify.Example{
		{Features: classify.Features{"a": 1}, Stance: classify.Disclosed},
		{Features: classify.Features{"b": 1}, Stance: classify.Declined},
	}, classify.TrainOptions{MinCount: 1, Trained: "two toy answers"})
	if err != nil {
		t.Fatal(err)
	}
	res = &analysis.Result{Config: analysis.Config{Classifier: &classify.Classifier{Model: model}}}
	analysis.Tabulate(res)
	if m := param(res, "Classifier.Model"); !strings.Contains(m, "two toy answers") || !strings.Contains(m, "sha256:"+analysis.ModelDigest(model)) {
		t.Errorf("Classifier.Model = %q, want the model's provenance and digest", m)
	}
}

// Months with fewer answers than MinAnswers are marked Small.
func TestSmallMonthsMarked(t *testing.T) {
	res := &analysis.Result{Answers: append(answers("HM Treasury", "2024-01-10", 2, 2, classify.NotHeld),
		answers("HM Treasury", "2024-02-10", 30, 3, classify.NotHeld)...)}
	analysis.Tabulate(res)
	ms := res.Overall.Months
	if len(ms) != 2 || ms[0].Month != "2024-01" || !ms[0].Small || ms[1].Small || ms[1].Answers != 30 {
		t.Fatalf("months = %+v", ms)
	}
	if p := ms[0].Stances[classify.Declined]; p.Count != 2 || p.Total != 2 || p.Low > 0.35 {
		t.Errorf("small month's declined share = %+v, want 2 of 2 with a wide interval", p)
	}
}

// Answers show the name in use on their date; the statistics say which
// names a body's answers were given under.
func TestNamesInTheirTime(t *testing.T) {
	const mhclg = "Ministry of Housing, Communities and Local Government"
	res := &analysis.Result{Answers: append(answers(mhclg, "2009-10-14", 2, 0, ""), answers(mhclg, "2023-05-02", 3, 0, "")...)}
	analysis.Tabulate(res)
	if got := res.Answers[0].BodyName; got != "Department for Communities and Local Government" {
		t.Errorf("2009 answer named %q", got)
	}
	if got := res.Answers[2].BodyName; got != "Department for Levelling Up, Housing and Communities" {
		t.Errorf("2023 answer named %q", got)
	}
	if row := res.Answers[2].Row(); row.Body != mhclg || row.BodyAsNamed != "Department for Levelling Up, Housing and Communities" {
		t.Errorf("export row body %q as named %q", row.Body, row.BodyAsNamed)
	}
	names := res.Bodies[0].Names
	if len(names) != 2 || names[0].Name != "Department for Communities and Local Government" || names[0].Answers != 2 || names[1].Answers != 3 {
		t.Errorf("names = %+v", names)
	}
}

// Families rank by answers counting at most FamilyBodyCap per body: one
// department's letter used 130 times ranks below a sentence 12 bodies use.
func TestFamilyRankingCapsOneBody(t *testing.T) {
	letter := boilerplate.Family{ID: 1, Answers: 130, Bodies: []boilerplate.BodyUse{{Body: "Department for Education", Answers: 130}}}
	shared := boilerplate.Family{ID: 2, Answers: 40}
	for i := 0; i < 12; i++ {
		shared.Bodies = append(shared.Bodies, boilerplate.BodyUse{Body: string(rune('A' + i)), Answers: 3})
	}
	res := &analysis.Result{Families: []boilerplate.Family{letter, shared}}
	analysis.Tabulate(res)
	r := res.FamilyRanking
	if len(r) != 2 || r[0].ID != 2 || r[0].Spread != 36 || r[1].ID != 1 || r[1].Spread != 10 {
		t.Errorf("ranking = %+v, want family 2 (spread 36) before family 1 (spread 10)", r)
	}
}

// The answer schema is defined once: AnswerRow's JSON keys are
// AnswerColumns' names in order, and Values gives one value a column.
func TestAnswerSchemaIsOneList(t *testing.T) {
	rt := reflect.TypeOf(analysis.AnswerRow{})
	if rt.NumField() != len(analysis.AnswerColumns) {
		t.Fatalf("AnswerRow has %d fields, AnswerColumns %d", rt.NumField(), len(analysis.AnswerColumns))
	}
	for i, c := range analysis.AnswerColumns {
		if tag := strings.Split(rt.Field(i).Tag.Get("json"), ",")[0]; tag != c.Name {
			t.Errorf("field %d is %q in JSON, column %q", i, tag, c.Name)
		}
	}
	a := analysis.Answer{Record: &corpus.Record{ID: "api:1"}, Verdict: classify.Verdict{Confidence: 0.123456}}
	if v := a.Row().Values(); len(v) != len(analysis.AnswerColumns) || v[14] != 0.1235 {
		t.Errorf("Values = %v", v)
	}
}

// Exports name input files by base name (or relative to a root): the
// directories they were read from stay private.
func TestDisplayPath(t *testing.T) {
	for _, c := range []struct{ p, root, want string }{
		{"/home/alice/secret/list/2023-12.json.gz", "", "2023-12.json.gz"},
		{"/home/alice/secret/list/2023-12.json.gz", "/home/alice/secret", "list/2023-12.json.gz"},
		{"/srv/x/list/2023-12.json.gz", "/home/alice/secret", "2023-12.json.gz"},
		{"https://questions-statements-api.parliament.uk/api/writtenquestions/questions?skip=0", "", "https://questions-statements-api.parliament.uk/api/writtenquestions/questions?skip=0"},
	} {
		if got := analysis.DisplayPath(c.p, c.root); got != c.want {
			t.Errorf("DisplayPath(%q, %q) = %q, want %q", c.p, c.root, got, c.want)
		}
	}
	s := analysis.ExportSummary(&corpus.Summary{Files: []string{"/home/alice/secret/a.jsonl"},
		Problems: []*corpus.Problem{{File: "/home/alice/secret/a.jsonl", Record: "line 2", Field: "id", Err: errBad}}})
	if s.Files[0] != "a.jsonl" || strings.Contains(s.Problems[0], "alice") {
		t.Errorf("summary leaks the directory: %+v", s)
	}
}

var errBad = errors.New("bad")
