package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// withOutput runs write against a buffered writer to path ("-" for standard
// output). A file is written to a temporary name and renamed into place only
// when write succeeds, so a failed run never leaves half an output behind.
func withOutput(e *env, path string, write func(*bufio.Writer) error) error {
	if path == "-" || path == "" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			bw.Flush()
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
