package analysis_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// answerFormats are the tidy exports, each as a whole-Result writer and as
// an AnswerWriter.
var answerFormats = []struct {
	name  string
	whole func(io.Writer, *analysis.Result) error
	each  func(io.Writer) analysis.AnswerWriter
}{
	{"jsonl", analysis.WriteAnswersJSONL, analysis.NewAnswersJSONL},
	{"csv", analysis.WriteAnswersCSV, analysis.NewAnswersCSV},
	{"parquet", analysis.WriteAnswersParquet, analysis.NewAnswersParquet},
}

// allFormats writes each answer emitted to an AnswerWriter of every
// format, and then clears the record's texts, as the CLI's Emit does.
type allFormats struct {
	out     []bytes.Buffer
	writers []analysis.AnswerWriter
}

func newAllFormats() *allFormats {
	w := &allFormats{out: make([]bytes.Buffer, len(answerFormats))}
	for i, f := range answerFormats {
		w.writers = append(w.writers, f.each(&w.out[i]))
	}
	return w
}

func (w *allFormats) emit(a *analysis.Answer) error {
	for _, x := range w.writers {
		if err := x.Write(a); err != nil {
			return err
		}
	}
	a.Record.Question, a.Record.Answer, a.Record.AnswerHTML = "", "", ""
	return nil
}

// check closes the writers and holds what each wrote to want's bytes for
// its format; what names the output in a failure.
func (w *allFormats) check(t *testing.T, want []bytes.Buffer, what string) {
	t.Helper()
	for i, f := range answerFormats {
		if err := w.writers[i].Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.out[i].Bytes(), want[i].Bytes()) {
			t.Errorf("%s: %s differ from the Result's (%d bytes, want %d)", f.name, what, w.out[i].Len(), want[i].Len())
		}
	}
}

// checkEmitIsRun runs the analysis of recs twice, once keeping every
// answer and once emitting each to AnswerWriters of every format, whose
// Emit then clears the record's texts, as the CLI's does. The emitted
// exports must be those of the whole Result byte for byte, and the
// emitting Run's Result must be the other's with the Evidence, Refs and
// Boilerplate spans dropped, statistics and all.
func checkEmitIsRun(t *testing.T, recs []corpus.Record, sum *corpus.Summary) {
	t.Helper()
	full, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bytes.Buffer, len(answerFormats))
	for i, f := range answerFormats {
		if err := f.whole(&want[i], full); err != nil {
			t.Fatal(err)
		}
	}

	emitted := newAllFormats()
	own := slices.Clone(recs) // the texts of these are cleared
	n := 0
	streamed, err := analysis.Run(own, sum, analysis.Config{Emit: func(a *analysis.Answer) error {
		if a.Record != &own[n] {
			t.Fatalf("answer %d emitted out of order", n)
		}
		n++
		return emitted.emit(a)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(recs) {
		t.Fatalf("%d of %d answers emitted", n, len(recs))
	}
	emitted.check(t, want, "the emitted answers")
	checkSpillingIsRun(t, recs, sum, want)

	groups := 0
	for i := range full.Answers {
		a := &full.Answers[i]
		if a.Group != "" {
			groups++
		}
		if streamed.Answers[i].Verdict.Evidence != nil || streamed.Answers[i].Boilerplate != nil {
			t.Fatalf("answer %d: the emitting Run kept its evidence or spans", i)
		}
		a.Verdict.Evidence, a.Verdict.Refs, a.Boilerplate = nil, nil, nil
		streamed.Answers[i].Record = a.Record // the texts, cleared in own
	}
	if groups == 0 || len(full.Families) == 0 {
		t.Fatalf("%d answers in round robins, %d families: the test compares too little", groups, len(full.Families))
	}
	var a, b bytes.Buffer
	if err := analysis.WriteJSON(&a, full); err != nil {
		t.Fatal(err)
	}
	if err := analysis.WriteJSON(&b, streamed); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the emitting Run's Result differs from Run's own, evidence aside")
	}
	t.Logf("%d answers, %d in round robins, %d families", len(recs), groups, len(full.Families))
}

// checkSpillingIsRun emits the analysis of recs as the CLI does: the
// answers written aside as the records are given to a spilling
// FoundFinder, and put back by Run. The exports must be want, byte for
// byte, and the file must be gone once Run returns.
func checkSpillingIsRun(t *testing.T, recs []corpus.Record, sum *corpus.Summary, want []bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	ff, err := analysis.NewSpillingFoundFinder(boilerplate.Config{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	own := slices.Clone(recs)
	spilled := 0
	for i := range own {
		answered := own[i].Answer != ""
		ff.Add(&own[i])
		if answered {
			if own[i].Answer != "" {
				t.Fatalf("record %d: the answer is still held", i)
			}
			spilled++
		}
	}
	if spilled == 0 {
		t.Fatal("no answer written aside: the test compares nothing")
	}
	emitted := newAllFormats()
	_, err = analysis.Run(own, sum, analysis.Config{Found: ff.FoundLater(), Emit: emitted.emit})
	if err != nil {
		t.Fatal(err)
	}
	emitted.check(t, want, "the answers emitted with the answers written aside")
	if left, err := os.ReadDir(dir); err != nil || len(left) > 0 {
		t.Errorf("after Run, the spill's directory holds %d files (%v)", len(left), err)
	}
}

func TestEmitIsRunSample(t *testing.T) {
	recs, sum := readSample(t)
	checkEmitIsRun(t, recs, sum)
}

// TestEmitIsRun is TestEmitIsRunSample on a month of real full texts,
// which is many chunks of classification, so answers are emitted while
// the round robins may still be sought.
func TestEmitIsRun(t *testing.T) {
	recs, sum, err := corpus.ReadAll([]string{
		shared.Path(t, "data/api/list/2024-07.json.gz"),
		shared.Path(t, "data/api/fulltext/2024-07.jsonl.gz"),
	}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkEmitIsRun(t, recs, sum)
}

func TestEmitErrorEndsRun(t *testing.T) {
	recs, sum := readSample(t)
	stop := errors.New("disk full")
	n := 0
	res, err := analysis.Run(recs, sum, analysis.Config{Emit: func(*analysis.Answer) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	}})
	if !errors.Is(err, stop) || res != nil {
		t.Fatalf("Run gave %v, %v; want the Emit error and no result", res, err)
	}
	if n != 3 {
		t.Errorf("Emit called %d times after it failed on the third", n)
	}
}

// TestAnswerWriterWritesNothingUnused checks that an AnswerWriter neither
// Written nor Closed has written nothing, so a run that fails before its
// first answer leaves no header or magic number behind.
func TestAnswerWriterWritesNothingUnused(t *testing.T) {
	for _, f := range answerFormats {
		var b bytes.Buffer
		f.each(&b)
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written before the first answer", f.name, b.Len())
		}
	}
}

// Writing each answer as it is classified, for a corpus too large to hold
// every verdict's evidence: the Result keeps the statistics.
func ExampleConfig_emit() {
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var w bytes.Buffer
	out := analysis.NewAnswersJSONL(&w)
	res, err := analysis.Run(recs, sum, analysis.Config{Emit: out.Write})
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Count(w.Bytes(), []byte("\n")), "answers written")
	fmt.Println(res.Overall.Answers, "classified; evidence kept:", res.Answers[0].Verdict.Evidence != nil)
	// Output:
	// 9 answers written
	// 9 classified; evidence kept: false
}
