package semanticscholar

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/graph"
	cgintent "github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/prose"
)

// paper is a Semantic Scholar Graph API paper object (the fields citegraph
// reads). Which fields are present depends on the request's "fields".
type paper struct {
	PaperID          string                    `json:"paperId"`
	ExternalIDs      map[string]jsonstream.Str `json:"externalIds"`
	CorpusID         jsonstream.Str            `json:"corpusId"`
	URL              string                    `json:"url"`
	Title            string                    `json:"title"`
	Abstract         string                    `json:"abstract"`
	Venue            string                    `json:"venue"`
	PublicationVenue *struct {
		Name string `json:"name"`
		ISSN string `json:"issn"`
	} `json:"publicationVenue"`
	Year             jsonstream.Num  `json:"year"`
	PublicationDate  string          `json:"publicationDate"`
	PublicationTypes jsonstream.Strs `json:"publicationTypes"`
	Journal          *struct {
		Name   string         `json:"name"`
		Volume jsonstream.Str `json:"volume"`
		Pages  jsonstream.Str `json:"pages"`
	} `json:"journal"`
	Authors []struct {
		Name string `json:"name"`
	} `json:"authors"`
	CitationCount *jsonstream.Num `json:"citationCount"`
	Citations     []paper         `json:"citations"`
	References    []paper         `json:"references"`
}

// empty reports whether the object names no paper at all.
func (p *paper) empty() bool {
	return p.PaperID == "" && strings.TrimSpace(p.Title) == "" && len(p.ExternalIDs) == 0
}

// extIDs maps the keys of externalIds to identifier schemes.
var extIDs = map[string]string{
	"CorpusId":      graph.IDCorpusID,
	"MAG":           graph.IDMAG,
	"ArXiv":         graph.IDArXiv,
	"PubMed":        graph.IDPMID,
	"PubMedCentral": graph.IDPMCID,
}

func (p *paper) ids() map[string]string {
	m := map[string]string{}
	put := func(scheme, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		if n, err := graph.NormalizeID(scheme, v); err == nil {
			m[scheme] = n
		}
	}
	put(graph.IDS2, p.PaperID)
	put(graph.IDCorpusID, string(p.CorpusID))
	for k, scheme := range extIDs {
		if _, done := m[scheme]; !done {
			put(scheme, string(p.ExternalIDs[k]))
		}
	}
	if v := p.PublicationVenue; v != nil {
		put(graph.IDISSN, v.ISSN)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

func (p *paper) venue() (name, volume, pages string) {
	if j := p.Journal; j != nil {
		name, volume, pages = strings.TrimSpace(j.Name), string(j.Volume), string(j.Pages)
	}
	if name == "" {
		name = strings.TrimSpace(p.Venue)
	}
	if name == "" && p.PublicationVenue != nil {
		name = p.PublicationVenue.Name
	}
	return name, volume, pages
}

func (p *paper) authors() []graph.Author {
	var out []graph.Author
	for _, a := range p.Authors {
		if au := graph.ParseName(a.Name); au.Family != "" {
			out = append(out, au)
		}
	}
	return out
}

func (p *paper) year() int {
	if p.Year != 0 {
		return int(p.Year)
	}
	if len(p.PublicationDate) >= 4 {
		var y int
		if _, err := fmt.Sscanf(p.PublicationDate[:4], "%4d", &y); err == nil {
			return y
		}
	}
	return 0
}

// record returns the paper as a record; line is where it starts.
func (p *paper) record(line int) graph.Record {
	venue, volume, pages := p.venue()
	r := graph.Record{
		DOI:         string(p.ExternalIDs["DOI"]),
		Title:       p.Title,
		Year:        p.year(),
		Authors:     p.authors(),
		Venue:       venue,
		Volume:      volume,
		Pages:       pages,
		Abstract:    p.Abstract,
		URL:         p.URL,
		Type:        cslType(p.PublicationTypes),
		Date:        isoDate(p.PublicationDate),
		Identifiers: p.ids(),
		Source:      graph.Source{Line: line},
	}
	if p.CitationCount != nil {
		n := int(*p.CitationCount)
		r.CitedByCount = &n
	}
	r.References = make([]graph.Reference, 0, len(p.References))
	for i := range p.References {
		if !p.References[i].empty() {
			r.References = append(r.References, p.References[i].reference())
		}
	}
	return r
}

// reference returns the paper as a reference to it.
func (p *paper) reference() graph.Reference {
	venue, volume, pages := p.venue()
	return graph.Reference{
		DOI:         string(p.ExternalIDs["DOI"]),
		Title:       p.Title,
		Year:        p.year(),
		Authors:     p.authors(),
		Venue:       venue,
		Volume:      volume,
		Pages:       pages,
		Type:        cslType(p.PublicationTypes),
		Identifiers: p.ids(),
	}
}

// cslOrder lists Semantic Scholar's publication types by how much they
// say, with their CSL types: "Conference" tells an ICML paper, which S2
// also calls a JournalArticle, for what it is.
var cslOrder = []struct{ s2, csl string }{
	{"Conference", "paper-conference"},
	{"BookSection", "chapter"},
	{"Book", "book"},
	{"Dataset", "dataset"},
	{"JournalArticle", "article-journal"},
	{"Review", "article-journal"},
	{"MetaAnalysis", "article-journal"},
	{"CaseReport", "article-journal"},
	{"ClinicalTrial", "article-journal"},
	{"Study", "article-journal"},
	{"Editorial", "article-journal"},
	{"LettersAndComments", "article-journal"},
	{"News", "article-newspaper"},
}

func cslType(types jsonstream.Strs) string {
	for _, o := range cslOrder {
		for _, t := range types {
			if t == o.s2 {
				return o.csl
			}
		}
	}
	return ""
}

func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		for i, c := range s[:10] {
			if i != 4 && i != 7 && (c < '0' || c > '9') {
				return ""
			}
		}
		return s[:10]
	}
	return ""
}

