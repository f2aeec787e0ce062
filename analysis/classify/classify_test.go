package classify

import (
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

func rec(q, a string) *corpus.Record {
	return &corpus.Record{ID: "test:1", Question: q, Answer: a}
}

func evidenceHas(v Verdict, prefix string) bool {
	for _, e := range v.Evidence {
		if strings.HasPrefix(e.Cue, prefix) {
			return true
		}
	}
	return false
}

// TestStances covers each cue and tie-break on small hand-written answers.
func TestStances(t *testing.T) {
	const (
		qHowMany = "To ask the Secretary of State for Transport, how many electric buses were bought in 2023."
		qWhether = "To ask the Secretary of State for Transport, whether her Department has had discussions with bus operators on fares."
		qSteps   = "To ask the Secretary of State for Transport, what steps she is taking to improve bus services."
		qMulti   = "To ask the Secretary of State for Transport, how many buses were bought in 2023; and what steps she is taking to improve bus services."
	)
	cases := []struct {
		name    string
		q, a    string
		holding bool
		stance  Stance
		grounds []Ground
		cue     string // a cue prefix that must be in the evidence
	}{
		{"figure answers how many", qHowMany, "In 2023, 412 electric buses were bought with government support.", false, Disclosed, nil, "figure"},
		{"table answers how many", qHowMany, "The figures are:\nYear | Buses\n2023 | 412", false, Disclosed, nil, "table"},
		{"attachment answers how many", qHowMany, "The information requested is provided in the attached table.", false, Disclosed, nil, "attachment"},
		{"nil answers how many", qHowMany, "None were bought.", false, Disclosed, nil, "nil"},
		{"no figure for how many is partial", qHowMany, "The Government is investing in cleaner buses across England and working with operators to make journeys greener.", false, Partial, nil, "missing:figures"},
		{"not held is declined", qHowMany, "The information requested is not held centrally.", false, Declined, []Ground{NotHeld}, "ground:not-held"},
		{"cost limit is declined", qHowMany, "This information could only be obtained at disproportionate cost.", false, Declined, []Ground{DisproportionateCost}, "ground:disproportionate-cost"},
		{"security refusal with pointer stays declined", qWhether, "It is not government policy to comment on security arrangements, which are withheld on national security grounds. I refer the hon. Member to the Written Ministerial Statement HCWS386.", false, Declined, []Ground{NationalSecurity}, "tie-break:ground-over-pointer"},
		{"ground plus figure is partial", qMulti, "In 2023, 412 buses were bought. Information on individual services is not held centrally.", false, Partial, []Ground{NotHeld}, "info:figures"},
		{"ground plus other part is partial", qMulti, "The number of buses bought is not held centrally. To improve services we have given councils new franchising powers, set up a national bus strategy with local enhanced partnerships, and capped single fares across England so that passengers pay less for every journey they make.", false, Partial, []Ground{NotHeld}, "info:other-part"},
		{"pointer only is referred", qSteps, "I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.", false, Referred, nil, "pointer"},
		{"direct yes/no is disclosed", qWhether, "Officials have discussed fares with bus operators on several occasions this year.", false, Disclosed, nil, "direct"},
		{"no yes/no is partial", qWhether, "Bus fares are set by operators in a deregulated market outside London.", false, Partial, nil, "missing:yes-no"},
		{"description answers steps", qSteps, "We have given councils new franchising powers, set up enhanced partnerships and capped single fares across England.", false, Disclosed, nil, ""},
		{"promise to write is holding", qHowMany, "I will write to the hon. Member when the information has been collated.", false, Holding, nil, "holding-promise"},
		{"figures being collated for the Library is holding", qHowMany, "The October figures are currently being collated, and verified figures should be available by the end of November. I will place these figures in the Library of the House.", false, Holding, nil, "holding-promise"},
		{"standard holding text", qHowMany, "The Department of Health and Social Care has indicated that it will not be possible to answer this question within the usual time period. An answer is being prepared and will be provided as soon as it is available.", false, Holding, nil, "holding-promise"},
		{"holding flag wins", qHowMany, "In 2023, 412 buses were bought.", true, Holding, nil, "holding-flag"},
		{"other body", qSteps, "Bus services in Scotland are a devolved matter for the Scottish Government.", false, Declined, []Ground{OtherBody}, "ground:other-body"},
		{"each own responsibility", qSteps, "It is each local authority's own responsibility to run its buses.", false, Declined, []Ground{OtherBody}, "ground:other-body"},
		{"future fiscal event", qSteps, "The path to investment will be set out at a future fiscal event.", false, Declined, []Ground{FuturePublication}, "ground:future-publication"},
		{"commercial", qHowMany, "The price paid is commercially sensitive.", false, Declined, []Ground{CommercialConfidentiality}, "ground:commercial"},
		{"legal proceedings", qSteps, "As there are ongoing legal proceedings it would not be appropriate to comment.", false, Declined, []Ground{LegalProceedings}, "ground:legal-proceedings"},
		{"personal data", qHowMany, "Figures are not given for the area because small numbers could lead to the identification of individuals.", false, Declined, []Ground{PersonalData}, "ground:personal-data"},
		{"no comment convention", qSteps, "It is the long-standing practice of successive governments not to comment on leaks.", false, Declined, []Ground{NoCommentConvention}, "ground:no-comment-convention"},
		{"future publication", qSteps, "We will publish the bus strategy in due course.", false, Declined, []Ground{FuturePublication}, "ground:future-publication"},
		{"a deferral alone declines a whether question too (codebook v2)", qWhether, "We will set out our plans in due course.", false, Declined, []Ground{FuturePublication}, "rule:ground-only"},
		{"headcount does not answer a budget question", "To ask the Secretary of State for Transport, what the annual budget of the Bus Centre of Excellence was in 2023-24.", "The Centre has a core team of 39 staff. Spending on it is difficult to calculate, as costs are integrated within broader programme budgets.", false, Declined, []Ground{NotHeld}, "ground:not-held"},
		{"a sum answers a budget question", "To ask the Secretary of State for Transport, what the annual budget of the Bus Centre of Excellence was in 2023-24.", "The Centre's budget was £4.2 million. Its spending on consultants is not held centrally.", false, Partial, []Ground{NotHeld}, "info:figures"},
		{"average asks for a figure", "To ask the Secretary of State for Transport, how many bus routes were cut in 2023; and what the average subsidy per route was.", "The number of routes cut is not held centrally. Councils decide their own support for routes, taking into account local needs, the views of passengers and the financial position of each operator in their area.", false, Declined, []Ground{NotHeld}, "ground:not-held"},
		{"a none answers what discussions despite a ground", "To ask the Secretary of State for Transport, what discussions she has had with the police on the closure of bus lanes.", "This is an operational matter for the police. The Department has had no discussions with them about it.", false, Partial, []Ground{OtherBody}, "info:direct"},
		{"a none answers what assessment despite a ground", "To ask the Secretary of State for Transport, what assessment she has made of the closure of bus lanes by the police.", "This is an operational matter for the police. No assessment has been made by the Department.", false, Partial, []Ground{OtherBody}, "info:direct-none"},
		{"private matter for is another body", qSteps, "The routes operators run are a private matter for the companies involved.", false, Declined, []Ground{OtherBody}, "ground:other-body"},
		{"the reason is the ground, not the form", qHowMany, "It is not possible to provide figures by route because, due to low numbers, this would risk identification of the individuals concerned.", false, Declined, []Ground{PersonalData}, "ground:personal-data"},
		{"a planned timetable wants a date", "To ask the Secretary of State for Transport, what her planned timetable is for the new bus strategy.", "The strategy will improve services for passengers across England.", false, Partial, nil, "missing:figures"},
		{"another department is responsible", qSteps, "HM Treasury is responsible for fuel duty policy.", false, Declined, []Ground{OtherBody}, "ground:other-body:other-department:HM Treasury"},
		{"the answering department is not another body", qSteps, "The Department for Transport is responsible for bus policy in England and has capped single fares.", false, Disclosed, nil, ""},
		{"a table answers whether", qWhether, "The operators met are listed in the following table:\nOperator | Date\nArriva | 3 May", false, Disclosed, nil, "table"},
		{"not any is a nil answer", qHowMany, "The Department does not operate any electric buses and therefore has not bought any.", false, Disclosed, nil, "nil"},
		{"prorogation reply is declined without a ground", qHowMany, "It has not proved possible to respond to the hon. Member in the time available before Prorogation.", false, Declined, nil, "refusal:cannot-answer"},
		{"a date the question gave does not answer when", "To ask the Secretary of State for Transport, when she plans to respond to the letter of 11 June 2025 from the hon. Member.", "The letter of 11 June will be responded to in due course.", false, Declined, []Ground{FuturePublication}, "ground:future-publication"},
		{"a copy in the House of Commons Library answers", qHowMany, "A table of the buses bought has been placed in the House of Commons Library.", false, Disclosed, nil, "attachment"},
		{"passed to a body whose letter answers is not a refusal", qHowMany, "The information requested falls within the responsibility of the UK Statistics Authority. I have asked the authority to reply.\n\nLetter from Jil Matheson, dated October 2009:\n\nAs National Statistician, I have been asked to reply. In 2023, 412 electric buses were registered.", false, Disclosed, nil, "transfer:answered-by-letter"},
		{"passed on with no letter stays other-body", qHowMany, "The information requested falls within the responsibility of the UK Statistics Authority. I have asked the authority to reply.", false, Declined, []Ground{OtherBody}, "ground:other-body"},
		{"not recorded answers whether recorded", "To ask the Secretary of State for Transport, whether her Department records the number of bus stops.", "The Department does not collect data on bus stops.", false, Disclosed, nil, "direct:not-recorded"},
	}
	var c Classifier
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := rec(tc.q, tc.a)
			r.Department = "Department for Transport"
			r.Holding = tc.holding
			v := c.Classify(Input{Record: r})
			if v.Stance != tc.stance || !sameGrounds(v.Grounds, tc.grounds) {
				t.Errorf("got %s %v, want %s %v; evidence %+v", v.Stance, v.Grounds, tc.stance, tc.grounds, v.Evidence)
			}
			if tc.cue != "" && !evidenceHas(v, tc.cue) {
				t.Errorf("no evidence with cue %q: %+v", tc.cue, v.Evidence)
			}
			if v.Confidence <= 0 || v.Confidence > 1 {
				t.Errorf("confidence %v outside (0, 1]", v.Confidence)
			}
			for _, e := range v.Evidence {
				if e.InQuestion || e.End == 0 {
					continue
				}
				if r.Answer[e.Start:e.End] != e.Text {
					t.Errorf("evidence %q does not match answer bytes [%d:%d] %q", e.Text, e.Start, e.End, r.Answer[e.Start:e.End])
				}
			}
		})
	}
}

