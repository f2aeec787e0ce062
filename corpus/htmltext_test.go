package corpus

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// updatingGolden reports whether the package's -update flag (declared by
// another test file of the package) was given.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestHTMLToTextGolden converts small answers modelled on real full-text
// HTML and compares with testdata/api/html/*.golden (go test -update
// rewrites them).
func TestHTMLToTextGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "api", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no HTML fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := HTMLToText(string(in)) + "\n"
			golden := strings.TrimSuffix(path, ".html") + ".golden"
			if updatingGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("HTMLToText(%s) =\n%s\nwant\n%s", path, got, want)
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"<p> </p><p>&nbsp;</p>", ""},
		{"plain text, no tags", "plain text, no tags"},
		{"<p>One.</p><p> </p><p>Two.</p>", "One.\n\nTwo."},
		{"<p>a<br>b</p>", "a\nb"},
		{"<p>a<br><br>b</p>", "a\n\nb"},
		{"<p>a<br/> <br />b</p>", "a\n\nb"},
		{"<p>a</br>b</p>", "a\nb"},
		{"<ul><li>x</li><li>y</li></ul><p>z</p>", "x\ny\n\nz"},
		{"<table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td></td></tr></table>", "A | B\n1 |"},
		{"<p>a  \n\t b</p>", "a b"},
		{"<p>R&amp;D &quot;q&quot; &#8211; &lt;x&gt;</p>", "R&D \"q\" – <x>"},
		{`<p>See <a href="https://www.gov.uk/a">GOV.UK</a>.</p>`, "See GOV.UK (https://www.gov.uk/a)."},
		{`<p>See <a href="https://www.gov.uk/a/">www.gov.uk/a</a>.</p>`, "See www.gov.uk/a."},
		{`<p><a href="#top">top</a></p>`, "top"},
		{`<p>x<script>alert(1)</script><style>p{}</style>y<!-- note --></p>`, "xy"},
		{"<p>unclosed <strong>bold", "unclosed bold"},
		{"<div>a</div><div>b</div>", "a\n\nb"},
		{"<h2>Heading</h2>Text", "Heading\n\nText"},
		{"<p>\u200b</p><p>\u200bBefore Prorogation.\u200b\u200b Late</p><p>co\u00adoperation</p>", "Before Prorogation. Late\n\ncooperation"},
	} {
		if got := HTMLToText(tc.in); got != tc.want {
			t.Errorf("HTMLToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<p>x</p>":            true,
		"a<br>b":              true,
		`x <a href="y">z</a>`: true,
		"1 < 2 and 3 > 2":     false,
		"R&amp;D costs":       false,
		"See <https://x.y/>":  false,
		"It is <5% of costs.": false,
	} {
		if got := looksLikeHTML(in); got != want {
			t.Errorf("looksLikeHTML(%q) = %v", in, got)
		}
	}
}

func FuzzHTMLToText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "api", "html", "*.html"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>")
	f.Add("<a href=x><a href=y>z</a>")
	f.Fuzz(func(t *testing.T, s string) {
		got := HTMLToText(s)
		if got != HTMLToText(s) {
			t.Fatal("not deterministic")
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of valid input %q", s)
		}
		if strings.Contains(got, "\n\n\n") || strings.HasPrefix(got, "\n") || strings.HasSuffix(got, "\n") {
			t.Fatalf("stray blank lines in %q", got)
		}
		for _, line := range strings.Split(got, "\n") {
			if line != strings.TrimSpace(line) || strings.Contains(line, "  ") {
				t.Fatalf("white space not collapsed in line %q", line)
			}
		}
	})
}

func TestHTMLToTextTables(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Cells and rows left open, as careless HTML does.
		{"<table><tr><td>a<td>b<tr><td>c<td>d</table>", "a | b\nc | d"},
		// A table inside a cell stays inside the cell.
		{"<table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td><td>b</td></tr></table>", "a | x y z | b"},
		// Text after a table is a new paragraph.
		{"<table><tr><td>1</td><td>2</td></tr></table>After", "1 | 2\n\nAfter"},
	} {
		if got := HTMLToText(tc.in); got != tc.want {
			t.Errorf("HTMLToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAppendCollapsed checks the one-pass white-space collapsing against
// its definition, collapseSpace.
func TestAppendCollapsed(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "  a  b\t\nc  ", "a\u200bb", "a \u200b b", "\u00a0x\u2003y\u3000", "\u00ad", "x\u0085y",
		"caf\xc3\xa9 \xff z", "\xe2\x80\u200b\x80", "\u2060 \ufeffa\u00adb ", "tab\v\fend\r",
	} {
		if got, want := string(appendCollapsed([]byte("pre"), []byte(s))), "pre"+collapseSpace(s); got != want {
			t.Errorf("appendCollapsed(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendCollapsed(f *testing.F) {
	f.Add("  a \u200b b\u00a0c ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendCollapsed(nil, []byte(s))), collapseSpace(s); got != want {
			t.Errorf("appendCollapsed(%q) = %q, want %q", s, got, want)
		}
	})
}
