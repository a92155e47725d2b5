package jats

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/internal/names"
	"github.com/citegraph/citegraph/scrape/internal/xmlread"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Format reads JATS full-text XML. It satisfies scrape.StreamFormat.
type Format struct{}

// Name returns "jats".
func (Format) Name() string { return "jats" }

var reJATSHead = regexp.MustCompile(`<(?:article|pmc-articleset)[\s>]`)

// Sniff reports whether head starts a JATS (or NLM) article: an <article>
// or <pmc-articleset> element with a JATS/NLM doctype, or with the
// <front>, <article-meta> or <journal-meta> that only JATS articles have.
func (Format) Sniff(head []byte) bool {
	if !reJATSHead.Match(head) {
		return false
	}
	return bytes.Contains(head, []byte("-//NLM//DTD")) || bytes.Contains(head, []byte("JATS")) ||
		bytes.Contains(head, []byte("<article-meta")) || bytes.Contains(head, []byte("<journal-meta")) ||
		bytes.Contains(head, []byte("<front>")) || bytes.Contains(head, []byte("<front "))
}

// Extract reads every <article> of the source (one, or many inside a
// <pmc-articleset>) and emits one record for each, in source order, with
// its line. Sub-articles (eLife's decision letters, author responses) are
// not read. Malformed or truncated XML gives a *PosError with the line and
// column where reading stopped; an article cut short is still emitted with
// what was read of it, when that names it (a title or an identifier).
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return extract(ctx, r, func(_ *article, rec graph.Record) error { return emit(rec) })
}

// extract is Extract, handing over what was read of each article too.
func extract(ctx context.Context, r io.Reader, emit func(*article, graph.Record) error) error {
	return xmlread.Documents(ctx, r, "article", ErrNotJATS, func(x *xmlread.Decoder) *article { return &article{x: x} }, emit)
}

// article is what the reader gathers of one article.
type article struct {
	x      *xmlread.Decoder
	rec    graph.Record
	lang   string
	paras  []prose.Paragraph
	refs   []graph.Reference
	labels []string
	dates  map[string]string // pub-date kind → ISO date
	issn   string
}

// Read reads the article whose start was just read.
func (a *article) Read(start xml.StartElement) error {
	a.lang = xmlread.Attr(start, "lang")
	a.dates = map[string]string{}
	return a.x.Truncated(a.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "front":
			return a.front()
		case "body", "back", "floats-group":
			return a.block(t, nil)
		}
		return a.x.Skip() // sub-article, response: other documents.
	}))
}

// record finishes the record; ok is false when nothing names the work.
func (a *article) Record(line int) (graph.Record, bool) {
	r := a.rec
	r.Source = graph.Source{Line: line, Format: "jats"}
	if r.Type == "" {
		r.Type = "article-journal"
	}
	if r.Language == "" {
		r.Language = a.lang
	}
	for _, k := range []string{"ppub", "collection", "print", "epub", "electronic", "pub", ""} {
		if d, ok := a.dates[k]; ok {
			r.Date = d
			break
		}
	}
	if r.Date != "" {
		r.Year, _ = strconv.Atoi(r.Date[:4])
	}
	if a.issn != "" {
		if r.Identifiers == nil {
			r.Identifiers = map[string]string{}
		}
		r.Identifiers[graph.IDISSN] = a.issn
	}
	r.References = a.refs
	l := prose.NewLinker(a.refs, a.labels)
	for _, p := range a.paras {
		r.Statements = append(r.Statements, l.Statements(p)...)
	}
	intent.Annotate(r.Statements)
	ok := r.Title != "" || r.DOI != "" || len(r.Identifiers) > 0
	return r, ok
}

// ---- front matter ----

func (a *article) front() error {
	return a.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "journal-meta":
			return a.journalMeta()
		case "article-meta":
			return a.x.Children(a.articleMetaChild)
		}
		return a.x.Skip()
	})
}

