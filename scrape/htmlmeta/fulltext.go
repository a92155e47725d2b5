package htmlmeta

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/names"
	"github.com/citegraph/citegraph/scrape/prose"
)

var (
	// A link's text that reads as a citation: "12", "[3]", "1–4", or
	// something with a year ("Fu et al., 2015", "2016a").
	reCiteNumber = regexp.MustCompile(`^[\[(]?\d{1,3}(?:\s*[–—-]\s*\d{1,3})?[\])]?$`)
	reTrailNum   = regexp.MustCompile(`^(.*?)(\d+)$`)
	rePubMedLink = regexp.MustCompile(`(?:pubmed\.ncbi\.nlm\.nih\.gov|/pubmed)/(\d+)`)
	rePMCLink    = regexp.MustCompile(`/(?:pmc/)?articles/PMC\d+`)
	rePMC        = regexp.MustCompile(`PMC\d+`)
	reSpacePunct = regexp.MustCompile(`\s+([,.;:)])`)
)

// candidate is a link of the page's text that may be a citation.
type candidate struct {
	key    string
	prefix string
	sure   bool // marked as a citation by the page itself
}

// citeCandidate reads a link as a possible citation: links marked as
// bibliographic cross-references (data-jats-ref-type="bibr" as PeerJ
// writes, data-test="citation-ref" as Springer Nature writes, classes such
// as "ref-tip" or "xref-bibr") are sure; other in-page links are
// candidates when their text reads as a citation ("12", "Fu et al.,
// 2015") and their target's id is not an affiliation's, figure's or
// table's.
func citeCandidate(s *goquery.Selection) (candidate, bool) {
	if t, _ := s.Attr("data-jats-ref-type"); t != "" {
		if t != "bibr" {
			return candidate{}, false
		}
		rid, _ := s.Attr("data-jats-rid")
		m := reTrailNum.FindStringSubmatch(rid)
		if m == nil {
			return candidate{key: rid, sure: true}, rid != ""
		}
		return candidate{key: rid, prefix: m[1], sure: true}, true
	}
	href, _ := s.Attr("href")
	i := strings.IndexByte(href, '#')
	if i < 0 || i == len(href)-1 {
		return candidate{}, false
	}
	key := href[i+1:]
	cls, _ := s.Attr("class")
	dt, _ := s.Attr("data-test")
	sure := dt == "citation-ref" || reRefClass.MatchString(cls)
	if i > 0 && !sure {
		return candidate{}, false // a link to another page
	}
	m := reTrailNum.FindStringSubmatch(key)
	if m == nil || reNotRefPrefix.MatchString(m[1]) {
		return candidate{}, false
	}
	text := graph.CleanText(s.Text())
	if !sure && !reCiteNumber.MatchString(text) && find.CitedYear(text) == 0 {
		return candidate{}, false
	}
	return candidate{key: key, prefix: m[1], sure: sure}, true
}

// inRefList reports whether the element with the given id stands in
// something marked as a reference list.
func inRefList(ids map[string]*html.Node, key string) bool {
	t, ok := ids[key]
	if !ok {
		return false
	}
	for n := t; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (reRefClass.MatchString(attrOf(n, "class")) || n != t && reRefClass.MatchString(attrOf(n, "id"))) {
			return true
		}
	}
	return false
}

