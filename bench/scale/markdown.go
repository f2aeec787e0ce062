package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/parlance-go/parlance/internal/numfmt"
)

// goal is a row of issue 13's table: the case it is about and its bounds
// (0: no bound). A goal is met when the median wall time and the largest
// peak RSS of the runs are within the bounds.
type goal struct {
	work    string
	key     string
	wall    time.Duration
	rss     int64
	text    string
	ratioOf string // for the baseline row: the case it is a ratio against
	ratio   float64
}

func markdown(o options, res results, started time.Time, m machine, baselineNote string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	runs := "one run of each case"
	if o.runs > 1 {
		runs = fmt.Sprintf("%d runs of each case, times as minimum / median", o.runs)
	}
	p("Scaling benchmark, %s; %d CPUs (%s), %s; parlance %s; %s; load average %s at the end.\n\n",
		started.Format("2006-01-02 15:04 UTC"), m.CPUs, m.Model, m.Go, orUnknown(m.Commit), runs, loadAvg())

	// sizeIn is the first size in [lo, hi), "" if none: a row about ~500k
	// answers must not report the million when 500k was not run.
	sizeIn := func(lo, hi int) string {
		for _, n := range o.sizes {
			if n >= lo && n < hi {
				return fmt.Sprintf("%d", n)
			}
		}
		return ""
	}
	n1M, n500k := sizeIn(900_000, math.MaxInt), sizeIn(450_000, 900_000)
	goals := []goal{
		{work: fmt.Sprintf("`boilerplate`, %s answers, against the scikit-learn TF-IDF baseline in the same run", numfmt.Thousands(o.baseN)),
			key: "boilerplate first", ratioOf: "sklearn first", ratio: 100, text: "≥ 100×"},
		{work: fmt.Sprintf("`boilerplate`, all %s real full texts", numfmt.Thousands(o.realN)), key: "boilerplate real", wall: 3 * time.Second, rss: 500e6, text: "< 3 s wall, < 500 MB"},
		{work: "`boilerplate`, ~1M answers (resampled)", key: "boilerplate " + n1M, wall: 60 * time.Second, rss: 3e9, text: "< 60 s, < 3 GB"},
		{work: "`analyze`, all API data (list and full text)", key: "analyze api", wall: 15 * time.Second, rss: 1e9, text: "< 15 s wall, < 1 GB"},
		{work: "`analyze`, ~500k answers (resampled)", key: "analyze " + n500k, text: "—"},
		{work: "`analyze`, ~1M answers (resampled)", key: "analyze " + n1M, wall: 3 * time.Minute, rss: 4e9, text: "< 3 min, < 4 GB"},
		{work: "`report`, all API data", key: "report api", wall: 20 * time.Second, text: "< 20 s"},
	}
	p("| work | today | goal | met |\n| --- | --- | --- | --- |\n")
	for _, g := range goals {
		s, ran := res[g.key]
		work := g.work
		if !ran {
			p("| %s | not run | %s | — |\n", work, g.text)
			continue
		}
		if g.ratioOf != "" {
			base, ok := res[g.ratioOf]
			switch {
			case !ok:
				p("| %s | %s; baseline not run%s | %s | — |\n", work, cell(s), noteSuffix(baselineNote), g.text)
			case !s.ok() || !base.ok():
				p("| %s | parlance %s; baseline %s | %s | %s |\n", work, cell(s), cell(base), g.text, met(false))
			default:
				r := base.WallMed.Seconds() / s.WallMed.Seconds()
				p("| %s | **%.0f×** faster: %s against %s; %s against %s | %s | %s |\n", work, r,
					secs(s.WallMed), secs(base.WallMed), mb(s.PeakRSS), mb(base.PeakRSS), g.text, met(r >= g.ratio))
			}
			continue
		}
		verdict := "—"
		if g.wall > 0 || g.rss > 0 {
			ok := s.ok() && (g.wall == 0 || s.WallMed < g.wall) && (g.rss == 0 || s.PeakRSS < g.rss)
			verdict = met(ok)
		}
		p("| %s | %s | %s | %s |\n", work, cell(s), g.text, verdict)
	}
	p("\nWall is from start to exit of the `parlance` process (`--quiet`, output to `%s`), CPU its user + system time, "+
		"peak RSS its `ru_maxrss`; MB and GB are 10^6 and 10^9 bytes. A goal is met when the median wall time and the largest peak RSS are within it. "+
		"The baseline (`bench/scale/tfidf_baseline.py`: TF-IDF over word 1–2-grams, cosine ≥ 0.8 between sentences, connected components) "+
		"is given the answers as plain text; parlance reads them as full-text JSON Lines. "+
		"A child started by Go counts its parent's peak RSS in its own, so the benchmark keeps itself small (its peak: %s) "+
		"and has its inputs made by a child of their own.\n", os.DevNull, selfPeakRSS())
	if baselineNote != "" {
		p("\n%s.\n", baselineNote)
	}

	if o.scaled && len(o.sizes) > 0 {
		p("\nResampled from the real full texts (seed %d, files of %s records): copy 0 is the real records in a random order, "+
			"every later copy varies one number and one word of each answer and one word of each question, with new ids.\n\n", o.seed, numfmt.Thousands(o.chunk))
		cmds := []string{"boilerplate", "analyze"}
		p("| answers | `boilerplate` wall | CPU | peak RSS | `analyze` wall | CPU | peak RSS |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, n := range o.sizes {
			p("| %s", numfmt.Thousands(n))
			for _, c := range cmds {
				s, ok := res[fmt.Sprintf("%s %d", c, n)]
				switch {
				case !ok:
					p(" | not run | | ")
				case s.Skipped != "":
					p(" | %s | | ", s.Skipped)
				case !s.ok() && s.Stopped:
					p(" | stopped at %s | | %s", secs(s.StoppedAt), mb(s.PeakRSS))
				case !s.ok():
					p(" | failed | | ")
				default:
					p(" | %s | %s | %s", minMed(s.WallMin, s.WallMed), minMed(s.CPUMin, s.CPUMed), mb(s.PeakRSS))
				}
			}
			p(" |\n")
		}
		p("\nGrowth exponents (least-squares slope of log y on log n over the sizes that finished; y ∝ n^slope):\n\n")
		p("| command | sizes | wall | CPU | peak RSS |\n| --- | ---: | ---: | ---: | ---: |\n")
		for _, c := range cmds {
			var ns []int
			var wall, cpu, rss []float64
			for _, n := range o.sizes {
				if s := res[fmt.Sprintf("%s %d", c, n)]; s.ok() {
					ns = append(ns, n)
					wall = append(wall, s.WallMed.Seconds())
					cpu = append(cpu, s.CPUMed.Seconds())
					rss = append(rss, float64(s.PeakRSS))
				}
			}
			ew, k := fit(ns, wall)
			ec, _ := fit(ns, cpu)
			er, _ := fit(ns, rss)
			p("| `%s` | %d | %s | %s | %s |\n", c, k, expo(ew), expo(ec), expo(er))
		}
		if o.stages {
			writeStages(&b, o, res)
		}
	}
	for k, s := range res {
		if s.Err != nil {
			p("\nFailed: %s: %v\n", k, s.Err)
		}
	}
	return b.String()
}

