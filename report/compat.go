package report

import (
	"reflect"

	"github.com/parlance-go/parlance/analysis"
)

// resultVersion returns the parlance version recorded in the Result.
func resultVersion(res *analysis.Result) string { return res.Version }

// resultConfig returns the analysis parameters recorded in the Result, or
// nil when the Result records neither a configuration nor a version (it was
// not made by analysis.Run, so all-zero parameters would be a guess).
func resultConfig(res *analysis.Result) interface{} {
	if res.Version == "" && reflect.ValueOf(res.Config).IsZero() {
		return nil
	}
	return res.Config
}
