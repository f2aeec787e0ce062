package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// withOutput runs write against a buffered writer to path ("-" or "" for
// standard output). What it does depends on what path is:
//
//   - a regular file, or nothing yet: the output is written to a temporary
//     file beside it and renamed into place only when write succeeds, so a
//     failed run never leaves half an output behind. The new file gets the
//     mode the old one had, or, for a new file, the mode a plain create
//     gives (0666 less the umask);
//   - a symbolic link: the same, applied to the file it points to (the link
//     stays a link); a link to nothing creates its target by writing
//     through it;
//   - anything else that can be opened for writing (a named pipe, a
//     character device such as /dev/null or a terminal): opened and written
//     straight through, never replaced;
//   - a directory, or a path whose parent directory does not exist: an
//     error saying so (checkOutput finds it before the inputs are read).
func withOutput(e *env, path string, write func(*bufio.Writer) error) error {
	if path == "-" || path == "" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			bw.Flush()
			return err
		}
		return bw.Flush()
	}
	target, kind, err := outputTarget(path)
	if err != nil {
		return err
	}
	switch kind {
	case outputThrough:
		return writeThrough(path, target, write)
	default:
		return writeAtomic(path, target, kind, write)
	}
}

// checkOutput returns the error withOutput would give for path before
// writing anything (a directory, a missing parent), so that a command fails
// at once rather than after reading its inputs.
func checkOutput(path string) error {
	if path == "-" || path == "" {
		return nil
	}
	_, _, err := outputTarget(path)
	return err
}

type outputKind int

const (
	outputNew     outputKind = iota // no file yet: create it
	outputRegular                   // a regular file: replace it atomically
	outputThrough                   // open and write (pipe, device, dangling link)
)

// outputTarget resolves path (following symbolic links) and says how to
// write to it. It returns the path to write to and, for a regular file,
// nothing else: the mode is read again when writing.
func outputTarget(path string) (string, outputKind, error) {
	li, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		di, derr := os.Stat(dir)
		switch {
		case errors.Is(derr, fs.ErrNotExist):
			return "", 0, fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
		case derr != nil:
			return "", 0, fmt.Errorf("cannot write %s: %w", path, derr)
		case !di.IsDir():
			return "", 0, fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
		}
		return path, outputNew, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("cannot write %s: %w", path, err)
	}
	target := path
	fi := li
	if li.Mode()&fs.ModeSymlink != 0 {
		resolved, rerr := filepath.EvalSymlinks(path)
		if rerr != nil {
			// A link to nothing (yet): a plain create writes through it and
			// makes the file it names, so do that.
			return path, outputThrough, nil
		}
		target = resolved
		if fi, err = os.Stat(resolved); err != nil {
			return "", 0, fmt.Errorf("cannot write %s: %w", path, err)
		}
	}
	switch {
	case fi.IsDir():
		return "", 0, fmt.Errorf("cannot write %s: it is a directory", path)
	case fi.Mode().IsRegular():
		return target, outputRegular, nil
	default:
		return target, outputThrough, nil
	}
}

// writeThrough opens target for writing, as a plain create would, and
// writes to it.
func writeThrough(path, target string, write func(*bufio.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		bw.Flush()
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeAtomic writes to a new file beside target and renames it over
// target when write succeeds.
func writeAtomic(path, target string, kind outputKind, write func(*bufio.Writer) error) error {
	tmp, err := createTemp(target)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if kind == outputRegular {
		// Keep the mode of the file being replaced (the temporary file
		// was created with the umask's mode, as a new file would be).
		if fi, err := os.Stat(target); err == nil {
			if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
				tmp.Close()
				return fmt.Errorf("writing %s: %w", path, err)
			}
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new, empty file beside target with mode 0666, which
// the process's umask reduces exactly as it would a plain create's (unlike
// os.CreateTemp, whose files are 0600).
func createTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	var b [6]byte
	for range 100 {
		if _, err := io.ReadFull(rand.Reader, b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("no free temporary file name")
}
