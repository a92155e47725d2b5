package s2orc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/refraw"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Format reads S2ORC and doc2json full-text JSON. It satisfies
// scrape.StreamFormat.
type Format struct{}

// Name returns "s2orc".
func (Format) Name() string { return "s2orc" }

var reSniff = regexp.MustCompile(`^\s*\{\s*"paper_id"\s*:`)

// Sniff reports whether head starts an S2ORC or doc2json paper: a JSON
// object that opens with "paper_id" and has full text ("body_text",
// "pdf_parse", "grobid_parse" or "bib_entries").
func (Format) Sniff(head []byte) bool {
	if !reSniff.Match(head) {
		return false
	}
	for _, k := range []string{`"body_text"`, `"pdf_parse"`, `"grobid_parse"`, `"bib_entries"`, `"latex_parse"`} {
		if bytes.Contains(head, []byte(k)) {
			return true
		}
	}
	return false
}

// PosError is a failure at a place in the source.
type PosError struct {
	Line, Col int
	Err       error
}

func (e *PosError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *PosError) Unwrap() error { return e.Err }

// Position returns the 1-based line and column of the failure.
func (e *PosError) Position() (line, col int) { return e.Line, e.Col }

// ErrNoPaper means a JSON value of the source is not an S2ORC paper.
var ErrNoPaper = errors.New("not an S2ORC paper (no paper_id)")

// The three generations of the schema read here:
//
//   - S2ORC 2019-09-28 (the ACL 2020 release): metadata{title, authors,
//     year, doi, pmc_id, pubmed_id, arxiv_id, acl_id, venue, journal,
//     abstract} and the text in grobid_parse (and latex_parse);
//   - S2ORC 2020 and doc2json's "s2orc" output: metadata{title, authors,
//     year} and abstract, body_text, back_matter, bib_entries,
//     ref_entries at the top;
//   - doc2json's PDF output: title, authors, year, venue, identifiers at the
//     top and the text in pdf_parse.
type paper struct {
	PaperID     string          `json:"paper_id"`
	Metadata    *metadata       `json:"metadata"`
	Title       string          `json:"title"`
	Authors     []author        `json:"authors"`
	Year        json.RawMessage `json:"year"`
	Venue       string          `json:"venue"`
	Identifiers map[string]any  `json:"identifiers"`
	AbstractAny json.RawMessage `json:"abstract"`
	parse
	PDFParse    *parse `json:"pdf_parse"`
	GrobidParse *parse `json:"grobid_parse"`
	LatexParse  *parse `json:"latex_parse"`
}

type metadata struct {
	Title    string          `json:"title"`
	Authors  []author        `json:"authors"`
	Abstract string          `json:"abstract"`
	Year     json.RawMessage `json:"year"`
	ArxivID  *string         `json:"arxiv_id"`
	ACLID    *string         `json:"acl_id"`
	PMCID    *string         `json:"pmc_id"`
	PubmedID *string         `json:"pubmed_id"`
	DOI      *string         `json:"doi"`
	Venue    *string         `json:"venue"`
	Journal  *string         `json:"journal"`
}

type author struct {
	First  string   `json:"first"`
	Middle []string `json:"middle"`
	Last   string   `json:"last"`
	Suffix string   `json:"suffix"`
}

type parse struct {
	Abstract   []paragraph         `json:"abstract"`
	BodyText   []paragraph         `json:"body_text"`
	BackMatter []paragraph         `json:"back_matter"`
	BibEntries map[string]bibEntry `json:"bib_entries"`
	RefEntries map[string]refEntry `json:"ref_entries"`
}

type paragraph struct {
	Text      string     `json:"text"`
	CiteSpans []citeSpan `json:"cite_spans"`
	Section   *string    `json:"section"`
	SecNum    *string    `json:"sec_num"`
}

type citeSpan struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	RefID *string `json:"ref_id"`
}

type bibEntry struct {
	RefID    string              `json:"ref_id"`
	Title    string              `json:"title"`
	Authors  []author            `json:"authors"`
	Year     json.RawMessage     `json:"year"`
	Venue    string              `json:"venue"`
	Volume   string              `json:"volume"`
	Issue    string              `json:"issue"`
	Pages    string              `json:"pages"`
	OtherIDs map[string][]string `json:"other_ids"`
	RawText  string              `json:"raw_text"`
}

type refEntry struct {
	Text      string     `json:"text"`
	Type      string     `json:"type"`
	CiteSpans []citeSpan `json:"cite_spans"`
}

// Extract reads the papers of the source (one JSON object, or one per line
// as S2ORC's releases ship them) and emits one record for each: the
// metadata, the bibliography (bib_entries, keyed by their BIBREF ids, in
// their order) and a statement for every sentence of the body and back
// matter holding a cite span. Cite spans without a ref_id (citations the
// parser could not link) are kept as mentions. Malformed JSON gives a
// *PosError with line and column; papers read before it stand.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	lc := lineCounter{jsonstream.NewLines(r)}
	dec := json.NewDecoder(lc)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := dec.InputOffset()
		var p paper
		err := dec.Decode(&p)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return lc.posErr(dec, err)
		}
		line := lc.startLine(start)
		if p.PaperID == "" {
			l, c := lc.Pos(start)
			return &PosError{Line: l, Col: c, Err: ErrNoPaper}
		}
		rec := p.record()
		rec.Source.Line = line
		if err := emit(rec); err != nil {
			return err
		}
	}
}

