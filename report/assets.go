package report

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// The ECharts build the report is tested with. A report inlines it when it
// is at hand and otherwise loads exactly this file from a CDN, guarded by
// subresource integrity.
//
// Both hashes are of package/dist/echarts.min.js inside the npm tarball
// echarts-5.6.0.tgz (the tarball npm's metadata for echarts@5.6.0 names;
// CDNs serving npm packages, such as jsDelivr, serve the same bytes):
//
//	npm pack echarts@5.6.0
//	tar -xzf echarts-5.6.0.tgz package/dist/echarts.min.js
//	sha256sum package/dist/echarts.min.js
//	openssl dgst -sha384 -binary package/dist/echarts.min.js | base64 -w0
const (
	// EChartsVersion is the pinned ECharts release.
	EChartsVersion = "5.6.0"
	// EChartsSHA256 is the hex SHA-256 of the pinned echarts.min.js, checked
	// by FetchECharts and by FindECharts for the cached copy.
	EChartsSHA256 = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"
	// EChartsIntegrity is the subresource-integrity value of the same file:
	// "sha384-" and the base64 of its SHA-384.
	EChartsIntegrity = "sha384-pPi0zxBAoDu6+JXW/C68UZLvBUUtU+7zonhif43rqj7pxsGyqyqzcian2Rj37Rss"
	// RemoteECharts is the pinned file on jsDelivr, loaded (with
	// EChartsIntegrity) by a report that does not inline ECharts.
	RemoteECharts = "https://cdn.jsdelivr.net/npm/echarts@" + EChartsVersion + "/dist/echarts.min.js"
	// DefaultRegistry is the npm registry FetchECharts asks by default.
	DefaultRegistry = "https://registry.npmjs.org"
)

// Limits on what FetchECharts reads: the 5.6.0 tarball is about 11 MB and
// its echarts.min.js about 1 MB.
const (
	maxMetadata = 16 << 20
	maxTarball  = 128 << 20
	maxLibrary  = 16 << 20
)

// EChartsCachePath returns where `parlance assets` keeps the pinned build:
// os.UserCacheDir()/parlance/echarts-<EChartsVersion>/echarts.min.js.
func EChartsCachePath() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("report: no cache directory for the ECharts build: %w", err)
	}
	return filepath.Join(d, "parlance", "echarts-"+EChartsVersion, "echarts.min.js"), nil
}

// EChartsSource is where FindECharts found a build to inline.
type EChartsSource struct {
	Path string // "" when none was found
	From string // "flag", "PARLANCE_ECHARTS" or "cache"
}

// FindECharts picks the ECharts build to inline: explicit (a command-line
// path) if given, else the file named by $PARLANCE_ECHARTS, else the cached
// copy of the pinned build if it is there. A named file that is missing is
// an error; a cached copy whose SHA-256 is not EChartsSHA256 is an error
// too (it was changed after `parlance assets` checked it). With none of
// them it returns a zero EChartsSource and no error: the report then loads
// RemoteECharts.
func FindECharts(explicit string) (EChartsSource, error) {
	for _, c := range []struct{ path, from string }{{explicit, "flag"}, {os.Getenv("PARLANCE_ECHARTS"), "PARLANCE_ECHARTS"}} {
		if c.path == "" {
			continue
		}
		if _, err := os.Stat(c.path); err != nil {
			return EChartsSource{}, fmt.Errorf("report: ECharts build from %s: %w", c.from, err)
		}
		return EChartsSource{Path: c.path, From: c.from}, nil
	}
	p, err := EChartsCachePath()
	if err != nil {
		return EChartsSource{}, nil
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return EChartsSource{}, nil
	}
	if err != nil {
		return EChartsSource{}, fmt.Errorf("report: cached ECharts build: %w", err)
	}
	if got := sha256Hex(b); got != EChartsSHA256 {
		return EChartsSource{}, fmt.Errorf("report: cached ECharts build %s has SHA-256 %s, want %s for echarts@%s: delete it and run `parlance assets` again", p, got, EChartsSHA256, EChartsVersion)
	}
	return EChartsSource{Path: p, From: "cache"}, nil
}

