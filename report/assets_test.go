package report

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// tarball packs files (name → contents) as npm does: a gzipped tar whose
// paths start with "package/".
func tarball(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, name := range sortedKeys(files) {
		b := files[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fakeRegistry stands in for the npm registry on loopback: it serves the
// metadata of echarts@version, naming a tarball it also serves. integrity
// overrides the tarball's sha512 integrity value when not "".
type fakeRegistry struct {
	*httptest.Server
	requests atomic.Int32
}

func newFakeRegistry(t *testing.T, version string, tgz []byte, integrity string) *fakeRegistry {
	t.Helper()
	if integrity == "" {
		sum := sha512.Sum512(tgz)
		integrity = "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	r := &fakeRegistry{}
	mux := http.NewServeMux()
	mux.HandleFunc("/echarts/"+version, func(w http.ResponseWriter, req *http.Request) {
		r.requests.Add(1)
		meta := map[string]any{"name": "echarts", "version": version, "dist": map[string]string{
			"tarball":   r.URL + "/echarts/-/echarts-" + version + ".tgz",
			"integrity": integrity,
		}}
		json.NewEncoder(w).Encode(meta)
	})
	mux.HandleFunc("/echarts/-/echarts-"+version+".tgz", func(w http.ResponseWriter, req *http.Request) {
		r.requests.Add(1)
		w.Write(tgz)
	})
	r.Server = httptest.NewServer(mux)
	t.Cleanup(r.Close)
	return r
}

// dirEntries lists the names in dir ("" entries for a missing dir).
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestFetchEChartsWritesCheckedFile(t *testing.T) {
	lib := []byte("/* stand-in echarts */ var echarts = {};\n")
	p := pin{version: "9.9.9", sha256: sha256Hex(lib)}
	reg := newFakeRegistry(t, p.version, tarball(t, map[string][]byte{
		"package/package.json":           []byte(`{"name":"echarts"}`),
		"package/dist/echarts.min.js":    lib,
		"package/dist/echarts.common.js": []byte("not this one"),
	}), "")
	dest := filepath.Join(t.TempDir(), "cache", "echarts.min.js")
	if err := fetchECharts(context.Background(), reg.Client(), reg.URL, dest, p); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, lib) {
		t.Fatalf("wrote %q, want %q", got, lib)
	}
	if es := dirEntries(t, filepath.Dir(dest)); len(es) != 1 {
		t.Errorf("cache directory holds %v, want only echarts.min.js", es)
	}
	if n := reg.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2 (metadata, tarball)", n)
	}
}

// A file whose bytes are not the pinned ones must be refused, leaving
// nothing behind: not the file, not a temporary one.
func TestFetchEChartsWrongHashLeavesNoFile(t *testing.T) {
	reg := newFakeRegistry(t, EChartsVersion, tarball(t, map[string][]byte{
		"package/dist/echarts.min.js": []byte("var echarts = 'tampered';"),
	}), "")
	dir := filepath.Join(t.TempDir(), "cache")
	dest := filepath.Join(dir, "echarts.min.js")
	err := FetchECharts(context.Background(), reg.Client(), reg.URL, dest)
	if err == nil || !strings.Contains(err.Error(), "SHA-256") || !strings.Contains(err.Error(), EChartsSHA256) {
		t.Fatalf("err = %v, want a SHA-256 mismatch naming the pinned hash", err)
	}
	if es := dirEntries(t, dir); len(es) != 0 {
		t.Errorf("left %v behind after a failed fetch", es)
	}
}

func TestFetchEChartsRefusesBadDownloads(t *testing.T) {
	lib := []byte("var echarts = {};")
	p := pin{version: "9.9.9", sha256: sha256Hex(lib)}
	good := tarball(t, map[string][]byte{"package/dist/echarts.min.js": lib})
	for _, tc := range []struct {
		name      string
		tgz       []byte
		integrity string
		registry  func(*fakeRegistry) string
		want      string
	}{
		{"tarball integrity", good, "sha512-" + base64.StdEncoding.EncodeToString(make([]byte, 64)), nil, "integrity"},
		{"no echarts.min.js", tarball(t, map[string][]byte{"package/dist/echarts.js": lib}), "", nil, "no package/dist/echarts.min.js"},
		{"not gzip", []byte("<html>not a tarball</html>"), "", nil, "gzip"},
		{"missing version", good, "", func(r *fakeRegistry) string { return r.URL + "/nowhere" }, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := newFakeRegistry(t, p.version, tc.tgz, tc.integrity)
			base := reg.URL
			if tc.registry != nil {
				base = tc.registry(reg)
			}
			dir := t.TempDir()
			err := fetchECharts(context.Background(), reg.Client(), base, filepath.Join(dir, "echarts.min.js"), p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.want)
			}
			if es := dirEntries(t, dir); len(es) != 0 {
				t.Errorf("left %v behind", es)
			}
		})
	}
}

