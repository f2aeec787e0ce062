package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// latin1ish spoils a UTF-8 text as a Windows-1252 save would: the curly
// apostrophe and the pound sign become single bytes.
func latin1ish(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("’"), []byte{0x92})
	return bytes.ReplaceAll(b, []byte("£"), []byte{0xa3})
}

// Every reader follows one rule for text that is not valid UTF-8: strict
// reading stops with an error naming the file, the record and the field;
// lenient reading keeps the records, repaired and counted; no invalid
// UTF-8 is ever delivered.
func TestInvalidUTF8OneRuleForEveryReader(t *testing.T) {
	dir := t.TempDir()
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	jsonl := []byte(`{"id":"api:1","source":"api","question":"What’s the £ cost?"}` + "\n")
	csv := []byte("id,source,department,question,answer\napi:1,api,,What’s the £ cost?,\n")
	for _, c := range []struct {
		name   string
		data   []byte
		record string // expected in the Problem's Record
		field  string
	}{
		{"list.json", read("testdata/api/list_envelope.json"), "item 1", "answerText"},
		{"fulltext.jsonl", read("testdata/api/fulltext.jsonl"), "line 1", "questionText"},
		{"own.jsonl", jsonl, "line 1", "question"},
		{"own.csv", csv, "line 2", "question"},
		{"page.txt", sampleHikvision, "record pp:", "answer"},
	} {
		spoilt := latin1ish(c.data)
		if utf8.Valid(spoilt) {
			t.Fatalf("%s: the fixture has no character to spoil", c.name)
		}
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, spoilt, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := ReadAll([]string{path}, Options{})
		var p *Problem
		if !errors.As(err, &p) || !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("%s strict: got %v, want a Problem wrapping ErrInvalidUTF8", c.name, err)
			continue
		}
		if p.File != path || !strings.HasPrefix(p.Record, c.record) || p.Field != c.field {
			t.Errorf("%s strict: problem at (%q, %q, %q), want (%q, %q…, %q)", c.name, p.File, p.Record, p.Field, path, c.record, c.field)
		}

		cleanPath := filepath.Join(dir, "clean-"+c.name)
		if err := os.WriteFile(cleanPath, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		clean, cleanSum, err := ReadAll([]string{cleanPath}, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		recs, sum, err := ReadAll([]string{path}, Options{Lenient: true})
		if err != nil {
			t.Fatalf("%s lenient: %v", c.name, err)
		}
		if len(recs) == 0 || len(recs) != len(clean) {
			t.Errorf("%s lenient: %d records", c.name, len(recs))
		}
		if len(sum.Repaired) == 0 || len(sum.Problems) != len(cleanSum.Problems) {
			t.Errorf("%s lenient: %d repaired, %d problems", c.name, len(sum.Repaired), len(sum.Problems))
		}
		var buf bytes.Buffer
		w := NewJSONLWriter(&buf)
		for i := range recs {
			if f := invalidUTF8Field(&recs[i]); f != "" {
				t.Errorf("%s lenient: %s delivered with invalid UTF-8 in %s", c.name, recs[i].ID, f)
			}
			if err := w.Write(&recs[i]); err != nil {
				t.Errorf("%s lenient: the repaired record does not export: %v", c.name, err)
			}
		}
		w.Flush()
		if !strings.Contains(buf.String(), "\uFFFD") {
			t.Errorf("%s lenient: no U+FFFD in the export", c.name)
		}
		var sb strings.Builder
		sum.WriteTo(&sb)
		if !strings.Contains(sb.String(), "invalid UTF-8 replaced") || !strings.Contains(sb.String(), path) {
			t.Errorf("%s lenient: the summary does not say what was repaired:\n%s", c.name, sb.String())
		}
	}
}

// TestTextFieldsReachEveryString checks that textFields, which the rule
// above rests on, yields every string of a Record (a field added later and
// left out would let invalid UTF-8 through), and that the check the
// Stream makes of every record allocates nothing.
func TestTextFieldsReachEveryString(t *testing.T) {
	r := &Record{GroupedUINs: []string{"", ""}, Attachments: []Attachment{{}}}
	// Give every string of r its own value through reflection, then
	// expect textFields to reach each of them.
	n := 0
	var set func(v reflect.Value)
	set = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Type() == reflect.TypeFor[string]() {
				n++
				v.SetString(fmt.Sprint("s", n))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					set(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				set(v.Index(i))
			}
		}
	}
	set(reflect.ValueOf(r).Elem())
	seen := map[string]bool{}
	for _, p := range textFields(r) {
		seen[*p] = true
	}
	for i := 1; i <= n; i++ {
		if s := fmt.Sprint("s", i); !seen[s] {
			t.Errorf("textFields misses the string field set to %q", s)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { invalidUTF8Field(r) }); allocs != 0 {
		t.Errorf("invalidUTF8Field allocates %v times a record, want 0", allocs)
	}
}
