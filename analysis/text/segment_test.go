package text

import (
	"fmt"
	"hash/maphash"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

var seg = NewSegmenter()

func texts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// checkOffsets asserts the offset contract of Split.
func checkOffsets(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Fatalf("bad offsets %d:%d for %q in %q", s.Start, s.End, s.Text, text)
		}
		if strings.TrimSpace(s.Text) != s.Text || s.Text == "" {
			t.Fatalf("untrimmed or empty sentence %q", s.Text)
		}
		prev = s.End
	}
}

func TestSplitOneSentence(t *testing.T) {
	// Real sentences from answers and questions in the shared corpus, each
	// of which the stock Punkt model or a naive splitter breaks.
	for _, s := range []string{
		"I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.",
		"I refer the right hon. Member to the answer I gave on 22 November 2022 to Question 89028 to the hon. Member for Ipswich (Mr Hunt).",
		"I have asked her to write to the hon. Member and a copy of her reply will be placed in the Libraries of both Houses.",
		"As the Hon. Member will be aware, rough sleeping and homelessness policy is devolved.",
		"My hon. Friend the Minister for Nuclear and Networks replied to the Hon. Member on 5 September.",
		"The former Foreign Secretary, Rt Hon. James Cleverly MP, has not discussed this organisation with officials.",
		"We are aware of the Rt Hon. Member for Warley’s Private Member’s Bill on this topic.",
		"The Written Ministerial Statement of 19 April 2023 on Achieving Smokefree 2030, UIN HCWS710, will help reduce smoking rates to 5% or less in England by 2030.",
		"With reference to the Written Statement of 24 October 2023 on Building Safety Update, UIN HCWS1090, what assessment has been made of the changes?",
		"We have assessed the implications of Opinion No. 25/2022 of the Office of the UN High Commissioner for Human Rights Working Group on Arbitrary Detention.",
		"A customer may still need to file a return e.g. to pay voluntary Class 2 National Insurance.",
		"The Government introduced a relief scheme to cover diesel used for non-propulsion purposes (e.g. heating and lighting the boat).",
		"The approach compared eDNA methods with single-species approaches (i.e. Droplet Digital PCR) as survey techniques for otters.",
		"The breakdown for starts/completions by type of work etc. will be in the underlying statistics.",
		"Nearly £3.3 million has been invested to enhance the visitor experience at cultural attractions across the Lake District.",
		"In March 2021, Sport England received £10.1 million on behalf of the Department for Education.",
		"With reference to para. 266 of the White Paper, how many visas were issued?",
		"We strongly condemn the sentencing of Mr. Anderson in a Russian court on false charges.",
		"Minister of Education Dr. Mohamed Mahmoud Abdul Nasr attended the meeting.",
		"The Government of St. Helena (SHG) has committed to introduce a publicly accessible register of beneficial ownership.",
		"The Department’s “Get Help” service will remain open.",
		"The total spend on the THINK! road safety campaign for the years requested is set out below.",
		"Benefits (incl. fuel & emissions savings) are shown in the table.",
		"A study of the incidence of Value-Added Taxes by Benzarti et al. shows that prices respond more to increases.",
	} {
		got := seg.Split(s)
		checkOffsets(t, s, got)
		if len(got) != 1 {
			t.Errorf("split %q into %d: %q", s, len(got), texts(got))
		}
	}
}

func TestSplitBoundaries(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Information on expenditure is not held centrally. It could only be obtained at disproportionate cost.",
			[]string{"Information on expenditure is not held centrally.", "It could only be obtained at disproportionate cost."}},
		// Paragraphs and list items are hard boundaries even without
		// a full stop.
		{"The figures are:\n\n2022: 15\n2023: 17\n\nThese are provisional.",
			[]string{"The figures are:", "2022: 15", "2023: 17", "These are provisional."}},
		{"  Table 1\u00a0\n\u00a0\nWe publish this annually. Is that enough? Yes!",
			[]string{"Table 1", "We publish this annually.", "Is that enough?", "Yes!"}},
		{"We will ban plates, cups etc. The regulations follow.",
			[]string{"We will ban plates, cups etc.", "The regulations follow."}},
		{"It is not Government policy to comment on the Government’s security arrangements. ‘Next’ follows.",
			[]string{"It is not Government policy to comment on the Government’s security arrangements.", "‘Next’ follows."}},
		{"Is it held? No. It is not held! We checked.",
			[]string{"Is it held?", "No.", "It is not held!", "We checked."}},
		{"", nil},
		{"\n\n \n", nil},
	} {
		got := seg.Split(c.text)
		checkOffsets(t, c.text, got)
		if !reflect.DeepEqual(texts(got), c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("Split(%q)\n got %q\nwant %q", c.text, texts(got), c.want)
		}
	}
}

func TestSplitConcurrent(t *testing.T) {
	text := "I refer the hon. Member to my answer. The Department does not hold this information.\n\nNo. 10 said so."
	want := texts(seg.Split(text))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := texts(seg.Split(text)); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent split differs: %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestSplitRemembersLines: a line split before is answered from the
// Segmenter's memory, with offsets into the new text.
func TestSplitRemembersLines(t *testing.T) {
	line := "I refer the hon. Member to the answer of 3 May. No. 5 was sent. It said so!"
	s := NewSegmenter()
	s.Split("Opening line.\n" + line)
	if _, ok := s.lines.get(line); !ok {
		t.Fatal("the line split is not remembered")
	}
	text := "A different start, longer.\n\n \u00a0" + line + "  \nEnd. Here."
	got := s.Split(text)
	checkOffsets(t, text, got)
	if want := NewSegmenter().Split(text); !reflect.DeepEqual(got, want) {
		t.Errorf("from memory %q, want %q", texts(got), texts(want))
	}
}

// TestSplitMemoryMatchesPunkt splits a month of real answers twice with
// one Segmenter (the second time mostly from its memory) and holds every
// split to one made with an empty memory.
func TestSplitMemoryMatchesPunkt(t *testing.T) {
	path := filepath.Join(shared.Path(t, "data/api/fulltext"), "2024-07.jsonl.gz")
	var answers []string
	eachFullText(t, path, func(_, a string) bool {
		answers = append(answers, a)
		return true
	})
	remembering, forgetting := NewSegmenter(), NewSegmenter()
	for pass := range 2 {
		for _, a := range answers {
			forgetting.lines = lineMemory{seed: forgetting.lines.seed}
			if got, want := remembering.Split(a), forgetting.Split(a); !reflect.DeepEqual(got, want) {
				t.Fatalf("pass %d: %q, want %q", pass, texts(got), texts(want))
			}
		}
	}
}

// TestLineMemoryIsBounded: however many lines pass, the memory holds at
// most two generations of every shard, and the latest lines are in it.
func TestLineMemoryIsBounded(t *testing.T) {
	m := lineMemory{seed: maphash.MakeSeed()}
	n := 5 * lineShards * lineShardSize
	for i := range n {
		m.put(fmt.Sprintf("line %d. More.", i), []int32{0, 8})
	}
	held := 0
	for i := range m.shards {
		cur, old := m.shards[i].Len()
		held += cur + old
	}
	if held > 2*lineShards*lineShardSize {
		t.Errorf("%d lines held, bound %d", held, 2*lineShards*lineShardSize)
	}
	if _, ok := m.get(fmt.Sprintf("line %d. More.", n-1)); !ok {
		t.Error("the latest line is forgotten")
	}
}
