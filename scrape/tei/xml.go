package tei

import (
	"errors"
	"strings"

	"github.com/citegraph/citegraph/scrape/internal/xmlread"
)

// PosError is a failure at a place in the source: the registry reports it as
// path:line:col. It is the type the XML readers share.
type PosError = xmlread.PosError

// ErrNotTEI means the XML has no TEI document in it.
var ErrNotTEI = errors.New("no TEI <TEI> element")

// plain returns the text of the subtree, collapsed, with a space between
// elements where GROBID breaks lines.
func plain(n *xmlread.Node) string {
	var b strings.Builder
	write(n, &b)
	return xmlread.Clean(b.String())
}

func write(n *xmlread.Node, b *strings.Builder) {
	if n.Name == "" {
		b.WriteString(n.Text)
		return
	}
	if xmlread.IsBreak(n.Name) {
		b.WriteByte(' ')
	}
	for _, k := range n.Kids {
		write(k, b)
	}
}
