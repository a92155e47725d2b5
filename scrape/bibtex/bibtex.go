package bibtex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
	"github.com/citegraph/citegraph/scrape/tabular"
	"github.com/citegraph/citegraph/scrape/wos"
)

// Reader reads BibTeX and BibLaTeX files as reference managers and
// databases write them: braced and quoted values, @string macros (and the
// month macros) with "#" concatenation, entries in braces or parentheses,
// LaTeX accents and commands decoded to Unicode (DecodeLaTeX), Web of
// Science's double-braced values and field names such as
// "Usage-Count-(Last-180-days)", Scopus's header lines before the first
// entry, keyless entries (ProQuest) and entry types of any name (kept;
// unknown ones read as CSL "document").
type Reader struct{}

// Name returns "bibtex".
func (Reader) Name() string { return "bibtex" }

var reEntryStart = regexp.MustCompile(`^\s*@[A-Za-z][\w-]*\s*[{(]`)

// Sniff reports whether an entry ("@type{" or "@type(") starts a line
// within the first few non-blank lines (Scopus puts two header lines and
// a blank one before the first entry; files may open with % comments).
func (Reader) Sniff(head []byte) bool {
	lines := bytes.SplitN(head, []byte("\n"), 200)
	text := 0
	for _, l := range lines {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		if reEntryStart.Match(l) {
			return true
		}
		if l[0] == '%' {
			continue
		}
		text++
		if text > 5 {
			return false
		}
	}
	return false
}

// Extract reads the entries and emits each as it is read, except that an
// entry with a crossref whose parent has not come yet waits for it and is
// emitted after it, with the fields it takes from it (see crossref.go;
// one whose parent never comes is emitted at the end). A malformed entry
// is reported (a *SyntaxError with line and column) and reading goes on
// at the next line that starts with "@".
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	p := newParser(rd)
	var problems []error
	var xref crossrefs
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				problems = append(problems, &SyntaxError{Line: p.line, Col: p.col, Msg: err.Error()})
				break
			}
			problems = append(problems, err)
			if p.resync() != nil {
				break
			}
			continue
		}
		for _, e := range xref.add(e) {
			if err := emit(Record(e)); err != nil {
				return err
			}
		}
	}
	for _, e := range xref.rest() {
		if err := emit(Record(e)); err != nil {
			return err
		}
	}
	return errors.Join(problems...)
}

// Types maps BibTeX and BibLaTeX entry types to CSL types; a type not
// listed reads as "document".
var Types = map[string]string{
	"article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet",
	"inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
	"inproceedings": "paper-conference", "conference": "paper-conference", "proceedings": "book",
	"mvproceedings": "book", "collection": "book", "mvcollection": "book", "manual": "report",
	"mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis", "techreport": "report",
	"report": "report", "unpublished": "manuscript", "misc": "document", "online": "webpage",
	"electronic": "webpage", "www": "webpage", "webpage": "webpage", "dataset": "dataset", "data": "dataset",
	"software": "software", "patent": "patent", "periodical": "periodical", "reference": "book",
	"mvreference": "book", "inreference": "entry-encyclopedia", "standard": "standard",
	"legislation": "legislation", "jurisdiction": "legal_case", "preprint": "article",
	"artwork": "graphic", "audio": "song", "video": "motion_picture", "movie": "motion_picture",
	"music": "song", "letter": "personal_communication", "review": "review", "set": "document",
}

