package classify

import (
	"fmt"
	"strings"
)

// The embedded files the tests measure and refresh with -update
// (calibration.tsv, validation.tsv) share one layout: '#' comment lines
// holding where the figures come from, a header line, then one
// tab-separated row a line.

// formatMeasured writes source as comment lines, then header and rows.
func formatMeasured(source, header string, rows []string) string {
	var b strings.Builder
	for _, l := range strings.Split(source, "\n") {
		b.WriteString("# " + l + "\n")
	}
	b.WriteString(header + "\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	return b.String()
}

// parseMeasured reads the layout formatMeasured writes, from the file
// called name: it checks the header and that each row has as many fields
// as the header, hands each row to row with its position ("name:line"),
// and returns the source.
func parseMeasured(text, name, header string, row func(pos string, fields []string) error) (string, error) {
	var src []string
	seen := false
	want := len(strings.Split(header, "\t"))
	for ln, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		pos := fmt.Sprintf("%s:%d", name, ln+1)
		if strings.HasPrefix(line, "#") {
			if !seen {
				src = append(src, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			continue
		}
		if !seen {
			if line != header {
				return "", fmt.Errorf("%s: header: want %q, got %q", pos, header, line)
			}
			seen = true
			continue
		}
		x := strings.Split(line, "\t")
		if len(x) != want {
			return "", fmt.Errorf("%s: want %d tab-separated fields, got %d", pos, want, len(x))
		}
		if err := row(pos, x); err != nil {
			return "", err
		}
	}
	if !seen {
		return "", fmt.Errorf("%s: no header line", name)
	}
	return strings.Join(src, "\n"), nil
}

// mustEmbedded returns v, panicking on err: the embedded files are tested,
// so a parse error is a build bug.
func mustEmbedded[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
