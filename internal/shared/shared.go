// Package shared locates the project's shared real data (../shared beside
// the repository, or $PARLANCE_SHARED) for tests, which skip with a clear
// message where it is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared directory (the one holding data/ and labels/), or
// "" if it cannot be found. $PARLANCE_SHARED wins; otherwise it is the
// directory "shared" beside the module root.
func Root() string {
	if d := os.Getenv("PARLANCE_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			cand := filepath.Join(dir, "..", "shared")
			if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
				return filepath.Clean(cand)
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel (e.g. "data/api/list") inside the shared
// directory, skipping the test with a clear message if it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skipf("shared data not found: set PARLANCE_SHARED or place it at ../shared beside the repository (needed: %s)", rel)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s not present: %v", p, err)
	}
	return p
}
