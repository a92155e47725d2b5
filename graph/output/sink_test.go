package output_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph/output"
)

// TestWriteFileAtomic: a failed write leaves the old file as it was and no
// temporary file behind.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.csv")
	os.WriteFile(p, []byte("old"), 0o644)
	err := output.WriteFileAtomic(p, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("file is %q after a failed write", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files left in the folder", len(ents))
	}
}

// TestDirRemovesStale (issue 16 item 6): the hidden temporary files a
// killed run left (".NAME.citegraph-DIGITS.tmp", older than this process) go when the
// next run first writes into the folder, whichever files it writes; a
// temporary file younger than the process (another run still writing),
// other hidden files, a folder or a symbolic link of that name and files
// in subfolders stay.
func TestDirRemovesStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	mk := func(name string, mtime time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{".graph.dot.citegraph-123.tmp", ".graph.dot.citegraph-9.tmp", ".top.dot.citegraph-5.tmp",
		".vosviewer_map.txt.citegraph-4294967295.tmp", ".keep", ".x.tmp", ".x.citegraph-1a.tmp", "x.citegraph-1.tmp",
		".notes.txt.123.tmp", "sub/.graph.dot.citegraph-1.tmp", "graph.dot"} {
		mk(n, old)
	}
	mk(".centrality.csv.citegraph-77.tmp", time.Now().Add(time.Hour)) // being written by a run started after this one
	if err := os.Mkdir(filepath.Join(dir, ".dir.citegraph-1.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, ".keep"), filepath.Join(dir, ".link.citegraph-2.tmp")); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteBytes(output.Dir{Path: dir}, "graph.dot", []byte("new")); err != nil {
		t.Fatal(err)
	}
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	// .notes.txt.123.tmp is another program's: it has not citegraph's mark.
	want := []string{".centrality.csv.citegraph-77.tmp", ".dir.citegraph-1.tmp", ".keep", ".link.citegraph-2.tmp", ".notes.txt.123.tmp",
		".x.citegraph-1a.tmp", ".x.tmp", "graph.dot", "sub", "x.citegraph-1.tmp"}
	if !slices.Equal(names, want) {
		t.Errorf("left %q, want %q", names, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "graph.dot")); string(b) != "new" {
		t.Errorf("graph.dot is %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub", ".graph.dot.citegraph-1.tmp")); err != nil {
		t.Errorf("a subfolder's file went: %v", err)
	}
}

// TestRemoveStale: RemoveStale names what it removed.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".a.csv.citegraph-1.tmp"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), nil, 0o644)
	got, err := output.Dir{Path: dir}.RemoveStale(time.Now().Add(time.Minute))
	if err != nil || !slices.Equal(got, []string{".a.csv.citegraph-1.tmp"}) {
		t.Errorf("RemoveStale = %q, %v", got, err)
	}
}

// TestMemory: files appear when closed, a failed fill leaves none.
func TestMemory(t *testing.T) {
	var m output.Memory
	if err := output.WriteBytes(&m, "b.txt", []byte("two")); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteBytes(&m, "a.txt", []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteFile(&m, "c.txt", func(io.Writer) error { return errors.New("no") }); err == nil {
		t.Error("no error from a failed fill")
	}
	if got := m.Names(); len(got) != 2 || got[0] != "a.txt" || got[1] != "b.txt" {
		t.Errorf("names %q", got)
	}
	if b, ok := m.Bytes("b.txt"); !ok || string(b) != "two" {
		t.Errorf("b.txt = %q, %v", b, ok)
	}
}
