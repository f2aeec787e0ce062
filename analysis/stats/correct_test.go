package stats

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func sumShares(c Corrected) float64 {
	s := 0.0
	for _, e := range c.Shares {
		s += e.Share
	}
	return s
}

// checkWellFormed checks what every result must satisfy: shares on the
// simplex, each inside its interval, intervals inside [0, 1].
func checkWellFormed(t *testing.T, name string, c Corrected) {
	t.Helper()
	if !near(sumShares(c), 1, 1e-9) {
		t.Errorf("%s: shares sum to %v", name, sumShares(c))
	}
	for i, e := range c.Shares {
		if e.Share < 0 || e.Low < 0 || e.High > 1 || e.Low > e.Share || e.Share > e.High {
			t.Errorf("%s: class %d: %+v is not 0 ≤ low ≤ share ≤ high ≤ 1", name, i, e)
		}
	}
}

// With a perfect classifier the correction changes nothing: the estimate is
// the predicted shares.
func TestCorrectSharesPerfectClassifier(t *testing.T) {
	c := Confusion{{50, 0, 0}, {0, 30, 0}, {0, 0, 20}}
	res, err := CorrectShares([]int{60, 25, 15}, c, CorrectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "perfect", res)
	for i, want := range []float64{0.6, 0.25, 0.15} {
		if !near(res.Shares[i].Share, want, 1e-9) {
			t.Errorf("class %d: share %v, want %v", i, res.Shares[i].Share, want)
		}
		// Only the items' sampling error is left: the interval is close
		// to the Wilson one.
		w := Wilson(int(math.Round(want*100)), 100)
		if !near(res.Shares[i].Low, w.Low, 0.03) || !near(res.Shares[i].High, w.High, 0.03) {
			t.Errorf("class %d: interval [%.3f, %.3f], Wilson [%.3f, %.3f]", i, res.Shares[i].Low, res.Shares[i].High, w.Low, w.High)
		}
	}
	if !near(res.Condition, 1, 1e-12) || res.Replicates != DefaultReplicates || res.Answers != 100 {
		t.Errorf("condition %v, replicates %d, answers %d", res.Condition, res.Replicates, res.Answers)
	}
}

// Where M⁻ᵀ(n/N) lies on the simplex the maximum likelihood estimate is
// the adjusted classify-and-count one. Here M = [[0.8, 0.2], [0.3, 0.7]]
// and π = (0.6, 0.4) give q = (0.6, 0.4)·M = (0.60, 0.40) … worked by hand:
// q₁ = 0.6·0.8 + 0.4·0.3 = 0.60, so n = (600, 400) must give back π.
func TestCorrectSharesAdjustedCount(t *testing.T) {
	c := Confusion{{80, 20}, {30, 70}}
	res, err := CorrectShares([]int{600, 400}, c, CorrectOptions{Replicates: 200})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "2×2", res)
	if !near(res.Shares[0].Share, 0.6, 1e-6) {
		t.Errorf("share %v, want 0.6", res.Shares[0].Share)
	}
	// A case where the estimate moves: n = (500, 500) gives
	// π₁ = (0.5 − 0.3)/(0.8 − 0.3) = 0.4.
	res, err = CorrectShares([]int{500, 500}, c, CorrectOptions{Replicates: 200})
	if err != nil {
		t.Fatal(err)
	}
	if !near(res.Shares[0].Share, 0.4, 1e-6) || !near(res.Shares[1].Share, 0.6, 1e-6) {
		t.Errorf("shares %+v, want 0.4 and 0.6", res.Shares)
	}
	// The interval carries the confusion's uncertainty: 100 labelled items
	// per class make it wider than 1,000 items alone would (Wilson ±0.031).
	if w := res.Shares[0].High - res.Shares[0].Low; w < 0.15 || w > 0.5 {
		t.Errorf("interval width %.3f, want between 0.15 and 0.5", w)
	}
	// Ten times the labelled items narrow it.
	res10, err := CorrectShares([]int{500, 500}, Confusion{{800, 200}, {300, 700}}, CorrectOptions{Replicates: 200})
	if err != nil {
		t.Fatal(err)
	}
	if w, w10 := res.Shares[0].High-res.Shares[0].Low, res10.Shares[0].High-res10.Shares[0].Low; w10 > 0.6*w {
		t.Errorf("10× the labelled items: width %.3f, was %.3f", w10, w)
	}
}

// Adjusted classify-and-count would go negative here; the estimate stays
// on the simplex instead. With M as above, predicted shares (0.25, 0.75)
// lie below q₁ = 0.3, the least a mixture can give: π₁ = 0.
func TestCorrectSharesBoundary(t *testing.T) {
	c := Confusion{{80, 20}, {30, 70}}
	res, err := CorrectShares([]int{25, 75}, c, CorrectOptions{Replicates: 200})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "boundary", res)
	if res.Shares[0].Share > 1e-4 || res.Shares[0].Low != 0 {
		t.Errorf("share %+v, want 0 with low 0", res.Shares[0])
	}
}

