package report

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// Hostile texts: each must come out as inert text.
const (
	evilScript = `</script><script>alert("script")</script>`
	evilImg    = `<img src=x onerror=alert("img")>`
	evilF      = `__f__function(){alert("f")}__f__`
	evilQuote  = `"__f__ + alert("q") + __f__"`
)

// hostile returns the Hikvision fixture with hostile text in every field
// the report shows: a body name, headings, answers, questions, the group's
// canonical question and asker, a stock sentence, evidence cues, an
// override note, file names, skip reasons, problems and a javascript: URL.
func hostile() *analysis.Result {
	res := hikvision()
	evilBody := "HM Treasury " + evilScript + evilF
	rename := func(s string) string {
		if s == "HM Treasury" {
			return evilBody
		}
		return s
	}
	for i := range res.Answers {
		a := &res.Answers[i]
		a.Record.Department = rename(a.Record.Department)
		a.Record.Heading += " " + evilImg
		a.Record.Question += " " + evilQuote
		a.Record.Answer += "\n\n" + evilScript + " " + evilImg + " " + evilF
		a.Record.Asker.Name += evilF
		for j := range a.Verdict.Evidence {
			a.Verdict.Evidence[j].Cue += evilImg
			a.Verdict.Evidence[j].Text += evilScript
		}
		if a.Verdict.Overridden {
			a.Verdict.Note += evilImg
		}
	}
	res.Answers[0].Record.URL = `javascript:alert("url")`
	for i := range res.Bodies {
		res.Bodies[i].Body = rename(res.Bodies[i].Body)
	}
	for i := range res.Groups {
		g := &res.Groups[i]
		g.ID += evilF
		g.Canonical += evilScript
		g.Asker += evilImg
		for j := range g.Members {
			g.Members[j].Body = rename(g.Members[j].Body)
		}
	}
	for i := range res.Families {
		f := &res.Families[i]
		f.Canonical += evilF + evilScript
		for j := range f.Bodies {
			f.Bodies[j].Body = rename(f.Bodies[j].Body)
		}
	}
	res.Summary.Files = append(res.Summary.Files, evilImg+".txt")
	res.Summary.Skipped[evilScript] = 2
	res.Summary.UnknownBodies = map[string]int{evilF: 1}
	res.Summary.Problems = append(res.Summary.Problems, &corpus.Problem{File: evilImg, Record: "line 1", Field: evilF, Err: errors.New(evilScript)})
	res.Independence.Caveat += evilImg
	return res
}

// walk calls fn on every node of the tree.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// jsonStrings collects every string in a decoded JSON value.
func jsonStrings(v interface{}, out *[]string) {
	switch x := v.(type) {
	case string:
		*out = append(*out, x)
	case []interface{}:
		for _, e := range x {
			jsonStrings(e, out)
		}
	case map[string]interface{}:
		for k, e := range x {
			*out = append(*out, k)
			jsonStrings(e, out)
		}
	}
}

// checkPage parses a written page and fails on any element, attribute or
// script that the data could have injected. It returns the page's text and
// the strings inside its JSON blocks.
func checkPage(t *testing.T, path string, wantScripts int) (text string, jsonText []string) {
	t.Helper()
	doc := parseHTMLFile(t, path)
	var sb strings.Builder
	scripts := 0
	walk(doc, func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Parent == nil || n.Parent.Data != "script" {
				sb.WriteString(n.Data)
			}
		case html.ElementNode:
			if n.Data == "img" {
				t.Errorf("%s: injected <img> element", path)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: injected event handler attribute %s=%q on <%s>", path, a.Key, a.Val, n.Data)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: javascript: URL in %s", path, a.Key)
				}
			}
			if n.Data != "script" {
				return
			}
			scripts++
			body := ""
			if n.FirstChild != nil {
				body = n.FirstChild.Data
			}
			typ, _ := attr(n, "type")
			src, hasSrc := attr(n, "src")
			switch {
			case typ == "application/json":
				var v interface{}
				if err := json.Unmarshal([]byte(body), &v); err != nil {
					t.Errorf("%s: JSON block does not parse: %v", path, err)
				}
				jsonStrings(v, &jsonText)
			case hasSrc:
				if src != RemoteECharts {
					t.Errorf("%s: unexpected script src %q", path, src)
				}
				if sri, _ := attr(n, "integrity"); sri != EChartsIntegrity {
					t.Errorf("%s: remote ECharts has integrity %q, want %q", path, sri, EChartsIntegrity)
				}
				if co, _ := attr(n, "crossorigin"); co != "anonymous" {
					t.Errorf("%s: remote ECharts has crossorigin %q, want anonymous", path, co)
				}
			case body == script:
			default:
				t.Errorf("%s: unexpected script element: %.200s", path, body)
			}
		}
	})
	if scripts != wantScripts {
		t.Errorf("%s: %d script elements, want %d", path, scripts, wantScripts)
	}
	return sb.String(), jsonText
}