func TestUnanswered(t *testing.T) {
	var c Classifier
	v := c.Classify(Input{Record: rec("To ask the Secretary of State for Transport, how many buses.", "")})
	if v.Stance != Unanswered || len(v.Grounds) != 0 {
		t.Errorf("got %s %v, want unanswered", v.Stance, v.Grounds)
	}
	if v := c.Classify(Input{}); v.Stance != Unanswered {
		t.Errorf("nil record: got %s", v.Stance)
	}
}

func TestOverrideWins(t *testing.T) {
	c := Classifier{Overrides: Overrides{"test:1": {ID: "test:1", Stance: Declined, Grounds: []Ground{OtherBody}, Note: "adjudicated"}}}
	v := c.Classify(Input{Record: rec("To ask the Secretary of State for Transport, how many buses.", "In 2023, 412 buses were bought.")})
	if v.Stance != Declined || !v.Overridden || v.Note != "adjudicated" || !sameGrounds(v.Grounds, []Ground{OtherBody}) || v.Confidence != 1 {
		t.Errorf("override not applied: %+v", v)
	}
}

func TestCustomLexicon(t *testing.T) {
	lex := DefaultLexicon()
	lex.Cues = append(lex.Cues, Cue{Ground: "budget-purdah", Pattern: `pre-election period`, Name: "purdah"})
	c := Classifier{Lexicon: lex}
	v := c.Classify(Input{Record: rec("To ask the Secretary of State for Transport, what steps she is taking on buses.", "We cannot answer during the pre-election period.")})
	if v.Stance != Declined || !sameGrounds(v.Grounds, []Ground{"budget-purdah"}) {
		t.Errorf("custom ground: got %s %v", v.Stance, v.Grounds)
	}
	bad := Classifier{Lexicon: Lexicon{Cues: []Cue{{Ground: NotHeld, Pattern: "("}}}}
	if err := bad.Prepare(); err == nil {
		t.Error("Prepare accepted an invalid pattern")
	}
}

