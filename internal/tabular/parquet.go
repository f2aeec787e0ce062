// Package tabular writes tidy tables (named, typed columns; one row per
// observation) as Apache Parquet files, for exports too large for JSON.
//
// A table is described by its columns; rows are written one at a time and
// flushed to the output in row groups of RowGroupRows rows, so memory is
// bounded by one row group whatever the number of rows. The same rows give
// the same bytes: the file records no time, host or build hash, only
// "parlance version <v>" as its creator.
package tabular

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/parlance-go/parlance/internal/version"
)

// Kind is a column's type.
type Kind int

// The kinds of column, with the Go type of their values in a row and the
// Parquet type they are written as.
const (
	String     Kind = iota // string; BYTE_ARRAY, STRING logical type
	Int                    // int or int64; INT64
	Double                 // float64; DOUBLE
	Bool                   // bool; BOOLEAN
	Date                   // time.Time (a civil date, as midnight UTC); INT32, DATE logical type (days since 1970-01-01)
	StringList             // []string; a LIST of non-null strings (nil is the empty list)
)

func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case Int:
		return "int"
	case Double:
		return "double"
	case Bool:
		return "bool"
	case Date:
		return "date"
	case StringList:
		return "list of strings"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column is one column of a table.
type Column struct {
	Name string
	Kind Kind
	// Nullable writes the zero value of the column's type (an empty string,
	// 0, false, the zero time.Time) as null. Use it where zero means
	// "unknown", as for an unknown date.
	Nullable bool
	// Dictionary encodes a String column with a dictionary: smaller files
	// for columns with few distinct values (sources, bodies, stances).
	Dictionary bool
}

// RowGroupRows is how many rows a Parquet row group holds: the unit of
// buffering when writing, and of parallel reading.
const RowGroupRows = 1 << 14

// ParquetWriter writes a table as one Parquet file.
type ParquetWriter struct {
	cols  []Column
	typ   reflect.Type
	row   reflect.Value
	pw    *parquet.Writer
	n     int
	err   error
	close bool
}

// NewParquetWriter starts a Parquet file of the table with columns cols on
// w. Column names must be non-empty, unique and free of commas.
func NewParquetWriter(w io.Writer, cols []Column) (*ParquetWriter, error) {
	if len(cols) == 0 {
		return nil, errors.New("tabular: a table needs at least one column")
	}
	seen := map[string]bool{}
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		if c.Name == "" || strings.ContainsAny(c.Name, ",\"`") || seen[c.Name] {
			return nil, fmt.Errorf("tabular: column %d: bad or repeated name %q", i, c.Name)
		}
		seen[c.Name] = true
		tag := c.Name
		var t reflect.Type
		switch c.Kind {
		case String:
			t = reflect.TypeOf("")
			if c.Dictionary {
				tag += ",dict"
			}
		case Int:
			t = reflect.TypeOf(int64(0))
		case Double:
			t = reflect.TypeOf(float64(0))
		case Bool:
			t = reflect.TypeOf(false)
		case Date:
			// Days since the epoch, converted here: parquet-go v0.32.0
			// writes wrong day numbers from a time.Time field tagged
			// "date" (an independent reader saw year 4987114), and an
			// int32 field gives no way to tell null from 1970-01-01
			// except through a pointer.
			t = reflect.TypeOf(int32(0))
			if c.Nullable {
				t = reflect.TypeOf((*int32)(nil))
			}
			tag += ",date"
		case StringList:
			t = reflect.TypeOf([]string(nil))
			tag += ",list"
		default:
			return nil, fmt.Errorf("tabular: column %q: unknown kind %v", c.Name, c.Kind)
		}
		if c.Nullable {
			if c.Kind == StringList {
				return nil, fmt.Errorf("tabular: column %q: a list column cannot be nullable", c.Name)
			}
			tag += ",optional"
		}
		// Field names need only be valid Go identifiers; the tag names
		// the column.
		fields[i] = reflect.StructField{Name: fmt.Sprintf("C%d", i), Type: t, Tag: reflect.StructTag(`parquet:"` + tag + `"`)}
	}
	typ := reflect.StructOf(fields)
	schema := parquet.SchemaOf(reflect.New(typ).Interface())
	cfg, err := parquet.NewWriterConfig(
		schema,
		parquet.Compression(&zstd.Codec{Level: zstd.DefaultLevel}),
		parquet.MaxRowsPerRowGroup(RowGroupRows),
	)
	if err != nil {
		return nil, fmt.Errorf("tabular: %v", err)
	}
	// Set directly: parquet.CreatedBy would add "(build …)", and the
	// default names the library's build, which varies between builds.
	cfg.CreatedBy = "parlance version " + version.Version
	return &ParquetWriter{cols: cols, typ: typ, row: reflect.New(typ).Elem(), pw: parquet.NewWriter(w, cfg)}, nil
}

