package analysis

import (
	"fmt"
	"math"
	"reflect"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/internal/numfmt"
	"github.com/parlance-go/parlance/internal/parallel"
)

// Correction says how the bodies' corrected stance shares
// (BodyStats.Corrected) were estimated, for a report's Methods.
type Correction struct {
	// Confusion describes the labelled answers and the decision the
	// classifier's error rates were measured on (the Source of
	// classify.CheckConfusion for the rules, of classify.ModelConfusion for
	// the embedded model), and Labelled is their number.
	Confusion string `json:"confusion"`
	Labelled  int    `json:"labelled"`
	// Counts is that confusion matrix, rows the coders' stance and columns
	// the classifier's, both in classify.Stances order.
	Counts [][]int `json:"counts"`
	// Condition is the condition number of its row-normalised rates: how
	// far the correction can amplify noise (0 if they are singular, which
	// would be +Inf and cannot be written in JSON; TruncatedCondition
	// likewise).
	Condition float64 `json:"condition"`
	// Replicates is the number of bootstrap replicates behind each
	// interval, Seed the seed of their draws, and MinAnswers the answers a
	// body needs to be corrected.
	Replicates int    `json:"replicates"`
	Seed       uint64 `json:"seed"`
	MinAnswers int    `json:"min_answers"`
	// Truncated counts the classifier-decided answers whose text is known
	// to be truncated (the API's lists clip texts at 255 characters). A
	// clipped answer is misread in its own way, often cut before its
	// refusal, so these are corrected as a stratum of their own
	// (stats.CorrectStrata), with the error rates measured on the same
	// labelled answers clipped as the list clips them:
	// TruncatedConfusion describes those answers and that decision
	// (classify.ClippedConfusion, or classify.ModelClippedConfusion for
	// the embedded model), TruncatedCounts is the matrix, and
	// TruncatedCondition the condition number of its rates.
	//
	// That needs the clipped rates to explain what the classifier said of
	// the corpus's truncated answers, all bodies together:
	// TruncatedMisfit is stats.Misfit of their predicted counts, and
	// TruncatedMisfitP the p-value of stats.MisfitTest (Replicates
	// replicates, seeded with Seed): how often the sampling noise of the
	// labelled answers and of the truncated ones gives a misfit as large
	// where the rates hold. Below TruncatedFitLevel they are left out of
	// every correction instead, and TruncatedLeftOut says why (a corrected
	// share is then of the answers read whole, and a body needs MinAnswers
	// of those).
	Truncated          int     `json:"truncated"`
	TruncatedConfusion string  `json:"truncated_confusion"`
	TruncatedCounts    [][]int `json:"truncated_counts"`
	TruncatedCondition float64 `json:"truncated_condition"`
	TruncatedMisfit    float64 `json:"truncated_misfit"`
	TruncatedMisfitP   float64 `json:"truncated_misfit_p"`
	TruncatedLeftOut   string  `json:"truncated_left_out,omitempty"`
	// Skipped, when not empty, says why no body was corrected; Problems
	// lists the bodies that could not be corrected, and why.
	Skipped  string   `json:"skipped,omitempty"`
	Problems []string `json:"problems,omitempty"`
	// All is the corrected stance shares of every body's answers together
	// (nil when there are fewer than MinAnswers, or Skipped).
	All map[classify.Stance]stats.Estimate `json:"all,omitempty"`
}

// Sentence is the one plain sentence a report puts beside corrected
// shares: what the correction does and what it assumes.
func (c Correction) Sentence() string {
	s := fmt.Sprintf("Corrected shares adjust each body's counts for the mistakes the classifier made on %d answers "+
		"that its rules were not written against, as language-model coding agents (not trained human coders) labelled them; "+
		"their intervals also carry the uncertainty of that measurement, and they assume the classifier errs on the body's answers as it did on those.", c.Labelled)
	switch {
	case c.Truncated > 0 && c.TruncatedLeftOut != "":
		s += fmt.Sprintf(" They leave out the %s answers whose text is truncated: %s; a corrected share is of the body's answers read whole.",
			numfmt.Thousands(c.Truncated), c.TruncatedLeftOut)
	case c.Truncated > 0:
		s += fmt.Sprintf(" The %s answers whose text is truncated are corrected with the mistakes the classifier made on %s of the labelled answers "+
			"clipped as the API's lists clip them, which it misreads more often. Those mistakes explain what it said of the truncated answers: "+
			"its predicted shares lie %.1f points from the nearest they can produce, a gap that sampling noise alone gives with p = %.2f.",
			numfmt.Thousands(c.Truncated), numfmt.Thousands(totalCounts(c.TruncatedCounts)), 100*c.TruncatedMisfit, c.TruncatedMisfitP)
	}
	return s
}

