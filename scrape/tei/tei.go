package tei

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/refraw"
	"github.com/citegraph/citegraph/scrape/internal/xmlread"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Format reads the TEI XML that GROBID makes of a PDF. It satisfies
// scrape.StreamFormat.
type Format struct{}

// Name returns "tei".
func (Format) Name() string { return "tei" }

// Sniff reports whether head starts a TEI document: a <TEI> (or
// <teiCorpus>) element in the TEI namespace.
func (Format) Sniff(head []byte) bool {
	return (bytes.Contains(head, []byte("<TEI")) || bytes.Contains(head, []byte("<teiCorpus"))) &&
		bytes.Contains(head, []byte("http://www.tei-c.org/ns/1.0"))
}

// Extract reads every <TEI> document of the source and emits one record for
// each: the work from teiHeader, the references from listBibl (biblStruct,
// with xml:id as Key) and a statement for every sentence of the body, the
// annexes, figure captions and footnotes holding a <ref type="bibr">.
// Citations GROBID could not link (no target) are kept as mentions of their
// statement, which may then have no refs. Malformed or truncated XML gives
// a *PosError with line and column; a document cut short is still emitted
// when its header was read.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return extract(ctx, r, func(_ *document, rec graph.Record) error { return emit(rec) })
}

func extract(ctx context.Context, r io.Reader, emit func(*document, graph.Record) error) error {
	return xmlread.Documents(ctx, r, "TEI", ErrNotTEI, func(x *xmlread.Decoder) *document { return &document{x: x} }, emit)
}

// document is what the reader gathers of one TEI document.
type document struct {
	x     *xmlread.Decoder
	rec   graph.Record
	paras []prose.Paragraph
	refs  []graph.Reference
	heads []head // the section heads open, outermost first
	// numbered is set once a numbered head was read.
	numbered bool
}

type head struct {
	depth    int
	title    string
	numbered bool
}

// Read reads the document whose start was just read, to the end of its
// <text>.
func (d *document) Read(xml.StartElement) error {
	return d.x.Truncated(d.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "teiHeader":
			n, err := d.x.Tree(t)
			if err != nil {
				return err
			}
			d.header(n)
			return nil
		case "text":
			// front, body, back: read as the document's children, the
			// document ending with </text>.
			return nil
		case "body", "back", "front":
			d.heads = nil
			return d.block(t)
		}
		return d.x.Skip()
	}))
}

func (d *document) Record(line int) (graph.Record, bool) {
	r := d.rec
	r.Source = graph.Source{Line: line, Format: "tei"}
	r.References = d.refs
	l := prose.NewLinker(d.refs, nil)
	for _, p := range d.paras {
		r.Statements = append(r.Statements, l.Statements(p)...)
	}
	intent.Annotate(r.Statements)
	return r, r.Title != "" || r.DOI != ""
}

// ---- header ----

