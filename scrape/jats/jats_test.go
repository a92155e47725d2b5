package jats

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
)

// fileWant is what one file of testdata must give. Where the numbers come
// from:
//   - refs, refsDOI: the MANIFEST of the shared data ("53 (refs with DOI:
//     38)"), checked with xmllint --xpath "count(//ref-list//ref)";
//   - xrefs: <xref ref-type="bibr"> in the body outside sub-articles,
//     counted with xmllint --xpath
//     "count(//body//xref[@ref-type='bibr'][not(ancestor::sub-article)])"
//     (the MANIFEST's "in-text body xrefs");
//   - cited: distinct rids of those xrefs, counted with Python's
//     ElementTree;
//   - the metadata: read by eye from each file's <front>;
//   - stmts: what the reader gives (a regression number: one statement per
//     citing sentence, checked by reading the first statements of each
//     file against the XML).
type fileWant struct {
	file                 string
	refs, refsDOI        int
	xrefs, cited, stmts  int
	doi, title, author   string
	year                 int
	pmid, pmcid, venue   string
	orcids               int // authors with an ORCID iD
	keywords             int
	absSecs              int      // sections of a structured abstract (xmllint: count(//abstract/sec), less a keywords sec)
	sampleText, sampleIn string   // a statement's text and section
	sampleRefs           []string // the keys it cites, in order
}

