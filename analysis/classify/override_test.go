package classify

import (
	"strings"
	"testing"
)

func TestOverridesCheckGrounds(t *testing.T) {
	in := "api:1\tdeclined\tnot-held\n# comment\napi:2\tdeclined\tnational_security,not-held\n"
	o, err := ReadOverrides(strings.NewReader(in), "v.tsv")
	if err != nil {
		t.Fatal(err)
	}
	err = o.CheckGrounds("v.tsv", nil)
	if err == nil {
		t.Fatal("a misspelt ground was accepted")
	}
	for _, want := range []string{"v.tsv", "line 3", "national_security", `did you mean "national-security"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// A ground the user's lexicon defines is known.
	o, err = ReadOverrides(strings.NewReader("api:1\tdeclined\tcontracts-finder\n"), "v.tsv")
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultLexicon()
	if err := o.CheckGrounds("v.tsv", &def); err == nil {
		t.Error("a ground no lexicon defines was accepted")
	}
	lex := DefaultLexicon()
	lex.Cues = append(lex.Cues, Cue{Ground: "contracts-finder", Pattern: "Contracts Finder"})
	if err := o.CheckGrounds("v.tsv", &lex); err != nil {
		t.Errorf("a ground the lexicon defines was refused: %v", err)
	}
}

func TestOverridesUnmatched(t *testing.T) {
	o, err := ReadOverrides(strings.NewReader("api:1\tdisclosed\t-\n1755527\tdeclined\tnot-held\n"), "v.tsv")
	if err != nil {
		t.Fatal(err)
	}
	un := o.Unmatched(func(id string) bool { return id == "api:1" })
	if len(un) != 1 || un[0].ID != "1755527" || un[0].Line != 2 {
		t.Errorf("Unmatched = %+v", un)
	}
}