func (d *document) header(h *xmlread.Node) {
	r := &d.rec
	if fd := h.Find("fileDesc"); fd != nil {
		if ts := fd.Find("titleStmt"); ts != nil {
			for _, t := range ts.All("title") {
				if t.Get("type") == "main" || r.Title == "" {
					r.Title = plain(t)
				}
			}
		}
		if ps := fd.Find("publicationStmt"); ps != nil {
			if p := ps.Find("publisher"); p != nil {
				r.Publisher = plain(p)
			}
			if dt := ps.Find("date"); dt != nil {
				setDate(r, dt)
			}
		}
		if sd := fd.Find("sourceDesc"); sd != nil {
			if bs := sd.Find("biblStruct"); bs != nil {
				var ref graph.Reference
				ids := map[string]string{}
				readBibl(bs, &ref, ids)
				if r.Title == "" {
					r.Title = ref.Title
				}
				r.Authors = ref.Authors
				for _, a := range bs.All("author") {
					if p := a.Find("persName"); p != nil && persName(p).Family != "" {
						r.AuthorORCIDs = append(r.AuthorORCIDs, orcidOf(a))
					}
				}
				r.AuthorORCIDs = ident.ORCIDs(r.AuthorORCIDs)
				r.Venue, r.Volume, r.Issue, r.Pages = ref.Venue, ref.Volume, ref.Issue, ref.Pages
				if r.Year == 0 {
					r.Year = ref.Year
				}
				if m := bs.Find("monogr"); m != nil {
					if dt := m.Find("date"); dt != nil && r.Date == "" {
						setDate(r, dt)
					}
				}
				r.DOI = ref.DOI
				delete(ids, "doi")
				for k, v := range ids {
					if r.Identifiers == nil {
						r.Identifiers = map[string]string{}
					}
					r.Identifiers[k] = v
				}
			}
		}
	}
	if pd := h.Find("profileDesc"); pd != nil {
		if ab := pd.Find("abstract"); ab != nil {
			var parts []string
			var secs []graph.Section
			for _, div := range ab.All("div") {
				var txt []string
				for _, p := range div.All("p") {
					txt = append(txt, plain(p))
				}
				label := ""
				if hd := div.Child("head"); hd != nil {
					label = plain(hd)
				}
				secs = append(secs, graph.Section{Label: label, Text: strings.Join(txt, " ")})
			}
			if len(secs) == 0 {
				for _, p := range ab.All("p") {
					parts = append(parts, plain(p))
				}
			} else {
				for _, s := range secs {
					parts = append(parts, s.Text)
				}
			}
			r.Abstract = strings.Join(parts, " ")
			labelled := 0
			for _, s := range secs {
				if s.Label != "" {
					labelled++
				}
			}
			if labelled >= 2 {
				r.AbstractSections = secs
			}
		}
		if kw := pd.Find("keywords"); kw != nil {
			for _, t := range kw.All("term") {
				if s := plain(t); s != "" {
					r.Keywords = append(r.Keywords, s)
				}
			}
		}
		if lang := pd.Find("langUsage"); lang != nil {
			if l := lang.Find("language"); l != nil {
				r.Language = l.Get("ident")
			}
		}
	}
	if r.Language == "" {
		r.Language = h.Get("lang")
	}
	if r.Type == "" {
		r.Type = "article-journal"
	}
}

