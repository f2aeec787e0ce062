package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestHypergeometric checks the sampler's draws against the distribution
// by Pearson's goodness of fit: with a fixed seed the test is
// deterministic, and a sampler off by a few percent in any value with an
// expected count of a hundred or more fails it.
func TestHypergeometric(t *testing.T) {
	for _, c := range []struct{ pop, marked, n int }{
		{10, 4, 3},
		{20, 15, 12},       // the lower bound of the support is above 0
		{50, 1, 25},        // two values
		{1000, 500, 500},   // symmetric
		{1000, 30, 400},    // skewed
		{1000000, 3, 5000}, // small counts in a large population
		{1000000, 400000, 250000},
	} {
		rng := rand.New(rand.NewPCG(1, 2))
		const draws = 200000
		lo, hi := max(0, c.n-(c.pop-c.marked)), min(c.n, c.marked)
		counts := map[int]int{}
		for range draws {
			x := hypergeometric(rng, c.pop, c.marked, c.n)
			if x < lo || x > hi {
				t.Fatalf("%+v: draw %d outside [%d, %d]", c, x, lo, hi)
			}
			counts[x]++
		}
		// Pool the values with expected counts below 5 into one cell.
		x2, cells, poolO, poolE, seen := 0.0, 0, 0.0, 0.0, 0
		for x := lo; x <= hi; x++ {
			e := draws * math.Exp(logChoose(c.marked, x)+logChoose(c.pop-c.marked, c.n-x)-logChoose(c.pop, c.n))
			o := float64(counts[x])
			seen += counts[x]
			if e < 5 {
				poolO, poolE = poolO+o, poolE+e
				continue
			}
			x2 += (o - e) * (o - e) / e
			cells++
		}
		if poolE > 0 {
			x2 += (poolO - poolE) * (poolO - poolE) / poolE
			cells++
		}
		if seen != draws {
			t.Fatalf("%+v: %d of %d draws counted", c, seen, draws)
		}
		if cells < 2 {
			t.Fatalf("%+v: %d cells", c, cells)
		}
		if p := (distuv.ChiSquared{K: float64(cells - 1)}).Survival(x2); p < 1e-3 {
			t.Errorf("%+v: X² = %.1f on %d df, p = %.2g: draws do not follow the distribution", c, x2, cells-1, p)
		}
	}
}

func TestHypergeometricEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct{ pop, marked, n, want int }{
		{0, 0, 0, 0}, {5, 0, 3, 0}, {5, 5, 3, 3}, {5, 2, 0, 0}, {5, 2, 5, 2}, {7, 4, 6, 3},
	} {
		if c.want == 3 && c.pop == 7 {
			// 6 of 7 drawn, 4 marked: 3 or 4 marked among them.
			if x := hypergeometric(rng, c.pop, c.marked, c.n); x != 3 && x != 4 {
				t.Errorf("%+v: %d", c, x)
			}
			continue
		}
		if x := hypergeometric(rng, c.pop, c.marked, c.n); x != c.want {
			t.Errorf("%+v: %d", c, x)
		}
	}
	for _, bad := range [][3]int{{5, 6, 1}, {5, 1, 6}, {5, -1, 1}, {5, 1, -1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%v: no panic", bad)
				}
			}()
			hypergeometric(rng, bad[0], bad[1], bad[2])
		}()
	}
}

// TestDrawKeepsMargins checks that every drawn table has the observed
// margins, and that each cell's mean over many draws is its expected count
// under independence, R_i·C_j/N.
func TestDrawKeepsMargins(t *testing.T) {
	tb := newTable("test", [][]int{{30, 2, 0, 1}, {5, 40, 3, 0}, {0, 1, 1, 9}, {12, 12, 2, 2}})
	rng := rand.New(rand.NewPCG(5, 6))
	sim := make([][]int, len(tb.cells))
	for i := range sim {
		sim[i] = make([]int, len(tb.colSum))
	}
	left := make([]int, len(tb.colSum))
	const draws = 20000
	sum := make([][]float64, len(tb.cells))
	for i := range sum {
		sum[i] = make([]float64, len(tb.colSum))
	}
	for range draws {
		tb.draw(rng, sim, left)
		cols := make([]int, len(tb.colSum))
		for i, row := range sim {
			rs := 0
			for j, v := range row {
				if v < 0 {
					t.Fatalf("negative cell: %v", sim)
				}
				rs += v
				cols[j] += v
				sum[i][j] += float64(v)
			}
			if rs != tb.rowSum[i] {
				t.Fatalf("row %d sums to %d, want %d: %v", i, rs, tb.rowSum[i], sim)
			}
		}
		for j, c := range cols {
			if c != tb.colSum[j] {
				t.Fatalf("column %d sums to %d, want %d: %v", j, c, tb.colSum[j], sim)
			}
		}
	}
	for i := range sum {
		for j := range sum[i] {
			e := float64(tb.rowSum[i]) * float64(tb.colSum[j]) / float64(tb.n)
			// A cell's variance is below its expectation, so its mean over
			// the draws has a standard error below sqrt(e/draws).
			if got := sum[i][j] / draws; math.Abs(got-e) > 5*math.Sqrt(e/draws)+1e-9 {
				t.Errorf("cell %d,%d: mean %.4f, expected %.4f", i, j, got, e)
			}
		}
	}
}

// BenchmarkChiSquareMonteCarlo draws tables with the margins of a corpus
// of a million answers: 40 bodies by 6 stances.
func BenchmarkChiSquareMonteCarlo(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	shares := []float64{0.55, 0.2, 0.15, 0.06, 0.03, 0.01}
	t := make([][]int, 40)
	for i := range t {
		t[i] = make([]int, len(shares))
		n := 1000 + rng.IntN(49000)
		for j, s := range shares {
			t[i][j] = int(float64(n) * s * (0.5 + rng.Float64()))
		}
	}
	for b.Loop() {
		ChiSquareMonteCarlo(t, 2000, 1)
	}
}
