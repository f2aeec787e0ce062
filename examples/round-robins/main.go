// Round robins: the same question to many departments, in a month of data.
//
// Members often table one question to every department at once ("how many
// staff in your Department …"). Such round robins are natural experiments:
// the question is held constant, so differences in the answers are
// differences between departments. This program reads one month of the
// Written Questions API, finds the round robins, and asks how consistently
// each department answers them.
//
//	go run ./examples/round-robins [-o round-robins.html] [DATA_DIR [YYYY-MM]]
//
// DATA_DIR is parlance's shared data directory (with api/list and
// api/fulltext); without it, $PARLANCE_DATA, else ../shared/data.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/examples/internal/notebook"
	"github.com/parlance-go/parlance/report"
)

func main() {
	out := flag.String("o", "round-robins.html", "where to write the report (empty: none)")
	flag.Parse()
	if err := run(os.Stdout, flag.Args(), *out); err != nil {
		fmt.Fprintln(os.Stderr, "round-robins:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, args []string, reportPath string) error {
	dir, err := notebook.DataDir(args, filepath.Join("api", "list"))
	if err != nil {
		return err
	}
	month := "2025-01"
	if len(args) > 1 {
		month = args[1]
	}

	// Step 1. Read the month's list page and the full texts. The list
	// endpoint clips answers at 255 characters; the full-text files hydrate
	// the records they match. Full texts that match no record of this month
	// are records of other months: we keep only this month's.
	list := filepath.Join(dir, "api", "list", month+".json.gz")
	all, sum, err := notebook.ReadAll(list, filepath.Join(dir, "api", "fulltext"))
	if err != nil {
		return err
	}
	var records []corpus.Record
	for _, r := range all {
		if !r.DateTabled.IsZero() {
			records = append(records, r)
		}
	}
	answered, truncated := 0, 0
	for _, r := range records {
		if r.Answer != "" {
			answered++
			if r.Truncated {
				truncated++
			}
		}
	}
	notebook.Step(w, 1, "read %d questions tabled in %s: %d answered, %d of them hydrated from full texts, %d still clipped",
		len(records), month, answered, sum.Hydrated, truncated)

	// Step 2. Analyse. Round robins are found from the questions alone;
	// stances from the answers.
	res, err := analysis.Run(records, sum, analysis.Config{})
	if err != nil {
		return err
	}
	notebook.Step(w, 2, "found %d round-robin groups; the largest:", len(res.Groups))
	var rows [][]string
	for i, g := range res.Groups {
		if i == 8 {
			break
		}
		rows = append(rows, []string{g.ID, strconv.Itoa(g.Bodies()), g.First.Format(corpus.DateLayout), notebook.Clip(g.Canonical, 70)})
	}
	notebook.Table(w, []string{"group", "bodies", "tabled", "question (neutralised)"}, rows)

	// Step 3. Within each group, did every body answer the same way?
	byID := map[string][]*analysis.Answer{}
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Group != "" && a.Verdict.Stance != classify.Unanswered {
			byID[a.Group] = append(byID[a.Group], a)
		}
	}
	unanimous, split := 0, 0
	for _, as := range byID {
		if len(as) < 2 {
			continue
		}
		same := true
		for _, a := range as[1:] {
			if a.Verdict.Stance != as[0].Verdict.Stance {
				same = false
			}
		}
		if same {
			unanimous++
		} else {
			split++
		}
	}
	notebook.Step(w, 3, "of the groups with at least two answers, %d got one stance from every body and %d were split", unanimous, split)

	// Step 4. How each department answers round robins: its stances in
	// groups, against its stances overall.
	type tally struct{ n, declined, disclosed int }
	inGroups := map[string]*tally{}
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Group == "" || a.Verdict.Stance == classify.Unanswered {
			continue
		}
		t := inGroups[a.Record.Department]
		if t == nil {
			t = &tally{}
			inGroups[a.Record.Department] = t
		}
		t.n++
		switch a.Verdict.Stance {
		case classify.Declined:
			t.declined++
		case classify.Disclosed:
			t.disclosed++
		}
	}
	bodies := make([]string, 0, len(inGroups))
	for b := range inGroups {
		bodies = append(bodies, b)
	}
	sort.Slice(bodies, func(i, j int) bool {
		if inGroups[bodies[i]].n != inGroups[bodies[j]].n {
			return inGroups[bodies[i]].n > inGroups[bodies[j]].n
		}
		return bodies[i] < bodies[j]
	})
	overall := map[string]analysis.BodyStats{}
	for _, b := range res.Bodies {
		overall[b.Body] = b
	}
	rows = rows[:0]
	for _, b := range bodies {
		t := inGroups[b]
		o := overall[b]
		rows = append(rows, []string{b, strconv.Itoa(t.n),
			notebook.Pct(float64(t.disclosed) / float64(t.n)), notebook.Pct(float64(t.declined) / float64(t.n)),
			notebook.Pct(o.Stances[classify.Declined].Share)})
	}
	notebook.Step(w, 4, "each department's answers to round robins (few answers make wide intervals: see the report)")
	notebook.Table(w, []string{"department", "answers in groups", "disclosed", "declined", "declined overall"}, rows)

	if reportPath == "" {
		return nil
	}
	if err := report.Write(reportPath, res, report.Options{Title: "Round robins in " + month}); err != nil {
		return err
	}
	notebook.Step(w, 5, "wrote %s", reportPath)
	return nil
}
