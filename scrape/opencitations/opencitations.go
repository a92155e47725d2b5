package opencitations

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// ErrNotCitations means a source is CSV or JSON but not citation rows: no
// "citing" and "cited" columns or keys.
var ErrNotCitations = errors.New("opencitations: not citation rows (no citing and cited)")

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short. Readers report it and go on with
// the next row where the JSON allows. It is the type all the answer
// readers share.
type SyntaxError = jsonstream.SyntaxError

// IDOMID is the identifier scheme of OpenCitations' own identifiers
// (OMID, "br/06101801781"), kept in records' and references' identifiers
// beside the DOI: the key to OpenCitations Meta.
const IDOMID = "omid"

// Format reads OpenCitations citation data saved as files: answers of the
// Index API (v1 COCI and v2, /citations/{id} and /references/{id}) in JSON
// or CSV, and the CSV files of the COCI, CROCI and Index dumps. It
// implements scrape.StreamFormat; its name is "opencitations".
type Format struct{}

// Name returns "opencitations".
func (Format) Name() string { return "opencitations" }

// Sniff reports whether head is the start of citation rows: a CSV header
// with "citing" and "cited" columns, or a JSON array whose first object has
// "citing" and "cited" keys; or of a metadata answer (a JSON array whose
// first object has "doi" and "source_title" or "citation_count").
func (Format) Sniff(head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	if len(h) > 0 && h[0] == '[' {
		first := jsonstream.ScanShape(h).Sub[""]
		_, citing := first["citing"]
		_, cited := first["cited"]
		return citing && cited || isMetadata(first)
	}
	line, _, _ := bytes.Cut(h, []byte{'\n'})
	cols := columns(strings.Split(string(bytes.TrimRight(line, "\r")), ","))
	return cols.citing >= 0 && cols.cited >= 0
}

// Extract reads citation rows (see Format) and emits a record per citing
// work; see Decode.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Decode(ctx, r, emit)
}

// row is one citation as OpenCitations writes it.
type row struct {
	OCI      jsonstream.Str `json:"oci"`
	Citing   jsonstream.Str `json:"citing"`
	Cited    jsonstream.Str `json:"cited"`
	Creation jsonstream.Str `json:"creation"`
	Timespan jsonstream.Str `json:"timespan"`
	line     int
}

// Decode reads citation rows from r, JSON or CSV (told apart by the first
// character), or an answer of the metadata operation (see
// decodeMetadata), and calls emit with one record per citing work: the work the
// "citing" identifiers name, with its publication date ("creation") as its
// date and year, and one reference per row to the work "cited" names, in
// row order. A reference's key is the citation's OCI, and its year is the
// cited work's, worked out from the citing work's date and the "timespan"
// between them (see CitedYear). Rows of one citing work are grouped when
// they follow each other, as the API and the dumps write them; a citing
// work whose rows are apart gives a record per run of rows, which
// graph.Build merges by DOI. Memory is bounded by the longest run.
//
// Identifiers are read from v1's bare DOIs ("10.1038/…") and from v2's
// lists ("omid:br/0610… doi:10.7717/peerj-cs.421 pmid:33817056"): doi,
// pmid, pmcid, openalex, arxiv, and omid (OpenCitations' own). A row
// without an identifier for its citing or cited work, and a malformed CSV
// row, are reported in the error returned at the end (*SyntaxError with
// the row's line, joined) and the rest read; malformed JSON ends the
// reading after the records before it.
func Decode(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		b, err := br.Peek(1)
		if err != nil {
			return fmt.Errorf("%w: empty", ErrNotCitations)
		}
		if c := b[0]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			_, _ = br.ReadByte()
			continue
		}
		if b[0] == '[' {
			a := jsonstream.Open(ctx, br, emit)
			if isMetadata(a.Shape.Sub[""]) {
				return decodeMetadata(a)
			}
			return decodeJSON(a)
		}
		return decodeCSV(ctx, br, emit)
	}
}

// group collects the rows of one citing work.
type group struct {
	a   *jsonstream.Answer
	key string
	rec *graph.Record
}

