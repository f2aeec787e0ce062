package report

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis/boilerplate"
)

const idFamilies = "chart_families"

func init() {
	register(sectionDef{order: 50, id: "boilerplate", nav: "Stock sentences", tmpl: familiesTmpl, build: buildFamilies,
		exports: []exportFile{
			{"families", "Boilerplate families (stock sentences), most widely used first", familiesTable},
			{"family_bodies", "Use of each boilerplate family by body", familyBodies},
		}})
}

// familyRow is one boilerplate family in the table.
type familyRow struct {
	ID       int
	Template string // the sentence with its varying parts marked
	Example  string // one real wording, when it differs from Template
	Answers  int
	Spread   int
	Bodies   string // "HM Treasury (12), Cabinet Office (3) and 4 others"
	NBodies  int
	First    string
	Last     string
	Variants int
}

type familiesData struct {
	Finding     string
	Chart       chartView
	Families    []familyRow
	FamilyTotal int
	Cap         string
}

func buildFamilies(c *buildContext) (*section, error) {
	res := c.res
	d := &familiesData{FamilyTotal: len(res.Families), Cap: familyCap(c)}
	for i, r := range res.FamilyRanking {
		if i == topFamilies {
			break
		}
		f := res.Families[r.Index]
		var names []string
		for i, b := range f.Bodies {
			if i == 3 {
				names = append(names, plural(len(f.Bodies)-3, "other", "others"))
				break
			}
			names = append(names, fmt.Sprintf("%s (%d)", b.Body, b.Answers))
		}
		row := familyRow{ID: f.ID, Template: familyTemplate(f), Answers: f.Answers, Spread: r.Spread,
			Bodies: listAnd(names), NBodies: len(f.Bodies), First: day(f.First), Last: day(f.Last), Variants: len(f.Variants)}
		if ex := familyText(f); ex != row.Template {
			row.Example = ex
		}
		d.Families = append(d.Families, row)
	}
	s := &section{data: d}
	if len(d.Families) == 0 {
		d.Finding = "No stock sentences were found: no sentence recurs across answers."
		s.Finding = d.Finding
		return s, nil
	}
	f := res.Families[res.FamilyRanking[0].Index]
	when := ""
	if !f.First.IsZero() {
		when = fmt.Sprintf(", first seen on %s and last on %s", longDay(f.First), longDay(f.Last))
	}
	wordings := ""
	switch {
	case len(f.Variants) > 1 && familyTemplate(f) != familyText(f):
		wordings = fmt.Sprintf(", in %s such as “%s”", plural(len(f.Variants), "wording", "different wordings"), clip(familyText(f), 200))
	case len(f.Variants) > 1:
		wordings = fmt.Sprintf(", in %s", plural(len(f.Variants), "wording", "slightly different wordings"))
	}
	d.Finding = fmt.Sprintf("The most widely used stock sentence, “%s”, appears in %s from %s%s%s.",
		clip(familyTemplate(f), 200), plural(f.Answers, "answer", "answers"), plural(len(f.Bodies), "body", "bodies"), wordings, when)
	s.Finding = d.Finding
	var err error
	if d.Chart, err = familyChart(d); err != nil {
		return nil, err
	}
	s.Charts = []chartView{d.Chart}
	return s, nil
}

// familyCap is the per-body cap of the family ranking, as the run recorded
// it among its parameters.
func familyCap(c *buildContext) string {
	for _, p := range c.res.Parameters {
		if p.Name == "FamilyBodyCap" {
			return p.Value
		}
	}
	return "?"
}

// familyText is a family's wording as first written in the corpus, in its
// original case, or the normalised canonical text where the family records
// no example.
func familyText(f boilerplate.Family) string {
	if f.Example != "" {
		return f.Example
	}
	return f.Canonical
}

// familyTemplate is how a family is shown: its sentence with the parts
// that vary between wordings marked (boilerplate.Family.Template).
func familyTemplate(f boilerplate.Family) string {
	if f.Template != "" {
		return f.Template
	}
	return familyText(f)
}