// Intents of Semantic Scholar's citation contexts, as statements carry
// them.
const (
	IntentBackground  = "background"
	IntentMethodology = "methodology"
	IntentResult      = "result"
	// IntentInfluential is added to the intents of a citation Semantic
	// Scholar counts as highly influential (isInfluential).
	IntentInfluential = "influential"
)

// intent joins a context's intents as statements carry them: S2's intents
// in its order, lower case, without repeats, and "influential" last when
// the citation is influential; "" when there are none.
func intent(intents []string, influential bool) string {
	var out []string
	for _, in := range intents {
		in = strings.ToLower(strings.TrimSpace(in))
		if in == "" {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == in
		}
		if !dup {
			out = append(out, in)
		}
	}
	if influential {
		out = append(out, IntentInfluential)
	}
	return strings.Join(out, ",")
}

// citationContext is one citation context with its intents.
type citationContext struct {
	text   string
	intent string
}

// contexts pairs each context with its intents: from contextsWithIntent
// when the answer has it, else the citation's intents for every context.
func (it *item) contexts() []citationContext {
	var out []citationContext
	if len(it.ContextsWithIntent) > 0 {
		for _, c := range it.ContextsWithIntent {
			if t := graph.CleanText(c.Context); t != "" {
				out = append(out, citationContext{t, intent(c.Intents, it.IsInfluential)})
			}
		}
		return out
	}
	in := intent(it.Intents, it.IsInfluential)
	for _, c := range it.Contexts {
		if t := graph.CleanText(c); t != "" {
			out = append(out, citationContext{t, in})
		}
	}
	return out
}

// maxMentionText is the longest context searched for in-text citations:
// a context is a sentence or two, and prose.ParseMentions takes time that
// grows faster than the text on long runs of "Name (year)".
const maxMentionText = 2000

func mentions(text string) []graph.Mention {
	if len(text) > maxMentionText {
		return nil
	}
	return prose.ParseMentions(text)
}

func classified(intent string) string {
	if intent == "" {
		return ""
	}
	return "source"
}

// statements returns the contexts as statements pointing at reference
// refs (nil: at none).
func (it *item) statements(refs []int) []graph.Statement {
	var out []graph.Statement
	for _, c := range it.contexts() {
		out = append(out, graph.Statement{
			Text: c.text, Intent: c.intent, ClassifiedBy: classified(c.intent),
			Refs: refs, Mentions: mentions(c.text),
		})
	}
	return out
}

// citedBy returns the contexts as statements about the cited paper, made
// by citing (nil: a paper the answer does not name).
func (it *item) citedBy(citing *graph.Reference) []graph.CitingStatement {
	var out []graph.CitingStatement
	for _, c := range it.contexts() {
		var cr *graph.Reference
		if citing != nil {
			r := *citing
			cr = &r
		}
		out = append(out, graph.CitingStatement{
			Text: c.text, Intent: c.intent, ClassifiedBy: classified(c.intent),
			Mentions: mentions(c.text), Citing: cr,
		})
	}
	cgintent.AnnotateCiting(out)
	return out
}

// ErrBadPaperID means a Semantic Scholar paper ID names no paper citegraph
// can identify.
var ErrBadPaperID = errors.New("semanticscholar: not a paper ID")

// PaperRef returns a reference to the paper a Graph API paper ID names, as
// requests write it (percent-encoded or not): a 40-digit Semantic Scholar
// ID, "CorpusId:…", "DOI:…" or a bare DOI, "ARXIV:…", "MAG:…", "PMID:…",
// "PMCID:…". "ACL:…" and "URL:…" IDs name no identifier citegraph keeps and
// give ErrBadPaperID.
func PaperRef(id string) (graph.Reference, error) {
	if u, err := url.PathUnescape(id); err == nil {
		id = u
	}
	id = strings.TrimSpace(id)
	prefix, rest, ok := strings.Cut(id, ":")
	scheme := ""
	if ok {
		switch strings.ToUpper(prefix) {
		case "DOI":
			if d, err := graph.NormalizeDOI(rest); err == nil {
				return graph.Reference{DOI: d}, nil
			}
		case "CORPUSID":
			scheme = graph.IDCorpusID
		case "ARXIV":
			scheme = graph.IDArXiv
		case "MAG":
			scheme = graph.IDMAG
		case "PMID":
			scheme = graph.IDPMID
		case "PMCID":
			scheme = graph.IDPMCID
		}
	} else {
		if d, err := graph.NormalizeDOI(id); err == nil {
			return graph.Reference{DOI: d}, nil
		}
		scheme, rest = graph.IDS2, id
	}
	if scheme != "" {
		if n, err := graph.NormalizeID(scheme, rest); err == nil {
			if scheme == graph.IDCorpusID && !allDigits(n) {
				return graph.Reference{}, fmt.Errorf("%w: %q", ErrBadPaperID, id)
			}
			return graph.Reference{Identifiers: map[string]string{scheme: n}}, nil
		}
	}
	return graph.Reference{}, fmt.Errorf("%w: %q", ErrBadPaperID, id)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