// writeStages writes the per-stage table from bench/pipeline's runs.
func writeStages(b *strings.Builder, o options, res results) {
	var names []string
	per := map[int]map[string]float64{}
	for _, n := range o.sizes {
		s := res[fmt.Sprintf("stages %d", n)]
		if !s.ok() {
			continue
		}
		ns, t := parseStages(s.Stdout)
		for _, name := range ns {
			if !contains(names, name) {
				names = append(names, name)
			}
		}
		per[n] = t
	}
	fmt.Fprintf(b, "\n`analysis.Run` per stage (`bench/pipeline`, in one process; seconds of wall time, last run):\n\n| answers | %s | total wall | peak RSS |\n| ---: |%s ---: | ---: |\n",
		strings.Join(names, " | "), strings.Repeat(" ---: |", len(names)))
	for _, n := range o.sizes {
		s := res[fmt.Sprintf("stages %d", n)]
		fmt.Fprintf(b, "| %s |", numfmt.Thousands(n))
		t, ok := per[n]
		for _, name := range names {
			if v, has := t[name]; ok && has {
				fmt.Fprintf(b, " %.2f |", v)
			} else {
				fmt.Fprintf(b, " |")
			}
		}
		switch {
		case s.ok():
			fmt.Fprintf(b, " %s | %s |\n", secs(s.WallMed), mb(s.PeakRSS))
		case s.Skipped != "":
			fmt.Fprintf(b, " %s | |\n", s.Skipped)
		case s.Stopped:
			fmt.Fprintf(b, " stopped at %s | %s |\n", secs(s.StoppedAt), mb(s.PeakRSS))
		default:
			fmt.Fprintf(b, " not run | |\n")
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// cell describes a case's runs for the goal table.
func cell(s Summary) string {
	switch {
	case s.Skipped != "":
		return s.Skipped
	case !s.ok() && s.Stopped:
		return fmt.Sprintf("stopped at %s, %s", secs(s.StoppedAt), mb(s.PeakRSS))
	case !s.ok() && s.Err != nil:
		return "failed (below)"
	case !s.ok():
		return "not run"
	}
	return fmt.Sprintf("%s wall, %s CPU, %s", minMed(s.WallMin, s.WallMed), minMed(s.CPUMin, s.CPUMed), mb(s.PeakRSS))
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (scikit-learn missing)"
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func minMed(lo, med time.Duration) string {
	if lo == med {
		return secs(med)
	}
	return secs(lo) + " / " + secs(med)
}

// secs formats a duration in seconds to about three significant digits.
func secs(d time.Duration) string {
	s := d.Seconds()
	switch {
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	case s < 100:
		return fmt.Sprintf("%.1f s", s)
	}
	return fmt.Sprintf("%.0f s", s)
}

// mb formats bytes as MB (10^6) or GB (10^9).
func mb(n int64) string {
	if n >= 1e9 {
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	}
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}

func expo(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	return fmt.Sprintf("%.2f", x)
}

func orUnknown(s string) string {
	if s == "" {
		return "(commit unknown)"
	}
	return s
}

// selfPeakRSS returns this process's peak resident set size (VmHWM).
func selfPeakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
				return mb(kb * 1024)
			}
		}
	}
	return "unknown"
}
