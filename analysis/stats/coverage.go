package stats

// Coverage is how often 95% intervals for class shares contained the true
// shares in a simulation of one scenario: bodies of BodySize items with
// true shares TrueShares, classified through a known confusion, whose
// error rates are estimated from a labelled sample of Labelled items drawn
// afresh in each of Simulations simulations.
type Coverage struct {
	BodySize, Labelled, Simulations int
	// Replicates is the number of bootstrap replicates behind each
	// corrected interval.
	Replicates int
	Classes    []string
	TrueShares []float64
	// Corrected and Raw are, per class, the share of simulations whose
	// interval contained the true share: CorrectShares' intervals, and the
	// Wilson intervals of the predicted shares.
	Corrected, Raw []float64
}

// CorrectionCoverage is the coverage of CorrectShares' intervals measured
// by TestCorrectSharesCoverage, which fails when the figures here and the
// simulation part. The known confusion is the default rules' stance
// confusion on the check sets (analysis/classify) when the test was
// written. Reports cite these figures with the corrected shares.
var CorrectionCoverage = []Coverage{
	{BodySize: 1000, Labelled: 400, Simulations: 1000, Replicates: 200,
		Classes:    []string{"disclosed", "partial", "declined", "referred", "holding"},
		TrueShares: []float64{0.45, 0.25, 0.20, 0.07, 0.03},
		Corrected:  []float64{0.948, 0.941, 0.947, 0.955, 0.950},
		Raw:        []float64{0.729, 0.761, 0.149, 0.948, 0.954}},
	{BodySize: 200, Labelled: 400, Simulations: 1000, Replicates: 200,
		Classes:    []string{"disclosed", "partial", "declined", "referred", "holding"},
		TrueShares: []float64{0.60, 0.20, 0.12, 0.06, 0.02},
		Corrected:  []float64{0.955, 0.941, 0.944, 0.945, 0.951},
		Raw:        []float64{0.813, 0.698, 0.963, 0.941, 0.938}},
}
