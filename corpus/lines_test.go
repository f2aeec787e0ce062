package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// lineFixtures returns, for each line format, an input of several chunks
// (parallelLines' linesPerChunk) with defects along it: a malformed line,
// a line missing its id, invalid UTF-8, an addressee no body is known
// for, blank lines, a byte-order mark, and, as asked, a last line cut off
// inside its object.
func lineFixtures(cutShort bool) map[string]string {
	var full, jsonl strings.Builder
	full.WriteString("\ufeff")
	jsonl.WriteString("\ufeff")
	n := 3*linesPerChunk + 17
	for i := 1; i <= n; i++ {
		switch i {
		case linesPerChunk - 1, 2*linesPerChunk + 5:
			full.WriteString(`{"id": 12, "questionText": "To ask the` + "\n")
			jsonl.WriteString(`{"id": "x:1", "source": ` + "\n")
		case linesPerChunk + 3:
			full.WriteString(`{"questionText": "no id"}` + "\n")
			jsonl.WriteString(`{"id": "x:2", "source": "api", "answer": 7}` + "\n")
		case linesPerChunk + 40:
			fmt.Fprintf(&full, `{"id": %d, "questionText": "To ask the Secretary of State for Transport, what bad \xff bytes.", "answerText": "<p>Yes \xfe.</p>"}`+"\n", i)
			fmt.Fprintf(&jsonl, `{"id": "api:%d", "source": "api", "question": "bad \xff bytes"}`+"\n", i)
		case 2*linesPerChunk + 1, 2*linesPerChunk + 2:
			full.WriteString("  \n")
			jsonl.WriteString("\n")
		default:
			addressee := "Secretary of State for Transport"
			if i%50 == 0 {
				addressee = fmt.Sprintf("Minister for Nothing %d", i%3)
			}
			fmt.Fprintf(&full, `{"id": %d, "questionText": "To ask the %s, what number %d is.", "answerText": "<p>It is <b>%d</b>.</p><p>So.</p>"}`+"\n", i, addressee, i, i)
			fmt.Fprintf(&jsonl, `{"id": "api:%d", "source": "api", "question": "Question %d?", "answer": "Answer %d."}`+"\n", i, i, i)
		}
	}
	if cutShort {
		full.WriteString(`{"id": 99999, "questionText": "To ask`)
		jsonl.WriteString(`{"id": "api:99999", "source": "api", "question": "cut`)
	}
	return map[string]string{"fulltext.jsonl": full.String(), "records.jsonl": jsonl.String()}
}

// readWith reads inputs through a Stream whose line formats are decoded
// on workers goroutines.
func readWith(t *testing.T, inputs []string, opt Options, workers int) ([]Record, *Summary, error) {
	t.Helper()
	s, err := Open(inputs, opt)
	if err != nil {
		t.Fatal(err)
	}
	s.lineWorkers = workers
	return drain(s)
}

// TestLinesDecodedInChunks checks that a line format's input decoded in
// chunks on several goroutines gives what one goroutine gives: the same
// records in the same order, the same problems, repairs and counts in
// lenient mode, and the same first error in strict mode.
func TestLinesDecodedInChunks(t *testing.T) {
	for _, cutShort := range []bool{false, true} {
		dir := t.TempDir()
		var inputs []string
		for name, text := range lineFixtures(cutShort) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, p)
		}
		for _, in := range inputs {
			for _, lenient := range []bool{false, true} {
				name := fmt.Sprintf("%s cut=%v lenient=%v", filepath.Base(in), cutShort, lenient)
				opt := Options{Lenient: lenient}
				wantRecs, wantSum, wantErr := readWith(t, []string{in}, opt, 1)
				if lenient && (wantErr != nil || len(wantSum.Problems) < 3 || len(wantRecs) < 3*linesPerChunk) {
					t.Fatalf("%s: the fixture does not test what it should: %d records, %d problems, %v", name, len(wantRecs), len(wantSum.Problems), wantErr)
				}
				if !lenient && wantErr == nil {
					t.Fatalf("%s: strict reading passed a bad line", name)
				}
				for _, workers := range []int{2, 3, 8} {
					recs, sum, err := readWith(t, []string{in}, opt, workers)
					if fmt.Sprint(err) != fmt.Sprint(wantErr) {
						t.Errorf("%s, %d workers: error %v, want %v", name, workers, err, wantErr)
					}
					if !reflect.DeepEqual(recs, wantRecs) {
						t.Errorf("%s, %d workers: %d records differ from one goroutine's %d", name, workers, len(recs), len(wantRecs))
					}
					if !reflect.DeepEqual(sum, wantSum) {
						t.Errorf("%s, %d workers: summary\n%+v\nwant\n%+v", name, workers, sum, wantSum)
					}
				}
			}
		}
	}
}

