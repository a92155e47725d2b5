package jats

import (
	"encoding/xml"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/xmlread"
)

// plain returns the text of the subtree, collapsed.
func plain(n *xmlread.Node) string {
	var b strings.Builder
	write(n, &b, false)
	return xmlread.Clean(b.String())
}

// spaced returns the text of the subtree with a space at every element
// boundary, as a reference printed from its fields reads.
func spaced(n *xmlread.Node) string {
	var b strings.Builder
	write(n, &b, true)
	s := xmlread.Clean(b.String())
	return reSpaceBeforePunct.ReplaceAllString(s, "$1")
}

var reSpaceBeforePunct = regexp.MustCompile(`\s+([,.;:)\]])`)

func write(n *xmlread.Node, b *strings.Builder, spaced bool) {
	if n.Name == "" {
		b.WriteString(n.Text)
		return
	}
	if noText[n.Name] {
		return
	}
	if spaced {
		b.WriteByte(' ')
	}
	inner := spaced || n.Name == "name" || n.Name == "string-name" && onlyElements(n)
	for _, k := range n.Kids {
		write(k, b, inner)
	}
	if spaced {
		b.WriteByte(' ')
	}
}

// refList reads a <ref-list> (nested ones too) into a.refs.
func (a *article) refList() error {
	return a.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "ref":
			n, err := a.x.Tree(t)
			if err != nil {
				return err
			}
			ref, label := readRef(n)
			a.refs = append(a.refs, ref)
			a.labels = append(a.labels, label)
			return nil
		case "ref-list":
			return a.refList()
		}
		return a.x.Skip()
	})
}

var citationElements = map[string]bool{"element-citation": true, "mixed-citation": true, "citation": true, "nlm-citation": true}

// readRef reads one <ref>: its first citation (of several alternatives),
// its key (the ref's id) and its printed label.
func readRef(n *xmlread.Node) (graph.Reference, string) {
	var label string
	var cit *xmlread.Node
	var walk func(*xmlread.Node)
	walk = func(n *xmlread.Node) {
		for _, k := range n.Kids {
			switch {
			case k.Name == "label" && label == "":
				label = plain(k)
			case citationElements[k.Name] && cit == nil:
				cit = k
			case k.Name == "citation-alternatives":
				walk(k)
			}
		}
	}
	walk(n)
	ref := graph.Reference{Key: n.Get("id")}
	if cit == nil {
		ref.Raw = plain(n)
		return ref, label
	}
	readCitation(cit, &ref)
	return ref, label
}

var ()

func readCitation(c *xmlread.Node, ref *graph.Reference) {
	ids := map[string]string{}
	var title, chapter, source, year, fpage, lpage, eloc, pageRange, citeString, scholar string
	var walk func(n *xmlread.Node, editors bool)
	walk = func(n *xmlread.Node, editors bool) {
		for _, k := range n.Kids {
			if k.Name == "" {
				continue
			}
			switch k.Name {
			case "person-group":
				typ := k.Get("person-group-type")
				walk(k, typ != "" && typ != "author" && typ != "inventor" && typ != "assignee")
			case "name", "string-name":
				if !editors {
					if au := nodeName(k); au.Family != "" {
						ref.Authors = append(ref.Authors, au)
					}
				}
			case "collab":
				if !editors {
					if s := plain(k); s != "" {
						ref.Authors = append(ref.Authors, graph.Author{Family: s})
					}
				}
			case "article-title":
				if title == "" {
					title = plain(k)
				}
			case "chapter-title":
				chapter = plain(k)
			case "source":
				if source == "" {
					source = plain(k)
				}
			case "year":
				if year == "" {
					year = plain(k)
				}
			case "volume":
				ref.Volume = plain(k)
			case "issue":
				ref.Issue = plain(k)
			case "fpage":
				fpage = plain(k)
			case "lpage":
				lpage = plain(k)
			case "elocation-id":
				eloc = plain(k)
			case "page-range":
				pageRange = plain(k)
			case "pub-id":
				setRefID(ids, k.Get("pub-id-type"), plain(k))
			case "ext-link", "uri":
				href := k.Get("href")
				typ := strings.ToLower(k.Get("ext-link-type"))
				switch typ {
				case "google-scholar":
					scholar = href
				case "doi", "pmid", "pmcid", "pmc":
					v := href
					if v == "" {
						v = plain(k)
					}
					setRefID(ids, typ, v)
				default:
					for _, v := range []string{href, plain(k)} {
						if strings.Contains(v, "doi.org/10.") || strings.HasPrefix(v, "10.") {
							setRefID(ids, "doi", v)
						}
					}
				}
			case "comment":
				if m := find.DOI(plain(k), find.InHTML); m != "" && strings.Contains(strings.ToLower(plain(k)), "doi") {
					setRefID(ids, "doi", m)
				}
				walk(k, editors)
			case "named-content":
				if k.Get("content-type") == "citation-string" {
					citeString = plain(k)
				} else {
					walk(k, editors)
				}
			default:
				walk(k, editors)
			}
		}
	}
	walk(c, false)

	if citeString != "" {
		ref.Raw = citeString
	} else if c.Name == "mixed-citation" {
		ref.Raw = reSpaceBeforePunct.ReplaceAllString(plain(c), "$1")
		if !strings.Contains(ref.Raw, " ") || len(c.Kids) > 0 && onlyElements(c) {
			ref.Raw = spaced(c)
		}
	} else {
		ref.Raw = spaced(c)
	}
	if scholar != "" {
		fromScholar(scholar, ref, ids, &title, &source, &year, &pageRange)
	}
	typ := c.Get("publication-type")
	if typ == "" {
		typ = c.Get("citation-type")
	}
	switch strings.ToLower(typ) {
	case "journal":
		ref.Type = "article-journal"
	case "book":
		ref.Type = "book"
		if chapter != "" {
			ref.Type = "chapter"
		}
	case "confproc", "conference", "proceedings", "conf-proc":
		ref.Type = "paper-conference"
	case "thesis":
		ref.Type = "thesis"
	case "report", "gov", "standard":
		ref.Type = "report"
	case "web", "webpage", "website", "weblink":
		ref.Type = "webpage"
	case "patent":
		ref.Type = "patent"
	case "data", "dataset":
		ref.Type = "dataset"
	case "preprint":
		ref.Type = "article"
	}
	switch {
	case title != "":
		ref.Title = title
		ref.Venue = source
	case chapter != "":
		ref.Title = chapter
		ref.Venue = source
	default:
		// A book, report or web page: its source is its title.
		ref.Title = source
	}
	if y := find.CitedYear(year); y != 0 {
		ref.Year = y
	} else if y := find.CitedYear(ref.Raw); y != 0 {
		ref.Year = y
	}
	switch {
	case fpage != "" && lpage != "":
		ref.Pages = fpage + "-" + lpage
	case fpage != "":
		ref.Pages = fpage
	case pageRange != "":
		ref.Pages = pageRange
	case eloc != "":
		ref.Pages = eloc
	}
	if len(ref.Authors) == 0 && citeString != "" {
		ref.Authors = leadAuthor(citeString)
	}
	if d, ok := ids["doi"]; ok {
		ref.DOI = d
		delete(ids, "doi")
	}
	if len(ids) > 0 {
		ref.Identifiers = ids
	}
}

