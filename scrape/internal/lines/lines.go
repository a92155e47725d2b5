package lines

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// maxLine is the longest line read; a longer one is an error (a binary or
// damaged file), and reading stops there.
const maxLine = 16 << 20

// Reader reads a source line by line, without line ends ("\n", "\r\n"
// or a lone "\r"), counting lines from 1. Memory is bounded by the longest
// line.
type Reader struct {
	br      *bufio.Reader
	n       int    // number of the line last returned
	buf     []byte // the line last returned
	pending []byte // lines split off a lone "\r", not yet returned
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next line and its number, or io.EOF. The line is valid
// until the next call. A line longer than 16 MiB is a *pos.Error at its
// line; an error of the underlying reader is returned as it is.
func (lr *Reader) Next() ([]byte, int, error) {
	if lr.pending == nil {
		lr.buf = lr.buf[:0]
		for {
			chunk, err := lr.br.ReadSlice('\n')
			lr.buf = append(lr.buf, chunk...)
			if len(lr.buf) > maxLine {
				return nil, lr.n + 1, &pos.Error{Line: lr.n + 1, Msg: fmt.Sprintf("longer than %d MiB", maxLine>>20)}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF && len(lr.buf) == 0 {
				return nil, lr.n, io.EOF
			}
			if err != nil && err != io.EOF {
				return nil, lr.n, err
			}
			break
		}
		lr.buf = bytes.TrimSuffix(lr.buf, []byte{'\n'})
		lr.buf = bytes.TrimSuffix(lr.buf, []byte{'\r'})
		if lr.n == 0 {
			lr.buf = bytes.TrimPrefix(lr.buf, []byte("\uFEFF"))
		}
		lr.pending = lr.buf
	}
	line := lr.pending
	if i := bytes.IndexByte(line, '\r'); i >= 0 {
		lr.pending = line[i+1:]
		line = line[:i]
	} else {
		lr.pending = nil
	}
	lr.n++
	return line, lr.n, nil
}

// Line returns the number of the line last returned by Next (0 before the
// first).
func (lr *Reader) Line() int { return lr.n }
