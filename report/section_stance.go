package report

import (
	"fmt"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

const idStance = "chart_stance"

func init() {
	register(sectionDef{order: 20, id: "stance", nav: "Stance by body", tmpl: stanceTmpl, build: buildStance,
		exports: []exportFile{{"stance_by_body", "Stance by answering body, with 95% Wilson intervals", stanceByBody}}})
}

// bodyRow is one row of the stance-by-body table.
type bodyRow struct {
	Body       string
	Names      string // "answers given as …" when renamed within the corpus's span
	Answers    int
	Cells      []cell // in stanceCols order
	Overridden int
	// Corrected holds the shares corrected for classifier error, in
	// stanceCols order (Count unused); nil when the body is not corrected.
	Corrected []cell
}

type stanceData struct {
	Finding string
	Caution string
	// Correction is the plain sentence on what the corrected shares are,
	// or why there are none.
	Correction   string
	AnyCorrected bool
	Chart        chartView
	StanceCols   []stanceCol
	Bodies       []bodyRow
	Total        bodyRow
}

func buildStance(c *buildContext) (*section, error) {
	res := c.res
	d := &stanceData{StanceCols: stanceCols()}
	for _, b := range res.Bodies {
		d.Bodies = append(d.Bodies, stanceRow(b))
	}
	d.Total = stanceRow(res.Overall)
	for _, r := range append(d.Bodies, d.Total) {
		if r.Corrected != nil {
			d.AnyCorrected = true
		}
	}
	switch c := res.Correction; {
	case c.Skipped != "":
		d.Correction = "Shares are not corrected for classifier error: " + c.Skipped + "."
	case d.AnyCorrected:
		d.Correction = c.Sentence() + fmt.Sprintf(" Bodies with fewer than %d answers are not corrected.", c.MinAnswers)
	case c.Labelled > 0:
		d.Correction = fmt.Sprintf("No body has the %d answers a correction for classifier error needs.", c.MinAnswers)
	}
	var finding string
	c.m.Dek, finding, d.Caution = stanceFinding(res)
	d.Finding = finding
	var err error
	if d.Chart, err = stanceChart(d); err != nil {
		return nil, err
	}
	return &section{Finding: finding, Charts: []chartView{d.Chart}, data: d}, nil
}

func stanceRow(b analysis.BodyStats) bodyRow {
	row := bodyRow{Body: b.Body, Answers: b.Answers, Overridden: b.Overridden, Names: namesNote(b)}
	for _, s := range classify.Stances {
		row.Cells = append(row.Cells, propCell(b.Stances[s]))
	}
	if b.Corrected != nil {
		for _, s := range classify.Stances {
			e := b.Corrected[s]
			row.Corrected = append(row.Corrected, cell{Share: pct(e.Share), CI: ci(e.Low, e.High)})
		}
	}
	return row
}

// namesNote says under which other names a body's answers were given, when
// it was renamed within the corpus's span.
func namesNote(b analysis.BodyStats) string {
	if len(b.Names) < 2 && (len(b.Names) == 0 || b.Names[0].Name == b.Body) {
		return ""
	}
	var parts []string
	for _, n := range b.Names {
		parts = append(parts, fmt.Sprintf("%s (%s, %s to %s)", n.Name, plural(n.Answers, "answer", "answers"), day(n.First), day(n.Last)))
	}
	return "answers given as " + listAnd(parts)
}

// stanceFinding says, from the data, what the stance chart shows: the mix
// overall, and which body declined the largest and smallest share among
// those with at least Result.MinAnswers answers.
//
// It returns the overall mix alone (the report's dek), the whole finding
// as one sentence, and a caution when no body has enough answers to rank.
func stanceFinding(res *analysis.Result) (overall, finding, caution string) {
	all := res.Overall.Answers
	if all == 0 {
		s := "No answers were classified, so there is nothing to compare."
		return s, s, ""
	}
	var parts []string
	for _, s := range classify.Stances {
		if p := res.Overall.Stances[s]; p.Count > 0 {
			parts = append(parts, fmt.Sprintf("%s %s (%s)", numfmt.Thousands(p.Count), stanceLabel(s), pct0(p.Share)))
		}
	}
	out := fmt.Sprintf("Of %s, %s", plural(all, "classified answer", "classified answers"), listAnd(parts))
	minN := res.MinAnswers
	var elig []analysis.BodyStats
	for _, b := range res.Bodies {
		if b.Answers >= minN {
			elig = append(elig, b)
		}
	}
	if len(elig) < 2 {
		elig = elig[:0]
		for _, b := range res.Bodies {
			if b.Answers > 0 {
				elig = append(elig, b)
			}
		}
		caution = fmt.Sprintf("No body has %d or more answers, so these shares are very uncertain.", minN)
	}
	if len(elig) < 2 {
		return out + ".", out + ".", caution
	}
	sort.SliceStable(elig, func(i, j int) bool {
		si, sj := elig[i].Stances[classify.Declined].Share, elig[j].Stances[classify.Declined].Share
		if si != sj {
			return si > sj
		}
		if elig[i].Answers != elig[j].Answers {
			return elig[i].Answers > elig[j].Answers
		}
		return elig[i].Body < elig[j].Body
	})
	desc := func(b analysis.BodyStats) string {
		p := b.Stances[classify.Declined]
		ties := 0
		for _, o := range elig {
			if o.Body != b.Body && o.Stances[classify.Declined].Share == p.Share {
				ties++
			}
		}
		t := ""
		if ties > 0 {
			t = fmt.Sprintf(", tied with %s", plural(ties, "other body", "other bodies"))
		}
		return fmt.Sprintf("%s (%s of %s, %s; 95%% CI %s%s)", b.Body, numfmt.Thousands(p.Count), numfmt.Thousands(b.Answers), pct0(p.Share), ci(p.Low, p.High), t)
	}
	hi, lo := elig[0], elig[len(elig)-1]
	scope := "among bodies"
	if caution == "" {
		scope = fmt.Sprintf("among the %d bodies with at least %d answers", len(elig), minN)
	}
	return out + ".", fmt.Sprintf("%s; %s, the largest share declined was at %s and the smallest at %s.", out, scope, desc(hi), desc(lo)), caution
}

// stanceChart is the stacked bar of stance shares by answering body.
func stanceChart(d *stanceData) (chartView, error) {
	title := "Share of each body's classified answers by stance"
	bar := charts.NewBar()
	bodies := make([]string, len(d.Bodies))
	var allTips [][]string
	for i, b := range d.Bodies {
		bodies[i] = b.Body
		var tips []string
		for j, c := range b.Cells {
			tip := fmt.Sprintf("%s of %s (%s; 95%% CI %s)", numfmt.Thousands(c.Count), numfmt.Thousands(b.Answers), c.Share, c.CI)
			if b.Corrected != nil {
				tip += fmt.Sprintf("; corrected for classifier error %s (95%% CI %s)", b.Corrected[j].Share, b.Corrected[j].CI)
			}
			tips = append(tips, tip)
		}
		allTips = append(allTips, tips)
	}
	bar.SetGlobalOptions(append(common(idStance, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", ItemWidth: 14, ItemHeight: 14}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: bodies, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", Interval: "0"}}),
	)...)
	for j, col := range d.StanceCols {
		data := make([]opts.BarData, len(d.Bodies))
		for i, b := range d.Bodies {
			data[i] = opts.BarData{Value: round1(100 * share(b.Cells[j].Count, b.Answers))}
		}
		bar.AddSeries(col.Label, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "stance", BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: col.Colour}))
	}
	o := finish(bar)
	s, err := optionScript(idStance, o, chartMeta{Tooltip: "axis", Tips: allTips})
	return chartView{ID: idStance, Title: title, Height: 70 + 28*max(len(d.Bodies), 1), Script: s}, err
}

