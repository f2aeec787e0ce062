package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"

	"github.com/parlance-go/parlance/internal/tabular/tabulartest"
)

func TestParquetOutput(t *testing.T) {
	dir := t.TempDir()
	// The Parquet columns are the CSV's: the record columns for export,
	// the one answer schema for analyze.
	var answerCols []string
	for _, c := range analysis.AnswerColumns {
		answerCols = append(answerCols, c.Name)
	}
	for _, tc := range []struct {
		cmd  string
		cols []string
	}{
		{"export", corpus.Columns},
		{"analyze", answerCols},
	} {
		path := filepath.Join(dir, tc.cmd+".parquet")
		code, _, errs := invoke(t, "", tc.cmd, "--quiet", "--format", "parquet", "-o", path)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", tc.cmd, code, errs)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tbl, err := tabulartest.ReadParquet(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.cmd, err)
		}
		if len(tbl.Rows) != 9 || !slices.Equal(tbl.Columns, tc.cols) {
			t.Errorf("%s: %d rows, columns %v, want 9 rows, columns %v", tc.cmd, len(tbl.Rows), tbl.Columns, tc.cols)
		}
	}
}
