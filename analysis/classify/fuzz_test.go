package classify

import (
	"testing"
	"unicode/utf8"

	"github.com/parlance-go/parlance/corpus"
)

// FuzzClassify checks that no question or answer makes Classify panic or
// produce evidence outside the answer, and that the confidence stays in
// [0, 1].
func FuzzClassify(f *testing.F) {
	f.Add("To ask the Secretary of State for Transport, how many buses were bought.", "In 2023, 412 buses were bought.")
	f.Add("whether (a) x; and (b) y?", "I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.")
	f.Add("", "The information is not held centrally. | 1 | 2\n\n\n")
	f.Add("how much", "£ % HCWS http:// 1.2.3 .. ? ! hon. Mr. No. 5")
	var c Classifier
	f.Fuzz(func(t *testing.T, q, a string) {
		if !utf8.ValidString(a) {
			return // answers are text; invalid UTF-8 is rejected by the readers
		}
		v := c.Classify(Input{Record: &corpus.Record{ID: "fuzz", Question: q, Answer: a}})
		if v.Confidence < 0 || v.Confidence > 1 {
			t.Fatalf("confidence %v", v.Confidence)
		}
		for _, e := range v.Evidence {
			if e.InQuestion {
				if e.Start < 0 || e.End > len(q) || e.Start > e.End {
					t.Fatalf("question evidence out of range: %+v", e)
				}
				continue
			}
			if e.Start < 0 || e.End > len(a) || e.Start > e.End {
				t.Fatalf("evidence out of range: %+v", e)
			}
		}
	})
}

// FuzzExtractRefs checks that ExtractRefs never panics and that every ref
// lies within the answer.
func FuzzExtractRefs(f *testing.F) {
	f.Add("I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.")
	f.Add("UIN HCWS386 and HLWS12 at https://example.org/x. and the Annual Report and Accounts 2023-24")
	f.Add("answers given on 31 February 2024 to Questions 1, 2 and HL3")
	f.Fuzz(func(t *testing.T, a string) {
		for _, r := range ExtractRefs(a) {
			if r.Start < 0 || r.End > len(a) || r.Start > r.End {
				t.Fatalf("ref out of range: %+v", r)
			}
		}
	})
}
