package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parlance-go/parlance/analysis/classify"
)

// okabeIto is the palette the stances must use, in the codebook's order.
var okabeIto = []string{"#009E73", "#56B4E9", "#D55E00", "#CC79A7", "#E69F00"}

func TestEveryChartHasATable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, hikvision(), Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "section" {
			return
		}
		var chartIDs []string
		captions := 0
		walk(n, func(c *html.Node) {
			if c.Type != html.ElementNode {
				return
			}
			if id, _ := attr(c, "id"); strings.HasPrefix(id, "chart_") {
				chartIDs = append(chartIDs, id)
				if label, _ := attr(c, "aria-label"); label == "" {
					t.Errorf("chart %s has no aria-label", id)
				}
			}
			if c.Data == "table" && c.FirstChild != nil {
				for k := c.FirstChild; k != nil; k = k.NextSibling {
					if k.Type == html.ElementNode && k.Data == "caption" && k.FirstChild != nil {
						captions++
					}
				}
			}
		})
		charts += len(chartIDs)
		if len(chartIDs) > captions {
			t.Errorf("section with charts %v has %d captioned tables", chartIDs, captions)
		}
	})
	m, err := buildMain(newIndex(hikvision()), Options{}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if want := len(m.charts()); charts != want || want < 5 {
		t.Errorf("found %d charts on the page, the sections have %d (want at least 5)", charts, want)
	}
}

func TestStanceColoursFixed(t *testing.T) {
	for i, s := range classify.Stances {
		if got := colourOf(s); got != okabeIto[i] {
			t.Errorf("%s is %s, want Okabe–Ito %s", s, got, okabeIto[i])
		}
	}
	m, err := buildMain(newIndex(hikvision()), Options{}, "x")
	if err != nil {
		t.Fatal(err)
	}
	stance, time := m.sectionByID("stance"), m.sectionByID("time")
	for _, cv := range []chartView{stance.Charts[0], time.Charts[0]} {
		s := string(cv.Script)
		body := s[strings.Index(s, ">")+1 : strings.LastIndex(s, "</script>")]
		var o struct {
			Series []struct {
				Name      string `json:"name"`
				ItemStyle struct {
					Color string `json:"color"`
				} `json:"itemStyle"`
			} `json:"series"`
		}
		if err := json.Unmarshal([]byte(body), &o); err != nil {
			t.Fatal(err)
		}
		if len(o.Series) != len(classify.Stances) {
			t.Fatalf("%s: %d series, want %d", cv.ID, len(o.Series), len(classify.Stances))
		}
		for i, se := range o.Series {
			if se.Name != string(classify.Stances[i]) || se.ItemStyle.Color != okabeIto[i] {
				t.Errorf("%s: series %d is %s %s, want %s %s", cv.ID, i, se.Name, se.ItemStyle.Color, classify.Stances[i], okabeIto[i])
			}
		}
	}
}
