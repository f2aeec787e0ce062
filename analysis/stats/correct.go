package stats

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Confusion is a classifier's confusion matrix measured on labelled items:
// Confusion[i][j] counts the items of true class i that the classifier put
// in class j, over K classes in a fixed order (rows and columns alike).
type Confusion [][]int

// Rates returns the row-normalised confusion M, M[i][j] = C[i][j] / Σ_j
// C[i][j]: the estimated probability that an item of true class i is
// predicted as j. A row with no items is left all zero.
func (c Confusion) Rates() [][]float64 {
	m := make([][]float64, len(c))
	for i, row := range c {
		m[i] = make([]float64, len(row))
		s := 0
		for _, v := range row {
			s += v
		}
		if s == 0 {
			continue
		}
		for j, v := range row {
			m[i][j] = float64(v) / float64(s)
		}
	}
	return m
}

// check returns an error unless c is a K×K matrix of counts, every true
// class has at least one labelled item, and K ≥ 1.
func (c Confusion) check() error {
	k := len(c)
	if k == 0 {
		return errors.New("stats: empty confusion matrix")
	}
	for i, row := range c {
		if len(row) != k {
			return fmt.Errorf("stats: confusion row %d has %d cells, want %d (one per class)", i, len(row), k)
		}
		s := 0
		for j, v := range row {
			if v < 0 {
				return fmt.Errorf("stats: confusion[%d][%d] = %d is negative", i, j, v)
			}
			s += v
		}
		if s == 0 {
			return fmt.Errorf("stats: confusion row %d has no labelled items: how class %d is classified is unknown, so its share cannot be corrected", i, i)
		}
	}
	return nil
}

// DefaultReplicates is the number of bootstrap replicates CorrectShares
// draws when CorrectOptions.Replicates is zero: enough for the 2.5% and
// 97.5% percentiles to move by well under a percentage point between seeds.
const DefaultReplicates = 1000

// CorrectOptions configures CorrectShares. The zero value is ready to use.
type CorrectOptions struct {
	// Replicates is the number of bootstrap replicates behind the
	// intervals; zero means DefaultReplicates.
	Replicates int
	// Seed fixes the stream of random draws (a PCG generator seeded with
	// Seed and the constant correctStream), so the same input always gives
	// the same intervals. Zero is a seed like any other.
	Seed uint64
}

// maxRedraws is the most resamples of the confusion one replicate may
// draw before CorrectShares gives up (see its Degenerate cases).
const maxRedraws = 1000

// correctStream is the second word of the PCG state CorrectShares seeds:
// the first 64 bits of the golden ratio, as ChiSquareMonteCarlo uses.
const correctStream = 0x9e3779b97f4a7c15

