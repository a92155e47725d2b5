package csljson

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/pos"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// Reader reads CSL-JSON.
type Reader struct{}

// Name returns "csljson".
func (Reader) Name() string { return "csljson" }

// SyntaxError is a malformed part of a CSL-JSON file.
type SyntaxError = pos.Error

// markers are keys of other JSON answers that a CSL item never has
// (Crossref's message envelope, OpenAlex, Semantic Scholar, scite,
// OpenCitations).
var markers = [][]byte{
	[]byte(`"message-type"`), []byte(`"openalex.org/`), []byte(`"paperId"`), []byte(`"citingPaper"`),
	[]byte(`"citedPaper"`), []byte(`"tallies"`), []byte(`"oci"`), []byte(`"display_name"`),
	[]byte(`"referenced_works"`), []byte(`"externalIds"`), []byte(`"pub_date"`), // OpenCitations Meta
}

// Sniff reports whether head is a JSON array or object whose items carry
// CSL's keys: "type" and "title", and "issued", "author" or
// "container-title"; and none of the keys of other citation-index
// answers.
func (Reader) Sniff(head []byte) bool {
	t := bytes.TrimSpace(head)
	if len(t) == 0 || (t[0] != '[' && t[0] != '{') {
		return false
	}
	for _, m := range markers {
		if bytes.Contains(head, m) {
			return false
		}
	}
	if !bytes.Contains(head, []byte(`"type"`)) || !bytes.Contains(head, []byte(`"title"`)) {
		return false
	}
	if bytes.Contains(head, []byte(`"issued"`)) || bytes.Contains(head, []byte(`"author"`)) || bytes.Contains(head, []byte(`"container-title"`)) {
		return true
	}
	// An item with only CSL's required keys: its type is one of CSL's.
	for _, m := range reTypeValue.FindAllSubmatch(head, 8) {
		if cslTypes[string(m[1])] {
			return true
		}
	}
	return false
}

// reTypeValue finds the values of "type" keys.
var reTypeValue = regexp.MustCompile(`"type"\s*:\s*"([a-z_-]{1,40})"`)

// cslTypes are the item types of CSL 1.0.2.
var cslTypes = map[string]bool{}

func init() {
	for t := range strings.FieldsSeq(`article article-journal article-magazine article-newspaper bill book broadcast
		chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic
		hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet
		paper-conference patent performance periodical personal_communication post post-weblog regulation report
		review review-book software song speech standard thesis treaty webpage`) {
		cslTypes[t] = true
	}
}

// Extract decodes the items one by one and emits each.
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3) // a byte-order mark (the registry drops it; a caller of Extract may not)
	}
	lc := jsonstream.NewLines(br)
	dec := json.NewDecoder(lc)
	dec.UseNumber()
	// Look at the first token: '[' means an array of items; '{' one item
	// (or several, one after another).
	first, err := dec.Token()
	if err != nil {
		l, c := lc.Pos(dec.InputOffset())
		return &SyntaxError{Line: l, Col: c, Msg: "not JSON: " + err.Error()}
	}
	var problems []error
	decodeItem := func() error {
		start := skipOffset(dec)
		line, col := lc.Pos(start)
		var it Item
		if err := dec.Decode(&it); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				problems = append(problems, &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf("item is not a CSL item: %v", err)})
				return nil
			}
			return syntaxError(lc, dec, start, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return emit(it.Record(line))
	}
	switch first {
	case json.Delim('['):
		for dec.More() {
			if err := decodeItem(); err != nil {
				return errors.Join(append(problems, err)...)
			}
		}
		if _, err := dec.Token(); err != nil {
			l, c := lc.Pos(dec.InputOffset())
			problems = append(problems, &SyntaxError{Line: l, Col: c, Msg: "array not closed: " + err.Error()})
		}
	case json.Delim('{'):
		// One object: decode it from the brace already read by decoding
		// the rest into a map of raw values.
		line, col := lc.Pos(dec.InputOffset())
		obj := map[string]json.RawMessage{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				l, c := lc.Pos(dec.InputOffset())
				return &SyntaxError{Line: l, Col: c, Msg: err.Error()}
			}
			k, _ := kt.(string)
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				l, c := lc.Pos(dec.InputOffset())
				return &SyntaxError{Line: l, Col: c, Msg: err.Error()}
			}
			obj[k] = v
		}
		if _, err := dec.Token(); err != nil {
			l, c := lc.Pos(dec.InputOffset())
			return &SyntaxError{Line: l, Col: c, Msg: "object not closed: " + err.Error()}
		}
		raw, _ := json.Marshal(obj)
		var it Item
		if err := json.Unmarshal(raw, &it); err != nil {
			return &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf("not a CSL item: %v", err)}
		}
		if err := emit(it.Record(line)); err != nil {
			return err
		}
		// More objects may follow (one item per line).
		for dec.More() {
			if err := decodeItem(); err != nil {
				return errors.Join(append(problems, err)...)
			}
		}
	default:
		return &SyntaxError{Line: 1, Col: 1, Msg: "expected a JSON array or object"}
	}
	return errors.Join(problems...)
}

