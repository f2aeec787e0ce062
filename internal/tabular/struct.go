package tabular

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// DateLayout is the layout of the text dates StructTable turns into Date
// columns.
const DateLayout = "2006-01-02"

// StructTable describes a table whose rows are values of one struct type,
// the columns being the struct's exported fields in order, named by their
// JSON tags (fields tagged "-" are left out). So a table written this way
// has the same column names, in the same order, as the struct's JSON.
//
// A field's Go type gives its column's kind:
//
//   - string (or a type whose underlying type is string): String; but a
//     field whose column name starts with "date_" holds a "YYYY-MM-DD" date
//     or "" and is a nullable Date ("" is null);
//   - any signed integer: Int; float32 or float64: Double; bool: Bool;
//   - a slice of strings (or of a string type): StringList;
//   - anything else (structs, maps, slices of structs): String holding the
//     value as compact JSON, HTML characters unescaped.
type StructTable struct {
	typ    reflect.Type
	fields []int
	cols   []Column
}

// NewStructTable returns the table of sample's struct type (sample may be
// a pointer to it).
func NewStructTable(sample any) (*StructTable, error) {
	t := reflect.TypeOf(sample)
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("tabular: %T is not a struct", sample)
	}
	st := &StructTable{typ: t}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		c := Column{Name: name, Kind: String}
		switch k := f.Type.Kind(); {
		case k == reflect.String && strings.HasPrefix(name, "date_"):
			c.Kind, c.Nullable = Date, true
		case k == reflect.String:
		case k >= reflect.Int && k <= reflect.Int64:
			c.Kind = Int
		case k == reflect.Float32 || k == reflect.Float64:
			c.Kind = Double
		case k == reflect.Bool:
			c.Kind = Bool
		case k == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			c.Kind = StringList
		}
		st.fields = append(st.fields, i)
		st.cols = append(st.cols, c)
	}
	return st, nil
}

// Columns returns the table's columns.
func (st *StructTable) Columns() []Column { return append([]Column(nil), st.cols...) }

// Row returns the values of v (a value of, or pointer to, the table's
// struct type) in column order, as ParquetWriter.Write takes them.
func (st *StructTable) Row(v any) ([]any, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Type() != st.typ {
		return nil, fmt.Errorf("tabular: a %T in a table of %v", v, st.typ)
	}
	out := make([]any, len(st.cols))
	for j, i := range st.fields {
		f := rv.Field(i)
		c := st.cols[j]
		switch c.Kind {
		case Date:
			s := f.String()
			if s == "" {
				out[j] = time.Time{}
				continue
			}
			d, err := time.Parse(DateLayout, s)
			if err != nil {
				return nil, fmt.Errorf("tabular: column %q: not a YYYY-MM-DD date: %q", c.Name, s)
			}
			out[j] = d
		case Int:
			out[j] = f.Int()
		case Double:
			out[j] = f.Float()
		case Bool:
			out[j] = f.Bool()
		case StringList:
			l := make([]string, f.Len())
			for k := range l {
				l[k] = f.Index(k).String()
			}
			out[j] = l
		default:
			if f.Kind() == reflect.String {
				out[j] = f.String()
				continue
			}
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(f.Interface()); err != nil {
				return nil, fmt.Errorf("tabular: column %q: %v", c.Name, err)
			}
			out[j] = strings.TrimSuffix(b.String(), "\n")
		}
	}
	return out, nil
}
