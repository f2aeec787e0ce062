package report

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
)

var tags = regexp.MustCompile(`<[^>]*>`)

func TestHighlight(t *testing.T) {
	const s = "Contracts above £10,000 are published. <b>Each</b> Department is responsible."
	pound := strings.Index(s, "£")
	cases := []struct {
		name     string
		spans    []span
		want     string // a fragment the output must contain
		unplaced int
	}{
		{"none", nil, "Contracts above £10,000", 0},
		{"boilerplate", []span{{start: 0, end: 9, family: 2}}, `<mark class="bp" title="Stock sentence, family #2">Contracts</mark> above`, 0},
		{"evidence", []span{{start: 0, end: 9, cue: "figure"}}, `<span class="ev" title="Evidence: figure">Contracts</span>`, 0},
		{"inside a rune widens to the whole rune", []span{{start: pound + 1, end: pound + 2, family: 1}}, `<mark class="bp" title="Stock sentence, family #1">£</mark>10,000`, 0},
		{"end past the text is clamped", []span{{start: len(s) - 12, end: len(s) + 50, cue: "x"}}, `<span class="ev" title="Evidence: x">responsible.</span>`, 0},
		{"negative start is clamped", []span{{start: -5, end: 9, family: 1}}, `family #1">Contracts</mark>`, 0},
		{"reversed", []span{{start: 9, end: 2, family: 1}}, "Contracts above", 1},
		{"entirely outside", []span{{start: len(s) + 1, end: len(s) + 9, family: 1}, {start: -9, end: -1, cue: "c"}}, "Contracts above", 2},
		{"empty", []span{{start: 4, end: 4, family: 1}}, "Contracts above", 1},
		{"overlap", []span{{start: 0, end: 15, family: 1}, {start: 10, end: 20, cue: "figure"}},
			`<mark class="bp" title="Stock sentence, family #1"><span class="ev" title="Evidence: figure">above</span></mark>`, 0},
		{"markup in text is escaped", []span{{start: strings.Index(s, "<b>"), end: strings.Index(s, "</b>") + 4, family: 3}}, "&lt;b&gt;Each&lt;/b&gt;", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, unplaced := highlight(s, c.spans)
			if !strings.Contains(string(got), c.want) {
				t.Errorf("output lacks %q:\n%s", c.want, got)
			}
			if unplaced != c.unplaced {
				t.Errorf("unplaced = %d, want %d", unplaced, c.unplaced)
			}
			if !utf8.ValidString(string(got)) {
				t.Error("output is not valid UTF-8: a rune was split")
			}
			if back := html.UnescapeString(tags.ReplaceAllString(string(got), "")); back != s {
				t.Errorf("text changed:\n got %q\nwant %q", back, s)
			}
		})
	}
}

// FuzzHighlight checks that no offsets, however wrong, make highlight panic,
// split a rune or change the text.
func FuzzHighlight(f *testing.F) {
	f.Add("£10,000 and “quotes”", 1, 3, -2, 40)
	f.Add("", 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, s string, a, b, c, d int) {
		if !utf8.ValidString(s) {
			return
		}
		got, _ := highlight(s, answerSpans([]boilerplate.Span{{Start: a, End: b, Family: 1}}, []classify.Evidence{{Start: c, End: d, Cue: "x"}}))
		if !utf8.ValidString(string(got)) {
			t.Fatalf("split rune: %q", got)
		}
		if back := html.UnescapeString(tags.ReplaceAllString(string(got), "")); back != s {
			t.Fatalf("text changed: %q → %q", s, back)
		}
	})
}
