package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/corpus"
)

const dateLayout = corpus.DateLayout

func fmtDate(t interface {
	IsZero() bool
	Format(string) string
}) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func runGroups(e *env, args []string) error {
	fs := newFlags(e, "groups", "[--format text|json|csv] [-o FILE] [INPUT...]",
		`Groups lists round robins: the same question tabled by one member to
several answering bodies within a few days, found by text similarity after
the addressee ("To ask the Secretary of State for ...") and self-references
("their Department") are neutralised. Identical questions from different
askers are listed as campaigns, not merged.`,
		"parlance groups --format csv data/api/list/2025-07.json.gz")
	l := registerListing(fs)
	recs, err := l.parseAndRead(e, fs, args)
	if err != nil {
		return err
	}
	in, format, out := &l.in, l.format, l.out
	groups, campaigns := roundrobin.Find(recs, roundrobin.Config{})
	groupingNotes(e, in, recs, len(groups))
	return withOutput(e, *out, func(w *bufio.Writer) error {
		switch *format {
		case "json":
			return writeJSON(w, struct {
				Groups    []roundrobin.Group    `json:"groups"`
				Campaigns []roundrobin.Campaign `json:"campaigns"`
			}{nonNil(groups), nonNil(campaigns)})
		case "csv":
			cw := csv.NewWriter(w)
			cw.Write([]string{"group", "asker", "first_tabled", "last_tabled", "bodies", "canonical", "id", "body", "similarity", "joined_by"})
			for _, g := range groups {
				for _, m := range g.Members {
					cw.Write([]string{g.ID, g.Asker, fmtDate(g.First), fmtDate(g.Last), strconv.Itoa(g.Bodies()), g.Canonical,
						m.ID, m.Body, strconv.FormatFloat(m.Similarity, 'f', 3, 64), m.Source})
				}
			}
			cw.Flush()
			return cw.Error()
		}
		fmt.Fprintf(w, "%d round-robin groups, %d campaigns\n", len(groups), len(campaigns))
		for _, g := range groups {
			dated := "tabled"
			for _, m := range g.Members {
				if recs[m.Index].DateTabled.IsZero() {
					dated = "dated (by answer, no tabling date given)"
				}
			}
			fmt.Fprintf(w, "\n%s  %d bodies  %d questions  %s %s to %s  asked by %s\n  %s\n",
				g.ID, g.Bodies(), len(g.Members), dated, fmtDate(g.First), fmtDate(g.Last), g.Asker, g.Canonical)
			for _, m := range g.Members {
				fmt.Fprintf(w, "    %-50s %-28s %.2f %s\n", m.Body, m.ID, m.Similarity, m.Source)
			}
		}
		for _, c := range campaigns {
			fmt.Fprintf(w, "\ncampaign: %d askers: %s\n  %s\n", len(c.Askers), strings.Join(c.Askers, ", "), c.Canonical)
		}
		return nil
	})
}

