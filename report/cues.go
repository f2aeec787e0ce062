package report

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

// cuePhrase is one line of assets/cues.tsv.
type cuePhrase struct {
	code   string // without the trailing "*" of a prefix
	prefix bool
	phrase string
}

// cuePhrases holds the plain words for evidence cues, exact codes first,
// then prefixes longest first, so the first match is the one to use.
var cuePhrases = mustCuePhrases(mustAsset("assets/cues.tsv"))

func mustCuePhrases(src string) []cuePhrase {
	ps, err := parseCuePhrases(src)
	if err != nil {
		panic(err)
	}
	return ps
}

// parseCuePhrases reads the cue table: "code<TAB>phrase" lines, "#"
// comments and blank lines skipped; a code may appear once.
func parseCuePhrases(src string) ([]cuePhrase, error) {
	var out []cuePhrase
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, phrase, ok := strings.Cut(line, "\t")
		if !ok || code == "" || strings.TrimSpace(phrase) == "" {
			return nil, fmt.Errorf("report: assets/cues.tsv line %d: want a code, a tab and a phrase, got %q", n, line)
		}
		if seen[code] {
			return nil, fmt.Errorf("report: assets/cues.tsv line %d: code %q given twice", n, code)
		}
		seen[code] = true
		p := cuePhrase{code: code, phrase: strings.TrimSpace(phrase)}
		if c, ok := strings.CutSuffix(code, "*"); ok {
			p.code, p.prefix = c, true
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].prefix != out[j].prefix {
			return !out[i].prefix
		}
		return out[i].prefix && len(out[i].code) > len(out[j].code)
	})
	return out, nil
}

// numberWords spells the small counts a question's parts come in.
var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// phraseFor returns the plain words for an evidence cue and whether the
// table has them. The code itself stays in the exports.
func phraseFor(cue string) (string, bool) {
	for _, p := range cuePhrases {
		if !p.prefix {
			if p.code == cue {
				return p.phrase, true
			}
			continue
		}
		rest, ok := strings.CutPrefix(cue, p.code)
		if !ok {
			// "ground:national-security:*" also covers a cue without the
			// detail, "ground:national-security", when the phrase does not
			// need it.
			if base, colon := strings.CutSuffix(p.code, ":"); colon && cue == base && !strings.Contains(p.phrase, "{") {
				return p.phrase, true
			}
			continue
		}
		if rest == "" {
			continue
		}
		num := rest
		var n int
		if _, err := fmt.Sscanf(rest, "%d", &n); err == nil && fmt.Sprint(n) == rest && n >= 0 && n < len(numberWords) {
			num = numberWords[n]
		}
		return strings.NewReplacer("{n}", num, "{}", rest).Replace(p.phrase), true
	}
	return "", false
}

// cueLabel is what readers see for an evidence cue: its plain words, or,
// for a cue the table lacks (a lexicon of the user's own), the code with
// its dashes and colons spaced out; "evidence" for an empty cue.
func cueLabel(c string) string {
	if c == "" {
		return "evidence"
	}
	if p, ok := phraseFor(c); ok {
		return p
	}
	return strings.NewReplacer(":", ": ", "-", " ").Replace(c)
}
