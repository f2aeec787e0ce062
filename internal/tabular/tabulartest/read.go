// Package tabulartest reads Parquet files back with Apache Arrow's Go
// implementation, a reader independent of the writer's library, so that
// tests can compare every value written with what another program sees.
// Only tests import it.
package tabulartest

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/parlance-go/parlance/internal/tabular"
)

// Table is a Parquet file as Arrow reads it.
type Table struct {
	Columns []string
	// Types are the columns' Parquet logical types as Arrow's reader names
	// them ("String", "Date", "List", "None" for a plain physical type) …
	Logical []string
	// … and their physical types ("BYTE_ARRAY", "INT32", "DOUBLE", …; for a
	// list, its element's).
	Physical []string
	// Rows holds each row's values as Go values: string, int64, float64,
	// bool, time.Time (a DATE, as midnight UTC), []string (a list) or nil
	// (null).
	Rows      [][]any
	RowGroups int
	CreatedBy string
	// KeyValues is the file's key-value metadata.
	KeyValues map[string]string
}

// ReadParquet reads a whole Parquet file.
func ReadParquet(data []byte) (*Table, error) {
	rdr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer rdr.Close()
	md := rdr.MetaData()
	t := &Table{RowGroups: rdr.NumRowGroups(), CreatedBy: md.GetCreatedBy(), KeyValues: map[string]string{}}
	for _, kv := range md.KeyValueMetadata().Keys() {
		if v := md.KeyValueMetadata().FindValue(kv); v != nil {
			t.KeyValues[kv] = *v
		}
	}
	sch := md.Schema
	for i := 0; i < sch.Root().NumFields(); i++ {
		n := sch.Root().Field(i)
		t.Columns = append(t.Columns, n.Name())
		t.Logical = append(t.Logical, n.LogicalType().String())
	}
	for i := 0; i < sch.NumColumns(); i++ {
		t.Physical = append(t.Physical, sch.Column(i).PhysicalType().String())
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		return nil, err
	}
	defer tbl.Release()
	nrows := int(tbl.NumRows())
	t.Rows = make([][]any, nrows)
	for r := range t.Rows {
		t.Rows[r] = make([]any, tbl.NumCols())
	}
	for c := 0; c < int(tbl.NumCols()); c++ {
		r := 0
		for _, chunk := range tbl.Column(c).Data().Chunks() {
			for i := 0; i < chunk.Len(); i++ {
				v, err := value(chunk, i)
				if err != nil {
					return nil, fmt.Errorf("column %q, row %d: %v", t.Columns[c], r+1, err)
				}
				t.Rows[r][c] = v
				r++
			}
		}
	}
	return t, nil
}

func value(a arrow.Array, i int) (any, error) {
	if a.IsNull(i) {
		return nil, nil
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i), nil
	case *array.Binary:
		return string(a.Value(i)), nil
	case *array.Int64:
		return a.Value(i), nil
	case *array.Int32:
		return int64(a.Value(i)), nil
	case *array.Float64:
		return a.Value(i), nil
	case *array.Boolean:
		return a.Value(i), nil
	case *array.Date32:
		return a.Value(i).ToTime().UTC(), nil
	case *array.List:
		start, end := a.ValueOffsets(i)
		out := []string{}
		for j := start; j < end; j++ {
			v, err := value(a.ListValues(), int(j))
			if err != nil {
				return nil, err
			}
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("list element %T", v)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected Arrow type %s", a.DataType())
}

// Date is a civil date as the tables hold it.
func Date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Want returns row, as tabular.ParquetWriter.Write takes it for cols, in the
// form ReadParquet gives it back: nullable zero values as nil, ints as
// int64, nil lists as empty ones.
func Want(cols []tabular.Column, row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		c := cols[i]
		if n, ok := v.(int); ok {
			v = int64(n)
		}
		switch {
		case c.Kind == tabular.StringList && v.([]string) == nil:
			v = []string{}
		case c.Nullable && reflect.ValueOf(v).IsZero():
			v = nil
		}
		out[i] = v
	}
	return out
}

// Compare reads data and reports every way it differs from the table of
// cols and rows (at most max differences, after which it stops).
func Compare(data []byte, cols []tabular.Column, rows [][]any, max int) []string {
	tbl, err := ReadParquet(data)
	if err != nil {
		return []string{err.Error()}
	}
	var diffs []string
	var names []string
	for _, c := range cols {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(tbl.Columns, names) {
		diffs = append(diffs, fmt.Sprintf("columns %v, want %v", tbl.Columns, names))
	}
	if len(tbl.Rows) != len(rows) {
		diffs = append(diffs, fmt.Sprintf("%d rows, want %d", len(tbl.Rows), len(rows)))
	}
	for i := 0; i < len(rows) && i < len(tbl.Rows) && len(diffs) < max; i++ {
		if w := Want(cols, rows[i]); !reflect.DeepEqual(tbl.Rows[i], w) {
			diffs = append(diffs, fmt.Sprintf("row %d:\n got %#v\nwant %#v", i+1, tbl.Rows[i], w))
		}
	}
	return diffs
}