// Estimate is a share estimated with its 95% interval.
type Estimate struct {
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// Corrected is CorrectShares' estimate of the true class shares behind a
// set of predicted counts.
type Corrected struct {
	// Answers is the number of predicted items corrected.
	Answers int
	// Shares holds, per class in the confusion's order, the estimated true
	// share with its 95% percentile-bootstrap interval. The shares sum to 1.
	Shares []Estimate
	// Replicates is the number of bootstrap replicates drawn, and Redrawn
	// the number of confusion resamples drawn again because they could not
	// produce a class the replicate's items were predicted as.
	Replicates int
	Redrawn    int
	// Condition is the 2-norm condition number of the estimated rates M:
	// how much the correction can amplify noise in the predicted shares
	// (1 for a perfect classifier, huge or +Inf when M is singular and some
	// shares cannot be told apart).
	Condition float64
}

// CorrectShares estimates the true class shares π of a set of items from
// the classifier's predicted counts n (n[j] items predicted as class j) and
// its confusion matrix c measured on labelled items, and gives each share a
// 95% interval.
//
// # Estimate
//
// With M the row-normalised confusion (Confusion.Rates), an item of true
// class i is predicted as j with probability M[i][j], so the predicted
// shares are the mixture
//
//	q = Mᵀπ,   q_j = Σ_i π_i M_ij
//
// and the counts n are multinomial(N, q). The estimate is the maximum
// likelihood π on the simplex (π_i ≥ 0, Σ π_i = 1),
//
//	π̂ = argmax Σ_j n_j log q_j,
//
// found by the EM algorithm for mixtures with known components (Saerens,
// Latinne and Decaestecker 2002, "adjusted" prior estimation), starting from
// equal shares:
//
//	π_i ← π_i · Σ_j (n_j / N) · M_ij / q_j
//
// Each step keeps π on the simplex and does not lower the likelihood, which
// is concave in π, so the iteration converges to a maximiser. Where M is
// invertible and M⁻ᵀ(n/N) lies on the simplex this is the adjusted
// classify-and-count estimate M⁻ᵀ(n/N); where that would give a negative
// share, the maximiser lies on the boundary instead of outside it. EM
// approaches such a share only in the limit, so shares below 10⁻⁶ at
// convergence are set to 0.
//
// # Intervals
//
// Each share's interval is the 2.5th and 97.5th percentile of B bootstrap
// replicates (B = opt.Replicates), which carry both sources of error:
//
//  1. the confusion: each row of c is redrawn as multinomial(row total,
//     M_i), the labelled items resampled within their true class, giving
//     M*;
//  2. the items: the predicted shares are redrawn from their posterior
//     given n under Jeffreys' prior, q* ~ Dirichlet(n + ½) over the
//     classes the confusion can produce, and n* = N·q*; unlike a
//     multinomial resample, this leaves room for a class the body's items
//     were never predicted as (as the Jeffreys interval for a proportion
//     does not collapse at 0/N);
//
// and π* is fitted from n* with M* (by EM, from π̂). π* varies with M* as
// π̂ varies with the labelled sample, and with n* as it varies with the
// items; the scheme is a hybrid of a bootstrap (the confusion) and a
// posterior draw (the items), and TestCorrectSharesCoverage checks by
// simulation that its intervals cover the true shares about 95% of the
// time. An interval is widened, if need be, to contain π̂ (a share
// estimated at the boundary can have every replicate slightly inside it).
// The draws come from one PCG stream seeded by opt.Seed, so results are
// byte-identical from run to run.
//
// # Degenerate cases
//
// A class whose row of c is empty has unknown error rates: CorrectShares
// returns an error naming it. A class predicted in n that no labelled item
// was predicted as (an all-zero column of c) cannot be explained by the
// confusion: an error too. A resampled confusion that cannot produce a
// class the replicate's counts hold (a column emptied by resampling) is
// drawn again; Corrected.Redrawn counts these, and after 1,000 in a row for
// one replicate CorrectShares gives up with an error (the labelled items
// are too few to resample). Classes never predicted are
// fine: their estimated share is whatever the others' errors imply, often 0.
// When M is singular (two classes the classifier confuses identically) the
// maximiser is not unique: π̂ is the one EM reaches from equal shares, the
// intervals are wide, and Corrected.Condition is huge or +Inf. N = 0 is an
// error:
// there is nothing to estimate.
//
// The correction assumes the classifier errs on these items as it did on
// the labelled ones (the same M). It panics on nothing; every problem is an
// error.
func CorrectShares(predicted []int, c Confusion, opt CorrectOptions) (Corrected, error) {
	return CorrectStrata([]Stratum{{Predicted: predicted, Confusion: c}}, opt)
}

// Stratum is one part of a set of items that the classifier errs on in
// its own way: the items' predicted counts and the confusion measured on
// labelled items like them.
type Stratum struct {
	Predicted []int
	Confusion Confusion
}

// CorrectStrata estimates the true class shares of items that fall into
// strata, each corrected with its own confusion: answers read whole and
// answers whose text was clipped, say, which a classifier misreads
// differently. With N_s items in stratum s and π̂_s its estimate (as
// CorrectShares gives it), the estimate of the whole is the mixture
//
//	π̂ = Σ_s N_s π̂_s / Σ_s N_s.
//
// Its intervals come from the same replicates: replicate r of the whole
// is Σ_s N_s π*_{s,r} / Σ_s N_s, each stratum's replicate drawn as
// CorrectShares draws it, from one PCG stream seeded by opt.Seed (the
// strata in order). The strata's draws are independent, so a combined
// replicate is a draw of the whole, and its percentiles give the 95%
// interval. A stratum with no items adds nothing and draws nothing, so
// with one stratum of items CorrectStrata gives what CorrectShares gives,
// to the bit.
//
// The result's Answers is Σ_s N_s, Redrawn the strata's redraws together,
// and Condition the largest of the strata's condition numbers: the most
// any stratum can amplify noise. Every stratum's confusion must be K×K
// with the same K, and each stratum with items must meet CorrectShares'
// conditions; an error names the stratum (from 0) that does not. No items
// at all is an error.
func CorrectStrata(strata []Stratum, opt CorrectOptions) (Corrected, error) {
	if len(strata) == 0 {
		return Corrected{}, errors.New("stats: no strata to correct")
	}
	k := len(strata[0].Confusion)
	// inStratum names stratum si in err, where there is more than one.
	inStratum := func(err error, si int) error {
		if len(strata) == 1 {
			return err
		}
		return fmt.Errorf("stats: stratum %d: %s", si, strings.TrimPrefix(err.Error(), "stats: "))
	}
	sizes := make([]int, len(strata))
	total := 0
	for si, st := range strata {
		n, err := checkPredicted(st.Predicted, st.Confusion)
		if err == nil && len(st.Confusion) != k {
			err = fmt.Errorf("stats: a %d-class confusion, but stratum 0's has %d classes", len(st.Confusion), k)
		}
		if err != nil {
			return Corrected{}, inStratum(err, si)
		}
		sizes[si] = n
		total += n
	}
	if total == 0 {
		return Corrected{}, errors.New("stats: no predicted items to correct")
	}
	b := opt.Replicates
	if b <= 0 {
		b = DefaultReplicates
	}
	rng := rand.New(rand.NewPCG(opt.Seed, correctStream))
	fit := make([]float64, k)
	reps := make([][]float64, k) // reps[i][r]: share of class i in replicate r
	for i := range reps {
		reps[i] = make([]float64, b)
	}
	res := Corrected{Answers: total, Replicates: b}
	for si, st := range strata {
		n := sizes[si]
		if n == 0 {
			continue
		}
		d, err := drawCorrection(st.Predicted, n, st.Confusion, b, rng)
		if err != nil {
			return Corrected{}, inStratum(err, si)
		}
		// Weighted by the stratum's items; with one stratum the weight is
		// 1 and the sums are the stratum's own figures exactly.
		w := float64(n) / float64(total)
		for i := range k {
			fit[i] += w * d.fit[i]
			for r := range b {
				reps[i][r] += w * d.reps[i][r]
			}
		}
		res.Redrawn += d.redrawn
		res.Condition = math.Max(res.Condition, d.condition)
	}
	res.Shares = make([]Estimate, k)
	for i := range k {
		slices.Sort(reps[i])
		res.Shares[i] = Estimate{Share: fit[i],
			Low:  math.Min(fit[i], stat.Quantile(0.025, stat.Empirical, reps[i], nil)),
			High: math.Max(fit[i], stat.Quantile(0.975, stat.Empirical, reps[i], nil)),
		}
	}
	return res, nil
}

// correctionDraws are one stratum's estimate, its b bootstrap replicates
// (reps[i][r], the share of class i in replicate r), the confusion
// resamples drawn again, and the condition number of its rates.
type correctionDraws struct {
	fit       []float64
	reps      [][]float64
	redrawn   int
	condition float64
}

// drawCorrection estimates the shares behind predicted, which hold n > 0
// items, with the valid confusion c, and draws b replicates from rng, as
// CorrectShares describes.
func drawCorrection(predicted []int, n int, c Confusion, b int, rng *rand.Rand) (correctionDraws, error) {
	k := len(c)
	m := c.Rates()
	nf, fit := fitShares(predicted, m)

	// The classes the confusion can produce: only they get a share of the
	// redrawn predictions.
	producible := make([]bool, k)
	for j := range k {
		producible[j] = unexplained(m, oneHot(k, j)) < 0
	}
	rows := c.rowTotals()
	reps := make([][]float64, k)
	for i := range reps {
		reps[i] = make([]float64, b)
	}
	cStar := make(Confusion, k)
	for i := range cStar {
		cStar[i] = make([]int, k)
	}
	nStar := make([]float64, k)
	d := correctionDraws{fit: fit, reps: reps}
	for r := range b {
		// q* ~ Dirichlet(n + ½), drawn as normalised Gamma(n_j + ½, 1)
		// variates, and n* = N·q*.
		sum := 0.0
		for j := range k {
			nStar[j] = 0
			if producible[j] {
				nStar[j] = distuv.Gamma{Alpha: nf[j] + 0.5, Beta: 1, Src: rng}.Rand()
				sum += nStar[j]
			}
		}
		for j := range k {
			nStar[j] *= float64(n) / sum
		}
		mStar, redrawn, err := resampleUsable(rng, rows, m, cStar, nStar)
		d.redrawn += redrawn
		if err != nil {
			return correctionDraws{}, err
		}
		for i, s := range emShares(nStar, mStar, fit) {
			reps[i][r] = s
		}
	}
	d.condition = condition(m)
	return d, nil
}

// resampleUsable draws a confusion into cStar, each row i as
// multinomial(rows[i], m[i]) (the labelled items resampled within their
// true class), until its rates can produce every class that counts holds,
// and returns those rates and how many draws were rejected. The observed
// confusion is itself a possible draw, so a usable one comes with positive
// probability; after maxRedraws rejected in a row (a confusion so sparse
// that one comes almost never) it gives up with an error.
func resampleUsable[T int | float64](rng *rand.Rand, rows []int, m [][]float64, cStar Confusion, counts []T) ([][]float64, int, error) {
	for tries := 0; tries < maxRedraws; tries++ {
		for i := range rows {
			multinomial(rng, rows[i], m[i], cStar[i])
		}
		if mStar := cStar.Rates(); unexplained(mStar, counts) < 0 {
			return mStar, tries, nil
		}
	}
	return nil, maxRedraws, fmt.Errorf("stats: %d resamples of the confusion in a row could not produce every predicted class: too few labelled items to resample", maxRedraws)
}

// fitShares returns the predicted counts as floats and the shares π̂ that
// CorrectShares estimates from them with the rates m.
func fitShares(predicted []int, m [][]float64) (nf, pi []float64) {
	nf = make([]float64, len(predicted))
	for j, v := range predicted {
		nf[j] = float64(v)
	}
	return nf, emShares(nf, m, nil)
}

// checkPredicted returns the number of items in predicted, or an error
// unless c is a valid confusion (Confusion.check), predicted has one
// count per class, none negative, and c can produce every class predicted.
func checkPredicted(predicted []int, c Confusion) (int, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	if len(predicted) != len(c) {
		return 0, fmt.Errorf("stats: %d predicted counts for a %d-class confusion", len(predicted), len(c))
	}
	n := 0
	for j, v := range predicted {
		if v < 0 {
			return 0, fmt.Errorf("stats: predicted count %d of class %d is negative", v, j)
		}
		n += v
	}
	if j := unexplained(c.Rates(), predicted); j >= 0 {
		return 0, fmt.Errorf("stats: %d items predicted as class %d, which no labelled item was predicted as: the confusion cannot explain them", predicted[j], j)
	}
	return n, nil
}

// unexplained returns a class j with n[j] > 0 whose column of m is all
// zero (no true class is ever predicted as j), or -1 if there is none.
func unexplained[T int | float64](m [][]float64, n []T) int {
	for j, v := range n {
		if v == 0 {
			continue
		}
		col := 0.0
		for i := range m {
			col += m[i][j]
		}
		if col == 0 {
			return j
		}
	}
	return -1
}

// EM stops when no share moves by more than emTol in a step, or after
// emMaxIter steps. Shares are reported to four decimals, so 1e-9 is far
// below what shows; the cap only bounds the slow approach to a boundary
// maximum, where the remaining error is of the order of the last step.
// Shares below emFloor at the end are taken to be 0.
const (
	emTol     = 1e-9
	emMaxIter = 20000
	emFloor   = 1e-6
)

// emShares returns the maximum-likelihood shares π of the mixture Mᵀπ for
// the counts n (see CorrectShares), starting from start, or from equal
// shares when start is nil. Every column j with n[j] > 0 must have a
// non-zero entry in m.
func emShares(n []float64, m [][]float64, start []float64) []float64 {
	k := len(n)
	total := 0.0
	for _, v := range n {
		total += v
	}
	pi := make([]float64, k)
	if start == nil {
		for i := range pi {
			pi[i] = 1 / float64(k)
		}
	} else {
		// A share at exactly 0 would stay there; start every class a
		// little inside the simplex so that the data decide.
		for i, s := range start {
			pi[i] = 0.9*s + 0.1/float64(k)
		}
	}
	// The terms of the update with n[j] = 0 add nothing and are skipped;
	// w[j] = n[j]/total is the first operation of each term, so computing
	// it once leaves every sum the same to the last bit.
	w := make([]float64, k)
	var seen []int // the j with n[j] > 0, in order
	for j, v := range n {
		if v > 0 {
			w[j] = v / total
			seen = append(seen, j)
		}
	}
	q := make([]float64, k)
	next := make([]float64, k)
	for range emMaxIter {
		clear(q)
		for i := range k {
			for j := range k {
				q[j] += pi[i] * m[i][j]
			}
		}
		moved := 0.0
		sum := 0.0
		for i := range k {
			s := 0.0
			mi := m[i]
			for _, j := range seen {
				if mi[j] > 0 {
					s += w[j] * mi[j] / q[j]
				}
			}
			next[i] = pi[i] * s
			sum += next[i]
		}
		for i := range k {
			next[i] /= sum // exact in theory; removes rounding drift
			// moved = math.Max(moved, d), NaN included, without the call.
			if d := math.Abs(next[i] - pi[i]); d > moved || d != d {
				moved = d
			}
		}
		pi, next = next, pi
		if moved < emTol {
			break
		}
	}
	// EM reaches a maximum on the boundary only in the limit, leaving
	// shares of order emTol where the maximiser has 0: set them to 0.
	sum := 0.0
	for i, p := range pi {
		if p < emFloor {
			pi[i] = 0
		}
		sum += pi[i]
	}
	for i := range pi {
		pi[i] /= sum
	}
	return pi
}

// multinomial draws counts of n items over the categories with
// probabilities p (summing to 1) into out, as a chain of binomials:
// out[j] ~ Binomial(n − Σ_{l<j} out[l], p_j / (1 − Σ_{l<j} p_l)).
func multinomial(rng *rand.Rand, n int, p []float64, out []int) {
	last := -1 // the last category that can be drawn takes what is left
	for j, v := range p {
		if v > 0 {
			last = j
		}
	}
	left, rest := n, 1.0
	for j := range p {
		switch {
		case left == 0 || p[j] <= 0:
			out[j] = 0
		case j == last || p[j] >= rest:
			out[j] = left
		default:
			out[j] = int(distuv.Binomial{N: float64(left), P: p[j] / rest, Src: rng}.Rand())
		}
		left -= out[j]
		rest -= p[j]
	}
}

// Condition returns the 2-norm condition number of c's rates
// (Confusion.Rates): 1 for a perfect classifier, larger the more the
// correction amplifies noise in predicted shares, +Inf when two classes
// cannot be told apart. c must be square.
func (c Confusion) Condition() float64 { return condition(c.Rates()) }

// condition returns the 2-norm condition number of m.
func condition(m [][]float64) float64 {
	k := len(m)
	d := mat.NewDense(k, k, nil)
	for i := range k {
		d.SetRow(i, m[i])
	}
	return mat.Cond(d, 2)
}

func oneHot(k, j int) []int {
	v := make([]int, k)
	v[j] = 1
	return v
}

// Misfit says how well the confusion c can explain predicted counts n: with
// π̂ CorrectShares' estimate and M the rates of c, it is the largest gap
// between a class's predicted share and the share π̂ implies,
//
//	misfit = max_j | n_j/N − (Mᵀπ̂)_j |.
//
// Where the classifier errs on the items as it did on the labelled ones,
// the predicted shares lie, up to sampling noise, in the set Mᵀπ can
// reach, and the misfit is small (of the order of the standard error of a
// predicted share). A large one shows that no true shares make the
// classifier predict what it did at the measured rates: the correction's
// assumption fails for these items, and π̂, pressed against the edge of
// the simplex, should not be read as their shares. Its conditions and
// errors are CorrectShares'.
func Misfit(predicted []int, c Confusion) (float64, error) {
	n, err := checkPredicted(predicted, c)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, errors.New("stats: no predicted items to correct")
	}
	m := c.Rates()
	nf, pi := fitShares(predicted, m)
	return misfitOf(nf, pi, m), nil
}

