// Custom lexicon: a researcher adds a refusal ground of their own and
// overrides a verdict.
//
// parlance's default lexicon implements the codebook's nine grounds. Your
// study may need another. Here a researcher of procurement transparency
// wants to know which answers send the asker to Contracts Finder, the
// government's register of contracts, instead of answering: a ground we
// call "published-elsewhere". They also disagree with one verdict after
// reading the answer, and record their own, with a note, as an override.
// Overrides win over the classifier and are marked in every output.
//
//	go run ./examples/custom-lexicon [-o custom-lexicon.html]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/examples/internal/notebook"
	"github.com/parlance-go/parlance/report"
)

func main() {
	out := flag.String("o", "custom-lexicon.html", "where to write the report (empty: none)")
	flag.Parse()
	if err := run(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, "custom-lexicon:", err)
		os.Exit(1)
	}
}

// A lexicon file has one cue a line: ground, a regular expression matched
// case-insensitively against each sentence, and optionally a weight.
const myLexicon = `# ground	pattern	weight
published-elsewhere	published on Contracts Finder|Contracts Finder \(https?://	0.9
`

// An overrides file has the layout of parlance's label files: record ID,
// stance, grounds ("-" for none) and a note. The ID is the record's
// deterministic ID, printed in step 2.
const myOverridesTemplate = `# id	stance	grounds	note
%s	declined	national-security	Our reading: "not contracted directly" leaves indirect purchases unanswered.
`

func run(w io.Writer, reportPath string) error {
	records, sum, err := notebook.ReadSample()
	if err != nil {
		return err
	}

	// Step 1. The default classifier, for comparison.
	before, err := analysis.Run(records, sum, analysis.Config{})
	if err != nil {
		return err
	}
	notebook.Step(w, 1, "the default lexicon has %d cues; verdicts with it:", len(classify.DefaultLexicon().Cues))
	printVerdicts(w, before)

	// Step 2. Add our ground to the default lexicon. ReadLexicon checks every
	// pattern and names the line of a bad one.
	extra, err := classify.ReadLexicon(strings.NewReader(myLexicon), "my-lexicon.tsv")
	if err != nil {
		return err
	}
	lex := classify.DefaultLexicon()
	lex.Cues = append(lex.Cues, extra.Cues...)

	// Step 3. Our override of the Department for Work and Pensions' answer.
	var dwp string
	for _, a := range before.Answers {
		if a.Record.Department == "Department for Work and Pensions" {
			dwp = a.Record.ID
		}
	}
	if dwp == "" {
		return fmt.Errorf("the sample has no Department for Work and Pensions answer")
	}
	overrides, err := classify.ReadOverrides(strings.NewReader(fmt.Sprintf(myOverridesTemplate, dwp)), "my-overrides.tsv")
	if err != nil {
		return err
	}

	// Step 4. Run again with both. The new ground shows up beside the
	// codebook's, and the overridden verdict is marked.
	after, err := analysis.Run(records, sum, analysis.Config{Classifier: &classify.Classifier{Lexicon: lex, Overrides: overrides}})
	if err != nil {
		return err
	}
	notebook.Step(w, 2, "with the ground %q and one override:", extra.Cues[0].Ground)
	printVerdicts(w, after)

	// Step 5. Which answers point to Contracts Finder, and the evidence.
	notebook.Step(w, 3, "the evidence for %q:", extra.Cues[0].Ground)
	for _, a := range after.Answers {
		for _, ev := range a.Verdict.Evidence {
			if strings.HasPrefix(ev.Cue, "ground:"+string(extra.Cues[0].Ground)) {
				fmt.Fprintf(w, "  %s [%d:%d] %q\n", a.Record.Department, ev.Start, ev.End, ev.Text)
			}
		}
	}

	if reportPath == "" {
		return nil
	}
	if err := report.Write(reportPath, after, report.Options{Title: "Hikvision, with a custom ground"}); err != nil {
		return err
	}
	notebook.Step(w, 4, "wrote %s", reportPath)
	return nil
}

func printVerdicts(w io.Writer, res *analysis.Result) {
	var rows [][]string
	for _, a := range res.Answers {
		var g []string
		for _, x := range a.Verdict.Grounds {
			g = append(g, string(x))
		}
		mark := ""
		if a.Verdict.Overridden {
			mark = "overridden"
		}
		rows = append(rows, []string{a.Record.Department, a.Record.DateTabled.Format(corpus.DateLayout),
			string(a.Verdict.Stance), strings.Join(g, ", "), mark})
	}
	notebook.Table(w, []string{"department", "date", "stance", "grounds", ""}, rows)
}
