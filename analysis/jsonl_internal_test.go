package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
)

// encodeRow is how answers were written before appendRowJSON: the
// reference it must match byte for byte.
func encodeRow(t *testing.T, r AnswerRow) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := newEncoder(&b).Encode(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// awkward strings: HTML, quotes and backslashes, every kind of control
// character, non-ASCII letters and symbols, the two JavaScript line
// separators, and invalid UTF-8 (a lone continuation byte, a truncated
// sequence, an overlong encoding, a surrogate).
var awkward = []string{
	"",
	"plain text",
	`<p>Answer &amp; <a href="https://x.gov.uk/?a=1&b=2">link</a></p>`,
	`quote " backslash \ slash / ` + "`tick`",
	"tab\tnewline\ncr\rbell\abackspace\bformfeed\fnul\x00esc\x1bunit\x1fdel\x7f",
	"£12.5 million — “curly” ‘quotes’ … Ørsted, Zoë, naïve, 北京, 🇬🇧 emoji",
	"line\u2028separator\u2029paragraph\u0085next-line\u00a0nbsp\ufeffbom",
	"bad \x80 continuation, truncated \xe2\x82, overlong \xc0\xaf, surrogate \xed\xa0\x80, end \xff",
	"replacement \ufffd itself",
	"<script>alert('x')</script>",
}

var awkwardFloats = []float64{0, math.Copysign(0, -1), 1, 0.5, 0.1234, 0.9999, 1e-4, 1e-6, 9.99e-7, 1e-7, 1.5e-10,
	123456789, 1e20, 1e21, 1.2345e22, -0.25, -1e-7, math.SmallestNonzeroFloat64, math.MaxFloat64}

func TestAppendRowJSONIsEncodingJSON(t *testing.T) {
	rows := []AnswerRow{
		{}, // nil slices: null
		{Grounds: []classify.Ground{}, Evidence: []classify.Evidence{}, Refs: []classify.Ref{}},
	}
	for i, s := range awkward {
		f := awkwardFloats[i%len(awkwardFloats)]
		rows = append(rows, AnswerRow{
			ID: "api:" + s, Source: s, UIN: s, House: s, Body: s, BodyAsNamed: s, AskerID: -i * 1000003, AskerName: s,
			DateTabled: s, DateAnswered: s, Heading: s, Group: s, Stance: classify.Stance(s),
			Grounds:    []classify.Ground{classify.Ground(s), "national-security"},
			Confidence: f, Overridden: i%2 == 0, Note: s, BoilerplateShare: -f, Holding: i%3 == 0, Truncated: i%2 == 1, URL: s,
			Evidence: []classify.Evidence{{Start: i, End: i + 7, Text: s, Cue: s, InQuestion: i%2 == 0}, {Text: s}},
			Refs: []classify.Ref{{Kind: classify.RefKind(s), Start: 3, End: 9},
				{Kind: classify.RefURL, UIN: s, Date: s, URL: s, Title: s, Start: -1, End: math.MaxInt64}},
		})
	}
	for _, f := range awkwardFloats {
		rows = append(rows, AnswerRow{Confidence: f, BoilerplateShare: -f, Grounds: []classify.Ground{}})
	}
	// And random rows: random runes and bytes in every string, random
	// floats of every magnitude.
	rng := rand.New(rand.NewPCG(13, 2026))
	str := func() string {
		var b strings.Builder
		for range rng.IntN(40) {
			switch rng.IntN(4) {
			case 0:
				b.WriteByte(byte(rng.IntN(256)))
			case 1:
				b.WriteRune(rune(rng.IntN(0x80)))
			case 2:
				b.WriteRune(rune(rng.IntN(0x3000)))
			default:
				b.WriteRune(rune(rng.IntN(utf8MaxRune)))
			}
		}
		return b.String()
	}
	float := func() float64 {
		return (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(60)-30))
	}
	for range 2000 {
		r := AnswerRow{ID: str(), Source: str(), UIN: str(), House: str(), Body: str(), BodyAsNamed: str(),
			AskerID: rng.IntN(1 << 40), AskerName: str(), DateTabled: str(), DateAnswered: str(), Heading: str(),
			Group: str(), Stance: classify.Stance(str()), Confidence: float(), Overridden: rng.IntN(2) == 0,
			Note: str(), BoilerplateShare: float(), Holding: rng.IntN(2) == 0, Truncated: rng.IntN(2) == 0, URL: str()}
		if rng.IntN(5) > 0 {
			r.Grounds = []classify.Ground{}
			for range rng.IntN(3) {
				r.Grounds = append(r.Grounds, classify.Ground(str()))
			}
		}
		if rng.IntN(5) > 0 {
			r.Evidence = []classify.Evidence{}
			for range rng.IntN(4) {
				r.Evidence = append(r.Evidence, classify.Evidence{Start: rng.IntN(1e6), End: rng.IntN(1e6), Text: str(), Cue: str(), InQuestion: rng.IntN(2) == 0})
			}
		}
		if rng.IntN(5) > 0 {
			r.Refs = []classify.Ref{}
			for range rng.IntN(3) {
				ref := classify.Ref{Kind: classify.RefKind(str()), Start: rng.IntN(1e6), End: rng.IntN(1e6)}
				if rng.IntN(2) == 0 {
					ref.UIN, ref.Date = str(), str()
				}
				if rng.IntN(2) == 0 {
					ref.URL, ref.Title = str(), str()
				}
				r.Refs = append(r.Refs, ref)
			}
		}
		rows = append(rows, r)
	}
	for i, r := range rows {
		want := encodeRow(t, r)
		got, ok := appendRowJSON([]byte("prefix"), &r)
		if !ok {
			t.Fatalf("row %d: not encoded", i)
		}
		if !bytes.Equal(got[len("prefix"):], want) {
			t.Fatalf("row %d:\n got %q\nwant %q", i, got[len("prefix"):], want)
		}
	}
}

