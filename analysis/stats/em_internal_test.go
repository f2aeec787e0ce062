package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// emSharesPlain is emShares as first written, term by term: the faster
// one must give the same shares to the last bit.
func emSharesPlain(n []float64, m [][]float64, start []float64) []float64 {
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
		for i, s := range start {
			pi[i] = 0.9*s + 0.1/float64(k)
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
			for j := range k {
				if n[j] > 0 && m[i][j] > 0 {
					s += n[j] / total * m[i][j] / q[j]
				}
			}
			next[i] = pi[i] * s
			sum += next[i]
		}
		for i := range k {
			next[i] /= sum
			moved = math.Max(moved, math.Abs(next[i]-pi[i]))
		}
		pi, next = next, pi
		if moved < emTol {
			break
		}
	}
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

func TestEMSharesBitForBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		k := 2 + rng.IntN(5)
		c := make(Confusion, k)
		for i := range c {
			c[i] = make([]int, k)
			for j := range c[i] {
				if i == j || rng.IntN(3) > 0 {
					c[i][j] = rng.IntN(50)
				}
			}
			c[i][i] += 1 + rng.IntN(200)
		}
		m := c.Rates()
		n := make([]float64, k)
		for j := range n {
			if rng.IntN(4) > 0 {
				n[j] = float64(rng.IntN(5000))
			}
		}
		if unexplained(m, n) >= 0 {
			continue
		}
		var start []float64
		if trial%2 == 1 {
			start = emSharesPlain(n, m, nil)
		}
		got, want := emShares(n, m, start), emSharesPlain(n, m, start)
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("trial %d: share %d is %v, want %v (n %v)", trial, i, got[i], want[i], n)
			}
		}
	}
}

// emBenchInput is a five-stance confusion and counts like a body's: the
// bootstrap's EM runs on such inputs a thousand times per body.
func emBenchInput() ([]float64, [][]float64) {
	c := Confusion{{300, 20, 5, 3, 1}, {40, 120, 10, 2, 0}, {6, 12, 90, 4, 0}, {3, 1, 5, 60, 0}, {0, 0, 0, 1, 30}}
	return []float64{2400, 900, 350, 200, 0}, c.Rates()
}

func BenchmarkEMShares(b *testing.B) {
	n, m := emBenchInput()
	for b.Loop() {
		emShares(n, m, nil)
	}
}

func BenchmarkEMSharesPlain(b *testing.B) {
	n, m := emBenchInput()
	for b.Loop() {
		emSharesPlain(n, m, nil)
	}
}
