package classify

// Agreement is how often the default rules' stances agree with human-style
// coding of one labelled sample, as this version's tests measure it
// (TestDevSet and TestCheckSets fail when the figures here and the
// measurement part). Reports cite them so that readers know how far to
// trust a verdict they have not checked.
type Agreement struct {
	// Sample describes the answers and how they were coded, to follow
	// their number: "API answers of 2023-24 coded by …".
	Sample string
	// Answers is the number of answers scored.
	Answers int
	// Accuracy is the share of answers whose stance the rules and the
	// coders agree on; MacroF1 the mean F1 over disclosed, partial and
	// declined.
	Accuracy, MacroF1 float64
	// InSample is set when the rules were written and checked against the
	// sample itself, so its figures flatter them.
	InSample bool
}

// Measured lists the agreement of DefaultLexicon's rules with each labelled
// sample the package is tested on: the dev set, the check sets, then round
// 3's train split (TestDevSet, TestCheckSets and TestRound3Train keep them
// equal to what they measure).
var Measured = []Agreement{
	{Sample: "API answers of 2023-25 coded blind by two language-model coding agents, adjudicated and re-adjudicated under codebook version 2 (the dev set)", Answers: 200, Accuracy: 0.820, MacroF1: 0.800, InSample: true},
	{Sample: "API answers from other months of 2023-26, coded blind by two language-model coding agents, adjudicated and re-adjudicated under codebook version 2", Answers: 280, Accuracy: 0.654, MacroF1: 0.641},
	{Sample: "TheyWorkForYou answers of October 2009, coded blind by two or three language-model coding agents, adjudicated and re-adjudicated under codebook version 2", Answers: 120, Accuracy: 0.800, MacroF1: 0.703},
	{Sample: "API answers of 2023-26 and TheyWorkForYou answers of 2009 drawn by stratum (round 3, train split), coded blind by two language-model coding agents each and adjudicated", Answers: 2037, Accuracy: 0.551, MacroF1: 0.515},
}
