package corpus_test

// This file is the whole of a new input format: a toy one, to show that a
// source is added by one file that registers it. Nothing else in the
// package names it.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

const (
	toyFormat corpus.Format = "toy-pipe"
	toySource corpus.Source = "toy"
	toyMagic                = "#toy-pipe v1"
)

// toyReader reads lines "uin|department|question|answer" after a first
// line reading toyMagic.
type toyReader struct {
	sc     *bufio.Scanner
	name   string
	line   int
	bodies *corpus.Registry
}

func (t *toyReader) Read() (*corpus.Record, error) {
	for t.sc.Scan() {
		t.line++
		text := t.sc.Text()
		if t.line == 1 || strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "|")
		if len(f) != 4 {
			return nil, &corpus.Problem{File: t.name, Record: fmt.Sprintf("line %d", t.line), Err: fmt.Errorf("want 4 fields, got %d", len(f))}
		}
		dept := f[1]
		if b, ok := t.bodies.Lookup(dept); ok {
			dept = b.Name
		}
		return &corpus.Record{ID: "toy:" + f[0], Source: toySource, UIN: f[0], Department: dept, Question: f[2], Answer: f[3]}, nil
	}
	if err := t.sc.Err(); err != nil {
		return nil, err
	}
	return nil, io.EOF
}

func init() {
	corpus.RegisterFormat(corpus.FormatSpec{
		Name: toyFormat, Label: "toy pipe-separated answers",
		Source: toySource, SourceName: "Toy source",
		Citation: "a toy source made up for a test", Licence: "CC0",
		Detect: func(_ string, head []byte) corpus.Match {
			if bytes.HasPrefix(head, []byte(toyMagic+"\n")) {
				return corpus.MatchContent
			}
			return corpus.NoMatch
		},
		NewReader: func(r io.Reader, name string, bodies *corpus.Registry, _ *corpus.Summary) corpus.RecordReader {
			return &toyReader{sc: bufio.NewScanner(r), name: name, bodies: bodies}
		},
	})
}

func TestRegisteredToyFormat(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "answers.txt") // the name says nothing
	data := toyMagic + "\n12|Home Office|How many?|None.\n13|DfE|When?|Soon.\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := corpus.Detect(path, []byte(data)); err != nil || got != toyFormat {
		t.Fatalf("Detect = %q, %v", got, err)
	}
	recs, sum, err := corpus.ReadAll([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.ID+" "+string(r.Source)+" "+r.Department+" "+r.Answer)
	}
	want := []string{"toy:12 toy Home Office None.", "toy:13 toy Department for Education Soon."}
	if !reflect.DeepEqual(got, want) || sum.Read[toySource] != 2 {
		t.Errorf("records %q, read %v; want %q", got, sum.Read, want)
	}

	// A bad line is a Problem naming file and line; lenient mode goes on.
	if err := os.WriteFile(path, []byte(data+"14|only two\n15|HO|Q?|A.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := corpus.ReadAll([]string{path}, corpus.Options{}); err == nil || !strings.Contains(err.Error(), "line 4") || !strings.Contains(err.Error(), path) {
		t.Errorf("strict: %v", err)
	}
	recs, sum, err = corpus.ReadAll([]string{path}, corpus.Options{Lenient: true})
	if err != nil || len(recs) != 3 || len(sum.Problems) != 1 {
		t.Errorf("lenient: %d records, problems %v, %v", len(recs), sum.Problems, err)
	}

	// Named, listed and credited like the built-in formats.
	if f, err := corpus.ParseFormat(string(toyFormat)); err != nil || f != toyFormat {
		t.Errorf("ParseFormat = %q, %v", f, err)
	}
	if names := corpus.FormatNames(); names[len(names)-1] != toyFormat {
		t.Errorf("FormatNames = %v", names)
	}
	if spec, ok := corpus.SourceSpec(toySource); !ok || spec.Licence != "CC0" {
		t.Errorf("SourceSpec = %+v, %v", spec, ok)
	}
	if md := corpus.FormatsMarkdown(); !strings.Contains(md, "| `toy-pipe` | toy pipe-separated answers | Toy source (`toy`) | CC0 |") {
		t.Errorf("FormatsMarkdown lacks the toy format:\n%s", md)
	}
}