var (
	// Key prefixes of in-page links that are not citations: affiliations,
	// figures, tables, footnotes, equations, supplements.
	reNotRefPrefix = regexp.MustCompile(`(?i)(?:^|[-_.])(?:aff|af|fig|figure|f|tab|table|t|tbl|fn|footnote|eq|eqn|sup|supp|suppl|s|sd|video|box|app|author|na|note|n|cor|corr)[-_.]?$`)
	// Classes and ids of reference lists and citation links.
	reRefClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:ref|refs|reference|references|ref-list|reference-list|bib|bibliography|bibr|citation|citations|ref-tip|xref-bibr)(?:$|[\s_-])|references|bibliograph`)
)

// fullText reads the page's text for citation statements and its
// reference list; metaRefs are the citation_reference tags' references.
func fullText(doc *goquery.Document, r *graph.Record, metaRefs []graph.Reference) {
	refs, paras := pageText(doc, metaRefs)
	r.References = refs
	l := prose.NewLinker(refs, nil)
	for _, p := range paras {
		r.Statements = append(r.Statements, l.Statements(p)...)
	}
	intent.Annotate(r.Statements)
}

// pageText returns the page's reference list and its paragraphs that hold
// citations.
func pageText(doc *goquery.Document, metaRefs []graph.Reference) ([]graph.Reference, []prose.Paragraph) {
	// The citation links, and the key prefixes of what they point to.
	ids := map[string]*html.Node{}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if _, dup := ids[id]; !dup {
			ids[id] = s.Nodes[0]
		}
	})
	// A key prefix is a reference list's when a link with it is sure or
	// points into a reference list; the links with such prefixes are the
	// citations, whether their target is in the page or not (a page saved
	// in part).
	prefixes := map[string]bool{}
	cands := map[*html.Node]candidate{}
	doc.Find("a").Each(func(_ int, s *goquery.Selection) {
		c, ok := citeCandidate(s)
		if !ok {
			return
		}
		cands[s.Nodes[0]] = c
		if c.sure || inRefList(ids, c.key) {
			prefixes[c.prefix] = true
		}
	})
	links := map[*html.Node]string{}
	for n, c := range cands {
		if c.sure || prefixes[c.prefix] {
			links[n] = c.key
		}
	}
	delete(prefixes, "")
	// The reference list in the page: the elements whose id is one of
	// those prefixes and a number, in page order, outermost only.
	var entries []*goquery.Selection
	var entryNodes []*html.Node
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		m := reTrailNum.FindStringSubmatch(id)
		if m == nil || !prefixes[m[1]] {
			return
		}
		for _, n := range entryNodes {
			if contains(n, s.Nodes[0]) {
				return
			}
		}
		entries = append(entries, s)
		entryNodes = append(entryNodes, s.Nodes[0])
	})
	var pageRefs []graph.Reference
	for _, e := range entries {
		pageRefs = append(pageRefs, pageReference(e))
	}
	refs := pageRefs
	if len(metaRefs) > len(pageRefs) || len(metaRefs) == len(pageRefs) && len(metaRefs) > 0 {
		refs = metaRefs
		if len(pageRefs) == len(metaRefs) {
			for i := range refs {
				refs[i].Key = pageRefs[i].Key
				if pageRefs[i].Raw != "" {
					refs[i].Raw = pageRefs[i].Raw
				}
				if refs[i].DOI == "" {
					refs[i].DOI = pageRefs[i].DOI
				}
			}
		}
	}
	// Link keys the list does not know by their number: "#ref-CR12" and
	// citation_id "CR12", "#pone.0213978.ref012" and the 12th reference.
	byKey := map[string]bool{}
	for _, ref := range refs {
		if ref.Key != "" {
			byKey[ref.Key] = true
		}
	}
	alias := map[string]string{}
	for _, k := range links {
		if byKey[k] {
			continue
		}
		m := reTrailNum.FindStringSubmatch(k)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		if n < 1 || n > len(refs) {
			continue
		}
		switch {
		case refs[n-1].Key == "":
			refs[n-1].Key = k
			byKey[k] = true
		case strings.HasSuffix(k, refs[n-1].Key) || trailNumber(refs[n-1].Key) == n:
			alias[k] = refs[n-1].Key
		}
	}
	// Paragraphs with citations, with the headings above them.
	var paras []prose.Paragraph
	var heads []head
	doc.Find("h2, h3, h4, h5, p, figcaption, li").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		switch n.Data {
		case "h2", "h3", "h4", "h5":
			if inChrome(n) {
				return
			}
			level := int(n.Data[1] - '0')
			for len(heads) > 0 && heads[len(heads)-1].level >= level {
				heads = heads[:len(heads)-1]
			}
			if t := graph.CleanText(s.Text()); t != "" {
				heads = append(heads, head{level, t})
			}
			return
		}
		for _, e := range entryNodes {
			if contains(e, n) {
				return // the reference list itself
			}
		}
		if inChrome(n) {
			return
		}
		if n.Data == "li" && s.Find("p").Length() > 0 {
			return // its paragraphs are read
		}
		if !hasLink(n, links) || insideParagraph(n) {
			return
		}
		var b prose.Builder
		walk(n, &b, links, alias)
		paras = append(paras, b.Take(path(heads)))
	})
	return refs, paras
}

type head struct {
	level int
	title string
}

func path(heads []head) string {
	var parts []string
	for _, h := range heads {
		parts = append(parts, h.title)
	}
	return strings.Join(parts, " > ")
}

// inChrome reports whether n stands in the page's chrome rather than the
// article: header, navigation, asides, footers, author pop-ups.
func inChrome(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.Data {
		case "nav", "aside":
			return true
		case "header", "footer":
			// The page's header, not a section's.
			if !within(p, "article", "section", "main") {
				return true
			}
		}
		if reChrome.MatchString(attrOf(p, "class")) {
			return true
		}
	}
	return false
}

var reChrome = regexp.MustCompile(`(?i)\b(?:popup|tooltip|tab-content|tab-group|author-list|authors-list|c-article-author|affiliation|c-header|site-header|breadcrumb)`)

func within(n *html.Node, names ...string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode {
			for _, name := range names {
				if p.Data == name {
					return true
				}
			}
		}
	}
	return false
}

func trailNumber(s string) int {
	if m := reTrailNum.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return n
	}
	return 0
}

func contains(a, b *html.Node) bool {
	for n := b; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func hasLink(n *html.Node, links map[*html.Node]string) bool {
	if _, ok := links[n]; ok {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c, links) {
			return true
		}
	}
	return false
}

// insideParagraph reports whether n stands inside a paragraph, caption or
// list item that is read on its own.
func insideParagraph(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "p" || p.Data == "figcaption") {
			return true
		}
	}
	return false
}

// walk writes the text of n into b, opening an anchor for each citation
// link.
func walk(n *html.Node, b *prose.Builder, links map[*html.Node]string, alias map[string]string) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template", "svg", "button":
			return
		case "br":
			b.Space()
			return
		}
		if k, ok := links[n]; ok {
			if a, ok := alias[k]; ok {
				k = a
			}
			b.StartAnchor([]string{k})
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, b, links, alias)
			}
			b.EndAnchor()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, b, links, alias)
	}
}

// linkNoise are the texts of the links a reference list entry carries
// besides the reference: "Google Scholar", "PubMed", "CrossRef" …
var linkNoise = map[string]bool{
	"google scholar": true, "pubmed": true, "crossref": true, "article": true, "cas": true, "ads": true,
	"mathscinet": true, "pubmed central": true, "pmc free article": true, "view article": true, "scopus": true,
	"web of science": true, "isi": true, "free full text": true, "full text": true, "doi": true,
	"see in references": true, "europe pmc": true, "[doi]": true, "[pubmed]": true, "[google scholar]": true,
	"[pmc free article]": true, "view": true, "download": true, "math": true, "publisher site": true,
}

// pageReference reads one entry of a page's reference list: its raw text
// without the links to indexes, its DOI, PMID and PMCID from links, the
// fields of a Google Scholar lookup link when there is one, and its id as
// Key.
func pageReference(e *goquery.Selection) graph.Reference {
	id, _ := e.Attr("id")
	ref := graph.Reference{Key: id}
	// The entry may be a <p> whose links stand in the next sibling (Nature).
	scope := e
	if e.Nodes[0].Data == "p" {
		scope = e.Parent()
	}
	ids := map[string]string{}
	scope.Find("a[href], [data-doi]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if d, ok := a.Attr("data-doi"); ok && ref.DOI == "" {
			ref.DOI, _ = graph.NormalizeDOI(d)
		}
		switch {
		case strings.Contains(href, "doi.org/10."):
			if u, err := url.PathUnescape(href); err == nil {
				href = u
			}
			if d, err := graph.NormalizeDOI(href); err == nil && ref.DOI == "" {
				ref.DOI = d
			}
		case strings.Contains(href, "pubmed.ncbi.nlm.nih.gov/") || strings.Contains(href, "/pubmed/"):
			if m := rePubMedLink.FindStringSubmatch(href); m != nil {
				ids[graph.IDPMID] = m[1]
			}
		case rePMCLink.MatchString(href):
			ids[graph.IDPMCID] = rePMC.FindString(href)
		case strings.Contains(href, "scholar_lookup"):
			if u, err := url.Parse(href); err == nil {
				q := u.Query()
				fill(&ref.Title, q.Get("title"))
				fill(&ref.Venue, q.Get("journal"))
				fill(&ref.Volume, q.Get("volume"))
				fill(&ref.Pages, q.Get("pages"))
				if y, err := strconv.Atoi(q.Get("publication_year")); err == nil && ref.Year == 0 {
					ref.Year = y
				}
				if len(ref.Authors) == 0 {
					for _, a := range q["author"] {
						ref.Authors = append(ref.Authors, graph.ParseName(a))
					}
				}
			}
		}
	})
	for k, v := range ids {
		if n, err := graph.NormalizeID(k, v); err == nil {
			if ref.Identifiers == nil {
				ref.Identifiers = map[string]string{}
			}
			ref.Identifiers[k] = n
		}
	}
	// The raw text: the entry without its index links and ordinal.
	var b strings.Builder
	var text func(n *html.Node)
	text = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "button", "svg":
				return
			case "a":
				if t := strings.ToLower(graph.CleanText(nodeText(n))); linkNoise[t] || linkNoise[strings.Trim(t, "[] ")] {
					return
				}
			}
			if cls := attrOf(n, "class"); strings.Contains(cls, "ordinal") || strings.Contains(cls, "label") && n.Data == "span" ||
				strings.Contains(cls, "reference__abstracts") || strings.Contains(cls, "__links") {
				return
			}
			b.WriteByte(' ')
			defer b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(e.Nodes[0])
	raw := graph.CleanText(b.String())
	raw = reSpacePunct.ReplaceAllString(raw, "$1")
	raw = strings.TrimSpace(strings.Trim(raw, "[] "))
	ref.Raw = raw
	if ref.DOI == "" {
		if m := find.DOI(raw, find.InHTML); m != "" {
			ref.DOI, _ = graph.NormalizeDOI(strings.TrimRight(m, ".,;"))
		}
	}
	if ref.Year == 0 {
		if m := find.Year(raw); m != 0 {
			ref.Year = m
		}
	}
	if ref.Title == "" {
		if t := e.Find(".reference__title, .c-article-references__title, .citation-title, .article-title").First(); t.Length() > 0 {
			ref.Title = graph.CleanText(t.Text())
		}
	}
	if len(ref.Authors) == 0 {
		e.Find(".reference__author, .citation-author, .name").Each(func(_ int, a *goquery.Selection) {
			if au := initialsLast(graph.CleanText(a.Text())); au.Family != "" {
				ref.Authors = append(ref.Authors, au)
			}
		})
	}
	return ref
}

// initialsLast reads "M Adler" (eLife) or "Adler M" as a name.
func initialsLast(s string) graph.Author {
	f := strings.Fields(s)
	if len(f) < 2 {
		return graph.Author{Family: s}
	}
	if names.IsInitials(f[0]) {
		return graph.Author{Family: strings.Join(f[1:], " "), Given: f[0]}
	}
	if names.IsInitials(f[len(f)-1]) {
		return graph.Author{Family: strings.Join(f[:len(f)-1], " "), Given: f[len(f)-1]}
	}
	return graph.ParseName(s)
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
