package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parlance-go/parlance/corpus"
)

// inputFlags are the flags every subcommand that reads records shares.
type inputFlags struct {
	lenient bool
	quiet   bool
	format  string
	// omit is the record fields the command does not use (not a flag).
	omit corpus.Omit
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.lenient, "lenient", false, "collect per-record problems, report them and go on (default: stop at the first)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress or summary on stderr")
	fs.StringVar(&f.format, "input-format", "", "input format, if detection should not decide: "+formatList())
}

// formatList names every registered input format, for help texts.
func formatList() string {
	var names []string
	for _, f := range corpus.FormatNames() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// formatLabels lists every registered input format by its label, for
// help texts.
func formatLabels() string {
	var labels []string
	for _, s := range corpus.RegisteredFormats() {
		labels = append(labels, s.Label)
	}
	return strings.Join(labels, ", ")
}

// progress writes a one-line, self-overwriting status to a terminal. It is
// silent when stderr is not a terminal or --quiet is given, so logs and
// pipes stay clean.
type progress struct {
	w       io.Writer
	enabled bool
	last    time.Time
}

func newProgress(e *env, quiet bool) *progress {
	return &progress{w: e.stderr, enabled: e.stderrIsTerminal && !quiet}
}

func (p *progress) status(format string, args ...any) {
	if !p.enabled {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K"+format, args...)
}

// bar shows a bar for step n of total, with a label.
func (p *progress) bar(n, total int, label string) {
	if !p.enabled || total <= 0 {
		return
	}
	const width = 20
	done := width * min(n, total) / total
	p.status("[%s%s] %d/%d %s", strings.Repeat("#", done), strings.Repeat("-", width-done), n, total, label)
}

// stageStart is when the stage being shown within began; see within.
type stageStart struct {
	stage string
	at    time.Time
}

// within shows progress inside stage n of total: done of of items, the
// rate so far and the time left at that rate. It shows at most ten updates
// a second, and always the last (done == of).
func (p *progress) within(n, total int, stage string, done, of int, start *stageStart) {
	if !p.enabled || total <= 0 || of <= 0 {
		return
	}
	now := time.Now()
	if start.stage != stage {
		*start = stageStart{stage: stage, at: now}
	}
	if done < of && now.Sub(p.last) <= 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 20
	filled := width * min(n, total) / total
	label := fmt.Sprintf("%s: %d of %d records", stage, done, of)
	if el := now.Sub(start.at).Seconds(); el > 0.5 && done > 0 {
		rate := float64(done) / el
		left := time.Duration(float64(of-done) / rate * float64(time.Second)).Round(time.Second)
		label += fmt.Sprintf(", %.0f/s, about %v left", rate, left)
	}
	p.status("[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat("-", width-filled), n, total, label)
}

// tick shows a count at most ten times a second.
func (p *progress) tick(format string, args ...any) {
	if !p.enabled {
		return
	}
	if now := time.Now(); now.Sub(p.last) > 100*time.Millisecond {
		p.last = now
		p.status(format, args...)
	}
}

func (p *progress) done() {
	if p.enabled {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// openInputs opens the inputs, or the embedded sample when there are none;
// p shows the records read.
func openInputs(e *env, inputs []string, f *inputFlags, p *progress) (*corpus.Stream, error) {
	opt := corpus.Options{Lenient: f.lenient, Format: corpus.Format(f.format), Stdin: e.stdin, Omit: f.omit,
		Progress: func(n int) { p.tick("reading: %d records", n) }}
	if len(inputs) == 0 {
		return corpus.OpenSample(opt)
	}
	return corpus.Open(inputs, opt)
}

// streamInputs calls fn for every record of the inputs, showing progress,
// and returns the reading summary. In lenient mode the problems are in the
// summary; otherwise the first one is the error.
func streamInputs(e *env, inputs []string, f *inputFlags, fn func(*corpus.Record) error) (*corpus.Summary, error) {
	return streamCounted(e, inputs, f, func(r *corpus.Record, _ int) error { return fn(r) })
}

// streamCounted is streamInputs telling fn, with each record, how many
// records are still to come (corpus.Stream.Pending).
func streamCounted(e *env, inputs []string, f *inputFlags, fn func(rec *corpus.Record, pending int) error) (*corpus.Summary, error) {
	p := newProgress(e, f.quiet)
	s, err := openInputs(e, inputs, f, p)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	n := 0
	for {
		rec, err := s.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p.done()
			return s.Summary(), err
		}
		n++
		p.tick("delivering: %d records", n)
		if err := fn(rec, s.Pending()); err != nil {
			p.done()
			return s.Summary(), err
		}
	}
	p.done()
	if s.Summary().Total() == 0 {
		return s.Summary(), nothingRead(inputs, s.Summary())
	}
	return s.Summary(), nil
}

// nothingRead is the error for inputs that gave no record: an empty
// directory, files of no known format, or (lenient) inputs that all failed.
// It says what was looked at, so the user can see why.
func nothingRead(inputs []string, sum *corpus.Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "no records read from %s", strings.Join(quoteAll(inputs), ", "))
	switch n := len(sum.Files); n {
	case 0:
		b.WriteString(": no file of a format parlance reads was found")
	default:
		fmt.Fprintf(&b, ": %d file(s) opened (%s) held no record", n, strings.Join(firstN(sum.Files, 3), ", "))
	}
	skipped := 0
	for _, v := range sum.Skipped {
		skipped += v
	}
	if skipped > 0 {
		fmt.Fprintf(&b, "; %d item(s) skipped", skipped)
	}
	if len(sum.Problems) > 0 {
		fmt.Fprintf(&b, "; %d problem(s), the first: %v", len(sum.Problems), sum.Problems[0])
	}
	return errors.New(b.String())
}

func quoteAll(ss []string) []string {
	if len(ss) == 0 {
		return []string{"the embedded sample"}
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func firstN(ss []string, n int) []string {
	if len(ss) <= n {
		return ss
	}
	return append(append([]string{}, ss[:n]...), fmt.Sprintf("and %d more", len(ss)-n))
}

// readInputs reads all records of the inputs into memory (the analyses need
// the whole corpus at once). It drops each record's AnswerHTML as the
// stream reads it (corpus.OmitAnswerHTML), before the stream holds every
// record to merge their versions: no command that reads the corpus into
// memory uses it, and it is about as large as the answer's text, which
// they keep.
func readInputs(e *env, inputs []string, f *inputFlags) ([]corpus.Record, *corpus.Summary, error) {
	return readRecords(e, inputs, f, nil)
}

// readRecords is readInputs calling each, if not nil, with every record
// as it is kept (its HTML dropped), in order.
func readRecords(e *env, inputs []string, f *inputFlags, each func(*corpus.Record)) ([]corpus.Record, *corpus.Summary, error) {
	var recs []corpus.Record
	withoutHTML := *f
	withoutHTML.omit |= corpus.OmitAnswerHTML
	sum, err := streamCounted(e, inputs, &withoutHTML, func(r *corpus.Record, pending int) error {
		if recs == nil {
			recs = make([]corpus.Record, 0, 1+pending)
		}
		recs = append(recs, *r)
		rec := &recs[len(recs)-1]
		if each != nil {
			each(rec)
		}
		return nil
	})
	return recs, sum, err
}

// printSummary writes the reading summary to stderr unless --quiet.
func printSummary(e *env, f *inputFlags, sum *corpus.Summary) {
	if f.quiet || sum == nil {
		return
	}
	sum.WriteTo(e.stderr)
}

// wrap breaks text into lines of at most width bytes at spaces (a longer
// word stands alone), each ending in a newline.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		if n > 0 && n+1+len(word) > width {
			b.WriteString("\n")
			n = 0
		}
		if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	b.WriteString("\n")
	return b.String()
}
