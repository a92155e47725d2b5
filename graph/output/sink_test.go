package output_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

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

// TestDirRemovesStale: the hidden temporary files a killed run left
// (issue 16, item 6) go when the file is written again; those of other
// files and other hidden files stay.
func TestDirRemovesStale(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".graph.dot.123.tmp", ".graph.dot.9.tmp", ".top.dot.5.tmp", ".keep", "graph.dot"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	if err := output.WriteBytes(output.Dir{Path: dir}, "graph.dot", []byte("new")); err != nil {
		t.Fatal(err)
	}
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	want := []string{".keep", ".top.dot.5.tmp", "graph.dot"}
	if len(names) != len(want) || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Errorf("left %q, want %q", names, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "graph.dot")); string(b) != "new" {
		t.Errorf("graph.dot is %q", b)
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
