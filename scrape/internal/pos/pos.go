package pos

import (
	"fmt"
	"strings"
)

// Error is a malformed part of a source at a place in it. Readers report
// it and read on where they can.
type Error struct {
	Line int    // 1-based
	Col  int    // 1-based, in bytes; 0 when unknown
	Msg  string // what is wrong, lower case
	Err  error  // the cause, when there is one (printed after Msg)
}

// Error returns the position (Prefix), then Msg, then the cause.
func (e *Error) Error() string { return Prefix(e.Line, e.Col) + e.Reason() }

// Reason returns the message without the position: Msg, the cause, or
// both as "Msg: cause".
func (e *Error) Reason() string {
	switch {
	case e.Err == nil:
		return e.Msg
	case e.Msg == "":
		return e.Err.Error()
	}
	return e.Msg + ": " + e.Err.Error()
}

// Position returns the line and column (0: unknown).
func (e *Error) Position() (line, col int) { return e.Line, e.Col }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Prefix returns how a message names a position: "line 3: ", or "line 3,
// column 7: " when the column is known; "" when the line is not.
func Prefix(line, col int) string {
	switch {
	case line <= 0:
		return ""
	case col > 0:
		return fmt.Sprintf("line %d, column %d: ", line, col)
	}
	return fmt.Sprintf("line %d: ", line)
}

// Trim returns msg without a leading position that names line and col
// (as Prefix writes it, or "line L, column 0: "): the message of an error
// whose position the caller prints itself.
func Trim(msg string, line, col int) string {
	if line <= 0 {
		return msg
	}
	if s, ok := strings.CutPrefix(msg, Prefix(line, col)); ok {
		return s
	}
	if s, ok := strings.CutPrefix(msg, fmt.Sprintf("line %d, column %d: ", line, col)); ok {
		return s
	}
	return msg
}
