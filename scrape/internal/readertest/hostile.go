package readertest

import (
	"bytes"
	"io"
	"runtime/debug"
)

// Repeat returns a reader of head, then unit n times, then tail, without
// holding more than one copy of each: the generator of the large hostile
// inputs the memory tests read (issue 16), which are never stored.
func Repeat(head, unit []byte, n int64, tail []byte) io.Reader {
	return io.MultiReader(bytes.NewReader(head), &repeater{unit: unit, left: n}, bytes.NewReader(tail))
}

type repeater struct {
	unit []byte
	left int64
	cur  []byte
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.cur) == 0 {
			if r.left == 0 {
				break
			}
			r.cur = r.unit
			r.left--
		}
		k := copy(p[n:], r.cur)
		r.cur = r.cur[k:]
		n += k
	}
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

// RaceBuild reports whether the test binary was built with -race, under
// which the memory tests that read hundreds of MB are too slow and skip.
func RaceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

// PeakLimit is the most heap a reader may hold on any hostile input, as
// the README promises (issue 16: at most 400 MB).
const PeakLimit = 400 << 20
