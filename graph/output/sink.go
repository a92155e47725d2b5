package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Sink receives the files of the outputs. Create opens the file name (a
// base name such as "graph.dot") for writing; closing the writer completes
// the file. A writer that also has an Abort method is aborted instead of
// closed when filling it failed, so that nothing half-written is left.
type Sink interface {
	Create(name string) (io.WriteCloser, error)
}

// aborter is a file of a Sink that can be given up.
type aborter interface{ Abort() }

// WriteFile creates name in s, fills it and completes it; when fill fails
// the file is aborted (if the sink allows) and the error returned, with
// the file's name.
func WriteFile(s Sink, name string, fill func(io.Writer) error) error {
	w, err := s.Create(name)
	if err != nil {
		return err
	}
	if err := fill(w); err != nil {
		if a, ok := w.(aborter); ok {
			a.Abort()
		} else {
			w.Close()
		}
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return w.Close()
}

// WriteBytes writes b as the file name of s.
func WriteBytes(s Sink, name string, b []byte) error {
	return WriteFile(s, name, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// Dir is a Sink of files in a folder, each written atomically: readers see
// either the old file or the complete new one, never a part. Create makes
// a hidden temporary file ".NAME.*.tmp" in the folder (made when missing);
// Close syncs it, renames it over NAME and syncs the folder; Abort removes
// it. Temporary files of NAME left by an earlier run that was killed are
// removed when NAME is created again.
type Dir struct {
	Path string
}

// Create implements Sink.
func (d Dir) Create(name string) (io.WriteCloser, error) {
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, err
	}
	removeStale(d.Path, name)
	f, err := os.CreateTemp(d.Path, "."+name+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &dirFile{f: f, path: filepath.Join(d.Path, name)}, nil
}

// removeStale removes the temporary files ".name.*.tmp" in dir that a
// killed run left behind.
func removeStale(dir, name string) {
	stale, _ := filepath.Glob(filepath.Join(dir, "."+escapeGlob(name)+".*.tmp"))
	for _, p := range stale {
		os.Remove(p)
	}
}

// escapeGlob quotes the characters filepath.Match treats specially.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dirFile is a file of Dir being written.
type dirFile struct {
	f    *os.File
	path string
	done bool
}

func (f *dirFile) Write(p []byte) (int, error) { return f.f.Write(p) }

// Abort removes the temporary file.
func (f *dirFile) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	os.Remove(f.f.Name())
}

// Close completes the file: sync, rename over the target, sync the folder.
func (f *dirFile) Close() (err error) {
	if f.done {
		return nil
	}
	defer func() {
		if err != nil {
			f.Abort()
		}
	}()
	if err := f.f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	if err := f.f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	if err := os.Chmod(f.f.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(f.f.Name(), f.path); err != nil {
		return err
	}
	f.done = true
	// Make the rename itself durable.
	if d, err := os.Open(filepath.Dir(f.path)); err == nil {
		_ = d.Sync() // best effort: not every file system syncs folders
		_ = d.Close()
	}
	return nil
}

// WriteFileAtomic writes the file path through fill atomically (see Dir).
func WriteFileAtomic(path string, fill func(io.Writer) error) error {
	return WriteFile(Dir{Path: filepath.Dir(path)}, filepath.Base(path), fill)
}

// Memory is a Sink that keeps the files in memory, for tests and for
// programs that embed citegraph. The zero value is ready; it is safe for
// concurrent use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// Create implements Sink. A file appears when its writer is closed and
// replaces one of the same name.
func (m *Memory) Create(name string) (io.WriteCloser, error) {
	return &memFile{m: m, name: name}, nil
}

// Names returns the names of the files written, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Bytes returns the content of the file name and whether it was written.
func (m *Memory) Bytes(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return slices.Clone(b), ok
}

type memFile struct {
	m    *Memory
	name string
	buf  bytes.Buffer
	done bool
}

func (f *memFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *memFile) Abort() { f.done = true }

func (f *memFile) Close() error {
	if f.done {
		return nil
	}
	f.done = true
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	if f.m.files == nil {
		f.m.files = map[string][]byte{}
	}
	f.m.files[f.name] = f.buf.Bytes()
	return nil
}
