package corpus

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzOpenStream reads arbitrary bytes through the whole stream (format
// detection, gzip, every reader, merging, the UTF-8 rule), strict and
// lenient. Whatever the input, it must end; a lenient read must fail only
// for an input of no known format; and no record may carry invalid UTF-8
// or fail to export.
func FuzzOpenStream(f *testing.F) {
	for _, p := range []string{
		"testdata/api/list_envelope.json", "testdata/api/fulltext.jsonl", "testdata/api/items.jsonl",
		"testdata/open/one.jsonl", "testdata/open/two.csv", "testdata/twfy/answers2009-10-28a.xml",
	} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
		f.Add(latin1ish(b), true)        // Windows-1252 bytes
		f.Add(b[:len(b)*2/3], false)     // cut short
		f.Add(gz(f, b)[:len(b)/4], true) // truncated gzip
	}
	f.Add(latin1ish(sampleHikvision), true)
	f.Add(latin1ish(sampleHikvision), false)
	f.Add([]byte(`{"id":"api:7","source":"api"}`+"\n"+`{"id":"api:7","source":"api","answer":"A","date_answered":"2024-03-01"}`+"\n"), false)
	f.Add([]byte("id,source,question\napi:1,api,q\n"), true) // a required column missing
	reg := DefaultRegistry()                                 // built once: it is most of the cost of a tiny Open
	f.Fuzz(func(t *testing.T, data []byte, lenient bool) {
		s, err := Open([]string{"-"}, Options{Stdin: bytes.NewReader(data), Lenient: lenient, Registry: reg})
		if err != nil {
			return
		}
		defer s.Close()
		var buf bytes.Buffer
		w := NewJSONLWriter(&buf)
		n := 0
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatal("Read does not end")
			}
			rec, err := s.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if lenient {
					t.Fatalf("lenient Read failed: %v", err)
				}
				return
			}
			n++
			if f := invalidUTF8Field(rec); f != "" || !utf8.ValidString(string(rec.Source)) {
				t.Fatalf("record %q delivered with invalid UTF-8 in %s", rec.ID, f)
			}
			if err := w.Write(rec); err != nil {
				t.Fatalf("record %q does not export: %v", rec.ID, err)
			}
		}
		if got := s.Summary().Total(); got != n {
			t.Fatalf("summary counts %d records, %d delivered", got, n)
		}
	})
}
