// Package notebook holds the little that parlance's examples share: finding
// the data directory, reading inputs into memory and printing tables.
package notebook

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/parlance-go/parlance/corpus"
)

// DataDir returns the directory of the shared data an example needs: its
// first argument if given, else $PARLANCE_DATA, else ../shared/data. need
// is a path inside it that must exist (e.g. "api/list"); the error says
// what is missing and how to provide it.
func DataDir(args []string, need string) (string, error) {
	var dir, from string
	switch {
	case len(args) > 0 && args[0] != "":
		dir, from = args[0], "the first argument"
	case os.Getenv("PARLANCE_DATA") != "":
		dir, from = os.Getenv("PARLANCE_DATA"), "$PARLANCE_DATA"
	default:
		dir, from = filepath.Join("..", "shared", "data"), "the default ../shared/data"
	}
	if _, err := os.Stat(filepath.Join(dir, need)); err != nil {
		return "", fmt.Errorf("this example needs %s inside a data directory; %s (%s) does not have it.\n"+
			"Give the directory as the first argument or in $PARLANCE_DATA (it is the layout of parlance's shared data: api/list, api/fulltext, twfy/wrans)",
			need, from, dir)
	}
	return dir, nil
}

// ReadAll reads every record of the inputs into memory, strictly: the first
// problem is the error.
func ReadAll(inputs ...string) ([]corpus.Record, *corpus.Summary, error) {
	return corpus.ReadAll(inputs, corpus.Options{})
}

// ReadSample reads the embedded Hikvision sample.
func ReadSample() ([]corpus.Record, *corpus.Summary, error) {
	return corpus.ReadSample(corpus.Options{})
}

// Table prints rows under a header, aligned in columns.
func Table(w io.Writer, header []string, rows [][]string) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  "+strings.Join(header, "\t")+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, "  "+strings.Join(r, "\t")+"\t")
	}
	tw.Flush()
}

// Step prints a step's heading.
func Step(w io.Writer, n int, format string, args ...any) {
	fmt.Fprintf(w, "\nStep %d. %s\n", n, fmt.Sprintf(format, args...))
}

// Pct formats a share as a percentage with one decimal.
func Pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// Clip shortens s to at most n runes, marking the cut with an ellipsis.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
