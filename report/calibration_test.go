package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
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
			want := fmt.Sprintf(`<td class="num">%s</td><td class="num">%s</td><td class="num">%s</td>`, numfmt.Thousands(b.N), pct(b.Confidence), pct(b.Agreement))
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

// Methods says whose agreement its figures measure when a learned model
// decided: the embedded model's, measured out of sample beside the rules',
// or, for a model of the user's own, that they measure the rules only.
func TestMethodsNamesTheModelsAgreement(t *testing.T) {
	res := sampleResult(t)
	res.Config.Classifier = &classify.Classifier{Model: classify.EmbeddedModel()}
	page, _ := writeReport(t, res, Options{})
	m, r := classify.ModelConfusion(), classify.CheckConfusion()
	want := fmt.Sprintf("embedded learned model, which, measured out of sample, gives the labels&#39; stance on %s of %s answers", pct(m.Accuracy()), numfmt.Thousands(m.Total()))
	if !strings.Contains(page, want) || !strings.Contains(page, "the default rules give it on "+pct(r.Accuracy())) {
		t.Errorf("Methods lacks the embedded model's agreement %q", want)
	}
	res = sampleResult(t)
	res.Config.Classifier = &classify.Classifier{Model: &classify.Model{}}
	page, _ = writeReport(t, res, Options{})
	if !strings.Contains(page, "a learned model of the user&#39;s own: these figures measure the default rules, not it") {
		t.Error("Methods does not say its figures are the rules' when a model of one's own decided")
	}
	page, _ = writeReport(t, sampleResult(t), Options{})
	if strings.Contains(page, "learned model of the user") || strings.Contains(page, "embedded learned model, which") {
		t.Error("Methods speaks of a model when the rules decided")
	}
}

// The validation section shows every measured row of the learned
// decision's validation, says who made the labels, and that the scores
// are out of sample.
func TestValidationSection(t *testing.T) {
	page, _ := writeReport(t, sampleResult(t), Options{})
	v := classify.MeasuredValidation()
	if len(v.Rows) < 4 {
		t.Fatalf("the measured validation has %d rows", len(v.Rows))
	}
	for _, r := range v.Rows {
		label := strings.ReplaceAll(r.Label(), "+", "&#43;") // as html/template escapes it
		want := fmt.Sprintf(`<td>%s</td><td class="num">%s</td><td class="num">%.3f</td><td class="num">%.3f</td>`, label, numfmt.Thousands(r.Scored), r.Accuracy, r.MacroF1)
		if !strings.Contains(page, want) {
			t.Errorf("the %s row %q is not shown as %s", r.Split, r.Label(), want)
		}
	}
	for _, want := range []string{`<section id="validation">`, "language-model coding agents", "a learning curve", "scored by a model fitted without it"} {
		if !strings.Contains(page, want) {
			t.Errorf("the validation section lacks %q", want)
		}
	}
}
