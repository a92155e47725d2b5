package tabular

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzExtract feeds any bytes to the four CSV readers: none panics or
// emits more records than the input has lines.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f.Add(b[:min(len(b), 8192)], uint8(0))
	}
	// Embase.com's two layouts (TestEmbaseAllColumns, TestEmbaseFieldsInRows).
	f.Add([]byte("Title,Author Names,Source,Emtree Drug Index Terms,Open URL Link\nT,\"Doe J., Roe R.\",\"J (2019) 70:1 (e1-e2).\",,x\n"), uint8(3))
	f.Add([]byte("\"TITLE\",\"(a OR b)\"\n\n\"TITLE\",\"T\"\n\"AUTHOR NAMES\",\"Doe J.\"\n\"\",\"more\"\n\"-----\"\n\"TITLE\",\"U\"\n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		formats := []format{Scopus{}, Lens{}, OpenAlex{}, Embase{}}
		fm := formats[int(which)%len(formats)]
		n := 0
		_ = fm.Extract(context.Background(), bytes.NewReader(data), func(graph.Record) error { n++; return nil })
		if n > bytes.Count(data, []byte("\n"))+bytes.Count(data, []byte("\r"))+1 {
			t.Fatalf("%d records from %d lines", n, bytes.Count(data, []byte("\n")))
		}
	})
}

// FuzzParseScopusReferences: never panics; every reference keeps text.
func FuzzParseScopusReferences(f *testing.F) {
	for _, s := range []string{
		"Agostini, A., Ballotta, D., Title (2017) Neurogastroenterol. Motil., 29, pp. 1-10; Obradors, X., (2014) X, 27, p. 4",
		"Cheng M.; Xue Y.; Cui M., Title, Spine, 50, pp. E128-E139, (2025); Li T., T, J, 1, (2020)",
		"(2019); ; , ,; Bui T-D", "[No author name available], (1999)",
		"Aria M.; Cuccurullo C., Bibliometrix : an R-tool for comprehensive science mapping analysis, J Informetr, 11, 4, pp. 959-975, (2017)",
		"Tutore, V.A., Siciliano, R., Aria, M., Conditional classification trees using instrumental variables (2007) Proceedings of the 7th IDA2007 Conference, , Ljubljana, 6-8 September, 2007, Lecture Notes in Computer Science Series of Springer",
		"D'Ambrosio, A., Title (2007) Proceedings (Ljubljana, 6-8 September, 2007), pp. 174-183. , Springer; X, Y., (2002) P (J, May 29-31, 2002, , F",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range ParseScopusReferences(s) {
			if r.Raw == "" {
				t.Fatalf("empty reference from %q", s)
			}
		}
	})
}
