package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

// Measure is one run of a child process.
type Measure struct {
	Wall    time.Duration // from start to exit
	CPU     time.Duration // user + system time of the child (rusage)
	PeakRSS int64         // the child's peak resident set size in bytes (rusage ru_maxrss, KiB on Linux)
	Stopped bool          // killed at the timeout
	Err     error         // failed otherwise (non-zero exit), with the end of its stderr
	Stdout  []byte
}

// runChild runs name with args, its standard output kept, and kills it
// after timeout (0: never).
func runChild(timeout time.Duration, name string, args ...string) Measure {
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &tailWriter{buf: &stderr, max: 4 << 10}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Measure{Err: err}
	}
	var timer *time.Timer
	stopped := make(chan bool, 1)
	if timeout > 0 {
		timer = time.AfterFunc(timeout, func() {
			stopped <- true
			cmd.Process.Kill()
		})
	}
	err := cmd.Wait()
	m := Measure{Wall: time.Since(start), Stdout: stdout.Bytes()}
	if timer != nil {
		timer.Stop()
	}
	select {
	case <-stopped:
		m.Stopped = true
	default:
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.PeakRSS = ru.Maxrss * 1024
	}
	if err != nil && !m.Stopped {
		m.Err = fmt.Errorf("%s: %v: %s", name, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return m
}

// tailWriter keeps roughly the last max bytes written to it.
type tailWriter struct {
	buf *bytes.Buffer
	max int
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if t.buf.Len() > 2*t.max {
		b := slices.Clone(t.buf.Bytes()[t.buf.Len()-t.max:])
		t.buf.Reset()
		t.buf.Write(b)
	}
	return len(p), nil
}

// Summary sums up the runs of one case: minimum and median of the wall
// and CPU times of the runs that finished, and the largest peak RSS of
// any run (the bound a goal is about).
type Summary struct {
	Runs             int
	WallMin, WallMed time.Duration
	CPUMin, CPUMed   time.Duration
	PeakRSS          int64
	Stopped          bool          // a run was killed at the timeout
	StoppedAt        time.Duration // its wall time
	Err              error
	Skipped          string // why the case was not run
	Stdout           []byte // of the last finished run
}

func summarise(ms []Measure) Summary {
	var s Summary
	var walls, cpus []time.Duration
	for _, m := range ms {
		s.PeakRSS = max(s.PeakRSS, m.PeakRSS)
		switch {
		case m.Stopped:
			s.Stopped, s.StoppedAt = true, m.Wall
		case m.Err != nil:
			s.Err = m.Err
		default:
			walls = append(walls, m.Wall)
			cpus = append(cpus, m.CPU)
			s.Stdout = m.Stdout
		}
	}
	s.Runs = len(walls)
	if len(walls) > 0 {
		s.WallMin, s.WallMed = minMedian(walls)
		s.CPUMin, s.CPUMed = minMedian(cpus)
	}
	return s
}

// minMedian returns the minimum and the median (the mean of the middle
// two for an even count).
func minMedian(ds []time.Duration) (time.Duration, time.Duration) {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[0], s[n/2]
	}
	return s[0], (s[n/2-1] + s[n/2]) / 2
}

// ok says whether the case has times to report.
func (s Summary) ok() bool { return s.Runs > 0 }
