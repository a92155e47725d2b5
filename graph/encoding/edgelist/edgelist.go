package edgelist

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/sourcefile"
)

// Kind is the kind of a file this package reads.
type Kind int

// The kinds of file, as Sniff tells them apart.
const (
	// Unknown is not a file of this package (a page or bibliographic
	// export, say).
	Unknown Kind = iota
	// Edges is an edge list: two IDs a line, "citing cited" (SNAP) or
	// "cited citing" (a LINQS .cites file).
	Edges
	// Content is a LINQS .content file: an ID, word features and a label
	// a line.
	Content
	// Dates is a SNAP dates file: an ID and a year (or an ISO 8601 date)
	// a line, each ID once.
	Dates
)

var kindNames = [...]string{"unknown", "edges", "content", "dates"}

// String returns "edges", "content", "dates" or "unknown".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Order says which ID of an edge line is the citing work.
type Order int

const (
	// CitingCited is SNAP's order: "citing cited".
	CitingCited Order = iota
	// CitedCiting is the order of LINQS .cites files (Cora, CiteSeer):
	// "cited citing", as their README says.
	CitedCiting
)

// OrderFor returns the order of an edge list named path when nothing else
// says: CitedCiting for a name ending in ".cites" (LINQS's convention; the
// order cannot be told from the numbers), CitingCited otherwise.
func OrderFor(path string) Order {
	base := strings.ToLower(filepath.Base(path))
	base = strings.TrimSuffix(base, ".gz")
	if strings.HasSuffix(base, ".cites") {
		return CitedCiting
	}
	return CitingCited
}

// OrderBy returns the order of each file's lines for a direction as
// citegraph analyse --direction names it: "citing-cited" and
// "cited-citing" for every file, anything else ("auto") OrderFor each.
func OrderBy(direction string) func(path string) Order {
	switch direction {
	case "citing-cited":
		return func(string) Order { return CitingCited }
	case "cited-citing":
		return func(string) Order { return CitedCiting }
	}
	return OrderFor
}

// ErrNotText means a file is not text this package reads.
var ErrNotText = errors.New("not a text file")

// Error is a failure to read a file, at a line when known.
type Error struct {
	Path string
	Line int // 1-based; 0 when the whole file failed
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("edgelist: %s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("edgelist: %s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Open opens the file at path for reading, decompressing it when it is
// gzip-compressed (told by its first bytes, not its name).
func Open(path string) (io.ReadCloser, error) {
	f, err := sourcefile.Open(path) // a FIFO or device is refused, not waited on
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, &Error{Path: path, Err: err}
		}
		return readCloser{zr, f}, nil
	}
	return readCloser{br, f}, nil
}

type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }

// sniffLines is how many data lines Sniff looks at.
const sniffLines = 2000

// Sniff tells the kind of a file from its first bytes (up to 64 KiB are
// enough): Content when its lines hold an ID, numeric features and a
// non-numeric label; Dates when every line holds two fields, the second a
// year (1000–2999) or a date "YYYY-MM-DD", and no ID repeats; Edges when
// every line holds two fields (a third, such as a SNAP weight or time, is
// allowed); Unknown otherwise. Blank lines and lines starting with '#' or
// '%' are comments. A UTF-8 byte order mark is skipped.
func Sniff(head []byte) Kind {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if !utf8.Valid(trimIncomplete(head)) || bytes.IndexByte(head, 0) >= 0 {
		return Unknown
	}
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		// The last line is empty or may be cut short by the size of head.
		lines = lines[:len(lines)-1]
	}
	var two, three, content, dates, data int
	ids := map[string]bool{}
	distinct := true
	for _, ln := range lines {
		ln = bytes.TrimRight(ln, "\r")
		f := bytes.Fields(ln)
		if len(f) == 0 || f[0][0] == '#' || f[0][0] == '%' {
			continue
		}
		if data == sniffLines {
			break
		}
		data++
		switch {
		case len(f) == 2:
			two++
			if isYear(f[1]) {
				dates++
			}
			if ids[string(f[0])] {
				distinct = false
			}
			ids[string(f[0])] = true
		case len(f) == 3 && isNumber(f[2]):
			three++
		case len(f) >= 3 && isNumber(f[1]) && !isNumber(f[len(f)-1]):
			content++
		default:
			return Unknown
		}
	}
	switch {
	case data == 0:
		return Unknown
	case content == data:
		return Content
	case dates == data && distinct:
		return Dates
	case two+three == data:
		return Edges
	}
	return Unknown
}

