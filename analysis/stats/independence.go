package stats

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Method names used in Independence.Method.
const (
	MethodChiSquare   = "Pearson chi-square"
	MethodMonteCarlo  = "Pearson chi-square, Monte Carlo p-value"
	MethodFisherExact = "Fisher exact (two-sided)"
)

// CaveatSparse is the caveat given when the chi-square approximation is in
// doubt (Cochran's rule: more than 20% of expected counts below 5, or any
// below 1).
const CaveatSparse = "%.0f%% of the expected counts are below 5 (the chi-square approximation wants at most 20%%, and none below 1), so this p-value is unreliable; prefer the Monte Carlo or exact test."

// table is a validated contingency table with all-zero rows and columns
// removed.
type table struct {
	cells              [][]int
	rowSum, colSum     []int
	n                  int
	droppedR, droppedC int
}

// newTable checks t and drops its all-zero rows and columns, which carry no
// information and would give zero expected counts. It panics on a ragged
// table or a negative count: tables are built by code, and either is a bug.
func newTable(fn string, t [][]int) table {
	cols := 0
	if len(t) > 0 {
		cols = len(t[0])
	}
	colSum := make([]int, cols)
	var rows [][]int
	dropped := 0
	for i, r := range t {
		if len(r) != cols {
			panic(fmt.Sprintf("stats.%s: row %d has %d cells, row 0 has %d", fn, i, len(r), cols))
		}
		s := 0
		for j, v := range r {
			if v < 0 {
				panic(fmt.Sprintf("stats.%s: negative count %d in row %d, column %d", fn, v, i, j))
			}
			s += v
			colSum[j] += v
		}
		if s == 0 {
			dropped++
			continue
		}
		rows = append(rows, r)
	}
	var keep []int
	for j, s := range colSum {
		if s > 0 {
			keep = append(keep, j)
		}
	}
	out := table{droppedR: dropped, droppedC: cols - len(keep)}
	out.colSum = make([]int, len(keep))
	for _, r := range rows {
		nr := make([]int, len(keep))
		s := 0
		for k, j := range keep {
			nr[k] = r[j]
			s += r[j]
			out.colSum[k] += r[j]
		}
		out.cells = append(out.cells, nr)
		out.rowSum = append(out.rowSum, s)
		out.n += s
	}
	return out
}

func (t table) degenerate() bool { return len(t.cells) < 2 || len(t.colSum) < 2 }

// statistic returns Pearson's X² = Σ (O − E)² / E with E = rowSum·colSum/n,
// the share of cells with E < 5 and the smallest E.
func (t table) statistic(cells [][]int) (x2, sparse, minE float64) {
	nf := float64(t.n)
	minE = math.Inf(1)
	low := 0
	for i, r := range cells {
		for j, o := range r {
			e := float64(t.rowSum[i]) * float64(t.colSum[j]) / nf
			d := float64(o) - e
			x2 += d * d / e
			if e < 5 {
				low++
			}
			minE = math.Min(minE, e)
		}
	}
	return x2, float64(low) / float64(len(cells)*len(t.colSum)), minE
}

// draw fills sim with a table drawn from the multiple hypergeometric
// distribution with t's margins (see ChiSquareMonteCarlo), using left as
// scratch of len(t.colSum).
func (t table) draw(rng *rand.Rand, sim [][]int, left []int) {
	copy(left, t.colSum)
	pool := t.n // the observations not yet dealt: the sum of left
	last := len(left) - 1
	for i, row := range sim {
		if i == len(sim)-1 {
			copy(row, left)
			return
		}
		need := t.rowSum[i]
		rest := pool // the sum of left[j:]
		for j := range last {
			x := hypergeometric(rng, rest, left[j], need)
			row[j] = x
			rest -= left[j]
			left[j] -= x
			need -= x
		}
		row[last] = need
		left[last] -= need
		pool -= t.rowSum[i]
	}
}

func degenerateResult(method string) Independence {
	return Independence{Method: method, P: 1,
		Caveat: "fewer than two non-empty rows or columns: there is nothing to test"}
}

// ChiSquare returns Pearson's chi-square test of independence of the rows
// and columns of a contingency table of counts (R's chisq.test with
// correct = FALSE: no continuity correction):
//
//	E_ij = R_i·C_j / N,   X² = Σ_ij (O_ij − E_ij)² / E_ij,
//	DF = (r−1)(c−1),      P = Pr(χ²_DF ≥ X²)
//
// where R_i, C_j are the row and column totals and N the grand total.
// All-zero rows and columns are dropped first (they carry no information
// and would make E zero). SparseCells is the share of cells with E < 5; when
// it exceeds 0.2 or any E is below 1, Caveat says the p-value is unreliable
// (Cochran's rule) and ChiSquareMonteCarlo or FisherExact2x2 should be used.
// A table with fewer than two non-empty rows or columns gives P = 1 and a
// Caveat. It panics on a ragged table or a negative count.
//
// The test assumes every count is an independent draw. Answers that one
// body wrote once for several questions, or round robins answered from a
// common line, are not; see WithClusters.
func ChiSquare(t [][]int) Independence {
	tb := newTable("ChiSquare", t)
	if tb.degenerate() {
		return degenerateResult(MethodChiSquare)
	}
	x2, sparse, minE := tb.statistic(tb.cells)
	df := (len(tb.cells) - 1) * (len(tb.colSum) - 1)
	res := Independence{Method: MethodChiSquare, Statistic: x2, DF: df,
		P: distuv.ChiSquared{K: float64(df)}.Survival(x2), SparseCells: sparse}
	if sparse > 0.2 || minE < 1 {
		res.Caveat = fmt.Sprintf(CaveatSparse, 100*sparse)
	}
	return res
}

