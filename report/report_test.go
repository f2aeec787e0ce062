package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(0, i-200)
		t.Errorf("%s differs from the golden file at byte %d (run go test ./report -update after checking):\n got: …%s…\nwant: …%s…",
			name, i, got[lo:min(len(got), i+200)], want[lo:min(len(want), i+200)])
	}
}

func TestWriteHikvisionGolden(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := Write(path, hikvision(), Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.html", "report_files/stance_by_body.csv", "report_files/answers.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "hikvision_"+filepath.Base(f)+".golden", b)
	}
}

// Write creates the directory the report goes in, as `parlance report -o
// new/dir/r.html` needs.
func TestWriteCreatesDirectories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "dir", "r.html")
	for _, noData := range []bool{true, false} {
		if err := Write(path, hikvision(), Options{NoData: noData}); err != nil {
			t.Fatalf("NoData %v: %v", noData, err)
		}
	}
}
