package lines

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// MaxRecord is the most bytes one record may hold: a record that grows
// past it (a lost end tag in a damaged file) is reported and dropped, so
// memory stays bounded.
const MaxRecord = 64 << 20

// A Format is the rules of one line-tagged format (RIS, MEDLINE, Ovid,
// ProQuest, Web of Science): which lines begin, continue and end a
// record. The record loop (Loop.Run) hands it the source's lines one by
// one and keeps what every such reader shares: the problems found, the
// line the open record begins at, its size against MaxRecord.
type Format interface {
	// Line takes line n (without its line end) into the open record,
	// or begins or ends one, telling l (Open, Close, Grow, Report).
	Line(l *Loop, line []byte, n int) error
	// End is called once after the last line (or a read error) to emit
	// the record still open.
	End(l *Loop) error
}

// Loop is the record loop of the line-tagged readers and what it knows of
// the source read so far. The zero value is ready; Noun names a record in
// the message of the size cap ("record" when empty).
type Loop struct {
	Noun string

	// Start is the line the open record begins at; 0 outside a record.
	Start int

	lr       *Reader
	size     int
	problems []error
	once     bool // ReportOnce has reported
}

// Read runs the record loop of f over rd (Loop.Run with a zero Loop).
func Read(ctx context.Context, rd io.Reader, f Format) error {
	var l Loop
	return l.Run(ctx, NewReader(rd), f)
}

// Run hands f the lines of lr still to read, then calls f.End. It checks
// ctx every 4096 lines. A read error (a line longer than 16 MiB, a failing
// reader) is reported and ends the reading. An error from f, or ctx's, is
// returned at once; otherwise Run returns the problems reported, joined
// (nil when none).
func (l *Loop) Run(ctx context.Context, lr *Reader, f Format) error {
	l.lr = lr
	for {
		line, n, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			l.problems = append(l.problems, err) // a *pos.Error at its line, or a read error
			break
		}
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := f.Line(l, line, n); err != nil {
			return err
		}
	}
	if err := f.End(l); err != nil {
		return err
	}
	return errors.Join(l.problems...)
}

// Open records that a record begins at line n.
func (l *Loop) Open(n int) { l.Start, l.size = n, 0 }

// Close records that the open record has ended (emitted or dropped).
func (l *Loop) Close() { l.Start, l.size = 0, 0 }

// Grow adds n bytes to the open record's size. When the size passes
// MaxRecord it reports the record (at Start), sets the size back to 0 and
// returns true: the caller drops the record.
func (l *Loop) Grow(n int) bool {
	l.size += n
	if l.size <= MaxRecord {
		return false
	}
	noun := l.Noun
	if noun == "" {
		noun = "record"
	}
	l.Report(l.Start, "%s longer than %d MiB, dropped", noun, MaxRecord>>20)
	l.size = 0
	return true
}

// Report records a problem at a line: a *pos.Error whose message is
// format and its arguments, as fmt.Sprintf makes them.
func (l *Loop) Report(line int, format string, a ...any) {
	l.problems = append(l.problems, &pos.Error{Line: line, Msg: fmt.Sprintf(format, a...)})
}

// ReportOnce reports a problem as Report does the first time it is
// called, and does nothing after: stray lines are told once a source.
func (l *Loop) ReportOnce(line int, format string, a ...any) {
	if !l.once {
		l.once = true
		l.Report(line, format, a...)
	}
}

// Unended reports the record still open at the end of the source, which
// its end tag (tag: "ER") should have closed, and returns whether there
// is one.
func (l *Loop) Unended(tag string) bool {
	if l.Start == 0 {
		return false
	}
	l.Report(l.Start, "file ends inside this record (no %s)", tag)
	return true
}

// Line returns the number of the line last read (0 before the first).
func (l *Loop) Line() int {
	if l.lr == nil {
		return 0
	}
	return l.lr.Line()
}
