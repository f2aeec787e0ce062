package report

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

func init() {
	// After the calibration table, also part of Methods: how the learned
	// decision was validated against the rules.
	register(sectionDef{order: 92, id: "validation", nav: "Validation", tmpl: validationTmpl, build: buildValidation})
}

type validationData struct {
	Time, CV []validationRow
	// Later says which answers the time split scored.
	Later string
}

type validationRow struct {
	Label, Scored, Accuracy, MacroF1, PartialF1, GroundsF1 string
}

// buildValidation shows the learned decision's validation as the tests
// measured it (classify.MeasuredValidation): the learning curve by time
// and the cross-validation, each beside the rules.
func buildValidation(c *buildContext) (*section, error) {
	v := classify.MeasuredValidation()
	d := &validationData{}
	for _, r := range v.Rows {
		row := validationRow{Label: r.Label(), Scored: numfmt.Thousands(r.Scored),
			Accuracy: fmt.Sprintf("%.3f", r.Accuracy), MacroF1: fmt.Sprintf("%.3f", r.MacroF1),
			PartialF1: fmt.Sprintf("%.3f", r.PartialF1), GroundsF1: fmt.Sprintf("%.3f", r.GroundsF1)}
		if r.Split == "time" {
			d.Time = append(d.Time, row)
			d.Later = numfmt.Thousands(r.Scored)
		} else {
			d.CV = append(d.CV, row)
		}
	}
	return &section{data: d}, nil
}

const validationTmpl = `<h2>Methods: how the learned decision was validated</h2>
<p>A learned decision (a logistic regression over the rules' named features, fitted to labelled answers) can settle the stances instead of the rules; this report says in its parameters which decided. It was measured against the rules on labelled answers that no model was fitted to, in two ways.
The labels were made by language-model coding agents working blind from the codebook, not by trained human coders. Macro-F1 is the mean F1 over disclosed, partial and declined.</p>
<div class="tablewrap"><table><caption>By time: fitted to earlier answers, scored on the latest {{.Later}} labelled API answers (a learning curve)</caption><thead><tr><th>fitted to</th><th>scored</th><th>accuracy</th><th>macro-F1</th><th>partial F1</th><th>grounds micro-F1</th></tr></thead><tbody>
{{range .Time}}<tr><td>{{.Label}}</td><td class="num">{{.Scored}}</td><td class="num">{{.Accuracy}}</td><td class="num">{{.MacroF1}}</td><td class="num">{{.PartialF1}}</td><td class="num">{{.GroundsF1}}</td></tr>
{{end}}</tbody></table></div>
<div class="tablewrap"><table><caption>By cross-validation: each answer scored by a model fitted without it</caption><thead><tr><th>decision</th><th>scored</th><th>accuracy</th><th>macro-F1</th><th>partial F1</th><th>grounds micro-F1</th></tr></thead><tbody>
{{range .CV}}<tr><td>{{.Label}}</td><td class="num">{{.Scored}}</td><td class="num">{{.Accuracy}}</td><td class="num">{{.MacroF1}}</td><td class="num">{{.PartialF1}}</td><td class="num">{{.GroundsF1}}</td></tr>
{{end}}</tbody></table></div>
<p class="note">Measured by this version's tests on the labelled answers outside the large labelled set's frozen test split; the cross-validation scores the answers the rules were not written against. More labels help little past a few hundred: what the decision lacks is a judgement of whether a sentence answers the part of the question beside it.</p>
`
