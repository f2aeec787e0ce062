package classify

import (
	"bytes"
	_ "embed"
	"sync"
)

// embeddedModelFile is the name EmbeddedModel's errors give the embedded file.
const embeddedModelFile = "analysis/classify/model.json"

//go:embed model.json
var embeddedModelJSON []byte

var (
	embeddedModelOnce sync.Once
	embeddedModel     *Model
)

// EmbeddedModel returns the learned decision fitted to the project's
// labels: the multinomial logistic regression of Model, without the LSA
// relevance features, fitted by Train with the zero TrainOptions to every
// labelled answer outside round 3's frozen test split (the dev set, the
// check sets and round 3's train split), coded blind from the codebook by
// language-model coding agents, not trained human coders. It is read once
// from the embedded model.json, which TestEmbeddedModelFile keeps equal to
// what that fit gives. It keeps the verdicts of KeptRules. It does not
// decide unless asked (Classifier{Model: EmbeddedModel()}): the zero
// Classifier's rules decide, since the rates corrected for classifier
// error and the agreement figures reports cite are measured for the rules
// (the README says what else stands in the way). Callers must not change
// it.
func EmbeddedModel() *Model {
	embeddedModelOnce.Do(func() {
		m, err := ReadModel(bytes.NewReader(embeddedModelJSON), embeddedModelFile)
		if err != nil {
			// The file is embedded and tested; a parse error is a build bug.
			panic(err)
		}
		embeddedModel = m
	})
	return embeddedModel
}