// syntaxError places a decoding error: a JSON syntax error at the byte it
// names (its offset counts from the start of the value being decoded).
func syntaxError(lc *jsonstream.Lines, dec *json.Decoder, start int64, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) && start+se.Offset-1 > off {
		off = start + se.Offset - 1
	}
	l, c := lc.Pos(off)
	return &SyntaxError{Line: l, Col: c, Msg: err.Error()}
}

// skipOffset returns the offset where the decoder's next value starts:
// after the separator and white space that InputOffset still counts.
func skipOffset(dec *json.Decoder) int64 {
	off := dec.InputOffset()
	rest := dec.Buffered()
	buf := make([]byte, 1)
	for {
		n, err := rest.Read(buf)
		if n == 0 || err != nil {
			return off
		}
		switch buf[0] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
}

// text is a CSL string variable that producers also write as a number or
// an array of strings (Crossref's titles); an array reads as its first
// element.
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case '[':
		var a []text
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		if len(a) > 0 {
			*t = a[0]
		}
	case '{':
		return &json.UnmarshalTypeError{Value: "object", Type: reflect.TypeOf("")}
	default:
		*t = text(b) // number or bool, as written
	}
	return nil
}

// texts is a list that may be written as one string.
type texts []string

func (t *texts) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	if b[0] == '[' {
		var a []text
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		for _, s := range a {
			*t = append(*t, string(s))
		}
		return nil
	}
	var s text
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*t = texts{string(s)}
	return nil
}

// Name is a CSL name: family and given with their particles and suffix,
// or one literal (an organisation). A name written as one string, which
// some producers do, reads as a literal.
type Name struct {
	Family           text `json:"family"`
	Given            text `json:"given"`
	Literal          text `json:"literal"`
	Suffix           text `json:"suffix"`
	Particle         text `json:"non-dropping-particle"`
	DroppingParticle text `json:"dropping-particle"`
	ORCID            text `json:"ORCID"`
	bare             bool // written as one string
}

func (n *Name) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		n.bare = true
		return n.Literal.UnmarshalJSON(b)
	}
	type plain Name
	return json.Unmarshal(b, (*plain)(n))
}

// Date is a CSL date: date-parts (numbers or strings; a range is two
// parts, the first read), or raw or literal text. CSL 1.0.2's schema
// also allows the whole date as an EDTF string ("2001-03-05",
// "2001/2002"), which reads as Raw.
type Date struct {
	Parts   dateParts `json:"date-parts"`
	Raw     text      `json:"raw"`
	Literal text      `json:"literal"`
}

func (d *Date) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] != '{' {
		return d.Raw.UnmarshalJSON(b) // an EDTF string, or a bare year
	}
	type plain Date
	return json.Unmarshal(b, (*plain)(d))
}

