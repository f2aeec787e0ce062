package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
)

// The confidence section shows the measured calibration table, says who
// made the labels, and says which rows apply to the report's stances.
func TestCalibrationSection(t *testing.T) {
	page, _ := writeReport(t, sampleResult(t), Options{})
	cal := classify.MeasuredCalibration()
	if len(cal.Rows) != 2 {
		t.Fatalf("the measured calibration has %d rows, want the rules' and the model's", len(cal.Rows))
	}
	for _, r := range cal.Rows {
		for _, b := range r.Bands {
			want := fmt.Sprintf(`<td class="num">%s</td><td class="num">%s</td><td class="num">%s</td>`, thousands(b.N), pct(b.Confidence), pct(b.Agreement))
			if !strings.Contains(page, want) {
				t.Errorf("the %s band from %.2f is not shown as %s", r.Decision, b.Lo, want)
			}
		}
	}
	for _, want := range []string{`<section id="calibration">`, "language-model coding agents", "decided by the default rules"} {
		if !strings.Contains(page, want) {
			t.Errorf("the confidence section lacks %q", want)
		}
	}
	res := sampleResult(t)
	res.Config.Classifier = &classify.Classifier{Model: &classify.Model{}}
	page, _ = writeReport(t, res, Options{})
	if !strings.Contains(page, "decided by a learned model") {
		t.Error("a report whose stances a model decided does not say so beside the table")
	}
}