// TruncatedFitLevel is the level of the test that truncated answers'
// predictions are explained by the clipped rates (stats.MisfitTest): at
// Correction.TruncatedMisfitP below it, no true shares plausibly make the
// classifier say what it said of them at those rates, the correction
// would press their shares against 0 and 1, and they are left out
// instead. Simulated where the rates hold (TestMisfitTestSize) the test
// rejects less often than the level, so truncated answers are left out
// only when their predictions lie clearly outside what the rates can
// produce.
const TruncatedFitLevel = 0.05

// correctionSeed seeds every body's bootstrap, so that a corpus always
// gives the same intervals.
const correctionSeed = 1

// correctBodies fills in BodyStats.Corrected for every body of res with at
// least res.Config's MinBodyAnswers answers (the UnknownBody included: the
// correction needs no body name) and returns how it did so, with the
// corpus's corrected shares in Correction.All. It uses the default rules'
// confusion on the check sets (classify.CheckConfusion), or, when the
// embedded learned model decided, that model's out-of-sample confusion on
// the same answers (classify.ModelConfusion). Answers whose text is
// truncated are a stratum of their own, corrected with the confusion of
// the same decision on those labelled answers clipped
// (classify.ClippedConfusion, classify.ModelClippedConfusion); the strata
// are mixed by their sizes (stats.CorrectStrata). It corrects only the
// answers the classifier decided: an overridden verdict is a person's, so
// it is counted as it stands. With o_s the overridden answers of stance
// s, R the classifier-decided ones and π̂ the corrected shares of those R,
//
//	corrected share of s = (R·π̂_s + o_s) / (R + Σ o)
//
// and likewise for the interval's bounds. When the classifier's lexicon is
// not the default one, or a model other than the embedded one decided, no
// measured confusion describes it and nothing is corrected (Skipped says
// so). A body that cannot be corrected (a stance a confusion never
// produces, were an embedded matrix to lack one) keeps Corrected nil and
// is named in Problems.
func correctBodies(res *Result) Correction {
	min := res.Config.minBodyAnswers()
	cc, tc := classify.CheckConfusion(), classify.ClippedConfusion()
	user := res.Config.Classifier
	embeddedModel := EmbeddedModelDecides(user)
	if embeddedModel {
		cc, tc = classify.ModelConfusion(), classify.ModelClippedConfusion()
	}
	confs := strataConfusions{whole: stats.Confusion(cc.Rows()), truncated: stats.Confusion(tc.Rows())}
	corr := Correction{Confusion: cc.Source, Labelled: cc.Total(), Counts: cc.Rows(), Condition: conditionOrZero(confs.whole.Condition()),
		TruncatedConfusion: tc.Source, TruncatedCounts: tc.Rows(), TruncatedCondition: conditionOrZero(confs.truncated.Condition()),
		Replicates: stats.DefaultReplicates, Seed: correctionSeed, MinAnswers: min}
	if user != nil && len(user.Lexicon.Cues) > 0 && !reflect.DeepEqual(user.Lexicon, classify.DefaultLexicon()) {
		corr.Skipped = "the classifier's lexicon is not the default one, whose error rates the confusion measures"
		return corr
	}
	if user != nil && user.Model != nil && !embeddedModel {
		corr.Skipped = "a learned model other than the embedded one decided the stances; no measured confusion describes it"
		return corr
	}
	// Rule-decided and overridden counts per body and stance; all holds
	// every body's.
	by := map[string]*stanceCounts{}
	all := newStanceCounts()
	for i := range res.Answers {
		a := &res.Answers[i]
		j := stanceIndex(a.Verdict.Stance)
		if j < 0 {
			continue
		}
		truncated := a.Record.Truncated && !a.Verdict.Overridden
		if truncated {
			corr.Truncated++
		}
		body := a.Record.Department
		if body == "" {
			body = UnknownBody
		}
		c := by[body]
		if c == nil {
			c = newStanceCounts()
			by[body] = c
		}
		c.add(j, a.Verdict.Overridden, truncated)
		all.add(j, a.Verdict.Overridden, truncated)
	}
	if n := sum(all.truncated); n > 0 {
		fit, err := stats.MisfitTest(all.truncated, confs.truncated, stats.CorrectOptions{Seed: correctionSeed})
		corr.TruncatedMisfit, corr.TruncatedMisfitP = fit.Misfit, fit.P
		switch {
		case err != nil:
			corr.TruncatedLeftOut = "their rates cannot be corrected (" + err.Error() + ")"
		case fit.P < TruncatedFitLevel:
			corr.TruncatedLeftOut = fmt.Sprintf("the mistakes measured on clipped answers do not explain what the classifier said of them "+
				"(its predicted shares lie %.1f points from the nearest the measured rates can produce; sampling noise gives a gap as large with p = %.3f, by %s bootstrap draws)",
				100*fit.Misfit, fit.P, numfmt.Thousands(fit.Replicates))
		}
		if corr.TruncatedLeftOut != "" {
			all.dropTruncated()
			for _, c := range by {
				c.dropTruncated()
			}
		}
	}
	bodies := res.Bodies
	errs := make([]error, len(bodies)+1)
	parallel.For(len(bodies)+1, func(bi int) {
		if bi == len(bodies) {
			if all.total() >= min {
				corr.All, errs[bi] = all.corrected(confs)
			}
			return
		}
		b := &bodies[bi]
		c := by[b.Body]
		if c == nil || c.total() < min {
			return
		}
		var err error
		if b.Corrected, err = c.corrected(confs); err != nil {
			errs[bi] = fmt.Errorf("%s: %w", b.Body, err)
		}
	})
	for bi, err := range errs {
		if err != nil {
			if bi == len(bodies) {
				err = fmt.Errorf("all bodies: %w", err)
			}
			corr.Problems = append(corr.Problems, err.Error())
		}
	}
	return corr
}

