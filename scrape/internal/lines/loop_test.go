package lines

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// braces is a line-tagged format for the test: "{" opens a record, "}"
// closes it, other lines in a record are its fields, lines outside one
// are stray.
type braces struct{ got []string }

func (b *braces) Line(l *Loop, line []byte, n int) error {
	switch {
	case bytes.Equal(line, []byte("{")):
		l.Open(n)
	case l.Start == 0:
		l.ReportOnce(n, "stray %q", line)
	case bytes.Equal(line, []byte("}")):
		b.got = append(b.got, "record at "+strconv.Itoa(l.Start))
		l.Close()
	}
	return nil
}

func (b *braces) End(l *Loop) error {
	if l.Start != 0 {
		l.Report(l.Start, "no }")
	}
	return nil
}

func TestLoop(t *testing.T) {
	var b braces
	err := Read(context.Background(), strings.NewReader("x\ny\n{\na\n}\n{\nb"), &b)
	if got := strings.Join(b.got, ","); got != "record at 3" {
		t.Errorf("records %q, want record at 3", got)
	}
	// Two problems: the first stray line (the second is not told), the
	// record left open at line 6.
	if err == nil || err.Error() != "line 1: stray \"x\"\nline 6: no }" {
		t.Errorf("error %q", err)
	}
}

func TestLoopGrow(t *testing.T) {
	l := Loop{Noun: "document"}
	l.Open(3)
	if l.Grow(MaxRecord) {
		t.Fatal("a record of MaxRecord bytes is dropped")
	}
	if !l.Grow(1) {
		t.Fatal("a record of MaxRecord+1 bytes is kept")
	}
	if err := errors.Join(l.problems...); err == nil || err.Error() != "line 3: document longer than 64 MiB, dropped" {
		t.Errorf("error %q", err)
	}
	if l.Grow(1) {
		t.Error("the size is not set back after the cap")
	}
}

func TestLoopCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b braces
	err := Read(ctx, strings.NewReader(strings.Repeat("{\n}\n", 3000)), &b)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if len(b.got) != 2047 { // lines 1..4095 read before the check at line 4096
		t.Errorf("%d records before the check, want 2047", len(b.got))
	}
}
