package report

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
)

// Limits on what the main page shows; everything is in the exports and the
// group pages.
const (
	// heatGroups is the number of round-robin groups in the heatmap: those
	// sent to the most bodies.
	heatGroups = 30
	// topFamilies is the number of boilerplate families listed and charted.
	topFamilies = 20
	// groupsPerPage is the number of groups on one detail page.
	groupsPerPage = 25
	// maxProblems is the number of read problems listed on the main page.
	maxProblems = 20
)

// kv is one labelled count.
type kv struct {
	Key   string
	Count int
	Label string // for sources: the source's name
}

// stanceCol is one stance column of a table.
type stanceCol struct {
	Stance classify.Stance
	Label  string
	Colour string
}

// cell is one count with its share and 95% interval, formatted.
type cell struct {
	Count int
	Share string
	CI    string
}

// chartView is one chart: its element ID, accessible title, height and the
// option JSON (already safe: see optionScript).
type chartView struct {
	ID     string
	Title  string
	Height int
	Script template.HTML
}

// exportLink is a link to one tidy export, as CSV and JSON.
type exportLink struct {
	Name  string
	CSV   string
	JSON  string
	Title string
}

// mainModel is everything the main page template shows: the page's frame
// and its sections, each rendered by its own file (see section.go).
type mainModel struct {
	Title      string
	Version    string
	CSS        template.CSS
	JS         template.JS
	ECharts    template.JS // inlined library, if any
	EChartsURL string      // remote library, if not inlined

	// Dek is the one-sentence summary under the title.
	Dek      string
	Sections []*section

	facts
}

// charts lists every chart of the page, in page order.
func (m *mainModel) charts() []chartView {
	var out []chartView
	for _, s := range m.Sections {
		out = append(out, s.Charts...)
	}
	return out
}

// sectionByID returns the section with the given anchor, or nil.
func (m *mainModel) sectionByID(id string) *section {
	for _, s := range m.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// facts are the overall figures several sections quote, taken from the
// Result.
type facts struct {
	Answers    int // analysed records
	Classified int
	Unanswered int
	Overridden int
	Undated    int
	From, To   string
}

func factsOf(res *analysis.Result) facts {
	o := res.Overall
	f := facts{Answers: len(res.Answers), Classified: o.Answers, Overridden: o.Overridden, Undated: o.Undated,
		From: day(o.First), To: day(o.Last)}
	f.Unanswered = f.Answers - f.Classified
	return f
}

// stanceCols is the fixed stance order of every table and chart.
func stanceCols() []stanceCol {
	out := make([]stanceCol, len(classify.Stances))
	for i, s := range classify.Stances {
		out[i] = stanceCol{Stance: s, Label: stanceLabel(s), Colour: colourOf(s)}
	}
	return out
}

// index holds lookups over a Result shared by the main page, the group
// pages and the exports.
type index struct {
	res     *analysis.Result
	opt     Options
	byID    map[string]int // record ID → index into Answers
	groupOf map[string]int // group ID → index into Groups
}

// newIndex indexes res, first giving it statistics if it has none
// (analysis.Tabulated): the report lays out what analysis computed.
func newIndex(res *analysis.Result) *index {
	res = analysis.Tabulated(res)
	ix := &index{res: res, byID: make(map[string]int, len(res.Answers)), groupOf: make(map[string]int, len(res.Groups))}
	for i, a := range res.Answers {
		if a.Record == nil {
			continue
		}
		if _, dup := ix.byID[a.Record.ID]; !dup {
			ix.byID[a.Record.ID] = i
		}
	}
	for i, g := range res.Groups {
		ix.groupOf[g.ID] = i
	}
	return ix
}

// member returns the analysed answer of a group member: by record ID, or by
// Index when the ID is absent. ok is false when neither finds it.
func (ix *index) member(m roundrobin.Member) (*analysis.Answer, bool) {
	if i, ok := ix.byID[m.ID]; ok {
		return &ix.res.Answers[i], true
	}
	if m.ID == "" && m.Index >= 0 && m.Index < len(ix.res.Answers) && ix.res.Answers[m.Index].Record != nil {
		return &ix.res.Answers[m.Index], true
	}
	return nil, false
}

// displayPath is how the report names an input file: relative to
// Options.PathRoot when it lies under it, else its base name. Private
// directories thus stay out of the report, and the same data read from
// another directory gives the same bytes.
func (ix *index) displayPath(p string) string { return analysis.DisplayPath(p, ix.opt.PathRoot) }

// pageOf returns the 1-based page number of the i-th group (0-based).
func pageOf(i int) int { return i/groupsPerPage + 1 }

// pageName is the element ID of group page n, a section of the report.
func pageName(n int) string { return fmt.Sprintf("groups-%04d", n) }

// classified reports whether an answer carries one of the five stances.
func classified(a *analysis.Answer) bool {
	for _, s := range classify.Stances {
		if a.Verdict.Stance == s {
			return true
		}
	}
	return false
}

// buildMain builds the main page: each registered section in turn.
// ix.opt must be opt already: Write builds the page while the tables,
// which read ix.opt too, are being built.
func buildMain(ix *index, opt Options, filesDir string) (*mainModel, error) {
	res := ix.res
	m := &mainModel{Title: opt.Title, Version: versionOf(res, opt), facts: factsOf(res)}
	if m.Title == "" {
		m.Title = "How departments answered"
	}
	c := &buildContext{ix: ix, res: res, opt: opt, filesDir: filesDir, m: m}
	for _, d := range sections() {
		s, err := d.build(c)
		if err != nil {
			return nil, fmt.Errorf("report: section %s: %w", d.id, err)
		}
		s.ID, s.Nav = d.id, d.nav
		if s.html, err = renderSection(d, s.data); err != nil {
			return nil, fmt.Errorf("report: section %s: %w", d.id, err)
		}
		m.Sections = append(m.Sections, s)
	}
	return m, nil
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// propCell formats a proportion for a table cell.
func propCell(p stats.Proportion) cell {
	return cell{Count: p.Count, Share: pct(p.Share), CI: ci(p.Low, p.High)}
}