// TestFamilies checks that a wording the lexicon misses is recognised through
// a boilerplate family that the lexicon recognises in most of its variants.
func TestFamilies(t *testing.T) {
	fams := []boilerplate.Family{{
		ID: 7,
		Variants: []boilerplate.Variant{
			{Text: "The information requested is not held centrally.", Count: 40},
			{Text: "That information is not held centrally.", Count: 12},
			{Text: "Such information does not sit with the Department centrally.", Count: 3},
		},
	}, {
		ID: 8, Variants: []boilerplate.Variant{{Text: "Buses matter to everyone.", Count: 9}},
	}}
	var c Classifier
	c.LearnFamilies(fams)
	if !sameGrounds(c.FamilyGrounds[7], []Ground{NotHeld}) || len(c.FamilyGrounds[8]) != 0 {
		t.Fatalf("FamilyGrounds = %v", c.FamilyGrounds)
	}
	a := "Such information does not sit with the Department centrally."
	r := rec("To ask the Secretary of State for Transport, how many buses were bought.", a)
	without := c.Classify(Input{Record: r})
	with := c.Classify(Input{Record: r, Boilerplate: []boilerplate.Span{{Start: 0, End: len(a), Family: 7}}})
	if without.Stance == Declined {
		t.Fatalf("lexicon alone should miss this wording: %+v", without)
	}
	if with.Stance != Declined || !sameGrounds(with.Grounds, []Ground{NotHeld}) || !evidenceHas(with, "family:7") {
		t.Errorf("family did not supply the ground: %+v", with)
	}
}

