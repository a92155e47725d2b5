package crossref

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice, must place every problem at a line and column, and
// its records must normalise.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"message-type":"work-list","message":{"items":[{"DOI":"10.1/a","title":["<i>A</i>"],"issued":{"date-parts":[[2020,13,40]]}}]}}`))
	f.Add([]byte(`{"DOI":"10.1/a","reference-count":1,"title":["A"],"reference":[{"key":"k","year":"2004a","author":"J Smith"}]}` + "\n" + `{"DOI":"10.1/b"}`))
	f.Add([]byte(`[{"DOI":"10.1/a","is-referenced-by-count":"x","author":[{"name":"Org"}],"abstract":"<jats:sec><jats:title>A</jats:title>"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		run := func() ([]byte, error) {
			var out bytes.Buffer
			err := Decode(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
				r.Normalize()
				if !utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract) {
					t.Fatalf("invalid UTF-8 in %+v", r)
				}
				b, err := graph.MarshalRecordJSON(&r)
				if err != nil {
					t.Fatal(err)
				}
				out.Write(b)
				return nil
			})
			return out.Bytes(), err
		}
		a, errA := run()
		b, errB := run()
		if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
			t.Fatalf("two readings differ")
		}
		var se *SyntaxError
		if errors.As(errA, &se) && (se.Line < 1 || se.Col < 1) {
			t.Fatalf("error at %d:%d: %v", se.Line, se.Col, errA)
		}
	})
}

// FuzzAbstract feeds any text to the JATS abstract and markup readers.
func FuzzAbstract(f *testing.F) {
	f.Add("<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>")
	f.Add("<jats:title>Abstract</jats:title><jats:p>a &amp; b <i>c</i></jats:p>")
	f.Add("<title>unterminated")
	f.Fuzz(func(t *testing.T, s string) {
		text, secs := jatsAbstract(s)
		if len(text) > 2*len(s)+8 {
			t.Fatalf("text longer than its source: %q", text)
		}
		for _, sec := range secs {
			_ = sec.Label
		}
		_ = stripMarkup(s)
	})
}

// FuzzUnquote checks unquote against encoding/json on every valid string
// literal (the only ones it is given: json.Decoder has checked the syntax
// before UnmarshalJSON runs).
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`plain`, `a\/b\"c\\`, `\u00e9\ud83d\ude00`, `\ud83d`, `\ud83dx`, "\xff", `\ud800\u0041`, "é\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, inner []byte) {
		b := append(append([]byte{'"'}, inner...), '"')
		var want string
		if json.Unmarshal(b, &want) != nil {
			return
		}
		if got, err := unquote(b); err != nil || got != want {
			t.Fatalf("unquote(%q) = %q, %v; encoding/json gives %q", b, got, err, want)
		}
	})
}
