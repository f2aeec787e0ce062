package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"

	"github.com/parlance-go/parlance/analysis"
)

// table is one tidy export: named columns and rows of values (string, int,
// float64 or bool), one observation per row. A table of one row per answer
// gives its rows by number (n and row) instead of holding them all, so
// that a million answers are formatted and written one at a time.
type table struct {
	cols []string
	rows [][]interface{}
	n    int                       // with row: the number of rows
	row  func(i int) []interface{} // if not nil, the i-th row (rows is then unused)
}

// len returns the number of rows.
func (t table) len() int {
	if t.row != nil {
		return t.n
	}
	return len(t.rows)
}

// at returns the i-th row.
func (t table) at(i int) []interface{} {
	if t.row != nil {
		return t.row(i)
	}
	return t.rows[i]
}

// exportFile names one export and builds its table.
type exportFile struct {
	name  string
	title string
	build func(ix *index) table
}

// csvSafe defuses spreadsheet formulas (see analysis.CSVCell).
func csvSafe(s string) string { return analysis.CSVCell(s) }

// formatCell formats one value as analysis.CSVCell does for every export.
func formatCell(v interface{}) string { return analysis.CSVCell(v) }

// writeCSV writes a table as RFC 4180 CSV with a header row.
func (t table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.cols); err != nil {
		return err
	}
	rec := make([]string, len(t.cols))
	for ri := range t.len() {
		for i, v := range t.at(ri) {
			rec[i] = formatCell(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes a table as a JSON array of objects, keys in column order.
func (t table) writeJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(t.cols))
	for i, c := range t.cols {
		keys[i], _ = json.Marshal(c)
	}
	bw.WriteString("[")
	for ri := range t.len() {
		r := t.at(ri)
		if ri > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for i, v := range r {
			if i > 0 {
				bw.WriteString(", ")
			}
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				v = nil // JSON has no NaN: an undefined share is written as null
			}
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			bw.Write(keys[i])
			bw.WriteString(": ")
			bw.Write(b)
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// answersTable is every answer in the answer schema (analysis.AnswerColumns),
// the same columns and values as parlance analyze writes.
func answersTable(ix *index) table {
	return table{cols: analysis.AnswerCSVHeader, n: len(ix.res.Answers),
		row: func(i int) []interface{} { return ix.res.Answers[i].Row().Values() }}
}
