package classify

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/internal/numfmt"
)

// Validation is how the learned decision was validated against the rules
// on labelled answers outside round 3's frozen test split: by time (fitted
// to earlier answers, scored on later ones, with growing numbers of
// training answers: a learning curve) and by cross-validation.
type Validation struct {
	// Source says which labelled answers and which fits measured it.
	Source string
	Rows   []ValidationRow
}

// ValidationRow is one measurement.
type ValidationRow struct {
	// Split is "time" (scored on the latest fifth of the labelled API
	// answers, by ID, after fitting to earlier ones) or "cv" (5-fold
	// cross-validation, each answer scored by a model fitted without it).
	Split string
	// Decision is "rules" (the default rules, fitted to nothing) or
	// "model" (the learned decision as parlance train fits it by default).
	Decision string
	// TrainAPI and Train2009 are the labelled API answers and 2009
	// replies the model was fitted to (0 for the rules; for "cv", those
	// the folds were cut from, each fit using all but one fold); Scored
	// is the answers scored.
	TrainAPI, Train2009, Scored int
	// The scores, as Evaluate gives them: accuracy over the five stances,
	// macro-F1 over disclosed, partial and declined, partial's F1, and
	// grounds micro-F1.
	Accuracy, MacroF1, PartialF1, GroundsF1 float64
}

// validationFile is the name MeasuredValidation's errors give the file.
const validationFile = "analysis/classify/validation.tsv"

//go:embed validation.tsv
var validationTSV string

// MeasuredValidation returns the learned decision's validation, read from
// the embedded validation.tsv, which TestValidationFile keeps equal to what
// the tests measure. The labels were made by language-model coding agents,
// not trained human coders.
func MeasuredValidation() Validation {
	return mustEmbedded(parseValidation(validationTSV, validationFile))
}

// validationHeader is the column header of validation.tsv.
const validationHeader = "split\tdecision\ttrain API\ttrain 2009\tscored\taccuracy\tmacro-F1\tpartial F1\tgrounds micro-F1"

// formatValidation writes v in the layout of validation.tsv: '#' comment
// lines holding Source, the header, then one row per measurement, scores
// to three decimals.
func formatValidation(v Validation) string {
	var rows []string
	for _, r := range v.Rows {
		rows = append(rows, fmt.Sprintf("%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f", r.Split, r.Decision, r.TrainAPI, r.Train2009, r.Scored, r.Accuracy, r.MacroF1, r.PartialF1, r.GroundsF1))
	}
	return formatMeasured(v.Source, validationHeader, rows)
}

// parseValidation reads the layout formatValidation writes.
func parseValidation(text, name string) (Validation, error) {
	var v Validation
	cols := strings.Split(validationHeader, "\t")
	src, err := parseMeasured(text, name, validationHeader, func(pos string, x []string) error {
		r := ValidationRow{Split: x[0], Decision: x[1]}
		if r.Split != "time" && r.Split != "cv" {
			return fmt.Errorf("%s: field split: %q is neither time nor cv", pos, x[0])
		}
		if r.Decision != "rules" && r.Decision != "model" {
			return fmt.Errorf("%s: field decision: %q is neither rules nor model", pos, x[1])
		}
		for i, f := range []*int{&r.TrainAPI, &r.Train2009, &r.Scored} {
			n, err := strconv.Atoi(x[2+i])
			if err != nil || n < 0 {
				return fmt.Errorf("%s: field %s: %q is not a count", pos, cols[2+i], x[2+i])
			}
			*f = n
		}
		for i, f := range []*float64{&r.Accuracy, &r.MacroF1, &r.PartialF1, &r.GroundsF1} {
			s, err := strconv.ParseFloat(x[5+i], 64)
			if err != nil || s < 0 || s > 1 {
				return fmt.Errorf("%s: field %s: %q is not a number in [0, 1]", pos, cols[5+i], x[5+i])
			}
			*f = s
		}
		v.Rows = append(v.Rows, r)
		return nil
	})
	v.Source = src
	return v, err
}

// Label says what a row measured, in words: "the rules alone", "1,800
// API + 387 2009 answers" (trained on), or "5-fold cross-validation over
// 2,250 API + 387 2009 answers".
func (r ValidationRow) Label() string {
	switch {
	case r.Decision == "rules":
		return "the rules alone"
	case r.Split == "cv":
		return fmt.Sprintf("%d-fold cross-validation over %s API + %s 2009 answers", validationFolds, numfmt.Thousands(r.TrainAPI), numfmt.Thousands(r.Train2009))
	}
	return numfmt.Thousands(r.TrainAPI) + " API + " + numfmt.Thousands(r.Train2009) + " 2009 answers"
}

// validationFolds is the number of folds of the cross-validation rows.
const validationFolds = 5

// Markdown renders v as two tables, by time and by cross-validation.
func (v Validation) Markdown() string {
	var b strings.Builder
	for _, split := range []struct{ name, title string }{{"time", "by time: scored on the latest fifth of the labelled API answers"}, {"cv", "by cross-validation over the labelled answers"}} {
		fmt.Fprintf(&b, "| %s | scored | accuracy | macro-F1 | partial F1 | grounds micro-F1 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n", split.title)
		for _, r := range v.Rows {
			if r.Split == split.name {
				fmt.Fprintf(&b, "| %s | %s | %.3f | %.3f | %.3f | %.3f |\n", r.Label(), numfmt.Thousands(r.Scored), r.Accuracy, r.MacroF1, r.PartialF1, r.GroundsF1)
			}
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