// familyChart is the timeline of the most used boilerplate families: a bar
// from the first to the last answer using each.
func familyChart(d *familiesData) (chartView, error) {
	title := "When the most widely used stock sentences were in use (first to last answer)"
	line := charts.NewLine()
	var labels, tips []string
	for _, f := range d.Families {
		labels = append(labels, fmt.Sprintf("#%d", f.ID))
	}
	line.SetGlobalOptions(append(common(idFamilies, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "16", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", AxisLabel: &opts.AxisLabel{Formatter: "{d} {MMM} {yyyy}", HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)...)
	for _, f := range d.Families {
		label := fmt.Sprintf("#%d", f.ID)
		var pts []opts.LineData
		if f.First != "" {
			pts = []opts.LineData{{Value: []string{f.First, label}}, {Value: []string{f.Last, label}}}
		}
		line.AddSeries(label, pts,
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 5, Color: "#0072B2"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: "#0072B2"}))
		when := "undated"
		if f.First != "" {
			when = f.First + " to " + f.Last
		}
		tips = append(tips, fmt.Sprintf("%s, %s from %s, %s\n%s\n%s", label, plural(f.Answers, "answer", "answers"), plural(f.NBodies, "body", "bodies"), when, clip(f.Template, 160), f.Bodies))
	}
	o := finish(line)
	s, err := optionScript(idFamilies, o, chartMeta{Tooltip: "series", Tips: tips})
	return chartView{ID: idFamilies, Title: title, Height: 50 + 26*max(len(labels), 1), Script: s}, err
}

const familiesTmpl = `<h2>Stock sentences</h2>
<p class="finding">{{.Finding}}</p>
{{if .Families}}
{{template "chart" .Chart}}
<p class="note">Each line runs from the first to the last answer using a family of near-identical sentences. Families are ranked by the answers using them, counting at most {{.Cap}} from any one body, so that one department's repeated letter does not fill the list.{{if gt .FamilyTotal (len .Families)}} The {{len .Families}} most widely used of {{thousands .FamilyTotal}} families are shown; all are in the exports.{{end}} Parts that vary between wordings are marked [date], [number], [link] or …. A sentence shared across bodies may reflect a cross-government line rather than each body's own choice.</p>
<div class="tablewrap"><table>
<caption>Most widely used stock sentences: answers using each, bodies, first and last use</caption>
<thead><tr><th class="n">#</th><th>sentence (varying parts marked)</th><th class="n">answers</th><th class="n">ranked on</th><th>bodies using it (answers)</th><th>first</th><th>last</th></tr></thead>
<tbody>
{{range .Families}}<tr><td class="n">{{.ID}}</td><td>{{.Template}}{{if gt .Variants 1}} <small>{{.Variants}} wordings{{if .Example}}, e.g. “{{.Example}}”{{end}}</small>{{end}}</td><td class="n">{{thousands .Answers}}</td><td class="n">{{thousands .Spread}}</td><td>{{.Bodies}}</td>{{if .First}}<td class="d">{{.First}}</td><td class="d">{{.Last}}</td>{{else}}<td colspan="2" class="d">undated</td>{{end}}</tr>
{{end}}</tbody></table></div>
{{end}}
`

func familiesTable(ix *index) table {
	t := table{cols: []string{"family", "rank", "spread", "template", "canonical", "example", "answers", "bodies", "variants", "first", "last"}}
	for i, r := range ix.res.FamilyRanking {
		f := ix.res.Families[r.Index]
		t.rows = append(t.rows, []interface{}{f.ID, i + 1, r.Spread, familyTemplate(f), f.Canonical, f.Example, f.Answers, len(f.Bodies), len(f.Variants), day(f.First), day(f.Last)})
	}
	return t
}

func familyBodies(ix *index) table {
	t := table{cols: []string{"family", "body", "answers", "share"}}
	for _, f := range ix.res.Families {
		for _, b := range f.Bodies {
			t.rows = append(t.rows, []interface{}{f.ID, b.Body, b.Answers, b.Share})
		}
	}
	return t
}
