package tabular

import (
	"bufio"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// Scopus reads Scopus's CSV export, in the old column set ("Authors" as
// "Aria M., Cuccurullo C.") and the new one (2023 on: "Authors" as "Liu
// F.; Li C.", "Author full names" as "Liu, Fengyuan (60410297700); …").
// The References column becomes References (ParseScopusReferences), "Cited
// by" CitedByCount, EID the "scopus" identifier.
type Scopus struct{}

// Name returns "scopus-csv".
func (Scopus) Name() string { return "scopus-csv" }

// Sniff reports whether the header has Scopus's columns.
func (Scopus) Sniff(head []byte) bool {
	h := header(head, ',')
	return hasColumns(h, "Title", "Year", "Source title") && (hasColumns(h, "EID") || hasColumns(h, "Link")) &&
		(hasColumns(h, "Authors") || hasColumns(h, "Author full names"))
}

// Extract reads the rows.
func (Scopus) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return readCSV(ctx, rd, ',', scopusRow, emit)
}

var (
	reScopusID = regexp.MustCompile(`\s*\(\d+\)\s*$`)
	reEID      = regexp.MustCompile(`eid=(2-s2\.0-\d+)`)
	reAbbrName = regexp.MustCompile(`^(.+?)\s+((?:\p{Lu}\p{Ll}?\.[-\s]?)+)$`)
)

func scopusRow(r row, line int) graph.Record {
	rec := graph.Record{Source: graph.Source{Line: line}}
	if full := r.get("Author full names"); full != "" {
		for _, n := range splitList(full, ";") {
			if a := graph.ParseName(reScopusID.ReplaceAllString(n, "")); a.Family != "" {
				rec.Authors = append(rec.Authors, a)
			}
		}
	} else if au := r.get("Authors"); au != "" && !strings.HasPrefix(au, "[No author") {
		sep := ","
		if strings.Contains(au, ";") {
			sep = ";"
		}
		for _, n := range splitList(au, sep) {
			rec.Authors = append(rec.Authors, abbrName(n))
		}
	}
	rec.Title = r.get("Title")
	rec.Year, _ = strconv.Atoi(r.get("Year"))
	if rec.Year != 0 {
		rec.Date = strconv.Itoa(rec.Year)
	}
	rec.Venue = r.get("Source title")
	rec.Volume = r.get("Volume")
	rec.Issue = r.get("Issue")
	rec.Pages = pages(r.get("Page start"), r.get("Page end"))
	if rec.Pages == "" {
		rec.Pages = r.get("Art. No.")
	}
	if d, err := graph.NormalizeDOI(r.get("DOI")); err == nil {
		rec.DOI = d
	}
	rec.URL = r.get("Link")
	if a := r.get("Abstract"); a != "[No abstract available]" {
		rec.Abstract = a
	}
	addKeywords(&rec, splitList(r.get("Author Keywords"), ";"))
	addKeywords(&rec, splitList(r.get("Index Keywords"), ";"))
	rec.Publisher = r.get("Publisher")
	rec.Language = r.get("Language of Original Document")
	rec.Type = scopusType(r.get("Document Type"))
	rec.DocumentType = r.get("Document Type")
	rec.AuthorKeywords = splitList(r.get("Author Keywords"), ";")
	rec.KeywordsPlus = splitList(r.get("Index Keywords"), ";")
	rec.Affiliations = splitList(r.get("Affiliations"), ";")
	rec.CorrespondenceAddress = r.get("Correspondence Address")
	if n, err := strconv.Atoi(r.get("Cited by")); err == nil {
		rec.CitedByCount = &n
	}
	ids := map[string]string{}
	if eid := r.get("EID"); eid != "" {
		ids[graph.IDScopus] = eid
	} else if m := reEID.FindStringSubmatch(rec.URL); m != nil {
		ids[graph.IDScopus] = m[1]
	}
	if v := r.get("PubMed ID"); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := stdnum.FindISSN(r.get("ISSN")); v != "" {
		ids[graph.IDISSN] = v
	}
	if v := stdnum.FindISBN(r.get("ISBN")); v != "" {
		ids[graph.IDISBN] = v
	}
	if len(ids) > 0 {
		rec.Identifiers = ids
	}
	rec.References = ParseScopusReferences(r.get("References"))
	return rec
}

// abbrName reads "Aria M." or "Liu F." (family, then initials).
func abbrName(s string) graph.Author {
	s = strings.TrimSpace(s)
	if m := reAbbrName.FindStringSubmatch(s); m != nil {
		return graph.Author{Family: m[1], Given: strings.TrimSpace(m[2])}
	}
	if strings.Contains(s, ",") {
		return graph.ParseName(s)
	}
	// "Janko Wolfgang": family, then a given name written out.
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return graph.Author{Family: s[:i], Given: s[i+1:]}
	}
	return graph.Author{Family: s}
}

