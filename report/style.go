package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

// Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"), chosen so
// that the five stances stay distinguishable under protanopia, deuteranopia
// and tritanopia. The order and colours are the same in every chart and
// table of the report.
var stanceColour = map[classify.Stance]string{
	classify.Disclosed:  "#009E73", // bluish green
	classify.Partial:    "#56B4E9", // sky blue
	classify.Declined:   "#D55E00", // vermillion
	classify.Referred:   "#CC79A7", // reddish purple
	classify.Holding:    "#E69F00", // orange
	classify.Unanswered: "#BBBBBB",
}

// mixedColour marks a heatmap cell where one body gave several answers with
// different stances within a group.
const mixedColour = "#555555"

// stanceLabel returns the human label of a stance.
func stanceLabel(s classify.Stance) string {
	if s == "" {
		return "unclassified"
	}
	return string(s)
}

// colourOf returns the colour of a stance; anything that is not one of the
// five stances (unanswered, unclassified, missing) shares the light grey the
// heatmap legend calls "unanswered or missing".
func colourOf(s classify.Stance) string {
	if c, ok := stanceColour[s]; ok {
		return c
	}
	return stanceColour[classify.Unanswered]
}

// groundLabel spells a ground for readers: "national-security" → "national security".
func groundLabel(g classify.Ground) string {
	return strings.ReplaceAll(string(g), "-", " ")
}

// pct formats a share in [0, 1] as a percentage with one decimal.
func pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

// pct0 formats a share as a whole percentage, for sentences.
func pct0(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

// ci formats a 95% interval as "18.1–45.4%".
func ci(lo, hi float64) string {
	return fmt.Sprintf("%.1f–%.1f%%", 100*lo, 100*hi)
}

// round1 rounds a percentage to one decimal for chart data, keeping the
// option JSON short and stable.
func round1(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*10) / 10
}

// day formats a civil date, "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// longDay formats a date for sentences: "18 July 2023".
func longDay(t time.Time) string {
	if t.IsZero() {
		return "an unknown date"
	}
	return t.UTC().Format("2 January 2006")
}

// monthLabel turns "2023-07" into "Jul 2023".
func monthLabel(key string) string {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return key
	}
	return t.Format("Jan 2006")
}

// clip shortens s to at most n runes, adding an ellipsis.
func clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}

// plural returns "1 answer" or "3 answers".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", numfmt.Thousands(n), many)
}

// listAnd joins items as English: "a", "a and b", "a, b and c".
func listAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
