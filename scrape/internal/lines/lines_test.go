package lines

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

type numbered struct {
	text string
	n    int
}

func readAll(t *testing.T, r io.Reader) ([]numbered, error) {
	t.Helper()
	lr := NewReader(r)
	var got []numbered
	for {
		line, n, err := lr.Next()
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return got, err
		}
		if n != lr.Line() {
			t.Fatalf("Next gave line %d, Line says %d", n, lr.Line())
		}
		got = append(got, numbered{string(line), n})
	}
}

// The expected lines are counted by hand from each input.
func TestReader(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []numbered
	}{
		{"empty", "", nil},
		{"lf", "TY  - JOUR\nER  -\n", []numbered{{"TY  - JOUR", 1}, {"ER  -", 2}}},
		{"no final newline", "a\nb", []numbered{{"a", 1}, {"b", 2}}},
		{"crlf", "a\r\nb\r\n", []numbered{{"a", 1}, {"b", 2}}},
		{"lone cr (classic Mac)", "a\rb\rc", []numbered{{"a", 1}, {"b", 2}, {"c", 3}}},
		{"mixed", "a\r\n\rb\nc\r", []numbered{{"a", 1}, {"", 2}, {"b", 3}, {"c", 4}}},
		{"blank lines", "\n\nx\n", []numbered{{"", 1}, {"", 2}, {"x", 3}}},
		{"bom", "\uFEFFPMID- 1\n\uFEFFx\n", []numbered{{"PMID- 1", 1}, {"\uFEFFx", 2}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(c.in), iotest.OneByteReader(strings.NewReader(c.in))} {
				got, err := readAll(t, r)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(c.want) {
					t.Fatalf("got %v, want %v", got, c.want)
				}
				for i := range got {
					if got[i] != c.want[i] {
						t.Fatalf("got %v, want %v", got, c.want)
					}
				}
			}
		})
	}
}

// A line longer than 16 MiB stops the reading with an error naming it.
func TestReaderLongLine(t *testing.T) {
	in := "first\n" + strings.Repeat("x", maxLine+1) + "\nlast\n"
	got, err := readAll(t, strings.NewReader(in))
	if len(got) != 1 || got[0].text != "first" {
		t.Fatalf("got %v before the long line", got)
	}
	if err == nil || err.Error() != "line 2: longer than 16 MiB" {
		t.Fatalf("error %v, want line 2: longer than 16 MiB", err)
	}
}

// An error of the underlying reader is passed on.
func TestReaderError(t *testing.T) {
	boom := errors.New("boom")
	_, err := readAll(t, io.MultiReader(bytes.NewReader([]byte("a\n")), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
}

// FuzzReader checks that lines come numbered 1, 2, 3… and never hold a
// line end, and that every byte other than line ends (and a leading byte
// order mark) comes out.
func FuzzReader(f *testing.F) {
	for _, s := range []string{"a\nb", "a\r\n\rb\nc\r", "\uFEFF\uFEFFx", "\r\r\n\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readAll(t, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var text []byte
		for i, l := range got {
			if l.n != i+1 || strings.ContainsAny(l.text, "\r\n") {
				t.Fatalf("line %d: %v", i+1, l)
			}
			text = append(text, l.text...)
		}
		want := bytes.TrimPrefix(data, []byte("\uFEFF"))
		want = bytes.ReplaceAll(bytes.ReplaceAll(want, []byte("\r"), nil), []byte("\n"), nil)
		if !bytes.Equal(text, want) {
			t.Fatalf("text %q, want %q", text, want)
		}
	})
}
