package opencitations

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// meta is one work of an answer of the Index API's metadata operation
// (COCI v1 /metadata/{dois}).
type meta struct {
	DOI           jsonstream.Str `json:"doi"`
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
// "citation_count", and no "citing".
func isMetadata(first map[string]json.Token) bool {
	_, doi := first["doi"]
	_, src := first["source_title"]
	_, count := first["citation_count"]
	_, citing := first["citing"]
	return doi && (src || count) && !citing
}

// decodeMetadata reads a metadata answer: one record per work, with its
// references ("; "-separated DOIs in "reference") and the count of works
// citing it; then, as the answer of the citations operation gives them, a
// record per work citing it ("citation", "; "-separated DOIs): the citing
// work's identifiers and one reference, to this work. graph.Build merges
// those records by DOI with the citing works' own.
func decodeMetadata(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	var errs jsonstream.ErrorList
	d := jsonstream.NewDecoder(r)
	var emitErr error
	err := d.Array(func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, _ := d.Next()
		var m meta
		if err := d.Decode(&m); err != nil {
			var typ *json.UnmarshalTypeError
			if !errors.As(err, &typ) {
				return d.ErrAt(err)
			}
			errs.Add(d.ErrAt(err))
		}
		rec, ok := m.record(line)
		if !ok {
			errs.Add(&SyntaxError{Line: line, Col: 1, Err: errors.New("work without a DOI")})
			return nil
		}
		if err := emit(rec); err != nil {
			emitErr = err
			return err
		}
		for _, c := range m.citing(rec, line) {
			if err := emit(c); err != nil {
				emitErr = err
				return err
			}
		}
		return nil
	})
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		errs.Add(err)
	}
	return errs.Err()
}

var reMetaORCID = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dX]`)

func (m meta) record(line int) (graph.Record, bool) {
	doi, ids := parseIDs(string(m.DOI))
	if doi == "" {
		return graph.Record{}, false
	}
	r := graph.Record{DOI: doi, Identifiers: ids, Source: graph.Source{Line: line}}
	r.Title = strings.TrimSpace(string(m.Title))
	r.Venue = strings.TrimSpace(string(m.SourceTitle))
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
		a := graph.ParseName(part)
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
