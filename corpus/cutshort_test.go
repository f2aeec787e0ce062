package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// An input that ends in the middle of its data says so, and where, rather
// than "line 1: unexpected EOF".
func TestCutShortInputsSaySo(t *testing.T) {
	envelope, err := os.ReadFile("testdata/api/list_envelope.json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(envelope, &v)
	compact, _ := json.Marshal(v)
	twfy, err := os.ReadFile("testdata/twfy/answers2009-10-28a.xml")
	if err != nil {
		t.Fatal(err)
	}
	fulltext, err := os.ReadFile("testdata/api/fulltext.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	zipped := gz(t, fulltext)
	for _, c := range []struct {
		name  string
		data  []byte
		where string // expected in the message
	}{
		{"compact.json", compact[:len(compact)*2/3], "item 2"},
		{"list.json.gz", gz(t, envelope)[:300], "item 1"},
		{"fulltext.jsonl.gz", zipped[:len(zipped)/2], "ends after line"},
		{"own.jsonl", []byte(`{"id":"api:1","source":"api"}` + "\n" + `{"id":"api:2","sou`), "line 2"},
		{"twfy.xml", twfy[:len(twfy)/2], "XML ends inside an element"},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := ReadAll([]string{path}, Options{})
		if !errors.Is(err, ErrCutShort) || !strings.Contains(err.Error(), c.where) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v, want ErrCutShort naming the file and %q", c.name, err, c.where)
		}
	}
}
