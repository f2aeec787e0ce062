package classify

import (
	"maps"
	"strings"
	"testing"
	"unicode"
)

// contentStemsBySplitting is contentStems as the words of s lower-cased
// and split at every non-letter: the plain reading the fast one must give.
func contentStemsBySplitting(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 4 || questionStop[w] {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		out[w] = true
	}
	return out
}

func TestContentStemsMatchesSplitting(t *testing.T) {
	for _, s := range []string{
		"", "What assessment has the Secretary of State made of the ÉCOLE's Überschall-Programme?",
		"naïve façade İstanbul ǅemal ΣΟΦΊΑ straße \xff\xfeinvalid bytes",
		"To ask the Secretary of State for Transport, how many buses were bought in 2023-24; and (b) at what cost.",
		strings.Repeat("a", 100) + " " + strings.Repeat("é", 40),
	} {
		if got, want := contentStems(s), contentStemsBySplitting(s); !maps.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

func FuzzContentStems(f *testing.F) {
	f.Add("The Department holds no figures on Überschall-Programme costs.")
	f.Add("naïve \xff İİ ǅ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := contentStems(s), contentStemsBySplitting(s); !maps.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
		}
	})
}