// trimIncomplete drops a UTF-8 sequence cut at the end of b.
func trimIncomplete(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		r, size := utf8.DecodeLastRune(b)
		if r != utf8.RuneError || size != 1 {
			break
		}
		b = b[:len(b)-1]
	}
	return b
}

func isNumber(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	dot := false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		case (c == '-' || c == '+') && i == 0 && len(b) > 1:
		default:
			return false
		}
	}
	return true
}

// isYear reports whether b is a year 1000–2999 or a date starting with
// one ("1992-02-24").
func isYear(b []byte) bool {
	_, ok := parseYear(b)
	return ok
}

func parseYear(b []byte) (int, bool) {
	if len(b) != 4 && !(len(b) >= 7 && b[4] == '-') {
		return 0, false
	}
	y := 0
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = 10*y + int(c-'0')
	}
	if y < 1000 || y > 2999 {
		return 0, false
	}
	for _, c := range b[4:] {
		if (c < '0' || c > '9') && c != '-' {
			return 0, false
		}
	}
	return y, true
}

// normID returns an ID as the graph keys it: a decimal number loses its
// leading zeros ("0001001" → "1001", as SNAP's edge lists write the IDs
// its dates files give with zeros), anything else is kept.
func normID(b []byte) []byte {
	if len(b) < 2 || b[0] != '0' {
		return b
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return b
		}
	}
	b = bytes.TrimLeft(b, "0")
	if len(b) == 0 {
		return []byte("0")
	}
	return b
}

// MaxLine is the longest line the reader takes. The longest real lines
// are LINQS .content lines of a few thousand features (Cora: 1,433 words,
// some 3 KB; CiteSeer: 3,703); a gzipped edge list whose one line
// inflated to 1 GiB took 3.8 GB (issue 16).
const MaxLine = 8 << 20

// ErrLineTooLong is the error of a line longer than MaxLine; the file is
// not read further.
var ErrLineTooLong = fmt.Errorf("a line of more than %d MiB: not an edge list (the file is not read further)", MaxLine>>20)

