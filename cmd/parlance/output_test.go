package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// umask returns the process's umask without changing it for long.
func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

func TestOutputNewFileHasUmaskMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	if code, _, errs := invoke(t, "", "export", "--quiet", "-o", path); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := 0o666 &^ umask(); fi.Mode().Perm() != want {
		t.Errorf("new output has mode %v, want %v (0666 less the umask)", fi.Mode().Perm(), want)
	}
}

func TestOutputKeepsExistingMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o604); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := invoke(t, "", "export", "--quiet", "--format", "csv", "-o", path); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o604 {
		t.Errorf("replaced output has mode %v, want the old file's 0604", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "id,") {
		t.Errorf("output not replaced: %q", b[:min(len(b), 40)])
	}
}

// Every command that takes -o and writes through withOutput.
var outputCommands = [][]string{
	{"export", "--quiet"},
	{"analyze", "--quiet"},
	{"groups", "--quiet"},
	{"boilerplate", "--quiet"},
}

func TestOutputThroughSymlink(t *testing.T) {
	for _, args := range outputCommands {
		dir := t.TempDir()
		target := filepath.Join(dir, "real.out")
		if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.out")
		if err := os.Symlink("real.out", link); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := invoke(t, "", append(args, "-o", link)...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		li, err := os.Lstat(link)
		if err != nil {
			t.Fatal(err)
		}
		if li.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%v: -o replaced the symbolic link with a %v", args, li.Mode().Type())
		}
		b, _ := os.ReadFile(target)
		if len(b) == 0 || string(b) == "old" {
			t.Errorf("%v: the link's target was not written: %q", args, b)
		}
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
			t.Errorf("%v: target mode %v, want 0644", args, fi.Mode().Perm())
		}
		assertNoTempFiles(t, dir)
	}
}

// A link to a file that does not exist yet creates that file.
func TestOutputThroughDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.out")
	if err := os.Symlink("made.out", link); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := invoke(t, "", "export", "--quiet", "-o", link); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if li, _ := os.Lstat(link); li.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "made.out")); err != nil || len(b) == 0 {
		t.Errorf("the link's target was not created: %v", err)
	}
}

func TestOutputToFIFO(t *testing.T) {
	for _, args := range outputCommands {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		got := make(chan string, 1)
		go func() {
			// Opening for reading waits for a writer. Were the pipe
			// replaced, this reader would wait on the old one for ever
			// (or read the new regular file): the Lstat below tells.
			b, _ := os.ReadFile(fifo)
			got <- string(b)
		}()
		code, _, errs := invoke(t, "", append(args, "-o", fifo)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		li, err := os.Lstat(fifo)
		if err != nil {
			t.Fatal(err)
		}
		if li.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("%v: -o replaced the named pipe with a %v", args, li.Mode().Type())
			continue
		}
		select {
		case s := <-got:
			if s == "" {
				t.Errorf("%v: the pipe's reader got nothing", args)
			}
		case <-time.After(time.Minute):
			t.Errorf("%v: the pipe's reader got no end of file", args)
		}
		assertNoTempFiles(t, dir)
	}
}

// A character device (here /dev/null, reached through a symbolic link in a
// temporary directory) is written to, not replaced.
func TestOutputToCharDeviceThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range outputCommands {
		if code, _, errs := invoke(t, "", append(args, "-o", link)...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		li, err := os.Lstat(link)
		if err != nil {
			t.Fatal(err)
		}
		if li.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("%v: the link to %s was replaced by a %v", args, os.DevNull, li.Mode().Type())
		}
		after, err := os.Stat(os.DevNull)
		if err != nil || after.Mode()&fs.ModeCharDevice == 0 || !os.SameFile(before, after) {
			t.Fatalf("%v: %s is no longer the same character device", args, os.DevNull)
		}
	}
	assertNoTempFiles(t, dir)
}

func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ path, want string }{
		{dir, "is a directory"},
		{filepath.Join(dir, "no", "such", "out.jsonl"), "does not exist"},
	} {
		for _, args := range outputCommands {
			code, out, errs := invoke(t, "", append(args, "-o", c.path)...)
			if code != exitInput || !strings.Contains(errs, c.want) || !strings.Contains(errs, c.path) {
				t.Errorf("%v -o %s: exit %d, stderr %q; want exit 1 saying %q", args, c.path, code, errs, c.want)
			}
			if out != "" {
				t.Errorf("%v: wrote %q to standard output", args, out)
			}
		}
	}
	// report writes its page itself, but checks the path first too.
	code, _, errs := invoke(t, "", "report", "--quiet", "-o", dir)
	if code != exitInput || !strings.Contains(errs, "is a directory") {
		t.Errorf("report -o DIR: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Errorf("a missing parent directory was created")
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
