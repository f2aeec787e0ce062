package report

import (
	"bytes"
	"html/template"
	"sort"
	"sync"

	"github.com/parlance-go/parlance/analysis"
)

// A section is one part of the main page. Each lives in one file
// (section_*.go) that registers it: its table, chart, headline sentence,
// HTML and exports together, so that adding a chart is adding a file.
//
// Sections lay out what analysis computed (analysis.Result); they compute
// no statistics of their own.
type section struct {
	ID  string // the anchor, e.g. "stance"
	Nav string // its label in the table of contents and key findings
	// Finding is the section's headline sentence, listed under the title;
	// "" for none.
	Finding string
	// Charts are the section's charts, in page order.
	Charts []chartView
	data   interface{}   // what the section's template shows
	html   template.HTML // the rendered section
}

// HTML is the section's rendered content.
func (s *section) HTML() template.HTML { return s.html }

// buildContext is what a section is built from.
type buildContext struct {
	ix       *index
	res      *analysis.Result
	opt      Options
	filesDir string
	m        *mainModel // the page so far: earlier sections are built
}

// sectionDef registers a section.
type sectionDef struct {
	order int // place on the page, ascending
	id    string
	nav   string
	// tmpl is the section's HTML, a html/template executed with the
	// section's data and the report's functions; it may use the "chart"
	// template for a chartView.
	tmpl  string
	build func(c *buildContext) (*section, error)
	// exports are the tidy exports the section's tables give.
	exports []exportFile
}

var (
	registry     []sectionDef
	registryOnce sync.Once
	parsed       map[string]*template.Template
)

// register adds a section; each section file calls it from init.
func register(d sectionDef) { registry = append(registry, d) }

// sections returns the registered sections in page order.
func sections() []sectionDef {
	registryOnce.Do(func() {
		sort.SliceStable(registry, func(i, j int) bool { return registry[i].order < registry[j].order })
		parsed = map[string]*template.Template{}
		for _, d := range registry {
			t := template.Must(template.New(d.id).Funcs(funcs).Parse(d.tmpl))
			template.Must(t.New("chart").Parse(chartTmpl))
			// The group pages' templates, for the section that shows them.
			template.Must(t.ParseFS(assets, "assets/group.html.tmpl"))
			parsed[d.id] = t
		}
	})
	return registry
}

// chartTmpl draws one chartView: the figure and its option script.
const chartTmpl = `<figure class="chart" aria-label="{{.Title}}"><div id="{{.ID}}" role="img" aria-label="{{.Title}}" style="height:{{.Height}}px"></div></figure>
{{.Script}}`

func renderSection(d sectionDef, data interface{}) (template.HTML, error) {
	var b bytes.Buffer
	if err := parsed[d.id].Execute(&b, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// exportFiles lists every section's exports, in page order.
func exportFiles() []exportFile {
	var out []exportFile
	for _, d := range sections() {
		out = append(out, d.exports...)
	}
	return out
}
