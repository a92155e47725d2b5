package readertest

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"flag"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// FuzzCap is the largest input a fuzz target of a reader explores while
// fuzzing (TooLargeToFuzz). Go's fuzzer minimises every input that finds
// new code before going on, for up to a minute each, and an input of
// 20–40 KB of HTML or JSON takes all of it: the targets seeded with whole
// saved pages and answers ran 2–9 inputs a second (issue 16, item 7).
// Seeds of a few KB (ShrinkJSON, ShrinkHTML) keep the structure of the
// real files and minimise in milliseconds.
const FuzzCap = 4 << 10

// TooLargeToFuzz reports whether an input of n bytes is past FuzzCap while
// the test binary fuzzes (-test.fuzz set). Without -fuzz every input, the
// whole seed files and the testdata/fuzz corpus included, is still read.
func TooLargeToFuzz(n int) bool { return TooLargeToFuzzAt(n, FuzzCap) }

// TooLargeToFuzzAt is TooLargeToFuzz with its own cap, for targets whose
// every input costs milliseconds (the page readers: 2 KiB).
func TooLargeToFuzzAt(n, limit int) bool { return n > limit && fuzzing() }

func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// AddShrunk adds to f, as []byte seeds, Shrunk(f, glob, shrink).
func AddShrunk(f *testing.F, glob string, shrink func([]byte) []byte) {
	for _, b := range Shrunk(f, glob, shrink) {
		f.Add(b)
	}
}

// Shrunk returns, for every file matching glob, the file shrunk by shrink
// (ShrinkJSON, ShrinkHTML, …) when that is at most FuzzCap bytes; t fails
// when a file cannot be read.
func Shrunk(t testing.TB, glob string, shrink func([]byte) []byte) [][]byte {
	files, _ := filepath.Glob(glob)
	var out [][]byte
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if s := shrink(b); len(s) <= FuzzCap {
			out = append(out, s)
		}
	}
	return out
}

// ShrinkJSON returns a small JSON document (or JSON Lines) of the shape of
// b: every array keeps its first two elements and every string its first
// 32 bytes (whole runes), keys kept (sorted, as encoding/json writes
// them). Input that is not JSON is cut to FuzzCap bytes.
func ShrinkJSON(b []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out bytes.Buffer
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		s, err := json.Marshal(shrinkValue(v))
		if err != nil {
			break
		}
		out.Write(s)
		out.WriteByte('\n')
	}
	if out.Len() == 0 {
		return cut(b, FuzzCap)
	}
	return out.Bytes()
}

func shrinkValue(v any) any {
	switch v := v.(type) {
	case []any:
		if len(v) > 2 {
			v = v[:2]
		}
		for i := range v {
			v[i] = shrinkValue(v[i])
		}
		return v
	case map[string]any:
		if len(v) > 8 && allNumberLists(v) { // OpenAlex's abstract_inverted_index: eight words
			keys := slices.Sorted(maps.Keys(v))
			for _, k := range keys[8:] {
				delete(v, k)
			}
		}
		for k, x := range v {
			v[k] = shrinkValue(x)
		}
		return v
	case string:
		return string(cut([]byte(v), 32))
	}
	return v
}

func allNumberLists(m map[string]any) bool {
	for _, x := range m {
		l, ok := x.([]any)
		if !ok || len(l) == 0 {
			return false
		}
		if _, ok := l[0].(json.Number); !ok {
			return false
		}
	}
	return true
}

// cut returns at most n bytes of b, ending at a rune boundary.
func cut(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return b[:n]
}

// ShrinkHTML returns a small HTML page of the shape of b: scripts,
// styles, SVG and comments are dropped, every element keeps its first
// three child elements (none below depth 12), and every text its first
// 120 bytes.
func ShrinkHTML(b []byte) []byte {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return cut(b, FuzzCap)
	}
	shrinkNode(doc, 0)
	var out bytes.Buffer
	if err := html.Render(&out, doc); err != nil {
		return cut(b, FuzzCap)
	}
	return out.Bytes()
}

func shrinkNode(n *html.Node, depth int) {
	kept, metas := 0, 0
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode,
			c.Type == html.ElementNode && (c.Data == "script" && !strings.Contains(attr(c, "type"), "json") || c.Data == "style" || c.Data == "svg" || c.Data == "noscript" || c.Data == "link"),
			c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.Data == "meta":
			if metas++; metas > 24 {
				n.RemoveChild(c)
			}
		case c.Type == html.ElementNode:
			if kept++; (kept > 3 || depth > 12) && c.Data != "head" && c.Data != "body" {
				n.RemoveChild(c)
			} else {
				shrinkNode(c, depth+1)
			}
		case c.Type == html.TextNode:
			c.Data = string(cut([]byte(c.Data), 120))
		}
		c = next
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// ShrinkLines returns a text page of at most limit bytes from b: its
// first 30 and last 15 lines, each cut to 120 bytes, cut at limit.
func ShrinkLines(b []byte, limit int) []byte {
	if len(b) <= limit {
		return b
	}
	lines := bytes.Split(b, []byte("\n"))
	if len(lines) > 45 {
		lines = append(lines[:30:30], lines[len(lines)-15:]...)
	}
	for i, l := range lines {
		lines[i] = cut(l, 120)
	}
	return cut(bytes.Join(lines, []byte("\n")), limit)
}

// ShrinkYAMLBodies returns a YAML document (a VCR cassette) whose string
// values that hold JSON are shrunk by ShrinkJSON (gzip-compressed
// !!binary ones too), whose sequences keep their first two items and whose
// headers only Content-Type and Content-Encoding; input that is not YAML is cut to FuzzCap bytes.
func ShrinkYAMLBodies(b []byte) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return cut(b, FuzzCap)
	}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.SequenceNode && len(n.Content) > 2 {
			n.Content = n.Content[:2]
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if h := n.Content[i+1]; n.Content[i].Value == "headers" && h.Kind == yaml.MappingNode {
					h.Content = keepHeaders(h.Content)
				}
			}
		}
		if n.Kind == yaml.ScalarNode && n.Tag == "!!binary" {
			n.Value = shrinkBinary(n.Value)
		}
		if n.Kind == yaml.ScalarNode && n.Tag != "!!binary" {
			if v := strings.TrimSpace(n.Value); strings.HasPrefix(v, "{") || strings.HasPrefix(v, "[") {
				n.Value = strings.TrimSpace(string(ShrinkJSON([]byte(v))))
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	out, err := yaml.Marshal(&doc)
	if err != nil {
		return cut(b, FuzzCap)
	}
	return out
}

// keepHeaders keeps of a header mapping's pairs those the cassette reader
// looks at: Content-Type and Content-Encoding.
func keepHeaders(pairs []*yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(pairs); i += 2 {
		if k := strings.ToLower(pairs[i].Value); k == "content-type" || k == "content-encoding" {
			out = append(out, pairs[i], pairs[i+1])
		}
	}
	return out
}

// shrinkBinary shrinks a base64 body holding gzip-compressed JSON (as VCR
// records compressed answers) and compresses it again; anything else is
// returned as it is.
func shrinkBinary(b64 string) string {
	raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(b64), ""))
	if err != nil || len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
		return b64
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return b64
	}
	plain, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return b64
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	_, _ = zw.Write(ShrinkJSON(plain)) // a bytes.Buffer never fails
	_ = zw.Close()
	return base64.StdEncoding.EncodeToString(z.Bytes())
}
