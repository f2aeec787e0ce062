package report

import (
	"context"

	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/parlance-go/parlance/analysis"
)

// chromiumPath returns the Chromium binary for the browser tests,
// skipping with the reason when it is missing.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium := "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			t.Skip("chromium not installed (apt-get install chromium): skipping the browser test")
		}
		chromium = p
	}
	return chromium
}

// echartsBuilds are the ECharts builds the browser test draws with: the
// pinned one (EChartsVersion, the one a report loads when it does not
// inline its own) and the newest npm serves, so that a new major is
// noticed. .ci/run installs both and sets the variables.
var echartsBuilds = []struct{ name, env string }{
	{"pinned", "PARLANCE_ECHARTS_PINNED"},
	{"latest", "PARLANCE_ECHARTS_LATEST"},
}

// echartsBuild returns the build named by the environment variable env,
// skipping with the reason when it is unset or missing.
func echartsBuild(t *testing.T, env string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		t.Skipf("%s not set (path to an echarts.min.js; .ci/run installs echarts@%s and echarts@latest with npm and sets PARLANCE_ECHARTS_PINNED and PARLANCE_ECHARTS_LATEST): skipping the browser test", env, EChartsVersion)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s=%s: %v: skipping the browser test", env, p, err)
	}
	return p
}

// chartPixels counts, for each chart, the coloured (non-grey) pixels of its
// canvases below the legend band, each seen as the reader sees it, over the
// page's white (a month with few answers is drawn translucent on purpose,
// so a test of opaque pixels alone would miss it): axes and labels are grey,
// so only drawn data counts, and a heatmap that silently draws nothing (as
// with the "common" ECharts build) counts zero. Every canvas of the chart
// counts: ECharts 6 draws a heatmap on a layer canvas of its own above the
// one holding the axes (ECharts 5 used one canvas), which is why a check of
// the first canvas alone saw ECharts 6's heatmaps as empty although they
// drew. It waits two animation frames first so that ECharts has painted.
const chartPixels = `(async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = {};
  for (const s of document.querySelectorAll('script.chart-option')) {
    const id = s.dataset.chart;
    const cs = document.querySelectorAll('#' + id + ' canvas');
    if (!cs.length) { out[id] = -1; continue; }
    let n = 0;
    for (const c of cs) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const top = Math.round(44 * c.width / c.clientWidth);
      for (let i = top * c.width * 4; i < d.length; i += 4) {
        const a = d[i+3] / 255;
        if (a < 0.15) continue;
        const over = v => v * a + 255 * (1 - a);
        const r = over(d[i]), g = over(d[i+1]), b = over(d[i+2]);
        if (Math.max(r, g, b) - Math.min(r, g, b) > 40) n++;
      }
    }
    out[id] = n;
  }
  return out;
})()`

// startBrowser starts headless Chromium with the flags this environment
// needs and with its network cut off: every host name fails to resolve and
// every connection goes to a closed port on loopback, so a page can load
// nothing from outside. It returns a browser context; each page opens in a
// new tab of it.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancelAlloc)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// visit is what one page did in the browser.
type visit struct {
	// external lists the requests for anything but the page's own file
	// and data: URLs, in order.
	external []string
	// console holds the errors and exceptions logged.
	console []string
	// pixels counts, for each chart, the coloured pixels drawn (see
	// chartPixels).
	pixels map[string]int
	// noChart holds the notes shown where charts would be.
	noChart []string
	// openPages counts the collapsed group pages open after navigating to
	// the page's fragment.
	openPages int
	// overflowing counts the rows of answer cards wider than the page or
	// than their box, and the cards whose content is wider than the card
	// (only laid out ones count, so those on open group pages).
	overflowing int
	viewport    []byte
	full        []byte
}

