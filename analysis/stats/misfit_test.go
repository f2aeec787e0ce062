package stats

import (
	"math/rand/v2"
	"testing"

	"github.com/parlance-go/parlance/internal/parallel"
)

func TestMisfitTest(t *testing.T) {
	opt := CorrectOptions{Replicates: 199, Seed: 5}
	// Counts the confusion produces exactly, as in TestMisfit: nothing to
	// explain away, so most replicates' misfits are larger.
	exact := expectedCounts(clippedConfusion, []float64{0.5, 0.3, 0.15, 0.04, 0.01}, 5000)
	got, err := MisfitTest(exact, clippedConfusion, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got.P < 0.5 || got.Replicates != 199 {
		t.Errorf("counts the confusion produces: %+v, want P ≥ 0.5 over 199 replicates", got)
	}
	if want, _ := Misfit(exact, clippedConfusion); got.Misfit != want {
		t.Errorf("Misfit %v, want Misfit's %v", got.Misfit, want)
	}
	// Every item predicted declined: no replicate comes near, so P is the
	// smallest it can be.
	got, err = MisfitTest([]int{0, 0, 500, 0, 0}, clippedConfusion, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got.P != 1.0/200 {
		t.Errorf("all-declined predictions: P = %v, want 1/200", got.P)
	}
	// Same seed, same answer.
	again, err := MisfitTest([]int{0, 0, 500, 0, 0}, clippedConfusion, opt)
	if err != nil || again != got {
		t.Errorf("a second run gave %+v, %v; the first %+v", again, err, got)
	}
	for _, bad := range [][]int{{1, 2}, {0, 0, 0, 0, 0}, {1, -1, 0, 0, 0}} {
		if _, err := MisfitTest(bad, clippedConfusion, opt); err == nil {
			t.Errorf("MisfitTest(%v): no error", bad)
		}
	}
}

// misfitRejections simulates sims corpora of size n whose items have the
// true shares pi and are predicted through the rates truth, with a
// confusion measured on labelled items as many per class as
// clippedConfusion has, predicted through the rates of clippedConfusion;
// it returns the share of MisfitTest's p-values below alpha.
func misfitRejections(t *testing.T, truth [][]float64, pi []float64, n, sims, replicates int, alpha float64) float64 {
	t.Helper()
	reject := make([]bool, sims)
	errs := make([]error, sims)
	parallel.For(sims, func(r int) {
		rng := rand.New(rand.NewPCG(uint64(r), 0xfeed))
		c := labelledSample(rng, clippedConfusion)
		_, pred := simulatePredictions(rng, n, pi, truth)
		res, err := MisfitTest(pred, c, CorrectOptions{Replicates: replicates, Seed: uint64(r)})
		errs[r] = err
		reject[r] = err == nil && res.P < alpha
	})
	rejected := 0
	for r := range sims {
		if errs[r] != nil {
			t.Fatalf("simulation %d: %v", r, errs[r])
		}
		if reject[r] {
			rejected++
		}
	}
	return float64(rejected) / float64(sims)
}

// TestMisfitTestSize checks by simulation that, where the classifier errs
// on the items as on the labelled ones, MisfitTest rejects at P < 0.05
// about 5% of the time, and that it does reject when the items are
// misread in a way no true shares explain: with 60% of every class's
// partial predictions moved to disclosed, fewer items are predicted
// partial than even a corpus of disclosed items would give at the
// measured rates.
func TestMisfitTestSize(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation; skipped with -short")
	}
	pi := []float64{0.40, 0.35, 0.18, 0.06, 0.01}
	rates := clippedConfusion.Rates()
	size := misfitRejections(t, rates, pi, 15000, 300, 199, 0.05)
	t.Logf("the rates hold: rejected at P < 0.05 in %.3f of 300 simulations", size)
	// 300 simulations at a true 5% give 0.027–0.073 95% of the time; a
	// test that is conservative (rejects less) is allowed.
	if size > 0.08 {
		t.Errorf("where the rates hold, rejected in %.3f of simulations, want at most 0.08", size)
	}
	shifted := make([][]float64, len(rates))
	for i, row := range rates {
		shifted[i] = append([]float64(nil), row...)
		move := 0.6 * shifted[i][1]
		shifted[i][1] -= move
		shifted[i][0] += move
	}
	power := misfitRejections(t, shifted, pi, 15000, 100, 199, 0.05)
	t.Logf("partial predictions moved to disclosed: rejected in %.3f of 100 simulations", power)
	if power < 0.5 {
		t.Errorf("where the items are misread otherwise, rejected in only %.3f of simulations", power)
	}
}