// journalMeta reads <journal-meta>, the titles and ISSNs within wrappers
// (<journal-title-group>, <issn-l> …) too.
func (a *article) journalMeta() error {
	return a.x.Within(func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "journal-title", "issn", "publisher-name":
			s, err := a.x.Text()
			if err == nil {
				a.journalField(t, s)
			}
			return true, err
		case "abbrev-journal-title", "journal-id", "publisher-loc":
			return true, a.x.Skip()
		}
		return false, nil
	})
}

// journalField keeps the text s of a field of <journal-meta>: the first
// journal title, the print ISSN (or else the first), the publisher.
func (a *article) journalField(t xml.StartElement, s string) {
	switch t.Name.Local {
	case "journal-title":
		if a.rec.Venue == "" {
			a.rec.Venue = s
		}
	case "issn":
		if a.issn == "" || xmlread.Attr(t, "pub-type") == "ppub" || xmlread.Attr(t, "publication-format") == "print" {
			a.issn = s
		}
	case "publisher-name":
		a.rec.Publisher = s
	}
}

func (a *article) setID(scheme, v string) {
	if v == "" {
		return
	}
	if scheme == "doi" {
		if a.rec.DOI == "" {
			a.rec.DOI = v
		}
		return
	}
	if a.rec.Identifiers == nil {
		a.rec.Identifiers = map[string]string{}
	}
	if _, ok := a.rec.Identifiers[scheme]; !ok {
		a.rec.Identifiers[scheme] = v
	}
}

func (a *article) articleMetaChild(t xml.StartElement) error {
	x := a.x
	switch t.Name.Local {
	case "article-id":
		s, err := x.Text()
		if err != nil {
			return err
		}
		switch strings.ToLower(xmlread.Attr(t, "pub-id-type")) {
		case "doi":
			a.setID("doi", s)
		case "pmid":
			a.setID(graph.IDPMID, s)
		case "pmc", "pmcid":
			a.setID(graph.IDPMCID, s)
		case "pii":
			a.setID(graph.IDPII, s)
		}
	case "title-group":
		return a.titleGroup()
	case "contrib-group":
		return a.contribGroup(t)
	case "pub-date":
		return a.pubDate(t)
	case "volume":
		s, err := x.Text()
		a.rec.Volume = s
		return err
	case "issue":
		s, err := x.Text()
		a.rec.Issue = s
		return err
	case "fpage":
		s, err := x.Text()
		a.rec.Pages = s + a.rec.Pages
		return err
	case "lpage":
		s, err := x.Text()
		if s != "" {
			a.rec.Pages += "-" + s
		}
		return err
	case "elocation-id":
		s, err := x.Text()
		if a.rec.Pages == "" {
			a.rec.Pages = s
		}
		return err
	case "abstract":
		return a.abstract(t)
	case "kwd-group":
		return a.kwdGroup(t)
	case "article-categories", "permissions", "history", "pub-history", "custom-meta-group", "funding-group",
		"counts", "self-uri", "related-article", "author-notes", "aff", "supplementary-material", "trans-abstract":
		return x.Skip()
	default:
		return x.Skip()
	}
	return nil
}

func (a *article) titleGroup() error {
	return a.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "article-title":
			s, err := a.x.Text("xref", "fn")
			if err != nil {
				return err
			}
			a.rec.Title = s
		case "subtitle":
			s, err := a.x.Text("xref", "fn")
			if err != nil {
				return err
			}
			if s != "" && a.rec.Title != "" {
				a.rec.Title += ": " + s
			}
		default:
			return a.x.Skip()
		}
		return nil
	})
}

func (a *article) contribGroup(g xml.StartElement) error {
	groupType := xmlread.Attr(g, "content-type")
	return a.x.Children(func(t xml.StartElement) error {
		if t.Name.Local != "contrib" {
			return a.x.Skip()
		}
		ct := xmlread.Attr(t, "contrib-type")
		if ct == "" {
			ct = groupType
		}
		au, orcid, err := a.contrib()
		if err != nil {
			return err
		}
		if ct != "" && ct != "author" || au.Family == "" {
			return nil
		}
		a.rec.Authors = append(a.rec.Authors, au)
		a.rec.AuthorORCIDs = append(a.rec.AuthorORCIDs, orcid)
		return nil
	})
}