func scopusType(dt string) string {
	switch strings.ToLower(dt) {
	case "":
		return ""
	case "conference paper", "conference review":
		return "paper-conference"
	case "book chapter":
		return "chapter"
	case "book":
		return "book"
	case "data paper", "article", "review", "editorial", "letter", "note", "erratum", "short survey", "retracted":
		return "article-journal"
	}
	return "document"
}

// Lens reads the Lens.org scholarly works CSV export. The References
// column lists Lens IDs; each becomes a Reference with the "lens"
// identifier (and the ID as its Raw text).
type Lens struct{}

// Name returns "lens-csv".
func (Lens) Name() string { return "lens-csv" }

// Sniff reports whether the header starts with "Lens ID".
func (Lens) Sniff(head []byte) bool {
	h := header(head, ',')
	return len(h) > 2 && h[0] == "Lens ID" && hasColumns(h, "Title")
}

// Extract reads the rows.
func (Lens) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return readCSV(ctx, rd, ',', lensRow, emit)
}

func lensRow(r row, line int) graph.Record {
	rec := graph.Record{Source: graph.Source{Line: line}}
	for _, n := range splitList(r.get("Author/s"), ";") {
		if a := graph.ParseName(n); a.Family != "" {
			rec.Authors = append(rec.Authors, a)
		}
	}
	rec.Title = r.get("Title")
	rec.Year, _ = strconv.Atoi(r.get("Publication Year"))
	rec.Date = r.get("Date Published")
	if rec.Date == "" && rec.Year != 0 {
		rec.Date = strconv.Itoa(rec.Year)
	}
	rec.Venue = r.get("Source Title")
	rec.Volume = r.get("Volume")
	rec.Issue = r.get("Issue Number")
	rec.Pages = pages(r.get("Start Page"), r.get("End Page"))
	rec.Publisher = r.get("Publisher")
	rec.Abstract = r.get("Abstract")
	if d, err := graph.NormalizeDOI(r.get("DOI")); err == nil {
		rec.DOI = d
	}
	rec.URL = r.get("External URL")
	addKeywords(&rec, splitList(r.get("Keywords"), ";"))
	addKeywords(&rec, splitList(r.get("MeSH Terms"), ";"))
	rec.Type = lensType(r.get("Publication Type"))
	if n, err := strconv.Atoi(r.get("Citing Works Count")); err == nil {
		rec.CitedByCount = &n
	}
	ids := map[string]string{}
	if v := r.get("Lens ID"); v != "" {
		ids[graph.IDLens] = v
	}
	if v := r.get("PMID"); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := r.get("PMCID"); v != "" {
		ids[graph.IDPMCID] = v
	}
	if v := splitList(r.get("Microsoft Academic ID"), ";"); len(v) > 0 {
		ids[graph.IDMAG] = v[0]
	}
	if v := stdnum.FindISSN(r.get("ISSNs")); v != "" {
		ids[graph.IDISSN] = v
	}
	if len(ids) > 0 {
		rec.Identifiers = ids
	}
	for _, id := range splitList(r.get("References"), ";") {
		rec.References = append(rec.References, graph.Reference{Raw: id, Identifiers: map[string]string{graph.IDLens: id}})
	}
	return rec
}

func lensType(t string) string {
	switch strings.ToLower(t) {
	case "":
		return ""
	case "journal article":
		return "article-journal"
	case "book chapter":
		return "chapter"
	case "book":
		return "book"
	case "conference proceedings article", "conference proceedings":
		return "paper-conference"
	case "dissertation":
		return "thesis"
	case "preprint":
		return "article"
	case "dataset":
		return "dataset"
	case "report":
		return "report"
	}
	return "document"
}

// OpenAlex reads the CSV export of OpenAlex's web interface: flattened,
// dotted column names ("authorships.author.display_name"), several values
// in a cell separated by "|". A referenced_works column, when present,
// becomes References with the "openalex" identifier.
type OpenAlex struct{}

// Name returns "openalex-csv".
func (OpenAlex) Name() string { return "openalex-csv" }

// Sniff reports whether the header has OpenAlex's columns.
func (OpenAlex) Sniff(head []byte) bool {
	h := header(head, ',')
	return hasColumns(h, "id", "display_name") && (hasColumns(h, "publication_year") || hasColumns(h, "authorships.author.display_name"))
}

// Extract reads the rows.
func (OpenAlex) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return readCSV(ctx, rd, ',', openAlexRow, emit)
}

