// Then and now: how refusals and boilerplate changed between 2009 and the
// 2020s.
//
// TheyWorkForYou's archive holds the Commons written answers of 26–29
// October 2009; the Written Questions API holds those of 2023–26. Are
// departments declining more often, on other grounds, in more stock
// wording? This program analyses each era separately, compares them, and
// writes one report over both.
//
//	go run ./examples/then-and-now [-o then-and-now.html] [-api-months GLOB] [DATA_DIR]
//
// DATA_DIR is parlance's shared data directory (twfy/wrans, api/list,
// api/fulltext); without it, $PARLANCE_DATA, else ../shared/data.
//
// Caveat, printed again below: four days of 2009 against three years of
// the 2020s is a small sample of the past, and the mix of questions differs
// between eras. Read differences as leads to check, not as findings.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/examples/internal/notebook"
	"github.com/parlance-go/parlance/report"
)

func main() {
	out := flag.String("o", "then-and-now.html", "where to write the report (empty: none)")
	months := flag.String("api-months", "202[456]-*", "glob of the API months to read (file names without extension)")
	flag.Parse()
	if err := run(os.Stdout, flag.Args(), *months, *out); err != nil {
		fmt.Fprintln(os.Stderr, "then-and-now:", err)
		os.Exit(1)
	}
}

// era is one corpus and its analysis.
type era struct {
	name    string
	records []corpus.Record
	res     *analysis.Result
}

func run(w io.Writer, args []string, months, reportPath string) error {
	dir, err := notebook.DataDir(args, filepath.Join("twfy", "wrans"))
	if err != nil {
		return err
	}

	// Step 1. Read both eras. For TheyWorkForYou, parlance keeps only the
	// last scrape of each day. For the API we read full texts only (the
	// list pages clip answers at 255 characters, which would hide refusals
	// at the end of an answer); list pages of the same months add dates
	// and members where they match.
	then, thenSum, err := notebook.ReadAll(filepath.Join(dir, "twfy", "wrans"))
	if err != nil {
		return err
	}
	now, nowSum, err := notebook.ReadAll(
		filepath.Join(dir, "api", "fulltext", months+".jsonl.gz"),
		filepath.Join(dir, "api", "list", months+".json.gz"))
	if err != nil {
		return err
	}
	before := len(now)
	now = keepFullAnswers(now)
	// The summary must still account for every record read.
	nowSum.Skip("then-and-now: unanswered or clipped API records left out", before-len(now))
	notebook.Step(w, 1, "read %d answers of 2009 (TheyWorkForYou) and %d full-text answers of the 2020s (API)", len(then), len(now))

	// Step 2. Analyse each era on its own: boilerplate is what an era's
	// departments reuse, so families are found within an era.
	eras := []*era{{name: "2009", records: then}, {name: "2020s", records: now}}
	for i, sum := range []*corpus.Summary{thenSum, nowSum} {
		if eras[i].res, err = analysis.Run(eras[i].records, sum, analysis.Config{}); err != nil {
			return err
		}
	}

	// Step 3. Stances, with 95% Wilson intervals.
	notebook.Step(w, 2, "stances by era (share of answers, 95%% interval)")
	var rows [][]string
	for _, s := range classify.Stances {
		row := []string{string(s)}
		for _, e := range eras {
			k, n := countStance(e.res, s)
			p := stats.Wilson(k, n)
			row = append(row, fmt.Sprintf("%s (%s–%s)", notebook.Pct(p.Share), notebook.Pct(p.Low), notebook.Pct(p.High)))
		}
		rows = append(rows, row)
	}
	notebook.Table(w, []string{"stance", eras[0].name, eras[1].name}, rows)

	// Step 4. Grounds: the share of answers citing each.
	notebook.Step(w, 3, "refusal grounds by era (share of answers citing the ground)")
	rows = rows[:0]
	for _, g := range classify.Grounds {
		row := []string{string(g)}
		for _, e := range eras {
			k, n := countGround(e.res, g)
			row = append(row, notebook.Pct(stats.Wilson(k, n).Share))
		}
		rows = append(rows, row)
	}
	notebook.Table(w, []string{"ground", eras[0].name, eras[1].name}, rows)

	// Step 5. Boilerplate: how much of an answer is stock wording, and the
	// most used stock sentence of each era.
	notebook.Step(w, 4, "boilerplate by era")
	rows = rows[:0]
	for _, e := range eras {
		top := ""
		if len(e.res.Families) > 0 {
			f := e.res.Families[0]
			top = fmt.Sprintf("%q (%d answers)", notebook.Clip(f.Canonical, 80), f.Answers)
		}
		rows = append(rows, []string{e.name, strconv.Itoa(len(e.res.Families)), notebook.Pct(meanShare(e.res)), top})
	}
	notebook.Table(w, []string{"era", "families", "mean boilerplate share", "most used"}, rows)
	fmt.Fprintln(w, "\n  Caveat: four days of 2009 against years of the 2020s, with different mixes of questions.")

	// Step 6. One report over both eras: its stance-over-time chart shows
	// them side by side.
	if reportPath == "" {
		return nil
	}
	both := append(append([]corpus.Record{}, then...), now...)
	sum := &corpus.Summary{}
	sum.Merge(thenSum)
	sum.Merge(nowSum)
	res, err := analysis.Run(both, sum, analysis.Config{})
	if err != nil {
		return err
	}
	if err := report.Write(reportPath, res, report.Options{Title: "Then and now: 2009 and the 2020s"}); err != nil {
		return err
	}
	notebook.Step(w, 5, "wrote %s", reportPath)
	return nil
}

// keepFullAnswers keeps the answered records whose text is complete.
func keepFullAnswers(recs []corpus.Record) []corpus.Record {
	out := recs[:0]
	for _, r := range recs {
		if r.Answer != "" && !r.Truncated {
			out = append(out, r)
		}
	}
	return out
}

func countStance(res *analysis.Result, s classify.Stance) (k, n int) {
	for _, a := range res.Answers {
		if a.Verdict.Stance == classify.Unanswered {
			continue
		}
		n++
		if a.Verdict.Stance == s {
			k++
		}
	}
	return k, n
}

func countGround(res *analysis.Result, g classify.Ground) (k, n int) {
	for _, a := range res.Answers {
		if a.Verdict.Stance == classify.Unanswered {
			continue
		}
		n++
		for _, x := range a.Verdict.Grounds {
			if x == g {
				k++
				break
			}
		}
	}
	return k, n
}

func meanShare(res *analysis.Result) float64 {
	sum, n := 0.0, 0
	for _, a := range res.Answers {
		if a.Verdict.Stance == classify.Unanswered {
			continue
		}
		sum += a.BoilerplateShare
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
