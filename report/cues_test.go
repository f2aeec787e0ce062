package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
)

// classifySource returns the classifier's non-test Go source and its
// package doc, read from the module tree.
func classifySource(t *testing.T) (code, doc string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "analysis", "classify", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the classifier's source is not at ../analysis/classify: %v", err)
	}
	var b strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "doc.go" {
			doc = string(src)
		}
		b.Write(src)
	}
	return b.String(), doc
}

// emittedCues lists every cue the classifier can emit: the literal cues
// and rule names in its source, and for each cue built by concatenation
// ("family:" + n, "ground:" + ground + ":" + name, …) every value the
// default lexicon, the grounds and the question kinds give it, plus an
// example for the open-ended ones. It fails when the source builds a cue
// with a prefix this test does not know, so a new kind of cue cannot slip
// by.
func emittedCues(t *testing.T) []string {
	t.Helper()
	code, _ := classifySource(t)
	seen := map[string]bool{}
	add := func(c string) { seen[c] = true }
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`Cue: "([^"]+)"`),
		regexp.MustCompile(`addEv\(si\.s, "([^"]+)"\)`),
		regexp.MustCompile(`note\("([^"]+)"\)`),
	} {
		for _, m := range re.FindAllStringSubmatch(code, -1) {
			if !strings.HasSuffix(m[1], ":") { // a prefix, built on below
				add(m[1])
			}
		}
	}
	// d.stance, d.rule = Partial, "ground-with-info"; d.rule = "disclosed"
	rules := regexp.MustCompile(`\.rule = (?:\w+, )?"([^"]+)"`).FindAllStringSubmatch(code, -1)
	if len(rules) < 10 {
		t.Fatalf("found only %d rule names in the classifier's source: has the way rules are named changed?", len(rules))
	}
	for _, m := range rules {
		add("rule:" + m[1])
	}
	// Cues built by concatenation, with the values they take.
	built := map[string][]string{
		"question:":         {string(classify.WantFigures), string(classify.WantDate), string(classify.WantYesNo), string(classify.WantDescription)},
		"question:items:":   {"2", "3", "12", "13"},
		"family:":           {"12"},
		"rules:":            {"ground-only:declined"},
		"question-part:":    {"how-many: how many; nouns officers; verbs recruited"},
		"weight:":           {"0.53:cue:figure"},
		"other-department:": {"HM Treasury"},
		"ground:":           nil, // below, from the default lexicon
		"rule:":             nil, // above
	}
	for _, c := range classify.DefaultLexicon().Cues {
		name := c.Name
		if name == "" {
			name = c.Pattern
		}
		built["ground:"] = append(built["ground:"], string(c.Ground)+":"+name)
	}
	for _, g := range classify.Grounds {
		built["ground:"] = append(built["ground:"], string(g))
	}
	for _, m := range regexp.MustCompile(`"([a-z:-]+:)" \+`).FindAllStringSubmatch(code, -1) {
		vals, ok := built[m[1]]
		if !ok {
			t.Errorf("the classifier builds cues starting %q, which this test does not know: add them here and to assets/cues.tsv", m[1])
		}
		for _, v := range vals {
			add(m[1] + v)
		}
	}
	return sortedKeys(seen)
}