// openAlexID returns "W2755950973" from "https://openalex.org/W2755950973".
func openAlexID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func openAlexRow(r row, line int) graph.Record {
	rec := graph.Record{Source: graph.Source{Line: line}}
	names := strings.Split(r.get("authorships.author.display_name"), "|")
	orcids := strings.Split(r.get("authorships.author.orcid"), "|")
	found := false
	var ors []string
	for i, n := range names {
		a := graph.ParseName(n)
		if a.Family == "" {
			continue
		}
		rec.Authors = append(rec.Authors, a)
		o := ""
		if len(orcids) == len(names) {
			o = openAlexID(orcids[i])
			if len(o) != 19 {
				o = ""
			}
		}
		found = found || o != ""
		ors = append(ors, o)
	}
	if found {
		rec.AuthorORCIDs = ors
	}
	rec.Title = r.get("display_name", "title")
	rec.Retracted = strings.EqualFold(r.get("is_retracted"), "true")
	rec.Year, _ = strconv.Atoi(r.get("publication_year"))
	rec.Date = r.get("publication_date")
	if rec.Date == "" && rec.Year != 0 {
		rec.Date = strconv.Itoa(rec.Year)
	}
	rec.Venue = r.get("primary_location.source.display_name", "host_venue.display_name")
	rec.Volume = r.get("biblio.volume")
	rec.Issue = r.get("biblio.issue")
	rec.Pages = pages(r.get("biblio.first_page"), r.get("biblio.last_page"))
	if d, err := graph.NormalizeDOI(r.get("doi")); err == nil {
		rec.DOI = d
	}
	rec.Abstract = r.get("abstract")
	rec.Language = r.get("language")
	addKeywords(&rec, splitList(r.get("keywords.display_name"), "|"))
	if n, err := strconv.Atoi(r.get("cited_by_count")); err == nil {
		rec.CitedByCount = &n
	}
	rec.Type = openAlexType(r.get("type"), r.get("primary_location.source.type"))
	ids := map[string]string{}
	if v := openAlexID(r.get("id")); v != "" {
		ids[graph.IDOpenAlex] = v
	}
	if v := openAlexID(r.get("ids.pmid")); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := openAlexID(r.get("ids.pmcid")); v != "" {
		ids[graph.IDPMCID] = v
	}
	if v := stdnum.FindISSN(r.get("primary_location.source.issn_l")); v != "" {
		ids[graph.IDISSN] = v
	}
	if len(ids) > 0 {
		rec.Identifiers = ids
	}
	for _, w := range strings.FieldsFunc(r.get("referenced_works"), func(c rune) bool { return c == '|' || c == ' ' || c == ';' }) {
		id := openAlexID(w)
		rec.References = append(rec.References, graph.Reference{Raw: w, Identifiers: map[string]string{graph.IDOpenAlex: id}})
	}
	return rec
}

func openAlexType(t, sourceType string) string {
	switch strings.ToLower(t) {
	case "":
		return ""
	case "article", "review", "letter", "editorial", "erratum":
		if sourceType == "" || sourceType == "journal" {
			return "article-journal"
		}
		if sourceType == "conference" {
			return "paper-conference"
		}
		return "article"
	case "book-chapter":
		return "chapter"
	case "book":
		return "book"
	case "dissertation":
		return "thesis"
	case "dataset":
		return "dataset"
	case "preprint":
		return "article"
	case "report":
		return "report"
	case "standard":
		return "standard"
	case "peer-review":
		return "review"
	}
	return "document"
}

// Embase reads Embase.com's CSV export in its column layout (one row per
// record: "Title", "Author Names", "Source title", "Publication Year",
// "Embase Accession ID", "Medline PMID", "DOI" …).
type Embase struct{}

// Name returns "embase-csv".
func (Embase) Name() string { return "embase-csv" }

// Sniff reports whether the header has Embase's title and author columns
// with its accession, PUI or Emtree index-term columns (an export of
// Emtree terms and links may have neither number).
func (Embase) Sniff(head []byte) bool {
	if embaseFieldsInRows(head) {
		return true
	}
	h := header(head, ',')
	if !hasColumns(h, "Title", "Author Names") {
		return false
	}
	for _, c := range []string{"Embase Accession ID", "PUI", "Emtree Drug Index Terms", "Emtree Medical Index Terms", "Embase Link"} {
		if hasColumns(h, c) {
			return true
		}
	}
	return false
}

// Extract reads the records, in either of Embase.com's layouts: fields
// in columns, or fields in rows (see embaserows.go).
func (Embase) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	if head, _ := br.Peek(64 << 10); embaseFieldsInRows(head) {
		return readEmbaseRows(ctx, br, emit)
	}
	return readCSV(ctx, br, ',', embaseRow, emit)
}

