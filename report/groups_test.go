package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sectionText returns the text of the element with the given id in the
// page at path.
func sectionText(t *testing.T, path, id string) string {
	t.Helper()
	doc := parseHTMLFile(t, path)
	var found *html.Node
	walk(doc, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok && v == id && found == nil {
			found = n
		}
	})
	if found == nil {
		t.Fatalf("%s: no element with id %q", path, id)
	}
	var sb strings.Builder
	walk(found, func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
	})
	return sb.String()
}
