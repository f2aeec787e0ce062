package analysis

import (
	"fmt"
	"math"
	"reflect"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
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
	// would be +Inf and cannot be written in JSON).
	Condition float64 `json:"condition"`
	// Replicates is the number of bootstrap replicates behind each
	// interval, Seed the seed of their draws, and MinAnswers the answers a
	// body needs to be corrected.
	Replicates int    `json:"replicates"`
	Seed       uint64 `json:"seed"`
	MinAnswers int    `json:"min_answers"`
	// Truncated counts the answers left out of every correction because
	// their text is known to be truncated (the API's lists clip answers at
	// 255 characters): the confusion was measured on whole texts, and a
	// clipped one is read differently (corrected with the whole-text
	// rates, the API's clipped answers came out with almost no declined
	// or almost no partial answers at all).
	Truncated int `json:"truncated"`
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
	if c.Truncated > 0 {
		s += fmt.Sprintf(" They leave out the %d answers whose text is truncated, which those errors were not measured on: "+
			"a corrected share is of the body's answers read whole.", c.Truncated)
	}
	return s
}

// correctionSeed seeds every body's bootstrap, so that a corpus always
// gives the same intervals.
const correctionSeed = 1

// correctBodies fills in BodyStats.Corrected for every body of res with at
// least res.Config's MinBodyAnswers answers (the UnknownBody included: the
// correction needs no body name) and returns how it did so, with the
// corpus's corrected shares in Correction.All. It uses the default rules'
// confusion on the check sets (classify.CheckConfusion), or, when the
// embedded learned model decided, that model's out-of-sample confusion on
// the same answers (classify.ModelConfusion). It corrects only the answers
// the classifier decided: an overridden verdict is a person's, so it is
// counted as it stands. Answers whose text is truncated are left out
// (Correction.Truncated counts them), since the confusion describes
// answers read whole; a body needs MinAnswers answers besides them. With
// o_s the overridden answers of stance s, R the classifier-decided ones
// and π̂ the corrected shares of those R,
//
//	corrected share of s = (R·π̂_s + o_s) / (R + Σ o)
//
// and likewise for the interval's bounds. When the classifier's lexicon is
// not the default one, or a model other than the embedded one decided, no
// measured confusion describes it and nothing is corrected (Skipped says
// so). A body CorrectShares cannot
// correct (a stance the confusion never produces, were the embedded matrix
// to lack one) keeps Corrected nil and is named in Problems.
func correctBodies(res *Result) Correction {
	min := res.Config.minBodyAnswers()
	cc := classify.CheckConfusion()
	user := res.Config.Classifier
	embeddedModel := EmbeddedModelDecides(user)
	if embeddedModel {
		cc = classify.ModelConfusion()
	}
	conf := stats.Confusion(cc.Rows())
	corr := Correction{Confusion: cc.Source, Labelled: cc.Total(), Counts: cc.Rows(), Condition: conf.Condition(),
		Replicates: stats.DefaultReplicates, Seed: correctionSeed, MinAnswers: min}
	if math.IsInf(corr.Condition, 0) || math.IsNaN(corr.Condition) {
		corr.Condition = 0
	}
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
		if a.Record.Truncated && !a.Verdict.Overridden {
			corr.Truncated++
			continue
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
		c.add(j, a.Verdict.Overridden)
		all.add(j, a.Verdict.Overridden)
	}
	bodies := res.Bodies
	errs := make([]error, len(bodies)+1)
	parallel.For(len(bodies)+1, func(bi int) {
		if bi == len(bodies) {
			if all.total() >= min {
				corr.All, errs[bi] = all.corrected(conf)
			}
			return
		}
		b := &bodies[bi]
		c := by[b.Body]
		if c == nil || c.total() < min {
			return
		}
		var err error
		if b.Corrected, err = c.corrected(conf); err != nil {
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

// stanceCounts counts answers by stance (in classify.Stances order),
// rule-decided and overridden apart.
type stanceCounts struct{ rules, overridden []int }

func newStanceCounts() *stanceCounts {
	return &stanceCounts{rules: make([]int, len(classify.Stances)), overridden: make([]int, len(classify.Stances))}
}

func (c *stanceCounts) add(stance int, overridden bool) {
	if overridden {
		c.overridden[stance]++
	} else {
		c.rules[stance]++
	}
}

func (c *stanceCounts) total() int { return sum(c.rules) + sum(c.overridden) }

// corrected returns the counts' stance shares corrected with conf, the
// overridden answers counted as they stand (see correctBodies).
func (c *stanceCounts) corrected(conf stats.Confusion) (map[classify.Stance]stats.Estimate, error) {
	out := map[classify.Stance]stats.Estimate{}
	r, o := sum(c.rules), sum(c.overridden)
	total := float64(r + o)
	if r == 0 {
		for j, s := range classify.Stances {
			v := float64(c.overridden[j]) / total
			out[s] = stats.Estimate{Share: v, Low: v, High: v}
		}
		return out, nil
	}
	res, err := stats.CorrectShares(c.rules, conf, stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		return nil, err
	}
	scale := func(x float64, j int) float64 {
		if o == 0 {
			return x // exactly CorrectShares' figure, without rounding
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
	c.Condition = round4(c.Condition)
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

func sum(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}
