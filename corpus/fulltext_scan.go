package corpus

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// scanFullTextLine is the fast path of FullTextReader: it parses a line of
// the usual shape, one JSON object whose keys are "id" (a positive
// integer), "questionText" and "answerText" (strings or null), each at most
// once, in any order, in valid UTF-8, in one pass and without the
// intermediate map and raw copies of the general decoder. On any other
// line (another key, an escaped key, a repeated key, a number that is not
// a plain positive integer, invalid UTF-8 or invalid JSON) it returns
// ok = false and the caller parses the line with encoding/json, which
// reports the defect. Where it returns ok, its results are those the
// general path gives (see TestScanFullTextLineAgrees).
func scanFullTextLine(b []byte) (id int, question, answer string, ok bool) {
	if !utf8.Valid(b) {
		return 0, "", "", false
	}
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return 0, "", "", false
	}
	i = skipSpace(b, i+1)
	var seenID, seenQ, seenA bool
	if i < len(b) && b[i] == '}' {
		return 0, "", "", false // no id: the general path says so
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, "", "", false
		}
		// A key: only the three known ones, unescaped.
		j := i + 1
		for j < len(b) && b[j] != '"' && b[j] != '\\' && b[j] >= 0x20 {
			j++
		}
		if j >= len(b) || b[j] != '"' {
			return 0, "", "", false
		}
		key := b[i+1 : j]
		i = skipSpace(b, j+1)
		if i >= len(b) || b[i] != ':' {
			return 0, "", "", false
		}
		i = skipSpace(b, i+1)
		switch string(key) {
		case "id":
			if seenID {
				return 0, "", "", false
			}
			seenID = true
			j := i
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j == i || b[i] == '0' || j-i > 18 {
				return 0, "", "", false
			}
			n, err := strconv.Atoi(string(b[i:j]))
			if err != nil {
				return 0, "", "", false
			}
			id, i = n, j
		case "questionText", "answerText":
			var s string
			var isNull bool
			s, isNull, i = scanJSONString(b, i)
			if i < 0 {
				return 0, "", "", false
			}
			if key[0] == 'q' {
				if seenQ {
					return 0, "", "", false
				}
				seenQ = true
				if !isNull {
					question = s
				}
			} else {
				if seenA {
					return 0, "", "", false
				}
				seenA = true
				if !isNull {
					answer = s
				}
			}
		default:
			return 0, "", "", false
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, "", "", false
		}
		if b[i] == '}' {
			if skipSpace(b, i+1) != len(b) || !seenID {
				return 0, "", "", false
			}
			return id, question, answer, true
		}
		if b[i] != ',' {
			return 0, "", "", false
		}
		i = skipSpace(b, i+1)
	}
}

// scanJSONString reads a JSON string or null at b[i:], in valid UTF-8,
// and returns its value and the index after it; the index is -1 when the
// value is neither, or uses an escape this fast path leaves to
// encoding/json (a lone surrogate).
func scanJSONString(b []byte, i int) (s string, isNull bool, next int) {
	if i+4 <= len(b) && string(b[i:i+4]) == "null" {
		return "", true, i + 4
	}
	if i >= len(b) || b[i] != '"' {
		return "", false, -1
	}
	start := i + 1
	j := start
	for j < len(b) && b[j] != '"' && b[j] != '\\' && b[j] >= 0x20 {
		j++
	}
	if j < len(b) && b[j] == '"' {
		return string(b[start:j]), false, j + 1
	}
	// Escapes: decode into a buffer.
	out := make([]byte, 0, len(b)-start)
	out = append(out, b[start:j]...)
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			return string(out), false, j + 1
		case c < 0x20:
			return "", false, -1
		case c != '\\':
			out = append(out, c)
			j++
			continue
		}
		if j+1 >= len(b) {
			return "", false, -1
		}
		switch b[j+1] {
		case '"', '\\', '/':
			out = append(out, b[j+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(b, j+2)
			if !ok {
				return "", false, -1
			}
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one.
				if j+12 > len(b) || b[j+6] != '\\' || b[j+7] != 'u' {
					return "", false, -1
				}
				r2, ok := hex4(b, j+8)
				if !ok {
					return "", false, -1
				}
				dec := utf16.DecodeRune(r, r2)
				if dec == utf8.RuneError {
					return "", false, -1
				}
				out = utf8.AppendRune(out, dec)
				j += 12
				continue
			}
			out = utf8.AppendRune(out, r)
			j += 6
			continue
		default:
			return "", false, -1
		}
		j += 2
	}
	return "", false, -1
}

// hex4 decodes the four hexadecimal digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
