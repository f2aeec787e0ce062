package text

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// libraryPunkt is the tokenizer the sentences package builds, on the same
// model and abbreviations as NewSegmenter's.
func libraryPunkt(t testing.TB) *sentences.DefaultSentenceTokenizer {
	t.Helper()
	tok, err := english.NewSentenceTokenizer(parliamentaryModel())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// sameTokens reports the first difference between two annotated token
// lists, or "".
func sameTokens(got, want []*sentences.Token) string {
	if len(got) != len(want) {
		return "token count differs"
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Tok != w.Tok || g.Position != w.Position || g.SentBreak != w.SentBreak || g.Abbr != w.Abbr ||
			g.ParaStart != w.ParaStart || g.LineStart != w.LineStart {
			return "token " + w.String() + " is " + g.String()
		}
	}
	return ""
}

// punktWordsAgree checks every method punktWords replaces against the
// library's on s, and the whole Punkt annotation of s.
func punktWordsAgree(t *testing.T, ours *punktWords, lib *english.WordTokenizer, ourPunkt, libPunkt *sentences.DefaultSentenceTokenizer, s string) {
	t.Helper()
	for _, only := range []bool{true, false} {
		if d := sameTokens(ours.Tokenize(s, only), lib.Tokenize(s, only)); d != "" {
			t.Fatalf("Tokenize(%q, %v): %s", s, only, d)
		}
	}
	for _, brk := range []bool{false, true} {
		tok := sentences.NewToken(s)
		tok.SentBreak = brk
		check := func(name string, got, want any) {
			if got != want {
				t.Fatalf("%s(%q, break %v) = %v, library %v", name, s, brk, got, want)
			}
		}
		check("Type", ours.Type(tok), lib.Type(tok))
		check("TypeNoPeriod", ours.TypeNoPeriod(tok), lib.TypeNoPeriod(tok))
		check("TypeNoSentPeriod", ours.TypeNoSentPeriod(tok), lib.TypeNoSentPeriod(tok))
		check("FirstUpper", ours.FirstUpper(tok), lib.FirstUpper(tok))
		check("FirstLower", ours.FirstLower(tok), lib.FirstLower(tok))
		check("IsEllipsis", ours.IsEllipsis(tok), lib.IsEllipsis(tok))
		check("IsInitial", ours.IsInitial(tok), lib.IsInitial(tok))
		check("IsAlpha", ours.IsAlpha(tok), lib.IsAlpha(tok))
		check("HasSentEndChars", ours.HasSentEndChars(tok), lib.HasSentEndChars(tok))
	}
	if got, want := hasAbbrevShape(s), englishAbbr.MatchString(s); got != want {
		t.Fatalf("hasAbbrevShape(%q) = %v, the English tokenizer's expression %v", s, got, want)
	}
	if d := sameTokens(ourPunkt.AnnotatedTokens(s), libPunkt.AnnotatedTokens(s)); d != "" {
		t.Fatalf("AnnotatedTokens(%q): %s", s, d)
	}
}

// englishAbbr is the expression of english.MultiPunctWordAnnotation.
var englishAbbr = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)

var punktSeeds = []string{
	"", " ", ".", "..", "...", "a.", "A.", "ab.", "Z.", "1.", "-1", "--1", "-.5", ",5", "x,5", "a1b2", "12,000.", "1-2-3",
	"3.5%", "£1.2m.", "No. 25/2022", "e.g. this", "Mr. Smith went.", "The hon. Member for X. He said so.",
	"It was 4.30 p.m. Then it ended.", "U.K. policy. Next.", "F.B.I. agents", "J. Bach wrote. Then",
	"Is it? yes. No! Really?", "the THINK! road safety campaign", "end.” Next", "end.’ next", "(see para. 3.)",
	"word\u00a0word. Next", "tab\tsep. New\nline. And\n\npara.", "café. Über", "İstanbul. Next", "ǅ. Dz",
	"\xff. bad", "a.\xc3", "x\u2028y. Z", "....", ". . .", "a. . b", "[1]. Next", "etc. The", "etc. the",
	"##number##. x", "1,.", ",", "-", "-.", "1.2.3.", "a-1.", "b.1", "ends with é", "ends with é.",
}

func FuzzPunktWordsMatchLibrary(f *testing.F) {
	for _, s := range punktSeeds {
		f.Add(s)
	}
	ours := newPunktWords()
	lib := english.NewWordTokenizer(sentences.NewPunctStrings())
	ourPunkt := englishPunkt(parliamentaryModel(), ours)
	libPunkt := libraryPunkt(f)
	f.Fuzz(func(t *testing.T, s string) {
		punktWordsAgree(t, ours, lib, ourPunkt, libPunkt, s)
		punktWordsAgree(t, ours, lib, ourPunkt, libPunkt, s+" ") // as punktLine calls it
	})
}

// TestPunktWordsMatchLibraryOnRealLines compares the whole Punkt
// annotation, ours against the library's, on every line of the plain
// text of every question and answer of the shared full texts.
func TestPunktWordsMatchLibraryOnRealLines(t *testing.T) {
	dir := shared.Path(t, "data/api/fulltext")
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no full-text files in %s (%v)", dir, err)
	}
	ourPunkt := englishPunkt(parliamentaryModel(), newPunktWords())
	libPunkt := libraryPunkt(t)
	lines := 0
	for k := range files {
		eachFullText(t, files[k], func(q, a string) bool {
			for _, text := range []string{q, corpus.HTMLToText(a)} {
				for line := range strings.Lines(text) {
					line = strings.TrimSpace(line)
					if !strings.ContainsAny(line, ".?!") {
						continue
					}
					lines++
					if d := sameTokens(ourPunkt.AnnotatedTokens(line+" "), libPunkt.AnnotatedTokens(line+" ")); d != "" {
						t.Fatalf("%s: AnnotatedTokens(%q): %s", files[k], line, d)
					}
				}
			}
			return true
		})
	}
	t.Logf("%d lines alike", lines)
}
