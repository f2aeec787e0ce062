// Command boilerplate runs boilerplate.Find on N answers, real (the shared
// corpus's full texts) or synthetic (bench/synth), and prints the time, the
// peak resident memory and what was found.
//
//	go run ./bench/boilerplate -n 5000                    # real answers
//	go run ./bench/boilerplate -synth -n 1000000          # synthetic, seeded with 3,000 real sentences
//
// Time covers segmentation and Find, not reading the files (or generating
// the synthetic corpus). Peak RSS is the process's VmHWM, reset after
// loading, so it is Find's peak plus the loaded texts it works on; CPU is
// user+system time of the process during Find.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/bench/realtext"
	"github.com/parlance-go/parlance/bench/synth"
)

func main() {
	n := flag.Int("n", 0, "answers to use (0: all real ones; synthetic: 10,000)")
	synthetic := flag.Bool("synth", false, "generate a synthetic corpus (bench/synth) of -n answers")
	seeds := flag.Int("seeds", 3000, "synthetic: real sentences sampled from -dir as family seeds (0: built-in stock sentences)")
	dir := flag.String("dir", "", "full-text directory (default: the shared corpus's data/api/fulltext)")
	show := flag.Int("show", 0, "print the top families")
	grep := flag.String("grep", "", "print the families whose canonical sentence contains this (lower case)")
	threshold := flag.Float64("t", 0, "Config.Threshold (0: default)")
	shingle := flag.Int("k", 0, "Config.ShingleSize (0: default)")
	memprofile := flag.String("memprofile", "", "write a heap profile taken near Find's peak heap to this file")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of Find to this file")
	flag.Parse()

	if *dir == "" {
		*dir = realtext.SharedDir()
	}
	var docs []boilerplate.Doc
	var err error
	if *synthetic {
		docs, err = synthDocs(*dir, *n, *seeds)
	} else {
		docs, err = realtext.Load(*dir, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Measure Find's peak, not the reader's: return freed memory to the
	// OS and reset the kernel's peak-RSS mark (VmHWM) before starting.
	debug.FreeOSMemory()
	resetPeakRSS()
	rss0 := procStatus("VmRSS:")

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		defer watchPeakHeap(*memprofile)()
	}
	cpu0 := cpuTime()
	t0 := time.Now()
	res := boilerplate.Find(docs, boilerplate.Config{Threshold: *threshold, ShingleSize: *shingle})
	el := time.Since(t0)
	st := res.Stats
	fmt.Printf("answers %d  sentences %d  short %d  unique %d  same-shingles %d  candidates %d  edges %d  capped %d  components %d  families %d\n",
		st.Docs, st.Sentences, st.Short, st.Unique, st.SameShingles, st.Candidates, st.Edges, st.CappedBuckets, st.Components, st.Families)
	fmt.Printf("time %.3fs  cpu %.3fs  peak RSS %s (RSS before Find %s)  GOMAXPROCS %d  load %s\n", el.Seconds(), cpuTime()-cpu0, procStatus("VmHWM:"), rss0, runtime.GOMAXPROCS(0), loadAvg())
	for _, f := range res.Families {
		if f.ID <= *show || *grep != "" && strings.Contains(f.Canonical, *grep) {
			fmt.Printf("#%d answers %d texts %d variants %d bodies %d: %s\n", f.ID, f.Answers, f.Texts, len(f.Variants), len(f.Bodies), f.Canonical)
		}
	}
}

// resetPeakRSS resets VmHWM to the current RSS (Linux: writing 5 to
// /proc/self/clear_refs); where that fails the peak includes loading.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// procStatus reads a field of /proc/self/status, such as the peak
// resident set size "VmHWM:".
func procStatus(field string) string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// cpuTime returns the process's user+system CPU seconds so far: on a
// shared machine wall time varies with other load, CPU time much less.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// loadAvg returns the one-minute load average, to judge wall times by.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}

// synthDocs generates n synthetic answers whose families are seeded with
// k real sentences sampled (fixed seed) from the full texts in dir.
func synthDocs(dir string, n, k int) ([]boilerplate.Doc, error) {
	var seeds []string
	if k > 0 {
		real, err := realtext.Load(dir, 0)
		if err != nil {
			return nil, err
		}
		seeds = realtext.SampleSentences(real, k, 1)
	}
	g := synth.New(synth.Config{N: n}, seeds)
	docs := make([]boilerplate.Doc, 0, max(n, 0))
	for {
		d, ok := g.Next()
		if !ok {
			return docs, nil
		}
		docs = append(docs, d)
	}
}

// watchPeakHeap samples the heap every 200 ms and writes a heap profile
// whenever it is larger than at any earlier sample; the returned function
// stops it.
func watchPeakHeap(path string) func() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var peak uint64
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak+peak/10 {
				peak = ms.HeapInuse
				if f, err := os.Create(path); err == nil {
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
		}
	}()
	return func() { close(done); <-stopped }
}
