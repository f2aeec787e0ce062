package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart element IDs are fixed by each section (idStance, …), so output is
// deterministic (go-echarts would otherwise draw random ones), and made of
// letters, digits and underscores only, so they are safe as HTML IDs and
// JavaScript identifiers alike.
var safeID = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// fontFamily is the chart font, matching the page's.
const fontFamily = `"Source Sans 3", "Helvetica Neue", Arial, sans-serif`

// chartMeta is what the page's script needs beyond the ECharts option: how
// to show tooltips, and their text. Tooltip "axis" takes Tips[dataIndex]
// [seriesIndex] (one line per series), "item" Tips[dataIndex] and
// "series" Tips[seriesIndex]. Labels "percent" writes a heatmap cell's value
// as a whole percentage ("<1%" below one, nothing at zero).
type chartMeta struct {
	Tooltip string      `json:"tooltip"`
	Tips    interface{} `json:"tips,omitempty"`
	Labels  string      `json:"labels,omitempty"`
	// Counts and Totals back the over-time chart's tooltips: the stance
	// counts and answers of each month.
	Counts [][]int `json:"counts,omitempty"`
	Totals []int   `json:"totals,omitempty"`
}

// optionScript marshals a chart's option object (and the extra data the
// page's script needs for tooltips, under "_meta") into a
// <script type="application/json"> block. encoding/json escapes <, > and &
// (and U+2028/U+2029), so no text in the data can close the script element
// or open another, and "__f__" markers stay inert text: nothing here strips
// them as go-echarts' own renderer does.
func optionScript(id string, option map[string]interface{}, meta chartMeta) (template.HTML, error) {
	if !safeID.MatchString(id) {
		return "", fmt.Errorf("report: unsafe chart id %q", id)
	}
	option["_meta"] = meta
	b, err := json.Marshal(option)
	delete(option, "_meta")
	if err != nil {
		return "", fmt.Errorf("report: chart %s: %w", id, err)
	}
	return template.HTML(`<script type="application/json" class="chart-option" data-chart="` + id + `">` + string(b) + `</script>`), nil
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

// maxLen returns the length in runes of the longest string, for axis room.
func maxLen(ss []string) int {
	n := 0
	for _, s := range ss {
		n = max(n, len([]rune(s)))
	}
	return min(n, 24)
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
