// Command scale is parlance's scaling benchmark: it times the parlance
// CLI, as a user runs it, on the real data and on inputs of up to a
// million answers resampled from the real full texts, and prints a
// markdown table of time and peak memory against the goals of issue 13,
// with the growth exponent of each command.
//
//	go run ./bench/scale                     # 50k … 1M, one run each (about an hour on 2 cores)
//	go run ./bench/scale -max 250000 -runs 3 # 50k … 250k, minimum / median of three runs
//	go run ./bench/scale -o scale.md         # also write the markdown to a file
//	go run ./bench/scale -rev main           # measure main as committed, not the working tree
//
// It builds the CLI once (go build ./cmd/parlance) and runs each command
// as a child process: wall time from start to exit, CPU time (user +
// system) and peak resident set size from the child's rusage. The fixed
// rows are boilerplate on every real full text, analyze and report on all
// the API data (list and full text), and boilerplate on the first 5,000
// answered full texts beside the scikit-learn TF-IDF baseline
// (tfidf_baseline.py, run with /usr/bin/python3) on the same answers;
// the baseline is skipped with a message when scikit-learn is missing.
// The resampled inputs are described at Resampler; they are written once
// per seed into the work directory as gzipped full-text JSON Lines of
// -chunk records per file, so readers can read files in parallel.
//
// A child still running after -timeout is killed and recorded as stopped
// at that time; the larger sizes of that command are then skipped.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parlance-go/parlance/bench/realtext"
	"github.com/parlance-go/parlance/internal/numfmt"
	"gonum.org/v1/gonum/stat"
)

//go:embed tfidf_baseline.py
var baselineScript []byte

type options struct {
	sizes    []int
	seed     uint64
	runs     int
	timeout  time.Duration
	work     string
	shared   string
	chunk    int
	python   string
	baseN    int
	realN    int // full texts in the shared data, counted by the resampler's reader
	fixed    bool
	scaled   bool
	stages   bool
	out      string
	keep     bool
	rev      string
	progress io.Writer
}

func main() {
	var o options
	sizes := flag.String("sizes", "50000,100000,250000,500000,1000000", "comma-separated numbers of resampled answers")
	maxN := flag.Int("max", 0, "leave out the sizes above this (0: none)")
	flag.Uint64Var(&o.seed, "seed", 20261130, "random seed of the resampling")
	flag.IntVar(&o.runs, "runs", 1, "runs of each case (the table gives minimum / median)")
	flag.DurationVar(&o.timeout, "timeout", 15*time.Minute, "kill a child still running after this long and record it as stopped")
	flag.StringVar(&o.work, "work", "", "directory for the resampled inputs and outputs, kept and reused across runs (default: a temporary one, removed)")
	flag.StringVar(&o.shared, "shared", "", "the shared data directory (default: $PARLANCE_SHARED, else ../shared)")
	flag.IntVar(&o.chunk, "chunk", 50000, "records per resampled file")
	flag.StringVar(&o.python, "python", "/usr/bin/python3", "Python with scikit-learn, for the baseline")
	flag.IntVar(&o.baseN, "baseline-n", 5000, "answers for the boilerplate-against-baseline row")
	flag.BoolVar(&o.fixed, "fixed", true, "run the fixed rows (real data, API data, the baseline)")
	flag.BoolVar(&o.scaled, "scaled", true, "run the resampled sizes")
	flag.BoolVar(&o.stages, "stages", false, "also time analysis stages at each size with bench/pipeline (in-process)")
	flag.StringVar(&o.out, "o", "", "also write the markdown to this file")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary work directory")
	flag.StringVar(&o.rev, "rev", "", "build parlance from this git revision (git archive) instead of the working tree, e.g. main")
	prepareOnly := flag.Bool("prepare", false, "only write the inputs into -work and print their manifest (what the benchmark runs as a child)")
	flag.Parse()
	o.progress = os.Stderr
	for _, f := range strings.Split(*sizes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(strings.ReplaceAll(f, "_", ""))
		if err != nil || n <= 0 {
			fatalf("-sizes: %q is not a positive number", f)
		}
		if *maxN <= 0 || n <= *maxN {
			o.sizes = append(o.sizes, n)
		}
	}
	slices.Sort(o.sizes)
	o.sizes = slices.Compact(o.sizes)
	if o.runs < 1 || o.chunk < 1 {
		fatalf("-runs and -chunk must be at least 1")
	}
	if o.shared == "" {
		o.shared = os.Getenv("PARLANCE_SHARED")
	}
	if o.shared == "" {
		o.shared = filepath.Join("..", "shared")
	}
	if *prepareOnly {
		man, err := prepare(o)
		if err != nil {
			fatalf("%v", err)
		}
		if err := json.NewEncoder(os.Stdout).Encode(man); err != nil {
			fatalf("%v", err)
		}
		return
	}
	md, err := run(o)
	if err != nil {
		fatalf("%v", err)
	}
	fmt.Print(md)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
			fatalf("%v", err)
		}
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "scale: "+format+"\n", args...)
	os.Exit(1)
}

