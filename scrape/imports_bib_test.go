package scrape

import (
	"context"
	"strings"
	"testing"
)

// TestImportCasesBibTeXCSVJSON reads the BibTeX, Embase CSV, OpenCitations
// and CSL-JSON shapes of issue 16 through the default registry, the
// format detected among all formats, and checks the format, the number of
// records and the first record's fields. Each case names where its shape
// comes from; expected values are read off the input by hand.
func TestImportCasesBibTeXCSVJSON(t *testing.T) {
	type want struct {
		title, venue, doi, author string // author: the first, "Family, Given"
		year                      int
	}
	embaseAll := "Title,Original Title,Author Names,Author Addresses,Correspondence Address,Editors,AiP/IP Entry Date,Full Record Entry Date,Source,Source title," +
		"Publication Year,Volume,Issue,First Page,Last Page,Date of Publication,Publication Type,Conference Name,Conference Location,Conference Date," +
		"Conference Editors,ISSN,ISBN,Name,Location,Date,Editors,Book Publisher,Abstract,Original Abstract,Author Keywords," +
		"Emtree Drug Index Terms (Major Focus),Emtree Drug Index Terms,Emtree Medical Index Terms (Major Focus),Emtree Medical Index Terms," +
		"Drug Tradenames,Drug Manufacturer,Device Tradenames,Device Manufacturer,CAS Registry Numbers,Molecular Sequence Numbers," +
		"Embase Classification,Clinical Trial Numbers,Article Language,Summary Language,Embase Accession ID,Medline PMID,PUI,DOI," +
		"Full Text Link,Embase Link,Open URL Link,Copyright\r\n"
	embaseRow := "Validation of QOL-PCD,,\"Behan L., Leigh M.W.\",,,,,,\"Thorax (2017) 72:9 (832-839). Date of Publication: 1 Sep 2017\",Thorax," +
		"2017,72,9,832,839,1 Sep 2017,Article,,,,,14683296,,,,,,,Background.,,quality of life,,,,\"adult, anxiety\",,,,,,,,,English,,L616233011,28446661,L616233011," +
		"10.1136/thoraxjnl-2016-209356,,,,Copyright 2017\r\n"
	for _, c := range []struct {
		name, source, in, format string
		records                  int
		first                    want
	}{
		{
			name: "bibtex tex in text", source: "issue 16's examples (DNA$_{\\textrm{2}}$, $4^{\\textrm{ème}}$, D\\textquotesingle aspremont) in a JabRef-style entry",
			in:     "% Encoding: UTF-8\n\n@Article{d2015,\n  author  = {D\\textquotesingle aspremont, Alexandre and Schr{\\\"o}der, Kai},\n  title   = {Human DNA$_{\\textrm{2}}$ at the $4^{\\textrm{ème}}$ level},\n  journal = {J. Mol. Biol.},\n  fjournal = {Journal of Molecular Biology},\n  year    = {2015},\n  doi     = {10.1016/j.jmb.2015.01.001},\n}\n",
			format: "bibtex", records: 1,
			first: want{title: "Human DNA2 at the 4ème level", venue: "Journal of Molecular Biology", doi: "10.1016/j.jmb.2015.01.001", author: "D'aspremont, Alexandre", year: 2015},
		},
		{
			name: "embase emtree columns", source: "issue 16's Embase.com header (Title, Original Title, Author Names, Correspondence Address, Editors, Source, Abstract, … Open URL Link, Copyright)",
			in: "Title,Original Title,Author Names,Correspondence Address,Editors,Source,Abstract,Author Keywords,Emtree Drug Index Terms,Emtree Medical Index Terms,Open URL Link,Copyright\n" +
				"A title,,\"Doe J., Roe R.\",J. Doe,,\"Journal of Hepatology (2019) 70:1 (e123-e124). Date of Publication: 1 Apr 2019\",Text,,,\"human, adult\",https://example.org/openurl,Copyright 2019\n",
			format: "embase-csv", records: 1,
			first: want{title: "A title", venue: "Journal of Hepatology", author: "Doe, J.", year: 2019},
		},
		{
			name: "embase all columns", source: "the 53 columns of an Embase.com export with every field (see tabular's TestEmbaseAllColumns), CRLF and a byte-order mark",
			in:     "\ufeff" + embaseAll + embaseRow,
			format: "embase-csv", records: 1,
			first: want{title: "Validation of QOL-PCD", venue: "Thorax", doi: "10.1136/thoraxjnl-2016-209356", author: "Behan, L.", year: 2017},
		},
		{
			name: "embase fields in rows", source: "Embase.com's CSV with the fields in rows, as screening tools that read it describe it (see tabular's TestEmbaseFieldsInRows)",
			in: "\"TITLE\",\"(pcd OR ciliary) AND quality of life\"\n\n\"TITLE\",\"Quality of life in PCD\"\n\"AUTHOR NAMES\",\"Behan L.\",\"Rubbo B.\"\n" +
				"\"SOURCE TITLE\",\"BMC Pulmonary Medicine\"\n\"PUBLICATION YEAR\",\"2018\"\n\"DOI\",\"10.1186/s12890-018-0001-1\"\n\n\"TITLE\",\"Second\"\n",
			format: "embase-csv", records: 2,
			first: want{title: "Quality of life in PCD", venue: "BMC Pulmonary Medicine", doi: "10.1186/s12890-018-0001-1", author: "Behan, L.", year: 2018},
		},
		{
			name: "opencitations metadata", source: "the answer OpenCitations' own API test expects for 10.1016/j.compedu.2018.11.010 (opencitations/index, test_metadata), with two citing DOIs",
			in: `[{"doi": "10.1016/j.compedu.2018.11.010", "citation_count": "2", "citation": "10.1016/j.chb.2019.05.017; 10.1007/s10639-019-09982-w", "reference": "10.1016/j.compedu.2010.07.009",` +
				` "author": "Voogt, Joke [orcid:0000-0001-5035-9263]; Smits, Anneke", "year": "2019-03", "title": "Technology Integration Of Pre-Service Teachers",` +
				` "source_title": "Computers & Education", "volume": "130", "issue": "", "page": "81-93", "source_id": "issn:0360-1315", "oa_link": ""}]`,
			format: "opencitations", records: 3,
			first: want{title: "Technology Integration Of Pre-Service Teachers", venue: "Computers & Education", doi: "10.1016/j.compedu.2018.11.010", author: "Voogt, Joke", year: 2019},
		},
		{
			name: "opencitations meta", source: "OpenCitations Meta's metadata answer (fields of its API documentation; see opencitations' TestMetaAnswer): type, title and author made it pass for CSL-JSON",
			in: `[{"id": "doi:10.1162/qss_a_00023 omid:br/0601234", "title": "OpenCitations, An Infrastructure Organization For Open Scholarship",` +
				` "author": "Peroni, Silvio [orcid:0000-0003-0530-4305 omid:ra/0601]", "pub_date": "2020-02", "issue": "1", "volume": "1",` +
				` "venue": "Quantitative Science Studies [issn:2641-3337]", "type": "journal article", "page": "428-444", "publisher": "", "editor": ""}]`,
			format: "opencitations", records: 1,
			first: want{title: "OpenCitations, An Infrastructure Organization For Open Scholarship", venue: "Quantitative Science Studies", doi: "10.1162/qss_a_00023", author: "Peroni, Silvio", year: 2020},
		},
		{
			name: "csl-json edtf", source: "CSL 1.0.2's schema: an EDTF date string, citeproc-js rich text in the title, a literal name, a DOI URL",
			in:     `[{"id":"ITEM-1","type":"article-journal","title":"The <i>Drosophila</i> genome","container-title":["Science"],"author":[{"literal":"FlyBase Consortium"}],"issued":"2000-03-24","DOI":"https://doi.org/10.1126/science.287.5461.2185"}]`,
			format: "csljson", records: 1,
			first: want{title: "The Drosophila genome", venue: "Science", doi: "10.1126/science.287.5461.2185", author: "FlyBase Consortium", year: 2000},
		},
		{
			name: "csl-json required keys only", source: "CSL-JSON items with only id and type (required) and a title, as pandoc's citeproc accepts them",
			in:     "\ufeff[\n  {\"id\": 1, \"type\": \"report\", \"title\": \"A report\"},\n  {\"id\": 2, \"type\": \"thesis\", \"title\": \"A thesis\"}\n]\n",
			format: "csljson", records: 2,
			first: want{title: "A report"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, err := Default().Extract(context.Background(), "in", strings.NewReader(c.in), "")
			if err != nil {
				t.Fatalf("%s: error %v", c.source, err)
			}
			if len(recs) != c.records {
				t.Fatalf("%s: %d records, want %d", c.source, len(recs), c.records)
			}
			r := recs[0]
			author := ""
			if len(r.Authors) > 0 {
				author = r.Authors[0].String()
			}
			got := want{title: r.Title, venue: r.Venue, doi: r.DOI, author: author, year: r.Year}
			if r.Source.Format != c.format || got != c.first {
				t.Errorf("%s:\nformat %q, first %+v\nwant   %q, first %+v", c.source, r.Source.Format, got, c.format, c.first)
			}
		})
	}
}
