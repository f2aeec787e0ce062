package analysis

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/parlance-go/parlance/analysis/classify"
)

// appendRowJSON appends r as one line of JSON, newline included, byte for
// byte as json.Encoder with SetEscapeHTML(false) encodes an AnswerRow:
// fields in declaration order under their tags, omitempty honoured, floats
// in the encoder's ES6 form. Reflection-based encoding was most of the time
// spent writing a large corpus's JSON Lines. ok is false, and dst as it
// was, when r holds a value JSON cannot represent (a NaN or infinite
// float): the caller then encodes the row with encoding/json to get its
// error. TestAppendRowJSONIsEncodingJSON holds the two together.
func appendRowJSON(dst []byte, r *AnswerRow) (_ []byte, ok bool) {
	if !finite(r.Confidence) || !finite(r.BoilerplateShare) {
		return dst, false
	}
	b := append(dst, `{"id":`...)
	b = appendJSONString(b, r.ID)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, r.Source)
	b = append(b, `,"uin":`...)
	b = appendJSONString(b, r.UIN)
	b = append(b, `,"house":`...)
	b = appendJSONString(b, r.House)
	b = append(b, `,"body":`...)
	b = appendJSONString(b, r.Body)
	b = append(b, `,"body_as_named":`...)
	b = appendJSONString(b, r.BodyAsNamed)
	b = append(b, `,"asker_id":`...)
	b = strconv.AppendInt(b, int64(r.AskerID), 10)
	b = append(b, `,"asker_name":`...)
	b = appendJSONString(b, r.AskerName)
	b = append(b, `,"date_tabled":`...)
	b = appendJSONString(b, r.DateTabled)
	b = append(b, `,"date_answered":`...)
	b = appendJSONString(b, r.DateAnswered)
	b = append(b, `,"heading":`...)
	b = appendJSONString(b, r.Heading)
	b = append(b, `,"group":`...)
	b = appendJSONString(b, r.Group)
	b = append(b, `,"stance":`...)
	b = appendJSONString(b, string(r.Stance))
	b = append(b, `,"grounds":`...)
	b = appendGrounds(b, r.Grounds)
	b = append(b, `,"confidence":`...)
	b = appendJSONFloat(b, r.Confidence)
	b = append(b, `,"overridden":`...)
	b = strconv.AppendBool(b, r.Overridden)
	b = append(b, `,"note":`...)
	b = appendJSONString(b, r.Note)
	b = append(b, `,"boilerplate_share":`...)
	b = appendJSONFloat(b, r.BoilerplateShare)
	b = append(b, `,"holding":`...)
	b = strconv.AppendBool(b, r.Holding)
	b = append(b, `,"truncated":`...)
	b = strconv.AppendBool(b, r.Truncated)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, r.URL)
	b = append(b, `,"evidence":`...)
	b = appendEvidence(b, r.Evidence)
	b = append(b, `,"refs":`...)
	b = appendRefs(b, r.Refs)
	return append(b, "}\n"...), true
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// appendList writes xs as a JSON array, each element by elem, and a nil
// slice as null, an empty one as [], as encoding/json does.
func appendList[T any](b []byte, xs []T, elem func([]byte, *T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, &xs[i])
	}
	return append(b, ']')
}

func appendGrounds(b []byte, gs []classify.Ground) []byte {
	return appendList(b, gs, func(b []byte, g *classify.Ground) []byte {
		return appendJSONString(b, string(*g))
	})
}

func appendEvidence(b []byte, es []classify.Evidence) []byte {
	return appendList(b, es, func(b []byte, e *classify.Evidence) []byte {
		b = append(b, `{"start":`...)
		b = strconv.AppendInt(b, int64(e.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(e.End), 10)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, e.Text)
		b = append(b, `,"cue":`...)
		b = appendJSONString(b, e.Cue)
		if e.InQuestion {
			b = append(b, `,"in_question":true`...)
		}
		return append(b, '}')
	})
}

func appendRefs(b []byte, rs []classify.Ref) []byte {
	return appendList(b, rs, func(b []byte, r *classify.Ref) []byte {
		b = append(b, `{"kind":`...)
		b = appendJSONString(b, string(r.Kind))
		if r.UIN != "" {
			b = append(b, `,"uin":`...)
			b = appendJSONString(b, r.UIN)
		}
		if r.Date != "" {
			b = append(b, `,"date":`...)
			b = appendJSONString(b, r.Date)
		}
		if r.URL != "" {
			b = append(b, `,"url":`...)
			b = appendJSONString(b, r.URL)
		}
		if r.Title != "" {
			b = append(b, `,"title":`...)
			b = appendJSONString(b, r.Title)
		}
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(r.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(r.End), 10)
		return append(b, '}')
	})
}

// appendJSONFloat writes a finite x as encoding/json does (ES6 number to
// string): the shortest decimal that reads back as x, in exponent form
// only below 1e-6 or from 1e21 on, with the exponent unpadded (1e-7, not
// 1e-07).
func appendJSONFloat(b []byte, x float64) []byte {
	abs := math.Abs(x)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s quoted as encoding/json does without HTML
// escaping: '"' and '\\' backslashed; \b, \f, \n, \r and \t in short form;
// other bytes below 0x20 as \u00XX; each byte of invalid UTF-8 as \ufffd;
// U+2028 and U+2029 as \u2028 and \u2029 (they end lines in JavaScript);
// everything else, <, > and & included, as it is.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