// dateParts is CSL's [[year, month, day]] (one list, or two for a range);
// a flat [year, month, day] is read as one date.
type dateParts [][]text

func (p *dateParts) UnmarshalJSON(b []byte) error {
	var nested [][]text
	if err := json.Unmarshal(b, &nested); err == nil {
		*p = nested
		return nil
	}
	var flat []text
	if err := json.Unmarshal(b, &flat); err != nil {
		return err
	}
	*p = dateParts{flat}
	return nil
}

// CrossrefRef is an entry of Crossref's reference list.
type CrossrefRef struct {
	Key          text `json:"key"`
	DOI          text `json:"DOI"`
	Unstructured text `json:"unstructured"`
	Author       text `json:"author"`
	Year         text `json:"year"`
	JournalTitle text `json:"journal-title"`
	ArticleTitle text `json:"article-title"`
	VolumeTitle  text `json:"volume-title"`
	SeriesTitle  text `json:"series-title"`
	Volume       text `json:"volume"`
	Issue        text `json:"issue"`
	FirstPage    text `json:"first-page"`
	ISBN         text `json:"ISBN"`
}

// Item is one CSL-JSON item, with the Crossref additions this package
// reads.
type Item struct {
	ID             text          `json:"id"`
	Type           text          `json:"type"`
	Title          text          `json:"title"`
	Subtitle       texts         `json:"subtitle"`
	ContainerTitle text          `json:"container-title"`
	ContainerShort text          `json:"container-title-short"`
	JournalAbbrev  text          `json:"journalAbbreviation"`
	Author         []Name        `json:"author"`
	Issued         *Date         `json:"issued"`
	Published      *Date         `json:"published"`
	Volume         text          `json:"volume"`
	Issue          text          `json:"issue"`
	Page           text          `json:"page"`
	PageFirst      text          `json:"page-first"`
	Number         text          `json:"number"`
	DOI            text          `json:"DOI"`
	URL            text          `json:"URL"`
	ISSN           texts         `json:"ISSN"`
	ISBN           texts         `json:"ISBN"`
	PMID           text          `json:"PMID"`
	PMCID          text          `json:"PMCID"`
	Abstract       text          `json:"abstract"`
	Keyword        texts         `json:"keyword"`
	Subject        texts         `json:"subject"`
	Publisher      text          `json:"publisher"`
	Language       text          `json:"language"`
	Note           text          `json:"note"`
	CitedBy        text          `json:"is-referenced-by-count"`
	Reference      []CrossrefRef `json:"reference"`
}

// crossrefTypes maps Crossref's work types, which its CSL answers keep, to
// CSL types.
var crossrefTypes = map[string]string{
	"journal-article": "article-journal", "book-chapter": "chapter", "book-section": "chapter",
	"book-part": "chapter", "proceedings-article": "paper-conference", "posted-content": "article",
	"dissertation": "thesis", "monograph": "book", "edited-book": "book", "reference-book": "book",
	"book-set": "book", "book-series": "book", "book-track": "book", "reference-entry": "entry",
	"report-component": "report", "report-series": "report", "journal-issue": "periodical",
	"journal": "periodical", "journal-volume": "periodical", "proceedings": "book",
	"proceedings-series": "book", "component": "document", "peer-review": "review", "other": "document",
	"standard-series": "standard", "grant": "document", "database": "dataset",
}

