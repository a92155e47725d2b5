package scrape

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// TestExportsDetected reads every bibliographic export of the export
// readers' test data through the default registry, the format detected
// from the content among all formats, and checks the format chosen and
// the number of works (the counts each reader's tests pin and explain).
func TestExportsDetected(t *testing.T) {
	for _, c := range []struct {
		file   string
		format string
		works  int
	}{
		{"ris/testdata/ris_malformed_first_line_drexel_thesis.ris", "ris", 1},
		{"ris/testdata/ris_ovid_psycinfo_6records_ibd_depression.ris", "ris", 6},
		{"ris/testdata/ris_proquest_6records_ptsd.ris", "ris", 6},
		{"ris/testdata/ris_pure_portal_thesis.ris", "ris", 1},
		{"ris/testdata/ris_rayyan_19records_medication_reconciliation.txt", "ris", 19},
		{"ris/testdata/ris_scopus_6records_with_references.ris", "ris", 6},
		{"bibtex/testdata/bibtex_crossref_content_negotiation_10.1126_science.169.3946.635.bib", "bibtex", 1},
		{"bibtex/testdata/bibtex_crossref_elife.01567.bib", "bibtex", 1},
		{"bibtex/testdata/bibtex_pure_portal_phdthesis.bib", "bibtex", 1},
		{"bibtex/testdata/bibtex_scopus_export_46entries_with_references.bib", "bibtex", 46},
		{"bibtex/testdata/bibtex_wos_savedrecs_377entries_cited_references.bib", "bibtex", 377},
		{"wos/testdata/wos_plaintext_1record_bom_multiline_au.isi", "wos", 1},
		{"wos/testdata/wos_plaintext_2records_bom.isi", "wos", 2},
		{"wos/testdata/wos_plaintext_34records_optics.isi", "wos", 34},
		{"wos/testdata/wos_plaintext_8records_clarivate_bibliometrics.txt", "wos", 8},
		{"wos/testdata/wos_plaintext_96records_value_creation_mgmt.txt", "wos", 96},
		{"wos/testdata/wos_plaintext_biochem_reprint_author.txt", "wos", 2},
		{"medline/testdata/pubmed_medline_175records_abc.medline", "medline", 175},
		{"csljson/testdata/csljson_crossref_transform_10.1126_science.169.3946.635.json", "csljson", 1},
		{"tabular/testdata/scopus_export_8records_newformat.csv", "scopus-csv", 8},
		{"tabular/testdata/scopus_oldformat_metaknowledge_records1and3_trimmed.csv", "scopus-csv", 2},
		{"tabular/testdata/lens_scholarly_export_8records.csv", "lens-csv", 8},
		{"tabular/testdata/openalex_csv_export_8records.csv", "openalex-csv", 8},
		{"ovid/testdata/ovid_embase_endnote_format_2records.txt", "ovid", 2},
		{"proquest/testdata/proquest_report_export_dissertations.txt", "proquest-export", 100},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			recs, err := Default().ExtractFile(context.Background(), c.file, "")
			// The optics file has one damaged line ("AUGilles, H"), reported
			// with its line; the rest is read.
			if err != nil && !strings.Contains(c.file, "optics") {
				t.Errorf("error: %v", err)
			}
			if len(recs) != c.works {
				t.Fatalf("%d works, want %d", len(recs), c.works)
			}
			for _, r := range recs {
				if r.Source.Format != c.format || r.Source.Path != c.file || r.ID == "" {
					t.Fatalf("record source %+v, ID %q; want format %q", r.Source, r.ID, c.format)
				}
			}
		})
	}
}

// TestExportErrorsPositioned: a damaged export is reported as an *Error
// with the file and the line of the problem, and the records around it
// are kept.
func TestExportErrorsPositioned(t *testing.T) {
	recs, err := Default().ExtractFile(context.Background(), "wos/testdata/wos_plaintext_34records_optics.isi", "")
	se, ok := err.(*Error)
	if !ok || se.Line != 416 || se.Format != "wos" || len(recs) != 34 {
		t.Fatalf("error %v (%T), %d records; want an *Error at line 416 and 34 records", err, err, len(recs))
	}
	in := "@article{a, title={A}}\n@article{b, title {B}}\n@article{c, title={C}}\n"
	recs, err = Default().Extract(context.Background(), "x.bib", strings.NewReader(in), "")
	se, ok = err.(*Error)
	if !ok || se.Line != 2 || se.Col != 19 || len(recs) != 2 {
		t.Fatalf("error %v, %d records; want an *Error at 2:19 and 2 records", err, len(recs))
	}
}

// repeater generates a large export: head, then unit n times, then tail,
// without holding it in memory.
type repeater struct {
	parts [][]byte
	unit  []byte
	n     int // units left
	cur   []byte
}

func newRepeater(head, unit, tail []byte, size int) *repeater {
	n := (size - len(head) - len(tail)) / len(unit)
	return &repeater{parts: [][]byte{head, nil, tail}, unit: unit, n: n}
}

