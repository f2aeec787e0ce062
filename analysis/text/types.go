package text

// Sentence is one sentence of a text. Start and End are byte offsets into
// the text it was split from, so text[Start:End] == Text.
type Sentence struct {
	Start, End int
	Text       string
}

// Token is one word or number of a text, with its byte offsets.
type Token struct {
	Start, End int
	Text       string
}