func TestReadQuestion(t *testing.T) {
	cases := []struct {
		q    string
		want []Want
	}{
		{"To ask the Secretary of State for Health and Social Care, how many nurses were recruited in 2023.", []Want{WantFigures}},
		{"To ask the Minister for the Cabinet Office, with reference to the Answer of 15 January 2024 to Question 7805, what the budget is for the platform; and which organisation has been tasked with developing it.", []Want{WantFigures, WantDescription}},
		{"To ask the Secretary of State for Culture, Media and Sport, if she will have discussions with the Charity Commission.", []Want{WantYesNo}},
		{"To ask the Secretary of State for Defence, whether he has made an assessment of the impact of the policy.", []Want{WantDescription}},
		{"To ask the Secretary of State for Work and Pensions, if she will make an estimate of the number of pensioners affected.", []Want{WantFigures}},
		{"To ask the Secretary of State for Education, when she expects the review to be published.", []Want{WantDate}},
		{"To ask the Secretary of State for Work and Pensions, what assessment he has made of how many of the 200,000 jobs will be created as a direct result of Government intervention.", []Want{WantFigures}},
		{"To ask the Secretary of State for Business and Trade, what recent discussions he has had with the Secretary of State for Environment on packaging.", []Want{WantYesNo}},
		{"To ask the Secretary of State for Transport, what assessment she has made of the capacity of the combined authority.", []Want{WantDescription}},
		{"To ask the Secretary of State for Children, Schools and Families\n(1) when he plans to publish the School Sport Survey for 2008-09;\n(2) how many schoolchildren participated in sport each week.", []Want{WantDate, WantFigures}},
		{"To ask the Secretary of State for Defence how many helicopters are in service.\n\nTo ask the Secretary of State for Defence what steps he is taking to increase that number.", []Want{WantFigures, WantDescription}},
	}
	for _, tc := range cases {
		f := ReadQuestion(tc.q)
		if len(f.Parts) != len(tc.want) {
			t.Errorf("%q: parts %v, want %v", tc.q, f.Parts, tc.want)
			continue
		}
		for i := range tc.want {
			if f.Parts[i] != tc.want[i] {
				t.Errorf("%q: parts %v, want %v", tc.q, f.Parts, tc.want)
			}
		}
	}
	if n := ReadQuestion("whether (a) x and (b) y").Items; n != 2 {
		t.Errorf("items = %d, want 2", n)
	}
}

func TestReadLexicon(t *testing.T) {
	lex, err := ReadLexicon(strings.NewReader("# comment\nnot-held\tnot kept\t0.5\nmy-ground\tpurdah\n\n"), "lex.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Cues) != 2 || lex.Cues[0].Weight != 0.5 || lex.Cues[1].Ground != "my-ground" || lex.Cues[1].Weight != 0 {
		t.Errorf("got %+v", lex.Cues)
	}
	for in, want := range map[string]string{
		"not-held\n":             "lex.tsv: line 1: want 2 or 3",
		"not-held\t(\n":          "lex.tsv: line 1: field pattern",
		"not-held\tx\theavy\n":   "lex.tsv: line 1: field weight",
		"# c\n\tx\n":             "lex.tsv: line 2: field ground",
		"a\tb\nnot-held\tx\t2\n": "lex.tsv: line 2: field weight",
	} {
		_, err := ReadLexicon(strings.NewReader(in), "lex.tsv")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want it to contain %q", in, err, want)
		}
	}
}

