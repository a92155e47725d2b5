package scrape

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestProvenance: every record of a database's export names the database
// and the export's own id of the record (issue 12). Expected values are
// the first record of each file, read by eye: the WoS UT line, the Scopus
// EID column, PubMed's PMID, Ovid's DB and UI, the RIS DB and AN (or ID,
// where Ovid's RIS puts its accession number), BibTeX's source={Scopus}
// and Unique-ID (its "ISI:" written "WOS:", as graph.IDWoS is).
func TestProvenance(t *testing.T) {
	for _, c := range []struct {
		file, database, recordID string
		records                  int // records that name the database
	}{
		{"wos/testdata/wos_plaintext_8records_clarivate_bibliometrics.txt", "Web of Science", "WOS:001702577900001", 8},
		{"tabular/testdata/scopus_export_8records_newformat.csv", "Scopus", "2-s2.0-105030721984", 8},
		{"tabular/testdata/lens_scholarly_export_8records.csv", "Lens", "000-360-106-493-122", 8},
		{"tabular/testdata/openalex_csv_export_8records.csv", "OpenAlex", "W2755950973", 8},
		{"medline/testdata/pubmed_medline_175records_abc.medline", "PubMed/MEDLINE", "26524502", 175},
		{"ovid/testdata/ovid_embase_endnote_format_2records.txt", "Embase", "621381829", 2},
		{"ris/testdata/ris_scopus_6records_with_references.ris", "Scopus", "2-s2.0-85074596690", 6},
		{"ris/testdata/ris_proquest_6records_ptsd.ris", "PTSDpubs", "2214991469; 51887", 6},
		{"ris/testdata/ris_ovid_psycinfo_6records_ibd_depression.ris", "", "2019-65183-001", 0}, // Ovid's RIS has no DB
		{"bibtex/testdata/bibtex_scopus_export_46entries_with_references.bib", "Scopus", "2-s2.0-84993929598", 46},
		{"bibtex/testdata/bibtex_wos_savedrecs_377entries_cited_references.bib", "Web of Science", "WOS:000186671900001", 377},
		{"proquest/testdata/proquest_report_export_dissertations.txt", "ProQuest", "", 100},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			recs, _ := Default().ExtractFile(context.Background(), c.file, "")
			if len(recs) == 0 {
				t.Fatal("no records")
			}
			n := 0
			for _, r := range recs {
				if r.Source.Database == c.database && c.database != "" {
					n++
				}
			}
			if n != c.records {
				t.Errorf("%d records name %q, want %d", n, c.database, c.records)
			}
			if s := recs[0].Source; s.Database != c.database || c.recordID != "" && s.RecordID != c.recordID {
				t.Errorf("first record: database %q, record id %q; want %q, %q", s.Database, s.RecordID, c.database, c.recordID)
			}
		})
	}
}

// TestNamingDatabase: --database names the database of records whose
// export does not, and their record id follows from it; a database the
// export names is kept.
func TestNamingDatabase(t *testing.T) {
	var got []graph.Source
	keep := NamingDatabase("APA PsycInfo", func(r graph.Record) error { got = append(got, r.Source); return nil })
	_ = keep(graph.Record{Source: graph.Source{Format: "ris", RecordID: "2019-65183-001"}})
	_ = keep(graph.Record{Source: graph.Source{Format: "wos"}, Identifiers: map[string]string{graph.IDWoS: "WOS:000418020600003"}})
	_ = keep(graph.Record{Source: graph.Source{Format: "ris"}, Identifiers: map[string]string{graph.IDPMID: "123"}})
	want := []graph.Source{
		{Format: "ris", Database: "APA PsycInfo", RecordID: "2019-65183-001"},
		{Format: "wos", Database: "Web of Science", RecordID: "WOS:000418020600003"},
		{Format: "ris", Database: "APA PsycInfo"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	pm := NamingDatabase("MEDLINE", func(r graph.Record) error { got = append(got, r.Source); return nil })
	_ = pm(graph.Record{Source: graph.Source{Format: "ris"}, Identifiers: map[string]string{graph.IDPMID: "123"}})
	if s := got[len(got)-1]; s.Database != "MEDLINE" || s.RecordID != "123" {
		t.Errorf("MEDLINE record: %+v, want its PMID as record id", s)
	}
}