// stanceCounts counts answers by stance (in classify.Stances order):
// classifier-decided ones read whole and truncated, and overridden ones,
// apart.
type stanceCounts struct{ rules, truncated, overridden []int }

func newStanceCounts() *stanceCounts {
	k := len(classify.Stances)
	return &stanceCounts{rules: make([]int, k), truncated: make([]int, k), overridden: make([]int, k)}
}

func (c *stanceCounts) add(stance int, overridden, truncated bool) {
	switch {
	case overridden:
		c.overridden[stance]++
	case truncated:
		c.truncated[stance]++
	default:
		c.rules[stance]++
	}
}

// dropTruncated leaves the truncated answers out of c.
func (c *stanceCounts) dropTruncated() { clear(c.truncated) }

func (c *stanceCounts) total() int { return sum(c.rules) + sum(c.truncated) + sum(c.overridden) }

// strataConfusions are the confusions the classifier-decided answers read
// whole and truncated are corrected with.
type strataConfusions struct{ whole, truncated stats.Confusion }

// corrected returns the counts' stance shares corrected with confs, the
// overridden answers counted as they stand (see correctBodies).
func (c *stanceCounts) corrected(confs strataConfusions) (map[classify.Stance]stats.Estimate, error) {
	out := map[classify.Stance]stats.Estimate{}
	r, o := sum(c.rules)+sum(c.truncated), sum(c.overridden)
	total := float64(r + o)
	if r == 0 {
		for j, s := range classify.Stances {
			v := float64(c.overridden[j]) / total
			out[s] = stats.Estimate{Share: v, Low: v, High: v}
		}
		return out, nil
	}
	res, err := stats.CorrectStrata([]stats.Stratum{{Predicted: c.rules, Confusion: confs.whole}, {Predicted: c.truncated, Confusion: confs.truncated}}, stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		return nil, err
	}
	scale := func(x float64, j int) float64 {
		if o == 0 {
			return x // exactly CorrectStrata's figure, without rounding
		}
		return (float64(r)*x + float64(c.overridden[j])) / total
	}
	for j, s := range classify.Stances {
		e := res.Shares[j]
		out[s] = stats.Estimate{Share: scale(e.Share, j), Low: scale(e.Low, j), High: scale(e.High, j)}
	}
	return out, nil
}

// rounded returns c with its figures to four decimals, as exports give
// them.
func (c Correction) rounded() Correction {
	c.Condition, c.TruncatedCondition, c.TruncatedMisfit, c.TruncatedMisfitP = round4(c.Condition), round4(c.TruncatedCondition), round4(c.TruncatedMisfit), round4(c.TruncatedMisfitP)
	c.All = roundEstimates(c.All)
	return c
}

func roundEstimates(m map[classify.Stance]stats.Estimate) map[classify.Stance]stats.Estimate {
	if m == nil {
		return nil
	}
	out := map[classify.Stance]stats.Estimate{}
	for k, v := range m {
		out[k] = stats.Estimate{Share: round4(v.Share), Low: round4(v.Low), High: round4(v.High)}
	}
	return out
}

func stanceIndex(s classify.Stance) int {
	for j, t := range classify.Stances {
		if t == s {
			return j
		}
	}
	return -1
}

// conditionOrZero is a condition number as Correction gives it: 0 for
// singular rates, whose +Inf cannot be written in JSON.
func conditionOrZero(c float64) float64 {
	if math.IsInf(c, 0) || math.IsNaN(c) {
		return 0
	}
	return c
}

func totalCounts(rows [][]int) int {
	n := 0
	for _, r := range rows {
		n += sum(r)
	}
	return n
}

func sum(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}