var (
	reISODate = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)
	reCitedBy = regexp.MustCompile(`(?i)cited by:?\s*(\d+)`)
	reEID     = regexp.MustCompile(`eid=(2-s2\.0-\d+)`)
	reInitial = regexp.MustCompile(`^((?:\p{Lu}\p{Ll}?\.[-\s]?)+)(?:\s*[a-z]{1,2})*$`)
)

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// Record maps an entry to a graph.Record. Field values are decoded from
// LaTeX except url, doi and the identifier fields, which are taken as
// they are written (a URL may hold "~" or "%").
func Record(e *Entry) graph.Record {
	r := graph.Record{Source: graph.Source{Line: e.Line}}
	if t, ok := Types[e.Type]; ok {
		r.Type = t
	} else {
		r.Type = "document"
	}
	get := func(names ...string) string {
		for _, n := range names {
			if v := strings.TrimSpace(DecodeLaTeX(e.Get(n))); v != "" {
				return v
			}
		}
		return ""
	}
	verbatim := func(names ...string) string {
		for _, n := range names {
			v := strings.TrimSpace(strings.NewReplacer("{", "", "}", "", "\\_", "_", "\\%", "%", "\\&", "&", "\\#", "#").Replace(e.Get(n)))
			if v != "" {
				return v
			}
		}
		return ""
	}
	r.Title = get("title")
	if sub := get("subtitle"); sub != "" && r.Title != "" {
		r.Title += ": " + sub
	}
	switch r.Type {
	case "chapter", "paper-conference":
		r.Venue = get("booktitle", "fjournal", "journal", "journaltitle", "series")
	default:
		// fjournal (AMS, MathSciNet) is the full title beside an
		// abbreviated journal.
		r.Venue = get("fjournal", "journal", "journaltitle", "booktitle")
	}
	if hp := get("howpublished"); r.Venue == "" && hp != "" && !strings.Contains(hp, "://") {
		r.Venue = hp
	}
	r.Authors = authors(e.Get("author"))
	r.Volume = get("volume")
	r.Issue = get("number", "issue")
	r.Pages = pages(e.Get("pages"))
	r.Abstract = get("abstract")
	r.Publisher = get("publisher", "school", "institution", "organization")
	r.Language = get("language", "langid")
	r.URL = verbatim("url")
	if hp := get("howpublished"); r.URL == "" && strings.Contains(hp, "://") && !strings.ContainsAny(hp, " \t") {
		r.URL = hp // BibTeX's @misc{…, howpublished = {\url{…}}}
	}
	if d, err := graph.NormalizeDOI(verbatim("doi")); err == nil {
		r.DOI = d
	} else if m := find.DOI(r.URL, find.InField); m != "" && strings.Contains(r.URL, "doi.org/") {
		if d, err := graph.NormalizeDOI(m); err == nil {
			r.DOI = d
		}
	}

	r.Year, r.Date = date(get("date"), get("year"), get("month"), get("day"))

	seen := map[string]bool{}
	for _, f := range []string{"keywords", "author_keywords", "keyword"} {
		for _, k := range splitKeywords(get(f)) {
			if key := strings.ToLower(k); !seen[key] {
				seen[key] = true
				r.Keywords = append(r.Keywords, k)
			}
		}
	}

	ids := map[string]string{}
	if s := stdnum.FindISSN(get("issn")); s != "" {
		ids[graph.IDISSN] = s
	} else if s := stdnum.FindISSN(get("eissn")); s != "" {
		ids[graph.IDISSN] = s
	}
	if s := stdnum.FindISBN(get("isbn")); s != "" {
		ids[graph.IDISBN] = s
	}
	if ut := verbatim("unique-id", "wos"); ut != "" {
		ids[graph.IDWoS] = wos.NormalizeUT(ut)
	}
	for _, scheme := range []string{graph.IDPMID, graph.IDPMCID, graph.IDOpenAlex, graph.IDS2, graph.IDCorpusID, graph.IDMAG, graph.IDLens, graph.IDEmbase, graph.IDPII, graph.IDDocNumber, graph.IDProQuest} {
		if v := verbatim(scheme); v != "" {
			ids[scheme] = v
		}
	}
	if v := verbatim("eid", "scopus"); strings.HasPrefix(v, "2-s2.0-") {
		ids[graph.IDScopus] = v
	} else if m := reEID.FindStringSubmatch(r.URL); m != nil {
		ids[graph.IDScopus] = m[1]
	}
	if v := verbatim("eprint"); v != "" && strings.EqualFold(verbatim("eprinttype", "archiveprefix"), "arxiv") {
		ids[graph.IDArXiv] = v
	} else if v := verbatim("arxiv"); v != "" {
		ids[graph.IDArXiv] = v
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	// The database of a database's BibTeX export: Scopus writes
	// source={Scopus}; Web of Science, a Unique-ID of its UT.
	switch src := strings.TrimSpace(get("source")); {
	case strings.EqualFold(src, "scopus"):
		r.Source.Database, r.Source.RecordID = "Scopus", ids[graph.IDScopus]
	case ids[graph.IDWoS] != "" && verbatim("unique-id") != "":
		r.Source.Database, r.Source.RecordID = "Web of Science", ids[graph.IDWoS]
	}

	databaseFields(&r, e, get)

	if tc, err := strconv.Atoi(get("times-cited")); err == nil {
		r.CitedByCount = &tc
	} else if m := reCitedBy.FindStringSubmatch(get("note")); m != nil {
		n, _ := strconv.Atoi(m[1])
		r.CitedByCount = &n
	}

	// Cited references: Scopus's references field and Web of Science's
	// Cited-References (one per line).
	if v := e.Get("cited-references"); v != "" {
		for l := range strings.SplitSeq(v, "\n") {
			if l = strings.TrimSpace(DecodeLaTeX(l)); l != "" {
				r.References = append(r.References, wos.ParseCitedReference(strings.TrimSuffix(l, ".")))
			}
		}
	}
	if v := get("references"); v != "" {
		r.References = append(r.References, tabular.ParseScopusReferences(v)...)
	}
	return r
}

// databaseFields fills the fields of bibliometrics that Web of Science's
// and Scopus's BibTeX exports carry, once Record knows the database: WoS's
// Keywords (author keywords), Keywords-Plus, Type and Affiliation (its
// "(Reprint Author)" line is the correspondence address, the others the
// addresses); Scopus's author_keywords, keywords (index keywords),
// document_type, affiliation ("; " between addresses) and
// correspondence_address1. Other BibTeX keeps its keywords in Keywords
// only.
func databaseFields(r *graph.Record, e *Entry, get func(names ...string) string) {
	switch r.Source.Database {
	case "Web of Science":
		r.AuthorKeywords = splitKeywords(get("keywords"))
		r.KeywordsPlus = splitKeywords(get("keywords-plus"))
		r.DocumentType = get("type")
		for l := range strings.SplitSeq(e.Get("affiliation"), "\n") { // one address a line
			switch l = strings.TrimSpace(DecodeLaTeX(l)); {
			case l == "":
			case strings.Contains(strings.ToLower(l), "(reprint author)") || strings.Contains(strings.ToLower(l), "(corresponding author)"):
				if r.CorrespondenceAddress == "" {
					r.CorrespondenceAddress = l
				}
			default:
				r.Affiliations = append(r.Affiliations, l)
			}
		}
	case "Scopus":
		r.AuthorKeywords = splitKeywords(get("author_keywords"))
		r.KeywordsPlus = splitKeywords(get("keywords"))
		r.DocumentType = get("document_type")
		for a := range strings.SplitSeq(get("affiliation"), ";") {
			if a = strings.TrimSpace(a); a != "" {
				r.Affiliations = append(r.Affiliations, a)
			}
		}
		r.CorrespondenceAddress = get("correspondence_address1", "correspondence_address")
	}
}

// date reads the date from BibLaTeX's date field or from year, month and
// day, and returns the year and the ISO date as precise as given.
func date(d, year, month, day string) (int, string) {
	if m := reISODate.FindStringSubmatch(d); m != nil {
		y, _ := strconv.Atoi(m[1])
		out := m[1]
		if mon, _ := strconv.Atoi(m[2]); mon >= 1 && mon <= 12 { // biblatex's EDTF seasons are 21-24
			out += "-" + m[2]
			if m[3] != "" {
				out += "-" + m[3]
			}
		}
		return y, out
	}
	y := find.CitedYear(year)
	if y == 0 {
		return 0, ""
	}
	m := strconv.Itoa(y)
	mon := 0
	ml := strings.ToLower(strings.TrimSpace(month))
	if n, err := strconv.Atoi(ml); err == nil && n >= 1 && n <= 12 {
		mon = n
	} else if len(ml) >= 3 {
		mon = months[ml[:3]]
	}
	if mon == 0 {
		return y, m
	}
	out := fmt.Sprintf("%s-%02d", m, mon)
	if dd, err := strconv.Atoi(strings.TrimSpace(day)); err == nil && dd >= 1 && dd <= 31 {
		out += fmt.Sprintf("-%02d", dd)
	}
	return y, out
}

// pages reads a page range: "1339--1351", "635–641", "{{1-2}}".
func pages(s string) string {
	s = strings.NewReplacer("{", "", "}", "", "--", "-", "–", "-", "—", "-", " ", "").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return s
}

// splitKeywords splits a keywords field on ";" when it has one, else on
// ",".
func splitKeywords(s string) []string {
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	var out []string
	for k := range strings.SplitSeq(s, sep) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// authors splits an author field on " and " outside braces and reads each
// name ("Family, Given", "Given Family", "{Organisation}"); "others" is
// dropped. Scopus's old exports join names with commas instead ("Aria,
// M.a, Cuccurullo, C.b", the letters after the initials pointing to
// affiliations); those are read in pairs.
func authors(v string) []graph.Author {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	names := splitAnd(v)
	if len(names) == 1 {
		if pairs := scopusPairs(names[0]); pairs != nil {
			return pairs
		}
	}
	var out []graph.Author
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || n == "others" {
			continue
		}
		if strings.HasPrefix(n, "{") && strings.HasSuffix(n, "}") && strings.Count(n, "{") == 1 {
			out = append(out, graph.Author{Family: DecodeLaTeX(n)})
			continue
		}
		if a := bibtexName(n); a.Family != "" {
			out = append(out, a)
		}
	}
	return out
}

// bibtexName reads one name of a name list in BibTeX's three forms
// (Patashnik, "BibTeXing", §4; biblatex manual §2.3.3): "First von Last",
// "von Last, First" and "von Last, Jr, First". The von part (words in
// lower case) stays with the family name ("van der Berg"); Jr follows the
// given names ("Jan, Jr"); a braced group is one word ("John {Smith
// Jones}": family Smith Jones). Other names are read by graph.ParseName.
func bibtexName(n string) graph.Author {
	parts := splitTop(n, ',')
	switch len(parts) {
	case 3:
		fam, jr, giv := DecodeLaTeX(parts[0]), DecodeLaTeX(parts[1]), DecodeLaTeX(parts[2])
		if fam != "" && giv != "" && jr != "" {
			return graph.Author{Family: fam, Given: giv + ", " + jr}
		}
	case 1:
		words := splitTop(n, ' ')
		if len(words) < 2 {
			break
		}
		last := len(words) - 1
		von := -1
		for i := 0; i < last && von < 0; i++ {
			if lowerWord(words[i]) {
				von = i
			}
		}
		braced := strings.HasPrefix(words[last], "{") && strings.HasSuffix(words[last], "}") && !strings.HasPrefix(words[last], "{\\")
		if von <= 0 && !braced {
			break // no von part after a first name, no braced family: ParseName's reading
		}
		if von <= 0 {
			von = last
		}
		return graph.Author{Family: DecodeLaTeX(strings.Join(words[von:], " ")), Given: DecodeLaTeX(strings.Join(words[:von], " "))}
	}
	return graph.ParseName(DecodeLaTeX(n))
}

// splitTop splits s on sep outside braces, dropping empty pieces and
// trimming the others (sep ' ' splits on any white space).
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	add := func(p string) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == sep || sep == ' ' && isSpace(c)):
			add(s[start:i])
			start = i + 1
		}
	}
	add(s[start:])
	return out
}