// A class the body's answers were never predicted as still gets an interval
// with room above 0, as a Jeffreys or Wilson interval has at 0/N.
func TestCorrectSharesNeverPredicted(t *testing.T) {
	c := Confusion{{90, 10, 0}, {10, 90, 0}, {0, 0, 10}}
	res, err := CorrectShares([]int{120, 80, 0}, c, CorrectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "never predicted", res)
	if e := res.Shares[2]; e.Share != 0 || e.Low != 0 || e.High <= 0 || e.High > Wilson(0, 200).High {
		t.Errorf("class never predicted: %+v, want share 0 in [0, h] with 0 < h ≤ %.4f", e, Wilson(0, 200).High)
	}
}

func TestCorrectSharesDeterministic(t *testing.T) {
	c := Confusion{{152, 31, 7, 1, 0}, {51, 71, 8, 1, 0}, {3, 15, 37, 1, 0}, {1, 1, 0, 15, 0}, {0, 0, 0, 0, 5}}
	n := []int{120, 70, 40, 12, 3}
	a, err := CorrectShares(n, c, CorrectOptions{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := CorrectShares(n, c, CorrectOptions{Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed, different results:\n%+v\n%+v", a, b)
	}
	d, _ := CorrectShares(n, c, CorrectOptions{Seed: 8})
	if reflect.DeepEqual(a.Shares, d.Shares) {
		t.Error("seeds 7 and 8 gave identical intervals: the seed is not used")
	}
	if !reflect.DeepEqual(a.Shares[0].Share, d.Shares[0].Share) {
		t.Error("the point estimate depends on the seed")
	}
	checkWellFormed(t, "five stances", a)
}

// Two classes the classifier confuses identically cannot be told apart:
// no error, but an infinite condition number and an interval that spans
// their joint share.
func TestCorrectSharesSingular(t *testing.T) {
	c := Confusion{{50, 50, 0}, {50, 50, 0}, {0, 0, 100}}
	res, err := CorrectShares([]int{40, 40, 20}, c, CorrectOptions{Replicates: 200})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "singular", res)
	if !math.IsInf(res.Condition, 1) && res.Condition < 1e12 {
		t.Errorf("condition %v, want +Inf or huge", res.Condition)
	}
	if s := res.Shares[0].Share + res.Shares[1].Share; !near(s, 0.8, 1e-6) {
		t.Errorf("the two confused classes share %v, want 0.8", s)
	}
}

func TestCorrectSharesErrors(t *testing.T) {
	ok := Confusion{{9, 1}, {2, 8}}
	cases := []struct {
		n    []int
		c    Confusion
		want string
	}{
		{[]int{1, 1}, Confusion{}, "empty confusion"},
		{[]int{1, 1}, Confusion{{1, 2}, {3}}, "row 1 has 1 cells, want 2"},
		{[]int{1, 1}, Confusion{{1, -2}, {3, 4}}, "confusion[0][1] = -2 is negative"},
		{[]int{1, 1}, Confusion{{1, 2}, {0, 0}}, "row 1 has no labelled items"},
		{[]int{1, 1, 1}, ok, "3 predicted counts for a 2-class confusion"},
		{[]int{1, -1}, ok, "predicted count -1 of class 1 is negative"},
		{[]int{0, 0}, ok, "no predicted items"},
		{[]int{3, 2}, Confusion{{5, 0}, {4, 0}}, "2 items predicted as class 1, which no labelled item was predicted as"},
	}
	for _, c := range cases {
		_, err := CorrectShares(c.n, c.c, CorrectOptions{Replicates: 10})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CorrectShares(%v, %v): error %v, want one containing %q", c.n, c.c, err, c.want)
		}
	}
	// A column that is empty but not needed is fine.
	if _, err := CorrectShares([]int{3, 0}, Confusion{{5, 0}, {4, 0}}, CorrectOptions{Replicates: 10}); err != nil {
		t.Errorf("all items predicted as the only producible class: %v", err)
	}
}

// The EM fit agrees with a direct maximisation of the likelihood over a
// fine grid of the 3-class simplex, for random counts and confusions.
func TestEMSharesMaximiseLikelihood(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		m := make([][]float64, 3)
		for i := range m {
			m[i] = make([]float64, 3)
			s := 0.0
			for j := range m[i] {
				m[i][j] = rng.Float64() + 0.05
				if i == j {
					m[i][j] += 1
				}
				s += m[i][j]
			}
			for j := range m[i] {
				m[i][j] /= s
			}
		}
		n := []float64{float64(rng.IntN(100)), float64(rng.IntN(100)), float64(1 + rng.IntN(100))}
		ll := func(pi []float64) float64 {
			l := 0.0
			for j := range 3 {
				q := 0.0
				for i := range 3 {
					q += pi[i] * m[i][j]
				}
				if n[j] > 0 {
					l += n[j] * math.Log(q)
				}
			}
			return l
		}
		fit := emShares(n, m, nil)
		best := math.Inf(-1)
		const steps = 200
		for a := 0; a <= steps; a++ {
			for b := 0; a+b <= steps; b++ {
				best = math.Max(best, ll([]float64{float64(a) / steps, float64(b) / steps, float64(steps-a-b) / steps}))
			}
		}
		if got := ll(fit); got < best-1e-6 {
			t.Errorf("trial %d: EM log-likelihood %.6f below the grid's %.6f (fit %v)", trial, got, best, fit)
		}
	}
}