// record turns a paper into a record.
func (p *paper) record() graph.Record {
	var r graph.Record
	r.Source.Format = "s2orc"
	r.Type = "article-journal"
	body := &p.parse
	switch {
	case p.PDFParse != nil:
		body = p.PDFParse
	case p.GrobidParse != nil && len(p.GrobidParse.BodyText) > 0:
		body = p.GrobidParse
	case p.LatexParse != nil && len(p.LatexParse.BodyText) > 0:
		body = p.LatexParse
	}
	r.Title = p.Title
	authors := p.Authors
	year := p.Year
	if m := p.Metadata; m != nil {
		if r.Title == "" {
			r.Title = m.Title
		}
		if len(authors) == 0 {
			authors = m.Authors
		}
		if len(year) == 0 || string(year) == `""` || string(year) == "null" {
			year = m.Year
		}
		r.Abstract = m.Abstract
		r.DOI = deref(m.DOI)
		setID(&r, graph.IDPMCID, deref(m.PMCID))
		setID(&r, graph.IDPMID, deref(m.PubmedID))
		setID(&r, graph.IDArXiv, deref(m.ArxivID))
		r.Venue = deref(m.Journal)
		if r.Venue == "" {
			r.Venue = deref(m.Venue)
		}
	}
	if r.Venue == "" {
		r.Venue = p.Venue
	}
	for k, v := range p.Identifiers {
		s, _ := v.(string)
		switch strings.ToLower(k) {
		case "doi":
			if r.DOI == "" {
				r.DOI = s
			}
		case "arxiv_id", "arxiv":
			setID(&r, graph.IDArXiv, s)
		case "pubmed_id", "pmid":
			setID(&r, graph.IDPMID, s)
		case "pmc_id", "pmcid":
			setID(&r, graph.IDPMCID, s)
		}
	}
	for _, a := range authors {
		if au := a.author(); au.Family != "" {
			r.Authors = append(r.Authors, au)
		}
	}
	r.Date, r.Year = readYear(year)
	if r.Abstract == "" {
		var s string
		if json.Unmarshal(p.AbstractAny, &s) == nil {
			r.Abstract = s
		}
	}
	if r.Abstract == "" {
		var parts []string
		for _, a := range body.Abstract {
			parts = append(parts, a.Text)
		}
		r.Abstract = strings.Join(parts, " ")
	}
	r.Abstract = strings.TrimPrefix(strings.TrimSpace(r.Abstract), "Abstract ")

	// The bibliography, in the order of its BIBREF numbers.
	keys := make([]string, 0, len(body.BibEntries))
	for k := range body.BibEntries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	for _, k := range keys {
		r.References = append(r.References, body.BibEntries[k].reference(k))
	}

	l := prose.NewLinker(r.References, nil)
	secs := sections{}
	for _, group := range [][]paragraph{body.BodyText, body.BackMatter} {
		for _, para := range group {
			path := secs.path(para)
			if len(para.CiteSpans) == 0 {
				continue
			}
			r.Statements = append(r.Statements, l.Statements(para.prose(path))...)
		}
	}
	// Captions (ref_entries) with citations, in key order.
	rkeys := make([]string, 0, len(body.RefEntries))
	for k, e := range body.RefEntries {
		if len(e.CiteSpans) > 0 {
			rkeys = append(rkeys, k)
		}
	}
	sort.Slice(rkeys, func(i, j int) bool { return keyLess(rkeys[i], rkeys[j]) })
	for _, k := range rkeys {
		e := body.RefEntries[k]
		para := paragraph{Text: e.Text, CiteSpans: e.CiteSpans}
		r.Statements = append(r.Statements, l.Statements(para.prose(k))...)
	}
	intent.Annotate(r.Statements)
	return r
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func setID(r *graph.Record, scheme, v string) { r.Identifiers = ident.Set(r.Identifiers, scheme, v) }

var reDate = regexp.MustCompile(`^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?`)

// readYear reads a year given as a number (2016), a string ("2016",
// "2011-11") or nothing.
func readYear(raw json.RawMessage) (date string, year int) {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		var n int
		if json.Unmarshal(raw, &n) != nil {
			return "", 0
		}
		s = strconv.Itoa(n)
	}
	m := reDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", 0
	}
	year, _ = strconv.Atoi(m[1])
	if year < 1000 {
		return "", 0
	}
	// As precise as valid: "2019-13-01" (no month 13) is 2019.
	date = m[1]
	if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
		date += "-" + m[2]
		if d, _ := strconv.Atoi(m[3]); d >= 1 && d <= 31 {
			date += "-" + m[3]
		}
	}
	return date, year
}

var reKeyNum = regexp.MustCompile(`^(\D*)(\d+)$`)