var files = []fileWant{
	{file: "elife_eLife.59222_yeast-centrosome.xml", refs: 94, refsDOI: 90, xrefs: 210, cited: 94, stmts: 103,
		doi: "10.7554/elife.59222", title: "Orderly assembly underpinning built-in asymmetry in the yeast centrosome duplication cycle requires cyclin-dependent kinase",
		author: "Geymonat, Marco", year: 2020, venue: "eLife", orcids: 5, keywords: 6,
		sampleText: "A specialized extension on one side, the half-bridge, is required for SPB duplication (Byers and Goetsch, 1975).",
		sampleIn:   "Introduction", sampleRefs: []string{"bib11"}},
	{file: "europepmc_PMC13238411_young-adults-health-priorities-qualitative.xml", refs: 30, refsDOI: 19, xrefs: 46, cited: 30, stmts: 33, absSecs: 5,
		doi: "10.1002/hpja.70202", author: "Castleton, Patience", year: 2026, pmid: "42244482", pmcid: "PMC13238411",
		venue: "Health Promotion Journal of Australia", keywords: 4,
		sampleText: "It presents a valuable second opportunity to consolidate the foundations of good health after the first 1000 days of life [1].",
		sampleIn:   "Introduction", sampleRefs: []string{"hpja70202-bib-0001"}},
	{file: "europepmc_PMC13243978_nursing-self-care-paradox.xml", refs: 31, refsDOI: 17, xrefs: 51, cited: 31, stmts: 31,
		doi: "10.1111/nin.70117", title: "The Self‐Care Paradox: From Nursing Theory to Neoliberal Subjectivity",
		author: "Kim, Hyo‐do", year: 2026, pmid: "42252736", pmcid: "PMC13243978", venue: "Nursing Inquiry", keywords: 6,
		sampleText: "Greaney and Flaherty (2020) have argued that contemporary self‐care agendas risk functioning as care left undone, redistributing responsibility away from systems and institutions and onto individuals who may be ill‐equipped to bear it.",
		sampleIn:   "Introduction > From Structural Critique to the Question of the Subject", sampleRefs: []string{"nin70117-bib-0010"}},
	{file: "europepmc_PMC13244190_food-insecurity-mental-health-students.xml", refs: 53, refsDOI: 38, xrefs: 67, cited: 53, stmts: 34, absSecs: 5,
		doi: "10.1111/josh.70172", author: "James, Nigel", year: 2026, pmid: "42253011", pmcid: "PMC13244190", venue: "The Journal of School Health", keywords: 6,
		sampleText: "Adolescent mental health in the United States is in crisis [1, 2].",
		sampleIn:   "Introduction", sampleRefs: []string{"josh70172-bib-0001", "josh70172-bib-0002"}},
	{file: "europepmc_PMC13248876_adolescent-online-gaming-jordan.xml", refs: 34, refsDOI: 34, xrefs: 47, cited: 34, stmts: 23, absSecs: 5,
		doi: "10.1111/jcap.70058", author: "Khatatbeh, Haitham", year: 2026, pmid: "42262107", pmcid: "PMC13248876", keywords: 6},
	{file: "europepmc_PMC13248948_mentalizing-attachment-adoption.xml", refs: 44, refsDOI: 37, xrefs: 67, cited: 44, stmts: 37,
		doi: "10.1002/pmh.70084", author: "Zournatzidis, Pavlos", year: 2026, pmid: "42262266", pmcid: "PMC13248948",
		venue: "Personality and Mental Health", orcids: 3, keywords: 7},
	{file: "europepmc_PMC13254229_diabetes-cancer-screening-qualitative.xml", refs: 89, refsDOI: 84, xrefs: 122, cited: 89, stmts: 66, absSecs: 5,
		doi: "10.1111/bjhp.70088", author: "Spencer, Rebecca", year: 2026, pmid: "42272106", pmcid: "PMC13254229", keywords: 7},
	{file: "plos_pmed.1001186_health-systems-policy-guidance.xml", refs: 28, refsDOI: 3, xrefs: 31, cited: 21, stmts: 19,
		doi: "10.1371/journal.pmed.1001186", author: "Lavis, John N.", year: 2012, venue: "PLoS Medicine"},
	{file: "plos_pmed.1001473_stroke-treatment-burden-qualitative-review.xml", refs: 134, refsDOI: 23, xrefs: 808, cited: 125, stmts: 155,
		doi: "10.1371/journal.pmed.1001473", author: "Gallacher, Katie", year: 2013, venue: "PLoS Medicine", absSecs: 4,
		sampleText: "Individuals will vary in their capacity to accommodate and enact such practices, which may have a marked impact on patient functioning and well-being [1]–[4], and on adherence to management plans [5]–[8].",
		sampleIn:   "Introduction > The Concept of Treatment Burden",
		sampleRefs: []string{"pmed.1001473-May1", "pmed.1001473-Gallacher1", "pmed.1001473-Eton1", "pmed.1001473-Tran1", "pmed.1001473-Cannon1", "pmed.1001473-Granger1", "pmed.1001473-Chambers1", "pmed.1001473-OCarroll1"}},
	{file: "plos_pone.0050698_neuropsychiatric-diagnosis-brain-images.xml", refs: 70, refsDOI: 0, xrefs: 84, cited: 56, stmts: 45, absSecs: 4,
		doi: "10.1371/journal.pone.0050698", author: "Bansal, Ravi", year: 2012, venue: "PLoS ONE",
		// The citation stands after the full stop: "… diagnosis. [1] However".
		sampleText: "The overlap in distributions, in turn, yields poor sensitivity and specificity when trying to use those measures for clinical diagnosis. [1]",
		sampleIn:   "Introduction", sampleRefs: []string{"pone.0050698-Peterson1"}},
	{file: "pmc-nxml_BMC-OralHealth_1472-6831-8-11_OHIP-NL-validation.nxml", refs: 31, refsDOI: 17, xrefs: 46, cited: 24, stmts: 32, absSecs: 4,
		doi: "10.1186/1472-6831-8-11", author: "van der Meulen, Marylee J", year: 2008, pmid: "18405359", pmcid: "PMC2329613", venue: "BMC Oral Health"},
	{file: "pmc-nxml_IntJBehavMed_e-health-intervention-characteristics.xml", refs: 11, refsDOI: 8, xrefs: 33, cited: 11, stmts: 9, absSecs: 4,
		doi: "10.1007/s12529-016-9630-3", author: "Bewick, Bridgette M.", year: 2017, pmid: "28405917", pmcid: "PMC5608867", keywords: 5},
	{file: "pmc-nxml_PLoSONE_pone.0046493_mycobacterium-lipolytic.nxml", refs: 58, refsDOI: 0, xrefs: 92, cited: 58, stmts: 46,
		doi: "10.1371/journal.pone.0046493", author: "Delorme, Vincent", year: 2012, pmid: "23029536", pmcid: "PMC3460867", venue: "PLoS ONE"},
}

// read extracts a testdata file, returning its one record and what the
// reader gathered.
func read(t *testing.T, name string) (graph.Record, *article) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []graph.Record
	var arts []*article
	err = extract(context.Background(), f, func(a *article, r graph.Record) error {
		r.Normalize()
		recs = append(recs, r)
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) != 1 {
		t.Fatalf("%s: %d records, want 1", name, len(recs))
	}
	return recs[0], arts[0]
}

