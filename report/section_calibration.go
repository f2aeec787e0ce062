package report

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
)

func init() {
	// Right after Methods, of which it is a part: how far a verdict's
	// confidence can be trusted.
	register(sectionDef{order: 91, id: "calibration", nav: "Confidence", tmpl: calibrationTmpl, build: buildCalibration})
}

type calibrationData struct {
	// Answers is the number of labelled answers measured.
	Answers string
	Rows    []calibrationRow
	// Decision says which decision gave this report's stances.
	Decision string
}

type calibrationRow struct {
	Decision, Band, Verdicts, Confidence, Agreement, Interval string
}

// buildCalibration shows the calibration table the tests measured
// (classify.MeasuredCalibration): for each confidence band of the rules
// and of the learned model, how often the labels agree.
func buildCalibration(c *buildContext) (*section, error) {
	cal := classify.MeasuredCalibration()
	d := &calibrationData{Decision: "This report's stances were decided by the default rules: read the rules' rows."}
	if user := c.res.Config.Classifier; user != nil && user.Model != nil {
		d.Decision = "This report's stances were decided by a learned model (see the parameters above). The model rows measure one trained on the project's labels; a model trained on other labels is not covered by them."
	}
	for k, r := range cal.Rows {
		n := 0
		for i, b := range r.Bands {
			n += b.N
			band := fmt.Sprintf("%.0f–%s", 100*b.Lo, pct0(b.Hi))
			switch {
			case i == 0:
				band = "under " + pct0(b.Hi)
			case i == len(r.Bands)-1:
				band = pct0(b.Lo) + " or more"
			}
			row := calibrationRow{Decision: r.Decision, Band: band, Verdicts: numfmt.Thousands(b.N), Confidence: "–", Agreement: "–", Interval: "–"}
			if b.N > 0 {
				row.Confidence = pct(b.Confidence)
				row.Agreement = pct(b.Agreement)
				row.Interval = pct(b.Low) + "–" + pct(b.High)
			}
			d.Rows = append(d.Rows, row)
		}
		if k == 0 {
			d.Answers = numfmt.Thousands(n)
		}
	}
	return &section{data: d}, nil
}

const calibrationTmpl = `<h2>Methods: how far to trust a confidence</h2>
<p>Each verdict carries a confidence. The table sets it against how often labelled answers agree: a confidence is well calibrated when the answers in its band agree about as often as the band's mean confidence says.
The labels were made by language-model coding agents working blind from the codebook, not by trained human coders. {{.Decision}}</p>
<div class="tablewrap"><table><caption>Confidence band against agreement with the labels</caption><thead><tr><th>decision</th><th>confidence band</th><th>verdicts</th><th>mean confidence</th><th>agreement</th><th>95% interval</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Decision}}</td><td>{{.Band}}</td><td class="num">{{.Verdicts}}</td><td class="num">{{.Confidence}}</td><td class="num">{{.Agreement}}</td><td>{{.Interval}}</td></tr>
{{end}}</tbody></table></div>
<p class="note">Measured by this version's tests on {{.Answers}} labelled answers the rules were not written against (two check samples and the train split of the large labelled set; its frozen test split left out). The model rows are out of sample: each answer is scored by a model fitted, in 5-fold cross-validation over the labelled answers, without it. A band runs from its lower edge up to, not including, the next.</p>
`
