package corpus

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// scanAgrees checks that where scanFullTextLine takes a line, the record
// and the counts it gives are those of the general parser.
func scanAgrees(t *testing.T, line []byte) (took bool) {
	t.Helper()
	line = bytes.TrimSpace(line)
	id, q, a, ok := scanFullTextLine(line)
	if !ok {
		return false
	}
	var fastSum, slowSum Summary
	reg := scanTestRegistry
	r := &FullTextReader{split: lineSplitter{name: "x"}, reg: reg}
	want, err := r.parseSlow(line, 1, false, &slowSum)
	if err != nil {
		t.Fatalf("fast path took %q, which the general parser rejects: %v", line, err)
	}
	got := r.record(id, q, a, &fastSum)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(fastSum, slowSum) {
		t.Fatalf("line %q:\nfast %+v %+v\nslow %+v %+v", line, got, fastSum, want, slowSum)
	}
	return true
}

var scanTestRegistry = DefaultRegistry()

func TestScanFullTextLineAgrees(t *testing.T) {
	takes := []string{
		`{"id": 1, "questionText": "To ask the Secretary of State for Transport, what.", "answerText": "<p>Yes.</p>"}`,
		`{"answerText":null,"id":7,"questionText":null}`,
		`{"id": 12}`,
		`{"id": 3, "questionText": "esc \" \\ \/ \b \f \n \r \t \u00e9 \u20ac \ud83d\ude00 \u0000", "answerText": "a\u200bb"}`,
		" {\t\"id\"\r: 5 ,\n\"answerText\" : \"  plain &amp; text  \" } ",
	}
	for _, s := range takes {
		if !scanAgrees(t, []byte(s)) {
			t.Errorf("fast path did not take %q", s)
		}
	}
	leaves := []string{
		``, `null`, `[]`, `{}`, `{"id": 0}`, `{"id": -1}`, `{"id": 01}`, `{"id": 1.5}`, `{"id": 1e3}`,
		`{"id": "1"}`, `{"id": 1, "id": 2}`, `{"id": 1, "other": 2}`, `{"\u0069d": 1}`, `{"ID": 1}`,
		`{"id": 1, "questionText": 5}`, `{"id": 1, "questionText": "a", "questionText": "b"}`,
		`{"id": 1, "answerText": "\ud83d"}`, `{"id": 1, "answerText": "\ude00\ud83d"}`, `{"id": 1, "answerText": "\x"}`,
		`{"id": 1, "answerText": "\'"}`, "{\"id\": 1, \"answerText\": \"a\tb\"}", "{\"id\": 1, \"answerText\": \"\xff\"}",
		`{"id": 1} {"id": 2}`, `{"id": 1,}`, `{"id": 1`, `{"id": 1, "answerText": "abc`, `{"id": 1, "answerText": nul}`,
		`{"id": 1234567890123456789}`,
	}
	for _, s := range leaves {
		if _, _, _, ok := scanFullTextLine([]byte(s)); ok {
			t.Errorf("fast path took %q, which it should leave to encoding/json", s)
		}
	}
}

// TestScanFullTextLineRealData compares the two parsers on every real
// full-text line, and on copies of a sample of them with bytes changed at
// random, which mostly fall back or fail alike.
func TestScanFullTextLineRealData(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared.Path(t, "data/api/fulltext"), "*.jsonl.gz"))
	if len(files) == 0 {
		t.Skip("no full-text files")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	took, lines := 0, 0
	alphabet := []byte("\"\\{}:,u0 n\x01\xc3é")
	for _, name := range files {
		rc := apiOpen(t, name)
		sc := bufio.NewScanner(rc)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			line := sc.Bytes()
			if len(strings.TrimSpace(string(line))) == 0 {
				continue
			}
			lines++
			if scanAgrees(t, line) {
				took++
			}
			if rng.IntN(20) == 0 {
				m := append([]byte(nil), line...)
				for range 1 + rng.IntN(3) {
					m[rng.IntN(len(m))] = alphabet[rng.IntN(len(alphabet))]
				}
				scanAgrees(t, m)
			}
		}
		rc.Close()
	}
	if took != lines {
		t.Errorf("the fast path took %d of %d real lines, want all", took, lines)
	}
}

func FuzzScanFullTextLine(f *testing.F) {
	f.Add([]byte(`{"id": 3, "questionText": "q \u00e9", "answerText": "<p>a</p>"}`))
	f.Add([]byte(`{"id": 1, "answerText": null}`))
	f.Fuzz(func(t *testing.T, b []byte) { scanAgrees(t, b) })
}