var reORCID = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dXx]`)

func orcidOf(a *xmlread.Node) string {
	for _, id := range a.All("idno") {
		if strings.EqualFold(id.Get("type"), "orcid") {
			return strings.ToUpper(reORCID.FindString(plain(id)))
		}
	}
	return ""
}

var reISODate = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)

func setDate(r *graph.Record, dt *xmlread.Node) {
	when := dt.Get("when")
	if when == "" {
		when = plain(dt)
	}
	m := reISODate.FindStringSubmatch(when)
	if m == nil {
		return
	}
	// The date is kept as precise as it is valid: "2019-13-01" (a month
	// that is no month) is 2019, and a year outside 1000–2999 no year.
	y, _ := strconv.Atoi(m[1])
	if y < 1000 || y > 2999 {
		return
	}
	r.Date, r.Year = m[1], y
	if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
		r.Date += "-" + m[2]
		if d, _ := strconv.Atoi(m[3]); d >= 1 && d <= 31 {
			r.Date += "-" + m[3]
		}
	}
}

// persName reads <persName><forename>…<surname>…</persName>.
func persName(p *xmlread.Node) graph.Author {
	var au graph.Author
	var given []string
	for _, k := range p.Kids {
		switch k.Name {
		case "surname":
			au.Family = plain(k)
		case "forename":
			given = append(given, plain(k))
		}
	}
	au.Given = strings.Join(given, " ")
	if au.Family == "" {
		// GROBID tags a surname in every name it reads; a forename alone
		// is what it made of a symbol ("ᰔ").
		return graph.Author{}
	}
	return au
}

// ---- body ----

// block reads body, back, div, figure and the like: heads open sections,
// paragraphs with citations become d.paras, listBibl becomes d.refs.
func (d *document) block(start xml.StartElement) error {
	kind := start.Name.Local
	figLabel := ""
	return d.x.Children(func(t xml.StartElement) error {
		name := t.Name.Local
		switch {
		case name == "listBibl":
			return d.listBibl()
		case name == "head" && kind == "div":
			s, err := d.paragraph(t, d.path())
			d.openHead(t.Attr, s)
			return err
		case name == "head" && kind == "figure":
			s, err := d.paragraph(t, d.path())
			figLabel = strings.TrimRight(s, " :.")
			return err
		case name == "figDesc" || name == "p" || name == "note" || name == "label" && kind == "figure":
			path := d.path()
			if kind == "figure" {
				// GROBID gathers figures at the end of the body: their
				// label is their place.
				path = nil
				if figLabel != "" {
					path = []string{figLabel}
				}
			}
			_, err := d.paragraph(t, path)
			return err
		case name == "table" || name == "graphic" || name == "formula":
			return d.x.Skip()
		}
		return d.block(t)
	})
}

// openHead places a section head. GROBID writes divs flat and numbers the
// heads when the paper did ("2", "2.1"): a numbered head's depth is its
// number of parts, and a head without a number is a child of the last
// numbered one. In a paper without numbers, the IMRaD heads
// (Introduction, Methods, Results, Discussion …) are the top level and
// other heads stand below the last of them.
func (d *document) openHead(attrs []xml.Attr, title string) {
	if title == "" {
		return
	}
	n := ""
	for _, a := range attrs {
		if a.Name.Local == "n" {
			n = strings.Trim(a.Value, ". ")
		}
	}
	depth := 1
	switch {
	case n != "":
		depth = strings.Count(n, ".") + 1
		d.numbered = true
	case d.numbered:
		for i := len(d.heads) - 1; i >= 0; i-- {
			if d.heads[i].numbered {
				depth = d.heads[i].depth + 1
				break
			}
		}
	case !isIMRaD(title) && len(d.heads) > 0 && isIMRaD(d.heads[0].title):
		depth = 2
	}
	for len(d.heads) > 0 && d.heads[len(d.heads)-1].depth >= depth {
		d.heads = d.heads[:len(d.heads)-1]
	}
	d.heads = append(d.heads, head{depth: depth, title: title, numbered: n != ""})
}

var reIMRaD = regexp.MustCompile(`(?i)^(?:\d+\.?\s*)?(?:introduction|background|methods?|materials and methods|methods and materials|patients and methods|experimental(?: section| procedures)?|results?|results and discussion|discussion|conclusions?|concluding remarks|summary|limitations|acknowledg(?:e)?ments?|related work|evaluation|experiments?)\s*$`)

func isIMRaD(title string) bool { return reIMRaD.MatchString(title) }

func (d *document) path() []string {
	out := make([]string, 0, len(d.heads))
	for _, h := range d.heads {
		out = append(out, h.title)
	}
	return out
}

// paragraph reads an element of running text, with its citations, and
// returns its text.
func (d *document) paragraph(start xml.StartElement, path []string) (string, error) {
	var b prose.Builder
	var stack []bool
	for {
		t, err := d.x.Token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.WriteString(string(t))
		case xml.EndElement:
			if len(stack) == 0 {
				p := b.Take(strings.Join(path, " > "))
				if len(p.Anchors) > 0 {
					d.paras = append(d.paras, p)
				}
				return p.Text, nil
			}
			if stack[len(stack)-1] {
				b.EndAnchor()
			}
			stack = stack[:len(stack)-1]
		case xml.StartElement:
			switch t.Name.Local {
			case "ref":
				if xmlread.Attr(t, "type") == "bibr" {
					var keys []string
					for _, f := range strings.Fields(xmlread.Attr(t, "target")) {
						if k := strings.TrimPrefix(f, "#"); k != "" {
							keys = append(keys, k)
						}
					}
					b.StartAnchor(keys)
					stack = append(stack, true)
					continue
				}
				stack = append(stack, false)
			case "s":
				b.Space()
				stack = append(stack, false)
			default:
				if xmlread.IsBreak(t.Name.Local) {
					b.Space()
				}
				stack = append(stack, false)
			}
		}
	}
}

// ---- references ----

func (d *document) listBibl() error {
	return d.x.Children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "biblStruct", "bibl":
			n, err := d.x.Tree(t)
			if err != nil {
				return err
			}
			d.refs = append(d.refs, reference(n))
			return nil
		case "listBibl":
			return d.listBibl()
		}
		return d.x.Skip()
	})
}

func reference(n *xmlread.Node) graph.Reference {
	ref := graph.Reference{Key: n.Get("id")}
	ids := map[string]string{}
	readBibl(n, &ref, ids)
	if d, ok := ids["doi"]; ok {
		delete(ids, "doi")
		_ = d
	}
	if len(ids) > 0 {
		ref.Identifiers = ids
	}
	for _, note := range n.All("note") {
		if note.Get("type") == "raw_reference" {
			ref.Raw = plain(note)
		}
	}
	if ref.Raw == "" {
		ref.Raw = refraw.Compose(ref)
	}
	if n.Name == "bibl" && ref.Raw == "" {
		ref.Raw = plain(n)
	}
	return ref
}

// readBibl reads the fields of a biblStruct: analytic (the article) and
// monogr (the journal, book or proceedings), identifiers anywhere.
func readBibl(n *xmlread.Node, ref *graph.Reference, ids map[string]string) {
	an := n.Child("analytic")
	mo := n.Child("monogr")
	authorsOf := func(p *xmlread.Node) {
		if p == nil {
			return
		}
		for _, a := range p.Kids {
			if a.Name != "author" {
				continue
			}
			if pn := a.Find("persName"); pn != nil {
				if au := persName(pn); au.Family != "" {
					ref.Authors = append(ref.Authors, au)
				}
			} else if on := a.Find("orgName"); on != nil && a.Find("affiliation") == nil {
				ref.Authors = append(ref.Authors, graph.Author{Family: plain(on)})
			}
		}
	}
	authorsOf(an)
	if len(ref.Authors) == 0 {
		authorsOf(mo)
	}
	var atitle, mtitle, mlevel string
	if an != nil {
		for _, t := range an.Kids {
			if t.Name == "title" && atitle == "" {
				atitle = plain(t)
			}
		}
	}
	if mo != nil {
		for _, t := range mo.Kids {
			if t.Name == "title" && (mtitle == "" || t.Get("type") == "main" && mlevel != t.Get("level")) {
				if mtitle == "" {
					mtitle, mlevel = plain(t), t.Get("level")
				}
			}
		}
		if im := mo.Child("imprint"); im != nil {
			for _, k := range im.Kids {
				switch k.Name {
				case "date":
					if when := k.Get("when"); when != "" {
						if m := reISODate.FindStringSubmatch(when); m != nil && ref.Year == 0 {
							ref.Year, _ = strconv.Atoi(m[1])
						}
					} else if y := find.Year(plain(k)); y != 0 && ref.Year == 0 {
						ref.Year = y
					}
				case "biblScope":
					switch k.Get("unit") {
					case "volume":
						ref.Volume = plain(k)
					case "issue":
						ref.Issue = plain(k)
					case "page":
						from, to := k.Get("from"), k.Get("to")
						switch {
						case from != "" && to != "":
							ref.Pages = from + "-" + to
						case from != "":
							ref.Pages = from
						default:
							ref.Pages = plain(k)
						}
					}
				}
			}
		}
	}
	switch {
	case atitle != "":
		ref.Title, ref.Venue = atitle, mtitle
	default:
		ref.Title = mtitle
	}
	switch {
	case mlevel == "j":
		ref.Type = "article-journal"
	case mlevel == "m" && atitle != "" && (mo.Find("meeting") != nil || reProceedings.MatchString(mtitle)):
		ref.Type = "paper-conference"
	case mlevel == "m" && atitle != "":
		ref.Type = "chapter"
	case mlevel == "m":
		ref.Type = "book"
	}
	for _, id := range n.All("idno") {
		v := plain(id)
		switch strings.ToLower(id.Get("type")) {
		case "doi":
			if dd, err := graph.NormalizeDOI(v); err == nil && ref.DOI == "" {
				ref.DOI = dd
				ids["doi"] = dd
			}
		case "pmid":
			setID(ids, graph.IDPMID, v)
		case "pmcid":
			setID(ids, graph.IDPMCID, v)
		case "arxiv":
			setID(ids, graph.IDArXiv, v)
		case "issn", "issne":
			setID(ids, graph.IDISSN, v)
		}
	}
	for _, p := range n.All("ptr") {
		if t := p.Get("target"); strings.Contains(t, "doi.org/10.") && ref.DOI == "" {
			if dd, err := graph.NormalizeDOI(t); err == nil {
				ref.DOI = dd
			}
		}
	}
}

var reProceedings = regexp.MustCompile(`(?i)proceedings|proc\.|conference|workshop|symposium|\b(?:ICLR|ICML|NeurIPS|NIPS|ACL|EMNLP|NAACL|KDD|WSDM|SIGIR|WWW|CVPR|AAAI|IJCAI|EACL|COLING)\b`)

func setID(ids map[string]string, scheme, v string) { ident.Set(ids, scheme, v) }
