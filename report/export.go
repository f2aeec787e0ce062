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
// float64 or bool), one observation per row.
type table struct {
	cols []string
	rows [][]interface{}
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
	for _, r := range t.rows {
		for i, v := range r {
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
	for ri, r := range t.rows {
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
	t := table{cols: analysis.AnswerCSVHeader}
	for i := range ix.res.Answers {
		t.rows = append(t.rows, ix.res.Answers[i].Row().Values())
	}
	return t
}