// ChiSquareMonteCarlo returns Pearson's chi-square statistic with a p-value
// found by simulation rather than from the χ² distribution, for tables too
// sparse for the approximation (R's chisq.test with simulate.p.value).
//
// Holding both margins fixed, it draws b tables from the null hypothesis of
// independence: the multiple hypergeometric distribution, that of
// permuting the column labels of the N observations among the rows (as R's
// r2dtable draws). A table is drawn a row at a time and, within a row, a
// cell at a time: with R_i the row's total and C_j the column totals not
// yet dealt to earlier rows,
//
//	X_ij ~ Hypergeometric(C_j + … + C_c, C_j, R_i − X_i1 − … − X_i,j−1),
//
// the last cell of a row and the last row taking what is left. It returns
//
//	P = (1 + #{draws with X² ≥ observed X²}) / (b + 1)
//
// which is never 0 and is exact in the limit. The stream of draws is fixed
// by seed, so a report can be reproduced. A draw costs O(r·c·(1 + σ)) for
// r rows, c columns and cells whose standard deviation is about σ, not
// O(N), so a million observations cost little more than a thousand; b = 0
// means 10000. DF is reported as for ChiSquare. It panics on a ragged
// table or a negative count.
func ChiSquareMonteCarlo(t [][]int, b int, seed uint64) Independence {
	tb := newTable("ChiSquareMonteCarlo", t)
	if tb.degenerate() {
		return degenerateResult(MethodMonteCarlo)
	}
	if b <= 0 {
		b = 10000
	}
	x2, sparse, _ := tb.statistic(tb.cells)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	sim := make([][]int, len(tb.cells))
	for i := range sim {
		sim[i] = make([]int, len(tb.colSum))
	}
	left := make([]int, len(tb.colSum)) // column totals not yet dealt
	// Ties count as at least as extreme; the tolerance absorbs rounding in
	// sums that are equal in exact arithmetic.
	limit := x2 * (1 - 1e-9)
	hits := 0
	for d := 0; d < b; d++ {
		tb.draw(rng, sim, left)
		if s, _, _ := tb.statistic(sim); s >= limit {
			hits++
		}
	}
	return Independence{
		Method:      fmt.Sprintf("%s (%d draws, seed %d)", MethodMonteCarlo, b, seed),
		Statistic:   x2,
		DF:          (len(tb.cells) - 1) * (len(tb.colSum) - 1),
		P:           float64(1+hits) / float64(b+1),
		SparseCells: sparse,
	}
}

// FisherExact2x2 returns Fisher's exact test of independence for the 2×2
// table
//
//	a b
//	c d
//
// Given the margins, the count a follows the hypergeometric distribution
//
//	Pr(a = x) = C(a+c, x) · C(b+d, a+b−x) / C(N, a+b)
//
// and the two-sided P is the total probability of the tables no more
// probable than the one observed (R's fisher.test, with the same relative
// tolerance of 1e-7 for ties). Statistic is the sample odds ratio ad/bc,
// with 0.5 added to every cell when one is zero so that it stays finite
// (the Haldane–Anscombe correction); DF is 0. SparseCells is given as for
// ChiSquare, for comparison; no Caveat is needed for sparseness. A table
// with an all-zero row or column gives P = 1. It panics on a negative count.
func FisherExact2x2(a, b, c, d int) Independence {
	tb := newTable("FisherExact2x2", [][]int{{a, b}, {c, d}})
	if tb.degenerate() {
		return degenerateResult(MethodFisherExact)
	}
	_, sparse, _ := tb.statistic(tb.cells)
	r1, c1, n := a+b, a+c, a+b+c+d
	logC := func(n, k int) float64 {
		x, _ := math.Lgamma(float64(n + 1))
		y, _ := math.Lgamma(float64(k + 1))
		z, _ := math.Lgamma(float64(n - k + 1))
		return x - y - z
	}
	logDenom := logC(n, r1)
	logP := func(x int) float64 { return logC(c1, x) + logC(n-c1, r1-x) - logDenom }
	obs := logP(a)
	p := 0.0
	for x := max(0, r1+c1-n); x <= min(r1, c1); x++ {
		if lp := logP(x); lp <= obs+math.Log1p(1e-7) {
			p += math.Exp(lp)
		}
	}
	af, bf, cf, df := float64(a), float64(b), float64(c), float64(d)
	if a == 0 || b == 0 || c == 0 || d == 0 {
		af, bf, cf, df = af+0.5, bf+0.5, cf+0.5, df+0.5
	}
	return Independence{Method: MethodFisherExact, Statistic: af * df / (bf * cf),
		P: math.Min(1, p), SparseCells: sparse}
}

// WithClusters returns r with a plain caveat added when clustered of the
// total answers tested are not independent draws: answers a body wrote once
// for several grouped questions, or the members of round robins, which
// departments often answer from a common line. Such answers are counted as
// separate observations, so the test overstates the evidence (its p-value
// is too small). clustered ≤ 0 leaves r unchanged.
func (r Independence) WithClusters(clustered, total int) Independence {
	if clustered <= 0 {
		return r
	}
	note := fmt.Sprintf("%d of the %d answers tested belong to round robins or grouped answers; they are not independent draws, so this test overstates the evidence (the true p-value is larger).", clustered, total)
	if r.Caveat == "" {
		r.Caveat = note
	} else {
		r.Caveat += " " + note
	}
	return r
}
