package jats

import (
	"encoding/xml"
	"strings"

	"github.com/citegraph/citegraph/scrape/internal/xmlread"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Elements of the body whose title is a section title: the path of the
// paragraphs inside them grows by it.
var sectionLike = map[string]bool{
	"sec": true, "app": true, "app-group": true, "ack": true, "boxed-text": true, "glossary": true,
	"notes": true, "fn-group": true, "bio": true, "ref-list": true,
}

// Elements that hold running text: each is a paragraph of its own.
var paragraphLike = map[string]bool{
	"p": true, "td": true, "th": true, "verse-line": true, "attrib": true, "term": true, "def-head": true,
	"license-p": true, "mixed-citation-text": true,
}

// Elements whose content never holds prose.
var noText = map[string]bool{
	"tex-math": true, "graphic": true, "inline-graphic": true, "media": true, "object-id": true,
	"permissions": true, "alt-text": true, "long-desc": true, "private-char": true, "processing-meta": true,
}

// Elements that interrupt a paragraph: what comes before and after them
// are separate paragraphs.
var blockInParagraph = map[string]bool{
	"list": true, "def-list": true, "disp-quote": true, "table-wrap": true, "table-wrap-group": true,
	"fig": true, "fig-group": true, "boxed-text": true, "statement": true, "p": true, "fn": true,
	"array": true, "table": true, "speech": true, "verse-group": true, "chem-struct-wrap": true,
	"question": true, "answer": true, "sec": true, "code": true, "preformat": true, "ref-list": true,
	"supplementary-material": true,
}

// block reads a container of the body or back matter: sections, figures,
// tables, lists, boxes. Paragraphs inside become a.paras when they cite;
// reference lists wherever they stand (in the back, or in the body as
// Europe PMC writes them) become a.refs.
func (a *article) block(start xml.StartElement, path []string) error {
	kind := start.Name.Local
	cur := path
	return a.x.Children(func(t xml.StartElement) error {
		name := t.Name.Local
		switch {
		case name == "ref-list":
			return a.refList()
		case name == "title" && sectionLike[kind]:
			s, err := a.paragraph(t, path)
			if s != "" {
				cur = append(append([]string(nil), path...), s)
			}
			return err
		case name == "label" && (kind == "fig" || kind == "table-wrap" || kind == "boxed-text" || kind == "supplementary-material" || kind == "chem-struct-wrap"):
			s, err := a.x.Text()
			if s != "" {
				cur = append(append([]string(nil), path...), strings.TrimRight(s, ".: "))
			}
			return err
		case name == "label", name == "sec-meta", noText[name]:
			return a.x.Skip()
		case name == "title" || paragraphLike[name]:
			_, err := a.paragraph(t, cur)
			return err
		}
		return a.block(t, cur)
	})
}

// paragraph reads an element of running text into a paragraph, with its
// in-text citations (<xref ref-type="bibr">), and returns its text. Blocks
// inside it (lists, quotes, tables) are read as blocks and split it.
func (a *article) paragraph(start xml.StartElement, path []string) (string, error) {
	var b prose.Builder
	var all strings.Builder
	section := strings.Join(path, " > ")
	flush := func() {
		p := b.Take(section)
		if all.Len() > 0 && p.Text != "" {
			all.WriteByte(' ')
		}
		all.WriteString(p.Text)
		if len(p.Anchors) > 0 {
			a.paras = append(a.paras, p)
		}
	}
	// stack of open inline elements; true where an anchor opened.
	var stack []bool
	size := 0 // bytes of text, bounded by xmlread.MaxText
	for {
		t, err := a.x.Token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if size += len(t); size > xmlread.MaxText {
				line, col := a.x.InputPos()
				return "", &xmlread.PosError{Line: line, Col: col, Err: xmlread.ErrTooLarge}
			}
			b.WriteString(string(t))
		case xml.EndElement:
			if len(stack) == 0 {
				flush()
				return xmlread.Clean(all.String()), nil
			}
			if stack[len(stack)-1] {
				b.EndAnchor()
			}
			stack = stack[:len(stack)-1]
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "xref" && xmlread.Attr(t, "ref-type") == "bibr":
				b.StartAnchor(strings.Fields(xmlread.Attr(t, "rid")))
				stack = append(stack, true)
			case noText[name]:
				if err := a.x.Skip(); err != nil {
					return "", err
				}
			case name == "ref-list":
				flush()
				if err := a.refList(); err != nil {
					return "", err
				}
			case blockInParagraph[name]:
				flush()
				var err error
				if name == "p" {
					_, err = a.paragraph(t, path)
				} else {
					err = a.block(t, path)
				}
				if err != nil {
					return "", err
				}
			case xmlread.IsBreak(name):
				b.Space()
				stack = append(stack, false)
			default:
				stack = append(stack, false)
			}
		}
	}
}
