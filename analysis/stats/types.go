package stats

// Proportion is a count out of a total with its 95% confidence interval.
type Proportion struct {
	Count int     `json:"count"`
	Total int     `json:"total"`
	Share float64 `json:"share"` // Count/Total, 0 when Total is 0
	Low   float64 `json:"low"`   // lower bound of the 95% interval
	High  float64 `json:"high"`
}

// Independence is the result of a test of independence between two
// categorical variables laid out as a contingency table.
type Independence struct {
	Method    string  `json:"method"` // e.g. "Pearson chi-square"
	Statistic float64 `json:"statistic"`
	DF        int     `json:"df"`
	P         float64 `json:"p"`
	// SparseCells is the share of cells with expected count below 5; above
	// 0.2 the chi-square approximation is doubtful (Cochran's rule).
	SparseCells float64 `json:"sparse_cells"`
	Caveat      string  `json:"caveat,omitempty"`
}