const utf8MaxRune = 0x10FFFF

// WriteAnswersJSONL writes what encoding an AnswerRow per answer wrote,
// across more answers than one write gathers, and an answer JSON cannot
// represent stops it with encoding/json's error after the answers before.
func TestWriteAnswersJSONLIsEncodingJSON(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	res := &Result{}
	for i := range 3000 {
		s := awkward[i%len(awkward)]
		rec := &corpus.Record{ID: "api:" + s, Source: corpus.SourceAPI, UIN: "HL" + s, Department: s, Heading: s,
			Question: s, Answer: s, DateTabled: day, Asker: corpus.Member{ID: i, Name: s}, URL: s, Holding: i%7 == 0}
		if i%3 == 0 {
			rec.DateAnswered = day.AddDate(0, 0, i)
		}
		a := Answer{Record: rec, Group: s, BoilerplateShare: float64(i%97) / 97,
			Verdict: classify.Verdict{Stance: classify.Stances[i%len(classify.Stances)], Confidence: 1 / float64(i+1),
				Evidence: []classify.Evidence{{Start: i, End: i + 5, Text: s, Cue: "figure"}}}}
		if i%4 == 0 {
			a.Verdict.Grounds = []classify.Ground{classify.Grounds[i%len(classify.Grounds)]}
			a.Verdict.Refs = []classify.Ref{{Kind: classify.RefAnswer, UIN: s, Start: 1, End: 2}}
		}
		if i%5 == 0 {
			a.BodyName = "Named " + s
		}
		res.Answers = append(res.Answers, a)
	}
	var want bytes.Buffer
	enc := newEncoder(&want)
	for i := range res.Answers {
		if err := enc.Encode(res.Answers[i].Row()); err != nil {
			t.Fatal(err)
		}
	}
	var got bytes.Buffer
	if err := WriteAnswersJSONL(&got, res); err != nil {
		t.Fatal(err)
	}
	if want.Len() < 2*jsonlFlush {
		t.Fatalf("only %d bytes: the test should span several writes", want.Len())
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		n := 0
		for n < len(g) && n < len(w) && g[n] == w[n] {
			n++
		}
		t.Fatalf("output differs at byte %d of %d (want %d)", n, len(g), len(w))
	}

	res.Answers[2000].Verdict.Confidence = math.NaN()
	got.Reset()
	err := WriteAnswersJSONL(&got, res)
	if err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Fatalf("err = %v, want encoding/json's error about NaN", err)
	}
	if lines := bytes.Count(got.Bytes(), []byte("\n")); lines != 2000 {
		t.Errorf("%d answers written before the NaN, want 2000", lines)
	}
}

func TestAppendRowJSONRefusesNonFinite(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		r := AnswerRow{BoilerplateShare: f}
		if got, ok := appendRowJSON([]byte("x"), &r); ok || string(got) != "x" {
			t.Errorf("%v: ok %v, dst %q", f, ok, got)
		}
		if _, err := json.Marshal(r); err == nil {
			t.Errorf("%v: encoding/json took it", f)
		}
	}
}
