package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// Format names an input format. The zero value asks Open to detect it.
type Format string

// The formats parlance reads.
const (
	FormatDetect Format = ""
	// FormatAPIJSON is the Written Questions API's JSON: a list response
	// ({"totalResults", "results": [...]}), a JSON array of list items
	// ({"value": {...}, "links": [...]}), one detail response, or JSON Lines
	// of items or bare question objects.
	FormatAPIJSON Format = "api-json"
	// FormatAPIFullText is JSON Lines of {"id", "questionText", "answerText"}
	// holding the full texts that the API's list endpoint clips.
	FormatAPIFullText Format = "api-fulltext"
	// FormatTWFYXML is TheyWorkForYou (parlparse) written-answers XML.
	FormatTWFYXML Format = "twfy-xml"
	// FormatPPText is a Parallel Parliament search page saved as text.
	FormatPPText Format = "pp-text"
	// FormatJSONL is parlance's own JSON Lines (see JSONLWriter).
	FormatJSONL Format = "jsonl"
	// FormatCSV is parlance's own CSV (see CSVWriter).
	FormatCSV Format = "csv"
)

// ParseFormat returns the registered Format named s ("" is FormatDetect).
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return FormatDetect, nil
	}
	if _, ok := LookupFormat(Format(s)); ok {
		return Format(s), nil
	}
	return "", fmt.Errorf("unknown format %q (want one of %v)", s, FormatNames())
}

// DetectHeadSize is how many leading bytes (after decompression) Open reads
// to detect a format.
const DetectHeadSize = 64 << 10

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Detect returns the format of an input from its first bytes (head, ideally
// DetectHeadSize of them) and its name, which is only a hint. If head is
// gzip-compressed it is decompressed first (as far as it goes), and a ".gz"
// suffix is ignored in the name. After skipping a UTF-8 byte-order mark and
// leading white space, it asks every registered format (see RegisterFormat)
// in registration order: the first that matches by content wins, else the
// first that matches by name. The built-in formats match thus:
//
//   - "<": TheyWorkForYou XML if the head contains "<publicwhip" or
//     "DOCTYPE publicwhip"; any other XML or HTML is unknown.
//   - "[": the API's JSON (an array of list items).
//   - "{": the top-level keys of the first JSON object decide (as many as
//     the head holds): "id" with a string value together with "source" is
//     parlance JSON Lines; "totalResults", "results" or "value", or any API
//     question metadata key ("uin", "askingMemberId", "answeringBodyId",
//     "dateTabled", "house", "heading"), is the API's JSON; "id" with a
//     number plus "questionText" or "answerText" and no metadata key is an
//     API full-text file. If the keys settle nothing, a name containing
//     "fulltext" means API full text, otherwise unknown.
//   - A first line that is a CSV header whose first column is "id" (quoted
//     or not) and that names a "source" column is parlance CSV.
//   - A line reading exactly "Written Question" together with "Asked by:"
//     or "parallelparliament" in the head is a Parallel Parliament page.
//   - An empty (or all white space) head takes its format from the name's
//     extension: .jsonl or .ndjson → jsonl, .csv → csv.
//   - Otherwise a name ending in .csv is parlance CSV (its reader then says
//     what is wrong with the header); anything else is unknown.
//
// An unknown format is a *Problem wrapping ErrUnknownFormat and naming the
// input.
func Detect(name string, head []byte) (Format, error) {
	if bytes.HasPrefix(head, gzipMagic) {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return "", &Problem{File: name, Err: fmt.Errorf("%w: corrupt gzip header: %v", ErrUnknownFormat, err)}
		}
		// A truncated head ends the stream early; what was decoded is enough.
		head, _ = io.ReadAll(io.LimitReader(zr, DetectHeadSize))
	}
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, ".gz")
	h := bytes.TrimPrefix(head, []byte("\ufeff"))
	h = bytes.TrimLeft(h, " \t\r\n")
	var byName Format
	for _, spec := range RegisteredFormats() {
		switch spec.Detect(base, h) {
		case MatchContent:
			return spec.Name, nil
		case MatchName:
			if byName == "" {
				byName = spec.Name
			}
		}
	}
	if byName != "" {
		return byName, nil
	}
	why := "matches no format parlance reads"
	switch {
	case len(h) == 0:
		why = "empty input whose name does not say its format (.jsonl, .csv)"
	case h[0] == '<':
		why = "XML or HTML that is not TheyWorkForYou written answers"
	case h[0] == '{':
		why = "a JSON object that is neither parlance JSON Lines nor the Written Questions API's"
	}
	var labels []string
	for _, spec := range RegisteredFormats() {
		labels = append(labels, spec.Label)
	}
	return "", &Problem{File: name, Err: fmt.Errorf("%w: %s (%s)", ErrUnknownFormat, why, strings.Join(labels, "; "))}
}

// isTWFYXML reports whether h is TheyWorkForYou written-answers XML.
func isTWFYXML(h []byte) bool {
	return len(h) > 0 && h[0] == '<' &&
		(bytes.Contains(h, []byte("<publicwhip")) || bytes.Contains(h, []byte("DOCTYPE publicwhip")))
}

// apiMetaKeys are keys of an API question that a full-text line lacks.
var apiMetaKeys = map[string]bool{
	"uin": true, "askingMemberId": true, "answeringBodyId": true, "dateTabled": true,
	"house": true, "heading": true, "answeringBodyName": true, "dateAnswered": true,
}

// detectJSONObject reads the top-level keys of the JSON object at the start
// of h (which may be cut short) and applies rule 3 of Detect.
func detectJSONObject(h []byte) Format {
	dec := json.NewDecoder(bytes.NewReader(h))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	keys := map[string]bool{}
	idString, idNumber := false, false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		k, ok := t.(string)
		if !ok {
			break
		}
		keys[k] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			break // cut short in a value: decide on the keys seen
		}
		if k == "id" && len(raw) > 0 {
			idString = raw[0] == '"'
			idNumber = raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9')
		}
	}
	switch {
	case keys["id"] && idString && keys["source"]:
		return FormatJSONL
	case keys["totalResults"] || keys["results"] || keys["value"]:
		return FormatAPIJSON
	}
	for k := range keys {
		if apiMetaKeys[k] {
			return FormatAPIJSON
		}
	}
	if idNumber && (keys["questionText"] || keys["answerText"]) {
		return FormatAPIFullText
	}
	return ""
}

// isCSVHeader reports whether the first line of h is a parlance CSV header.
func isCSVHeader(h []byte) bool {
	line := h
	if i := bytes.IndexByte(h, '\n'); i >= 0 {
		line = h[:i]
	}
	line = bytes.TrimRight(line, "\r")
	var cols []string
	for _, c := range strings.Split(string(line), ",") {
		cols = append(cols, strings.Trim(c, `"`))
	}
	if len(cols) < 2 || cols[0] != "id" {
		return false
	}
	for _, c := range cols[1:] {
		if c == "source" {
			return true
		}
	}
	return false
}

// isPPText applies rule 5 of Detect.
func isPPText(h []byte) bool {
	found := false
	for _, line := range bytes.Split(h, []byte("\n")) {
		if string(bytes.TrimSpace(line)) == "Written Question" {
			found = true
			break
		}
	}
	return found && (bytes.Contains(h, []byte("Asked by:")) || bytes.Contains(h, []byte("parallelparliament")))
}
