// Package numfmt formats numbers as parlance prints them to readers: in
// reports, in the README's generated tables and in benchmark tables.
package numfmt

import (
	"strconv"
	"strings"
)

// Thousands formats n with a comma between each group of three digits:
// 50000 → "50,000", -1234 → "-1,234".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
