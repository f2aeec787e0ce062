// Command pipeline times each stage of analysis.Run on real inputs and
// prints the time and the peak memory, for the README's speed table.
//
//	go run ./bench/pipeline ../shared/data/api/fulltext
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/report"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	limit := flag.Int("limit", 0, "analyse only the first N records read (0: all)")
	reportTo := flag.String("report", "", "after the analysis, write the HTML report (no ECharts inlined) and its tables to this file, and time it")
	until := flag.String("until", "", "stop when this stage (segment, boilerplate, groups, classify, statistics) starts, to measure the stages before it alone")
	heapprofile := flag.String("heapprofile", "", "write a heap profile (live objects, after a collection) as each stage starts and at the end, to this name with .<stage> appended")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: pipeline [-cpuprofile FILE] INPUT...")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	recs, sum, err := readAll(flag.Args(), *limit)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%-12s %8.2fs  %d records  %s\n", "read", time.Since(start).Seconds(), len(recs), rss())
	last, stage := time.Now(), ""
	res, err := analysis.Run(recs, sum, analysis.Config{Progress: func(s string) {
		if stage != "" {
			fmt.Printf("%-12s %8.2fs  %s\n", stage, time.Since(last).Seconds(), rss())
		}
		heapProfile(*heapprofile, s)
		if s == *until {
			fmt.Printf("stopped before %s after %.2fs  %s\n", s, time.Since(start).Seconds(), rss())
			pprof.StopCPUProfile() // os.Exit skips the deferred stop
			os.Exit(0)
		}
		stage, last = s, time.Now()
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%-12s %8.2fs  %s\n", stage, time.Since(last).Seconds(), rss())
	heapProfile(*heapprofile, "end")
	if *reportTo != "" {
		t := time.Now()
		if err := report.Write(*reportTo, res, report.Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%-12s %8.2fs  %s\n", "report", time.Since(t).Seconds(), rss())
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("total %.2fs; %d groups, %d families; Go heap peak ~%d MB (Sys)\n",
		time.Since(start).Seconds(), len(res.Groups), len(res.Families), ms.Sys>>20)
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range splitLines(string(b)) {
			if len(l) > 6 && l[:6] == "VmHWM:" {
				fmt.Println("peak RSS", l[6:])
			}
		}
	}
}

// rss reads the resident set size now (VmRSS) and its peak so far (VmHWM).
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var now, peak string
	for _, l := range splitLines(string(b)) {
		switch {
		case len(l) > 6 && l[:6] == "VmRSS:":
			now = strings.TrimSpace(l[6:])
		case len(l) > 6 && l[:6] == "VmHWM:":
			peak = strings.TrimSpace(l[6:])
		}
	}
	return "RSS " + now + ", peak " + peak
}

// heapProfile writes the live heap, after a collection, to prefix.stage;
// nothing when prefix is "".
func heapProfile(prefix, stage string) {
	if prefix == "" {
		return
	}
	runtime.GC()
	f, err := os.Create(prefix + "." + stage)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// readAll reads the records of inputs (the first limit, if limit > 0) as
// parlance's commands do: one at a time, each record's AnswerHTML dropped
// as it is kept, since nothing after reading uses it.
func readAll(inputs []string, limit int) ([]corpus.Record, *corpus.Summary, error) {
	s, err := corpus.Open(inputs, corpus.Options{})
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	var recs []corpus.Record
	for limit <= 0 || len(recs) < limit {
		r, err := s.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if recs == nil {
			recs = make([]corpus.Record, 0, 1+s.Pending())
		}
		recs = append(recs, *r)
		recs[len(recs)-1].AnswerHTML = ""
	}
	return recs, s.Summary(), nil
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}
