package corpus

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// plainSeeds are plain HTML (plainHTMLToText takes them) and inputs just
// outside it (the tokenizer does).
var plainSeeds = []string{
	"<p>Plain answer.</p>",
	"<p>R&amp;D &lt;5&gt; &quot;quoted&quot;&nbsp;here</p><p> </p>",
	`<p>See <a href="https://www.gov.uk/x" target="_blank">the guidance</a>.</p>`,
	`<p><a title="t" href=" https://gov.uk/ " target="_blank">https://gov.uk</a></p>`,
	`<table><tbody><tr><td style="width:50%">2023</td><td>£5m</td></tr></tbody></table>`,
	"<P>Upper<BR/>case<br />lines<br>end</P>",
	"<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>",
	"<p>x</p/><p>y < z</p>",
	"<p>R&D and &amp</p>",
	"<p>a\r\nb</p>",
	"<script>var x = '<p>';</script><p>after</p>",
	"<!-- c --><p>c</p>",
	"<p >spaced</p >",
	`<a href="a&amp;b">link</a>`,
	`<a href="x" href="y">twice</a>`,
	`<br / x>`,
	"<h1>Title</h1><div>div<span>span</span></div><hr/>",
	"",
	"no tags at all &amp; text",
	"<p>unclosed",
	"<p",
}

// TestPlainHTMLIsTokenized checks that wherever plainHTMLToText takes an
// input, its text is the tokenizer's: on the seeds and on every answer of
// the shared full texts.
func TestPlainHTMLIsTokenized(t *testing.T) {
	check := func(where, s string) bool {
		got, ok := plainHTMLToText(s)
		if ok && got != tokenizedHTMLToText(s) {
			t.Errorf("%s: plainHTMLToText(%q) = %q, the tokenizer gives %q", where, s, got, tokenizedHTMLToText(s))
		}
		return ok
	}
	for _, s := range plainSeeds {
		check("seed", s)
	}
	dir := filepath.Join(shared.Path(t, "data/api"), "fulltext")
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no full texts in %s: %v", dir, err)
	}
	plain, total := 0, 0
	for _, path := range files {
		eachFullText(t, path, func(rec *Record) {
			if rec.AnswerHTML == "" {
				return
			}
			total++
			if check(rec.ID, rec.AnswerHTML) {
				plain++
			}
		})
	}
	t.Logf("%d of %d answers are plain HTML", plain, total)
	// Most answers must take the plain path, or it gains nothing.
	if plain < total*3/4 {
		t.Errorf("only %d of %d answers are plain HTML", plain, total)
	}
}

func FuzzPlainHTML(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := plainHTMLToText(s); ok {
			if want := tokenizedHTMLToText(s); got != want {
				t.Fatalf("plainHTMLToText(%q) = %q, the tokenizer gives %q", s, got, want)
			}
		}
	})
}

// TestPlainHTMLRandom builds documents from pieces of plain HTML and of
// what lies just outside it, with a fixed seed, and checks that
// plainHTMLToText agrees with the tokenizer wherever it takes one.
func TestPlainHTMLRandom(t *testing.T) {
	pieces := []string{
		"<p>", "</p>", "<P>", "<br>", "<br/>", "<br />", "<td>", "</td>", "<tr>", "</tr>", "<th>",
		"<table>", "</table>", "<tbody>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<strong>", "</strong>",
		`<a href="https://x.org/a">`, `<a target="_blank">`, `<a href="">`, `<a href=" mailto:a@b.c ">`, "</a>",
		`<td style="w">`, "<div>", "</div>", "<h2>", "</h2>", "<hr/>", "<dl>", "<dt>", "<dd>",
		"text", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "é", "x.org", "https://x.org/a", "a@b.c",
		"&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&", "&amp", "<", ">", "\"", "/", "=",
		"<script>", "</script>", "<!--", "-->", "<title>", "\r", "\x00", "\xff",
	}
	rng := rand.New(rand.NewPCG(20261130, 1))
	plain := 0
	const docs = 20000
	for range docs {
		var b strings.Builder
		for n := rng.IntN(24); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, ok := plainHTMLToText(s); ok {
			plain++
			if want := tokenizedHTMLToText(s); got != want {
				t.Fatalf("plainHTMLToText(%q) = %q, the tokenizer gives %q", s, got, want)
			}
		}
	}
	// Enough of them must be plain for the check to mean something.
	if plain < docs/20 {
		t.Errorf("only %d of %d random documents are plain HTML", plain, docs)
	}
	t.Logf("%d of %d random documents are plain HTML", plain, docs)
}
