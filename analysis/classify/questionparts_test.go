package classify

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parlance-go/parlance/analysis/text"
)

func TestReadQuestionParts(t *testing.T) {
	q := "To ask the Secretary of State for the Home Department, how many police officers were recruited in each police force area in 2023; and what steps she is taking to improve retention."
	got := ReadQuestionParts(q)
	want := []QuestionPart{
		{Start: 0, End: 128, Want: WantFigures, Form: "how many", Nouns: []string{"officers", "area"}, Verbs: []string{"recruited"}},
		{Start: 134, End: 179, Want: WantDescription, Form: "what steps", Nouns: []string{"steps", "retention"}, Verbs: []string{"taking", "improve"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadQuestionParts:\n got %+v\nwant %+v", got, want)
	}
	if s := got[0].String(); s != "how-many: how many; nouns officers, area; verbs recruited" {
		t.Errorf("String() = %q", s)
	}
	for _, tc := range []struct {
		q     string
		forms []string
	}{
		{"To ask His Majesty's Government what assessment they have made of the impact of the closure of bank branches on small businesses.", []string{"what assessment"}},
		{"To ask the Secretary of State for Education, whether she plans to publish the (a) number and (b) cost of school rebuilding projects; and when.", []string{"whether", "when"}},
		{"To ask the Chancellor of the Exchequer, how much the Government spent on consultants in 2023, and which departments spent the most.", []string{"how much", "which departments"}},
		{"To ask the Secretary of State for Health, what the waiting time is for hip operations.", []string{"what"}},
	} {
		var forms []string
		for _, p := range ReadQuestionParts(tc.q) {
			forms = append(forms, p.Form)
			if p.Start < 0 || p.End > len(tc.q) || p.Start > p.End {
				t.Errorf("%q: part span %d-%d", tc.q, p.Start, p.End)
			}
		}
		if !reflect.DeepEqual(forms, tc.forms) {
			t.Errorf("%q: forms %q, want %q", tc.q, forms, tc.forms)
		}
	}
	if p := ReadQuestionParts(""); p != nil {
		t.Errorf("empty question: %+v", p)
	}
}

// TestReadQuestionPartsCache checks that a repeated text is answered from
// the cache with the same parts as a fresh tagging.
func TestReadQuestionPartsCache(t *testing.T) {
	q := "To ask the Secretary of State for Defence, how many helicopters are available for operations."
	a := ReadQuestionParts(q)
	b := ReadQuestionParts(q)
	if len(a) == 0 || &a[0] != &b[0] {
		t.Error("the second reading was not the cached one")
	}
	if fresh := tagQuestionParts(q); !reflect.DeepEqual(fresh, a) {
		t.Errorf("cached %+v, fresh %+v", a, fresh)
	}
}

func FuzzReadQuestionParts(f *testing.F) {
	for _, s := range []string{
		"To ask the Secretary of State, how many (a) x and (b) y; and when?",
		"what :-) @user http://x.y/z a@b.c — “quoted” ‘single’ … -- - 1,000,000 £5.2bn",
		"whether\x00\xff\xfe; if; ;;; ?? what which how",
		"", " ", "(a)(b)(c)", "what " + strings.Repeat("very ", 200) + "long",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, p := range tagQuestionParts(q) {
			if p.Start < 0 || p.End > len(q) || p.Start > p.End {
				t.Fatalf("part span %d-%d in %d bytes", p.Start, p.End, len(q))
			}
			for _, w := range append(append([]string{}, p.Nouns...), p.Verbs...) {
				if w == "" || (utf8.ValidString(q) && !utf8.ValidString(w)) {
					t.Fatalf("word %q", w)
				}
			}
		}
	})
}

// BenchmarkReadQuestion measures tagging one question's parts (the cache
// is bypassed, so this is the cost of a question not seen before).
func BenchmarkReadQuestion(b *testing.B) {
	qs := []string{
		"To ask the Secretary of State for the Home Department, how many police officers were recruited in each police force area in 2023; and what steps she is taking to improve retention.",
		"To ask His Majesty's Government what assessment they have made of the impact of the closure of local bank branches on small businesses.",
		"To ask the Secretary of State for Education, whether she plans to publish the (a) number and (b) cost of school rebuilding projects; and when.",
	}
	if _, err := text.DefaultTagger(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		tagQuestionParts(qs[i%len(qs)])
	}
	reportCPU(b, start)
}

// BenchmarkPOSModelLoad measures loading prose's tagger model into a
// text.Tagger, which happens once per process.
func BenchmarkPOSModelLoad(b *testing.B) {
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := text.NewTagger(); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// TestReadQuestionPartsStable tags a month of real questions three times:
// prose's own tagger sums feature weights over Go maps and takes the first
// maximum in map order, so its ties came out differently from run to run;
// text.Tagger breaks them by class order.
func TestReadQuestionPartsStable(t *testing.T) {
	recs := readFullText(t, "2024-07.jsonl.gz")
	differ := 0
	for _, r := range recs {
		a := tagQuestionParts(r.Question)
		for k := 0; k < 2; k++ {
			if b := tagQuestionParts(r.Question); !reflect.DeepEqual(a, b) {
				if differ++; differ <= 3 {
					t.Errorf("%s: %+v then %+v", r.ID, a, b)
				}
				break
			}
		}
	}
	t.Logf("%d questions, %d read differently", len(recs), differ)
}

// TestQuestionSearchesOnRealQuestions checks the faster searches
// ReadQuestion makes against the plain ones on real questions: the split
// searched where a separator can start, and the figures and date
// expressions anchored at the start of each part, at every position they
// could be tried.
func TestQuestionSearchesOnRealQuestions(t *testing.T) {
	recs := readFullText(t, "2024-0[789].jsonl.gz")
	if reQSplit.c().anchored.get() == nil {
		t.Error("the split is not searched where a separator can start")
	}
	anywhere := map[*lazyRegexp]*regexp.Regexp{
		reQFigures: regexp.MustCompile(structuralCue("question-figures")),
		reQDate:    regexp.MustCompile(structuralCue("question-date")),
	}
	tried := 0
	for _, r := range recs {
		q := r.Question
		if got, want := reQSplit.findAllIndex(q), reQSplit.FindAllStringIndex(q, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("split %q: %v, want %v", q, got, want)
		}
		for _, loc := range reQWord.FindAllStringIndex(q, -1) {
			rest := q[loc[0]:]
			for _, g := range []gatedRegexp{reQWord, reQWantsFigures, reQYesNoDesc} {
				for _, from := range []int{0, loc[1] - loc[0]} {
					if got, want := g.first(rest[from:]), g.FindStringIndex(rest[from:]); !slices.Equal(got, want) {
						t.Errorf("%s on %q: %v, want %v", g, rest[from:], got, want)
					}
				}
			}
			for at, plain := range anywhere {
				want := plain.FindStringIndex(rest)
				if want != nil && want[0] != 0 {
					want = nil
				}
				if got := at.FindStringIndex(rest); !slices.Equal(got, want) {
					t.Errorf("%s on %q: %v, want %v", at, rest, got, want)
				}
				tried++
			}
		}
	}
	if len(recs) < 1000 || tried < 3000 {
		t.Errorf("only %d questions, %d searches", len(recs), tried)
	}
}

// TestProseWordsIsProsesTokenizer checks that tokenizing stretch by
// stretch, from the cache, gives the words prose's tokenizer gives for the
// whole text, on real questions and answers and on white space and
// punctuation of every kind.
func TestProseWordsIsProsesTokenizer(t *testing.T) {
	texts := []string{
		"", " ", "\t\n", "  leading and trailing  ", "tab\tand\nnew\u00a0line\u2003em",
		"“Quoted” words, ‘single’ ones and &rsquo;entities&rsquo; too.",
		"(a) don't; (b) they'll: $100 [sic] \"x\" e.g. U.S.A. Mr. :-) 8-) end!",
		"naïve café—dash–dash … ellipsis",
		"xD 8D XDD xDD 2024 A4 a b0 Z9z", // letters and digits alone, emoticons among them
	}
	for _, r := range readFullText(t, "2024-0[789].jsonl.gz") {
		texts = append(texts, r.Question, r.Answer)
	}
	words := 0
	for pass := 0; pass < 2; pass++ {
		for _, s := range texts {
			got, want := proseWords(s), tokenizeProse(s)
			if len(got) != len(want) || len(want) > 0 && !slices.Equal(got, want) {
				t.Fatalf("%q: %q, prose %q", s, got, want)
			}
			words += len(want)
		}
	}
	if len(texts) < 2000 || words < 100000 {
		t.Errorf("only %d texts, %d words", len(texts), words)
	}
}

// FuzzProseWords: stretch by stretch is prose's tokenizer on any text.
func FuzzProseWords(f *testing.F) {
	for _, s := range []string{"", " a  b ", "“x” (y) z's", "\u00a0\u2028x\ty", ":-) 8-) e.g. U.S.", "xD 8D XDD A4 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// prose's tokenizer itself panics on some invalid text
			// ("\xe2\x80's"); the corpus readers hand on valid UTF-8.
			t.Skip()
		}
		got, want := proseWords(s), tokenizeProse(s)
		if len(got) != len(want) || len(want) > 0 && !slices.Equal(got, want) {
			t.Fatalf("%q: %q, prose %q", s, got, want)
		}
	})
}
