package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/report"
)

// npmStandIn serves, on loopback, the registry metadata and tarball of
// echarts@<pinned> with lib as its dist/echarts.min.js.
func npmStandIn(t *testing.T, lib []byte) *httptest.Server {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Name: "package/dist/echarts.min.js", Mode: 0o644, Size: int64(len(lib)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	tw.Write(lib)
	tw.Close()
	zw.Close()
	tgz := buf.Bytes()
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/echarts/"+report.EChartsVersion, func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"version": report.EChartsVersion, "dist": map[string]string{"tarball": srv.URL + "/echarts.tgz"}})
	})
	mux.HandleFunc("/echarts.tgz", func(w http.ResponseWriter, r *http.Request) { w.Write(tgz) })
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// emptyCache points the user cache at a new directory and clears
// $PARLANCE_ECHARTS, so that no ECharts build is at hand.
func emptyCache(t *testing.T) string {
	t.Helper()
	d := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", d)
	t.Setenv("HOME", d)
	t.Setenv("PARLANCE_ECHARTS", "")
	return d
}

func TestAssetsWrongHashLeavesNoFile(t *testing.T) {
	cache := emptyCache(t)
	srv := npmStandIn(t, []byte("var echarts = 'not the pinned build';"))
	code, _, errs := invoke(t, "", "assets", "--registry", srv.URL)
	if code != exitInput || !strings.Contains(errs, "SHA-256") {
		t.Fatalf("exit %d, stderr %q; want 1 and a SHA-256 mismatch", code, errs)
	}
	var files []string
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 0 {
		t.Errorf("a failed fetch left %v", files)
	}
}

// With nothing at hand the report loads the pinned file with its
// integrity hash and says on stderr how to make it self-contained.
func TestReportWithoutEChartsSaysHow(t *testing.T) {
	emptyCache(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.html")
	code, _, errs := invoke(t, "", "report", "--quiet", "--no-data", "-o", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "parlance assets") {
		t.Errorf("stderr does not say how to make the report self-contained: %q", errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `<script src="` + report.RemoteECharts + `" integrity="` + report.EChartsIntegrity + `" crossorigin="anonymous">`
	if !bytes.Contains(b, []byte(want)) {
		t.Errorf("the report lacks %s", want)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("--no-data wrote %d entries, want only the page", len(es))
	}
}

// After `parlance assets`, a report made with no flags is one file that
// inlines the pinned build. Needs the real build (PARLANCE_ECHARTS_PINNED),
// which the stand-in registry serves.
func TestAssetsThenReportIsSelfContained(t *testing.T) {
	pinned := os.Getenv("PARLANCE_ECHARTS_PINNED")
	if pinned == "" {
		t.Skip("PARLANCE_ECHARTS_PINNED not set (path to echarts@" + report.EChartsVersion + "'s dist/echarts.min.js; .ci/run sets it): skipping")
	}
	lib, err := os.ReadFile(pinned)
	if err != nil {
		t.Fatal(err)
	}
	emptyCache(t)
	srv := npmStandIn(t, lib)
	if code, _, errs := invoke(t, "", "assets", "--registry", srv.URL); code != exitOK {
		t.Fatalf("assets: exit %d: %s", code, errs)
	}
	if code, _, errs := invoke(t, "", "assets", "--registry", srv.URL+"/unused"); code != exitOK || !strings.Contains(errs, "already") {
		t.Errorf("a second assets fetched again: exit %d: %s", code, errs)
	}
	path := filepath.Join(t.TempDir(), "r.html")
	code, _, errs := invoke(t, "", "report", "-o", path)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	if strings.Contains(errs, "parlance assets") || !strings.Contains(errs, "self-contained, ECharts from cache") {
		t.Errorf("stderr: %q", errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("<script src=")) || !bytes.Contains(b, []byte("series.heatmap")) {
		t.Error("the report does not inline the cached build")
	}
}