func TestHostileTextIsInert(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, hostile(), Options{Title: "Title " + evilImg}); err != nil {
		t.Fatal(err)
	}
	// 5 chart options + the over-time series + ECharts + the page script.
	text, js := checkPage(t, path, 8)
	for _, want := range []string{evilScript, evilImg, evilF, "Title " + evilImg} {
		if !strings.Contains(text, want) {
			t.Errorf("main page: hostile text %q is not shown as text", want)
		}
	}
	found := false
	for _, s := range js {
		if strings.Contains(s, "HM Treasury "+evilScript+evilF) {
			found = true
		}
	}
	if !found {
		t.Errorf("chart data lost the body name with %q intact", evilF)
	}
	gtext := sectionText(t, path, "groups")
	for _, want := range []string{evilScript, evilImg, evilF, evilQuote} {
		if !strings.Contains(gtext, want) {
			t.Errorf("group page: hostile text %q is not shown as text", want)
		}
	}
	if strings.Contains(gtext, "javascript") && !strings.Contains(gtext, "no source link") {
		t.Error("group page: the javascript: source URL was not dropped")
	}
	// Exports defuse spreadsheet formulas but keep the text.
	b, err := os.ReadFile(filepath.Join(dir, "report_files", "answers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "HM Treasury </script>") {
		t.Error("answers.csv lost the body name")
	}
}

func TestNaNExports(t *testing.T) {
	res := hikvision()
	res.Answers[0].Verdict.Confidence = math.NaN()
	analysis.Tabulate(res)
	res.Bodies[0].Stances[classify.Declined] = stats.Proportion{Share: math.NaN(), Low: math.Inf(-1)}
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "r.html"), res, Options{}); err != nil {
		t.Fatalf("NaN in the Result: %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "r_files", "answers.json"))
	var rows []map[string]interface{}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if v, ok := rows[0]["confidence"]; !ok || v != nil {
		t.Errorf("NaN confidence exported as %v, want null", v)
	}
}

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(1)": "'=HYPERLINK(1)", "+1": "'+1", "-x": "'-x", "@SUM": "'@SUM",
		"Cabinet Office": "Cabinet Office", "": "",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := formatCell(-0.5); got != "-0.5" {
		t.Errorf("numbers must not be prefixed: got %q", got)
	}
}

func TestNilAndMissing(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "r.html"), nil, Options{}); err == nil {
		t.Error("nil Result: want an error")
	}
	res := &analysis.Result{Answers: []analysis.Answer{{}}}
	if err := Write(filepath.Join(t.TempDir(), "r.html"), res, Options{}); err == nil || !strings.Contains(err.Error(), "answer 0") {
		t.Errorf("answer without record: got %v, want an error naming answer 0", err)
	}
	// An empty Result still gives a complete report that says so.
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "r.html"), &analysis.Result{}, Options{}); err != nil {
		t.Fatal(err)
	}
	// Stance and grounds charts, ECharts and the page script: the other
	// charts are left out when there is nothing to draw.
	text, _ := checkPage(t, filepath.Join(dir, "r.html"), 4)
	for _, want := range []string{"No answers were classified", "No round-robin groups were found", "Boilerplate.Threshold", "no read summary"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	// A group member whose record is absent is shown as missing, not dropped.
	res2 := hikvision()
	res2.Groups[0].Members[0].ID = "pp:absent"
	dir = t.TempDir()
	if err := Write(filepath.Join(dir, "r.html"), res2, Options{}); err != nil {
		t.Fatal(err)
	}
	gtext := sectionText(t, filepath.Join(dir, "r.html"), "groups")
	if !strings.Contains(gtext, "pp:absent is a member of this group but is not among the analysed answers") {
		t.Error("missing group member not reported")
	}
}

func TestInlineEChartsBuild(t *testing.T) {
	dir := t.TempDir()
	common := filepath.Join(dir, "echarts.common.min.js")
	os.WriteFile(common, []byte("var echarts={};/* bar line pie only */"), 0o644)
	err := Write(filepath.Join(dir, "r.html"), hikvision(), Options{InlineECharts: common})
	if err == nil || !strings.Contains(err.Error(), "not the full ECharts build") {
		t.Errorf("common build: got %v, want a refusal naming the full build", err)
	}
	if err := Write(filepath.Join(dir, "r.html"), hikvision(), Options{InlineECharts: filepath.Join(dir, "absent.js")}); err == nil {
		t.Error("missing ECharts file: want an error")
	}
	full := filepath.Join(dir, "echarts.min.js")
	os.WriteFile(full, []byte(`var echarts={t:"series.heatmap",s:"</script>",u:"</SCRIPT >"};`), 0o644)
	path := filepath.Join(dir, "r.html")
	if err := Write(path, hikvision(), Options{InlineECharts: full}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `var echarts={t:"series.heatmap",s:"<\/script>",u:"<\/SCRIPT >"};`) {
		t.Error("inlined ECharts missing or its </script> not neutralised")
	}
	if strings.Contains(string(b), "<script src=") {
		t.Error("inlined report still loads ECharts remotely")
	}
}

// parseHTMLFile parses the page at path as a browser would.
func parseHTMLFile(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}
