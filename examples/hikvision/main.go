// Hikvision: who disclosed, who declined, and which sentence they shared.
//
// In July 2023 Tanmanjeet Singh Dhesi MP asked six departments the same
// question: had they bought cameras made by Hikvision or Dahua, two Chinese
// firms whose equipment the government had just ordered off sensitive sites?
// The answers, saved from Parallel Parliament, are parlance's embedded
// sample. This program reads them top to bottom like a notebook: each step
// prints what it found, and the last writes a report.
//
//	go run ./examples/hikvision [-o hikvision.html]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/report"
)

func main() {
	out := flag.String("o", "hikvision.html", "where to write the report")
	flag.Parse()
	if err := run(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, "hikvision:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, reportPath string) error {
	// Step 1. Read the sample. corpus.OpenSample streams the embedded page;
	// the summary accounts for everything on it that is not a written
	// question (the page chrome, a Select Committee item).
	stream, err := corpus.OpenSample(corpus.Options{})
	if err != nil {
		return err
	}
	var records []corpus.Record
	for {
		rec, err := stream.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		records = append(records, *rec)
	}
	stream.Close()
	sum := stream.Summary()
	fmt.Fprintf(w, "Step 1: read %d written questions\n", len(records))
	for _, reason := range sortedKeys(sum.Skipped) {
		fmt.Fprintf(w, "  skipped %d: %s\n", sum.Skipped[reason], reason)
	}

	// Step 2. Analyse: boilerplate families, round-robin groups, and a
	// verdict for every answer, with the evidence for it.
	res, err := analysis.Run(records, sum, analysis.Config{})
	if err != nil {
		return err
	}

	// Step 3. The round robin: the same question to many departments.
	fmt.Fprintf(w, "\nStep 2: %d round-robin group(s)\n", len(res.Groups))
	for _, g := range res.Groups {
		fmt.Fprintf(w, "  %s: %d bodies, tabled %s to %s\n  %q\n", g.ID, g.Bodies(),
			g.First.Format(corpus.DateLayout), g.Last.Format(corpus.DateLayout), g.Canonical)
	}

	// Step 4. Who disclosed and who declined, and on what grounds.
	fmt.Fprintf(w, "\nStep 3: the verdicts\n")
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  department\tdate\tgroup\tstance\tgrounds\t")
	for _, a := range res.Answers {
		var grounds []string
		for _, g := range a.Verdict.Grounds {
			grounds = append(grounds, string(g))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t\n", a.Record.Department, a.Record.DateTabled.Format(corpus.DateLayout),
			orDash(a.Group), a.Verdict.Stance, orDash(strings.Join(grounds, ", ")))
	}
	tw.Flush()

	// Step 5. The sentence they shared: the most used boilerplate family.
	fmt.Fprintf(w, "\nStep 4: %d boilerplate families\n", len(res.Families))
	for i, f := range res.Families {
		if i == 3 {
			break
		}
		var bodies []string
		for _, b := range f.Bodies {
			bodies = append(bodies, b.Body)
		}
		fmt.Fprintf(w, "  #%d used in %d answers by %d bodies: %q\n    %s\n", f.ID, f.Answers, len(f.Bodies), f.Canonical, strings.Join(bodies, "; "))
	}

	// Step 6. The report: charts, the answers side by side with the shared
	// sentences highlighted, and the methods.
	if reportPath == "" {
		return nil
	}
	if err := report.Write(reportPath, res, report.Options{Title: "Hikvision and Dahua: who disclosed, who declined"}); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nStep 5: wrote %s\n", reportPath)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