// misfitOf returns max_j | n_j/N − (Mᵀπ)_j | for the counts n (N their
// sum), the shares π and the rates m.
func misfitOf(n, pi []float64, m [][]float64) float64 {
	total := 0.0
	for _, v := range n {
		total += v
	}
	worst := 0.0
	for j, q := range mixture(pi, m) {
		worst = math.Max(worst, math.Abs(n[j]/total-q))
	}
	return worst
}

// mixture returns the predicted shares q = Mᵀπ, q_j = Σ_i π_i M_ij, that
// the shares pi give through the rates m.
func mixture(pi []float64, m [][]float64) []float64 {
	q := make([]float64, len(m[0]))
	for j := range q {
		for i := range pi {
			q[j] += pi[i] * m[i][j]
		}
	}
	return q
}

// rowTotals returns the number of labelled items of each true class: the
// sums of c's rows.
func (c Confusion) rowTotals() []int {
	rows := make([]int, len(c))
	for i, row := range c {
		for _, v := range row {
			rows[i] += v
		}
	}
	return rows
}

// FitTest is the result of MisfitTest.
type FitTest struct {
	// Misfit is the observed misfit (see Misfit).
	Misfit float64
	// P is the bootstrap p-value: the share of the misfits that the
	// confusion's own sampling noise and the items' produce, where the
	// rates do hold, that are at least as large as Misfit.
	P float64
	// Replicates is the number of bootstrap replicates drawn, and Redrawn
	// the number of confusion resamples drawn again because they could
	// not produce a class a replicate's items were predicted as.
	Replicates int
	Redrawn    int
}

