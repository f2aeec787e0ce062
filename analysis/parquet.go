package analysis

import (
	"io"

	"github.com/parlance-go/parlance/internal/tabular"
)

// WriteAnswersParquet writes one Apache Parquet row per answer, in input
// order, in row groups of tabular.RowGroupRows rows; the same result gives
// the same bytes. The columns are AnswerRow's fields, named by their JSON
// keys and in their order (so a renamed field renames its column), typed by
// tabular.NewStructTable: grounds a LIST of strings, date_answered a DATE
// (null when unknown), boilerplate_share and confidence doubles, overridden
// a boolean, evidence and refs JSON arrays in strings, as in CSV.
func WriteAnswersParquet(w io.Writer, res *Result) error {
	table, err := tabular.NewStructTable(AnswerRow{})
	if err != nil {
		return err
	}
	pw, err := tabular.NewParquetWriter(w, table.Columns())
	if err != nil {
		return err
	}
	for i := range res.Answers {
		row, err := table.Row(res.Answers[i].Row())
		if err != nil {
			return err
		}
		if err := pw.Write(row...); err != nil {
			return err
		}
	}
	return pw.Close()
}
