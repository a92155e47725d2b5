package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"
	"time"
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
// a hidden temporary file ".NAME.citegraph-*.tmp" in the folder (made when missing);
// Close syncs it, renames it over NAME and syncs the folder; Abort removes
// it. The temporary file is named ".NAME.citegraph-DIGITS.tmp": the
// marker tells it from any other program's temporary files, which a
// folder the user names with -o may hold.
//
// A run that is killed (kill -9, a power cut) leaves its temporary files
// behind. The first Create in a folder in a process removes every file of
// that folder named as Create names them that was last modified before the
// process started (RemoveStale): none of them can be this process's, and a
// run still writing one keeps changing its time.
type Dir struct {
	Path string
}

// processStart is when this process started: temporary files older than
// it are another run's.
var processStart = time.Now()

// swept holds the folders RemoveStale ran in, so that it runs once per
// folder and process.
var swept sync.Map

// Create implements Sink.
func (d Dir) Create(name string) (io.WriteCloser, error) {
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, err
	}
	key, err := filepath.Abs(d.Path)
	if err != nil {
		key = filepath.Clean(d.Path)
	}
	if _, done := swept.LoadOrStore(key, true); !done {
		_, _ = d.RemoveStale(processStart) // best effort: a leftover that stays is only a hidden file
	}
	f, err := os.CreateTemp(d.Path, "."+name+tempMark+"*.tmp")
	if err != nil {
		return nil, err
	}
	return &dirFile{f: f, path: filepath.Join(d.Path, name)}, nil
}

// tempMark comes between NAME and the digits of a temporary file's name.
const tempMark = ".citegraph-"

// tempName matches the names os.CreateTemp gives for Create's pattern
// ".NAME.citegraph-*.tmp": the * becomes decimal digits.
var tempName = regexp.MustCompile(`^\..+\.citegraph-[0-9]+\.tmp$`)

// RemoveStale removes the temporary files of Create (".NAME.citegraph-DIGITS.tmp")
// directly in the folder that are regular files last modified before
// before, and returns their names, sorted. Other files, folders, symbolic
// links and files in subfolders are left alone.
func (d Dir) RemoveStale(before time.Time) ([]string, error) {
	ents, err := os.ReadDir(d.Path)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range ents {
		if !e.Type().IsRegular() || !tempName.MatchString(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(before) {
			continue
		}
		if err := os.Remove(filepath.Join(d.Path, e.Name())); err == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed, nil
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