func runBoilerplate(e *env, args []string) error {
	fs := newFlags(e, "boilerplate", "[--format text|json|csv] [-o FILE] [INPUT...]",
		`Boilerplate lists families of stock sentences that answers reuse, most used
first, with their variant wordings, the bodies that use them and when. Near
duplicates are found with MinHash signatures over word shingles and LSH, and
verified exactly.`,
		"parlance boilerplate --format json data/api/fulltext")
	l := registerListing(fs)
	top := fs.Int("top", 0, "list at most this many families (0: all)")
	// Boilerplate needs only each answer's body, date and text, and of
	// the text, once its sentences are merged, only their offsets and the
	// first occurrence of each: the finder takes the answers as they are
	// read, and the reader drops the questions and the HTML as it goes.
	l.in.omit = corpus.OmitQuestion | corpus.OmitAnswerHTML
	bf := analysis.NewBoilerplateFinder(boilerplate.Config{})
	answers := 0
	err := l.parseAndStream(e, fs, args, func(r *corpus.Record) error {
		if bf.Add(r) {
			answers++
		}
		return nil
	})
	if err != nil {
		return err
	}
	in, format, out := &l.in, l.format, l.out
	p := newProgress(e, in.quiet)
	p.status("finding boilerplate in %d answers", answers)
	bp := bf.Result()
	p.done()
	fams := bp.Families
	if *top > 0 && len(fams) > *top {
		fams = fams[:*top]
	}
	return withOutput(e, *out, func(w *bufio.Writer) error {
		switch *format {
		case "json":
			return writeJSONList(w, "families", fams)
		case "csv":
			cw := csv.NewWriter(w)
			cw.Write([]string{"family", "canonical", "family_answers", "variants", "first", "last", "body", "body_answers", "body_share"})
			for _, f := range fams {
				for _, b := range f.Bodies {
					cw.Write([]string{strconv.Itoa(f.ID), f.Canonical, strconv.Itoa(f.Answers), strconv.Itoa(len(f.Variants)),
						fmtDate(f.First), fmtDate(f.Last), b.Body, strconv.Itoa(b.Answers), strconv.FormatFloat(b.Share, 'f', 4, 64)})
				}
			}
			cw.Flush()
			return cw.Error()
		}
		fmt.Fprintf(w, "%d boilerplate families\n", len(bp.Families))
		for _, f := range fams {
			when := "undated"
			if !f.First.IsZero() {
				when = fmtDate(f.First) + " to " + fmtDate(f.Last)
			}
			example := f.Example
			if example == "" {
				example = f.Canonical
			}
			fmt.Fprintf(w, "\n#%d  %d answers  %d bodies  %d variants  %s\n  %s\n",
				f.ID, f.Answers, len(f.Bodies), len(f.Variants), when, example)
			for i, b := range f.Bodies {
				if i == 5 {
					fmt.Fprintf(w, "    … and %d more bodies\n", len(f.Bodies)-5)
					break
				}
				fmt.Fprintf(w, "    %-50s %5d answers (%.1f%% of its answers)\n", b.Body, b.Answers, 100*b.Share)
			}
		}
		return nil
	})
}

// listing holds the flags that the listing commands (groups, boilerplate)
// share: the input flags, an output format of text, json or csv, and -o.
type listing struct {
	in     inputFlags
	format *string
	out    *string
}

func registerListing(fs *flag.FlagSet) *listing {
	l := &listing{}
	l.in.register(fs)
	l.format = fs.String("format", "text", "output format: text, json or csv")
	l.out = fs.String("o", "-", "output file (- for standard output)")
	return l
}

// parseAndRead parses the command line, checks the format and reads every
// input into memory, printing the reading summary.
func (l *listing) parseAndRead(e *env, fs *flag.FlagSet, args []string) ([]corpus.Record, error) {
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return nil, err
	}
	if err := oneOf("format", *l.format, "text", "json", "csv"); err != nil {
		return nil, err
	}
	if err := checkOutput(*l.out); err != nil {
		return nil, err
	}
	recs, sum, err := readInputs(e, inputs, &l.in)
	printSummary(e, &l.in, sum)
	return recs, err
}

// parseAndStream is parseAndRead for a command that keeps what it needs
// of each record itself: fn is called for every record, in order.
func (l *listing) parseAndStream(e *env, fs *flag.FlagSet, args []string, fn func(*corpus.Record) error) error {
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("format", *l.format, "text", "json", "csv"); err != nil {
		return err
	}
	if err := checkOutput(*l.out); err != nil {
		return err
	}
	sum, err := streamInputs(e, inputs, &l.in, fn)
	printSummary(e, &l.in, sum)
	return err
}

// classifierFlags configure the classifier from files.
type classifierFlags struct {
	overrides string
	lexicon   string
	model     string
}

func (c *classifierFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&c.overrides, "overrides", "", "TSV of manual verdicts (id, stance, grounds, note) that win over the classifier")
	fs.StringVar(&c.model, "model", "", "a model written by parlance train: the learned decision settles each stance instead of the rules")
	fs.StringVar(&c.lexicon, "lexicon", "", "TSV of refusal cues added to the default lexicon, in its format (a header naming ground, name, weight, role, pattern, comment) or as ground<TAB>pattern[<TAB>weight]; a cue with the ground and name of a default one replaces it")
}

