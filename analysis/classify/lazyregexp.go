package classify

import (
	"regexp"
	"sync"
)

// lazyRegexp is an expression compiled (as regexp.MustCompile, panicking
// if it does not compile) the first time it is used, so that a program
// importing the package but never classifying does not compile it.
type lazyRegexp struct {
	once    sync.Once
	pattern string
	re      *regexp.Regexp
}

// mustLazy returns pattern as a lazyRegexp.
func mustLazy(pattern string) *lazyRegexp { return &lazyRegexp{pattern: pattern} }

// get returns the compiled expression.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

// String returns the expression's source text.
func (l *lazyRegexp) String() string { return l.pattern }

// The methods of regexp.Regexp the package uses.

func (l *lazyRegexp) MatchString(s string) bool      { return l.get().MatchString(s) }
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string {
	return l.get().FindStringSubmatch(s)
}
func (l *lazyRegexp) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRegexp) Split(s string, n int) []string { return l.get().Split(s, n) }
