package opencitations

import (
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// meta is one work of an answer of the Index API's metadata operation
// (COCI v1 /metadata/{dois}), or of OpenCitations Meta's (/meta/api/v1/
// metadata/{ids}: "id" a list of identifiers, "pub_date", "venue",
// "type", "publisher", "editor", names and venues followed by their
// identifiers in brackets).
type meta struct {
	DOI           jsonstream.Str `json:"doi"`
	ID            jsonstream.Str `json:"id"`
	PubDate       jsonstream.Str `json:"pub_date"`
	Venue         jsonstream.Str `json:"venue"`
	Type          jsonstream.Str `json:"type"`
	Publisher     jsonstream.Str `json:"publisher"`
	Title         jsonstream.Str `json:"title"`
	Author        jsonstream.Str `json:"author"`
	SourceTitle   jsonstream.Str `json:"source_title"`
	SourceID      jsonstream.Str `json:"source_id"`
	Volume        jsonstream.Str `json:"volume"`
	Issue         jsonstream.Str `json:"issue"`
	Page          jsonstream.Str `json:"page"`
	Year          jsonstream.Str `json:"year"`
	Reference     jsonstream.Str `json:"reference"`
	Citation      jsonstream.Str `json:"citation"`
	CitationCount jsonstream.Str `json:"citation_count"`
	OALink        jsonstream.Str `json:"oa_link"`
}

// isMetadata reports whether the first object of an array answer has the
// keys of the metadata operation: "doi" with "source_title" or
// "citation_count" (the Index API), or "id" with "pub_date" and "venue"
// (OpenCitations Meta); and no "citing".
func isMetadata(first map[string]json.Token) bool {
	_, doi := first["doi"]
	_, src := first["source_title"]
	_, count := first["citation_count"]
	_, citing := first["citing"]
	_, id := first["id"]
	_, pub := first["pub_date"]
	_, venue := first["venue"]
	return (doi && (src || count) || id && pub && venue) && !citing
}

// reBracketed is the identifier list OpenCitations Meta writes after a
// name, a venue or a publisher: " [orcid:… omid:ra/…]".
var reBracketed = regexp.MustCompile(`\s*\[[^\[\]]*\]`)

// metaTypes maps OpenCitations Meta's work types to CSL's.
var metaTypes = map[string]string{
	"journal article": "article-journal", "book": "book", "book chapter": "chapter", "book part": "chapter",
	"book section": "chapter", "proceedings article": "paper-conference", "proceedings": "book",
	"dissertation": "thesis", "report": "report", "dataset": "dataset", "posted content": "article",
	"reference entry": "entry", "monograph": "book", "edited book": "book", "reference book": "book",
	"standard": "standard", "journal": "periodical", "journal issue": "periodical", "journal volume": "periodical",
	"web content": "webpage", "computer program": "software", "peer review": "review",
}

// decodeMetadata reads a metadata answer: one record per work, with its
// references ("; "-separated DOIs in "reference") and the count of works
// citing it; then, as the answer of the citations operation gives them, a
// record per work citing it ("citation", "; "-separated DOIs): the citing
// work's identifiers and one reference, to this work. graph.Build merges
// those records by DOI with the citing works' own.
func decodeMetadata(a *jsonstream.Answer) error {
	err := a.Array(func() error {
		var m meta
		line, _, err := a.Value(&m)
		if err != nil {
			return err
		}
		rec, ok := m.record(line)
		if !ok {
			a.Errs.Add(&SyntaxError{Line: line, Col: 1, Err: errors.New("work without a DOI or other identifier")})
			return nil
		}
		if err := a.Emit(rec); err != nil {
			return err
		}
		for _, c := range m.citing(rec, line) {
			if err := a.Emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	return a.Finish(err)
}

var (
	reMetaORCID = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dX]`)
	reISSNIn    = regexp.MustCompile(`issn:\d{4}-\d{3}[\dXx]`)
)

func (m meta) record(line int) (graph.Record, bool) {
	doi, ids := parseIDs(string(m.DOI))
	if doi == "" && strings.TrimSpace(string(m.DOI)) == "" {
		doi, ids = parseIDs(string(m.ID)) // OpenCitations Meta
		for tok := range strings.FieldsSeq(string(m.ID)) {
			if v, ok := strings.CutPrefix(tok, "isbn:"); ok {
				if n, err := graph.NormalizeID(graph.IDISBN, v); err == nil && ids[graph.IDISBN] == "" {
					if ids == nil {
						ids = map[string]string{}
					}
					ids[graph.IDISBN] = n
				}
			}
		}
	}
	if doi == "" && len(ids) == 0 {
		return graph.Record{}, false
	}
	r := graph.Record{DOI: doi, Identifiers: ids, Source: graph.Source{Line: line}}
	r.Title = strings.TrimSpace(string(m.Title))
	r.Venue = strings.TrimSpace(string(m.SourceTitle))
	if r.Venue == "" && m.Venue != "" {
		// "Scientometrics [issn:0138-9130 issn:1588-2861 omid:br/…]"
		for _, id := range strings.Fields(reISSNIn.FindString(string(m.Venue))) {
			m.SourceID += jsonstream.Str("; " + id)
		}
		r.Venue = strings.TrimSpace(reBracketed.ReplaceAllString(string(m.Venue), ""))
	}
	r.Publisher = strings.TrimSpace(reBracketed.ReplaceAllString(string(m.Publisher), ""))
	if t := metaTypes[strings.ToLower(strings.TrimSpace(string(m.Type)))]; t != "" {
		r.Type = t
	}
	if m.Year == "" {
		m.Year = m.PubDate
	}
	r.Volume = strings.TrimSpace(string(m.Volume))
	r.Issue = strings.TrimSpace(string(m.Issue))
	r.Pages = strings.TrimSpace(string(m.Page))
	r.URL = strings.TrimSpace(string(m.OALink))
	if d, _, ok := parseDate(string(m.Year)); ok {
		r.Year, r.Date = d.y, d.String()
	}
	for s := range strings.SplitSeq(string(m.SourceID), ";") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(s), "issn:"); ok {
			if n, err := graph.NormalizeID(graph.IDISSN, v); err == nil {
				if r.Identifiers == nil {
					r.Identifiers = map[string]string{}
				}
				if r.Identifiers[graph.IDISSN] == "" {
					r.Identifiers[graph.IDISSN] = n
				}
			}
		}
	}
	r.Authors, r.AuthorORCIDs = metaAuthors(string(m.Author))
	// "; " separates the DOIs; a SICI DOI holds a bare ";" ("…3.0.co;2-u").
	for s := range strings.SplitSeq(string(m.Reference), "; ") {
		if d, ids := parseIDs(strings.TrimSpace(s)); d != "" || len(ids) > 0 {
			r.References = append(r.References, graph.Reference{DOI: d, Identifiers: ids})
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(string(m.CitationCount))); err == nil && n >= 0 {
		r.CitedByCount = &n
	}
	return r, true
}

// citing returns a record per work of m's "citation" list: the citing
// work, whose one reference is rec.
func (m meta) citing(rec graph.Record, line int) []graph.Record {
	var out []graph.Record
	for s := range strings.SplitSeq(string(m.Citation), "; ") {
		doi, ids := parseIDs(strings.TrimSpace(s))
		if doi == "" && len(ids) == 0 {
			continue
		}
		ref := graph.Reference{DOI: rec.DOI}
		out = append(out, graph.Record{DOI: doi, Identifiers: ids, References: []graph.Reference{ref}, Source: graph.Source{Line: line}})
	}
	return out
}

// metaAuthors reads "Peroni, Silvio, 0000-0003-0530-4305; Gray, Tanya"
// (v1) and "Voogt, Joke [orcid:0000-0001-5035-9263]" (later answers):
// family, given, and an ORCID iD when there is one.
func metaAuthors(s string) ([]graph.Author, []string) {
	var authors []graph.Author
	var orcids []string
	found := false
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		orcid := reMetaORCID.FindString(part)
		if orcid != "" {
			found = true
			part = strings.TrimSpace(part[:strings.Index(part, orcid)])
			part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(part, "[orcid:"), ","))
		}
		a := graph.ParseName(reBracketed.ReplaceAllString(part, ""))
		if a.Family == "" {
			continue
		}
		authors = append(authors, a)
		orcids = append(orcids, orcid)
	}
	if !found {
		orcids = nil
	}
	return authors, orcids
}
