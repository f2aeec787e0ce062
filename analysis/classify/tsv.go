package classify

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// eachTSVLine calls fn with the tab-separated fields of each line of r
// that is neither blank nor a '#' comment, and its line number. An error
// from fn is returned as is (fn names the file and line itself); a read
// error is named here.
func eachTSVLine(r io.Reader, name string, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(line, strings.Split(s, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	return nil
}