func onlyElements(n *xmlread.Node) bool {
	for _, k := range n.Kids {
		if k.Name == "" && strings.TrimSpace(k.Text) != "" {
			return false
		}
	}
	return true
}

func setRefID(ids map[string]string, typ, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	var scheme string
	switch strings.ToLower(typ) {
	case "doi":
		scheme = "doi"
		if d, err := graph.NormalizeDOI(v); err == nil {
			v = d
		} else {
			return
		}
	case "pmid":
		scheme = graph.IDPMID
	case "pmcid", "pmc":
		scheme = graph.IDPMCID
	case "arxiv":
		scheme = graph.IDArXiv
	case "isbn":
		scheme = graph.IDISBN
	default:
		return
	}
	if scheme != "doi" {
		n, err := graph.NormalizeID(scheme, v)
		if err != nil {
			return
		}
		v = n
	}
	if _, ok := ids[scheme]; !ok {
		ids[scheme] = v
	}
}

// nodeName reads a <name> or <string-name> node.
func nodeName(n *xmlread.Node) graph.Author {
	var au graph.Author
	if s := n.Find("surname"); s != nil {
		au.Family = plain(s)
	}
	if g := n.Find("given-names"); g != nil {
		au.Given = plain(g)
	}
	if au.Family == "" {
		return looseName(plain(n))
	}
	return au
}

// scholarKeys are the fields of the Google Scholar query Europe PMC links
// each reference to; a value may itself hold "&" ("Philosophy & Social
// Criticism"), so the query is split only before a known key.
var reScholarKey = regexp.MustCompile(`&(journal|title|author|volume|issue|publication_year|pages|pmid|doi|isbn|publisher|edition|editor|series|chapter)=`)

// fromScholar fills what a reference lacks from the Google Scholar query
// string Europe PMC renders its citations with: "journal=…&title=…&
// author=R. E. Dahl&…&publication_year=2018&pages=441-450".
func fromScholar(q string, ref *graph.Reference, ids map[string]string, title, source, year, pages *string) {
	q = "&" + q
	locs := reScholarKey.FindAllStringSubmatchIndex(q, -1)
	var authors []graph.Author
	for i, l := range locs {
		end := len(q)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key := q[l[2]:l[3]]
		val := strings.TrimSpace(strings.TrimSuffix(q[l[1]:end], "&"))
		if val == "" {
			continue
		}
		switch key {
		case "journal":
			if *source == "" {
				*source = val
			}
		case "title":
			if *title == "" {
				*title = val
			}
		case "author":
			authors = append(authors, givenFirst(val))
		case "volume":
			if ref.Volume == "" {
				ref.Volume = val
			}
		case "issue":
			if ref.Issue == "" {
				ref.Issue = val
			}
		case "publication_year":
			if *year == "" {
				*year = val
			}
		case "pages":
			if *pages == "" {
				*pages = val
			}
		case "pmid", "doi":
			setRefID(ids, key, val)
		case "isbn":
			setRefID(ids, "isbn", val)
		}
	}
	if len(ref.Authors) == 0 {
		ref.Authors = authors
	}
}

var reLeadAuthor = regexp.MustCompile(`^\s*([\p{Lu}][\p{L}'’‐\- ]+?),\s*((?:\p{Lu}\.\s*)+)`)

// leadAuthor reads the first author of a citation string "Al‐Chami, M. H.
// 2025. …" when nothing else gives the authors.
func leadAuthor(s string) []graph.Author {
	if m := reLeadAuthor.FindStringSubmatch(s); m != nil {
		return []graph.Author{{Family: strings.TrimSpace(m[1]), Given: strings.TrimSpace(m[2])}}
	}
	return nil
}
