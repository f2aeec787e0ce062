package classify

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestDefaultLexiconRoundTrip checks that the embedded lexicon reads back
// unchanged from what WriteLexicon writes.
func TestDefaultLexiconRoundTrip(t *testing.T) {
	lex := DefaultLexicon()
	if len(lex.Cues) < 50 {
		t.Fatalf("default lexicon has %d cues", len(lex.Cues))
	}
	var buf bytes.Buffer
	if err := WriteLexicon(&buf, lex); err != nil {
		t.Fatal(err)
	}
	back, err := ReadLexicon(&buf, "written")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Cues, lex.Cues) {
		t.Errorf("round trip changed the cues")
	}
	for _, c := range lex.Cues {
		if c.Name == "" || c.Comment == "" {
			t.Errorf("cue %s %q lacks a name or comment", c.Ground, c.Pattern)
		}
	}
}

func TestReadLexiconHeader(t *testing.T) {
	in := "# mine\npattern\tground\tname\tcomment\nnot kept\tnot-held\tnot-kept\tmy wording\n"
	lex, err := ReadLexicon(strings.NewReader(in), "mine.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Cue{{Ground: NotHeld, Pattern: "not kept", Name: "not-kept", Comment: "my wording"}}
	if !reflect.DeepEqual(lex.Cues, want) {
		t.Errorf("got %+v, want %+v", lex.Cues, want)
	}
	for in, wantErr := range map[string]string{
		"ground\tpattern\tcolour\n":           "mine.tsv: line 1: header: unknown column \"colour\"",
		"ground\tname\n":                      "mine.tsv: line 1: header: no \"pattern\" column",
		"ground\tpattern\nnot-held\n":         "mine.tsv: line 2: want 2 tab-separated fields as the header says, got 1",
		"ground\tpattern\trole\na\tb\tboss\n": "mine.tsv: line 2: field role",
		"ground\tpattern\tweight\na\tb\t0\n":  "mine.tsv: line 2: field weight",
	} {
		if _, err := ReadLexicon(strings.NewReader(in), "mine.tsv"); err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("%q: err %v, want it to contain %q", in, err, wantErr)
		}
	}
}

func TestLexiconWith(t *testing.T) {
	base := Lexicon{Cues: []Cue{{Ground: NotHeld, Name: "a", Pattern: "x"}, {Ground: NotHeld, Name: "b", Pattern: "y"}}}
	more := Lexicon{Cues: []Cue{{Ground: NotHeld, Name: "b", Pattern: "z"}, {Ground: "mine", Name: "b", Pattern: "w"}}}
	got := base.With(more)
	want := []Cue{{Ground: NotHeld, Name: "a", Pattern: "x"}, {Ground: NotHeld, Name: "b", Pattern: "z"}, {Ground: "mine", Name: "b", Pattern: "w"}}
	if !reflect.DeepEqual(got.Cues, want) {
		t.Errorf("With: got %+v, want %+v", got.Cues, want)
	}
	if base.Cues[1].Pattern != "y" {
		t.Error("With modified its receiver")
	}
	if got.Precedence != nil {
		t.Error("With invented a precedence")
	}
	extra := []Yield{{Subject: "mine", Over: string(NotHeld)}}
	if p := base.With(Lexicon{Precedence: extra}).Precedence; len(p) != len(DefaultPrecedence())+1 || p[len(p)-1] != extra[0] {
		t.Errorf("With's precedence: got %v", p)
	}
}

func TestReadPrecedence(t *testing.T) {
	ys, err := ReadPrecedence(strings.NewReader("# c\nnot-held\tno-comment-convention, personal-data\twhy\nother-body\tfuture-publication:spending-review\n"), "p.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Yield{{"not-held", "no-comment-convention", "why"}, {"not-held", "personal-data", "why"}, {"other-body", "future-publication:spending-review", ""}}
	if !reflect.DeepEqual(ys, want) {
		t.Errorf("got %+v, want %+v", ys, want)
	}
	for in, wantErr := range map[string]string{
		"not-held\n":          "p.tsv: line 1: want 2 or 3",
		"\tx\n":               "p.tsv: line 1: field subject",
		"# c\nnot-held\ta,\n": "p.tsv: line 2: field over",
	} {
		if _, err := ReadPrecedence(strings.NewReader(in), "p.tsv"); err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("%q: err %v, want it to contain %q", in, err, wantErr)
		}
	}
}

// TestApplyPrecedence checks that chains resolve from the top and that a
// rule naming one cue leaves the ground's other cues alone.
func TestApplyPrecedence(t *testing.T) {
	rules := DefaultPrecedence()
	grounds := func(hs []groundHit) string {
		var s []string
		for _, h := range hs {
			s = append(s, string(h.ground))
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		hits []groundHit
		want string
	}{
		// Security stands, so the convention gives way and not-held stands.
		{[]groundHit{{ground: NotHeld, cue: "not-held"}, {ground: NoCommentConvention, cue: "no-comment"}, {ground: NationalSecurity, cue: "security-grounds"}}, "not-held,national-security"},
		// The convention stands, so not-held gives way.
		{[]groundHit{{ground: NotHeld, cue: "not-held"}, {ground: NoCommentConvention, cue: "no-comment"}}, "no-comment-convention"},
		// "Not available" gives way to cost; "not held" does not.
		{[]groundHit{{ground: NotHeld, cue: "not-available"}, {ground: DisproportionateCost, cue: "cost-limit"}}, "disproportionate-cost"},
		{[]groundHit{{ground: NotHeld, cue: "not-held"}, {ground: DisproportionateCost, cue: "cost-limit"}}, "not-held,disproportionate-cost"},
		// A Spending Review is not another body; a family's other-body is
		// dropped too, as a ground.
		{[]groundHit{{ground: OtherBody, cue: "family:3"}, {ground: FuturePublication, cue: "spending-review"}}, "future-publication"},
		{[]groundHit{{ground: OtherBody, cue: "matter-for"}, {ground: FuturePublication, cue: "due-course"}}, "other-body,future-publication"},
	} {
		if got := grounds(applyPrecedence(tc.hits, rules)); got != tc.want {
			t.Errorf("%v: got %s, want %s", grounds(tc.hits), got, tc.want)
		}
	}
	// A cycle leaves both standing.
	cyc := []Yield{{Subject: "a", Over: "b"}, {Subject: "b", Over: "a"}}
	if got := grounds(applyPrecedence([]groundHit{{ground: "a"}, {ground: "b"}}, cyc)); got != "a,b" {
		t.Errorf("cycle: got %s", got)
	}
}
