package scrape

import (
	"errors"
	"fmt"
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

func (e *Error) Error() string {
	s := "scrape: " + e.Path
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			s += fmt.Sprintf(":%d", e.Col)
		}
	}
	if e.Format != "" {
		s += ": " + e.Format
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
