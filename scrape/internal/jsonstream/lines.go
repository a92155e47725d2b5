package jsonstream

import (
	"bytes"
	"io"
)

// Lines passes a stream through and counts its lines, so that a byte
// offset in it becomes a line and a column without keeping the stream:
// the JSON line counter of the readers (Decoder, scrape/csljson,
// scrape/s2orc). It keeps the offsets of the newlines read but not yet
// passed by Pos, so memory is bounded by how far the reader of Lines
// (a json.Decoder) reads ahead of the offsets asked for.
type Lines struct {
	r      io.Reader
	off    int64   // bytes read so far
	nl     []int64 // offsets of newlines not yet passed by Pos
	line   int     // newlines passed
	lastNL int64   // offset of the last newline passed; -1 before the first
}

// NewLines returns Lines over r.
func NewLines(r io.Reader) *Lines { return &Lines{r: r, lastNL: -1} }

// Read reads from the stream, noting its newlines.
func (l *Lines) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		l.nl = append(l.nl, l.off+int64(i+j))
		i += j + 1
	}
	l.off += int64(n)
	return n, err
}

// Offset returns how many bytes were read.
func (l *Lines) Offset() int64 { return l.off }

// Pos returns the 1-based line and byte column of offset off. The
// offsets passed to Pos must not decrease.
func (l *Lines) Pos(off int64) (line, col int) {
	k := 0
	for k < len(l.nl) && l.nl[k] < off {
		l.lastNL = l.nl[k]
		k++
	}
	if k > 0 {
		l.line += k
		l.nl = l.nl[:copy(l.nl, l.nl[k:])]
	}
	return l.line + 1, int(off - l.lastNL)
}

// NewlineAt reports whether the byte at offset off, already read, is a
// newline; off must not be less than the last offset passed to Pos.
func (l *Lines) NewlineAt(off int64) bool {
	for _, o := range l.nl {
		if o >= off {
			return o == off
		}
	}
	return false
}