func embaseRow(r row, line int) graph.Record {
	rec := graph.Record{Source: graph.Source{Line: line}}
	rec.Authors = embaseNames(r.get("Author Names"))
	rec.Title = r.get("Title")
	if y := find.Year(r.get("Publication Year")); y != 0 {
		rec.Year = y
		rec.Date = strconv.Itoa(y)
	}
	rec.Venue = r.get("Source title", "Source Title")
	rec.Volume = r.get("Volume")
	rec.Issue = r.get("Issue")
	rec.Pages = pages(r.get("First Page"), r.get("Last Page"))
	if rec.Venue == "" {
		embaseSource(&rec, r.get("Source"))
	}
	if d, err := graph.NormalizeDOI(r.get("DOI")); err == nil {
		rec.DOI = d
	}
	rec.Abstract = r.get("Abstract")
	rec.Language = r.get("Article Language", "Language")
	rec.Publisher = r.get("Publisher", "Book Publisher")
	rec.URL = r.get("Full Text Link", "Embase Link")
	for _, col := range []string{"Author Keywords", "Emtree Medical Index Terms (Major Focus)", "Emtree Medical Index Terms", "Emtree Drug Index Terms (Major Focus)", "Emtree Drug Index Terms"} {
		v := r.get(col)
		addKeywords(&rec, splitList(v, listSep(v)))
	}
	rec.Type = embaseType(r.get("Publication Type"))
	// The fields of bibliometrics, as Scopus's are read: Emtree, Embase's
	// thesaurus, is the index's keywords.
	rec.DocumentType = r.get("Publication Type")
	rec.AuthorKeywords = splitList(r.get("Author Keywords"), listSep(r.get("Author Keywords")))
	for _, col := range []string{"Emtree Medical Index Terms", "Emtree Drug Index Terms"} {
		v := r.get(col)
		rec.KeywordsPlus = append(rec.KeywordsPlus, splitList(v, listSep(v))...)
	}
	rec.CorrespondenceAddress = r.get("Correspondence Address")
	ids := map[string]string{}
	if v := r.get("Embase Accession ID"); v != "" {
		ids[graph.IDEmbase] = strings.TrimPrefix(v, "L")
	}
	if v := r.get("Medline PMID", "PMID"); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := stdnum.FindISSN(r.get("ISSN")); v != "" {
		ids[graph.IDISSN] = v
	}
	if v := stdnum.FindISBN(r.get("ISBN")); v != "" {
		ids[graph.IDISBN] = v
	}
	if len(ids) > 0 {
		rec.Identifiers = ids
	}
	return rec
}

// listSep is the separator of an Embase list: ";" when the value has one,
// else ",".
func listSep(v string) string {
	if strings.Contains(v, ";") {
		return ";"
	}
	return ","
}

// reEmbaseSource reads Embase.com's citation ("Source"): "Journal of
// Hepatology (2019) 70:1 SUPPL. (e123-e124). Date of Publication: 1 Apr
// 2019" (venue, year, volume:issue, pages).
var reEmbaseSource = regexp.MustCompile(`^(.+?)\s+\(((?:1[5-9]|20)\d\d)\)\s*([^\s:(]*)(?::([^(]*?))?\s*(?:\(([^)]*)\))?\s*(?:\.|$)`)

// embaseSource fills the venue, year, volume, issue and pages a record has
// not from an Embase.com citation; one it cannot split is the venue.
func embaseSource(rec *graph.Record, src string) {
	m := reEmbaseSource.FindStringSubmatch(src)
	if m == nil {
		rec.Venue = src
		return
	}
	rec.Venue = m[1]
	if rec.Year == 0 {
		rec.Year, _ = strconv.Atoi(m[2])
		rec.Date = m[2]
	}
	if rec.Volume == "" {
		rec.Volume = m[3]
	}
	if rec.Issue == "" {
		rec.Issue = strings.TrimSpace(m[4])
	}
	if rec.Pages == "" {
		rec.Pages = strings.TrimPrefix(m[5], "pp ")
	}
}

// embaseNames reads "Behan L., Rubbo B., Lucas J.S." (family, initials,
// comma-separated) and "Behan, Lucy; Rubbo, Bruna".
func embaseNames(s string) []graph.Author {
	var out []graph.Author
	if strings.Contains(s, ";") {
		for _, n := range splitList(s, ";") {
			if a := graph.ParseName(n); a.Family != "" {
				out = append(out, a)
			}
		}
		return out
	}
	for _, n := range splitList(s, ",") {
		out = append(out, abbrName(n))
	}
	return out
}

func embaseType(t string) string {
	s := strings.ToLower(t)
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "conference"):
		return "paper-conference"
	case strings.Contains(s, "chapter"):
		return "chapter"
	case strings.Contains(s, "book"):
		return "book"
	case strings.Contains(s, "article") || strings.Contains(s, "review") || strings.Contains(s, "letter") ||
		strings.Contains(s, "editorial") || strings.Contains(s, "note") || strings.Contains(s, "erratum") || strings.Contains(s, "short survey"):
		return "article-journal"
	}
	return "document"
}
