// Command pipeline times each stage of analysis.Run on real inputs and
// prints the time and the peak memory, for the README's speed table.
//
//	go run ./bench/pipeline ../shared/data/api/fulltext
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
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
	recs, sum, err := corpus.ReadAll(flag.Args(), corpus.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%-12s %8.2fs  %d records\n", "read", time.Since(start).Seconds(), len(recs))
	last, stage := time.Now(), ""
	res, err := analysis.Run(recs, sum, analysis.Config{Progress: func(s string) {
		if stage != "" {
			fmt.Printf("%-12s %8.2fs\n", stage, time.Since(last).Seconds())
		}
		stage, last = s, time.Now()
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%-12s %8.2fs\n", stage, time.Since(last).Seconds())
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