func (c *classifierFlags) build() (*classify.Classifier, error) {
	clf := &classify.Classifier{Lexicon: classify.DefaultLexicon()}
	if c.lexicon != "" {
		f, err := os.Open(c.lexicon)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		extra, err := classify.ReadLexicon(f, c.lexicon)
		if err != nil {
			return nil, err
		}
		clf.Lexicon = clf.Lexicon.With(extra)
	}
	if c.model != "" {
		f, err := os.Open(c.model)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		m, err := classify.ReadModel(f, c.model)
		if err != nil {
			return nil, err
		}
		clf.Model = m
	}
	if c.overrides != "" {
		f, err := os.Open(c.overrides)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		ov, err := classify.ReadOverrides(f, c.overrides)
		if err != nil {
			return nil, err
		}
		if err := ov.CheckGrounds(c.overrides, &clf.Lexicon); err != nil {
			return nil, err
		}
		clf.Overrides = ov
	}
	return clf, nil
}

// warnUnmatchedOverrides warns, on stderr, about every override whose key
// names no record read (such as 1755527 for api:1755527), suggesting the
// ID it may mean, and counts them in the summary (Skipped).
func warnUnmatchedOverrides(e *env, in *inputFlags, file string, ov classify.Overrides, recs []corpus.Record, sum *corpus.Summary) {
	if len(ov) == 0 {
		return
	}
	ids := make(map[string]bool, len(recs))
	bySuffix := map[string][]string{} // "1755527" → ["api:1755527"]
	for i := range recs {
		id := recs[i].ID
		ids[id] = true
		if _, rest, ok := strings.Cut(id, ":"); ok {
			bySuffix[rest] = append(bySuffix[rest], id)
		}
	}
	un := ov.Unmatched(func(id string) bool { return ids[id] })
	if len(un) == 0 {
		return
	}
	sum.Skip("overrides: key matches no record read", len(un))
	if in.quiet {
		return
	}
	for _, o := range un {
		hint := ""
		if m := bySuffix[o.ID]; len(m) > 0 {
			hint = fmt.Sprintf(" (did you mean %s? keys carry the source prefix)", strings.Join(m, " or "))
		}
		fmt.Fprintf(e.stderr, "warning: %s: line %d: override key %q matches no record read%s\n", file, o.Line, o.ID, hint)
	}
}

// analyse reads the inputs and runs the whole analysis, with progress.
// emit, if not nil, is given each answer as it is classified
// (analysis.Config.Emit).
func analyse(e *env, inputs []string, in *inputFlags, cf *classifierFlags, emit func(*analysis.Answer) error) (*analysis.Result, error) {
	clf, err := cf.build()
	if err != nil {
		return nil, err
	}
	// Where each answer is written as it is classified, its text is
	// written aside until then, not kept with the records.
	recs, sum, found, err := readFinding(e, inputs, in, emit != nil)
	if err == nil {
		warnUnmatchedOverrides(e, in, cf.overrides, clf.Overrides, recs, sum)
	}
	printSummary(e, in, sum)
	if err != nil {
		return nil, err
	}
	p := newProgress(e, in.quiet)
	step := 0
	var start stageStart
	res, err := analysis.Run(recs, sum, analysis.Config{Found: found, Classifier: clf, Progress: func(stage string) {
		step++
		p.bar(step, analysis.Stages, fmt.Sprintf("%s (%d records)", stage, len(recs)))
	}, Advance: func(stage string, done, total int) {
		p.within(step, analysis.Stages, stage, done, total, &start)
	}, Emit: emit})
	p.done()
	if res != nil {
		groupingNotes(e, in, recs, len(res.Groups))
	}
	return res, err
}