func (o options) logf(format string, args ...any) {
	fmt.Fprintf(o.progress, "%s "+format+"\n", append([]any{time.Now().UTC().Format("15:04:05")}, args...)...)
}

// results holds every case's summary, keyed by name ("boilerplate 50000").
type results map[string]Summary

func run(o options) (string, error) {
	started := time.Now().UTC()
	machine := describeMachine()
	work := o.work
	var err error
	if work == "" {
		d, err := os.MkdirTemp("", "parlance-scale-")
		if err != nil {
			return "", err
		}
		work = d
		if !o.keep {
			defer os.RemoveAll(d)
		}
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return "", err
	}
	fulltext := filepath.Join(o.shared, "data", "api", "fulltext")
	list := filepath.Join(o.shared, "data", "api", "list")
	if work, err = filepath.Abs(work); err != nil {
		return "", err
	}
	// The inputs are made by a child process: a child started by Go
	// inherits its parent's peak RSS as the floor of its own ru_maxrss
	// (it starts in the parent's memory map), so the parent must stay
	// small while the real texts are loaded and resampled elsewhere.
	o.logf("preparing the inputs in %s", work)
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	prep := runChild(0, self, "-prepare", "-work", work, "-shared", o.shared, "-sizes", joinInts(o.sizes),
		"-seed", strconv.FormatUint(o.seed, 10), "-chunk", strconv.Itoa(o.chunk), "-baseline-n", strconv.Itoa(o.baseN),
		"-fixed="+strconv.FormatBool(o.fixed), "-scaled="+strconv.FormatBool(o.scaled))
	if prep.Err != nil {
		return "", prep.Err
	}
	var man manifest
	if err := json.Unmarshal(prep.Stdout, &man); err != nil {
		return "", fmt.Errorf("reading the inputs' manifest: %v", err)
	}
	o.realN, o.baseN = man.RealN, man.BaseN
	o.logf("prepared in %s (peak RSS %s)", secs(prep.Wall), mb(prep.PeakRSS))
	src := "."
	if o.rev != "" {
		// Build the revision as committed, whatever the working tree holds.
		src = filepath.Join(work, "src")
		if err := os.RemoveAll(src); err != nil {
			return "", err
		}
		if err := os.MkdirAll(src, 0o755); err != nil {
			return "", err
		}
		archive := fmt.Sprintf("git archive --format=tar %q | tar -x -C %q", o.rev, src)
		if out, err := exec.Command("sh", "-c", archive).CombinedOutput(); err != nil {
			return "", fmt.Errorf("%s: %v\n%s", archive, err, out)
		}
		machine.Commit = o.rev + " at " + revision(o.rev)
	}
	o.logf("building parlance (%s) in %s", machine.Commit, work)
	parlance := filepath.Join(work, "parlance")
	pipeline := filepath.Join(work, "pipeline")
	builds := [][2]string{{parlance, "./cmd/parlance"}}
	if o.stages {
		builds = append(builds, [2]string{pipeline, "./bench/pipeline"})
	}
	for _, b := range builds {
		cmd := exec.Command("go", "build", "-o", b[0], b[1])
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build %s (in %s, the module root): %v\n%s", b[1], src, err, out)
		}
	}

	type job struct {
		key  string
		name string
		args []string
	}
	var fixed []job
	baselineNote := ""
	if o.fixed {
		first, plain := man.First, man.Plain
		script := filepath.Join(work, "tfidf_baseline.py")
		if err := os.WriteFile(script, baselineScript, 0o644); err != nil {
			return "", err
		}
		fixed = append(fixed, job{"boilerplate first", parlance, []string{"boilerplate", "--quiet", "-o", os.DevNull, first}})
		if out, err := exec.Command(o.python, "-c", "import sklearn, scipy, numpy").CombinedOutput(); err != nil {
			baselineNote = fmt.Sprintf("scikit-learn baseline skipped: %s -c 'import sklearn' failed (%v: %s); on Debian: apt-get install python3-sklearn",
				o.python, err, strings.TrimSpace(lastLine(string(out))))
			o.logf("%s", baselineNote)
		} else {
			fixed = append(fixed, job{"sklearn first", o.python, []string{script, plain}})
		}
		reportDir := filepath.Join(work, "report")
		if err := os.MkdirAll(reportDir, 0o755); err != nil {
			return "", err
		}
		fixed = append(fixed,
			job{"boilerplate real", parlance, []string{"boilerplate", "--quiet", "-o", os.DevNull, fulltext}},
			job{"analyze api", parlance, []string{"analyze", "--quiet", "-o", os.DevNull, list, fulltext}},
			job{"report api", parlance, []string{"report", "--quiet", "-o", filepath.Join(reportDir, "report.html"), list, fulltext}},
		)
	}

	files := man.Files

	res := results{}
	all := map[string][]Measure{}
	// After each case the table so far is written to -o, so a run cut
	// short still leaves what it measured.
	partial := func() {
		if o.out == "" {
			return
		}
		r := results{}
		for k, v := range res {
			r[k] = v
		}
		for k, ms := range all {
			r[k] = summarise(ms)
		}
		md := markdown(o, r, started, machine, baselineNote)
		_ = os.WriteFile(o.out, []byte("(partial: the benchmark is still running or was cut short)\n\n"+md), 0o644)
	}
	stopped := map[string]int{} // command -> smallest size stopped at
	for rn := 1; rn <= o.runs; rn++ {
		for _, j := range fixed {
			o.logf("run %d/%d: %s", rn, o.runs, j.key)
			if ms := all[j.key]; len(ms) > 0 && ms[len(ms)-1].Stopped {
				continue
			}
			m := runChild(o.timeout, j.name, j.args...)
			all[j.key] = append(all[j.key], m)
			o.logMeasure(m)
			partial()
		}
		for _, n := range o.sizes {
			if !o.scaled {
				break
			}
			cmds := []string{"boilerplate", "analyze"}
			if o.stages {
				cmds = append(cmds, "stages")
			}
			for _, c := range cmds {
				key := fmt.Sprintf("%s %d", c, n)
				if s, ok := stopped[c]; ok && s <= n {
					if s < n {
						res[key] = Summary{Skipped: fmt.Sprintf("skipped: stopped at %s answers", numfmt.Thousands(s))}
					}
					continue
				}
				o.logf("run %d/%d: %s", rn, o.runs, key)
				var m Measure
				if c == "stages" {
					m = runChild(o.timeout, pipeline, files[n]...)
				} else {
					m = runChild(o.timeout, parlance, append([]string{c, "--quiet", "-o", os.DevNull}, files[n]...)...)
				}
				all[key] = append(all[key], m)
				o.logMeasure(m)
				partial()
				if m.Stopped {
					stopped[c] = n
				}
			}
		}
	}
	for k, ms := range all {
		res[k] = summarise(ms)
	}
	return markdown(o, res, started, machine, baselineNote), nil
}

