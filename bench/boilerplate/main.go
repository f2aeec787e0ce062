// Command boilerplate runs boilerplate.Find on N answers, real (the shared
// corpus's full texts) or synthetic (bench/synth), and prints the time, the
// peak resident memory and what was found.
//
//	go run ./bench/boilerplate -n 5000                    # real answers
//	go run ./bench/boilerplate -synth -n 1000000          # synthetic
//
// Time covers segmentation and Find, not reading the files (or generating
// the synthetic corpus); peak RSS is the process's VmHWM, which includes
// the loaded texts.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/bench/realtext"
)

func main() {
	n := flag.Int("n", 0, "answers to use (0: all)")
	dir := flag.String("dir", "", "full-text directory (default: the shared corpus's data/api/fulltext)")
	show := flag.Int("show", 0, "print the top families")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of Find to this file")
	flag.Parse()

	if *dir == "" {
		*dir = sharedFulltext()
	}
	as, err := realtext.Load(*dir, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	docs := make([]boilerplate.Doc, len(as))
	for i, a := range as {
		docs[i] = boilerplate.Doc{ID: a.ID, Body: a.Body, Text: a.Text}
	}
	as = nil
	runtime.GC()

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	res := boilerplate.Find(docs, boilerplate.Config{})
	el := time.Since(t0)
	st := res.Stats
	fmt.Printf("answers %d  sentences %d  short %d  unique %d  same-shingles %d  candidates %d  edges %d  capped %d  components %d  families %d\n",
		st.Docs, st.Sentences, st.Short, st.Unique, st.SameShingles, st.Candidates, st.Edges, st.CappedBuckets, st.Components, st.Families)
	fmt.Printf("time %.3fs  peak RSS %s  GOMAXPROCS %d\n", el.Seconds(), peakRSS(), runtime.GOMAXPROCS(0))
	for _, f := range res.Families[:min(*show, len(res.Families))] {
		fmt.Printf("#%d answers %d texts %d variants %d bodies %d: %s\n", f.ID, f.Answers, f.Texts, len(f.Variants), len(f.Bodies), f.Canonical)
	}
}

func sharedFulltext() string {
	if d := os.Getenv("PARLANCE_SHARED"); d != "" {
		return d + "/data/api/fulltext"
	}
	return "../shared/data/api/fulltext"
}

// peakRSS reads the process's peak resident set size from /proc.
func peakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
