package stats

import (
	"math"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// Reference values from R 4: prop.test(k, n, correct = FALSE)$conf.int and
// binom.test(k, n)$conf.int, checked against the closed forms by hand.
func TestWilson(t *testing.T) {
	cases := []struct {
		k, n      int
		low, high float64
	}{
		{0, 10, 0, 0.2775328},
		{5, 10, 0.2365931, 0.7634069},
		{10, 10, 0.7224672, 1},
		{1, 3, 0.06149194, 0.79234686},
		{81, 263, 0.2553, 0.3662}, // Newcombe (1998), example (d): 81/263
		// The counts reports print: nothing and everything of a few, and
		// nothing of a body's 181 answers (not a zero-width interval).
		{0, 4, 0, 0.4898908},
		{4, 4, 0.5101092, 1},
		{0, 181, 0, 0.0207825},
		{181, 181, 0.9792175, 1},
		{0, 1, 0, 0.7934506},
	}
	for _, c := range cases {
		p := Wilson(c.k, c.n)
		if !near(p.Low, c.low, 5e-5) || !near(p.High, c.high, 5e-5) || p.Count != c.k || p.Total != c.n {
			t.Errorf("Wilson(%d, %d) = %+v, want [%.7f, %.7f]", c.k, c.n, p, c.low, c.high)
		}
		if !near(p.Share, float64(c.k)/float64(c.n), 1e-15) {
			t.Errorf("Wilson(%d, %d).Share = %v", c.k, c.n, p.Share)
		}
	}
	if p := Wilson(0, 0); p.Share != 0 || p.Low != 0 || p.High != 1 {
		t.Errorf("Wilson(0, 0) = %+v, want share 0 in [0, 1]", p)
	}
}

func TestClopperPearson(t *testing.T) {
	cases := []struct {
		k, n      int
		low, high float64
	}{
		{0, 10, 0, 0.3084971},
		{5, 10, 0.1870860, 0.8129140},
		{10, 10, 0.6915029, 1},
		{1, 3, 0.008403759, 0.905700675},
	}
	for _, c := range cases {
		p := ClopperPearson(c.k, c.n)
		if !near(p.Low, c.low, 1e-6) || !near(p.High, c.high, 1e-6) {
			t.Errorf("ClopperPearson(%d, %d) = %+v, want [%.7f, %.7f]", c.k, c.n, p, c.low, c.high)
		}
		// The exact interval contains the Wilson one at these counts.
		w := Wilson(c.k, c.n)
		if p.Low > w.Low+1e-12 || p.High < w.High-1e-12 {
			t.Errorf("ClopperPearson(%d, %d) %+v narrower than Wilson %+v", c.k, c.n, p, w)
		}
	}
}

func TestBadCountsPanic(t *testing.T) {
	for _, f := range []func(){
		func() { Wilson(11, 10) },
		func() { ClopperPearson(-1, 10) },
		func() { ChiSquare([][]int{{1, 2}, {3}}) },
		func() { ChiSquare([][]int{{1, -2}, {3, 4}}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic on invalid input")
				}
			}()
			f()
		}()
	}
}

// Agresti (2007), Table 2.5: party identification by gender. R:
// chisq.test(rbind(c(762, 327, 468), c(484, 239, 477))) gives
// X-squared = 30.07, df = 2, p-value = 2.954e-07.
var agresti = [][]int{{762, 327, 468}, {484, 239, 477}}

func TestChiSquareKnown(t *testing.T) {
	r := ChiSquare(agresti)
	if !near(r.Statistic, 30.0701, 1e-4) || r.DF != 2 || !near(r.P, 2.954e-07, 1e-10) {
		t.Errorf("ChiSquare(agresti) = %+v, want X² 30.0701, df 2, p 2.954e-07", r)
	}
	if r.SparseCells != 0 || r.Caveat != "" {
		t.Errorf("dense table flagged: %+v", r)
	}
	// All-zero rows and columns are dropped, not counted.
	padded := [][]int{{762, 0, 327, 468}, {0, 0, 0, 0}, {484, 0, 239, 477}}
	if p := ChiSquare(padded); !near(p.Statistic, r.Statistic, 1e-9) || p.DF != 2 {
		t.Errorf("padded table: %+v", p)
	}
}

func TestChiSquareSparse(t *testing.T) {
	r := ChiSquare([][]int{{3, 1}, {1, 3}})
	// X² = 2, df 1, p = 0.1573 (R: chisq.test(..., correct = FALSE)).
	if !near(r.Statistic, 2, 1e-12) || !near(r.P, 0.1572992, 1e-6) {
		t.Errorf("%+v", r)
	}
	if r.SparseCells != 1 || !strings.Contains(r.Caveat, "unreliable") {
		t.Errorf("sparse table not flagged: %+v", r)
	}
	d := ChiSquare([][]int{{5, 0}, {0, 0}})
	if d.P != 1 || d.Caveat == "" {
		t.Errorf("degenerate table: %+v", d)
	}
}

// R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857143 (Fisher's
// tea-tasting experiment) and fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value
// = 0.002759456.
func TestFisherExact(t *testing.T) {
	if r := FisherExact2x2(3, 1, 1, 3); !near(r.P, 0.4857143, 1e-7) || !near(r.Statistic, 9, 1e-12) {
		t.Errorf("tea tasting: %+v", r)
	}
	if r := FisherExact2x2(1, 9, 11, 3); !near(r.P, 0.002759456, 1e-9) {
		t.Errorf("%+v", r)
	}
	if r := FisherExact2x2(5, 0, 0, 5); !near(r.P, 0.007936508, 1e-9) || math.IsInf(r.Statistic, 0) {
		t.Errorf("zero cells: %+v", r)
	}
	if r := FisherExact2x2(0, 0, 2, 3); r.P != 1 {
		t.Errorf("empty row: %+v", r)
	}
}

func TestChiSquareMonteCarlo(t *testing.T) {
	// On the tea-tasting table, X² ≥ 2 happens exactly when the table is
	// as or more extreme than the observed one, so the simulated p-value
	// estimates Fisher's 0.4857; with 20000 draws its standard error is
	// 0.0035.
	r := ChiSquareMonteCarlo([][]int{{3, 1}, {1, 3}}, 20000, 1)
	if !near(r.P, 0.4857143, 0.015) {
		t.Errorf("tea tasting Monte Carlo: %+v", r)
	}
	if again := ChiSquareMonteCarlo([][]int{{3, 1}, {1, 3}}, 20000, 1); again != r {
		t.Errorf("same seed, different result: %+v vs %+v", again, r)
	}
	// A strong association: no draw reaches it, so p = 1/(b+1).
	s := ChiSquareMonteCarlo(agresti, 200, 7)
	if s.P != 1.0/201 || !near(s.Statistic, 30.0701, 1e-4) {
		t.Errorf("agresti Monte Carlo: %+v", s)
	}
}

func TestWithClusters(t *testing.T) {
	r := ChiSquare(agresti).WithClusters(120, 2757)
	if !strings.Contains(r.Caveat, "120 of the 2757") || !strings.Contains(r.Caveat, "not independent") {
		t.Errorf("caveat %q", r.Caveat)
	}
	if r2 := ChiSquare(agresti).WithClusters(0, 2757); r2.Caveat != "" {
		t.Errorf("no clusters, caveat %q", r2.Caveat)
	}
}