func TestMultinomialKeepsEveryItem(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]int, 4)
	for _, p := range [][]float64{{0.3, 0.7, 0, 0}, {0.1, 0.2, 0.3, 0.4}, {0, 0, 1, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3, 0}} {
		for _, n := range []int{0, 1, 24, 25, 1000} {
			multinomial(rng, n, p, out)
			s := 0
			for j, v := range out {
				if v < 0 || (p[j] == 0 && v != 0) {
					t.Errorf("multinomial(%d, %v) = %v", n, p, out)
				}
				s += v
			}
			if s != n {
				t.Errorf("multinomial(%d, %v) = %v sums to %d", n, p, out, s)
			}
		}
	}
	// The mean of many draws is n·p.
	sum := make([]float64, 4)
	p := []float64{0.1, 0.2, 0.3, 0.4}
	for range 2000 {
		multinomial(rng, 50, p, out)
		for j, v := range out {
			sum[j] += float64(v) / 2000
		}
	}
	for j := range p {
		if !near(sum[j], 50*p[j], 0.3) {
			t.Errorf("mean of class %d: %.2f, want %.1f", j, sum[j], 50*p[j])
		}
	}
}

// BenchmarkCorrectShares measures one body's correction with the default
// 1,000 replicates over five classes, the cost per body of a report.
func BenchmarkCorrectShares(b *testing.B) {
	c := Confusion{{152, 31, 7, 1, 0}, {51, 71, 8, 1, 0}, {3, 15, 37, 1, 0}, {1, 1, 0, 15, 0}, {0, 0, 0, 0, 5}}
	n := []int{470, 267, 164, 70, 29}
	for b.Loop() {
		if _, err := CorrectShares(n, c, CorrectOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A class the classifier rarely predicts as itself (1 of 100) leaves its
// column empty in about a third of the confusion's resamples; those are
// drawn again and counted, and the result is still well formed.
func TestCorrectSharesRedrawsEmptiedColumns(t *testing.T) {
	c := Confusion{{100, 0}, {99, 1}}
	res, err := CorrectShares([]int{150, 1}, c, CorrectOptions{Replicates: 300})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, "rare column", res)
	// About 0.99¹⁰⁰ ≈ 0.37 of draws fail: 300 replicates need about 175.
	if res.Redrawn < 100 || res.Redrawn > 260 {
		t.Errorf("Redrawn = %d, want about 175", res.Redrawn)
	}
}

// Where the predicted shares are an exact mixture with interior shares,
// EM returns the adjusted classify-and-count solution of Mᵀπ = q, found
// here independently with gonum's linear solver, for the rules' confusion.
func TestEMSharesIsAdjustedCountInside(t *testing.T) {
	c := Confusion{{152, 31, 7, 1, 0}, {51, 71, 8, 1, 0}, {3, 15, 37, 1, 0}, {1, 1, 0, 15, 0}, {0, 0, 0, 0, 5}}
	m := c.Rates()
	mt := mat.NewDense(5, 5, nil)
	for i := range 5 {
		for j := range 5 {
			mt.Set(j, i, m[i][j])
		}
	}
	for _, pi := range [][]float64{{0.45, 0.25, 0.2, 0.07, 0.03}, {0.2, 0.2, 0.2, 0.2, 0.2}, {0.7, 0.1, 0.1, 0.05, 0.05}} {
		q := mat.NewVecDense(5, nil)
		q.MulVec(mt, mat.NewVecDense(5, pi))
		n := make([]float64, 5)
		for j := range n {
			n[j] = 1000 * q.AtVec(j)
		}
		var solved mat.VecDense
		if err := solved.SolveVec(mt, q); err != nil {
			t.Fatal(err)
		}
		fit := emShares(n, m, nil)
		for i := range pi {
			if !near(fit[i], solved.AtVec(i), 1e-6) || !near(fit[i], pi[i], 1e-6) {
				t.Errorf("π = %v: EM %v, solve %v", pi, fit, mat.Formatted(&solved))
				break
			}
		}
	}
}