func TestReadOverrides(t *testing.T) {
	in := "# key\tstance\tgrounds\tnote\napi:1\tdeclined\tnot-held,disproportionate-cost\tboth\napi:2\tdisclosed\t-\tfine\napi:3\treferred\t-\n"
	o, err := ReadOverrides(strings.NewReader(in), "dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(o) != 3 || o["api:1"].Stance != Declined || len(o["api:1"].Grounds) != 2 || o["api:2"].Grounds != nil || o["api:1"].Note != "both" {
		t.Errorf("got %+v", o)
	}
	gv := o.Verdicts()
	if !sameGrounds(gv["api:1"].Grounds, []Ground{DisproportionateCost, NotHeld}) {
		t.Errorf("Verdicts grounds not in canonical order: %v", gv["api:1"].Grounds)
	}
	for in, want := range map[string]string{
		"api:1\tmaybe\t-\tx\n":                                    "dev.tsv: line 1: field stance",
		"api:1\tdeclined\n":                                       "dev.tsv: line 1: want at least 3",
		"api:1\tdeclined\tnot-held,\tx\n":                         "dev.tsv: line 1: field grounds",
		"api:1\tdeclined\t-\nx\tdeclined\t-\napi:1\tpartial\t-\n": "dev.tsv: line 3: field key",
	} {
		_, err := ReadOverrides(strings.NewReader(in), "dev.tsv")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want it to contain %q", in, err, want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	gold := map[string]Verdict{
		"a": {Stance: Disclosed},
		"b": {Stance: Declined, Grounds: []Ground{NotHeld}},
		"c": {Stance: Partial, Grounds: []Ground{NotHeld, OtherBody}},
		"d": {Stance: Referred},
		"e": {Stance: Holding},
	}
	pred := map[string]Verdict{
		"a": {Stance: Disclosed, Confidence: 0.95},
		"b": {Stance: Declined, Grounds: []Ground{NotHeld}, Confidence: 1},
		"c": {Stance: Declined, Grounds: []Ground{NotHeld}, Confidence: 0.55},
		"d": {Stance: Referred, Confidence: 0.85},
		"x": {Stance: Disclosed},
	}
	s := Evaluate(gold, pred)
	if s.N != 4 || s.Missing != 1 {
		t.Fatalf("N %d Missing %d", s.N, s.Missing)
	}
	if s.Accuracy != 0.75 {
		t.Errorf("accuracy %v", s.Accuracy)
	}
	// declined: TP 1, FP 1 (c) → P 0.5, R 1, F1 2/3; partial: FN 1 → F1 0;
	// disclosed F1 1. Macro = (1 + 0 + 2/3)/3.
	if d := s.Stance[Declined]; d.TP != 1 || d.FP != 1 || d.FN != 0 {
		t.Errorf("declined %+v", d)
	}
	if want := (1 + 0 + 2.0/3) / 3; abs(s.MacroF1-want) > 1e-9 {
		t.Errorf("macro-F1 %v, want %v", s.MacroF1, want)
	}
	// grounds: gold pairs b/not-held, c/not-held, c/other-body; predicted
	// b/not-held, c/not-held → TP 2, FN 1, FP 0.
	if g := s.Grounds; g.TP != 2 || g.FN != 1 || g.FP != 0 || abs(g.F1-0.8) > 1e-9 {
		t.Errorf("grounds %+v", g)
	}
	if s.Confusion[Partial][Declined] != 1 {
		t.Errorf("confusion %v", s.Confusion)
	}
	// bands: c (0.55, wrong) in [0, 0.6); d in [0.8, 0.9); a and b (1
	// included) in [0.9, 1].
	if b := s.ByConfidence; b[0].N != 1 || b[0].Correct != 0 || b[3].N != 1 || b[3].Correct != 1 || b[4].N != 2 || b[4].Accuracy != 1 {
		t.Errorf("by confidence %+v", b)
	}
	if md := s.Markdown(); !strings.Contains(md, "| macro-F1 (disclosed, partial, declined) | 0.556 |") || !strings.Contains(md, "| [0.9, 1.0] | 2 | 2 | 1.00 |") {
		t.Errorf("markdown:\n%s", md)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestClassifyAll checks that the parallel path gives exactly the serial
// verdicts (run with -race to check the Classifier's concurrency safety).
func TestClassifyAll(t *testing.T) {
	answers := []string{
		"In 2023, 412 buses were bought.",
		"The information requested is not held centrally.",
		"I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.",
		"I will write to the hon. Member.",
		"",
	}
	var ins []Input
	for i := 0; i < 40; i++ {
		ins = append(ins, Input{Record: rec("To ask the Secretary of State for Transport, how many buses were bought.", answers[i%len(answers)])})
	}
	var c Classifier
	got := c.ClassifyAll(ins)
	for i, in := range ins {
		want := c.Classify(in)
		if got[i].Stance != want.Stance || !sameGrounds(got[i].Grounds, want.Grounds) || len(got[i].Evidence) != len(want.Evidence) {
			t.Errorf("input %d: parallel %s %v, serial %s %v", i, got[i].Stance, got[i].Grounds, want.Stance, want.Grounds)
		}
	}
}

// TestStockFormulae checks the lexicon against stock refusal sentences that
// recur across bodies in the corpus (each is the example of a boilerplate
// family used by several answers), one ground each.
func TestStockFormulae(t *testing.T) {
	cases := []struct {
		text string
		want Ground
	}{
		{"I am withholding this information as its disclosure would, or would be likely to prejudice the capability, effectiveness or security of the Armed Forces.", NationalSecurity},
		{"In line with the practice followed by successive administrations, the Government does not otherwise comment on security matters.", NationalSecurity},
		{"In line with the practice of successive administrations, details of internal discussions are not normally disclosed.", NoCommentConvention},
		{"The Government does not comment on future sanctions measures, as to do so would reduce their impact.", NoCommentConvention},
		{"It would be inappropriate for Ministers to comment at this stage or give a view on specific proposals.", NoCommentConvention},
		{"This is not an issue for which the Ministry of Defence is responsible.", OtherBody},
		{"How the Territory recoups the costs will be a matter for the Territory Government.", OtherBody},
		{"The final design of the new multipliers will be announced at Budget 2025.", FuturePublication},
		{"Detailed decisions on how the budget will be used will be worked through as part of the ongoing Spending Review.", FuturePublication},
		{"Any final decision to use the site for the intended purposes will be made once the relevant factors have been considered.", FuturePublication},
		{"Accurate data on the video games sector is not readily available to the Department.", NotHeld},
		{"The Department is therefore unable to identify what grants have been made to charities.", NotHeld},
		{"The proportion of costs falling to government were not separately quantified.", NotHeld},
		{"It has been the long-standing policy of successive governments not to comment on intelligence matters.", NationalSecurity},
		{"That decision was made following the taking of legal advice, the contents of which are privileged.", LegalProceedings},
		{"It would not be appropriate to comment on decisions on whether or not to charge individuals in specific cases.", LegalProceedings},
		{"As non-departmental public bodies, development corporations have responsibility for their own records management policy.", OtherBody},
		{"DWP is not responsible for funding the welfare advice sector.", OtherBody},
		{"We are unable to provide commentary on individual sites in the scope of the programme.", NoCommentConvention},
		{"Total affordable housing supply statistics for 2008-09 will be released by CLG in December 2009.", FuturePublication},
		{"Future levels of expenditure beyond 2010-11 will be dependent upon the next spending review.", FuturePublication},
		{"Analysts would not be able to provide the information requested without exceeding the cost threshold.", DisproportionateCost},
		{"It is not possible to say what number of these click throughs resulted in completed applications.", NotHeld},
		{"My Department does not publish the amount of Right to Buy receipts retained by local authorities.", NotHeld},
		{"As under successive administrations, the Government does not publish granular detail on Ministers' travel.", NoCommentConvention},
		{"To protect the integrity of this approach, we cannot share granular data on inspections.", NoCommentConvention},
		{"I am unable to release any details concerning alleged victims which could lead to their identification.", PersonalData},
		{"We will soon publish the multi-year allocations for the period from 2026/27.", FuturePublication},
		{"The detail of the terms and the modalities for implementation are under discussion.", FuturePublication},
		{"The administration of business rates is a responsibility of local government.", OtherBody},
		{"This question can be answered only at disproportionate expense.", DisproportionateCost},
		{"The fact that the Law Officers have advised or have not advised and the content of their advice must not be disclosed outside Government.", LegalProceedings},
	}
	cl := compiledDefault()
	for _, tc := range cases {
		found := false
		for _, h := range cl.match(tc.text) {
			if h.ground == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %s not found; got %+v", tc.text, tc.want, cl.match(tc.text))
		}
	}
}
