// Lexicon gaps: find the stock refusals your corpus uses that the lexicon
// does not know.
//
// parlance's refusal grounds come from a lexicon of wordings. Departments
// refuse in stock sentences, and stock sentences are exactly what the
// boilerplate stage finds: a family of near-identical sentences used by
// many answers. This program lists the families, used by at least -min
// answers, whose wording reads like a refusal ("not", "unable", "withheld",
// "matter for", "in due course", …) but in which the lexicon finds no
// ground. Read them: those that are refusals are cues to add (with
// classify.ReadLexicon, see examples/custom-lexicon). This is how the
// default lexicon was widened for months and years the labelled answers do
// not cover.
//
//	go run ./examples/lexicon-gaps [-min 3] [-top 40] [INPUT...]
//
// Without inputs it reads the embedded Hikvision sample.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/examples/internal/notebook"
)

func main() {
	min := flag.Int("min", 3, "list families used by at least this many answers")
	top := flag.Int("top", 40, "list at most this many families")
	flag.Parse()
	if err := run(os.Stdout, flag.Args(), classify.DefaultLexicon(), *min, *top); err != nil {
		fmt.Fprintln(os.Stderr, "lexicon-gaps:", err)
		os.Exit(1)
	}
}

// refusalWording is a coarse net for sentences that may state a refusal;
// it only shortlists families for a person to read.
var refusalWording = regexp.MustCompile(`(?i)\b(not|unable|cannot|withh\w*|disclos\w*|comment\w*|responsib\w*|matter for|due course|disproportionate|confidential\w*|sensitiv\w*|privileg\w*|identif\w*|devolved)\b`)

// gaps returns the families used by at least min answers whose example
// reads like a refusal but in which c finds no ground, most used first.
func gaps(fams []boilerplate.Family, c *classify.Classifier, min int) []boilerplate.Family {
	var out []boilerplate.Family
	for _, f := range fams {
		if f.Answers < min || !refusalWording.MatchString(f.Example) {
			continue
		}
		if len(c.Grounds(f.Example)) == 0 {
			out = append(out, f)
		}
	}
	return out
}

func run(w io.Writer, inputs []string, lex classify.Lexicon, min, top int) error {
	records, sum, err := notebook.ReadSample()
	if len(inputs) > 0 {
		records, sum, err = notebook.ReadAll(inputs...)
	}
	if err != nil {
		return err
	}
	c := &classify.Classifier{Lexicon: lex}
	res, err := analysis.Run(records, sum, analysis.Config{Classifier: c})
	if err != nil {
		return err
	}
	used := 0
	for _, f := range res.Families {
		if f.Answers >= min {
			used++
		}
	}
	notebook.Step(w, 1, "read %d records; %d boilerplate families are used by %d or more answers", len(records), used, min)

	found := gaps(res.Families, c, min)
	notebook.Step(w, 2, "%d of them read like refusals but no cue of the lexicon (%d cues) matches", len(found), len(lex.Cues))
	var rows [][]string
	for i, f := range found {
		if i == top {
			break
		}
		rows = append(rows, []string{strconv.Itoa(f.Answers), strconv.Itoa(len(f.Bodies)), notebook.Clip(f.Example, 160)})
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "  (none)")
	} else {
		notebook.Table(w, []string{"answers", "bodies", "example"}, rows)
	}
	notebook.Step(w, 3, "those that are refusals are cues to add: a line 'ground<TAB>pattern' in a lexicon file (see examples/custom-lexicon)")
	return nil
}
