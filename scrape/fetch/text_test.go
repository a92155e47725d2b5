package fetch

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

func textOf(t *testing.T, contentType string, body []byte) (string, error) {
	t.Helper()
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	b, err := (&Response{Method: "GET", URL: "http://x/y", Status: 200, Header: h, Body: body}).Text()
	return string(b), err
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestText(t *testing.T) {
	latin := encode(t, charmap.ISO8859_1, "café in Zürich, 5 µg")
	sjis := encode(t, japanese.ShiftJIS, "日本語の論文")
	utf16 := append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Ünïcode title")...)
	cases := []struct {
		name, ct string
		body     []byte
		want     string
	}{
		{"header charset", "text/html; charset=ISO-8859-1", latin, "café in Zürich, 5 µg"},
		{"header charset, quoted", `text/plain; charset="latin1"`, latin, "café in Zürich, 5 µg"},
		// WHATWG reads ISO-8859-1 as Windows-1252: 0x93 0x94 are quotes.
		{"1252 quotes", "text/html; charset=iso-8859-1", []byte("\x93quoted\x94 \x96 dash"), "“quoted” – dash"},
		{"meta charset", "text/html", append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis"></head><body>`), sjis...), `<html><head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis"></head><body>日本語の論文`},
		{"meta, no type", "", append([]byte(`<!DOCTYPE html><meta charset="iso-8859-1"><p>`), latin...), `<!DOCTYPE html><meta charset="iso-8859-1"><p>café in Zürich, 5 µg`},
		{"json is utf-8", "application/json", []byte(`{"title":"Zürich – ü"}`), `{"title":"Zürich – ü"}`},
		{"vendor json", "application/vnd.citationstyles.csl+json", []byte(`["é"]`), `["é"]`},
		{"xml declaration", "application/xml", append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><a>`), latin...), `<?xml version="1.0" encoding="ISO-8859-1"?><a>café in Zürich, 5 µg`},
		{"xml default", "text/xml", []byte(`<?xml version="1.0"?><a>é</a>`), `<?xml version="1.0"?><a>é</a>`},
		{"utf-16 bom", "text/plain", utf16, "Ünïcode title"},
		{"utf-8 bom dropped", "text/csv", []byte("\xEF\xBB\xBFoci,citing\n"), "oci,citing\n"},
		{"bom beats header", "text/plain; charset=iso-8859-1", []byte("\xEF\xBB\xBFé"), "é"},
		{"not utf-8, no label", "text/plain", []byte("Gr\xfc\xdfe"), "Grüße"},
		{"utf-8, no label", "text/plain", []byte("Grüße"), "Grüße"},
		{"octet-stream text", "application/octet-stream", []byte("TY  - JOUR\r\n"), "TY  - JOUR\r\n"},
	}
	for _, c := range cases {
		got, err := textOf(t, c.ct, c.body)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	for _, ct := range []string{"image/png", "application/pdf", "application/zip"} {
		if _, err := textOf(t, ct, []byte("\x89PNG")); !errors.Is(err, ErrNotText) {
			t.Errorf("%s: %v, want ErrNotText", ct, err)
		}
	}
	if _, err := textOf(t, "text/html; charset=klingon-8", []byte("x")); err == nil || !strings.Contains(err.Error(), `unknown charset "klingon-8"`) {
		t.Errorf("unknown charset: %v", err)
	}
}

// A real page (First Monday, UTF-8 with CRLF line ends) served as a server
// with an ISO-8859-1 label would send it: fetched as a Page, its Text is
// the page again, every character Windows-1252 can hold intact.
func TestTextRealPageLatin1(t *testing.T) {
	page := string(readTestdata(t, "first_monday_ojs3_hiv_surveillance.html"))
	enc := charmap.Windows1252.NewEncoder()
	var latin []byte
	var want strings.Builder
	for _, r := range page {
		b, err := enc.Bytes([]byte(string(r)))
		if err != nil {
			latin = append(latin, '?')
			want.WriteByte('?')
			continue
		}
		latin = append(latin, b...)
		want.WriteRune(r)
	}
	if bytes.Equal(latin, []byte(page)) {
		t.Fatal("the page has no character outside ASCII: the test would prove nothing")
	}
	s := fetchtest.NewServer()
	defer s.Close()
	s.Handle("GET", "/article/view/10274", fetchtest.Answer{Header: http.Header{"Content-Type": {"text/html; charset=ISO-8859-1"}}, Body: latin})
	s.Handle("GET", "/utf8", fetchtest.Answer{Header: http.Header{"Content-Type": {"text/html"}}, Body: []byte(page)})
	f := newFetcher(t, Options{}, s)
	for path, want := range map[string]string{"/article/view/10274": want.String(), "/utf8": page} {
		r, err := f.Get(context.Background(), s.URL+path, Page)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Text()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want || !utf8.Valid(got) {
			t.Errorf("%s: Text differs from the page", path)
		}
		if !strings.Contains(string(got), "Surveillance, stigma") || !strings.Contains(string(got), "\r\n") {
			t.Errorf("%s: title or CRLF lost", path)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("text/html", []byte(`<meta charset="shift_jis">`+"\x93\xfa"))
	f.Add("text/plain; charset=utf-16", []byte("\xff\xfea\x00"))
	f.Add("application/xml", []byte(`<?xml version="1.0" encoding="windows-1251"?>`+"\xc0"))
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		r := &Response{Header: http.Header{"Content-Type": {ct}}, Body: body}
		b, err := r.Text()
		plainJSON := (ct == "application/json" || ct == "application/ld+json") && !bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}) &&
			!bytes.HasPrefix(body, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(body, []byte{0xFF, 0xFE})
		if plainJSON && (err != nil || !bytes.Equal(b, body)) {
			t.Fatalf("JSON without a charset was changed: %q -> %q, %v", body, b, err)
		}
	})
}