func (r *repeater) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		switch {
		case len(r.parts) == 0:
			return 0, io.EOF
		case r.parts[0] == nil && r.n > 0:
			r.cur = r.unit
			r.n--
		case r.parts[0] == nil:
			r.parts = r.parts[1:]
		default:
			r.cur = r.parts[0]
			r.parts = r.parts[1:]
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// streamCase is a generated export: a real record of the test data
// repeated.
type streamCase struct {
	format           string
	head, unit, tail []byte
	headRecords      int // records in head
}

func cut(t testing.TB, file, from, to string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	i := bytes.Index(b, []byte(from))
	j := bytes.Index(b[i+1:], []byte(to))
	if i < 0 || j < 0 {
		t.Fatalf("%s: no %q … %q", file, from, to)
	}
	return b[i : i+1+j+len(to)]
}

func streamCases(t testing.TB) []streamCase {
	ris := cut(t, "ris/testdata/ris_scopus_6records_with_references.ris", "TY  - JOUR", "ER  -\n")
	wos := cut(t, "wos/testdata/wos_plaintext_96records_value_creation_mgmt.txt", "PT J", "\nER\n")
	bib := cut(t, "bibtex/testdata/bibtex_wos_savedrecs_377entries_cited_references.bib", "@article{ ISI:000186671900002", "}},\n}\n")
	med := cut(t, "medline/testdata/pubmed_medline_175records_abc.medline", "PMID- 26524502", "\n\nPMID- ")
	csl, err := os.ReadFile("csljson/testdata/csljson_crossref_transform_10.1126_science.169.3946.635.json")
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile("tabular/testdata/scopus_export_8records_newformat.csv")
	if err != nil {
		t.Fatal(err)
	}
	nl := bytes.IndexByte(csv, '\n')
	row2 := bytes.Index(csv[nl+1:], []byte("\n\"")) + nl + 2
	return []streamCase{
		{"ris", nil, append(ris, '\n'), nil, 0},
		{"wos", []byte("FN Clarivate Analytics Web of Science\nVR 1.0\n"), append(wos[:len(wos)-len("\n")], '\n'), []byte("EF\n"), 0},
		{"bibtex", nil, append(bib, '\n'), nil, 0},
		{"medline", nil, med[:len(med)-len("PMID- ")], nil, 0},
		{"csljson", append([]byte("[\n"), csl...), append([]byte(",\n"), csl...), []byte("\n]\n"), 1},
		{"scopus-csv", csv[:nl+1], csv[nl+1 : row2], nil, 0},
	}
}

// extractStream reads a generated export of size bytes through the
// default registry, checking the format, and returns the number of
// records, the largest heap in use while reading, and the time taken.
func extractStream(t testing.TB, c streamCase, size int) (records int, peak uint64, took time.Duration) {
	runtime.GC()
	var ms runtime.MemStats
	rd := newRepeater(c.head, c.unit, c.tail, size)
	want := rd.n + c.headRecords
	start := time.Now()
	err := Default().ExtractTo(context.Background(), "generated", rd, "", func(r graph.Record) error {
		if r.Source.Format != c.format {
			return fmt.Errorf("format %q, want %q", r.Source.Format, c.format)
		}
		records++
		if records%100 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		return nil
	})
	took = time.Since(start)
	if err != nil {
		t.Fatalf("%s: %v", c.format, err)
	}
	if records != want {
		t.Fatalf("%s: %d records, want %d", c.format, records, want)
	}
	return records, peak, took
}

// TestExportsStream reads a generated 100 MB export of each kind through
// scrape.Default().ExtractTo and checks that the heap in use stays under
// 64 MiB: records are emitted as they are read, not gathered. With -short,
// and under the race detector (which makes the readers ten times slower
// without changing what they hold), the exports are 16 MB.
func TestExportsStream(t *testing.T) {
	size := 100 << 20
	if testing.Short() || readertest.RaceBuild() {
		size = 16 << 20
	}
	for _, c := range streamCases(t) {
		t.Run(c.format, func(t *testing.T) {
			n, peak, took := extractStream(t, c, size)
			t.Logf("%s: %d records, %d MiB in %v, peak heap in use %.1f MiB", c.format, n, size>>20, took.Round(time.Millisecond), float64(peak)/(1<<20))
			if peak > 64<<20 {
				t.Errorf("peak heap in use %.1f MiB, want < 64 MiB", float64(peak)/(1<<20))
			}
		})
	}
}

// BenchmarkExports reads a generated 100 MB export of each kind through
// the default registry: MB/s from b.SetBytes, records/s and the peak heap
// in use as extra metrics. docs/BENCHMARKS.md (exports) has the figures.
func BenchmarkExports(b *testing.B) {
	const size = 100 << 20
	for _, c := range streamCases(b) {
		b.Run(c.format, func(b *testing.B) {
			b.SetBytes(size)
			var recs int
			var peak uint64
			var total time.Duration
			for b.Loop() {
				n, p, took := extractStream(b, c, size)
				recs += n
				peak = max(peak, p)
				total += took
			}
			b.ReportMetric(float64(recs)/total.Seconds(), "records/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}
