package report

import (
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/internal/numfmt"
)

const idTime = "chart_time"

// smallOpacity is how faintly a month with fewer than Result.MinAnswers
// answers is drawn: its 100% bar of two answers must not read like a full
// month's.
const smallOpacity = 0.3

func init() {
	register(sectionDef{order: 60, id: "time", nav: "Over time", tmpl: timeTmpl, build: buildTime,
		exports: []exportFile{{"stance_by_month", "Stance by month of answer, all bodies and each body, with 95% Wilson intervals", stanceByMonth}}})
}

// monthRow is one month of the stance-over-time table.
type monthRow struct {
	Month string
	Label string
	Total int
	Small bool
	Cells []cell
}

type timeData struct {
	Finding     string
	Chart       chartView
	StanceCols  []stanceCol
	Months      []monthRow
	MonthBodies []string // bodies selectable in the chart
	Series      template.HTML
	MinAnswers  int
	SmallMonths int
}

func buildTime(c *buildContext) (*section, error) {
	res := c.res
	d := &timeData{StanceCols: stanceCols(), MinAnswers: res.MinAnswers}
	for _, ms := range res.Overall.Months {
		row := monthRow{Month: ms.Month, Label: monthLabel(ms.Month), Total: ms.Answers, Small: ms.Small}
		for _, s := range classify.Stances {
			row.Cells = append(row.Cells, propCell(ms.Stances[s]))
		}
		if ms.Small {
			d.SmallMonths++
		}
		d.Months = append(d.Months, row)
	}
	for _, b := range res.Bodies {
		d.MonthBodies = append(d.MonthBodies, b.Body)
	}
	d.Finding = timeFinding(res)
	s := &section{Finding: d.Finding, data: d}
	if len(d.Months) == 0 {
		return s, nil
	}
	var err error
	if d.Chart, d.Series, err = timeChart(d, res); err != nil {
		return nil, err
	}
	s.Charts = []chartView{d.Chart}
	return s, nil
}

// timeFinding compares the declined share of the first, last and peak
// months among those with at least Result.MinAnswers answers (all months,
// with a caution, when none has).
func timeFinding(res *analysis.Result) string {
	months := res.Overall.Months
	if len(months) == 0 {
		return "No classified answer has an answer date, so nothing can be shown over time."
	}
	rows, few := months, ""
	var big []analysis.MonthStats
	for _, m := range months {
		if !m.Small {
			big = append(big, m)
		}
	}
	if len(big) > 0 {
		if len(big) < len(months) {
			few = fmt.Sprintf(" (months with fewer than %d answers left out)", res.MinAnswers)
		}
		rows = big
	} else {
		few = fmt.Sprintf(" (every month has fewer than %d answers, so these shares are very uncertain)", res.MinAnswers)
	}
	first, last := rows[0], rows[len(rows)-1]
	peak := first
	for _, r := range rows {
		if r.Stances[classify.Declined].Share > peak.Stances[classify.Declined].Share {
			peak = r
		}
	}
	dec := func(m analysis.MonthStats) stats.Proportion { return m.Stances[classify.Declined] }
	if len(rows) == 1 {
		p := dec(first)
		return fmt.Sprintf("%s of the answers in %s were declined (%s of %s; 95%% CI %s)%s.",
			capitalise(pct0(p.Share)), monthLabel(first.Month), numfmt.Thousands(p.Count), numfmt.Thousands(first.Answers), ci(p.Low, p.High), few)
	}
	f, l, pk := dec(first), dec(last), dec(peak)
	return fmt.Sprintf("Declined answers were %s of the month's answers in %s (%s of %s) and %s in %s (%s of %s); the highest monthly share was %s, in %s (%s of %s; 95%% CI %s)%s.",
		pct0(f.Share), monthLabel(first.Month), numfmt.Thousands(f.Count), numfmt.Thousands(first.Answers),
		pct0(l.Share), monthLabel(last.Month), numfmt.Thousands(l.Count), numfmt.Thousands(last.Answers),
		pct0(pk.Share), monthLabel(peak.Month), numfmt.Thousands(pk.Count), numfmt.Thousands(peak.Answers), ci(pk.Low, pk.High), few)
}

// timeSeries is the data of one selectable body in the over-time chart.
type timeSeries struct {
	Name   string          `json:"name"`
	Values [][]interface{} `json:"values"` // [stance][month]: a share in percent, or {value, itemStyle} for a small month
	Labels []string        `json:"labels"` // month labels with the month's n
	Counts [][]int         `json:"counts"` // [month][stance]
	Totals []int           `json:"totals"`
}