// keyLess orders "BIBREF2" before "BIBREF10".
func keyLess(a, b string) bool {
	ma, mb := reKeyNum.FindStringSubmatch(a), reKeyNum.FindStringSubmatch(b)
	if ma != nil && mb != nil && ma[1] == mb[1] {
		na, _ := strconv.Atoi(ma[2])
		nb, _ := strconv.Atoi(mb[2])
		return na < nb
	}
	return a < b
}

func (a author) author() graph.Author {
	given := strings.TrimSpace(strings.Join(append([]string{a.First}, a.Middle...), " "))
	fam := strings.TrimSpace(a.Last)
	if a.Suffix != "" {
		fam += " " + a.Suffix
	}
	if fam == "" {
		// "ᰔ" with no last name: what the PDF parser made of a symbol.
		return graph.Author{}
	}
	return graph.Author{Family: fam, Given: given}
}

func (b bibEntry) reference(key string) graph.Reference {
	ref := graph.Reference{Key: key, Title: b.Title, Venue: b.Venue, Volume: b.Volume, Issue: b.Issue,
		Pages: strings.ReplaceAll(b.Pages, "--", "-"), Raw: b.RawText}
	_, ref.Year = readYear(b.Year)
	for _, a := range b.Authors {
		if au := a.author(); au.Family != "" {
			ref.Authors = append(ref.Authors, au)
		}
	}
	for k, vs := range b.OtherIDs {
		if len(vs) == 0 {
			continue
		}
		switch strings.ToLower(k) {
		case "doi":
			if d, err := graph.NormalizeDOI(vs[0]); err == nil {
				ref.DOI = d
			}
		case "pmid", "pubmed":
			addID(&ref, graph.IDPMID, vs[0])
		case "pmcid":
			addID(&ref, graph.IDPMCID, vs[0])
		case "arxiv":
			addID(&ref, graph.IDArXiv, vs[0])
		}
	}
	if ref.Raw == "" {
		ref.Raw = refraw.Compose(ref)
	}
	return ref
}

func addID(ref *graph.Reference, scheme, v string) {
	n, err := graph.NormalizeID(scheme, v)
	if err != nil {
		return
	}
	if ref.Identifiers == nil {
		ref.Identifiers = map[string]string{}
	}
	ref.Identifiers[scheme] = n
}

// sections turns the flat section names and numbers of paragraphs into
// paths: "2.1" stands under the section numbered "2".
type sections map[string]string // number → title

func (s sections) path(p paragraph) string {
	title := strings.TrimSpace(deref(p.Section))
	num := strings.Trim(deref(p.SecNum), ". ")
	if num == "" {
		return title
	}
	if title != "" {
		s[num] = title
	}
	parts := strings.Split(num, ".")
	var out []string
	for i := 1; i < len(parts); i++ {
		if t, ok := s[strings.Join(parts[:i], ".")]; ok && t != "" {
			out = append(out, t)
		}
	}
	if title != "" {
		out = append(out, title)
	}
	return strings.Join(out, " > ")
}

// prose turns a paragraph into prose.Paragraph: cite span offsets count
// Unicode code points (Python's string indexes) and become byte offsets.
func (p paragraph) prose(section string) prose.Paragraph {
	var b prose.Builder
	spans := append([]citeSpan(nil), p.CiteSpans...)
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	// Byte offset of every code point index.
	offs := make([]int, 0, len(p.Text)+1)
	for i := range p.Text {
		offs = append(offs, i)
	}
	offs = append(offs, len(p.Text))
	at := func(cp int) int {
		if cp < 0 {
			return 0
		}
		if cp >= len(offs) {
			return len(p.Text)
		}
		return offs[cp]
	}
	pos := 0
	for _, c := range spans {
		s, e := at(c.Start), at(c.End)
		if s < pos || e < s {
			continue // overlapping or backwards spans
		}
		b.WriteString(p.Text[pos:s])
		var keys []string
		if c.RefID != nil && *c.RefID != "" {
			keys = []string{*c.RefID}
		}
		b.StartAnchor(keys)
		b.WriteString(p.Text[s:e])
		b.EndAnchor()
		pos = e
	}
	b.WriteString(p.Text[pos:])
	return b.Take(section)
}

// lineCounter turns the decoder's offsets into lines and columns
// (jsonstream.Lines: the offsets asked for never decrease, and memory is
// bounded by the decoder's look-ahead).
type lineCounter struct{ *jsonstream.Lines }

// startLine returns the line of a value that starts after offset off,
// where the previous value ended: JSON Lines put the next one on the next
// line.
func (l lineCounter) startLine(off int64) int {
	line, _ := l.Pos(off)
	if off > 0 && l.NewlineAt(off) {
		line++
	}
	return line
}

func (l lineCounter) posErr(dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1 // the offending byte, which Offset counts
		msg = "malformed JSON: " + se.Error()
	case errors.As(err, &te):
		off = te.Offset
		msg = fmt.Sprintf("field %s: JSON %s where %s was expected", te.Field, te.Value, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = l.Offset()
		msg = "unexpected end of file (truncated JSON?)"
	}
	line, col := l.Pos(off)
	return &PosError{Line: line, Col: col, Err: errors.New(msg)}
}
