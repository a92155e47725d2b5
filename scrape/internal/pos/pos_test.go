package pos

import (
	"errors"
	"io"
	"testing"
)

// The messages are those the readers print (hand-written expectations).
func TestError(t *testing.T) {
	for _, c := range []struct {
		e            *Error
		want, reason string
	}{
		{&Error{Line: 3, Msg: "record has no ER"}, "line 3: record has no ER", "record has no ER"},
		{&Error{Line: 2, Col: 6, Err: io.ErrUnexpectedEOF}, "line 2, column 6: unexpected EOF", "unexpected EOF"},
		{&Error{Line: 1, Col: 1, Msg: "author", Err: io.ErrUnexpectedEOF}, "line 1, column 1: author: unexpected EOF", "author: unexpected EOF"},
		{&Error{Msg: "no line"}, "no line", "no line"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
		if got := c.e.Reason(); got != c.reason {
			t.Errorf("Reason() = %q, want %q", got, c.reason)
		}
		if got := Trim(c.e.Error(), c.e.Line, c.e.Col); got != c.reason {
			t.Errorf("Trim = %q, want %q", got, c.reason)
		}
	}
	if err := error(&Error{Line: 2, Err: io.ErrUnexpectedEOF}); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Error("the cause is not unwrapped")
	}
}

// Trim drops only the position it is told: another line's stays.
func TestTrim(t *testing.T) {
	for _, c := range []struct {
		msg       string
		line, col int
		want      string
	}{
		{"line 3: x", 3, 0, "x"},
		{"line 3: x", 4, 0, "line 3: x"},
		{"line 3, column 0: x", 3, 0, "x"},
		{"line 3, column 2: x", 3, 2, "x"},
		{"line 3, column 2: x", 3, 0, "line 3, column 2: x"},
		{"line 3: x", 0, 0, "line 3: x"},
	} {
		if got := Trim(c.msg, c.line, c.col); got != c.want {
			t.Errorf("Trim(%q, %d, %d) = %q, want %q", c.msg, c.line, c.col, got, c.want)
		}
	}
}
