package stats

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/parallel"
)

// simConfusion is the known confusion of the simulation: the default rules'
// stance confusion on the check sets when this test was written (rows true,
// columns predicted: disclosed, partial, declined, referred, holding). Its
// row totals are the size of the labelled sample each simulation draws, and
// its row-normalised rates are the true error rates.
var simConfusion = Confusion{
	{152, 31, 7, 1, 0},
	{51, 71, 8, 1, 0},
	{3, 15, 37, 1, 0},
	{1, 1, 0, 15, 0},
	{0, 0, 0, 0, 5},
}

var simClasses = []string{"disclosed", "partial", "declined", "referred", "holding"}

// simCoverage is one scenario's measured coverage.
type simCoverage struct {
	bodySize, sims, replicates int
	truth                      []float64
	bodyRates                  [][]float64 // the rates the body's answers were classified with
	corrected, raw             []int       // intervals covering the truth, per class
	width, rawWidth            []float64
}

// simulateCoverage runs sims simulated bodies of bodySize answers with true
// shares truth. Each simulation draws its own labelled sample (the row
// totals of simConfusion, classified through its true rates) and its own
// body (true stances multinomial(bodySize, truth), each classified through
// bodyRates, or the true rates when nil), then asks whether CorrectShares' intervals (replicates
// bootstrap replicates, seeded by the simulation's number) and the raw
// Wilson intervals of the predicted shares contain the true shares.
func simulateCoverage(t *testing.T, bodySize, sims, replicates int, truth []float64, bodyRates [][]float64) simCoverage {
	t.Helper()
	k := len(simConfusion)
	rates := simConfusion.Rates()
	if bodyRates == nil {
		bodyRates = rates
	}
	type outcome struct {
		corrected, raw  []bool
		width, rawWidth []float64
		err             error
	}
	out := make([]outcome, sims)
	parallel.For(sims, func(s int) {
		rng := rand.New(rand.NewPCG(uint64(s), 20261129))
		c := labelledSample(rng, simConfusion)
		_, pred := simulatePredictions(rng, bodySize, truth, bodyRates)
		res, err := CorrectShares(pred, c, CorrectOptions{Replicates: replicates, Seed: uint64(s)})
		o := outcome{err: err}
		if err == nil {
			for i, p := range truth {
				e := res.Shares[i]
				w := Wilson(pred[i], bodySize)
				o.corrected = append(o.corrected, e.Low <= p && p <= e.High)
				o.raw = append(o.raw, w.Low <= p && p <= w.High)
				o.width = append(o.width, e.High-e.Low)
				o.rawWidth = append(o.rawWidth, w.High-w.Low)
			}
		}
		out[s] = o
	})
	cov := simCoverage{bodySize: bodySize, sims: sims, replicates: replicates, truth: truth, bodyRates: bodyRates,
		corrected: make([]int, k), raw: make([]int, k), width: make([]float64, k), rawWidth: make([]float64, k)}
	for s, o := range out {
		if o.err != nil {
			t.Fatalf("simulation %d: %v", s, o.err)
		}
		for i := range k {
			if o.corrected[i] {
				cov.corrected[i]++
			}
			if o.raw[i] {
				cov.raw[i]++
			}
			cov.width[i] += o.width[i] / float64(sims)
			cov.rawWidth[i] += o.rawWidth[i] / float64(sims)
		}
	}
	return cov
}

func (c simCoverage) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bodies of %d answers, %d simulations, %d bootstrap replicates each; labelled sample of %d.\n\n", c.bodySize, c.sims, c.replicates, simConfusion.total())
	b.WriteString("| stance | true share | raw share expected | raw coverage | raw mean width | corrected coverage | corrected mean width |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for i, name := range simClasses {
		q := 0.0
		for l, p := range c.truth {
			q += p * c.bodyRates[l][i]
		}
		fmt.Fprintf(&b, "| %s | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, c.truth[i], q,
			float64(c.raw[i])/float64(c.sims), c.rawWidth[i], float64(c.corrected[i])/float64(c.sims), c.width[i])
	}
	return b.String()
}

func (c Confusion) total() int {
	n := 0
	for _, r := range c {
		for _, v := range r {
			n += v
		}
	}
	return n
}