// openInBrowser loads a report page (with an optional #fragment) in a new
// tab and records what it requested, what it logged and what it drew. With
// shoot set it takes a PNG screenshot of the viewport and, if
// PARLANCE_SCREENSHOT_FULL is set, of the full page (slow for a long page,
// so only on request).
func openInBrowser(t *testing.T, browser context.Context, page, fragment string, shoot bool) visit {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 1500)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	var v visit
	var mu sync.Mutex
	self := "file://" + page
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			u := e.Request.URL
			if u == self || strings.HasPrefix(u, self+"#") || strings.HasPrefix(u, "data:") {
				return
			}
			mu.Lock()
			v.external = append(v.external, u)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	// Collect console messages until a marker logged after the checks, so
	// none is lost.
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	messages := chromedp.Console(cctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Text == "parlance-browser-test-end" {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.IsException() {
				mu.Lock()
				v.console = append(v.console, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()

	if err := chromedp.Do(ctx, chromedp.Navigate(self+fragment)); err != nil {
		t.Fatalf("opening %s: %v", page, err)
	}
	var err error
	v.pixels, err = chromedp.Run(ctx, chromedp.Evaluate[map[string]int](chartPixels, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading chart pixels: %v", err)
	}
	v.noChart, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".nochart"), p => p.textContent)`))
	if err != nil {
		t.Fatalf("reading chart notes: %v", err)
	}
	v.openPages, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.gpage[open]").length`))
	if err != nil {
		t.Fatalf("reading group pages: %v", err)
	}
	v.overflowing, err = chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".cards")).filter(g => g.offsetParent && (g.scrollWidth > g.clientWidth + 1 || g.getBoundingClientRect().right > document.documentElement.clientWidth)).length + Array.from(document.querySelectorAll(".card")).filter(c => c.scrollWidth > c.clientWidth + 1).length`))
	if err != nil {
		t.Fatalf("measuring cards: %v", err)
	}
	// Switch the over-time chart to the last body and back: the selector's
	// script must run without error (checked with the console below).
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
  const s = document.getElementById("time_body");
  if (!s) { return; }
  for (const v of [String(s.options.length - 1), "0"]) { s.value = v; s.dispatchEvent(new Event("change")); }
})()`)); err != nil {
		t.Errorf("using the body selector: %v", err)
	}
	if shoot {
		v.viewport, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if os.Getenv("PARLANCE_SCREENSHOT_FULL") != "" {
			v.full, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("full screenshot: %v", err)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`console.log("parlance-browser-test-end")`)); err != nil {
		t.Fatal(err)
	}
	<-done
	stop()
	mu.Lock()
	defer mu.Unlock()
	return v
}

// checkDrawn fails unless every chart drew data.
func checkDrawn(t *testing.T, v visit) {
	t.Helper()
	if len(v.pixels) == 0 {
		t.Error("no charts found")
	}
	for _, id := range sortedKeys(v.pixels) {
		switch n := v.pixels[id]; {
		case n < 0:
			t.Errorf("chart %s: no canvas (ECharts did not initialise it)", id)
		case n < 200:
			t.Errorf("chart %s: only %d coloured pixels: it drew no data", id, n)
		default:
			t.Logf("chart %s: %d coloured pixels", id, n)
		}
	}
	if len(v.noChart) > 0 {
		t.Errorf("%d charts say they could not draw: %q", len(v.noChart), v.noChart[0])
	}
}