func (o options) logMeasure(m Measure) {
	switch {
	case m.Stopped:
		o.logf("  stopped at %s, peak RSS %s", secs(m.Wall), mb(m.PeakRSS))
	case m.Err != nil:
		o.logf("  failed: %v", m.Err)
	default:
		o.logf("  wall %s, CPU %s, peak RSS %s", secs(m.Wall), secs(m.CPU), mb(m.PeakRSS))
	}
}

// manifest says what prepare wrote.
type manifest struct {
	RealN int              // real full texts read
	BaseN int              // answers in the baseline's sample
	First string           // the sample as full-text JSON Lines, for parlance
	Plain string           // the sample as {"id", "text"} lines, for the baseline
	Files map[int][]string // the files of each resampled size
}

// prepare writes the inputs into o.work: the first answers for the
// baseline row (if o.fixed) and the resampled sizes (if o.scaled).
func prepare(o options) (manifest, error) {
	var man manifest
	if o.work == "" {
		return man, fmt.Errorf("-prepare needs -work")
	}
	fulltext := filepath.Join(o.shared, "data", "api", "fulltext")
	base, err := LoadFullTexts(fulltext)
	if err != nil {
		return man, err
	}
	man.RealN = len(base)
	if o.fixed {
		if man.First, man.Plain, man.BaseN, err = writeFirstAnswers(o.work, fulltext, base, o.baseN); err != nil {
			return man, err
		}
	}
	if o.scaled && len(o.sizes) > 0 {
		r, err := NewResampler(base, o.seed)
		if err != nil {
			return man, err
		}
		dir := filepath.Join(o.work, fmt.Sprintf("resampled-seed%d-base%d-chunk%d", o.seed, len(base), o.chunk))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return man, err
		}
		spans, fs := planFiles(dir, o.sizes, o.chunk)
		o.logf("writing %d resampled files (up to %s answers from %s real full texts) in %s",
			len(spans), numfmt.Thousands(o.sizes[len(o.sizes)-1]), numfmt.Thousands(len(base)), dir)
		t0 := time.Now()
		if err := r.writeSpans(spans, runtime.GOMAXPROCS(0)); err != nil {
			return man, err
		}
		o.logf("written in %.1f s", time.Since(t0).Seconds())
		man.Files = fs
	}
	return man, nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// writeFirstAnswers writes the first n answered full texts (corpus.Open's