var (
	reTags      = regexp.MustCompile(`<[^>]{1,200}>`)
	reMarkup    = regexp.MustCompile(`</?(?:i|b|sup|sub|sc|span)(?:\s[^<>]{0,200})?>`) // citeproc-js's rich text in titles
	reNoteID    = regexp.MustCompile(`(?im)^\s*(pmid|pmcid|arxiv|openalex|s2|s2corpus|mag|lens|embase|pii|doc_number|proquest_id|wos|scopus)\s*:\s*(\S+)\s*$`)
	reRawDate   = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?`)
	reAbstracts = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"", "&#39;", "'")
)

// Record maps the item to a graph.Record; line is where it starts.
func (it *Item) Record(line int) graph.Record {
	r := graph.Record{Source: graph.Source{Line: line}}
	t := strings.TrimSpace(string(it.Type))
	if c, ok := crossrefTypes[t]; ok {
		t = c
	}
	r.Type = t
	r.Title = plainText(string(it.Title))
	if len(it.Subtitle) > 0 && plainText(it.Subtitle[0]) != "" && r.Title != "" {
		r.Title += ": " + plainText(it.Subtitle[0])
	}
	r.Venue = plainText(string(it.ContainerTitle))
	if r.Venue == "" {
		r.Venue = plainText(string(it.ContainerShort))
	}
	if r.Venue == "" {
		r.Venue = plainText(string(it.JournalAbbrev))
	}
	var orcids []string
	for _, n := range it.Author {
		a := graph.Author{Family: strings.TrimSpace(string(n.Family)), Given: strings.TrimSpace(string(n.Given))}
		if p := strings.TrimSpace(string(n.Particle)); p != "" {
			a.Family = p + " " + a.Family
		}
		if p := strings.TrimSpace(string(n.DroppingParticle)); p != "" && a.Family != "" {
			a.Given = strings.TrimSpace(a.Given + " " + p) // "Beethoven, Ludwig van"
		}
		if a.Family == "" && a.Given == "" {
			a = graph.Author{Family: strings.TrimSpace(string(n.Literal))}
			if n.bare && strings.Contains(a.Family, ", ") {
				a = graph.ParseName(a.Family) // a name written "Family, Given" as one string
			}
		}
		if s := strings.TrimSpace(string(n.Suffix)); s != "" && a.Given != "" {
			a.Given += ", " + s
		}
		if a.Family == "" {
			continue
		}
		r.Authors = append(r.Authors, a)
		orcids = append(orcids, stdnum.ORCID(string(n.ORCID)))
	}
	for _, o := range orcids {
		if o != "" {
			r.AuthorORCIDs = orcids
			break
		}
	}
	d := it.Issued
	if d == nil || (len(d.Parts) == 0 && d.Raw == "" && d.Literal == "") {
		d = it.Published
	}
	r.Year, r.Date = date(d)
	r.Volume = string(it.Volume)
	r.Issue = string(it.Issue)
	r.Pages = strings.TrimSpace(strings.ReplaceAll(string(it.Page), "–", "-"))
	if r.Pages == "" {
		r.Pages = strings.TrimSpace(string(it.PageFirst))
	}
	if doi, err := graph.NormalizeDOI(string(it.DOI)); err == nil {
		r.DOI = doi
	}
	r.URL = string(it.URL)
	r.Abstract = strings.TrimSpace(reAbstracts.Replace(reTags.ReplaceAllString(string(it.Abstract), " ")))
	r.Publisher = string(it.Publisher)
	r.Language = string(it.Language)
	seen := map[string]bool{}
	for _, list := range [][]string{it.Keyword, it.Subject} {
		for _, s := range list {
			for k := range strings.SplitSeq(s, ",") {
				if k = strings.TrimSpace(k); k != "" && !seen[strings.ToLower(k)] {
					seen[strings.ToLower(k)] = true
					r.Keywords = append(r.Keywords, k)
				}
			}
		}
	}
	ids := map[string]string{}
	for _, s := range it.ISSN {
		if v := stdnum.FindISSN(s); v != "" {
			ids[graph.IDISSN] = v
			break
		}
	}
	for _, s := range it.ISBN {
		if v := stdnum.FindISBN(s); v != "" {
			ids[graph.IDISBN] = v
			break
		}
	}
	if v := strings.TrimSpace(string(it.PMID)); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := strings.TrimSpace(string(it.PMCID)); v != "" {
		ids[graph.IDPMCID] = v
	}
	for _, m := range reNoteID.FindAllStringSubmatch(string(it.Note), -1) {
		k := strings.ToLower(m[1])
		if k == "wos" {
			k = graph.IDWoS
			if !strings.HasPrefix(strings.ToUpper(m[2]), "WOS:") {
				m[2] = "WOS:" + m[2]
			}
		}
		if ids[k] == "" {
			ids[k] = m[2]
		}
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	if n, err := strconv.Atoi(string(it.CitedBy)); err == nil {
		r.CitedByCount = &n
	}
	for _, ref := range it.Reference {
		r.References = append(r.References, ref.reference())
	}
	return r
}

// plainText drops citeproc-js's rich-text markup (<i>, <b>, <sup>, <sub>,
// <span class="nocase"> …) from a title and trims it.
func plainText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = reMarkup.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}

func (c CrossrefRef) reference() graph.Reference {
	ref := graph.Reference{
		Raw:    strings.TrimSpace(string(c.Unstructured)),
		Title:  strings.TrimSpace(string(c.ArticleTitle)),
		Venue:  strings.TrimSpace(string(c.JournalTitle)),
		Volume: strings.TrimSpace(string(c.Volume)),
		Issue:  strings.TrimSpace(string(c.Issue)),
		Pages:  strings.TrimSpace(string(c.FirstPage)),
		Key:    strings.TrimSpace(string(c.Key)),
	}
	if ref.Title == "" {
		ref.Title = strings.TrimSpace(string(c.VolumeTitle))
	}
	if ref.Venue == "" {
		ref.Venue = strings.TrimSpace(string(c.SeriesTitle))
	}
	if d, err := graph.NormalizeDOI(string(c.DOI)); err == nil {
		ref.DOI = d
	}
	if y := find.Year(string(c.Year)); y != 0 {
		ref.Year = y
	}
	if a := strings.TrimSpace(string(c.Author)); a != "" {
		ref.Authors = []graph.Author{graph.ParseName(a)}
	}
	if b := stdnum.FindISBN(string(c.ISBN)); b != "" {
		ref.Identifiers = map[string]string{graph.IDISBN: b}
	}
	if ref.Raw == "" && ref.DOI != "" {
		ref.Raw = "doi:" + ref.DOI
	}
	return ref
}

// date reads a CSL date and returns the year and the ISO date as precise as
// given.
func date(d *Date) (int, string) {
	if d == nil {
		return 0, ""
	}
	if len(d.Parts) > 0 && len(d.Parts[0]) > 0 {
		p := d.Parts[0]
		y, err := strconv.Atoi(strings.TrimSpace(string(p[0])))
		if err != nil || y < 1000 || y > 9999 {
			return 0, ""
		}
		out := fmt.Sprintf("%04d", y)
		if len(p) > 1 {
			if m, err := strconv.Atoi(strings.TrimSpace(string(p[1]))); err == nil && m >= 1 && m <= 12 {
				out += fmt.Sprintf("-%02d", m)
				if len(p) > 2 {
					if dd, err := strconv.Atoi(strings.TrimSpace(string(p[2]))); err == nil && dd >= 1 && dd <= 31 {
						out += fmt.Sprintf("-%02d", dd)
					}
				}
			}
		}
		return y, out
	}
	for _, s := range []string{string(d.Raw), string(d.Literal)} {
		if m := reRawDate.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			y, _ := strconv.Atoi(m[1])
			out := m[1]
			if mo, err := strconv.Atoi(m[2]); err == nil && mo >= 1 && mo <= 12 {
				out += fmt.Sprintf("-%02d", mo)
				if dd, err := strconv.Atoi(m[3]); err == nil && dd >= 1 && dd <= 31 {
					out += fmt.Sprintf("-%02d", dd)
				}
			}
			return y, out
		}
		if y := find.Year(s); y != 0 {
			return y, strconv.Itoa(y)
		}
	}
	return 0, ""
}