const stanceTmpl = `<h2>Who disclosed and who declined</h2>
<p class="finding">{{.Finding}}</p>
{{template "chart" .Chart}}
<p class="note">Bars show each body's classified answers split by stance, as classified; hover for counts and 95% Wilson intervals{{if .AnyCorrected}}, and for the shares corrected for classifier error{{end}}. Bodies are ordered by number of answers.{{if .Caution}} {{.Caution}}{{end}}</p>
{{if .Correction}}<p class="note">{{.Correction}}</p>{{end}}
<details open><summary>Data table</summary><div class="tablewrap"><table>
<caption>Stance by answering body: count, share and 95% interval as classified{{if .AnyCorrected}}; below, the share corrected for classifier error with its 95% interval{{end}}</caption>
<thead><tr><th>body</th><th class="n">answers</th>{{range .StanceCols}}<th class="n"><span class="swatch" style="background:{{.Colour}}"></span>{{.Label}}</th>{{end}}<th class="n">overridden</th></tr></thead>
<tbody>
{{range $r := .Bodies}}<tr><td>{{.Body}}{{if .Names}}<br><small>{{.Names}}</small>{{end}}</td><td class="n">{{thousands .Answers}}</td>{{range $j, $c := .Cells}}<td class="n">{{thousands $c.Count}} <small>{{$c.Share}} · {{$c.CI}}</small>{{with $.Corr $j $r.Corrected}}<br><small class="corr">corrected {{.Share}} · {{.CI}}</small>{{end}}</td>{{end}}<td class="n">{{thousands .Overridden}}</td></tr>
{{end}}{{with .Total}}{{$r := .}}<tr><th>all bodies</th><th class="n">{{thousands .Answers}}</th>{{range $j, $c := .Cells}}<th class="n">{{thousands $c.Count}} <small>{{$c.Share}} · {{$c.CI}}</small>{{with $.Corr $j $r.Corrected}}<br><small class="corr">corrected {{.Share}} · {{.CI}}</small>{{end}}</th>{{end}}<th class="n">{{thousands .Overridden}}</th></tr>{{end}}
</tbody></table></div></details>
`

// Corr returns the j-th corrected cell of a row, or nil when the row is not
// corrected (a template helper: ranging over Cells, the row is out of
// reach).
func (d *stanceData) Corr(j int, corrected []cell) *cell {
	if j < len(corrected) {
		return &corrected[j]
	}
	return nil
}

// stanceByBody is the stance table as tidy rows: the shares as classified
// and, where the body was corrected, the shares corrected for classifier
// error (empty cells otherwise).
func stanceByBody(ix *index) table {
	t := table{cols: []string{"body", "answers", "stance", "count", "share", "ci95_low", "ci95_high",
		"corrected_share", "corrected_ci95_low", "corrected_ci95_high"}}
	for _, b := range ix.res.Bodies {
		for _, s := range classify.Stances {
			p := b.Stances[s]
			row := []interface{}{b.Body, b.Answers, string(s), p.Count, p.Share, p.Low, p.High, nil, nil, nil}
			if e, ok := b.Corrected[s]; ok {
				row[7], row[8], row[9] = e.Share, e.Low, e.High
			}
			t.rows = append(t.rows, row)
		}
	}
	return t
}
