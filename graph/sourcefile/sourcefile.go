// Package sourcefile opens the files citegraph reads as sources (exports,
// saved pages, edge lists): regular files only.
//
// A named pipe, a device or a socket among the inputs is not a source: a
// FIFO would block the open until some writer comes (forever, and deaf to
// SIGTERM), /dev/zero never ends, and ingest must hash a file before it
// reads it. Open refuses them without blocking, with ErrNotRegular, and
// follows symbolic links to regular files (a link is read as the file it
// names). What goes in is a path; what comes out is an *os.File or an
// *fs.PathError whose Err says what the path was instead.
package sourcefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// ErrNotRegular means a path names something other than a regular file
// (or a symbolic link to one): a folder, a named pipe, a device, a socket.
// Errors from Open wrap it with what the path was.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError is ErrNotRegular with what the path names instead.
type NotRegularError struct {
	What string // "a named pipe (FIFO)", "a device", "a symbolic link to a folder", …
}

func (e *NotRegularError) Error() string {
	hint := "copy it to a regular file to read it"
	if strings.HasSuffix(e.What, "folder") {
		hint = "links to folders are not followed, so that a walk ends; name the folder itself to read it"
	}
	return fmt.Sprintf("not a regular file but %s; skipped (%s)", e.What, hint)
}

// Is reports ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Open opens the regular file at path for reading, following symbolic
// links. It never blocks: a FIFO is opened without waiting for a writer
// and then refused. Anything but a regular file is an *fs.PathError (Op
// "open") wrapping a *NotRegularError.
func Open(path string) (*os.File, error) {
	if err := Check(path); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path) // what was checked may have changed since
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: &NotRegularError{What: describe(path, st.Mode())}}
	}
	return f, nil
}

// Check is Open's test without opening: nil for a regular file (or a link
// to one), else Open's error.
func Check(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if target, lerr := os.Readlink(path); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("a symbolic link to %s, which does not exist: %w", target, fs.ErrNotExist)}
		}
		return err
	}
	if !st.Mode().IsRegular() {
		return &fs.PathError{Op: "open", Path: path, Err: &NotRegularError{What: describe(path, st.Mode())}}
	}
	return nil
}

// describe says what a path whose target has mode m is.
func describe(path string, m fs.FileMode) string {
	what := "something else (" + m.Type().String() + ")"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	if l, err := os.Lstat(path); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		what = "a symbolic link to " + what
	}
	return what
}
