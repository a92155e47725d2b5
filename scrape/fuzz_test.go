package scrape

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// addSeedCorpus adds the seed pages and their HTML renderings.
func addSeedCorpus(f *testing.F, add func([]byte)) {
	for _, dir := range []string{"seeds", "html"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, p := range files {
			if strings.HasSuffix(p, ".jsonl") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			add(b)
		}
	}
}

// FuzzExtract feeds any bytes through detection and extraction: it must
// never panic, every error must be an *Error naming the source, and every
// record returned must be normalised (an ID, arrays not nil).
func FuzzExtract(f *testing.F) {
	addSeedCorpus(f, func(b []byte) { f.Add(b, uint8(0)) })
	f.Add([]byte{}, uint8(1))
	f.Add([]byte("2012\nDOI: 10.1/x\nCitation Types\nSearch citation statements\n“…a (B 2001).…”\n"), uint8(1))
	reg := Default()
	names := append([]string{""}, reg.Formats()...)
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		format := names[int(which)%len(names)]
		recs, err := reg.Extract(context.Background(), "fuzz", bytes.NewReader(data), format)
		if err != nil {
			var se *Error
			if !asError(err, &se) || se.Path != "fuzz" {
				t.Fatalf("error %v is not an *Error naming the source", err)
			}
		}
		for _, r := range recs {
			if r.ID == "" || r.Authors == nil || r.References == nil || r.CitedBy == nil || r.Statements == nil {
				t.Fatalf("record not normalised: %+v", r)
			}
			if !utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract) {
				t.Fatalf("invalid UTF-8 in record")
			}
		}
	})
}

func asError(err error, target **Error) bool {
	for err != nil {
		if e, ok := err.(*Error); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// pageFuzzCap is the most bytes the page readers' targets explore: a page
// costs a few milliseconds under the fuzzer's instrumentation, and Go
// minimises each input that finds new code, so a 4 KB page stalled the
// target for seconds (issue 16, item 7).
const pageFuzzCap = 2 << 10

// fuzzFormat fuzzes one page extractor directly, on text and HTML pages,
// seeded with its own seed pages: it must never panic, and a failure must
// be an *Error or ErrTruncated.
func fuzzFormat(f *testing.F, pf PageFormat, seedFiles ...string) {
	for _, s := range seedFiles {
		b, err := os.ReadFile(filepath.Join("testdata", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b) // whole: read by go test; explored only when small (pageFuzzCap)
		s := readertest.ShrinkLines(b, pageFuzzCap)
		if looksLikeHTML(b) {
			s = readertest.ShrinkHTML(b)
		}
		if len(s) < len(b) && len(s) <= pageFuzzCap {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if readertest.TooLargeToFuzzAt(len(data), pageFuzzCap) {
			return
		}
		p, err := NewPage("fuzz", data)
		if err != nil {
			return
		}
		if !pf.Detect(p) {
			return
		}
		recs, err := pf.Extract(context.Background(), p)
		if err != nil && !errors.Is(err, ErrTruncated) {
			t.Fatalf("unexpected error %v", err)
		}
		_ = recs
	})
}

func FuzzScite(f *testing.F) {
	fuzzFormat(f, Scite{}, "seeds/000_45cdc837eab6ac5b.txt", "seeds/001_911e5b077376d86a.txt", "html/000_scite.html")
}

func FuzzProQuest(f *testing.F) {
	fuzzFormat(f, ProQuest{}, "seeds/002_a2b3dbdadc748e54.txt", "html/002_proquest.html")
}

func FuzzAcademia(f *testing.F) {
	fuzzFormat(f, Academia{}, "seeds/003_da3d1577f37d4711.txt", "html/003_academia.html")
}

func FuzzEmerald(f *testing.F) {
	fuzzFormat(f, Emerald{}, "seeds/004_57d47111400e8318.txt", "html/004_emerald.html")
}
