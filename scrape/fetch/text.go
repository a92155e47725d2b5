package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Text returns the body as UTF-8 without a byte-order mark. The encoding is
// taken, in this order, from a byte-order mark; the charset parameter of the
// Content-Type (labels as the WHATWG Encoding Standard reads them, so
// ISO-8859-1 is read as its superset Windows-1252, as browsers do); for
// JSON, UTF-8 (RFC 8259); for HTML, a <meta> charset in the first 1,024
// bytes; for XML, the encoding of the XML declaration. Failing all of
// these, a body that is valid UTF-8 is UTF-8 and any other is read as
// Windows-1252. The raw Body is left as it is. Text returns ErrNotText
// (wrapped in an *Error) for images, audio, video, PDF and archives, and
// an error for a charset label it does not know.
func (r *Response) Text() ([]byte, error) {
	e, err := r.encoding()
	if err != nil {
		return nil, &Error{Method: r.Method, URL: r.URL, Status: r.Status, Err: err}
	}
	body := r.Body
	for _, b := range boms {
		if bytes.HasPrefix(body, b.bom) {
			body = body[len(b.bom):]
			break
		}
	}
	if e == encoding.Nop {
		return body, nil
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return nil, &Error{Method: r.Method, URL: r.URL, Status: r.Status, Err: fmt.Errorf("decoding the body: %w", err)}
	}
	return out, nil
}

var boms = []struct {
	bom   []byte
	label string
}{
	{[]byte{0xEF, 0xBB, 0xBF}, "utf-8"},
	{[]byte{0xFE, 0xFF}, "utf-16be"},
	{[]byte{0xFF, 0xFE}, "utf-16le"},
}

// encoding picks the body's encoding (see Text); encoding.Nop means UTF-8.
func (r *Response) encoding() (encoding.Encoding, error) {
	for _, b := range boms {
		if bytes.HasPrefix(r.Body, b.bom) {
			return lookup(b.label)
		}
	}
	ct := r.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	if cs := strings.TrimSpace(params["charset"]); cs != "" {
		return lookup(cs)
	}
	switch {
	case notText(mt):
		return nil, fmt.Errorf("%w (%s)", ErrNotText, mt)
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return encoding.Nop, nil
	case mt == "text/html" || mt == "application/xhtml+xml" || mt == "" && looksHTML(r.Body):
		head := r.Body[:min(len(r.Body), 1024)]
		if _, name, certain := charset.DetermineEncoding(head, ct); !certain && name != "utf-8" && name != "windows-1252" {
			return lookup(name) // found in a <meta>
		}
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml") || mt == "" && bytes.HasPrefix(r.Body, []byte("<?xml")):
		if m := xmlEncoding.FindSubmatch(r.Body[:min(len(r.Body), 200)]); m != nil {
			return lookup(string(m[1]))
		}
		return encoding.Nop, nil
	}
	if utf8.Valid(r.Body) {
		return encoding.Nop, nil
	}
	return charmap.Windows1252, nil
}

var xmlEncoding = regexp.MustCompile(`^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

func lookup(label string) (encoding.Encoding, error) {
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	if name == "utf-8" {
		return encoding.Nop, nil
	}
	return e, nil
}

func notText(mt string) bool {
	for _, p := range []string{"image/", "audio/", "video/", "font/"} {
		if strings.HasPrefix(mt, p) {
			return true
		}
	}
	switch mt {
	case "application/pdf", "application/zip", "application/gzip", "application/x-gzip",
		"application/x-tar", "application/x-7z-compressed", "application/vnd.ms-excel",
		"application/msword":
		return true
	}
	return strings.HasPrefix(mt, "application/vnd.openxmlformats")
}

func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
