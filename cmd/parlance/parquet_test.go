package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parlance-go/parlance/internal/tabular/tabulartest"
)

func TestParquetOutput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		cmd, first string
		cols       int
	}{
		{"export", "id", 28},
		{"analyze", "id", 15},
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
		if len(tbl.Rows) != 9 || len(tbl.Columns) != tc.cols || tbl.Columns[0] != tc.first {
			t.Errorf("%s: %d rows, columns %v", tc.cmd, len(tbl.Rows), tbl.Columns)
		}
	}
}
