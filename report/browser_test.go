package report

import (
	"context"

	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parlance-go/parlance/analysis"
)

// browserEnv returns the Chromium binary and the ECharts build for the
// browser test, skipping with the reason when either is missing.
func browserEnv(t *testing.T) (chromium, echartsJS string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			t.Skip("chromium not installed (apt-get install chromium): skipping the browser test")
		}
		chromium = p
	}
	echartsJS = os.Getenv("PARLANCE_ECHARTS")
	if echartsJS == "" {
		t.Skip("PARLANCE_ECHARTS not set (path to echarts.min.js; .ci/run sets it after npm install echarts@5 in .ci/): skipping the browser test")
	}
	if _, err := os.Stat(echartsJS); err != nil {
		t.Skipf("PARLANCE_ECHARTS=%s: %v: skipping the browser test", echartsJS, err)
	}
	return chromium, echartsJS
}

// chartPixels counts, for each chart, the coloured (non-grey, opaque)
// pixels of its canvas below the legend band: axes and labels are grey, so
// only drawn data counts, and a heatmap that silently draws nothing (as
// with the "common" ECharts build) counts zero. It waits two animation
// frames first so that ECharts has painted.
const chartPixels = `(async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = {};
  for (const s of document.querySelectorAll('script.chart-option')) {
    const id = s.dataset.chart;
    const c = document.querySelector('#' + id + ' canvas');
    if (!c) { out[id] = -1; continue; }
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const top = Math.round(44 * c.width / c.clientWidth);
    let n = 0;
    for (let i = top * c.width * 4; i < d.length; i += 4) {
      const r = d[i], g = d[i+1], b = d[i+2], a = d[i+3];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 40) n++;
    }
    out[id] = n;
  }
  return out;
})()`

// startBrowser starts headless Chromium with the flags this environment
// needs, returning a browser context; each page opens in a new tab of it.
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

// openInBrowser loads a report page in a new tab and checks that every
// chart drew and that the console stayed clean. With shoot set it returns a
// PNG screenshot of the viewport and, if PARLANCE_SCREENSHOT_FULL is set, of
// the full page (slow for a long page, so only on request).
func openInBrowser(t *testing.T, browser context.Context, page string, shoot bool) (viewport, full []byte) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 1500)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}

	// Collect console messages until a marker logged after the checks, so
	// none is lost.
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	messages := chromedp.Console(cctx)
	var mu sync.Mutex
	var problems []string
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
				problems = append(problems, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()

	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatalf("opening %s: %v", page, err)
	}
	pixels, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](chartPixels, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading chart pixels: %v", err)
	}
	for id, n := range pixels {
		switch {
		case n < 0:
			t.Errorf("chart %s: no canvas (ECharts did not initialise it)", id)
		case n < 200:
			t.Errorf("chart %s: only %d coloured pixels: it drew no data", id, n)
		default:
			t.Logf("chart %s: %d coloured pixels", id, n)
		}
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
		viewport, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if os.Getenv("PARLANCE_SCREENSHOT_FULL") != "" {
			full, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
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
	for _, p := range problems {
		t.Errorf("console: %s", p)
	}
	return viewport, full
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

// browse writes res as a report with ECharts inlined and opens it and its
// first group page in Chromium.
func browse(t *testing.T, res *analysis.Result) (viewport, full []byte) {
	chromium, echartsJS := browserEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, res, Options{InlineECharts: echartsJS, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "<script src=") {
		t.Fatal("the inlined report still loads a script from elsewhere")
	}
	browser := startBrowser(t, chromium)
	viewport, full = openInBrowser(t, browser, path, true)
	if len(res.Groups) > 0 {
		openInBrowser(t, browser, filepath.Join(dir, FilesDir(path), pageName(1)), false)
	}
	return viewport, full
}

// The browser test runs on the embedded sample (TestBrowserSample in
// sample_test.go), the report the README shows.