func TestFiles(t *testing.T) {
	for _, w := range files {
		t.Run(w.file, func(t *testing.T) {
			r, a := read(t, w.file)
			if len(r.References) != w.refs {
				t.Errorf("references = %d, want %d", len(r.References), w.refs)
			}
			dois := 0
			for _, ref := range r.References {
				if ref.DOI != "" {
					dois++
				}
				if ref.Key == "" || ref.Raw == "" {
					t.Errorf("reference without key or raw string: %+v", ref)
				}
			}
			if dois != w.refsDOI {
				t.Errorf("references with a DOI = %d, want %d", dois, w.refsDOI)
			}
			// Every in-text citation is an anchor linked to a reference.
			keys := map[string]int{}
			for i, ref := range r.References {
				keys[ref.Key] = i
			}
			anchors := 0
			rids := map[string]bool{}
			for _, p := range a.paras {
				for _, an := range p.Anchors {
					anchors++
					for _, k := range an.Keys {
						if _, ok := keys[k]; !ok {
							t.Errorf("anchor key %q names no reference", k)
						}
						rids[k] = true
					}
				}
			}
			if anchors != w.xrefs {
				t.Errorf("in-text citations = %d, want %d (xmllint)", anchors, w.xrefs)
			}
			if len(rids) != w.cited {
				t.Errorf("distinct cited references = %d, want %d", len(rids), w.cited)
			}
			// … and every cited reference is on a statement.
			onStatements := map[int]bool{}
			for _, st := range r.Statements {
				if len(st.Refs) == 0 {
					t.Errorf("statement without refs: %q", st.Text)
				}
				for _, i := range st.Refs {
					onStatements[i] = true
				}
				if st.Intent == "" || st.ClassifiedBy != intent.ModelName || st.Confidence <= 0 || st.Confidence > 1 {
					t.Errorf("statement intent %q by %q at %v", st.Intent, st.ClassifiedBy, st.Confidence)
				}
				if st.Text == "" || len(st.Mentions) == 0 {
					t.Errorf("statement without text or mentions: %+v", st)
				}
			}
			for k := range rids {
				if !onStatements[keys[k]] {
					t.Errorf("reference %s cited in the text is on no statement", k)
				}
			}
			if len(r.Statements) != w.stmts {
				t.Errorf("statements = %d, want %d", len(r.Statements), w.stmts)
			}
			if r.DOI != w.doi || r.Year != w.year {
				t.Errorf("doi, year = %q, %d; want %q, %d", r.DOI, r.Year, w.doi, w.year)
			}
			if w.title != "" && r.Title != w.title {
				t.Errorf("title = %q, want %q", r.Title, w.title)
			}
			if r.Title == "" || r.Abstract == "" && !strings.Contains(w.file, "1001186") {
				t.Errorf("no title or abstract")
			}
			if len(r.Authors) == 0 || r.Authors[0].String() != w.author {
				t.Errorf("first author = %v, want %q", r.Authors, w.author)
			}
			if r.Identifiers[graph.IDPMID] != w.pmid || r.Identifiers[graph.IDPMCID] != w.pmcid {
				t.Errorf("pmid, pmcid = %q, %q; want %q, %q", r.Identifiers[graph.IDPMID], r.Identifiers[graph.IDPMCID], w.pmid, w.pmcid)
			}
			if w.venue != "" && r.Venue != w.venue {
				t.Errorf("venue = %q, want %q", r.Venue, w.venue)
			}
			orcids := 0
			for _, o := range r.AuthorORCIDs {
				if o != "" {
					orcids++
				}
			}
			if orcids != w.orcids || len(r.AuthorORCIDs) != len(r.Authors) {
				t.Errorf("ORCID iDs = %d of %d, want %d of %d", orcids, len(r.AuthorORCIDs), w.orcids, len(r.Authors))
			}
			if len(r.Keywords) != w.keywords {
				t.Errorf("keywords = %q, want %d", r.Keywords, w.keywords)
			}
			if len(r.AbstractSections) != w.absSecs {
				t.Errorf("abstract sections = %d, want %d", len(r.AbstractSections), w.absSecs)
			}
			if w.sampleText == "" {
				return
			}
			for _, st := range r.Statements {
				if st.Text != w.sampleText {
					continue
				}
				if st.Section != w.sampleIn {
					t.Errorf("section = %q, want %q", st.Section, w.sampleIn)
				}
				var got []string
				for _, i := range st.Refs {
					got = append(got, r.References[i].Key)
				}
				if !slices.Equal(got, w.sampleRefs) {
					t.Errorf("refs = %q, want %q", got, w.sampleRefs)
				}
				return
			}
			t.Errorf("no statement %q", w.sampleText)
		})
	}
}

