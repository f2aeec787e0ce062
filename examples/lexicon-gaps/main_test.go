package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
)

// With the full default lexicon the sample's stock refusals are all known;
// take away the national-security cues and the security refusal the
// Hikvision round robin repeats is listed as a gap.
func TestLexiconGapsNotebook(t *testing.T) {
	var full bytes.Buffer
	if err := run(&full, nil, classify.DefaultLexicon(), 3, 40); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(full.String(), "(none)") {
		t.Errorf("the default lexicon leaves gaps in the sample:\n%s", full.String())
	}

	var lex classify.Lexicon
	for _, c := range classify.DefaultLexicon().Cues {
		if c.Ground != classify.NationalSecurity {
			lex.Cues = append(lex.Cues, c)
		}
	}
	var cut bytes.Buffer
	if err := run(&cut, nil, lex, 3, 40); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cut.String(), "withheld on national security grounds") {
		t.Errorf("without the security cues the security refusal is not listed:\n%s", cut.String())
	}
}
