package tabular_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/internal/tabular"
	"github.com/parlance-go/parlance/internal/tabular/tabulartest"
	"github.com/parlance-go/parlance/internal/version"
)

var testCols = []tabular.Column{
	{Name: "id", Kind: tabular.String},
	{Name: "body", Kind: tabular.String, Dictionary: true},
	{Name: "date_answered", Kind: tabular.Date, Nullable: true},
	{Name: "grounds", Kind: tabular.StringList},
	{Name: "confidence", Kind: tabular.Double},
	{Name: "overridden", Kind: tabular.Bool},
	{Name: "department_id", Kind: tabular.Int, Nullable: true},
	{Name: "note", Kind: tabular.String, Nullable: true},
}

// testRow makes row i; rows vary every column, including nulls, empty
// lists, dates before 1970 and text that is not ASCII.
func testRow(i int) []any {
	date := time.Time{}
	if i%7 != 0 {
		date = tabulartest.Date(1960+i%70, time.Month(1+i%12), 1+i%28)
	}
	grounds := [][]string{nil, {"cost"}, {"security", "commercial"}, {"personal data — “quoted”"}}[i%4]
	note := ""
	if i%5 == 1 {
		note = fmt.Sprintf("note %d: Ministry of Défense, 東京", i)
	}
	return []any{fmt.Sprintf("api:%07d", i), []string{"Home Office", "HM Treasury", "Cabinet Office"}[i%3],
		date, grounds, float64(i%1000) / 997, i%3 == 0, int64(i % 11), note}
}

// want is row i as an independent reader should see it.
func want(i int) []any {
	r := testRow(i)
	if r[2].(time.Time).IsZero() {
		r[2] = nil
	}
	if r[3].([]string) == nil {
		r[3] = []string{}
	}
	if r[6].(int64) == 0 {
		r[6] = nil
	}
	if r[7] == "" {
		r[7] = nil
	}
	return r
}

func write(t testing.TB, n int) []byte {
	var buf bytes.Buffer
	i := 0
	err := tabular.WriteParquet(&buf, testCols, func() ([]any, bool) {
		if i == n {
			return nil, false
		}
		i++
		return testRow(i - 1), true
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParquetRoundTrip writes more rows than fit one row group and reads
// them back with Apache Arrow, comparing every value and the column types.
func TestParquetRoundTrip(t *testing.T) {
	n := 2*tabular.RowGroupRows + 123
	data := write(t, n)
	tbl, err := tabulartest.ReadParquet(data)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range testCols {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(tbl.Columns, names) {
		t.Errorf("columns %v, want %v", tbl.Columns, names)
	}
	wantLogical := []string{"String", "String", "Date", "List", "None", "None", "Int(bitWidth=64, isSigned=true)", "String"}
	wantPhysical := []string{"BYTE_ARRAY", "BYTE_ARRAY", "INT32", "BYTE_ARRAY", "DOUBLE", "BOOLEAN", "INT64", "BYTE_ARRAY"}
	if !reflect.DeepEqual(tbl.Logical, wantLogical) || !reflect.DeepEqual(tbl.Physical, wantPhysical) {
		t.Errorf("types %v %v, want %v %v", tbl.Logical, tbl.Physical, wantLogical, wantPhysical)
	}
	if tbl.RowGroups != 3 {
		t.Errorf("%d row groups, want 3", tbl.RowGroups)
	}
	if tbl.CreatedBy != "parlance version "+version.Version || len(tbl.KeyValues) != 0 {
		t.Errorf("created by %q, metadata %v", tbl.CreatedBy, tbl.KeyValues)
	}
	if len(tbl.Rows) != n {
		t.Fatalf("%d rows, want %d", len(tbl.Rows), n)
	}
	bad := 0
	for i, got := range tbl.Rows {
		if w := want(i); !reflect.DeepEqual(got, w) {
			if bad++; bad <= 5 {
				t.Errorf("row %d:\n got %#v\nwant %#v", i, got, w)
			}
		}
	}
}

func TestParquetDeterministic(t *testing.T) {
	a, b := write(t, 1000), write(t, 1000)
	if !bytes.Equal(a, b) {
		t.Error("the same rows gave different bytes")
	}
}

func TestParquetEmptyTable(t *testing.T) {
	tbl, err := tabulartest.ReadParquet(write(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Rows) != 0 || len(tbl.Columns) != len(testCols) {
		t.Errorf("%d rows, columns %v", len(tbl.Rows), tbl.Columns)
	}
}

func TestParquetBadRows(t *testing.T) {
	for _, tc := range []struct {
		row  []any
		want string
	}{
		{testRow(1)[:3], "row 1 has 3 values for 8 columns"},
		{append(testRow(1)[:4:4], "0.5", false, int64(1), ""), `row 1, column "confidence": a string where a double is wanted`},
		{append(testRow(1)[:2:2], time.Date(2024, 1, 2, 13, 0, 0, 0, time.UTC), nil, 0.5, false, int64(1), ""), `column "date_answered"`},
	} {
		pw, err := tabular.NewParquetWriter(&bytes.Buffer{}, testCols)
		if err != nil {
			t.Fatal(err)
		}
		if err := pw.Write(tc.row...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Write(%v) = %v, want %q", tc.row, err, tc.want)
		}
	}
	for _, cols := range [][]tabular.Column{nil, {{Name: "a"}, {Name: "a"}}, {{Name: "a,b"}}, {{Name: "l", Kind: tabular.StringList, Nullable: true}}} {
		if _, err := tabular.NewParquetWriter(&bytes.Buffer{}, cols); err == nil {
			t.Errorf("NewParquetWriter(%v) accepted", cols)
		}
	}
}

// BenchmarkParquetWrite measures writing a row of the test table.
func BenchmarkParquetWrite(b *testing.B) {
	b.ReportAllocs()
	var buf bytes.Buffer
	pw, err := tabular.NewParquetWriter(&buf, testCols)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if err := pw.Write(testRow(i)...); err != nil {
			b.Fatal(err)
		}
	}
	if err := pw.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(buf.Len())/float64(b.N), "bytes/row")
}