func (g *group) add(rw row) error {
	cdoi, cids := parseIDs(string(rw.Cited))
	if cdoi == "" && len(cids) == 0 {
		g.a.Errs.Add(&SyntaxError{Line: rw.line, Col: 1, Err: fmt.Errorf("no identifier for the cited work in %q", string(rw.Cited))})
		return nil
	}
	citing := strings.TrimSpace(string(rw.Citing))
	if citing != g.key || g.rec == nil {
		if err := g.flush(); err != nil {
			return err
		}
		g.key = ""
		doi, ids := parseIDs(citing)
		if doi == "" && len(ids) == 0 {
			g.a.Errs.Add(&SyntaxError{Line: rw.line, Col: 1, Err: fmt.Errorf("no identifier for the citing work in %q", citing)})
			return nil
		}
		g.key = citing
		r := &graph.Record{DOI: doi, Identifiers: ids, Source: graph.Source{Line: rw.line}}
		if d, _, ok := parseDate(string(rw.Creation)); ok {
			r.Date = d.String()
			r.Year = d.y
		}
		g.rec = r
	}
	ref := graph.Reference{DOI: cdoi, Identifiers: cids, Key: strings.TrimSpace(string(rw.OCI))}
	ref.Year, _ = CitedYear(string(rw.Creation), string(rw.Timespan))
	g.rec.References = append(g.rec.References, ref)
	return nil
}

func (g *group) flush() error {
	if g.rec == nil {
		return nil
	}
	r := *g.rec
	g.rec = nil
	return g.a.Emit(r)
}

// finish ends the reading as Answer.Finish does, the rows read before a
// problem emitted first.
func (g *group) finish(err error) error {
	if h := g.a.Halted(err); h != nil {
		return h
	}
	if ferr := g.flush(); ferr != nil {
		return ferr
	}
	return g.a.Finish(err)
}

func decodeJSON(a *jsonstream.Answer) error {
	g := &group{a: a}
	err := a.Array(func() error {
		var rw row
		line, _, err := a.Value(&rw)
		if err != nil {
			return err
		}
		rw.line = line
		return g.add(rw)
	})
	if err == nil && a.More() {
		l, c := a.Next()
		err = &SyntaxError{Line: l, Col: c, Err: errors.New("more after the array of citations")}
	}
	return g.finish(err)
}

// cols are the indexes of the columns of a CSV file; -1 when absent.
type cols struct{ oci, citing, cited, creation, timespan int }

func columns(header []string) cols {
	c := cols{-1, -1, -1, -1, -1}
	for i, h := range header {
		switch strings.ToLower(strings.Trim(strings.TrimSpace(h), `"`)) {
		case "oci":
			c.oci = i
		case "citing":
			c.citing = i
		case "cited":
			c.cited = i
		case "creation":
			c.creation = i
		case "timespan":
			c.timespan = i
		}
	}
	return c
}

func decodeCSV(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return csvErr(err)
	}
	c := columns(header)
	if c.citing < 0 || c.cited < 0 {
		return &SyntaxError{Line: 1, Col: 1, Err: fmt.Errorf("%w: the header is %q", ErrNotCitations, strings.Join(header, ","))}
	}
	g := &group{a: jsonstream.Records(ctx, emit)}
	field := func(rec []string, i int) jsonstream.Str {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return jsonstream.Str(rec[i])
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				g.a.Errs.Add(csvErr(err)) // a malformed row: report it, read on
				continue
			}
			return g.finish(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if err := g.add(row{
			OCI: field(rec, c.oci), Citing: field(rec, c.citing), Cited: field(rec, c.cited),
			Creation: field(rec, c.creation), Timespan: field(rec, c.timespan), line: line,
		}); err != nil {
			return err
		}
	}
	return g.finish(nil)
}

// csvErr makes a CSV parse error a *SyntaxError.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SyntaxError{Line: pe.Line, Col: max(pe.Column, 1), Err: pe.Err}
	}
	return err
}

// parseIDs reads the identifiers of a "citing" or "cited" value: a bare
// DOI (v1) or a space-separated list of "scheme:value" (v2).
func parseIDs(s string) (doi string, ids map[string]string) {
	for _, tok := range strings.Fields(s) {
		scheme, v, ok := strings.Cut(tok, ":")
		if !ok || strings.HasPrefix(tok, "10.") {
			scheme, v = "doi", tok
		}
		scheme = strings.ToLower(scheme)
		switch scheme {
		case "doi":
			if d, err := graph.NormalizeDOI(v); err == nil && doi == "" {
				doi = d
			}
			continue
		case graph.IDPMID, graph.IDPMCID, graph.IDOpenAlex, graph.IDArXiv:
		case IDOMID:
			if strings.TrimSpace(v) == "" {
				continue
			}
		default:
			continue
		}
		n, err := graph.NormalizeID(scheme, v)
		if err != nil {
			continue
		}
		if ids == nil {
			ids = map[string]string{}
		}
		if _, seen := ids[scheme]; !seen {
			ids[scheme] = n
		}
	}
	return doi, ids
}
