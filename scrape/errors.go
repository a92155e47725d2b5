package scrape

import (
	"errors"
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// Conditions callers branch on, with errors.Is.
var (
	// ErrUnsupportedFormat means no extractor recognises the source.
	ErrUnsupportedFormat = errors.New("unknown kind of source")
	// ErrEmpty means the source holds nothing but white space.
	ErrEmpty = errors.New("empty file")
	// ErrBinary means the source is not text (it holds NUL bytes or is
	// mostly control characters).
	ErrBinary = errors.New("binary file, not a page or text export")
	// ErrTruncated means the source ends in the middle of something the
	// extractor needs: a page saved half-way, a file cut off.
	ErrTruncated = errors.New("truncated")
	// ErrTooLarge means a page is larger than the extractors accept.
	ErrTooLarge = errors.New("page too large")
	// ErrNothingRead means a source read in a format the caller named
	// (--format) gave no record with a title, an identifier or an author:
	// it is not in that format.
	ErrNothingRead = errors.New("nothing read")
)

// Error reports a failure to read one source, with the position in it when
// known. Err is one of the sentinels above or a more specific cause.
type Error struct {
	Path   string // file path or URL
	Format string // extractor that failed, "" before detection
	Line   int    // 1-based line, 0 when unknown
	Col    int    // 1-based column (in bytes), 0 when unknown
	Err    error
}

// Error names the source, the position, the format and the cause, each
// once: a cause that names the position itself ("line 3: …", as the
// readers' errors do when read alone) is printed without it. A cause that
// joins several problems (errors.Join) is printed a line each, each line
// naming the source and that problem's own position.
func (e *Error) Error() string {
	parts, ok := e.Err.(interface{ Unwrap() []error })
	if !ok || len(parts.Unwrap()) < 2 {
		return e.line(e.Line, e.Col, e.Err)
	}
	var lines []string
	for _, p := range parts.Unwrap() {
		line, col := 0, 0
		var at interface{ Position() (int, int) }
		if errors.As(p, &at) {
			line, col = at.Position()
		}
		lines = append(lines, e.line(line, col, p))
	}
	return strings.Join(lines, "\n")
}

// line is the message of one problem of the source, at line and col.
func (e *Error) line(line, col int, err error) string {
	s := "scrape: " + e.Path
	if line > 0 {
		s += fmt.Sprintf(":%d", line)
		if col > 0 {
			s += fmt.Sprintf(":%d", col)
		}
	}
	if e.Format != "" {
		s += ": " + e.Format
	}
	return s + ": " + pos.Trim(err.Error(), line, col)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