var reORCID = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dXx]`)

// contrib reads one contributor: the name (or group name) and ORCID iD.
func (a *article) contrib() (graph.Author, string, error) {
	var au graph.Author
	var orcid string
	err := a.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "name", "string-name", "name-alternatives":
			n, err := a.name(t)
			if err != nil {
				return err
			}
			if au.Family == "" {
				au = n
			}
		case "collab":
			s, err := a.x.Text("contrib-group", "xref")
			if err != nil {
				return err
			}
			if au.Family == "" {
				au = graph.Author{Family: s}
			}
		case "contrib-id", "uri":
			s, err := a.x.Text()
			if err != nil {
				return err
			}
			typ := strings.ToLower(xmlread.Attr(t, "contrib-id-type") + xmlread.Attr(t, "content-type"))
			if m := reORCID.FindString(s); m != "" && (strings.Contains(typ, "orcid") || strings.Contains(s, "orcid")) {
				orcid = strings.ToUpper(m)
			}
		default:
			return a.x.Skip()
		}
		return nil
	})
	return au, orcid, err
}

// name reads <name>, <string-name> or <name-alternatives>.
func (a *article) name(start xml.StartElement) (graph.Author, error) {
	var au graph.Author
	var loose strings.Builder
	depth := 1
	for depth > 0 {
		t, err := a.x.Token()
		if err != nil {
			return au, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				loose.Write(t)
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "surname":
				s, err := a.x.Text()
				if err != nil {
					return au, err
				}
				if au.Family == "" {
					au.Family = s
				}
			case "given-names":
				s, err := a.x.Text()
				if err != nil {
					return au, err
				}
				if au.Given == "" {
					au.Given = s
				}
			case "name", "string-name":
				depth++ // name-alternatives: the first name wins above
			default:
				if err := a.x.Skip(); err != nil {
					return au, err
				}
			}
		}
	}
	if au.Family == "" {
		// <string-name>Smith J</string-name>
		au = looseName(xmlread.Clean(loose.String()))
	}
	return au, nil
}

// looseName reads a name printed as one string: "Smith J", "Smith, J.",
// "J. Smith".
func looseName(s string) graph.Author {
	s = strings.Trim(s, " ,.;")
	if s == "" {
		return graph.Author{}
	}
	if fam, giv, ok := strings.Cut(s, ","); ok {
		return graph.Author{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(giv)}
	}
	f := strings.Fields(s)
	last := f[len(f)-1]
	if len(f) > 1 && names.IsInitials(last) {
		return graph.Author{Family: strings.Join(f[:len(f)-1], " "), Given: last}
	}
	if len(f) > 1 && names.IsInitials(f[0]) {
		return givenFirst(s)
	}
	return graph.Author{Family: s}
}

var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "del": true, "da": true, "di": true, "du": true, "la": true, "le": true, "ter": true, "ten": true, "dos": true, "das": true}

// givenFirst reads "M. H. Al‐Chami" or "M. van der Berg" as family and given
// names.
func givenFirst(s string) graph.Author {
	f := strings.Fields(s)
	if len(f) < 2 {
		return graph.Author{Family: s}
	}
	i := len(f) - 1
	for i > 1 && particles[strings.ToLower(f[i-1])] {
		i--
	}
	return graph.Author{Family: strings.Join(f[i:], " "), Given: strings.Join(f[:i], " ")}
}

var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func (a *article) pubDate(t xml.StartElement) error {
	kind := xmlread.Attr(t, "pub-type")
	if kind == "" {
		kind = xmlread.Attr(t, "publication-format")
	}
	if kind == "" && xmlread.Attr(t, "date-type") != "" && xmlread.Attr(t, "date-type") != "pub" && xmlread.Attr(t, "date-type") != "publication" {
		kind = xmlread.Attr(t, "date-type")
	}
	var y, m, d int
	err := a.x.Children(func(tok xml.StartElement) error {
		s, err := a.x.Text()
		if err != nil {
			return err
		}
		switch tok.Name.Local {
		case "year":
			y, _ = strconv.Atoi(s)
		case "month":
			m = monthNumber(s)
		case "day":
			d, _ = strconv.Atoi(s)
		}
		return nil
	})
	if err != nil || kind == "pmc-release" {
		return err
	}
	// A year that is no year (a typo such as "201") gives no
	// date; kept as "", it would hide the other dates.
	if iso := isoDate(y, m, d); iso != "" {
		if _, ok := a.dates[kind]; !ok {
			a.dates[kind] = iso
		}
	}
	return nil
}

func monthNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if len(s) >= 3 {
		return monthNames[strings.ToLower(s[:3])]
	}
	return 0
}

// isoDate writes a date as precise as it is known; a year outside
// 1000–2999 is not a year.
func isoDate(y, m, d int) string {
	if y < 1000 || y > 2999 {
		return ""
	}
	s := strconv.Itoa(y)
	if m >= 1 && m <= 12 {
		s += "-" + twoDigits(m)
		if d >= 1 && d <= 31 {
			s += "-" + twoDigits(d)
		}
	}
	return s
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// abstract reads the article's abstract: its text, and its sections when
// it is structured. Graphical abstracts, teasers, author summaries and
// digests are not the abstract; a keywords section inside it (as Europe
// PMC writes) gives keywords.
func (a *article) abstract(t xml.StartElement) error {
	switch strings.ToLower(xmlread.Attr(t, "abstract-type")) {
	case "", "abstract", "structured", "main":
	default:
		return a.x.Skip()
	}
	if a.rec.Abstract != "" {
		return a.x.Skip()
	}
	var parts []string
	var secs []graph.Section
	var walk func(depth int, label string) error
	walk = func(depth int, label string) error {
		var secText []string
		err := a.x.Children(func(tok xml.StartElement) error {
			switch tok.Name.Local {
			case "title":
				s, err := a.x.Text()
				if err != nil {
					return err
				}
				if depth > 0 {
					label = strings.TrimRight(s, ":. ")
				}
			case "sec":
				if xmlread.Attr(tok, "sec-type") == "kwd-group" {
					s, err := a.x.Text()
					if err != nil {
						return err
					}
					a.keywordsFromText(s)
					return nil
				}
				return walk(depth+1, "")
			case "p":
				s, err := a.x.Text("xref-group")
				if err != nil || s == "" {
					return err
				}
				if _, rest, ok := cutKeywords(s); ok {
					a.keywordsFromText(rest)
					return nil
				}
				parts = append(parts, s)
				secText = append(secText, s)
			default:
				return a.x.Skip()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if depth > 0 && (label != "" || len(secText) > 0) {
			secs = append(secs, graph.Section{Label: label, Text: strings.Join(secText, " ")})
		}
		return nil
	}
	if err := walk(0, ""); err != nil {
		return err
	}
	a.rec.Abstract = strings.Join(parts, " ")
	if len(secs) >= 2 {
		a.rec.AbstractSections = secs
	}
	return nil
}

func cutKeywords(s string) (string, string, bool) {
	for _, p := range []string{"Keywords:", "Key words:", "KEYWORDS:", "Keywords"} {
		if strings.HasPrefix(s, p) {
			return p, s[len(p):], true
		}
	}
	return "", "", false
}

func (a *article) keywordsFromText(s string) {
	if _, rest, ok := cutKeywords(s); ok {
		s = rest
	}
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	for _, k := range strings.Split(s, sep) {
		a.addKeyword(strings.TrimRight(strings.TrimSpace(k), "."))
	}
}

func (a *article) addKeyword(k string) {
	if k == "" {
		return
	}
	for _, have := range a.rec.Keywords {
		if strings.EqualFold(have, k) {
			return
		}
	}
	a.rec.Keywords = append(a.rec.Keywords, k)
}

func (a *article) kwdGroup(t xml.StartElement) error {
	if strings.Contains(strings.ToLower(xmlread.Attr(t, "kwd-group-type")), "abbrev") {
		return a.x.Skip()
	}
	return a.x.Within(func(tok xml.StartElement) (bool, error) {
		switch tok.Name.Local {
		case "kwd", "compound-kwd":
			s, err := a.x.Text()
			if err == nil {
				a.addKeyword(s)
			}
			return true, err
		case "title", "label":
			return true, a.x.Skip()
		}
		return false, nil
	})
}