// TestReferenceFields checks structured references of each citation
// flavour against the XML, read by eye.
func TestReferenceFields(t *testing.T) {
	tests := []struct {
		file string
		key  string
		want graph.Reference
	}{
		{"elife_eLife.59222_yeast-centrosome.xml", "bib1", graph.Reference{ // element-citation
			DOI: "10.1083/jcb.145.4.809", Year: 1999, Venue: "Journal of Cell Biology", Volume: "145", Pages: "809-823",
			Title:   "Localization of core spindle pole body (SPB) components during SPB duplication in Saccharomyces cerevisiae",
			Authors: []graph.Author{{Family: "Adams", Given: "IR"}, {Family: "Kilmartin", Given: "JV"}}, Identifiers: map[string]string{"pmid": "10330408"}}},
		{"plos_pmed.1001473_stroke-treatment-burden-qualitative-review.xml", "pmed.1001473-May1", graph.Reference{ // mixed-citation
			Year: 2009, Title: "We need minimally disruptive medicine", Venue: "BMJ", Volume: "339", Pages: "b2803",
			Raw:     "May C, Montori VM, Mair FS (2009) We need minimally disruptive medicine. BMJ 339: b2803.",
			Authors: []graph.Author{{Family: "May", Given: "C"}, {Family: "Montori", Given: "VM"}, {Family: "Mair", Given: "FS"}}}},
		{"europepmc_PMC13238411_young-adults-health-priorities-qualitative.xml", "hpja70202-bib-0001", graph.Reference{ // Europe PMC citation string + Scholar link
			DOI: "10.1038/nature25770", Year: 2018, Venue: "Nature", Volume: "554", Issue: "7693", Pages: "441-450",
			Title:       "Importance of Investing in Adolescence From a Developmental Science Perspective",
			Identifiers: map[string]string{"pmid": "29469094"},
			Authors:     []graph.Author{{Family: "Dahl", Given: "R. E."}, {Family: "Allen", Given: "N. B."}, {Family: "Wilbrecht", Given: "L."}, {Family: "Suleiman", Given: "A. B."}}}},
		{"plos_pmed.1001186_health-systems-policy-guidance.xml", "pmed.1001186-BoschCapblanch1", graph.Reference{ // DOI in a comment's link
			DOI: "10.1371/journal.pmed.1001185", Year: 2012, Venue: "PLoS Med", Volume: "9", Pages: "e1001185"}},
	}
	for _, tt := range tests {
		r, _ := read(t, tt.file)
		var got *graph.Reference
		for i := range r.References {
			if r.References[i].Key == tt.key {
				got = &r.References[i]
			}
		}
		if got == nil {
			t.Errorf("%s: no reference %s", tt.file, tt.key)
			continue
		}
		w := tt.want
		if got.DOI != w.DOI || got.Year != w.Year || got.Venue != w.Venue || got.Volume != w.Volume || got.Issue != w.Issue || got.Pages != w.Pages {
			t.Errorf("%s: got %+v\nwant %+v", tt.key, *got, w)
		}
		if w.Title != "" && got.Title != w.Title {
			t.Errorf("%s: title %q", tt.key, got.Title)
		}
		if w.Raw != "" && got.Raw != w.Raw {
			t.Errorf("%s: raw %q, want %q", tt.key, got.Raw, w.Raw)
		}
		if w.Authors != nil && !slices.Equal(got.Authors, w.Authors) {
			t.Errorf("%s: authors %v, want %v", tt.key, got.Authors, w.Authors)
		}
		for k, v := range w.Identifiers {
			if got.Identifiers[k] != v {
				t.Errorf("%s: %s = %q, want %q", tt.key, k, got.Identifiers[k], v)
			}
		}
	}
}

