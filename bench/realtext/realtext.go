// Package realtext loads the shared corpus's full-text answers
// (data/api/fulltext/*.jsonl.gz, lines of {"id","questionText","answerText"})
// for parlance's benchmarks and corpus-scale tests.
//
// It is a stop-gap until corpus.NewFullTextReader lands: it converts the
// answer HTML to plain text itself, with block elements (<p>, <li>, <tr>,
// <br>, headings) as line breaks, table cells separated by " | ", and
// entities unescaped; and it takes the answering body from the question's
// addressee ("To ask the Secretary of State for Education, ...").
package realtext

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Answer is one answered question of the full-text corpus.
type Answer struct {
	ID   string // "api:<id>"
	Body string // the question's addressee, e.g. "the Secretary of State for Education"
	Text string // the answer as plain text, paragraphs separated by "\n\n"
}

// Load reads up to n answered questions (n <= 0: all) from the
// *.jsonl.gz files of dir in file-name order. Unanswered lines are skipped
// (they have no answer to analyse); a malformed line is an error naming the
// file and line.
func Load(dir string, n int) ([]Answer, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("realtext: no *.jsonl.gz files in %s", dir)
	}
	sort.Strings(files)
	var out []Answer
	for _, f := range files {
		var err error
		out, err = loadFile(f, n, out)
		if err != nil {
			return nil, err
		}
		if n > 0 && len(out) >= n {
			break
		}
	}
	return out, nil
}

func loadFile(path string, n int, out []Answer) ([]Answer, error) {
	f, err := os.Open(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return out, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		var v struct {
			ID       int64   `json:"id"`
			Question string  `json:"questionText"`
			Answer   *string `json:"answerText"`
		}
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return out, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if v.Answer == nil || strings.TrimSpace(*v.Answer) == "" {
			continue
		}
		out = append(out, Answer{
			ID:   fmt.Sprintf("api:%d", v.ID),
			Body: Addressee(v.Question),
			Text: HTMLToText(*v.Answer),
		})
		if n > 0 && len(out) >= n {
			return out, nil
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return out, nil
}

var addresseeRE = regexp.MustCompile(`^To ask (?:the |Her Majesty's |His Majesty's )?([^,]+),`)

// Addressee returns the office a question is addressed to ("Secretary of
// State for Education"), or "" if the question does not open "To ask ...,".
func Addressee(question string) string {
	m := addresseeRE.FindStringSubmatch(question)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

var (
	tagRE   = regexp.MustCompile(`(?is)<(/?)([a-z0-9]+)[^>]*>`)
	spaceRE = regexp.MustCompile(`[ \t\x{00a0}]+`)
	blankRE = regexp.MustCompile(`\n(?:[ \t\x{00a0}]*\n)+`)
)

// HTMLToText converts answer HTML to plain text: paragraphs separated by
// "\n\n", list items, table rows and <br> on lines of their own, table
// cells joined by " | ".
func HTMLToText(s string) string {
	s = tagRE.ReplaceAllStringFunc(s, func(t string) string {
		m := tagRE.FindStringSubmatch(t)
		switch strings.ToLower(m[2]) {
		case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote":
			return "\n\n"
		case "li", "tr", "br":
			return "\n"
		case "td", "th":
			if m[1] == "/" {
				return " | "
			}
		}
		return ""
	})
	s = html.UnescapeString(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = spaceRE.ReplaceAllString(l, " ")
		l = strings.TrimSpace(l)
		l = strings.TrimSuffix(l, " |")
		lines[i] = strings.TrimSpace(l)
	}
	s = strings.Join(lines, "\n")
	s = blankRE.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}