// lines calls fn with the fields of each data line of r (comments and
// blank lines skipped, CR and a leading BOM removed) and its 1-based
// number. fields is reused between calls. A line longer than MaxLine
// ends the reading with ErrLineTooLong at its number.
func lines(r io.Reader, fn func(line int, fields [][]byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var fields [][]byte
	for n := 1; ; n++ {
		ln, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer (a .content line of many
			// features): gather it.
			long := append([]byte{}, ln...)
			for errors.Is(err, bufio.ErrBufferFull) {
				if len(long) > MaxLine {
					return &Error{Line: n, Err: ErrLineTooLong}
				}
				ln, err = br.ReadSlice('\n')
				long = append(long, ln...)
			}
			ln = long
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return &Error{Line: n, Err: err}
		}
		if n == 1 {
			ln = bytes.TrimPrefix(ln, []byte("\uFEFF"))
		}
		fields = splitFields(fields[:0], ln)
		if len(fields) > 0 && fields[0][0] != '#' && fields[0][0] != '%' {
			if ferr := fn(n, fields); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// splitFields appends the space- or tab-separated fields of ln.
func splitFields(dst [][]byte, ln []byte) [][]byte {
	i := 0
	for i < len(ln) {
		for i < len(ln) && isSpace(ln[i]) {
			i++
		}
		j := i
		for j < len(ln) && !isSpace(ln[j]) {
			j++
		}
		if j > i {
			dst = append(dst, ln[i:j])
		}
		i = j
	}
	return dst
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// ReadEdges reads an edge list from r and adds each line's citation to b:
// two IDs separated by spaces or tabs, in the given order; a third field
// (a SNAP weight or time stamp) is ignored; '#' and '%' lines are
// comments; CRLF line ends and a UTF-8 byte order mark are accepted. IDs
// are taken as they are written, except that decimal numbers lose leading
// zeros. It returns the number of citations read. A line with one field
// or more than three ends the reading with an *Error naming path and the
// line; the citations before it stay in b.
func ReadEdges(r io.Reader, path string, order Order, b *graph.CompactBuilder) (int, error) {
	n := 0
	err := lines(r, func(line int, f [][]byte) error {
		if len(f) < 2 || len(f) > 3 {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("want two IDs (citing cited), found %d fields", len(f))}
		}
		if !utf8.Valid(f[0]) || !utf8.Valid(f[1]) {
			return &Error{Path: path, Line: line, Err: errors.New("ID is not valid UTF-8")}
		}
		x, y := b.NodeBytes(normID(f[0])), b.NodeBytes(normID(f[1]))
		if order == CitedCiting {
			x, y = y, x
		}
		b.Cite(x, y, 1)
		n++
		return nil
	})
	if e := (*Error)(nil); errors.As(err, &e) && e.Path == "" {
		e.Path = path
	}
	return n, err
}

// Paper is one line of a LINQS .content file.
type Paper struct {
	ID string
	// Words are the indexes (0-based, in file order) of the features that
	// are not zero: the words of the vocabulary the paper holds.
	Words []int
	// Label is the paper's class, e.g. "Neural_Networks".
	Label string
}

// ReadContent reads a LINQS .content file: per line, a paper ID, its word
// features (numbers; non-zero means the word is present) and its class
// label, separated by spaces or tabs. Every line must have the same number
// of features. fn receives each paper; its Words slice is reused between
// calls. It returns the number of papers; a malformed line ends the
// reading with an *Error naming path and the line.
func ReadContent(r io.Reader, path string, fn func(Paper) error) (int, error) {
	n, width := 0, -1
	var p Paper
	err := lines(r, func(line int, f [][]byte) error {
		if len(f) < 3 {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("want an ID, word features and a label, found %d fields", len(f))}
		}
		if width < 0 {
			width = len(f) - 2
		} else if len(f)-2 != width {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("%d word features, earlier lines have %d", len(f)-2, width)}
		}
		if !utf8.Valid(f[0]) || !utf8.Valid(f[len(f)-1]) {
			return &Error{Path: path, Line: line, Err: errors.New("ID or label is not valid UTF-8")}
		}
		p.ID = string(normID(f[0]))
		p.Label = string(f[len(f)-1])
		p.Words = p.Words[:0]
		for i, x := range f[1 : len(f)-1] {
			if !isNumber(x) {
				return &Error{Path: path, Line: line, Err: fmt.Errorf("word feature %d is %q, not a number", i+1, x)}
			}
			if !isZero(x) {
				p.Words = append(p.Words, i)
			}
		}
		n++
		return fn(p)
	})
	return n, err
}

func isZero(b []byte) bool {
	for _, c := range b {
		if c != '0' && c != '.' && c != '-' && c != '+' {
			return false
		}
	}
	return true
}

// ReadDates reads a SNAP dates file: per line a paper ID and its year
// ("9203201 1992") or date ("9203201 1992-02-24"). fn receives each ID (as
// the graph keys it) and year. It returns the number of lines read; a
// malformed line ends the reading with an *Error naming path and the line.
func ReadDates(r io.Reader, path string, fn func(id string, year int)) (int, error) {
	n := 0
	err := lines(r, func(line int, f [][]byte) error {
		if len(f) != 2 {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("want an ID and a year, found %d fields", len(f))}
		}
		y, ok := parseYear(f[1])
		if !ok {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("%q is not a year (1000–2999) or a date YYYY-MM-DD", f[1])}
		}
		if !utf8.Valid(f[0]) {
			return &Error{Path: path, Line: line, Err: errors.New("ID is not valid UTF-8")}
		}
		fn(string(normID(f[0])), y)
		n++
		return nil
	})
	return n, err
}