// TestVariants: CRLF line ends, no XML declaration, a leading blank line
// before the doctype, and a <pmc-articleset> of two articles read the same.
func TestVariants(t *testing.T) {
	raw, err := os.ReadFile("testdata/pmc-nxml_IntJBehavMed_e-health-intervention-characteristics.xml")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := read(t, "pmc-nxml_IntJBehavMed_e-health-intervention-characteristics.xml")
	crlf := strings.ReplaceAll(string(raw), "\n", "\r\n")
	decl := `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\r\n" + crlf
	body := string(raw)[strings.Index(string(raw), "<article "):]
	set := "<pmc-articleset>" + body + body + "</pmc-articleset>"
	for name, src := range map[string]string{"crlf": crlf, "declaration": decl, "articleset": set} {
		if !(Format{}).Sniff([]byte(src[:min(len(src), 65536)])) {
			t.Errorf("%s: not sniffed", name)
		}
		var recs []graph.Record
		err := Format{}.Extract(context.Background(), strings.NewReader(src), func(r graph.Record) error {
			r.Normalize()
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := 1
		if name == "articleset" {
			want = 2
		}
		if len(recs) != want {
			t.Fatalf("%s: %d records", name, len(recs))
		}
		for _, r := range recs {
			if len(r.Statements) != len(base.Statements) || len(r.References) != len(base.References) || r.Title != base.Title {
				t.Errorf("%s: %d statements, %d refs, %q", name, len(r.Statements), len(r.References), r.Title)
			}
			for i := range r.Statements {
				if r.Statements[i].Text != base.Statements[i].Text {
					t.Errorf("%s: statement %d = %q, want %q", name, i, r.Statements[i].Text, base.Statements[i].Text)
					break
				}
			}
		}
	}
}

// TestErrors: malformed and truncated XML give the line and column where
// reading stopped; what was read of a named article is still emitted.
func TestErrors(t *testing.T) {
	raw, err := os.ReadFile("testdata/plos_pmed.1001186_health-systems-policy-guidance.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := string(raw[:len(raw)/2]) // ends inside the body
	tests := []struct {
		name, src  string
		line, col  int
		msg        string
		records    int
		statements bool
	}{
		{"truncated", cut, strings.Count(cut, "\n") + 1, len(cut) - strings.LastIndex(cut, "\n"), "unexpected end of file", 1, false},
		{"mismatched", "<article>\n<front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front>\n<body><p>x</q></body></article>", 3, 11, "element <p> closed by </q>", 1, false},
		{"bad entity", "<article><front/>\n<body><p>a &bogus; b</p></body></article>", 2, 19, "invalid character entity &bogus;", 0, false},
		{"not an article", "<?xml version=\"1.0\"?><root/>", 1, 1, "no JATS <article> element", 0, false},
	}
	for _, tt := range tests {
		var recs []graph.Record
		err := Format{}.Extract(context.Background(), strings.NewReader(tt.src), func(r graph.Record) error {
			recs = append(recs, r)
			return nil
		})
		var pe *PosError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a *PosError", tt.name, err)
			continue
		}
		if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(pe.Error(), tt.msg) {
			t.Errorf("%s: %d:%d %v; want %d:%d %q", tt.name, pe.Line, pe.Col, pe, tt.line, tt.col, tt.msg)
		}
		if len(recs) != tt.records {
			t.Errorf("%s: %d records, want %d", tt.name, len(recs), tt.records)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, w := range files {
		raw, err := os.ReadFile(filepath.Join("testdata", w.file))
		if err != nil {
			t.Fatal(err)
		}
		if !(Format{}).Sniff(raw[:min(len(raw), 65536)]) {
			t.Errorf("%s: not sniffed", w.file)
		}
	}
	for _, s := range []string{`<TEI xmlns="http://www.tei-c.org/ns/1.0">`, `{"paper_id": "1"}`, "<html><body><article>x</article></body></html>", "<article>just a word</article>"} {
		if (Format{}).Sniff([]byte(s)) {
			t.Errorf("%q sniffed as JATS", s)
		}
	}
}

// TestBadYear: a print date whose year is a typo ("201") is no date; the
// electronic date (2019-03-05, as written in the source below) stands.
func TestBadYear(t *testing.T) {
	src := `<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<pub-date pub-type="ppub"><year>201</year></pub-date>
<pub-date pub-type="epub"><day>5</day><month>3</month><year>2019</year></pub-date>
</article-meta></front></article>`
	var r graph.Record
	if err := (Format{}).Extract(context.Background(), strings.NewReader(src), func(rec graph.Record) error { r = rec; return nil }); err != nil {
		t.Fatal(err)
	}
	if r.Date != "2019-03-05" || r.Year != 2019 {
		t.Errorf("date %q, year %d; want 2019-03-05, 2019", r.Date, r.Year)
	}
}