// TestCorrectSharesCoverage is the proof by simulation that the corrected
// intervals cover the true shares about 95% of the time while the raw ones,
// under the rules' biased confusion, do not. The simulations use 200
// bootstrap replicates each instead of the default 1,000, to keep the test
// quick; the percentiles are then a little noisier, which if anything lowers
// coverage. The scenarios and their measured coverage are
// CorrectionCoverage; with -short only the first runs. Print the tables with
//
//	go test ./analysis/stats -run TestCorrectSharesCoverage -v
func TestCorrectSharesCoverage(t *testing.T) {
	if len(CorrectionCoverage) == 0 {
		t.Fatal("CorrectionCoverage lists no scenario")
	}
	for si, want := range CorrectionCoverage {
		if testing.Short() && si > 0 {
			continue
		}
		n, sims := want.BodySize, want.Simulations
		if want.Labelled != simConfusion.total() || !reflect.DeepEqual(want.Classes, simClasses) || sims < 1000 {
			t.Fatalf("CorrectionCoverage[%d] = %+v: want %d labelled, classes %v, at least 1,000 simulations", si, want, simConfusion.total(), simClasses)
		}
		cov := simulateCoverage(t, n, sims, want.Replicates, want.TrueShares, nil)
		t.Logf("coverage of 95%% intervals:\n%s", cov.markdown())
		minRaw := 1.0
		for i, name := range simClasses {
			got, raw := float64(cov.corrected[i])/float64(sims), float64(cov.raw[i])/float64(sims)
			// 0.90 to 0.99: at 1,000 simulations the standard error of a
			// coverage of 0.95 is 0.007, so this band fails only on a real
			// departure, too narrow or too wide.
			if got < 0.90 || got > 0.99 {
				t.Errorf("bodies of %d: corrected intervals cover the true %s share in %.3f of simulations, want 0.90 to 0.99", n, name, got)
			}
			if got != want.Corrected[i] || raw != want.Raw[i] {
				t.Errorf("CorrectionCoverage[%d] %s: says corrected %.3f, raw %.3f; measured %.3f, %.3f: update it", si, name, want.Corrected[i], want.Raw[i], got, raw)
			}
			minRaw = min(minRaw, raw)
		}
		// The raw intervals are centred on Mᵀπ, not π: where the bias is
		// several standard errors they miss far more than 5% of the time.
		if minRaw > 0.85 {
			t.Errorf("bodies of %d: the raw intervals cover every true share in at least %.3f of simulations; the simulation does not show the bias", n, minRaw)
		}
	}
}

// TestCorrectSharesCoverageWhenRatesDiffer shows what the correction's
// assumption is worth: the labelled sample is classified with the rules'
// pooled rates on the check sets, as before, but the bodies' answers with
// the rates the rules show on the 2009 check set alone (far fewer
// partial answers called disclosed). The intervals then miss: the test
// fails if they still cover every true share 90% of the time, since that
// would mean the simulation cannot tell the assumption from its failure.
// Skipped with -short.
func TestCorrectSharesCoverageWhenRatesDiffer(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation skipped with -short")
	}
	twfy := Confusion{
		{66, 5, 2, 1, 0},
		{8, 23, 4, 0, 0},
		{0, 3, 5, 0, 0},
		{1, 0, 0, 1, 0},
		{0, 0, 0, 0, 1},
	}
	cov := simulateCoverage(t, 1000, 1000, 200, []float64{0.45, 0.25, 0.20, 0.07, 0.03}, twfy.Rates())
	t.Logf("coverage of 95%% intervals when the body's error rates are the 2009 check set's:\n%s", cov.markdown())
	worst := 1.0
	for i := range simClasses {
		worst = min(worst, float64(cov.corrected[i])/float64(cov.sims))
	}
	if worst >= 0.90 {
		t.Errorf("with the wrong error rates the corrected intervals still cover every share in at least %.3f of simulations", worst)
	}
}

// labelledSample draws the confusion that a new labelled sample as large
// as c's, classified through c's rates, would give: each row i as
// multinomial(row total, M_i).
func labelledSample(rng *rand.Rand, c Confusion) Confusion {
	rates := c.Rates()
	out := make(Confusion, len(c))
	for i, row := range c {
		out[i] = make([]int, len(row))
		total := 0
		for _, v := range row {
			total += v
		}
		multinomial(rng, total, rates[i], out[i])
	}
	return out
}

// simulatePredictions draws the true classes of n items with the shares
// truth, multinomial(n, truth), and then the class each is predicted as
// through rates (rates[i] for an item of true class i); it returns both
// counts.
func simulatePredictions(rng *rand.Rand, n int, truth []float64, rates [][]float64) (trueCounts, pred []int) {
	k := len(truth)
	trueCounts, pred = make([]int, k), make([]int, k)
	multinomial(rng, n, truth, trueCounts)
	tmp := make([]int, k)
	for i, ni := range trueCounts {
		multinomial(rng, ni, rates[i], tmp)
		for j, v := range tmp {
			pred[j] += v
		}
	}
	return trueCounts, pred
}
