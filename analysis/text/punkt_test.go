package text

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

var updatePunkt = flag.Bool("update", false, "rewrite punkt_english.txt from the sentences package's model")

// writePunktModel writes st in the form parsePunktModel reads.
func writePunktModel(st *sentences.Storage) (string, error) {
	var b strings.Builder
	for _, s := range punktSets {
		set := *s.of(st)
		fmt.Fprintf(&b, "# %s %d\n", s.name, len(set))
		for _, k := range slices.Sorted(maps.Keys(set)) {
			if k == "" || strings.ContainsAny(k, "\t\n") || strings.HasPrefix(k, "# ") {
				return "", fmt.Errorf("%s key %q cannot be written", s.name, k)
			}
			fmt.Fprintf(&b, "%s\t%d\n", k, set[k])
		}
	}
	return b.String(), nil
}

func libraryPunktModel(t *testing.T) *sentences.Storage {
	t.Helper()
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPunktModelIsTheLibrarys checks that the embedded model holds the
// sentences package's English model entry for entry, so that a new
// version of the library is noticed (refresh with go test -update).
func TestPunktModelIsTheLibrarys(t *testing.T) {
	want := libraryPunktModel(t)
	if *updatePunkt {
		text, err := writePunktModel(want)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("punkt_english.txt", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote punkt_english.txt; rebuild to embed it")
		return
	}
	got := parsePunktModel(punktEnglish)
	for _, s := range punktSets {
		g, w := *s.of(got), *s.of(want)
		if len(w) == 0 {
			t.Errorf("%s: the library's set is empty", s.name)
		}
		if !maps.Equal(g, w) {
			t.Errorf("%s: embedded set (%d entries) differs from the library's (%d); go test -update", s.name, len(g), len(w))
		}
	}
	// The model as written is the one the writer gives: sorted, so that
	// a refresh shows only what changed.
	if text, err := writePunktModel(want); err != nil || text != punktEnglish {
		t.Errorf("punkt_english.txt is not as writePunktModel writes it (err %v); go test -update", err)
	}
}

func TestParsePunktModelRejectsDefects(t *testing.T) {
	for _, bad := range []string{
		"prof\t1\n",                    // an entry before any set
		"# AbbrevTypes x\n",            // a count that is not a number
		"# Nonsense 1\nprof\t1\n",      // an unknown set
		"# AbbrevTypes 1\nprof\n",      // no value
		"# AbbrevTypes 1\nprof\tone\n", // a value that is not a number
		"# AbbrevTypes 1\nprof\t1\n",   // the other sets missing
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parsePunktModel(%q) did not panic", bad)
				}
			}()
			parsePunktModel(bad)
		}()
	}
}