func TestEveryCueHasPlainWords(t *testing.T) {
	cues := emittedCues(t)
	if len(cues) < 40 {
		t.Fatalf("found only %d cues", len(cues))
	}
	for _, c := range cues {
		p, ok := phraseFor(c)
		switch {
		case !ok:
			t.Errorf("cue %q has no plain words in assets/cues.tsv", c)
		case strings.Contains(p, "{"):
			t.Errorf("cue %q: placeholder left in %q", c, p)
		case strings.Contains(p, "{n}"), regexp.MustCompile(`\bparts\b`).MatchString(p) && regexp.MustCompile(`\d`).MatchString(p) && !strings.Contains(c, "13"):
			t.Errorf("cue %q: number not spelled out in %q", c, p)
		}
	}
	// Every cue the package doc names is covered too.
	_, doc := classifySource(t)
	i := strings.Index(doc, "# Evidence")
	j := strings.Index(doc, "# Confidence")
	if i < 0 || j < i {
		t.Fatal("classify's doc.go has no # Evidence section")
	}
	quoted := regexp.MustCompile(`"([a-z][a-z0-9:-]*(?:\s*\n//\s*[a-z0-9:-]+)?)"`).FindAllStringSubmatch(doc[i:j], -1)
	for _, m := range quoted {
		c := regexp.MustCompile(`\s*\n//\s*`).ReplaceAllString(m[1], " ")
		c = strings.ReplaceAll(c, ": ", ":")
		if c == "rule:NAME" || strings.HasSuffix(c, ":") {
			continue
		}
		if _, ok := phraseFor(c); !ok {
			t.Errorf("cue %q named in classify's doc.go has no plain words", c)
		}
	}
}

func TestCuePhrases(t *testing.T) {
	for cue, want := range map[string]string{
		"rule:ground-with-info":                     "the answer gives part of what was asked and a reason for withholding the rest",
		"question:items:2":                          "the question has two parts",
		"question:items:40":                         "the question has 40 parts",
		"ground:national-security:security-grounds": "the answer withholds on grounds of national security",
		"ground:national-security":                  "the answer withholds on grounds of national security",
		"ground:my-own-ground:my-cue":               "the answer gives a reason for withholding (my-own-ground:my-cue)",
		"family:12":                                 "a stock sentence (family 12) that states a reason for withholding",
		"figure":                                    "the answer gives a figure",
	} {
		if got, ok := phraseFor(cue); !ok || got != want {
			t.Errorf("phraseFor(%q) = %q, %v; want %q", cue, got, ok, want)
		}
	}
	// A cue the table lacks is shown spaced out, never dropped.
	if _, ok := phraseFor("no-such-cue"); ok {
		t.Error("an unknown cue found plain words")
	}
	if got := cueLabel("no-such:cue"); got != "no such: cue" {
		t.Errorf("cueLabel of an unknown cue = %q", got)
	}
	if got := cueLabel(""); got != "evidence" {
		t.Errorf("cueLabel(\"\") = %q", got)
	}
	for _, bad := range []string{"code-without-phrase\n", "a\tone\na\ttwo\n"} {
		if _, err := parseCuePhrases(bad); err == nil {
			t.Errorf("parseCuePhrases(%q) accepted a bad table", bad)
		}
	}
}

// The group pages show plain words, and the exports keep the codes.
func TestCuesPlainOnPageCodedInExports(t *testing.T) {
	res := sampleResult(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, res, Options{}); err != nil {
		t.Fatal(err)
	}
	text := sectionText(t, path, "groups")
	exports, err := os.ReadFile(filepath.Join(dir, "report_files", "answers.json"))
	if err != nil {
		t.Fatal(err)
	}
	inGroup := map[string]bool{}
	for _, g := range res.Groups {
		for _, m := range g.Members {
			inGroup[m.ID] = true
		}
	}
	n := 0
	for _, a := range res.Answers {
		if !inGroup[a.Record.ID] {
			continue
		}
		for _, e := range a.Verdict.Evidence {
			n++
			if strings.Contains(text, e.Cue) && strings.Contains(e.Cue, ":") {
				t.Errorf("the group pages show the code %q", e.Cue)
			}
			if !strings.Contains(text, cueLabel(e.Cue)) {
				t.Errorf("the group pages lack the plain words %q for %q", cueLabel(e.Cue), e.Cue)
			}
			if !strings.Contains(string(exports), e.Cue) {
				t.Errorf("answers.json lacks the code %q", e.Cue)
			}
		}
	}
	if n == 0 {
		t.Fatal("the sample has no evidence")
	}
}
