package stats_test

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/stats"
)

func ExampleWilson() {
	// 7 of 20 answers from one body declined to give the information.
	p := stats.Wilson(7, 20)
	fmt.Printf("%d/%d = %.2f, 95%% CI %.3f to %.3f\n", p.Count, p.Total, p.Share, p.Low, p.High)
	// Output: 7/20 = 0.35, 95% CI 0.181 to 0.567
}

func ExampleClopperPearson() {
	p := stats.ClopperPearson(0, 12)
	fmt.Printf("%.3f to %.3f\n", p.Low, p.High)
	// Output: 0.000 to 0.265
}

func ExampleChiSquare() {
	// Stance (disclosed, partial, declined) by two bodies.
	r := stats.ChiSquare([][]int{{762, 327, 468}, {484, 239, 477}})
	fmt.Printf("%s: X² = %.2f, df = %d, p = %.3g, sparse cells %.0f%%\n", r.Method, r.Statistic, r.DF, r.P, 100*r.SparseCells)
	// Output: Pearson chi-square: X² = 30.07, df = 2, p = 2.95e-07, sparse cells 0%
}

func ExampleFisherExact2x2() {
	r := stats.FisherExact2x2(3, 1, 1, 3)
	fmt.Printf("odds ratio %.0f, p = %.4f\n", r.Statistic, r.P)
	// Output: odds ratio 9, p = 0.4857
}

func ExampleIndependence_WithClusters() {
	r := stats.ChiSquare([][]int{{30, 10}, {12, 28}}).WithClusters(24, 80)
	fmt.Printf("p = %.2g\n%s\n", r.P, r.Caveat)
	// Output:
	// p = 5.6e-05
	// 24 of the 80 answers tested belong to round robins or grouped answers; they are not independent draws, so this test overstates the evidence (the true p-value is larger).
}

func ExampleCorrectShares() {
	// A classifier checked on 300 labelled answers (rows: the coders'
	// stance; columns: the classifier's) over disclosed, partial, declined.
	c := stats.Confusion{
		{120, 25, 5},
		{20, 50, 10},
		{2, 8, 60},
	}
	// One body's 400 answers as the classifier stanced them.
	predicted := []int{200, 110, 90}
	res, err := stats.CorrectShares(predicted, c, stats.CorrectOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range []string{"disclosed", "partial", "declined"} {
		raw := stats.Wilson(predicted[i], res.Answers)
		e := res.Shares[i]
		fmt.Printf("%-9s raw %.3f (%.3f to %.3f)  corrected %.3f (%.3f to %.3f)\n", name, raw.Share, raw.Low, raw.High, e.Share, e.Low, e.High)
	}
	// Output:
	// disclosed raw 0.500 (0.451 to 0.549)  corrected 0.537 (0.420 to 0.651)
	// partial   raw 0.275 (0.234 to 0.321)  corrected 0.260 (0.131 to 0.391)
	// declined  raw 0.225 (0.187 to 0.268)  corrected 0.204 (0.136 to 0.273)
}

func ExampleCorrectStrata() {
	// The classifier as checked on answers read whole, and on the same
	// kind of answers clipped to their first lines (rows: the coders'
	// stance; columns: the classifier's), over disclosed, partial,
	// declined. Clipped, it calls more answers disclosed.
	whole := stats.Confusion{
		{120, 25, 5},
		{20, 50, 10},
		{2, 8, 60},
	}
	clipped := stats.Confusion{
		{130, 18, 2},
		{45, 30, 5},
		{15, 15, 40},
	}
	// One body's answers: 400 read whole and 200 clipped, as the
	// classifier stanced them.
	res, err := stats.CorrectStrata([]stats.Stratum{
		{Predicted: []int{200, 110, 90}, Confusion: whole},
		{Predicted: []int{120, 50, 30}, Confusion: clipped},
	}, stats.CorrectOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d answers\n", res.Answers)
	for i, name := range []string{"disclosed", "partial", "declined"} {
		e := res.Shares[i]
		fmt.Printf("%-9s corrected %.3f (%.3f to %.3f)\n", name, e.Share, e.Low, e.High)
	}
	// Output:
	// 600 answers
	// disclosed corrected 0.478 (0.342 to 0.592)
	// partial   corrected 0.318 (0.177 to 0.478)
	// declined  corrected 0.205 (0.146 to 0.275)
}

func ExampleMisfitTest() {
	// The classifier as checked on clipped answers (rows: the coders'
	// stance; columns: the classifier's), over disclosed, partial,
	// declined.
	clipped := stats.Confusion{
		{130, 18, 2},
		{45, 30, 5},
		{15, 15, 40},
	}
	// Two corpora of clipped answers as the classifier stanced them. In
	// the second, fewer are called partial than even a corpus of disclosed
	// answers would give at these rates (18 in 150, 12%).
	for _, predicted := range [][]int{{600, 250, 150}, {900, 50, 50}} {
		res, err := stats.MisfitTest(predicted, clipped, stats.CorrectOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%v: misfit %.3f, p = %.3f\n", predicted, res.Misfit, res.P)
	}
	// Output:
	// [600 250 150]: misfit 0.000, p = 0.607
	// [900 50 50]: misfit 0.075, p = 0.008
}
