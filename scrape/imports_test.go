package scrape

import (
	"context"
	"strings"
	"testing"
)

// TestImportCasesDetected reads the shapes of issue 16's "Readers"
// section through the default registry, the format detected among all
// formats, and checks the format, the number of records and the first
// record's fields. Each case names where its shape comes from; the
// records are made up in that shape unless said otherwise, and the
// expected values are read off the input by hand.
func TestImportCasesDetected(t *testing.T) {
	type want struct {
		title, venue, volume, issue, pages, doi string
		year, authors                           int
	}
	for _, c := range []struct {
		name, source, in, format string
		records                  int
		first                    want
	}{
		{
			name: "eric nbib", source: "ERIC's .nbib export: OWN - ERIC first, no PMID, \"Family, Given\" names",
			in: "OWN - ERIC\r\nTI  - How Trust Leads to Commitment on Microsourcing Platforms\r\nAU  - Guo, Wenbo\r\nAU  - Straub, Detmar W.\r\n" +
				"AU  - et al.\r\nJT  - MIS Quarterly\r\nDP  - 2021\r\nVI  - 45\r\nIP  - 3\r\nPG  - 1309-1348\r\nPT  - Journal Articles\r\n\r\n" +
				"OWN - ERIC\r\nTI  - A Report\r\nOID - ED600001\r\nPT  - Reports - Research\r\nDP  - 2019\r\n",
			format: "medline", records: 2,
			first: want{title: "How Trust Leads to Commitment on Microsourcing Platforms", venue: "MIS Quarterly", volume: "45", issue: "3", pages: "1309-1348", year: 2021, authors: 2},
		},
		{
			name: "nbib opening with TI", source: "MEDLINE format: a record opens with any field (NLM's element descriptions order fields by kind, not by PMID)",
			in:     "TI  - A title.\nFAU - Doe, Jane\nAU  - Doe J\nDP  - 2010 Mar\nJT  - Journal of Things\n",
			format: "medline", records: 1,
			first: want{title: "A title.", venue: "Journal of Things", year: 2010, authors: 1},
		},
		{
			name: "bookshelf chapter", source: "PubMed's MEDLINE record of GeneReviews' Cystic Fibrosis chapter (PMID 20301428): BTI, the book, is the venue",
			in:     "PMID- 20301428\nSTAT- Publisher\nPB  - University of Washington, Seattle\nDP  - 1993\nTI  - Cystic Fibrosis.\nBTI - GeneReviews(R)\nFAU - Moskowitz, Steven M\nAU  - Moskowitz SM\nPT  - Book Chapter\n",
			format: "medline", records: 1,
			first: want{title: "Cystic Fibrosis.", venue: "GeneReviews(R)", year: 1993, authors: 1},
		},
		{
			name: "ovid indented", source: "Ovid's EndNote format with every line indented (issue 16: \" <7. >\", \" VN  - …\"), Ovid MEDLINE's SO for PMID 26524502",
			in: " <7. >\n VN  - Ovid Technologies\n DB  - Ovid MEDLINE(R)\n UI  - 26524502\n TI  - Bioinformatic survey of ABC transporters in dermatophytes.\n" +
				" SO  - Gene. 576(1 Pt 3):466-75, 2016 Jan 15.\n AU  - Gadzalski M\n AU  - Ciesielska A\n\n <8. >\n VN  - Ovid Technologies\n TI  - Second.\n",
			format: "ovid", records: 2,
			first: want{title: "Bioinformatic survey of ABC transporters in dermatophytes.", venue: "Gene", volume: "576", issue: "1 Pt 3", pages: "466-75", year: 2016, authors: 2},
		},
		{
			name: "ovid one-space tags", source: "Ovid's EndNote format with one space before the dash (issue 16: \"VN - …\"), Journals@Ovid's SO (issue 16's example), DI",
			in: "<1. >\nVN - Ovid Technologies\nDB - Journals@Ovid\nTI - \"Fatigue in Seafarers\".  [Article]\nAU - Lee, Kim\n" +
				"SO - Acta Biochimica et Biophysica Sinica August 2011;43(8):647-653\nDI - 10.1093/abbs/gmr050\n",
			format: "ovid", records: 1,
			first: want{title: "Fatigue in Seafarers", venue: "Acta Biochimica et Biophysica Sinica", volume: "43", issue: "8", pages: "647-653", doi: "10.1093/abbs/gmr050", year: 2011, authors: 1},
		},
		{
			name: "ovid biosis chapter", source: "issue 16: BIOSIS book chapters list the editors in SO, then the pages",
			in: "<1>\nVN  - Ovid Technologies\nDB  - BIOSIS Previews\nTI  - Vitamin D and the kidney.\nAU  - Doe, Jane\n" +
				"SO  - Feldman, David [Editor]; Pike, J. Wesley [Editor]. Vitamin D. Pp. 1341-1354. 2005.\nPT  - Book Chapter\n",
			format: "ovid", records: 1,
			first: want{title: "Vitamin D and the kidney.", venue: "Vitamin D", pages: "1341-1354", year: 2005, authors: 1},
		},
		{
			name: "wos patent", source: "Clarivate's field tags (PT P, PS page span); Derwent's names without a comma (issue 16: \"AU YANG Y\")",
			in:     "FN Clarivate Analytics Web of Science\nVR 1.0\nPT P\nAU YANG Y\n   LI X\nTI Method for making a thing\nPS 1-12\nPY 2019\nER\n\nEF\n",
			format: "wos", records: 1,
			first: want{title: "Method for making a thing", pages: "1-12", year: 2019, authors: 2},
		},
		{
			name: "wos unindented", source: "issue 16: continuation lines written without their indent (title, authors)",
			in:     "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nDoe, K\nTI THE EFFECT OF TEMPERATURE\nAN EXPERIMENTAL STUDY\nSO J CHEM PHYS\nVL 12\nBP 5\nEP 9\nPY 1990\nER\n\nEF\n",
			format: "wos", records: 1,
			first: want{title: "THE EFFECT OF TEMPERATURE AN EXPERIMENTAL STUDY", venue: "J CHEM PHYS", volume: "12", pages: "5-9", year: 1990, authors: 2},
		},
		{
			name: "ris endnote thesis", source: "EndNote's RIS reference-type table: Thesis, T2 = Academic Department (issue 16)",
			in:     "TY  - THES\nA1  - Smith, Anna\nT1  - Peer support in community mental health\nT2  - Department of Psychology\nY1  - 2015\nPB  - University of Leeds\nER  - \n",
			format: "ris", records: 1,
			first: want{title: "Peer support in community mental health", year: 2015, authors: 1},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, err := Default().Extract(context.Background(), c.name, strings.NewReader(c.in), "")
			if err != nil {
				t.Fatalf("%s: %v", c.source, err)
			}
			if len(recs) != c.records {
				t.Fatalf("%s: %d records, want %d", c.source, len(recs), c.records)
			}
			r := recs[0]
			if r.Source.Format != c.format {
				t.Errorf("%s: detected as %q, want %q", c.source, r.Source.Format, c.format)
			}
			got := want{r.Title, r.Venue, r.Volume, r.Issue, r.Pages, r.DOI, r.Year, len(r.Authors)}
			if got != c.first {
				t.Errorf("%s: first record\n %+v\nwant %+v", c.source, got, c.first)
			}
		})
	}
}
