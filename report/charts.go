package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
)

// Chart element IDs: fixed, so output is deterministic (go-echarts would
// otherwise draw random ones), and made of letters, digits and underscores
// only, so they are safe as HTML IDs and JavaScript identifiers alike.
const (
	idStance   = "chart_stance"
	idHeat     = "chart_heat"
	idGrounds  = "chart_grounds"
	idFamilies = "chart_families"
	idTime     = "chart_time"
)

var safeID = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// fontFamily is the chart font, matching the page's.
const fontFamily = `"Source Sans 3", "Helvetica Neue", Arial, sans-serif`

// optionScript marshals a chart's option object (and the extra data the
// page's script needs for tooltips, under "_meta") into a
// <script type="application/json"> block. encoding/json escapes <, > and &
// (and U+2028/U+2029), so no text in the data can close the script element
// or open another, and "__f__" markers stay inert text: nothing here strips
// them as go-echarts' own renderer does.
func optionScript(id, kind string, option map[string]interface{}, meta interface{}) (template.HTML, error) {
	if !safeID.MatchString(id) || !safeID.MatchString(kind) {
		return "", fmt.Errorf("report: unsafe chart id %q or kind %q", id, kind)
	}
	option["_meta"] = meta
	b, err := json.Marshal(option)
	delete(option, "_meta")
	if err != nil {
		return "", fmt.Errorf("report: chart %s: %w", id, err)
	}
	return template.HTML(`<script type="application/json" class="chart-option" data-chart="` + id + `" data-kind="` + kind + `">` + string(b) + `</script>`), nil
}

// common returns the global options every chart shares.
func common(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%"}),
		charts.WithAnimation(false),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: title}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", BorderColor: "#ccc"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

// finish validates a chart and returns its option map with a fixed text
// style, ready for patching.
func finish(c interface {
	Validate()
	JSON() map[string]interface{}
}) map[string]interface{} {
	c.Validate()
	o := c.JSON()
	o["textStyle"] = map[string]interface{}{"fontFamily": fontFamily, "fontSize": 13, "color": "#222"}
	return o
}

// stanceMeta carries the tooltip lines of the stance chart: per body, per
// stance, "k of n (x%; 95% CI a–b%)".
type stanceMeta struct {
	Tips [][]string `json:"tips"`
}

// stanceChart is the stacked bar of stance shares by answering body.
func stanceChart(m *mainModel) (chartView, error) {
	title := "Share of each body's classified answers by stance"
	bar := charts.NewBar()
	bodies := make([]string, len(m.Bodies))
	meta := stanceMeta{Tips: make([][]string, len(m.Bodies))}
	for i, b := range m.Bodies {
		bodies[i] = b.Body
		for _, c := range b.Cells {
			meta.Tips[i] = append(meta.Tips[i], fmt.Sprintf("%s of %s (%s; 95%% CI %s)", thousands(c.Count), thousands(b.Answers), c.Share, c.CI))
		}
	}
	bar.SetGlobalOptions(append(common(idStance, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", ItemWidth: 14, ItemHeight: 14}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: bodies, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", Interval: "0"}}),
	)...)
	for j, col := range m.StanceCols {
		data := make([]opts.BarData, len(m.Bodies))
		for i, b := range m.Bodies {
			v := 0.0
			if b.Answers > 0 {
				v = 100 * float64(b.Cells[j].Count) / float64(b.Answers)
			}
			data[i] = opts.BarData{Value: round1(v)}
		}
		bar.AddSeries(col.Label, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "stance", BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: col.Colour}))
	}
	o := finish(bar)
	s, err := optionScript(idStance, "stance", o, meta)
	return chartView{ID: idStance, Title: title, Height: 70 + 28*max(len(m.Bodies), 1), Script: s}, err
}

// heatPieces are the categories of the group × body heatmap: the five
// stances, then "mixed" and "other" (unanswered or missing).
func heatPieces() []map[string]interface{} {
	var out []map[string]interface{}
	for i, s := range classify.Stances {
		out = append(out, map[string]interface{}{"value": i, "label": stanceLabel(s), "color": colourOf(s)})
	}
	out = append(out,
		map[string]interface{}{"value": len(classify.Stances), "label": "mixed", "color": mixedColour},
		map[string]interface{}{"value": len(classify.Stances) + 1, "label": "unanswered or missing", "color": colourOf(classify.Unanswered)})
	return out
}

