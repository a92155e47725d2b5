package jsonstream

import (
	"io"
	"strings"
	"testing"
)

// Lines gives every offset the line and column counted by hand, and keeps
// only the newlines ahead of the last offset asked for.
func TestLines(t *testing.T) {
	src := "ab\n\ncd\nefg"
	l := NewLines(strings.NewReader(src))
	if _, err := io.ReadAll(l); err != nil {
		t.Fatal(err)
	}
	line, col := 1, 1
	for off := range len(src) {
		if gl, gc := l.Pos(int64(off)); gl != line || gc != col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", off, gl, gc, line, col)
		}
		if got := l.NewlineAt(int64(off)); got != (src[off] == '\n') {
			t.Errorf("NewlineAt(%d) = %v", off, got)
		}
		if src[off] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if l.Offset() != int64(len(src)) || len(l.nl) != 0 {
		t.Errorf("offset %d, %d newlines kept after the last one was passed", l.Offset(), len(l.nl))
	}
}
