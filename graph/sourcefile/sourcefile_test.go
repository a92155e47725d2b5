package sourcefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpen: a regular file and a link to one open; a FIFO (which an
// ordinary open would wait on forever, issue 16), a folder, a link to a
// folder and a device are refused with ErrNotRegular, saying what they are.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.ris")
	if err := os.WriteFile(file, []byte("TY  - JOUR\nER  - \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for link, target := range map[string]string{"file-link": file, "dir-link": dir} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, ok := range []string{file, filepath.Join(dir, "file-link")} {
		f, err := Open(ok)
		if err != nil {
			t.Errorf("Open(%s): %v", ok, err)
			continue
		}
		f.Close()
	}
	for path, what := range map[string]string{
		fifo:                           "a named pipe (FIFO)",
		dir:                            "a folder",
		filepath.Join(dir, "dir-link"): "a symbolic link to a folder",
		"/dev/null":                    "a character device",
	} {
		_, err := Open(path)
		var nr *NotRegularError
		var pe *fs.PathError
		if !errors.Is(err, ErrNotRegular) || !errors.As(err, &nr) || nr.What != what || !errors.As(err, &pe) || pe.Path != path {
			t.Errorf("Open(%s): %v, want a *fs.PathError saying %q", path, err, what)
		}
	}
}
