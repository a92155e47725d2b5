package openalex

import (
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// work is an OpenAlex work object (the fields citegraph reads), as the API
// and the snapshot write it, including the older host_venue form.
type work struct {
	ID              string          `json:"id"`
	DOI             string          `json:"doi"`
	Title           string          `json:"title"`
	DisplayName     string          `json:"display_name"`
	PublicationYear jsonstream.Num  `json:"publication_year"`
	PublicationDate string          `json:"publication_date"`
	IDs             ids             `json:"ids"`
	Language        string          `json:"language"`
	PrimaryLocation *location       `json:"primary_location"`
	HostVenue       *hostVenue      `json:"host_venue"`
	Type            string          `json:"type"`
	TypeCrossref    string          `json:"type_crossref"`
	Authorships     []authorship    `json:"authorships"`
	Biblio          biblio          `json:"biblio"`
	CitedByCount    *jsonstream.Num `json:"cited_by_count"`
	Keywords        []keyword       `json:"keywords"`
	ReferencedWorks jsonstream.Strs `json:"referenced_works"`
	AbstractIndex   invertedIndex   `json:"abstract_inverted_index"`
	IsRetracted     jsonstream.Str  `json:"is_retracted"`
}

type ids struct {
	OpenAlex jsonstream.Str `json:"openalex"`
	DOI      jsonstream.Str `json:"doi"`
	MAG      jsonstream.Str `json:"mag"`
	PMID     jsonstream.Str `json:"pmid"`
	PMCID    jsonstream.Str `json:"pmcid"`
}

type location struct {
	LandingPageURL string  `json:"landing_page_url"`
	Source         *source `json:"source"`
}

type source struct {
	DisplayName          string `json:"display_name"`
	ISSNL                string `json:"issn_l"`
	HostOrganizationName string `json:"host_organization_name"`
}

type hostVenue struct {
	DisplayName string `json:"display_name"`
	Publisher   string `json:"publisher"`
	ISSNL       string `json:"issn_l"`
	URL         string `json:"url"`
}

type authorship struct {
	Author struct {
		DisplayName string `json:"display_name"`
		ORCID       string `json:"orcid"`
	} `json:"author"`
	RawAuthorName string `json:"raw_author_name"`
}

type biblio struct {
	Volume    jsonstream.Str `json:"volume"`
	Issue     jsonstream.Str `json:"issue"`
	FirstPage jsonstream.Str `json:"first_page"`
	LastPage  jsonstream.Str `json:"last_page"`
}

// keyword is an entry of "keywords": {display_name, score} now,
// {keyword, score} in older answers.
type keyword struct {
	DisplayName string `json:"display_name"`
	Keyword     string `json:"keyword"`
}

// invertedIndex is an abstract as OpenAlex ships it: each word with the
// positions it stands at.
type invertedIndex map[string][]int

// text puts the words back in order, separated by single spaces.
// Positions nobody claims are skipped; a position two words claim keeps
// the word that sorts first, so the result does not depend on map order.
func (ix invertedIndex) text() string {
	if len(ix) == 0 {
		return ""
	}
	type wp struct {
		pos  int
		word string
	}
	var all []wp
	for w, ps := range ix {
		for _, p := range ps {
			if p >= 0 {
				all = append(all, wp{p, w})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].pos != all[j].pos {
			return all[i].pos < all[j].pos
		}
		return all[i].word < all[j].word
	})
	var b strings.Builder
	last := -1
	for _, x := range all {
		if x.pos == last {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.word)
		last = x.pos
	}
	return graph.CleanText(b.String())
}

// isWork reports whether an OpenAlex ID ("https://openalex.org/W…" or
// "W…") names a work.
func isWorkID(id string) bool {
	id = strings.TrimPrefix(strings.TrimPrefix(id, "https://openalex.org/"), "http://openalex.org/")
	return len(id) > 1 && (id[0] == 'W' || id[0] == 'w') && id[1] >= '0' && id[1] <= '9'
}

// record turns the work into a record; line is where it starts.
func (w *work) record(line int) graph.Record {
	r := graph.Record{
		DOI:      w.DOI,
		Title:    jsonstream.StripMarkup(w.Title),
		Year:     int(w.PublicationYear),
		Date:     isoDate(w.PublicationDate),
		Abstract: w.AbstractIndex.text(),
		Language: w.Language,
		Type:     cslType(w.TypeCrossref, w.Type),
		Volume:   string(w.Biblio.Volume),
		Issue:    string(w.Biblio.Issue),
		Pages:    pages(string(w.Biblio.FirstPage), string(w.Biblio.LastPage)),
		Source:   graph.Source{Line: line},
	}
	if r.Title == "" {
		r.Title = jsonstream.StripMarkup(w.DisplayName)
	}
	if r.DOI == "" {
		r.DOI = string(w.IDs.DOI)
	}
	if r.Date != "" && r.Year == 0 {
		r.Year, _ = strconv.Atoi(r.Date[:4])
	}
	issn := ""
	if l := w.PrimaryLocation; l != nil {
		r.URL = l.LandingPageURL
		if s := l.Source; s != nil {
			r.Venue, r.Publisher, issn = s.DisplayName, s.HostOrganizationName, s.ISSNL
		}
	}
	if v := w.HostVenue; v != nil && r.Venue == "" {
		r.Venue, r.Publisher, issn = v.DisplayName, v.Publisher, v.ISSNL
		if r.URL == "" {
			r.URL = v.URL
		}
	}
	r.Retracted = w.IsRetracted == "true"
	if w.CitedByCount != nil {
		n := int(*w.CitedByCount)
		r.CitedByCount = &n
	}
	idm := map[string]string{}
	put := func(scheme, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		if n, err := graph.NormalizeID(scheme, v); err == nil {
			idm[scheme] = n
		}
	}
	put(graph.IDOpenAlex, w.ID)
	if _, ok := idm[graph.IDOpenAlex]; !ok {
		put(graph.IDOpenAlex, string(w.IDs.OpenAlex))
	}
	put(graph.IDMAG, string(w.IDs.MAG))
	put(graph.IDPMID, lastPathPart(string(w.IDs.PMID)))
	put(graph.IDPMCID, lastPathPart(string(w.IDs.PMCID)))
	put(graph.IDISSN, issn)
	if len(idm) > 0 {
		r.Identifiers = idm
	}
	orcids := make([]string, 0, len(w.Authorships))
	for _, a := range w.Authorships {
		name := a.Author.DisplayName
		if strings.TrimSpace(name) == "" {
			name = a.RawAuthorName
		}
		au := graph.ParseName(name)
		if au.Family == "" {
			continue
		}
		r.Authors = append(r.Authors, au)
		orcids = append(orcids, stdnum.ORCID(a.Author.ORCID))
	}
	r.AuthorORCIDs = ident.ORCIDs(orcids)
	for _, k := range w.Keywords {
		t := strings.TrimSpace(k.DisplayName)
		if t == "" {
			t = strings.TrimSpace(k.Keyword)
		}
		if t != "" {
			r.Keywords = append(r.Keywords, t)
		}
	}
	r.References = make([]graph.Reference, 0, len(w.ReferencedWorks))
	for _, id := range w.ReferencedWorks {
		if n, err := graph.NormalizeID(graph.IDOpenAlex, id); err == nil {
			r.References = append(r.References, graph.Reference{Identifiers: map[string]string{graph.IDOpenAlex: n}})
		}
	}
	return r
}

// lastPathPart returns what follows the last "/" of a URL
// ("https://pubmed.ncbi.nlm.nih.gov/29456894" → "29456894").
func lastPathPart(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// isoDate returns an ISO 8601 date ("2018-02-13", "2018-02", "2018") or
// "" when s is not one.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	for _, n := range []int{10, 7, 4} {
		if len(s) == n && validDate(s) {
			return s
		}
	}
	return ""
}

func validDate(s string) bool {
	for i, c := range s {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func pages(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if last == "" || last == first {
		return first
	}
	if first == "" {
		return last
	}
	return first + "-" + last
}

// openalexTypes maps OpenAlex's own work types to CSL's.
var openalexTypes = map[string]string{
	"article": "article-journal", "book-chapter": "chapter", "book": "book", "dataset": "dataset",
	"dissertation": "thesis", "preprint": "preprint", "report": "report", "review": "article-journal",
	"letter": "article-journal", "editorial": "article-journal", "erratum": "article-journal",
	"retraction": "article-journal", "reference-entry": "entry", "peer-review": "review",
	"standard": "standard", "paratext": "document", "other": "document",
	"supplementary-materials": "document", "libguides": "webpage",
}

// cslType returns the CSL type of a work: from Crossref's type when
// OpenAlex gives it (it tells conference papers from journal articles),
// else from OpenAlex's own type. type_crossref is read by
// crossref.CSLType, as Crossref's own type is.
func cslType(crossrefType, openalexType string) string {
	if t := crossref.CSLType(crossrefType); t != "" {
		return t
	}
	return openalexTypes[openalexType]
}
