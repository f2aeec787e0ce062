package boilerplate

import "testing"

func TestFamilyTemplateMarksVaryingParts(t *testing.T) {
	// The real family behind the old headline: one dated wording stood for
	// 434 different ones.
	example := "I refer the Hon Member to the answer provided to him on 17 March 2026 in response to Question 120276."
	variants := []Variant{
		{Text: "i refer the hon member to the answer provided to him on 17 march 2026 in response to question 120276.", Count: 3},
		{Text: "i refer the hon member to the answer provided to him on 2 may 2024 in response to question 24815.", Count: 2},
		{Text: "i refer the hon member to the answer provided to her on 9 january 2025 in response to question 20051.", Count: 1},
		{Text: "i refer the hon member to the answer provided to him on 30 june 2025 in response to question 61818.", Count: 2},
		{Text: "i refer the hon member to the answer provided to him on 1 july 2025 in response to question 61002.", Count: 2},
	}
	got := familyTemplate(example, variants)
	want := "I refer the Hon Member to the answer provided to him on [date] in response to Question [number]."
	if got != want {
		t.Errorf("template:\n got %q\nwant %q", got, want)
	}
}

func TestFamilyTemplateOneWordingAndLinks(t *testing.T) {
	if got := familyTemplate("The information is not held.", []Variant{{Text: "the information is not held.", Count: 9}}); got != "The information is not held." {
		t.Errorf("one wording: got %q", got)
	}
	ex := "I refer the hon. Member to the answer given to Question UIN 84647 (https://questions-statements.parliament.uk/written-questions/detail/2025-10-23/84647) on 31 October 2025."
	vs := []Variant{
		{Text: "i refer the hon. member to the answer given to question uin 84647 (https://questions-statements.parliament.uk/written-questions/detail/2025-10-23/84647) on 31 october 2025.", Count: 1},
		{Text: "i refer the hon. member to the answer given to question uin 1200 (https://questions-statements.parliament.uk/written-questions/detail/2024-07-30/1200) on 5 august 2024.", Count: 1},
	}
	want := "I refer the hon. Member to the answer given to Question UIN [number] ([link]) on [date]."
	if got := familyTemplate(ex, vs); got != want {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}
}

// Punctuation alone does not make a word vary: "Hon" and "hon." are one.
func TestFamilyTemplateIgnoresTrailingPunctuation(t *testing.T) {
	ex := "I refer the Hon Member to the answer given on 2 May 2024."
	vs := []Variant{
		{Text: "i refer the hon member to the answer given on 2 may 2024.", Count: 2},
		{Text: "i refer the hon. member to the answer given on 9 june 2025.", Count: 2},
	}
	if got, want := familyTemplate(ex, vs), "I refer the Hon Member to the answer given on [date]."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