// heatCode maps a heat cell to its piece value.
func heatCode(c heatCell) int {
	for i, s := range classify.Stances {
		if c.Text == stanceLabel(s) {
			return i
		}
	}
	if c.Colour == mixedColour {
		return len(classify.Stances)
	}
	return len(classify.Stances) + 1
}

// heatMeta carries per-cell tooltips of a heatmap, by data index.
type heatMeta struct {
	Tips []string `json:"tips"`
}

// heatChart is the round-robin group × body heatmap coloured by stance.
func heatChart(m *mainModel) (chartView, error) {
	title := "Stance of each body's answer in each round-robin group"
	hm := charts.NewHeatMap()
	groups := make([]string, len(m.HeatRows))
	var data []opts.HeatMapData
	var meta heatMeta
	for x, r := range m.HeatRows {
		groups[x] = r.ID
		for y, c := range r.Cells {
			if c.Text == "" {
				continue
			}
			data = append(data, opts.HeatMapData{Value: [3]int{x, y, heatCode(c)}})
			tip := fmt.Sprintf("%s · %s: %s", r.ID, m.HeatBodies[y], c.Text)
			if c.Overridden {
				tip += " (verdict overridden by hand)"
			}
			meta.Tips = append(meta.Tips, tip+"\n"+clip(r.Canonical, 120))
		}
	}
	rotate := 0.0
	if len(groups) > 8 {
		rotate = 90
	}
	hm.SetGlobalOptions(append(common(idHeat, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "44", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: groups, SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Rotate: rotate, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: m.HeatBodies, Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", Interval: "0"}}),
	)...)
	hm.AddSeries("stance", data, charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#fff", BorderWidth: 2}))
	o := finish(hm)
	// go-echarts' Piece cannot express ECharts' categorical pieces
	// ({value, label}), and omits a zero bound: set the visualMap directly.
	o["visualMap"] = []map[string]interface{}{{
		"type": "piecewise", "dimension": 2, "pieces": heatPieces(), "orient": "horizontal",
		"top": 0, "left": 0, "itemWidth": 14, "itemHeight": 14, "textStyle": map[string]interface{}{"fontFamily": fontFamily},
	}}
	s, err := optionScript(idHeat, "heat", o, meta)
	return chartView{ID: idHeat, Title: title, Height: 90 + 26*max(len(m.HeatBodies), 1) + 6*maxLen(groups), Script: s}, err
}

// maxLen returns the length in runes of the longest string, for axis room.
func maxLen(ss []string) int {
	n := 0
	for _, s := range ss {
		n = max(n, len([]rune(s)))
	}
	return min(n, 24)
}

// groundChart is the body × ground heatmap of the share of each body's
// answers citing each ground.
func groundChart(m *mainModel) (chartView, error) {
	title := "Share of each body's answers citing each refusal ground"
	hm := charts.NewHeatMap()
	var bodies []string
	var data []opts.HeatMapData
	var meta heatMeta
	top := 0.0
	for _, r := range m.GroundRows {
		if !r.Any {
			continue
		}
		y := len(bodies)
		bodies = append(bodies, r.Body)
		for x, c := range r.Cells {
			v := round1(100 * share(c.Count, r.Answers))
			top = max(top, v)
			data = append(data, opts.HeatMapData{Value: [3]float64{float64(x), float64(y), v}})
			meta.Tips = append(meta.Tips, fmt.Sprintf("%s · %s: %s of %s answers (%s; 95%% CI %s)", r.Body, m.Grounds[x], thousands(c.Count), thousands(r.Answers), c.Share, c.CI))
		}
	}
	if top == 0 {
		top = 1
	}
	hm.SetGlobalOptions(append(common(idGrounds, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "8", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: twoLines(m.Grounds), Position: "top",
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
		"type": "category", "position": "top", "data": twoLines(m.Grounds),
		"axisLabel": map[string]interface{}{"interval": 0, "lineHeight": 16, "fontSize": 12},
	}}
	o["visualMap"] = []map[string]interface{}{{
		"type": "continuous", "min": 0, "max": top, "dimension": 2, "show": false,
		"inRange": map[string]interface{}{"color": []string{"#F4F8FB", "#9CCDEE", "#3C8FC7"}},
	}}
	s, err := optionScript(idGrounds, "grounds", o, meta)
	return chartView{ID: idGrounds, Title: title, Height: 110 + 26*max(len(bodies), 1), Script: s}, err
}

// twoLines breaks each label at its last space, so that nine ground names
// fit side by side (ECharts' own label breaking overlaps lines on a top axis).
func twoLines(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		if j := strings.LastIndex(l, " "); j > 0 {
			l = l[:j] + "\n" + l[j+1:]
		}
		out[i] = l
	}
	return out
}

// familyMeta carries one tooltip per family series.
type familyMeta struct {
	Tips []string `json:"tips"`
}

// familyChart is the timeline of the most used boilerplate families: a bar
// from the first to the last answer using each.
func familyChart(m *mainModel, res *analysis.Result) (chartView, error) {
	title := "When the most used stock sentences were in use (first to last answer)"
	line := charts.NewLine()
	var labels []string
	var meta familyMeta
	for _, f := range m.Families {
		labels = append(labels, fmt.Sprintf("#%d", f.ID))
	}
	line.SetGlobalOptions(append(common(idFamilies, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "16", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", AxisLabel: &opts.AxisLabel{Formatter: "{d} {MMM} {yyyy}", HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)...)
	for _, f := range m.Families {
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
		meta.Tips = append(meta.Tips, fmt.Sprintf("%s, %s, %s\n%s\n%s", label, plural(f.Answers, "answer", "answers"), when, clip(f.Canonical, 160), f.Bodies))
	}
	o := finish(line)
	s, err := optionScript(idFamilies, "families", o, meta)
	return chartView{ID: idFamilies, Title: title, Height: 50 + 26*max(len(labels), 1), Script: s}, err
}

// timeMeta carries the counts behind the over-time chart, for tooltips:
// Counts[month][stance] and Totals[month].
type timeMeta struct {
	Counts [][]int `json:"counts"`
	Totals []int   `json:"totals"`
}

// timeSeries is the data of one selectable body in the over-time chart.
type timeSeries struct {
	Name   string      `json:"name"`
	Values [][]float64 `json:"values"` // [stance][month] share in percent
	Labels []string    `json:"labels"` // month labels with the month's n
	timeMeta
}

// withN adds each month's number of answers to its axis label, so that a
// 100% bar made of two answers is seen for what it is.
func withN(labels []string, totals []int) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = fmt.Sprintf("%s\nn=%s", l, thousands(totals[i]))
	}
	return out
}

// timeValues computes the chart values and counts of one body (or all).
func timeValues(res *analysis.Result, body string, months []string) timeSeries {
	mc := monthCounts(res, body)
	ts := timeSeries{Name: body, Values: make([][]float64, len(classify.Stances))}
	for j := range classify.Stances {
		ts.Values[j] = make([]float64, len(months))
	}
	for i, k := range months {
		c := mc[k]
		counts := make([]int, len(classify.Stances))
		total := 0
		if c != nil {
			copy(counts, c.n)
			total = c.total
		}
		for j := range classify.Stances {
			ts.Values[j][i] = round1(100 * share(counts[j], total))
		}
		ts.Counts = append(ts.Counts, counts)
		ts.Totals = append(ts.Totals, total)
	}
	return ts
}

// timeChart is the stacked bar of stance shares by month of answer, for the
// whole corpus; the per-body series go in a separate JSON block that the
// page's body selector swaps in.
func timeChart(m *mainModel, res *analysis.Result) (chartView, template.HTML, error) {
	title := "Share of classified answers by stance, by month of answer"
	months := make([]string, len(m.Months))
	labels := make([]string, len(m.Months))
	for i, r := range m.Months {
		months[i], labels[i] = r.Month, r.Label
	}
	all := timeValues(res, "", months)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(idTime, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", ItemWidth: 14, ItemHeight: 14}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
	)...)
	bar.SetXAxis(withN(labels, all.Totals))
	for j, col := range m.StanceCols {
		data := make([]opts.BarData, len(months))
		for i := range months {
			data[i] = opts.BarData{Value: all.Values[j][i]}
		}
		bar.AddSeries(col.Label, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "stance", BarCategoryGap: "20%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: col.Colour}))
	}
	o := finish(bar)
	s, err := optionScript(idTime, "time", o, all.timeMeta)
	if err != nil {
		return chartView{}, "", err
	}
	var per []timeSeries
	per = append(per, all)
	per[0].Name = "All bodies"
	for _, b := range m.MonthBodies {
		per = append(per, timeValues(res, b, months))
	}
	for i := range per {
		per[i].Labels = withN(labels, per[i].Totals)
	}
	b, err := json.Marshal(per)
	if err != nil {
		return chartView{}, "", fmt.Errorf("report: over-time series: %w", err)
	}
	series := template.HTML(`<script type="application/json" id="time_series">` + string(b) + `</script>`)
	return chartView{ID: idTime, Title: title, Height: 380, Script: s}, series, nil
}