// failingReader returns its text, then err.
type failingReader struct {
	r   io.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

// TestParallelLinesCallByCall checks parallelLines against the decoder's
// own Read call by call, for every line format, when the input fails part
// of the way (a read error after some lines) and when it ends: the same
// results in order, the error at the same place, the same counts.
func TestParallelLinesCallByCall(t *testing.T) {
	readErr := errors.New("disk on fire")
	for name, text := range lineFixtures(true) {
		for _, cut := range []int{len(text), len(text) / 2, 10} {
			mk := func(sum *Summary) lineDecoder {
				var r io.Reader = strings.NewReader(text[:cut])
				if cut < len(text) {
					r = &failingReader{r: r, err: readErr}
				}
				br := bufio.NewReaderSize(r, 16)
				if name == "fulltext.jsonl" {
					return NewFullTextReader(br, name, nil, sum)
				}
				return NewJSONLReader(br, name)
			}
			var wantSum, gotSum Summary
			one := mk(&wantSum)
			p := newParallelLines(mk(&gotSum), &gotSum, 3, linesPerChunk)
			for call := 0; ; call++ {
				want, wantErr := one.Read()
				got, err := p.Read()
				if !reflect.DeepEqual(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("%s cut at %d, call %d: %v %v, want %v %v", name, cut, call, got, err, want, wantErr)
				}
				if !reflect.DeepEqual(gotSum, wantSum) {
					t.Fatalf("%s cut at %d, call %d: summary %+v, want %+v", name, cut, call, gotSum, wantSum)
				}
				if wantErr != nil && !isProblem(wantErr) {
					if cut < len(text) && !errors.Is(wantErr, readErr) {
						t.Fatalf("%s cut at %d: ended with %v, not the read error", name, cut, wantErr)
					}
					// Every later call returns the same.
					if _, again := p.Read(); fmt.Sprint(again) != fmt.Sprint(wantErr) {
						t.Fatalf("%s: after %v, Read returned %v", name, wantErr, again)
					}
					break
				}
			}
			p.Close()
		}
	}
}

// TestParallelLinesClose checks that a reader closed part of the way
// stops: Read then ends, and no goroutine is left blocked sending.
func TestParallelLinesClose(t *testing.T) {
	text := lineFixtures(false)["records.jsonl"]
	p := newParallelLines(NewJSONLReader(strings.NewReader(text), "x"), &Summary{}, 2, linesPerChunk)
	if _, err := p.Read(); err != nil {
		t.Fatal(err)
	}
	p.Close()
	for n := 0; ; n++ {
		if _, err := p.Read(); err == io.EOF {
			break
		}
		if n > 10*linesPerChunk {
			t.Fatal("Read goes on after Close")
		}
	}
}

// FuzzLinesInChunks reads arbitrary bytes as each line format, strict and
// lenient, on one goroutine and in chunks of a few lines on several: the
// records, the summary and the error must be the same.
func FuzzLinesInChunks(f *testing.F) {
	for _, p := range []string{"testdata/api/fulltext.jsonl", "testdata/open/one.jsonl"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false, 1)
		f.Add(b[:len(b)*2/3], true, 2)
		f.Add(latin1ish(b), true, 3)
	}
	for _, text := range lineFixtures(true) {
		f.Add([]byte(text), true, 5)
		f.Add([]byte(text), false, 7)
	}
	reg := DefaultRegistry()
	f.Fuzz(func(t *testing.T, data []byte, lenient bool, perChunk int) {
		perChunk = 1 + (perChunk&0xffff)%9
		for _, format := range []Format{FormatAPIFullText, FormatJSONL} {
			read := func(workers int) ([]Record, *Summary, error) {
				s, err := Open([]string{"-"}, Options{Stdin: bytes.NewReader(data), Format: format, Lenient: lenient, Registry: reg})
				if err != nil {
					t.Fatal(err)
				}
				s.lineWorkers, s.linesPerChunk = workers, perChunk
				return drain(s)
			}
			wantRecs, wantSum, wantErr := read(1)
			recs, sum, err := read(3)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(recs, wantRecs) || !reflect.DeepEqual(sum, wantSum) {
				t.Fatalf("%s, %d lines a chunk: in chunks\n%v %+v %v\non one goroutine\n%v %+v %v", format, perChunk, err, sum, recs, wantErr, wantSum, wantRecs)
			}
		}
	})
}