func runAnalyze(e *env, args []string) error {
	fs := newFlags(e, "analyze", "[--format jsonl|csv|json|parquet] [--overrides FILE] [-o FILE] [INPUT...]",
		`Analyze classifies every answer by the codebook: its stance (disclosed,
partial, declined, referred, holding; unanswered records are marked so), the
refusal grounds it gives, its boilerplate share, the round-robin group it
belongs to, and the evidence for the verdict (sentences with byte offsets and
the cue that fired). JSON output adds the groups, the boilerplate families and
the per-body statistics with 95% Wilson intervals. Parquet output holds the
answers with typed columns, for a million answers and more.`,
		"parlance analyze --format csv --overrides my-verdicts.tsv data/api/list data/api/fulltext")
	var in inputFlags
	in.register(fs)
	var cf classifierFlags
	cf.register(fs)
	format := fs.String("format", "jsonl", "output format: jsonl, csv, json or parquet")
	out := fs.String("o", "-", "output file (- for standard output)")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("format", *format, "jsonl", "csv", "json", "parquet"); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	if *format == "json" {
		// The JSON holds the statistics before the answers, so it is
		// written once the analysis is done.
		res, err := analyse(e, inputs, &in, &cf, nil)
		if err != nil {
			return err
		}
		return withOutput(e, *out, func(w *bufio.Writer) error { return analysis.WriteJSON(w, res) })
	}
	// The tidy exports are one row per answer, so each answer is written as
	// it is classified, and its evidence and texts are not held for the
	// whole corpus. A run that
	// fails before its first answer writes nothing: an AnswerWriter starts
	// its output with the first answer, and a file is replaced only when
	// the run succeeds.
	return withOutput(e, *out, func(w *bufio.Writer) error {
		var aw analysis.AnswerWriter
		switch *format {
		case "csv":
			aw = analysis.NewAnswersCSV(w)
		case "parquet":
			aw = analysis.NewAnswersParquet(w)
		default:
			aw = analysis.NewAnswersJSONL(w)
		}
		_, err := analyse(e, inputs, &in, &cf, func(a *analysis.Answer) error {
			if err := aw.Write(a); err != nil {
				return err
			}
			// Written: nothing reads the texts again.
			a.Record.Question, a.Record.Answer, a.Record.AnswerHTML = "", "", ""
			return nil
		})
		if err != nil {
			return err
		}
		return aw.Close()
	})
}

func writeJSON(w *bufio.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeJSONList writes {key: items} exactly as writeJSON would, but one
// item at a time, so that a list of a million families is never held in
// memory as JSON twice over (encoded, then indented).
func writeJSONList[T any](w *bufio.Writer, key string, items []T) error {
	name, err := json.Marshal(key)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintf(w, "{\n  %s: []\n}\n", name)
		return nil
	}
	fmt.Fprintf(w, "{\n  %s: [\n", name)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i := range items {
		buf.Reset()
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString("    ")
		w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	_, err = w.WriteString("\n  ]\n}\n")
	return err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// groupingNotes tells, on stderr, which records round-robin grouping had
// to pass over and why, and which it could place in time only by their
// answer date; and, when no group was found, says so.
func groupingNotes(e *env, in *inputFlags, recs []corpus.Record, groups int) {
	if in.quiet {
		return
	}
	noAsker, noDate := 0, 0
	for i := range recs {
		switch {
		case recs[i].Asker.Key() == "":
			noAsker++
		case roundrobin.GroupingDate(&recs[i]).IsZero():
			noDate++
		}
	}
	if noAsker > 0 {
		fmt.Fprintf(e.stderr, "note: %d of %d records name no asker (e.g. full texts given without list pages) and cannot join a round robin\n", noAsker, len(recs))
	}
	if noDate > 0 {
		fmt.Fprintf(e.stderr, "note: %d of %d records have neither a tabling nor an answer date and cannot join a round robin\n", noDate, len(recs))
	}
	if n := roundrobin.DatedByAnswer(recs); n > 0 {
		fmt.Fprintf(e.stderr, "note: %d of %d records have no tabling date (the source does not give it: TheyWorkForYou 2009, Parallel Parliament pages); round robins place them by their answer date instead\n", n, len(recs))
	}
	if groups == 0 && len(recs) > 0 {
		fmt.Fprintf(e.stderr, "note: no round robin found: no asker put the same question to %d or more bodies within %d days\n", roundrobin.DefaultMinBodies, roundrobin.DefaultWindowDays)
	}
}
