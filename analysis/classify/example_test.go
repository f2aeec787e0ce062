package classify_test

import (
	"fmt"
	"strings"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
)

// The HM Treasury answer to the Hikvision round robin of July 2023: a
// security refusal and a deflection to other departments, with a pointer to
// a written statement (tie-break 2: still declined).
func ExampleClassifier_Classify() {
	rec := &corpus.Record{
		ID:       "pp:example",
		Question: "To ask the Chancellor of the Exchequer, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years.",
		Answer: "As has been the case under successive administrations, it is not government policy to comment on the government’s security arrangements. " +
			"This includes any specific details regarding the make and model of security systems, which are withheld on national security grounds.\n\n" +
			"Each Department is responsible for their own procurement decisions. However, I would refer the Hon. member to the Written Ministerial Statement (HCWS386) made by the Chancellor of the Duchy of Lancaster on 24 November 2022.",
	}
	var c classify.Classifier // the zero value uses the default lexicon
	v := c.Classify(classify.Input{Record: rec})
	fmt.Println(v.Stance, v.Grounds)
	for _, e := range v.Evidence {
		switch {
		case strings.HasPrefix(e.Cue, "rule:"):
			fmt.Printf("%s, confidence %.2f\n", e.Cue, v.Confidence)
		case strings.HasPrefix(e.Cue, "ground:"):
			fmt.Printf("%s at [%d:%d]\n", e.Cue, e.Start, e.End)
		}
	}
	for _, r := range v.Refs {
		fmt.Println(r.Kind, r.UIN, r.Date)
	}
	// Output:
	// declined [national-security other-body]
	// rule:ground-only, confidence 0.75
	// ground:national-security:no-comment-security at [0:138]
	// ground:national-security:security-grounds at [139:272]
	// ground:other-body:each-own at [274:341]
	// statement HCWS386 2022-11-24
}

// Evaluate compares predicted verdicts with gold labels, such as those read
// with ReadOverrides, without touching any files.
func ExampleEvaluate() {
	gold := map[string]classify.Verdict{
		"api:1": {Stance: classify.Declined, Grounds: []classify.Ground{classify.NotHeld}},
		"api:2": {Stance: classify.Disclosed},
		"api:3": {Stance: classify.Partial, Grounds: []classify.Ground{classify.DisproportionateCost}},
	}
	pred := map[string]classify.Verdict{
		"api:1": {Stance: classify.Declined, Grounds: []classify.Ground{classify.NotHeld}},
		"api:2": {Stance: classify.Disclosed},
		"api:3": {Stance: classify.Declined, Grounds: []classify.Ground{classify.DisproportionateCost}},
	}
	s := classify.Evaluate(gold, pred)
	fmt.Printf("accuracy %.2f, declined P %.2f R %.2f, grounds F1 %.2f\n",
		s.Accuracy, s.Stance[classify.Declined].Precision, s.Stance[classify.Declined].Recall, s.Grounds.F1)
	// Output:
	// accuracy 0.67, declined P 0.50 R 1.00, grounds F1 1.00
}

func ExampleExtractRefs() {
	for _, r := range classify.ExtractRefs("I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.") {
		fmt.Println(r.Kind, r.UIN, r.Date)
	}
	// Output:
	// answer 12345 2024-05-03
}

func ExampleCohenKappa() {
	v := func(s classify.Stance) classify.Verdict { return classify.Verdict{Stance: s} }
	coder1 := map[string]classify.Verdict{
		"q1": v(classify.Disclosed), "q2": v(classify.Disclosed), "q3": v(classify.Declined), "q4": v(classify.Partial),
	}
	coder2 := map[string]classify.Verdict{
		"q1": v(classify.Disclosed), "q2": v(classify.Partial), "q3": v(classify.Declined), "q4": v(classify.Partial),
	}
	k, n := classify.CohenKappa(coder1, coder2)
	fmt.Printf("κ = %.3f over %d items\n", k, n)
	// Output: κ = 0.636 over 4 items
}

// Grounds checks one wording against the lexicon, as when looking for stock
// refusals the lexicon does not yet know.
func ExampleClassifier_Grounds() {
	var c classify.Classifier
	fmt.Println(c.Grounds("The information requested is not held centrally and could only be obtained at disproportionate cost."))
	fmt.Println(c.Grounds("Officials met the operators on 3 May."))
	// Output:
	// [disproportionate-cost not-held]
	// []
}
