package attr

import "encoding/xml"

// EscapeXML returns s escaped for XML text and attribute values (as
// xml.EscapeText: tabs and line breaks, which Clean removes anyway, become
// character references). The GraphML and GEXF writers use it.
func EscapeXML(s string) string {
	var b buffer
	_ = xml.EscapeText(&b, []byte(s)) // a buffer's Write does not fail
	return string(b)
}

// buffer is an io.Writer appending to a byte slice.
type buffer []byte

func (b *buffer) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