// writeScreenshot saves the viewport screenshot in the test's temporary
// directory and, if PARLANCE_SCREENSHOT is set, there too (docs/report.png
// is made this way); if PARLANCE_SCREENSHOT_FULL is set, it saves the
// full-page screenshot there.
func writeScreenshot(t *testing.T, png []byte, full []byte) {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), "report.png")
	if err := os.WriteFile(tmp, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", tmp, len(png))
	if p := os.Getenv("PARLANCE_SCREENSHOT_FULL"); p != "" {
		if err := os.WriteFile(p, full, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if p := os.Getenv("PARLANCE_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("viewport screenshot: %s (%d bytes)", p, len(png))
	}
}

// browse writes res as a report with each ECharts build inlined and opens
// it in Chromium with the network cut off: every chart must draw, the
// console must stay clean and the page must request nothing from outside.
// Opened at the first group's fragment, the page must open the collapsed
// page that holds it. It returns the screenshots taken with the pinned
// build.
func browse(t *testing.T, res *analysis.Result) (viewport, full []byte) {
	chromium := chromiumPath(t)
	for _, b := range echartsBuilds {
		t.Run(b.name, func(t *testing.T) {
			lib := echartsBuild(t, b.env)
			if b.name == "pinned" {
				// As `parlance report` with no flags does after
				// `parlance assets`: the build comes from the user cache.
				lib = cachedBuild(t, lib)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "report.html")
			if err := Write(path, res, Options{InlineECharts: lib, Version: "test", NoData: true}); err != nil {
				t.Fatal(err)
			}
			if es := dirEntries(t, dir); len(es) != 1 {
				t.Errorf("with NoData the report wrote %v, want only report.html", es)
			}
			page, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(page), "<script src=") {
				t.Fatal("the inlined report still loads a script from elsewhere")
			}
			browser := startBrowser(t, chromium)
			v := openInBrowser(t, browser, path, "", b.name == "pinned")
			checkDrawn(t, v)
			for _, c := range v.console {
				t.Errorf("console: %s", c)
			}
			if len(v.external) != 0 {
				t.Errorf("the self-contained report made %d requests outside its file: %q", len(v.external), v.external)
			}
			if v.openPages != 0 {
				t.Errorf("%d group pages open on loading, want all collapsed", v.openPages)
			}
			if b.name == "pinned" {
				viewport, full = v.viewport, v.full
			}
			if len(res.Groups) > 0 {
				g := openInBrowser(t, browser, path, "#g1", false)
				if g.openPages != 1 {
					t.Errorf("opened at #g1, %d group pages are open, want 1", g.openPages)
				}
				if g.overflowing != 0 {
					t.Errorf("%d answer cards overflow: long words or URLs must wrap", g.overflowing)
				}
			}
		})
	}
	return viewport, full
}

// cachedBuild puts the build at lib where `parlance assets` would, in a
// new user cache directory, and returns what FindECharts then finds.
func cachedBuild(t *testing.T, lib string) string {
	t.Helper()
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	t.Setenv("PARLANCE_ECHARTS", "")
	b, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	dest, err := EChartsCachePath()
	if err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(dest, b); err != nil {
		t.Fatal(err)
	}
	src, err := FindECharts("")
	if err != nil {
		t.Fatal(err)
	}
	if src.From != "cache" || src.Path != dest {
		t.Fatalf("FindECharts found %+v, want the cached %s", src, dest)
	}
	return src.Path
}

// With no ECharts build at hand, the report loads the pinned build from
// the CDN with its integrity hash: offline, every chart's place says why
// it is empty and how to make a report that draws offline, and the one
// request outside the file is for that script.
func TestBrowserRemoteFallback(t *testing.T) {
	chromium := chromiumPath(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, hikvision(), Options{Version: "test", NoData: true}); err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t, chromium)
	v := openInBrowser(t, browser, path, "", false)
	if len(v.external) != 1 || v.external[0] != RemoteECharts {
		t.Errorf("requests outside the file: %q, want only %s", v.external, RemoteECharts)
	}
	if len(v.noChart) != len(v.pixels) || len(v.noChart) == 0 {
		t.Errorf("%d notes for %d charts", len(v.noChart), len(v.pixels))
	}
	for _, n := range v.noChart {
		if !strings.Contains(n, "parlance assets") {
			t.Errorf("chart note %q does not say how to draw offline", n)
		}
	}
	// The failed load is the only error: the page's own script ran.
	for _, c := range v.console {
		if !strings.Contains(c, "ERR_") {
			t.Errorf("console: %s", c)
		}
	}
}

// TestBrowserReportFile opens a report written elsewhere, named by
// PARLANCE_BROWSE_REPORT (for example the full API data's, made with
// `parlance report`), with the network cut off, and checks what browse
// checks: every chart draws, nothing loads from outside, the console stays
// clean and long words wrap.
func TestBrowserReportFile(t *testing.T) {
	chromium := chromiumPath(t)
	path := os.Getenv("PARLANCE_BROWSE_REPORT")
	if path == "" {
		t.Skip("PARLANCE_BROWSE_REPORT not set (path of a report to open): skipping")
	}
	path, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes", path, fi.Size())
	browser := startBrowser(t, chromium)
	v := openInBrowser(t, browser, path, "#g1", false)
	checkDrawn(t, v)
	for _, c := range v.console {
		t.Errorf("console: %s", c)
	}
	if len(v.external) != 0 {
		t.Errorf("%d requests outside the file: %q", len(v.external), v.external)
	}
	if v.openPages != 1 || v.overflowing != 0 {
		t.Errorf("at #g1: %d group pages open (want 1), %d cards overflowing (want 0)", v.openPages, v.overflowing)
	}
}
