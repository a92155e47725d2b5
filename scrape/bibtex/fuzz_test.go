package bibtex

import (
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzExtract: the reader never panics, stops on its own, and what it
// reports has a line; records from valid UTF-8 hold valid UTF-8. The seeds
// are the starts of the test files.
func FuzzExtract(f *testing.F) {
	readertest.AddSeeds(f, "testdata/*")
	// Names in BibTeX's three forms, a key without its comma, a biblatex
	// date with a season (TestNameForms, TestMissingKeyComma,
	// TestBibLaTeXFields).
	f.Add([]byte("@misc{k t={a}, author={de la Vall{\\'e}e Poussin, Jr, C. and {Barnes and Noble}}, date={2001-21}, year={1998a}}\n"))
	f.Add([]byte("@inproceedings{a, title={A}, crossref={p}}\n@proceedings{p, title={P}, year=2019, doi={10.1/p}}\n@book{b,title={B}}\n@inbook{c,crossref={B}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckExtract(t, Reader{}, data, func(e *SyntaxError) int { return e.Line })
	})
}

// FuzzDecodeLaTeX: never panics, and decoding twice changes nothing more
// for text without backslashes.
func FuzzDecodeLaTeX(f *testing.F) {
	for _, s := range []string{`Schr\"{o}dinger`, `{\'E}cole \c{c}a`, `\v`, `\'`, `{`, `$\alpha$--x`, `\textit{a}`,
		`\href{u}{t}`, `\url{a~b`, `\~{}`, `\' e`, `{\noopsort{x}}`, `\hspace*{1em}`, `DNA$_{\textrm{2}}$`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := DecodeLaTeX(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("DecodeLaTeX(%q) = %q: invalid UTF-8", s, out)
		}
	})
}
