package scrape

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/citegraph/citegraph/graph"
)

// Page is a web page as the page extractors read it: a list of text blocks,
// one per line, whether the page was saved as text (as a browser's "save as
// text" or a copy of the rendered page gives it) or as HTML (each block
// element becomes a line, as a browser renders it). The same extractor reads
// both, so an HTML page and its text dump give the same records.
type Page struct {
	Path  string
	Lines []Line
	// Doc is the parsed HTML, nil when the page was saved as text.
	Doc *goquery.Document
}

// Line is one non-empty text block of a page, its white space collapsed.
type Line struct {
	Text string
	// N is the 1-based line of a text page, or the 1-based block number of
	// an HTML page.
	N int
}

// texts returns the lines' texts.
func (p *Page) texts() []string {
	out := make([]string, len(p.Lines))
	for i, l := range p.Lines {
		out[i] = l.Text
	}
	return out
}

// decodeText converts the bytes of a text source to UTF-8: it removes a
// UTF-8 byte order mark, decodes UTF-16 with a BOM, and reads bytes that
// are not valid UTF-8 as Windows-1252 (what older exports and pages saved
// on Windows hold). It returns ErrBinary for data with NUL bytes or many
// control characters.
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return nil, ErrBinary
		}
		b = d
	}
	if isBinary(b) {
		return nil, ErrBinary
	}
	if !utf8.Valid(b) {
		d, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return nil, ErrBinary
		}
		b = d
	}
	return b, nil
}

// looksLikeHTML reports whether text starts like an HTML document.
func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<head")) || bytes.HasPrefix(head, []byte("<body")) ||
		bytes.HasPrefix(head, []byte("<!--")) && bytes.Contains(head, []byte("<html"))
}

// textPage splits UTF-8 text into a page: one line per text line (LF, CRLF
// or CR ends a line), white space collapsed, empty lines dropped.
func textPage(path string, b []byte) *Page {
	p := &Page{Path: path}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	for i, l := range strings.Split(s, "\n") {
		if t := graph.CleanText(l); t != "" {
			p.Lines = append(p.Lines, Line{Text: t, N: i + 1})
		}
	}
	return p
}

// htmlPage parses HTML into a page whose lines are the text blocks a
// browser would render: block elements and <br> end a line, inline
// elements run together, and scripts, styles, hidden elements and the head
// give no text.
func htmlPage(path string, b []byte) (*Page, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	p := &Page{Path: path, Doc: doc}
	var cur strings.Builder
	flush := func() {
		if t := graph.CleanText(cur.String()); t != "" {
			p.Lines = append(p.Lines, Line{Text: t, N: len(p.Lines) + 1})
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipElement(n) {
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			flush()
		}
		if n.DataAtom == atom.Br {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
			if n.DataAtom == atom.Tr && c.Type == html.ElementNode {
				cur.WriteByte(' ') // cells of a row are separated
			}
		}
		if block {
			flush()
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	flush()
	return p, nil
}

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object, atom.Select, atom.Button:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// blockElements start and end a line of text, as in a browser's rendering.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tr: true, atom.Ul: true, atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Html: true, atom.Legend: true, atom.Menu: true,
}