// order, as bench/realtext reads them) twice: as a full-text file for
// parlance and as JSON Lines of {"id", "text"} (the answer as plain text)
// for the baseline. It returns both paths and how many were written.
func writeFirstAnswers(work, fulltext string, base []FullText, n int) (string, string, int, error) {
	docs, err := realtext.Load(fulltext, n)
	if err != nil {
		return "", "", 0, err
	}
	byID := make(map[string]FullText, len(base))
	for _, ft := range base {
		byID["api:"+strconv.FormatInt(ft.ID, 10)] = ft
	}
	var raw, plain bytes.Buffer
	for _, d := range docs {
		ft, ok := byID[d.ID]
		if !ok {
			return "", "", 0, fmt.Errorf("%s: record %s read by corpus.Open but not by the resampler's reader", fulltext, d.ID)
		}
		if err := encodeLine(&raw, ft); err != nil {
			return "", "", 0, err
		}
		if err := encodeLine(&plain, struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{d.ID, d.Text}); err != nil {
			return "", "", 0, err
		}
	}
	first := filepath.Join(work, fmt.Sprintf("first-%d-fulltext.jsonl", len(docs)))
	text := filepath.Join(work, fmt.Sprintf("first-%d-plain.jsonl", len(docs)))
	if err := os.WriteFile(first, raw.Bytes(), 0o644); err != nil {
		return "", "", 0, err
	}
	if err := os.WriteFile(text, plain.Bytes(), 0o644); err != nil {
		return "", "", 0, err
	}
	return first, text, len(docs), nil
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// machine describes where the benchmark ran.
type machine struct {
	CPUs   int
	Model  string
	Go     string
	Commit string
}

func describeMachine() machine {
	m := machine{CPUs: runtime.NumCPU(), Model: "unknown CPU", Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.Model = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.Go = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	m.Commit = revision("HEAD")
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		m.Commit += " with uncommitted changes"
	}
	return m
}

// revision returns the short commit hash of a git revision, or "" if git
// cannot tell.
func revision(rev string) string {
	out, err := exec.Command("git", "rev-parse", "--short", rev+"^{commit}").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// fit returns the least-squares slope of log y on log n over the points
// with y > 0, and how many there were: y grows like n^slope. NaN for
// fewer than two points.
func fit(ns []int, ys []float64) (float64, int) {
	var lx, ly []float64
	for i, y := range ys {
		if y > 0 {
			lx = append(lx, math.Log(float64(ns[i])))
			ly = append(ly, math.Log(y))
		}
	}
	if len(lx) < 2 {
		return math.NaN(), len(lx)
	}
	_, beta := stat.LinearRegression(lx, ly, nil, false)
	return beta, len(lx)
}

// stageLine matches a line of bench/pipeline's output: "classify   21.69s".
var stageLine = regexp.MustCompile(`^([a-z][a-z -]*?)\s+([0-9]+(?:\.[0-9]+)?)s\b`)

// parseStages returns the stage names and seconds bench/pipeline printed.
func parseStages(out []byte) ([]string, map[string]float64) {
	var names []string
	t := map[string]float64{}
	for _, l := range strings.Split(string(out), "\n") {
		m := stageLine.FindStringSubmatch(l)
		if m == nil || m[1] == "total" {
			continue
		}
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			continue
		}
		if _, dup := t[m[1]]; !dup {
			names = append(names, m[1])
		}
		t[m[1]] += v
	}
	return names, t
}

// encodeLine appends v to w as one line of JSON, with <, > and & as they are.
func encodeLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