// timeValues lays out one body's months (or all bodies') on the months of
// the chart's axis; a small month's bars are drawn faint.
func timeValues(name string, ms []analysis.MonthStats, months []string) timeSeries {
	by := map[string]analysis.MonthStats{}
	for _, m := range ms {
		by[m.Month] = m
	}
	ts := timeSeries{Name: name, Values: make([][]interface{}, len(classify.Stances))}
	for _, k := range months {
		m, ok := by[k]
		counts := make([]int, len(classify.Stances))
		for j, s := range classify.Stances {
			var v interface{} = 0.0
			if ok {
				counts[j] = m.Stances[s].Count
				pv := round1(100 * m.Stances[s].Share)
				v = pv
				if m.Small {
					v = map[string]interface{}{"value": pv, "itemStyle": map[string]interface{}{"opacity": smallOpacity}}
				}
			}
			ts.Values[j] = append(ts.Values[j], v)
		}
		ts.Counts = append(ts.Counts, counts)
		ts.Totals = append(ts.Totals, m.Answers)
		label := fmt.Sprintf("%s\nn=%s", monthLabel(k), numfmt.Thousands(m.Answers))
		if ok && m.Small {
			label += " (few)"
		}
		ts.Labels = append(ts.Labels, label)
	}
	return ts
}

// timeChart is the stacked bar of stance shares by month of answer, for the
// whole corpus; the per-body series go in a separate JSON block that the
// page's body selector swaps in.
func timeChart(d *timeData, res *analysis.Result) (chartView, template.HTML, error) {
	title := "Share of classified answers by stance, by month of answer"
	months := make([]string, len(d.Months))
	for i, r := range d.Months {
		months[i] = r.Month
	}
	all := timeValues("All bodies", res.Overall.Months, months)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(idTime, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", ItemWidth: 14, ItemHeight: 14}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
	)...)
	bar.SetXAxis(all.Labels)
	for _, col := range d.StanceCols {
		data := make([]opts.BarData, len(months))
		for i := range months {
			data[i] = opts.BarData{Value: 0}
		}
		bar.AddSeries(col.Label, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "stance", BarCategoryGap: "20%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: col.Colour}))
	}
	o := finish(bar)
	// go-echarts' BarData cannot carry a per-bar style: set each series'
	// data directly, small months faint.
	// (go-echarts keeps its series typed: round-trip them through JSON to
	// set the data, and fail rather than draw zeros if that goes wrong.)
	raw, err := json.Marshal(o["series"])
	if err != nil {
		return chartView{}, "", fmt.Errorf("report: time chart: %w", err)
	}
	var seriesOpts []map[string]interface{}
	if err := json.Unmarshal(raw, &seriesOpts); err != nil || len(seriesOpts) != len(all.Values) {
		return chartView{}, "", fmt.Errorf("report: time chart: %d series for %d stances (%v)", len(seriesOpts), len(all.Values), err)
	}
	for j := range seriesOpts {
		seriesOpts[j]["data"] = all.Values[j]
	}
	o["series"] = seriesOpts
	s, err := optionScript(idTime, o, chartMeta{Tooltip: "time", Counts: all.Counts, Totals: all.Totals})
	if err != nil {
		return chartView{}, "", err
	}
	per := []timeSeries{all}
	for _, b := range res.Bodies {
		per = append(per, timeValues(b.Body, b.Months, months))
	}
	b, err := json.Marshal(per)
	if err != nil {
		return chartView{}, "", fmt.Errorf("report: over-time series: %w", err)
	}
	series := template.HTML(`<script type="application/json" id="time_series">` + string(b) + `</script>`)
	return chartView{ID: idTime, Title: title, Height: 380, Script: s}, series, nil
}

const timeTmpl = `<h2>Over time</h2>
<p class="finding">{{.Finding}}</p>
{{if .Months}}
<p><label for="time_body">Show: </label><select id="time_body"><option value="0">All bodies</option>{{range $i, $b := .MonthBodies}}<option value="{{inc $i}}">{{$b}}</option>{{end}}</select></p>
{{template "chart" .Chart}}
{{.Series}}
<p class="note">Each bar is one month's classified answers split by stance; the month's number of answers is under it.{{if .SmallMonths}} Months with fewer than {{.MinAnswers}} answers are drawn faint and marked “few”: a bar of two answers is all one stance or half and half, whatever the body's practice.{{end}}</p>
<details><summary>Data table (all bodies; each body's months are in the exports)</summary><div class="tablewrap"><table>
<caption>Stance by month of answer, all bodies: count, share of the month's classified answers and 95% interval</caption>
<thead><tr><th>month</th><th class="n">answers</th>{{range .StanceCols}}<th class="n"><span class="swatch" style="background:{{.Colour}}"></span>{{.Label}}</th>{{end}}</tr></thead>
<tbody>
{{range .Months}}<tr{{if .Small}} class="few"{{end}}><td>{{.Label}}{{if .Small}} <small>(few answers)</small>{{end}}</td><td class="n">{{thousands .Total}}</td>{{range .Cells}}<td class="n">{{thousands .Count}} <small>{{.Share}} · {{.CI}}</small></td>{{end}}</tr>
{{end}}</tbody></table></div></details>
{{end}}
`

func stanceByMonth(ix *index) table {
	t := table{cols: []string{"month", "body", "stance", "count", "total", "share", "ci95_low", "ci95_high", "few"}}
	for _, b := range append([]analysis.BodyStats{ix.res.Overall}, ix.res.Bodies...) {
		for _, m := range b.Months {
			for _, s := range classify.Stances {
				p := m.Stances[s]
				t.rows = append(t.rows, []interface{}{m.Month, b.Body, string(s), p.Count, m.Answers, p.Share, p.Low, p.High, m.Small})
			}
		}
	}
	return t
}
