package wos

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// readFile reads testdata/name as the registry hands it over: UTF-8
// without a byte-order mark.
func readFile(t *testing.T, name string) []byte {
	t.Helper()
	return bytes.TrimPrefix(readertest.ReadFile(t, name), []byte("\uFEFF"))
}

// The expected counts were taken from the files with grep and awk: works =
// lines "PT "; DOIs = lines "DI "; authors = AU values (the AU line and its
// indented continuations; the optics file's record 6 has a damaged
// "AUGilles, H" line, whose authors come from AF: 72 + 3); years = lines
// "PY "; references = CR values; reference DOIs = CR values containing
// "DOI ", less the two of the bibliometrics file whose "DOI DOI
// 1458990/FILE/…" is no DOI.
func TestPlainFiles(t *testing.T) {
	for _, c := range []struct {
		file    string
		want    readertest.Counts
		errLine int
	}{
		{"wos_plaintext_1record_bom_multiline_au.isi", readertest.Counts{Works: 1, DOIs: 1, Authors: 2, Years: 1, Refs: 45, RefDOIs: 19}, 0},
		{"wos_plaintext_2records_bom.isi", readertest.Counts{Works: 2, DOIs: 2, Authors: 2, Years: 2, Refs: 27, RefDOIs: 12}, 0},
		{"wos_plaintext_34records_optics.isi", readertest.Counts{Works: 34, DOIs: 19, Authors: 75, Years: 34, Refs: 883, RefDOIs: 390}, 416},
		{"wos_plaintext_8records_clarivate_bibliometrics.txt", readertest.Counts{Works: 8, DOIs: 8, Authors: 25, Years: 8, Refs: 252, RefDOIs: 197}, 0},
		{"wos_plaintext_96records_value_creation_mgmt.txt", readertest.Counts{Works: 96, DOIs: 92, Authors: 239, Years: 96, Refs: 6738, RefDOIs: 4024}, 0},
		{"wos_plaintext_biochem_reprint_author.txt", readertest.Counts{Works: 2, DOIs: 2, Authors: 13, Years: 2, Refs: 145, RefDOIs: 127}, 0},
	} {
		t.Run(c.file, func(t *testing.T) {
			recs, err := readertest.Read(Plain{}, readFile(t, c.file))
			if got := readertest.Count(recs); got != c.want {
				t.Errorf("counts = %+v, want %+v", got, c.want)
			}
			var se *SyntaxError
			switch {
			case c.errLine == 0 && err != nil:
				t.Errorf("unexpected error: %v", err)
			case c.errLine != 0 && !errors.As(err, &se):
				t.Errorf("error = %v, want a *SyntaxError at line %d", err, c.errLine)
			case c.errLine != 0 && se.Line != c.errLine:
				t.Errorf("error at line %d, want %d: %v", se.Line, c.errLine, err)
			}
		})
	}
}

func TestPlainFields(t *testing.T) {
	recs, err := readertest.Read(Plain{}, readFile(t, "wos_plaintext_1record_bom_multiline_au.isi"))
	if err != nil {
		t.Fatal(err)
	}
	r := recs[0]
	want := graph.Record{
		DOI:     "10.1111/tops.12013",
		Title:   "The Motion Behind the Symbols: A Vital Role for Dynamism in the Conceptualization of Limits and Continuity in Expert Mathematics",
		Year:    2013,
		Date:    "2013-04",
		Authors: []graph.Author{{Family: "Marghetis", Given: "Tyler"}, {Family: "Nunez", Given: "Rafael"}},
		Venue:   "TOPICS IN COGNITIVE SCIENCE", Volume: "5", Issue: "2", Pages: "299-316",
		Type:        "article-journal",
		Identifiers: map[string]string{"wos": "WOS:000317623000007", "pmid": "23460466", "issn": "1756-8757"},
	}
	if r.DOI != want.DOI || r.Title != want.Title || r.Year != want.Year || r.Date != want.Date ||
		!reflect.DeepEqual(r.Authors, want.Authors) || r.Venue != want.Venue || r.Volume != want.Volume ||
		r.Issue != want.Issue || r.Pages != want.Pages || r.Type != want.Type || !reflect.DeepEqual(r.Identifiers, want.Identifiers) {
		t.Errorf("record = %+v\nwant fields of %+v", r, want)
	}
	if r.CitedByCount == nil || *r.CitedByCount != 4 {
		t.Errorf("cited by = %v, want 4 (TC)", r.CitedByCount)
	}
	if !slices.Contains(r.Keywords, "Fictive motion") || !slices.Contains(r.Keywords, "REPRESENTATIONS") {
		t.Errorf("keywords = %q, want DE and ID terms", r.Keywords)
	}
	first := r.References[0]
	if first.Raw != "Alibali MW, 1999, PSYCHOL SCI, V10, P327, DOI 10.1111/1467-9280.00163" || first.DOI != "10.1111/1467-9280.00163" ||
		first.Year != 1999 || first.Venue != "PSYCHOL SCI" || first.Volume != "10" || first.Pages != "327" ||
		!reflect.DeepEqual(first.Authors, []graph.Author{{Family: "Alibali", Given: "MW"}}) {
		t.Errorf("first reference = %+v", first)
	}
}

