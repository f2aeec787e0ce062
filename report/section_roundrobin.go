package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

const idHeat = "chart_heat"

func init() {
	register(sectionDef{order: 30, id: "roundrobin", nav: "Round robins", tmpl: heatTmpl, build: buildHeat,
		exports: []exportFile{
			{"group_body_stance", "Stance of every answer in every round-robin group", groupBodyStance},
			{"groups", "Round-robin groups", groupsTable},
			{"campaigns", "Campaigns: the same question from different askers", campaignsTable},
		}})
}

// heatCell is one cell of the group × body table.
type heatCell struct {
	Text       string
	Colour     string
	Overridden bool
}

// heatRow is one group of the heatmap table.
type heatRow struct {
	Num       int // 1-based position in Result.Groups
	ID        string
	Canonical string
	Link      string
	Cells     []heatCell // in heat body order
}

type heatData struct {
	Finding    string
	Chart      chartView
	HeatBodies []string
	HeatRows   []heatRow
	HeatMixed  bool
	Groups     int
	Ungrouped  int
	Campaigns  int
}

func buildHeat(c *buildContext) (*section, error) {
	ix, res := c.ix, c.res
	d := &heatData{Groups: len(res.Groups), Campaigns: len(res.Campaigns)}
	inGroup := map[string]bool{}
	order := make([]int, len(res.Groups))
	for i := range res.Groups {
		order[i] = i
		for _, mem := range res.Groups[i].Members {
			inGroup[mem.ID] = true
		}
	}
	for i := range res.Answers {
		if r := res.Answers[i].Record; r != nil && !inGroup[r.ID] {
			d.Ungrouped++
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return res.Groups[order[a]].Bodies() > res.Groups[order[b]].Bodies()
	})
	if len(order) > heatGroups {
		order = order[:heatGroups]
	}
	sort.Ints(order)

	// Bodies in the order of Result.Bodies, then any others by name.
	used := map[string]bool{}
	for _, gi := range order {
		for _, mem := range res.Groups[gi].Members {
			used[mem.Body] = true
		}
	}
	for _, b := range res.Bodies {
		if used[b.Body] {
			d.HeatBodies = append(d.HeatBodies, b.Body)
			delete(used, b.Body)
		}
	}
	d.HeatBodies = append(d.HeatBodies, sortedKeys(used)...)
	col := map[string]int{}
	for i, b := range d.HeatBodies {
		col[b] = i
	}

	disagree := 0
	for gi := range res.Groups {
		seen := map[classify.Stance]bool{}
		for _, mem := range res.Groups[gi].Members {
			if a, ok := ix.member(mem); ok && classified(a) {
				seen[a.Verdict.Stance] = true
			}
		}
		if len(seen) > 1 {
			disagree++
		}
	}
	for _, gi := range order {
		g := &res.Groups[gi]
		row := heatRow{Num: gi + 1, ID: g.ID, Canonical: clip(g.Canonical, 160),
			Link:  fmt.Sprintf("#g%d", gi+1),
			Cells: make([]heatCell, len(d.HeatBodies))}
		stances := make([]map[classify.Stance]bool, len(d.HeatBodies))
		for _, mem := range g.Members {
			ci := col[mem.Body]
			if stances[ci] == nil {
				stances[ci] = map[classify.Stance]bool{}
			}
			a, ok := ix.member(mem)
			st := classify.Stance("missing")
			if ok {
				st = a.Verdict.Stance
				if a.Verdict.Overridden {
					row.Cells[ci].Overridden = true
				}
			}
			stances[ci][st] = true
		}
		for ci, set := range stances {
			switch {
			case len(set) == 0:
			case len(set) == 1:
				for st := range set {
					row.Cells[ci].Text = stanceLabel(st)
					row.Cells[ci].Colour = colourOf(st)
				}
			default:
				keys := make([]string, 0, len(set))
				for st := range set {
					keys = append(keys, stanceLabel(st))
				}
				sort.Strings(keys)
				row.Cells[ci].Text = "mixed: " + strings.Join(keys, ", ")
				row.Cells[ci].Colour = mixedColour
				d.HeatMixed = true
			}
		}
		d.HeatRows = append(d.HeatRows, row)
	}
	switch {
	case len(res.Groups) == 0:
		d.Finding = "No round-robin groups were found: no question was put to several bodies."
	default:
		big := &res.Groups[order[0]]
		for _, gi := range order {
			if res.Groups[gi].Bodies() > big.Bodies() {
				big = &res.Groups[gi]
			}
		}
		var mix []string
		cnt := map[classify.Stance]int{}
		other := 0
		for _, mem := range big.Members {
			if a, ok := ix.member(mem); ok && classified(a) {
				cnt[a.Verdict.Stance]++
			} else {
				other++
			}
		}
		for _, s := range classify.Stances {
			if cnt[s] > 0 {
				mix = append(mix, fmt.Sprintf("%d %s", cnt[s], stanceLabel(s)))
			}
		}
		if other > 0 {
			mix = append(mix, fmt.Sprintf("%d not answered or not found", other))
		}
		d.Finding = fmt.Sprintf("%s put the same question to several bodies, and in %s of them the bodies' answers took different stances",
			capitalise(plural(len(res.Groups), "round-robin group", "round-robin groups")), numfmt.Thousands(disagree))
		if len(mix) > 0 {
			d.Finding += fmt.Sprintf(" (the largest, %s, asked by %s, went to %s: %s)", big.ID, res.AskerName(big.Asker), plural(big.Bodies(), "body", "bodies"), listAnd(mix))
		}
		d.Finding += "."
	}
	s := &section{Finding: d.Finding, data: d}
	if len(d.HeatRows) > 0 {
		var err error
		if d.Chart, err = heatChart(d); err != nil {
			return nil, err
		}
		s.Charts = []chartView{d.Chart}
	}
	return s, nil
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

// heatChart is the round-robin group × body heatmap coloured by stance.
func heatChart(d *heatData) (chartView, error) {
	title := "Stance of each body's answer in each round-robin group"
	hm := charts.NewHeatMap()
	groups := make([]string, len(d.HeatRows))
	var data []opts.HeatMapData
	var tips []string
	for x, r := range d.HeatRows {
		groups[x] = r.ID
		for y, c := range r.Cells {
			if c.Text == "" {
				continue
			}
			data = append(data, opts.HeatMapData{Value: [3]int{x, y, heatCode(c)}})
			tip := fmt.Sprintf("%s · %s: %s", r.ID, d.HeatBodies[y], c.Text)
			if c.Overridden {
				tip += " (verdict overridden by hand)"
			}
			tips = append(tips, tip+"\n"+clip(r.Canonical, 120))
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
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: d.HeatBodies, Inverse: opts.Bool(true),
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
	s, err := optionScript(idHeat, o, chartMeta{Tooltip: "item", Tips: tips})
	return chartView{ID: idHeat, Title: title, Height: 90 + 26*max(len(d.HeatBodies), 1) + 6*maxLen(groups), Script: s}, err
}

const heatTmpl = `<h2>The same question, different answers</h2>
<p class="finding">{{.Finding}}</p>
{{if .HeatRows}}
{{template "chart" .Chart}}
<p class="note">Each column is a round-robin group (one member asking several bodies the same question); each cell is the stance of that body's answer.{{if gt .Groups (len .HeatRows)}} The {{len .HeatRows}} groups sent to the most bodies are shown; all {{thousands .Groups}} are in the group pages and exports.{{end}}{{if .HeatMixed}} “Mixed” means one body gave several answers in the group with different stances.{{end}} {{plural .Ungrouped "answer is" "answers are"}} in no group.{{if .Campaigns}} {{plural .Campaigns "campaign links" "campaigns link"}} the same question from different askers (see the campaigns export).{{end}}</p>
<details><summary>Data table</summary><div class="tablewrap"><table>
<caption>Stance by round-robin group and body (* = verdict overridden by hand)</caption>
<thead><tr><th>group</th><th>question</th>{{range .HeatBodies}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .HeatRows}}<tr><td><a href="{{.Link}}">{{.ID}}</a></td><td>{{.Canonical}}</td>{{range .Cells}}<td>{{if .Text}}<span class="swatch" style="background:{{.Colour}}"></span>{{.Text}}{{if .Overridden}}*{{end}}{{end}}</td>{{end}}</tr>
{{end}}</tbody></table></div></details>
{{end}}
`

func groupBodyStance(ix *index) table {
	t := table{cols: []string{"group", "body", "body_as_named", "id", "stance", "grounds", "overridden", "found"}}
	for _, g := range ix.res.Groups {
		for _, mem := range g.Members {
			a, ok := ix.member(mem)
			if !ok {
				t.rows = append(t.rows, []interface{}{g.ID, mem.Body, mem.Body, mem.ID, "", []string{}, false, false})
				continue
			}
			t.rows = append(t.rows, []interface{}{g.ID, mem.Body, a.BodyName, mem.ID, string(a.Verdict.Stance), groundList(a.Verdict.Grounds), a.Verdict.Overridden, true})
		}
	}
	return t
}

func groupsTable(ix *index) table {
	t := table{cols: []string{"group", "asker", "asker_name", "canonical", "first", "last", "members", "bodies", "page"}}
	for i, g := range ix.res.Groups {
		t.rows = append(t.rows, []interface{}{g.ID, g.Asker, ix.res.AskerName(g.Asker), g.Canonical, day(g.First), day(g.Last), len(g.Members), g.Bodies(), pageName(pageOf(i))})
	}
	return t
}

func campaignsTable(ix *index) table {
	t := table{cols: []string{"campaign", "canonical", "askers", "asker_names", "groups", "records"}}
	for i, c := range ix.res.Campaigns {
		names := make([]string, len(c.Askers))
		for j, a := range c.Askers {
			names[j] = ix.res.AskerName(a)
		}
		t.rows = append(t.rows, []interface{}{i + 1, c.Canonical, c.Askers, names, c.Groups, c.Records})
	}
	return t
}

func groundList(gs []classify.Ground) []string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = string(g)
	}
	return s
}