// Write appends one row: one value per column, in column order, of the Go
// type the column's Kind names. A wrong number or type of values is an
// error naming the row and column, and nothing of the row is written.
func (p *ParquetWriter) Write(values ...any) error {
	if p.err != nil {
		return p.err
	}
	if p.close {
		return errors.New("tabular: Write after Close")
	}
	if len(values) != len(p.cols) {
		return fmt.Errorf("tabular: row %d has %d values for %d columns", p.n+1, len(values), len(p.cols))
	}
	for i, v := range values {
		f := p.row.Field(i)
		c := p.cols[i]
		ok := true
		switch c.Kind {
		case String:
			var s string
			s, ok = v.(string)
			f.SetString(s)
		case Int:
			switch n := v.(type) {
			case int:
				f.SetInt(int64(n))
			case int64:
				f.SetInt(n)
			default:
				ok = false
			}
		case Double:
			var x float64
			x, ok = v.(float64)
			f.SetFloat(x)
		case Bool:
			var b bool
			b, ok = v.(bool)
			f.SetBool(b)
		case Date:
			var t time.Time
			t, ok = v.(time.Time)
			if ok && !t.IsZero() && (t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 || t.Location() != time.UTC) {
				return fmt.Errorf("tabular: row %d, column %q: %v is not a civil date (midnight UTC)", p.n+1, c.Name, t)
			}
			if ok {
				if err := setDate(f, t, c.Nullable); err != nil {
					return fmt.Errorf("tabular: row %d, column %q: %v", p.n+1, c.Name, err)
				}
			}
		case StringList:
			var l []string
			l, ok = v.([]string)
			f.Set(reflect.ValueOf(l))
		}
		if !ok {
			return fmt.Errorf("tabular: row %d, column %q: a %T where a %v is wanted", p.n+1, c.Name, v, c.Kind)
		}
	}
	if err := p.pw.Write(p.row.Interface()); err != nil {
		p.err = fmt.Errorf("tabular: row %d: %v", p.n+1, err)
		return p.err
	}
	p.n++
	return nil
}

// setDate sets f (an int32, or a *int32 if nullable) to the day number of
// t: whole days since 1970-01-01, negative before it. The zero time is 0, or
// nil if nullable.
func setDate(f reflect.Value, t time.Time, nullable bool) error {
	if t.IsZero() {
		if !nullable {
			return errors.New("an unknown date in a column that is not nullable")
		}
		f.SetZero()
		return nil
	}
	days := t.Unix() / 86400 // t is midnight UTC: exact
	if days < math.MinInt32 || days > math.MaxInt32 {
		return fmt.Errorf("date %v out of range", t)
	}
	if nullable {
		d := int32(days)
		f.Set(reflect.ValueOf(&d))
	} else {
		f.SetInt(days)
	}
	return nil
}

// Rows returns how many rows were written.
func (p *ParquetWriter) Rows() int { return p.n }

// Close flushes the last row group and writes the file's footer. It does
// not close the underlying writer.
func (p *ParquetWriter) Close() error {
	if p.close {
		return p.err
	}
	p.close = true
	if p.err != nil {
		return p.err
	}
	if err := p.pw.Close(); err != nil {
		p.err = fmt.Errorf("tabular: %v", err)
	}
	return p.err
}

// WriteParquet writes a whole table: cols, then each row that next returns
// until it returns nil, false.
func WriteParquet(w io.Writer, cols []Column, next func() ([]any, bool)) error {
	pw, err := NewParquetWriter(w, cols)
	if err != nil {
		return err
	}
	for {
		row, ok := next()
		if !ok {
			break
		}
		if err := pw.Write(row...); err != nil {
			return err
		}
	}
	return pw.Close()
}