// With the real pinned build at hand (PARLANCE_ECHARTS_PINNED, as .ci/run
// sets it), FetchECharts accepts it as the registry would serve it.
func TestFetchEChartsPinnedBuild(t *testing.T) {
	path := os.Getenv("PARLANCE_ECHARTS_PINNED")
	if path == "" {
		t.Skip("PARLANCE_ECHARTS_PINNED not set (path to echarts@" + EChartsVersion + "'s dist/echarts.min.js; .ci/run sets it): skipping")
	}
	lib, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := sha256Hex(lib); got != EChartsSHA256 {
		t.Fatalf("PARLANCE_ECHARTS_PINNED=%s has SHA-256 %s, want %s: is it echarts@%s?", path, got, EChartsSHA256, EChartsVersion)
	}
	reg := newFakeRegistry(t, EChartsVersion, tarball(t, map[string][]byte{"package/dist/echarts.min.js": lib}), "")
	dest := filepath.Join(t.TempDir(), "echarts.min.js")
	if err := FetchECharts(context.Background(), reg.Client(), reg.URL, dest); err != nil {
		t.Fatal(err)
	}
}

func TestFindECharts(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	t.Setenv("PARLANCE_ECHARTS", "")
	flagFile := filepath.Join(t.TempDir(), "flag.js")
	envFile := filepath.Join(t.TempDir(), "env.js")
	for _, f := range []string{flagFile, envFile} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if src, err := FindECharts(""); err != nil || src.Path != "" {
		t.Fatalf("nothing at hand: got %+v, %v; want none", src, err)
	}
	cached, err := EChartsCachePath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cached, cache) || !strings.Contains(cached, "echarts-"+EChartsVersion) {
		t.Fatalf("cache path %s is not under %s for echarts-%s", cached, cache, EChartsVersion)
	}
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cached, []byte("changed since it was checked"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := FindECharts(""); err == nil || !strings.Contains(err.Error(), "parlance assets") {
		t.Fatalf("a cached file with the wrong hash: err = %v, want one telling to rerun parlance assets", err)
	}
	t.Setenv("PARLANCE_ECHARTS", envFile)
	if src, err := FindECharts(""); err != nil || src.Path != envFile || src.From != "PARLANCE_ECHARTS" {
		t.Fatalf("env: got %+v, %v", src, err)
	}
	if src, err := FindECharts(flagFile); err != nil || src.Path != flagFile || src.From != "flag" {
		t.Fatalf("flag: got %+v, %v", src, err)
	}
	if _, err := FindECharts(flagFile + ".missing"); err == nil {
		t.Fatal("a missing --inline-assets file was accepted")
	}
	// The cached copy is used when it is the pinned build.
	if pinnedFile := os.Getenv("PARLANCE_ECHARTS_PINNED"); pinnedFile != "" {
		b, err := os.ReadFile(pinnedFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cached, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PARLANCE_ECHARTS", "")
		if src, err := FindECharts(""); err != nil || src.Path != cached || src.From != "cache" {
			t.Fatalf("cache: got %+v, %v", src, err)
		}
	}
}