// misfitStream is the second word of the PCG state MisfitTest seeds: the
// first 64 bits of the fractional part of √2, so that its draws are not
// CorrectShares' for the same seed.
const misfitStream = 0x6a09e667f3bcc908

// MisfitTest tests whether the confusion c explains the predicted counts
// n: whether the classifier could have erred on these items as it did on
// the labelled ones. The statistic is Misfit. It is 0 wherever the
// predicted shares lie within what the rates of c can produce, and a gap
// outside them can come from sampling alone, since both the labelled items
// behind c and the items behind n are samples; the test asks how often a
// misfit as large arises from those samples alone. Its null hypothesis is
// that the items have some true shares π and the classifier errs on them
// at the true rates of which c is a sample.
//
// The p-value is a parametric bootstrap's (Davison and Hinkley 1997,
// §4.2). With M̂ the rates of c and π̂ the estimated shares, the null model
// closest to the data, each of B replicates (B = opt.Replicates) draws
//
//  1. a confusion c*, each row i as multinomial(row total, M̂_i), the
//     labelled items resampled within their true class;
//  2. predicted counts n* ~ multinomial(N, M̂ᵀπ̂), the items as the null
//     model predicts them;
//
// and computes the misfit m* of n* against c* as Misfit computes it
// (estimating the shares from n* with the rates of c*). Then
//
//	P = (1 + #{r : m*_r ≥ m}) / (B + 1),
//
// Rejecting at P < α errs, up to the bootstrap's approximation, at rate at
// most α under the null hypothesis; less where the misfit is often 0 (a
// misfit of 0 gives P = 1), so the test is conservative there
// (TestMisfitTestSize checks this by simulation). A c* that cannot produce
// a class n* holds (a column emptied by resampling) is drawn again, as in
// CorrectShares, and after 1,000 in a row MisfitTest gives up with an
// error, returning the observed misfit with it. The draws come from one
// PCG stream seeded by opt.Seed. Conditions and other errors are Misfit's.
func MisfitTest(predicted []int, c Confusion, opt CorrectOptions) (FitTest, error) {
	n, err := checkPredicted(predicted, c)
	if err != nil {
		return FitTest{}, err
	}
	if n == 0 {
		return FitTest{}, errors.New("stats: no predicted items to correct")
	}
	b := opt.Replicates
	if b <= 0 {
		b = DefaultReplicates
	}
	k := len(c)
	m := c.Rates()
	nf, pi := fitShares(predicted, m)
	res := FitTest{Misfit: misfitOf(nf, pi, m), Replicates: b}
	q := mixture(pi, m) // the null model's predicted shares M̂ᵀπ̂
	rows := c.rowTotals()
	rng := rand.New(rand.NewPCG(opt.Seed, misfitStream))
	cStar := make(Confusion, k)
	for i := range cStar {
		cStar[i] = make([]int, k)
	}
	nStar := make([]int, k)
	nStarF := make([]float64, k)
	atLeast := 0
	for range b {
		multinomial(rng, n, q, nStar)
		for j, v := range nStar {
			nStarF[j] = float64(v)
		}
		mStar, redrawn, err := resampleUsable(rng, rows, m, cStar, nStar)
		res.Redrawn += redrawn
		if err != nil {
			return FitTest{Misfit: res.Misfit}, err
		}
		if misfitOf(nStarF, emShares(nStarF, mStar, pi), mStar) >= res.Misfit {
			atLeast++
		}
	}
	res.P = float64(1+atLeast) / float64(b+1)
	return res, nil
}
