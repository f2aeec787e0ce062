package report

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

const idGrounds = "chart_grounds"

func init() {
	register(sectionDef{order: 40, id: "grounds", nav: "Refusal grounds", tmpl: groundsTmpl, build: buildGrounds,
		exports: []exportFile{{"grounds_by_body", "Refusal grounds by answering body, with 95% Wilson intervals", groundsByBody}}})
}

// groundRow is one row of the grounds-by-body table.
type groundRow struct {
	Body    string
	Answers int
	Cells   []cell // in Result.Grounds order
	Any     bool   // the body cites at least one ground
}

type groundsData struct {
	Finding string
	Chart   chartView
	Grounds []string // labels, in Result.Grounds order
	Rows    []groundRow
	Total   groundRow
}

func buildGrounds(c *buildContext) (*section, error) {
	res := c.res
	d := &groundsData{}
	for _, g := range res.Grounds {
		d.Grounds = append(d.Grounds, groundLabel(g))
	}
	for _, b := range res.Bodies {
		d.Rows = append(d.Rows, groundRowOf(b, res.Grounds))
	}
	d.Total = groundRowOf(res.Overall, res.Grounds)
	d.Finding = groundFinding(res)
	var err error
	if d.Chart, err = groundChart(d); err != nil {
		return nil, err
	}
	return &section{Finding: d.Finding, Charts: []chartView{d.Chart}, data: d}, nil
}

func groundRowOf(b analysis.BodyStats, grounds []classify.Ground) groundRow {
	row := groundRow{Body: b.Body, Answers: b.Answers}
	for _, g := range grounds {
		p := b.Grounds[g]
		row.Cells = append(row.Cells, propCell(p))
		if p.Count > 0 {
			row.Any = true
		}
	}
	return row
}

// groundFinding names the most cited ground and the body citing it in the
// largest share of its answers, among those with Result.MinAnswers answers
// (or all, if none has).
func groundFinding(res *analysis.Result) string {
	var best classify.Ground
	for _, g := range res.Grounds {
		if n := res.Overall.Grounds[g].Count; n > 0 && (best == "" || n > res.Overall.Grounds[best].Count) {
			best = g
		}
	}
	if best == "" {
		return "No answer cited a refusal ground."
	}
	p := res.Overall.Grounds[best]
	refusing := res.Overall.Stances[classify.Partial].Count + res.Overall.Stances[classify.Declined].Count
	out := fmt.Sprintf("The most cited ground was %s, in %s", groundLabel(best), plural(p.Count, "answer", "answers"))
	if refusing > 0 {
		out += fmt.Sprintf(" (%s of the %s that were partial or declined)", pct0(share(p.Count, refusing)), numfmt.Thousands(refusing))
	}
	var top *analysis.BodyStats
	for _, need := range []int{res.MinAnswers, 1} {
		for i := range res.Bodies {
			b := &res.Bodies[i]
			if b.Answers < need || b.Grounds[best].Count == 0 {
				continue
			}
			if top == nil || b.Grounds[best].Share > top.Grounds[best].Share ||
				(b.Grounds[best].Share == top.Grounds[best].Share && b.Answers > top.Answers) {
				top = b
			}
		}
		if top != nil {
			break
		}
	}
	if top != nil {
		q := top.Grounds[best]
		out += fmt.Sprintf("; %s cited it in %s of its answers (%s of %s; 95%% CI %s)", top.Body, pct0(q.Share), numfmt.Thousands(q.Count), numfmt.Thousands(top.Answers), ci(q.Low, q.High))
	}
	return out + "."
}

// groundChart is the body × ground heatmap of the share of each body's
// answers citing each ground.
func groundChart(d *groundsData) (chartView, error) {
	title := "Share of each body's answers citing each refusal ground"
	hm := charts.NewHeatMap()
	var bodies []string
	var data []opts.HeatMapData
	var tips []string
	top := 0.0
	for _, r := range d.Rows {
		if !r.Any {
			continue
		}
		y := len(bodies)
		bodies = append(bodies, r.Body)
		for x, c := range r.Cells {
			v := round1(100 * share(c.Count, r.Answers))
			top = max(top, v)
			data = append(data, opts.HeatMapData{Value: [3]float64{float64(x), float64(y), v}})
			tips = append(tips, fmt.Sprintf("%s · %s: %s of %s answers (%s; 95%% CI %s)", r.Body, d.Grounds[x], numfmt.Thousands(c.Count), numfmt.Thousands(r.Answers), c.Share, c.CI))
		}
	}
	if top == 0 {
		top = 1
	}
	hm.SetGlobalOptions(append(common(idGrounds, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "8", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: twoLines(d.Grounds), Position: "top",
			AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: bodies, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", Interval: "0"}}),
	)...)
	hm.AddSeries("grounds", data,
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#fff", BorderWidth: 2}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: "#111", FontSize: 12}))
	o := finish(hm)
	// go-echarts spells lineHeight as a string, which ECharts lays out as
	// NaN for multi-line labels: set the axis directly, with a number.
	o["xAxis"] = []map[string]interface{}{{
		"type": "category", "position": "top", "data": twoLines(d.Grounds),
		"axisLabel": map[string]interface{}{"interval": 0, "lineHeight": 16, "fontSize": 12},
	}}
	o["visualMap"] = []map[string]interface{}{{
		"type": "continuous", "min": 0, "max": top, "dimension": 2, "show": false,
		"inRange": map[string]interface{}{"color": []string{"#F4F8FB", "#9CCDEE", "#3C8FC7"}},
	}}
	s, err := optionScript(idGrounds, o, chartMeta{Tooltip: "item", Tips: tips, Labels: "percent"})
	return chartView{ID: idGrounds, Title: title, Height: 110 + 26*max(len(bodies), 1), Script: s}, err
}

const groundsTmpl = `<h2>Why they declined</h2>
<p class="finding">{{.Finding}}</p>
{{template "chart" .Chart}}
<p class="note">Share of each body's classified answers that cite each ground (an answer may cite several). Only bodies citing at least one ground are charted.</p>
<details><summary>Data table</summary><div class="tablewrap"><table>
<caption>Refusal grounds by answering body: answers citing each ground, share and 95% interval</caption>
<thead><tr><th>body</th><th class="n">answers</th>{{range .Grounds}}<th class="n">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Body}}</td><td class="n">{{thousands .Answers}}</td>{{range .Cells}}<td class="n">{{thousands .Count}} <small>{{.Share}} · {{.CI}}</small></td>{{end}}</tr>
{{end}}{{with .Total}}<tr><th>all bodies</th><th class="n">{{thousands .Answers}}</th>{{range .Cells}}<th class="n">{{thousands .Count}} <small>{{.Share}} · {{.CI}}</small></th>{{end}}</tr>{{end}}
</tbody></table></div></details>
`

func groundsByBody(ix *index) table {
	t := table{cols: []string{"body", "answers", "ground", "count", "share", "ci95_low", "ci95_high"}}
	for _, b := range ix.res.Bodies {
		for _, g := range ix.res.Grounds {
			p := b.Grounds[g]
			t.rows = append(t.rows, []interface{}{b.Body, b.Answers, string(g), p.Count, p.Share, p.Low, p.High})
		}
	}
	return t
}
