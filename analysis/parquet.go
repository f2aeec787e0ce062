package analysis

import "io"

// WriteAnswersParquet writes one Apache Parquet row per answer, in input
// order, as NewAnswersParquet describes; the same result gives the same
// bytes.
func WriteAnswersParquet(w io.Writer, res *Result) error {
	return writeAnswers(NewAnswersParquet(w), res)
}