// lowerWord reports whether a name's word is in lower case, as BibTeX
// tells a von part: by its first letter outside braces, or the letter of
// a special character ({\"u}ber) at its start.
func lowerWord(w string) bool {
	if strings.HasPrefix(w, "{") && !strings.HasPrefix(w, "{\\") {
		return false // a braced group counts as upper case
	}
	for _, r := range DecodeLaTeX(w) {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// splitAnd splits on the word "and" at brace depth 0.
func splitAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case 'a', 'A':
			if depth == 0 && i > 0 && i+4 <= len(s) && isSpace(s[i-1]) && strings.EqualFold(s[i:i+3], "and") && (i+3 == len(s) || isSpace(s[i+3])) {
				out = append(out, s[start:i-1])
				start = i + 3
				i += 2
			}
		}
	}
	return append(out, s[start:])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scopusPairs reads "D'Ambrosio, A.a , Aria, M.a , Iorio, C.b" as family
// and initials pairs; nil when the text is not of that form.
func scopusPairs(s string) []graph.Author {
	parts := strings.Split(s, ",")
	if len(parts) < 4 || len(parts)%2 != 0 {
		return nil
	}
	var out []graph.Author
	for i := 0; i < len(parts); i += 2 {
		fam, giv := strings.TrimSpace(parts[i]), strings.TrimSpace(parts[i+1])
		m := reInitial.FindStringSubmatch(giv)
		if fam == "" || m == nil {
			return nil
		}
		out = append(out, graph.Author{Family: DecodeLaTeX(fam), Given: strings.TrimSpace(m[1])})
	}
	return out
}