// FetchECharts downloads the pinned ECharts build from the npm registry at
// registry ("" means DefaultRegistry) and writes it to dest. It reads the
// registry's metadata for echarts@EChartsVersion, downloads the tarball it
// names, checks the tarball against the metadata's integrity value when
// there is one, extracts package/dist/echarts.min.js and checks its SHA-256
// against EChartsSHA256. dest is written through a temporary file in its
// directory and renamed into place only after every check passed, so a
// failure leaves no file at dest.
func FetchECharts(ctx context.Context, client *http.Client, registry, dest string) error {
	return fetchECharts(ctx, client, registry, dest, pinned)
}

// pin names one ECharts release and the SHA-256 of its echarts.min.js.
type pin struct{ version, sha256 string }

var pinned = pin{EChartsVersion, EChartsSHA256}

// fetchECharts is FetchECharts for any pin, so that tests can serve a
// small stand-in tarball.
func fetchECharts(ctx context.Context, client *http.Client, registry, dest string, p pin) error {
	if client == nil {
		client = http.DefaultClient
	}
	if registry == "" {
		registry = DefaultRegistry
	}
	metaURL := strings.TrimRight(registry, "/") + "/echarts/" + p.version
	raw, err := get(ctx, client, metaURL, maxMetadata)
	if err != nil {
		return err
	}
	var meta struct {
		Version string `json:"version"`
		Dist    struct {
			Tarball   string `json:"tarball"`
			Integrity string `json:"integrity"`
		} `json:"dist"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		return fmt.Errorf("report: registry metadata %s: %w", metaURL, err)
	}
	if meta.Version != p.version {
		return fmt.Errorf("report: registry metadata %s: version %q, want %q", metaURL, meta.Version, p.version)
	}
	if meta.Dist.Tarball == "" {
		return fmt.Errorf("report: registry metadata %s: no dist.tarball", metaURL)
	}
	tarURL, err := url.Parse(meta.Dist.Tarball)
	if err != nil || (tarURL.Scheme != "https" && tarURL.Scheme != "http") {
		return fmt.Errorf("report: registry metadata %s: dist.tarball %q is not an http(s) URL", metaURL, meta.Dist.Tarball)
	}
	tgz, err := get(ctx, client, tarURL.String(), maxTarball)
	if err != nil {
		return err
	}
	if err := checkIntegrity(tgz, meta.Dist.Integrity); err != nil {
		return fmt.Errorf("report: tarball %s: %w", tarURL, err)
	}
	lib, err := extract(tgz, "package/dist/echarts.min.js")
	if err != nil {
		return fmt.Errorf("report: tarball %s: %w", tarURL, err)
	}
	if got := sha256Hex(lib); got != p.sha256 {
		return fmt.Errorf("report: echarts.min.js from %s has SHA-256 %s, want %s (echarts@%s): not written", tarURL, got, p.sha256, p.version)
	}
	return writeAtomic(dest, lib)
}

// get fetches u, refusing non-200 answers and bodies over limit bytes.
func get(ctx context.Context, client *http.Client, u string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("report: GET %s: %s", u, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("report: GET %s: %w", u, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("report: GET %s: more than %d bytes", u, limit)
	}
	return b, nil
}

// checkIntegrity checks b against an npm integrity value ("sha512-" and
// base64); "" passes, as older registries give none (the SHA-256 of the
// extracted file is checked regardless).
func checkIntegrity(b []byte, integrity string) error {
	if integrity == "" {
		return nil
	}
	for _, v := range strings.Fields(integrity) {
		want, ok := strings.CutPrefix(v, "sha512-")
		if !ok {
			continue
		}
		sum := sha512.Sum512(b)
		if got := base64.StdEncoding.EncodeToString(sum[:]); got != want {
			return fmt.Errorf("integrity sha512-%s, registry says sha512-%s", got, want)
		}
		return nil
	}
	return nil
}

// extract returns the file called name from a gzipped tarball.
func extract(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("no %s in the tarball", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name != name || h.Typeflag != tar.TypeReg {
			continue
		}
		if h.Size > maxLibrary {
			return nil, fmt.Errorf("%s is %d bytes, more than %d", name, h.Size, maxLibrary)
		}
		return io.ReadAll(tr)
	}
}

// writeAtomic writes b to path through a temporary file in the same
// directory, so that path either holds all of b or is left as it was.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	f, err := os.CreateTemp(dir, ".echarts-*.tmp")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	tmp := f.Name()
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("report: writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("report: writing %s: %w", tmp, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("report: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
