package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// cachePath returns the file in dir that holds the response for rawURL:
// dir/<hex sha256 of the URL>.json. The URL is hashed whole, query string
// included, which is why Client encodes queries in a deterministic order.
func cachePath(dir, rawURL string) string {
	sum := sha256.Sum256([]byte(rawURL))
	return filepath.Join(dir, hex.EncodeToString(sum[:])+".json")
}

// cacheGet returns the cached body for rawURL and whether there was one.
// A missing file is a miss; any other failure to read is an error, since a
// cache that silently stopped working would send every request again.
func cacheGet(dir, rawURL string) ([]byte, bool, error) {
	if dir == "" {
		return nil, false, nil
	}
	p := cachePath(dir, rawURL)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("cache for %s: %w", rawURL, err)
	}
	return b, true, nil
}

// cachePut stores body as the response for rawURL. The file is written to a
// temporary name in the same directory and renamed into place, so a reader
// (or a rerun after a crash) sees either the whole response or none of it.
func cachePut(dir, rawURL string, body []byte) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cache for %s: %w", rawURL, err)
	}
	p := cachePath(dir, rawURL)
	tmp, err := os.CreateTemp(dir, ".tmp-*.json")
	if err != nil {
		return fmt.Errorf("cache for %s: %w", rawURL, err)
	}
	_, werr := tmp.Write(body)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), p)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache for %s: writing %s: %w", rawURL, p, werr)
	}
	return nil
}
