package text

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	s := "The Department’s £1.5 million (10,000 long-term) grants, e.g. COVID-19."
	var got []string
	for _, tk := range Tokenize(s) {
		if s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("bad offsets %+v", tk)
		}
		got = append(got, tk.Text)
	}
	want := []string{"The", "Department’s", "1.5", "million", "10,000", "long", "term", "grants", "e", "g", "COVID", "19"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
	if Tokenize("") != nil || Tokenize(" .,; ") != nil {
		t.Error("no tokens expected")
	}
	// Trailing joiners do not join.
	if got := Tokenize("it's 1. 'a'"); len(got) != 3 || got[1].Text != "1" {
		t.Errorf("got %+v", got)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"  It is NOT  Government’s\u00a0policy – “really”…\n": `it is not government's policy - "really"...`,
		"":     "",
		"A\tB": "a b",
	} {
		got := Normalize(in)
		if got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if Normalize(got) != got {
			t.Errorf("Normalize not idempotent on %q", got)
		}
	}
}
