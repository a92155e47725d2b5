package htmlmeta

import (
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/refraw"
)

// ErrNoMetadata means a page carries no scholarly metadata: no Highwire
// citation_* tags, Dublin Core, PRISM, DOI meta tag, schema.org
// ScholarlyArticle or COinS.
var ErrNoMetadata = errors.New("no scholarly metadata (citation_*, DC.*, prism.*, schema.org ScholarlyArticle or COinS) in the page")

// metas is a page's <meta> tags: lower-cased name (or property) → values in
// page order.
type metas map[string][]string

func readMetas(doc *goquery.Document) metas {
	m := metas{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		name, ok := s.Attr("name")
		if !ok || name == "" {
			name, _ = s.Attr("property")
		}
		content, ok := s.Attr("content")
		if name == "" || !ok {
			return
		}
		name = strings.ToLower(strings.TrimSpace(name))
		m[name] = append(m[name], graph.CleanText(content))
	})
	return m
}

func (m metas) first(names ...string) string {
	for _, n := range names {
		for _, v := range m[n] {
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// scholarlyTypes are the schema.org types of works citegraph reads.
var scholarlyTypes = map[string]bool{
	"scholarlyarticle": true, "medicalscholarlyarticle": true, "article": true, "newsarticle": false,
	"report": true, "thesis": true, "book": true, "chapter": true, "creativework": false,
	"techarticle": true, "dataset": true, "publicationissue": false,
}

// Has reports whether the page carries scholarly metadata that Read can
// read: a Highwire citation_title or citation_doi, a Dublin Core title with
// an identifier, a PRISM or bare DOI meta tag, a schema.org scholarly work
// in JSON-LD, or a COinS span.
func Has(doc *goquery.Document) bool {
	if doc == nil {
		return false
	}
	m := readMetas(doc)
	switch {
	case m.first("citation_title", "citation_doi") != "":
		return true
	case m.first("dc.title") != "" && m.first("dc.identifier", "dc.identifier.doi", "dc.source", "dc.creator", "dc.contributor") != "":
		return true
	case m.first("prism.doi", "doi", "dc.identifier.doi", "bepress_citation_title", "eprints.title") != "":
		return true
	}
	if len(jsonLD(doc)) > 0 {
		return true
	}
	return doc.Find("span.Z3988[title]").Length() > 0
}

// Read returns the work a publisher's landing page describes, from its
// metadata (Highwire citation_* tags first, then schema.org JSON-LD,
// Dublin Core, PRISM, COinS and Open Graph, each filling what the earlier
// left empty), with its reference list (citation_reference tags, or the
// list in the page when it is longer) and a statement for every sentence
// of the page's text that holds a linked citation. A page without
// scholarly metadata gives ErrNoMetadata.
func Read(doc *goquery.Document) (graph.Record, error) {
	var r graph.Record
	if !Has(doc) {
		return r, ErrNoMetadata
	}
	m := readMetas(doc)
	highwire(&r, m)
	for _, ld := range jsonLD(doc) {
		schemaOrg(&r, ld)
	}
	prism(&r, m)
	dublinCore(&r, m)
	coins(&r, doc)
	if r.Title == "" && (r.DOI != "" || len(r.Authors) > 0) {
		r.Title = m.first("og:title", "twitter:title")
	}
	if r.URL == "" {
		r.URL = m.first("citation_abstract_html_url", "citation_fulltext_html_url", "og:url")
	}
	if r.Type == "" {
		r.Type = "article-journal"
	}
	if r.Date != "" && r.Year == 0 {
		r.Year, _ = strconv.Atoi(r.Date[:4])
	}
	if r.Title == "" && r.DOI == "" {
		return r, ErrNoMetadata
	}
	fullText(doc, &r, metaReferences(m))
	return r, nil
}

var (
	reDate = regexp.MustCompile(`(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?`)
)

// isoDate reads "2019-03-26", "2019/03/26", "2019" or "26 March 2019"
// as ISO 8601, as precise as given.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if m := reDate.FindStringSubmatch(s); m != nil && strings.HasPrefix(s, m[0]) {
		y, _ := strconv.Atoi(m[1])
		if y < 1000 {
			return ""
		}
		out := m[1]
		if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
			out += "-" + pad(mo)
			if d, _ := strconv.Atoi(m[3]); d >= 1 && d <= 31 {
				out += "-" + pad(d)
			}
		}
		return out
	}
	if y := find.Year(s); y != 0 {
		return strconv.Itoa(y)
	}
	return ""
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func setDOI(r *graph.Record, s string) {
	if r.DOI != "" || s == "" {
		return
	}
	if d, err := graph.NormalizeDOI(s); err == nil {
		r.DOI = d
	} else if m := find.DOI(s, find.InHTML); m != "" {
		if d, err := graph.NormalizeDOI(m); err == nil {
			r.DOI = d
		}
	}
}

func setID(r *graph.Record, scheme, v string) { r.Identifiers = ident.Set(r.Identifiers, scheme, v) }

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

var reORCID = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dXx]`)

// highwire reads the Highwire Press citation_* tags Google Scholar asks
// publishers for.
func highwire(r *graph.Record, m metas) {
	r.Title = m.first("citation_title")
	for _, a := range m["citation_author"] {
		if au := graph.ParseName(a); au.Family != "" {
			r.Authors = append(r.Authors, au)
		}
	}
	if orcids := m["citation_author_orcid"]; len(orcids) > 0 && len(orcids) == len(r.Authors) {
		for _, o := range orcids {
			r.AuthorORCIDs = append(r.AuthorORCIDs, strings.ToUpper(reORCID.FindString(o)))
		}
	}
	setDOI(r, m.first("citation_doi"))
	setID(r, graph.IDPMID, m.first("citation_pmid"))
	setID(r, graph.IDPMCID, m.first("citation_pmcid"))
	setID(r, graph.IDArXiv, m.first("citation_arxiv_id"))
	setID(r, graph.IDISSN, m.first("citation_issn"))
	setID(r, graph.IDISBN, m.first("citation_isbn"))
	r.Venue = m.first("citation_journal_title", "citation_conference_title", "citation_inbook_title", "citation_book_title")
	r.Publisher = m.first("citation_publisher")
	r.Volume = m.first("citation_volume")
	r.Issue = m.first("citation_issue")
	fp, lp := m.first("citation_firstpage"), m.first("citation_lastpage")
	switch {
	case fp != "" && lp != "" && fp != lp:
		r.Pages = fp + "-" + lp
	default:
		r.Pages = fp
	}
	r.Date = isoDate(m.first("citation_publication_date", "citation_date", "citation_cover_date", "citation_online_date", "citation_year"))
	r.Abstract = m.first("citation_abstract")
	r.Language = m.first("citation_language")
	for _, k := range m["citation_keywords"] {
		addKeywords(r, k)
	}
	switch {
	case m.first("citation_dissertation_institution") != "":
		r.Type = "thesis"
	case m.first("citation_technical_report_institution") != "":
		r.Type = "report"
	case m.first("citation_conference_title") != "":
		r.Type = "paper-conference"
	case m.first("citation_inbook_title") != "":
		r.Type = "chapter"
	}
	r.URL = m.first("citation_abstract_html_url", "citation_fulltext_html_url")
}

func addKeywords(r *graph.Record, s string) {
	sep := ";"
	if !strings.Contains(s, ";") && strings.Count(s, ",") > 0 && len(s) > 40 {
		sep = ","
	}
	for _, k := range strings.Split(s, sep) {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		dup := false
		for _, h := range r.Keywords {
			if strings.EqualFold(h, k) {
				dup = true
				break
			}
		}
		if !dup {
			r.Keywords = append(r.Keywords, k)
		}
	}
}

// dublinCore reads DC.* and dc.* tags (OJS writes DC.Creator.PersonalName,
// DC.Identifier.DOI, DC.Date.issued …).
func dublinCore(r *graph.Record, m metas) {
	fill(&r.Title, m.first("dc.title"))
	if len(r.Authors) == 0 {
		for _, k := range []string{"dc.creator.personalname", "dc.creator", "dc.contributor"} {
			for _, a := range m[k] {
				if au := graph.ParseName(a); au.Family != "" {
					r.Authors = append(r.Authors, au)
				}
			}
			if len(r.Authors) > 0 {
				break
			}
		}
	}
	setDOI(r, m.first("dc.identifier.doi"))
	for _, id := range m["dc.identifier"] {
		if strings.Contains(id, "10.") {
			setDOI(r, id)
		}
	}
	fill(&r.Venue, m.first("dc.source", "dc.relation.ispartof"))
	fill(&r.Publisher, m.first("dc.publisher"))
	fill(&r.Volume, m.first("dc.source.volume"))
	fill(&r.Issue, m.first("dc.source.issue"))
	fill(&r.Date, isoDate(m.first("dc.date.issued", "dc.date", "dcterms.issued", "dc.date.created")))
	fill(&r.Abstract, m.first("dc.description", "dcterms.abstract"))
	fill(&r.Language, m.first("dc.language", "dc.language.iso"))
	setID(r, graph.IDISSN, m.first("dc.source.issn"))
	if len(r.Keywords) == 0 {
		for _, k := range m["dc.subject"] {
			addKeywords(r, k)
		}
	}
}

// prism reads the PRISM tags Springer Nature writes.
func prism(r *graph.Record, m metas) {
	setDOI(r, m.first("prism.doi", "doi", "citation_doi"))
	fill(&r.Venue, m.first("prism.publicationname"))
	fill(&r.Volume, m.first("prism.volume"))
	fill(&r.Issue, m.first("prism.number"))
	if r.Pages == "" {
		sp, ep := m.first("prism.startingpage"), m.first("prism.endingpage")
		if sp != "" && ep != "" && sp != ep {
			r.Pages = sp + "-" + ep
		} else {
			r.Pages = sp
		}
	}
	fill(&r.Date, isoDate(m.first("prism.publicationdate")))
	setID(r, graph.IDISSN, m.first("prism.issn"))
}

// jsonLD returns the schema.org scholarly works of the page's JSON-LD
// blocks (a @graph, a list, or a mainEntity are looked into).
func jsonLD(doc *goquery.Document) []map[string]any {
	var out []map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				visit(x, depth+1)
			}
		case map[string]any:
			if isScholarly(v["@type"]) {
				out = append(out, v)
				return
			}
			for _, k := range []string{"@graph", "mainEntity"} {
				if x, ok := v[k]; ok {
					visit(x, depth+1)
				}
			}
		}
	}
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) == nil {
			visit(v, 0)
		}
	})
	return out
}

func isScholarly(t any) bool {
	switch t := t.(type) {
	case string:
		return scholarlyTypes[strings.ToLower(t)]
	case []any:
		for _, x := range t {
			if isScholarly(x) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	switch v := v.(type) {
	case string:
		return graph.CleanText(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case map[string]any:
		for _, k := range []string{"name", "@value", "value", "@id"} {
			if s := str(v[k]); s != "" {
				return s
			}
		}
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

func list(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case nil:
		return nil
	}
	return []any{v}
}

// schemaOrg reads a schema.org ScholarlyArticle (or relative) from JSON-LD.
func schemaOrg(r *graph.Record, ld map[string]any) {
	fill(&r.Title, str(ld["headline"]))
	fill(&r.Title, str(ld["name"]))
	if len(r.Authors) == 0 {
		for _, a := range list(ld["author"]) {
			var au graph.Author
			orcid := ""
			if am, ok := a.(map[string]any); ok {
				au.Family, au.Given = str(am["familyName"]), str(am["givenName"])
				if au.Family == "" {
					au = graph.ParseName(str(am["name"]))
				}
				for _, k := range []string{"identifier", "sameAs", "@id", "url"} {
					if o := reORCID.FindString(str(am[k])); o != "" && strings.Contains(str(am[k]), "orcid") {
						orcid = strings.ToUpper(o)
					}
				}
			} else {
				au = graph.ParseName(str(a))
			}
			if au.Family != "" {
				r.Authors = append(r.Authors, au)
				r.AuthorORCIDs = append(r.AuthorORCIDs, orcid)
			}
		}
		r.AuthorORCIDs = ident.ORCIDs(r.AuthorORCIDs)
	}
	for _, k := range []string{"identifier", "sameAs", "@id", "url"} {
		for _, v := range list(ld[k]) {
			if s := str(v); strings.Contains(s, "10.") && (strings.Contains(s, "doi") || strings.HasPrefix(s, "10.")) {
				setDOI(r, s)
			}
		}
	}
	fill(&r.Date, isoDate(str(ld["datePublished"])))
	fill(&r.Abstract, str(ld["description"]))
	fill(&r.Abstract, str(ld["abstract"]))
	if r.Publisher == "" {
		r.Publisher = str(ld["publisher"])
	}
	fill(&r.Pages, joinPages(str(ld["pageStart"]), str(ld["pageEnd"])))
	// isPartOf: issue → volume → periodical.
	for part, depth := ld["isPartOf"], 0; part != nil && depth < 4; depth++ {
		pm, ok := part.(map[string]any)
		if !ok {
			break
		}
		switch strings.ToLower(str(pm["@type"])) {
		case "publicationissue":
			fill(&r.Issue, str(pm["issueNumber"]))
		case "publicationvolume":
			fill(&r.Volume, str(pm["volumeNumber"]))
		default:
			fill(&r.Venue, str(pm["name"]))
			setID(r, graph.IDISSN, str(pm["issn"]))
		}
		part = pm["isPartOf"]
	}
	if len(r.Keywords) == 0 {
		for _, k := range list(ld["keywords"]) {
			addKeywords(r, str(k))
		}
	}
}

func joinPages(a, b string) string {
	if a != "" && b != "" && a != b {
		return a + "-" + b
	}
	return a
}

// coins reads a COinS span (OpenURL ContextObject in the title attribute).
func coins(r *graph.Record, doc *goquery.Document) {
	sel := doc.Find("span.Z3988[title]").First()
	if sel.Length() == 0 {
		return
	}
	t, _ := sel.Attr("title")
	q, err := url.ParseQuery(t)
	if err != nil {
		return
	}
	fill(&r.Title, q.Get("rft.atitle"))
	fill(&r.Title, q.Get("rft.title"))
	fill(&r.Title, q.Get("rft.btitle"))
	fill(&r.Venue, q.Get("rft.jtitle"))
	fill(&r.Volume, q.Get("rft.volume"))
	fill(&r.Issue, q.Get("rft.issue"))
	fill(&r.Pages, joinPages(q.Get("rft.spage"), q.Get("rft.epage")))
	fill(&r.Pages, q.Get("rft.pages"))
	fill(&r.Date, isoDate(q.Get("rft.date")))
	setID(r, graph.IDISSN, q.Get("rft.issn"))
	setID(r, graph.IDISBN, q.Get("rft.isbn"))
	for _, id := range q["rft_id"] {
		switch {
		case strings.HasPrefix(id, "info:doi/"):
			setDOI(r, strings.TrimPrefix(id, "info:doi/"))
		case strings.HasPrefix(id, "info:pmid/"):
			setID(r, graph.IDPMID, strings.TrimPrefix(id, "info:pmid/"))
		}
	}
	if len(r.Authors) == 0 {
		if l := q.Get("rft.aulast"); l != "" {
			r.Authors = append(r.Authors, graph.Author{Family: l, Given: q.Get("rft.aufirst")})
		}
		for _, a := range q["rft.au"] {
			if au := graph.ParseName(a); au.Family != "" && (len(r.Authors) == 0 || r.Authors[0].Family != au.Family) {
				r.Authors = append(r.Authors, au)
			}
		}
	}
}

// metaReferences reads the citation_reference tags: either
// "citation_title=…; citation_author=…; …" pairs or a plain citation.
func metaReferences(m metas) []graph.Reference {
	var out []graph.Reference
	for _, c := range m["citation_reference"] {
		out = append(out, metaReference(c))
	}
	return out
}

var reRefKey = regexp.MustCompile(`(?:^|;)\s*(citation_[a-z_]+)=`)

func metaReference(c string) graph.Reference {
	ref := graph.Reference{Raw: c}
	locs := reRefKey.FindAllStringSubmatchIndex(c, -1)
	if len(locs) == 0 {
		if m := find.DOI(c, find.InHTML); m != "" {
			ref.DOI, _ = graph.NormalizeDOI(m)
		}
		if m := find.Year(c); m != 0 {
			ref.Year = m
		}
		return ref
	}
	var fp, lp string
	for i, l := range locs {
		end := len(c)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key := c[l[2]:l[3]]
		val := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c[l[1]:end]), ";"))
		if val == "" {
			continue
		}
		switch key {
		case "citation_title", "citation_article_title":
			fill(&ref.Title, val)
		case "citation_author", "citation_authors":
			ref.Authors = append(ref.Authors, splitAuthors(val)...)
		case "citation_journal_title", "citation_conference_title", "citation_book_title", "citation_inbook_title":
			fill(&ref.Venue, val)
		case "citation_volume":
			ref.Volume = val
		case "citation_issue":
			ref.Issue = val
		case "citation_first_page", "citation_firstpage":
			fp = val
		case "citation_last_page", "citation_lastpage":
			lp = val
		case "citation_pages":
			ref.Pages = val
		case "citation_publication_date", "citation_date", "citation_year":
			if m := find.Year(val); m != 0 && ref.Year == 0 {
				ref.Year = m
			}
		case "citation_doi":
			if d, err := graph.NormalizeDOI(val); err == nil {
				ref.DOI = d
			}
		case "citation_pmid":
			if n, err := graph.NormalizeID(graph.IDPMID, val); err == nil {
				ref.Identifiers = map[string]string{graph.IDPMID: n}
			}
		case "citation_id":
			ref.Key = val
		}
	}
	if ref.Pages == "" {
		ref.Pages = joinPages(fp, lp)
	}
	ref.Raw = refraw.Compose(ref)
	return ref
}

// splitAuthors reads one citation_author value: one name, or several
// separated by commas when each is "Initials Family" ("MC Thompson, TO
// Yeates").
func splitAuthors(s string) []graph.Author {
	parts := strings.Split(s, ",")
	if len(parts) > 1 {
		several := true
		for _, p := range parts {
			if len(strings.Fields(p)) < 2 {
				several = false
				break
			}
		}
		if several {
			var out []graph.Author
			for _, p := range parts {
				out = append(out, graph.ParseName(p))
			}
			return out
		}
	}
	return []graph.Author{graph.ParseName(s)}
}
