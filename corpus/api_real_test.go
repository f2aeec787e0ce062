package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// apiOpen opens a file, gunzipping it when its name ends in ".gz".
func apiOpen(t testing.TB, path string) io.ReadCloser {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) != ".gz" {
		return f
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		t.Fatalf("%s: %v", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}
}

func apiGlob(t testing.TB, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(m)
	if len(m) == 0 {
		t.Fatalf("no files match %s", pattern)
	}
	return m
}

// apiReadAllStrict reads every record, failing the test on any problem or error.
func apiReadAllStrict(t testing.TB, name string, read func() (*Record, error)) []*Record {
	t.Helper()
	var out []*Record
	for {
		rec, err := read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, rec)
	}
}

// TestRealAPIData reads every file of the shared API data through the
// readers and checks the counts the data's README states.
func TestRealAPIData(t *testing.T) {
	dir := shared.Path(t, "data/api")
	var sum Summary

	list := make(map[string]*Record)
	items, answered, holding, truncated, truncAnswer, truncQuestion := 0, 0, 0, 0, 0, 0
	for _, path := range apiGlob(t, filepath.Join(dir, "list", "*.json.gz")) {
		rc := apiOpen(t, path)
		recs := apiReadAllStrict(t, path, NewAPIReader(rc, path, nil, &sum).Read)
		rc.Close()
		for _, r := range recs {
			items++
			if _, dup := list[r.ID]; dup {
				continue
			}
			list[r.ID] = r
			if r.Answered() {
				answered++
			}
			if r.Holding {
				holding++
			}
			if r.Truncated {
				truncated++
				if len(r.Answer) > 3 && r.Answer[len(r.Answer)-3:] == "..." {
					truncAnswer++
				}
				if len([]rune(r.Question)) == ListClipRunes {
					truncQuestion++
				}
			}
			if r.AnswerHTML != "" {
				t.Errorf("%s: list record has AnswerHTML", r.ID)
			}
		}
	}
	if got, want := len(list), 58173; got != want {
		t.Errorf("unique list ids = %d, want %d", got, want)
	}
	if got, want := answered, 23696; got != want {
		t.Errorf("answered = %d, want %d", got, want)
	}
	if got, want := holding, 240; got != want {
		t.Errorf("holding = %d, want %d", got, want)
	}
	t.Logf("list: %d items, %d unique ids, %d truncated (%d with a clipped answer, %d with a 255-character question)",
		items, len(list), truncated, truncAnswer, truncQuestion)

	listUnknown := len(sum.UnknownBodies)
	if listUnknown != 0 {
		t.Errorf("list answering bodies unknown to the default registry: %v", sum.UnknownBodies)
	}
	sum.UnknownBodies = nil
	lines, matching, hydrated, stillTrunc, noDept, tagged := 0, 0, 0, 0, 0, 0
	otherDept, lateAnswers, deptMoved := 0, 0, 0
	fullIDs := make(map[string]bool)
	for _, path := range apiGlob(t, filepath.Join(dir, "fulltext", "*.jsonl.gz")) {
		rc := apiOpen(t, path)
		recs := apiReadAllStrict(t, path, NewFullTextReader(rc, path, nil, &sum).Read)
		rc.Close()
		for _, r := range recs {
			lines++
			fullIDs[r.ID] = true
			if r.Department == "" {
				noDept++
			}
			if looksLikeHTML(r.Answer) {
				tagged++
				if tagged <= 3 {
					t.Errorf("%s: tags left in Answer: %.300q", r.ID, r.Answer)
				}
			}
			if l, ok := list[r.ID]; ok {
				matching++
				if r.Department != "" && r.Department != l.Department {
					otherDept++
				}
				if !l.Answered() && r.Answer != "" {
					lateAnswers++
				}
				before := l.Department
				if Hydrate(l, r) {
					hydrated++
				}
				if l.Department != before {
					deptMoved++
				}
				if l.Truncated {
					stillTrunc++
				}
			}
		}
	}
	if got, want := lines, 49450; got != want {
		t.Errorf("full-text lines = %d, want %d", got, want)
	}
	if got, want := matching, 15695; got != want {
		t.Errorf("full-text lines matching a list id = %d, want %d", got, want)
	}
	t.Logf("fulltext: %d lines (%d unique ids), %d matching, %d list records changed by Hydrate, %d matching list records still truncated", lines, len(fullIDs), matching, hydrated, stillTrunc)
	t.Logf("fulltext: %d records with no department from the addressee; unknown addressees: %v", noDept, sum.UnknownBodies)
	t.Logf("fulltext: %d matching records addressed to another department than the list's answering body (transferred questions); %d answers missing from the list snapshot filled in by Hydrate, %d departments moved by Hydrate", otherDept, lateAnswers, deptMoved)
	if tagged > 0 {
		t.Errorf("%d answers still contain HTML tags after HTMLToText", tagged)
	}

	for _, name := range []string{"list_response_envelope.json", "detail_response_question_1679416.json"} {
		path := filepath.Join(dir, "fixtures", name)
		rc := apiOpen(t, path)
		recs := apiReadAllStrict(t, path, NewAPIReader(rc, path, nil, &sum).Read)
		rc.Close()
		t.Logf("%s: %d records", name, len(recs))
		if len(recs) == 0 {
			t.Errorf("%s: no records", name)
		}
	}
}

// BenchmarkAPIReader measures decoding of one real list month, held
// gunzipped in memory.
func BenchmarkAPIReader(b *testing.B) {
	path := filepath.Join(shared.Path(b, "data/api"), "list", "2024-07.json.gz")
	rc := apiOpen(b, path)
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		rd := NewAPIReader(bytes.NewReader(data), path, nil, nil)
		for {
			if _, err := rd.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// eachFullText calls fn on every record of the full-text file path.
func eachFullText(tb testing.TB, path string, fn func(*Record)) {
	tb.Helper()
	rc := apiOpen(tb, path)
	defer rc.Close()
	rd := NewFullTextReader(rc, path, nil, nil)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatal(err)
		}
		fn(rec)
	}
}

// BenchmarkHTMLToText measures conversion of real full-text answers.
func BenchmarkHTMLToText(b *testing.B) {
	path := filepath.Join(shared.Path(b, "data/api"), "fulltext", "2024-07.jsonl.gz")
	var answers []string
	n := 0
	eachFullText(b, path, func(rec *Record) {
		if rec.AnswerHTML != "" {
			answers = append(answers, rec.AnswerHTML)
			n += len(rec.AnswerHTML)
		}
	})
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range answers {
			HTMLToText(a)
		}
	}
}
