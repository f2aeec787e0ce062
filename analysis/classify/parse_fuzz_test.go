package classify

import (
	"os"
	"strings"
	"testing"
)

// FuzzReadOverrides: any bytes give overrides or an error naming the file
// and a line, never a panic; what is accepted has a key and a stance of the
// codebook, and CheckGrounds and Unmatched hold up on it.
func FuzzReadOverrides(f *testing.F) {
	for _, p := range []string{"testdata/check-api.tsv", "testdata/check-twfy.tsv"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("api:1\tdeclined\tnot-held\tnote\n")
	f.Add("1755527\tdeclined\tnot-held\n")                   // a key without its source prefix
	f.Add("api:2\tdeclined\tnational_security,not-held\n")   // a misspelt ground
	f.Add("api:3\tpartial\t,\n# c\n\napi:3\tdisclosed\t-\n") // empty ground, repeated key
	f.Add("api:4\tdecl\xe9ned\t-\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		o, err := ReadOverrides(strings.NewReader(in), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv: line ") {
				t.Fatalf("error does not name the file and line: %v", err)
			}
			return
		}
		for k, ov := range o {
			if k == "" || k != ov.ID || !validStance(ov.Stance) || ov.Line < 1 {
				t.Fatalf("accepted a bad override %+v", ov)
			}
		}
		if err := o.CheckGrounds("fuzz.tsv", nil); err != nil && !strings.HasPrefix(err.Error(), "fuzz.tsv: line ") {
			t.Fatalf("CheckGrounds error does not name the file and line: %v", err)
		}
		if n := len(o.Unmatched(func(string) bool { return false })); n != len(o) {
			t.Fatalf("Unmatched gave %d of %d", n, len(o))
		}
	})
}

// FuzzReadLexicon: any bytes give a lexicon whose every pattern compiles,
// or an error naming the file and a line.
func FuzzReadLexicon(f *testing.F) {
	f.Add("contracts-finder\tContracts Finder\n")
	f.Add("national_security\tsecurity reasons\t0.5\n")
	f.Add("# comment\n\nx\t(unclosed\n")
	f.Add("x\ty\tnot-a-number\n")
	f.Add("g\t\xff\xfe\n")
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := ReadLexicon(strings.NewReader(in), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		c := &Classifier{Lexicon: lex}
		if err := c.Prepare(); err != nil {
			t.Fatalf("accepted a lexicon that does not prepare: %v", err)
		}
	})
}