func TestPlainORCIDs(t *testing.T) {
	recs, _ := readertest.Read(Plain{}, readFile(t, "wos_plaintext_8records_clarivate_bibliometrics.txt"))
	// Record 4's OI wraps inside an entry: "…; Aria,\n   Massimo/0000-0002-8517-9411".
	for _, r := range recs {
		for i, a := range r.Authors {
			if a.Family == "Aria" && a.Given == "Massimo" {
				if len(r.AuthorORCIDs) != len(r.Authors) || r.AuthorORCIDs[i] != "0000-0002-8517-9411" {
					t.Errorf("ORCIDs %q for authors %v", r.AuthorORCIDs, r.Authors)
				}
				return
			}
		}
	}
	t.Error("no record by Aria, Massimo")
}

func TestParseCitedReference(t *testing.T) {
	for _, c := range []struct {
		in   string
		want graph.Reference
	}{
		{"Eells E, 1991, PROBABILISTIC CAUSAL", graph.Reference{Year: 1991, Authors: []graph.Author{{Family: "Eells", Given: "E"}}, Venue: "PROBABILISTIC CAUSAL"}},
		{"[ANONYMOUS], 1968, PHYS REV, V171, P1385", graph.Reference{Year: 1968, Venue: "PHYS REV", Volume: "171", Pages: "1385"}},
		{"Bell E. T., 1940, DEV MATH", graph.Reference{Year: 1940, Authors: []graph.Author{{Family: "Bell", Given: "E. T."}}, Venue: "DEV MATH"}},
		{"Costa de Beauregard O., 1974, Comptes Rendus", graph.Reference{Year: 1974, Authors: []graph.Author{{Family: "Costa de Beauregard", Given: "O."}}, Venue: "Comptes Rendus"}},
		{"Lee BS, 2001, SEVENTH INTERNATIONAL CONFERENCE ON DATABASE SYSTEMS FOR ADVANCED APPLICATIONS, PROCEEDINGS, P242, DOI 10.1109/DASFAA.2001.916384",
			graph.Reference{Year: 2001, DOI: "10.1109/dasfaa.2001.916384", Authors: []graph.Author{{Family: "Lee", Given: "BS"}}, Venue: "SEVENTH INTERNATIONAL CONFERENCE ON DATABASE SYSTEMS FOR ADVANCED APPLICATIONS, PROCEEDINGS", Pages: "242"}},
		{"Zupic I, 2015, ORGAN RES METHODS, V18, P429, DOI [10.1177/1094428114562629, 10.1016/j.ufug.2020.126932]",
			graph.Reference{Year: 2015, DOI: "10.1177/1094428114562629", Authors: []graph.Author{{Family: "Zupic", Given: "I"}}, Venue: "ORGAN RES METHODS", Volume: "18", Pages: "429"}},
		{"THORNBER KK, 1973, PHYS LETT A, VA 43, P501, DOI 10.1016/0375-9601(73)90012-1",
			graph.Reference{Year: 1973, DOI: "10.1016/0375-9601(73)90012-1", Authors: []graph.Author{{Family: "THORNBER", Given: "KK"}}, Venue: "PHYS LETT A", Volume: "A 43", Pages: "501"}},
		{"DE LA FUENTE J, 2001, VIRUS RES, P3", graph.Reference{Year: 2001, Authors: []graph.Author{{Family: "DE LA FUENTE", Given: "J"}}, Venue: "VIRUS RES", Pages: "3"}},
		{"*AQUA, AQUA PROJ HOM PAGE L", graph.Reference{Authors: []graph.Author{{Family: "AQUA"}}, Venue: "AQUA PROJ HOM PAGE L"}},
	} {
		got := ParseCitedReference(c.in)
		c.want.Raw = c.in
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseCitedReference(%q)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

// toTab writes the records of a plain-text export in the layout of Web of
// Science's tab-delimited export: a header of tags, one line per record,
// several values joined by "; ". (No real tab-delimited export is among
// the test data; this layout follows Clarivate's field list.)
func toTab(t *testing.T, plain []byte) []byte {
	t.Helper()
	tags := []string{"PT", "AU", "AF", "TI", "SO", "LA", "DT", "DE", "ID", "AB", "C1", "RP", "OI", "CR", "NR", "TC", "Z9", "PU", "SN", "EI", "PY", "PD", "VL", "IS", "BP", "EP", "AR", "DI", "PG", "UT", "PM"}
	var out bytes.Buffer
	out.WriteString(strings.Join(tags, "\t") + "\n")
	var rec map[string][]string
	tag := ""
	for l := range strings.SplitSeq(string(plain), "\n") {
		l = strings.TrimRight(l, "\r")
		switch {
		case strings.HasPrefix(l, "PT "):
			rec = map[string][]string{"PT": {l[3:]}}
			tag = "PT"
		case strings.HasPrefix(l, "ER"):
			cells := make([]string, len(tags))
			for i, tg := range tags {
				sep := " "
				if multi[tg] {
					sep = "; "
				}
				cells[i] = strings.Join(rec[tg], sep)
			}
			out.WriteString(strings.Join(cells, "\t") + "\n")
			rec = nil
		case rec == nil:
		case strings.HasPrefix(l, "   "):
			rec[tag] = append(rec[tag], strings.TrimSpace(l))
		case len(l) > 3 && l[2] == ' ':
			tag = l[:2]
			rec[tag] = append(rec[tag], l[3:])
		}
	}
	return out.Bytes()
}

func TestTabMatchesPlain(t *testing.T) {
	for _, name := range []string{"wos_plaintext_96records_value_creation_mgmt.txt", "wos_plaintext_8records_clarivate_bibliometrics.txt"} {
		plain := readFile(t, name)
		tab := toTab(t, plain)
		if !(Tab{}).Sniff(tab) || (Plain{}).Sniff(tab) {
			t.Fatalf("%s: sniffing the tab-delimited layout failed", name)
		}
		want, err := readertest.Read(Plain{}, plain)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readertest.Read(Tab{}, tab)
		if err != nil {
			t.Fatal(err)
		}
		if readertest.Count(got) != readertest.Count(want) {
			t.Fatalf("%s: tab counts %+v, plain %+v", name, readertest.Count(got), readertest.Count(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			g.Source, w.Source = graph.Source{}, graph.Source{}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s record %d differs:\n tab   %+v\n plain %+v", name, i, g, w)
				break
			}
		}
	}
}

func TestPlainDamaged(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      string
		works   int
		errLine int
	}{
		{"no ER at end", "FN x\nVR 1.0\nPT J\nTI A\n", 1, 3},
		{"PT before ER", "PT J\nTI A\nPT J\nTI B\nER\n", 2, 1},
		{"stray field", "TI A\nPT J\nTI B\nER\n", 1, 1},
		{"ER alone", "ER\n", 0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, err := readertest.Read(Plain{}, []byte(c.in))
			var se *SyntaxError
			if len(recs) != c.works || !errors.As(err, &se) || se.Line != c.errLine {
				t.Errorf("got %d records, error %v; want %d records and an error at line %d", len(recs), err, c.works, c.errLine)
			}
		})
	}
}

// TestCitesEdges: graph.Build turns the CR references of a WoS export into
// Cites edges, and keeps each raw reference string on the cited node.
func TestCitesEdges(t *testing.T) {
	recs, err := readertest.Read(Plain{}, readFile(t, "wos_plaintext_2records_bom.isi"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(recs)
	cites := g.Edges(graph.Cites)
	// 27 CR lines (NR 14 + 13), all distinct works.
	if len(cites) != 27 {
		t.Fatalf("%d cites edges, want 27", len(cites))
	}
	raw := "ENC B, 1983, J PHILOS, V80, P279, DOI 10.2307/2026499"
	w := g.Work("doi:10.2307/2026499")
	if w == nil || !slices.Contains(w.Mentions, raw) {
		t.Fatalf("cited work %+v does not keep the raw reference %q", w, raw)
	}
	found := false
	for _, e := range cites {
		if e.T == w && e.F.DOI == "10.1023/a:1005282128866" {
			found = true
		}
	}
	if !found {
		t.Error("no edge from Kim 2000 to the cited ENC 1983")
	}
	// A reference without a DOI keeps its string too.
	raw = "Eells E, 1991, PROBABILISTIC CAUSAL"
	n := 0
	for _, wk := range g.Works() {
		if slices.Contains(wk.Mentions, raw) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d works keep %q, want 1", n, raw)
	}
}

// Continuation lines written without their indent are continuations still
// (issue 16): these files, their continuation lines unindented here, give
// the records the files give. In the 96-record file a cited reference
// "MA H, 2000, …" starts like the tag MA (meeting abstract): in CR it has
// the shape of a cited reference, and continues CR.
func TestUnindentedContinuations(t *testing.T) {
	for _, name := range []string{"wos_plaintext_1record_bom_multiline_au.isi", "wos_plaintext_8records_clarivate_bibliometrics.txt",
		"wos_plaintext_biochem_reprint_author.txt", "wos_plaintext_96records_value_creation_mgmt.txt", "wos_plaintext_2records_bom.isi"} {
		data := readFile(t, name)
		want, err := readertest.Read(Plain{}, data)
		if err != nil {
			t.Fatal(err)
		}
		flat := bytes.ReplaceAll(data, []byte("\n   "), []byte("\n"))
		if bytes.Equal(flat, data) {
			t.Fatalf("%s: no indented line", name)
		}
		got, err := readertest.Read(Plain{}, flat)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: records differ when continuations are not indented", name)
		}
	}
}

// Derwent's patent records write abbreviated names without the comma
// ("AU YANG Y"); PS is the page span (issue 16). The record follows
// Clarivate's field tags (PT P for a patent).
func TestPatentNamesAndPageSpan(t *testing.T) {
	in := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT P\nAU YANG Y\n   LI X-M\n   van der BERG JW\n" +
		"TI Method for making a thing\nPS 1-12\nPY 2019\nER\n\nEF\n"
	recs, err := readertest.Read(Plain{}, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	want := []graph.Author{{Family: "YANG", Given: "Y"}, {Family: "LI", Given: "X-M"}, {Family: "van der BERG", Given: "JW"}}
	if !reflect.DeepEqual(recs[0].Authors, want) || recs[0].Pages != "1-12" {
		t.Errorf("authors %v, pages %q; want %v, 1-12", recs[0].Authors, recs[0].Pages, want)
	}
}

// TestPlainBibliometricFields: DT, DE, ID, C1 and RP (issue 14) as the
// optics file prints them: the record at line 307 and Zhang's at line 1861,
// with a bracketed author list before its address).
func TestPlainBibliometricFields(t *testing.T) {
	recs, _ := readertest.Read(Plain{}, readFile(t, "wos_plaintext_34records_optics.isi"))
	byTitle := func(prefix string) graph.Record {
		for _, r := range recs {
			if strings.HasPrefix(r.Title, prefix) {
				return r
			}
		}
		t.Fatalf("no record titled %q…", prefix)
		return graph.Record{}
	}
	r := byTitle("Experimental observation of the Imbert-Fedorov")
	if r.DocumentType != "Article" || !reflect.DeepEqual(r.KeywordsPlus, []string{"BEAM"}) || r.AuthorKeywords != nil ||
		!reflect.DeepEqual(r.Affiliations, []string{"Ecole Natl Super Ingn Caen, Equipe Capteur & Instrumentat Opt, Ctr Interdisciplinaire Rech Ions Lasers, CEA,CNRS, F-14050 Caen, France."}) ||
		r.CorrespondenceAddress != "Pillon, F (reprint author), Ecole Natl Super Ingn Caen, Equipe Capteur & Instrumentat Opt, Ctr Interdisciplinaire Rech Ions Lasers, CEA,CNRS, 6 Blvd Marchal Juin, F-14050 Caen, France." {
		t.Errorf("record 8: type %q, keywords %q / %q, affiliations %q, RP %q", r.DocumentType, r.AuthorKeywords, r.KeywordsPlus, r.Affiliations, r.CorrespondenceAddress)
	}
	r = byTitle("A Novel Method for Enhancing Goos-Hanchen Shift")
	if len(r.Affiliations) == 0 || r.Affiliations[0] != "N Univ China, Key Lab Instrumentat Sci & Dynam Measurement, Minist Educ, Taiyuan 030051, Peoples R China." {
		t.Errorf("line 1861 affiliations = %q", r.Affiliations)
	}
	// Record 1 prints its cited references as continuation lines of C1
	// (one is under CR): they are no addresses.
	r = recs[0]
	if !reflect.DeepEqual(r.Affiliations, []string{"UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.", "LUFTKRIGSSKOLEN,TRONDHEIM MIL 7000,NORWAY."}) {
		t.Errorf("record 1 affiliations = %q", r.Affiliations)
	}
}

// A continuation line without its indent that starts like a tag is told
// from a field by Clarivate's tag list (issue 16): AN is Derwent's, not a
// journal record's, so "AN EXPERIMENTAL STUDY" continues the title; a tag
// the record has already ("AB INITIO …" in an abstract) continues the
// field before, as no tag repeats in a record; in a field of names, "SU Y" and "MA XL" (SU and
// MA are tags: supplement, meeting abstract) are names with initials, the
// shape of Derwent's names ("AU YANG Y"). The records are made up in the
// shape of Clarivate's field tags; the authors and title are counted by
// hand.
func TestContinuationsThatLookLikeTags(t *testing.T) {
	in := "FN Clarivate Analytics Web of Science\nVR 1.0\n" +
		"PT J\nAU Smith, J\nDoe, K\nTI THE EFFECT OF TEMPERATURE\nAN EXPERIMENTAL STUDY\nSO J CHEM PHYS\nAB WE COMPUTED IT.\nAB INITIO RESULTS AGREE.\nPY 1990\nSU 2\nER\n\n" +
		"PT P\nAU YANG Y\nSU Y\nMA XL\nTI Method for making a thing\nAN 2019-12345\nPY 2019\nER\n\nEF\n"
	recs, err := readertest.Read(Plain{}, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v; want 2", len(recs), err)
	}
	r := recs[0]
	if r.Title != "THE EFFECT OF TEMPERATURE AN EXPERIMENTAL STUDY" || r.Venue != "J CHEM PHYS" || r.Abstract != "WE COMPUTED IT. AB INITIO RESULTS AGREE." ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Smith", Given: "J"}, {Family: "Doe", Given: "K"}}) {
		t.Errorf("record 1 = %+v", r)
	}
	r = recs[1]
	want := []graph.Author{{Family: "YANG", Given: "Y"}, {Family: "SU", Given: "Y"}, {Family: "MA", Given: "XL"}}
	if r.Title != "Method for making a thing" || !reflect.DeepEqual(r.Authors, want) || r.Year != 2019 {
		t.Errorf("record 2 = %+v", r)
	}
}

// Detection of the plain-text export: its header ("FN …", "VR 1.0") or a
// record's PT line first, after any blank lines (a file saved with an
// empty first line, CRLF line ends); the tab-delimited header is not it.
// The inputs are the first lines of the test files' shape.
func TestSniffPlain(t *testing.T) {
	for in, want := range map[string]bool{
		"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n":           true,
		"\r\n\r\nFN Thomson Reuters Web of Science\r\nVR 1.0\r\nPT J\r\n": true,
		"PT J\nAU Smith, J\nTI A title\nSO J CHEM\nER\n":                  true,
		"PT\tAU\tBA\tBE\tGP\tAF\n":                                        false,
		"TY  - JOUR\nTI  - x\n":                                           false,
	} {
		if got := (Plain{}).Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

// A record without PY is dated by PD when it holds the year ("DEC 2019",
// Clarivate's publication date), then by EA (early access); "DEC 2019"
// is December, not its 20th.
func TestYearFromPD(t *testing.T) {
	in := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A\nPD DEC 2019\nER\n\nPT J\nTI B\nEA JAN 2020\nER\n\nEF\n"
	recs, err := readertest.Read(Plain{}, []byte(in))
	if err != nil || len(recs) != 2 || recs[0].Year != 2019 || recs[0].Date != "2019-12" || recs[1].Year != 2020 {
		t.Errorf("records %+v, error %v; want 2019 and 2020", recs, err)
	}
}
