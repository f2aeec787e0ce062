package report

import "github.com/parlance-go/parlance/analysis"

// resultVersion returns the parlance version recorded in the Result, if the
// Result records one.
func resultVersion(res *analysis.Result) string { return "" }

// resultConfig returns the analysis parameters recorded in the Result, if
// the Result records them.
func resultConfig(res *analysis.Result) interface{} { return nil }
