package cassette

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/sciteapi"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// Conditions callers branch on, with errors.Is.
var (
	// ErrNotCassette means a source is not a VCR cassette: not YAML, or no
	// "interactions".
	ErrNotCassette = errors.New("cassette: not a VCR cassette")
	// ErrStatus means a recorded response is not a success (2xx).
	ErrStatus = errors.New("cassette: the recorded response is not a success")
	// ErrNoReader means a recorded body is no answer citegraph reads.
	ErrNoReader = errors.New("cassette: no reader for the recorded body")
	// ErrEncoding means a recorded body is compressed in a way citegraph
	// cannot undo, or its compression is corrupt.
	ErrEncoding = errors.New("cassette: cannot decode the recorded body")
)

// Error is a problem with one recorded interaction (or with the cassette
// as a whole, Interaction 0).
type Error struct {
	Line        int    // 1-based line of the interaction (or of the YAML problem)
	Interaction int    // 1-based; 0 for the cassette as a whole
	Method, URI string // the recorded request
	Err         error
}

func (e *Error) Error() string {
	if e.Interaction == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("interaction %d (%s %s): %v", e.Interaction, e.Method, e.URI, e.Err)
}

// Position returns the line of the interaction (column 0: unknown).
func (e *Error) Position() (line, col int) { return e.Line, 0 }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Format reads VCR cassettes: HTTP interactions recorded as YAML by vcrpy
// (Python: "interactions", request.uri, response.body.string, !!binary
// bodies), Ruby's VCR ("http_interactions", body.base64_string) and go-vcr
// (request.url, response.body as a string). Each recorded response body is
// decompressed (gzip, deflate) and read by the answer reader its request
// calls for: Crossref, OpenAlex, Semantic Scholar, OpenCitations or scite,
// chosen by the request's host, or by the body's content for other hosts.
// It implements scrape.StreamFormat; its name is "vcr-cassette".
type Format struct{}

// Name returns "vcr-cassette".
func (Format) Name() string { return "vcr-cassette" }

var reInteractions = regexp.MustCompile(`(?m)^(?:http_)?interactions:[ \t]*(?:#.*)?\r?$`)

// Sniff reports whether head is the start of a cassette: a YAML document
// with a top-level "interactions:" (or Ruby's "http_interactions:") key.
func (Format) Sniff(head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	if len(h) == 0 || h[0] == '{' || h[0] == '[' || h[0] == '<' {
		return false
	}
	return reInteractions.Match(head) && bytes.Contains(head, []byte("request:"))
}

// Extract reads a cassette and emits the records of every recorded body,
// in the order of the interactions; see Read.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Read(ctx, r, emit)
}

// Read reads a cassette from r and calls emit with the records of each
// recorded response body, in order, each with the line of its interaction
// in the cassette. An interaction that cannot be read — a response that
// is not a success, a body no reader takes, a body that is malformed — is
// reported in the error returned at the end (an *Error per interaction,
// joined) and the others are read. The cassette is parsed whole (YAML
// cannot be read in pieces), so its memory is proportional to its size;
// each body's records are emitted as they are decoded. The first error
// emit returns is returned as it is.
func Read(ctx context.Context, r io.Reader, emit func(graph.Record) error) (err error) {
	var doc yaml.Node
	if e := parseYAML(bufio.NewReader(r), &doc); e != nil {
		return e
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	list := get(root, "interactions")
	if list == nil {
		list = get(root, "http_interactions")
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return &Error{Line: max(root.Line, 1), Err: fmt.Errorf("%w: no list of interactions", ErrNotCassette)}
	}
	var errs []error
	var emitErr error
	for i, in := range list.Content {
		if err := ctx.Err(); err != nil {
			return err
		}
		it := interaction(in)
		e := &Error{Line: in.Line, Interaction: i + 1, Method: it.method, URI: it.uri}
		fail := func(err error) {
			e.Err = err
			errs = append(errs, e)
		}
		if it.err != nil {
			fail(it.err)
			continue
		}
		if it.code != 0 && (it.code < 200 || it.code > 299) {
			fail(fmt.Errorf("%w: status %d", ErrStatus, it.code))
			continue
		}
		body, err := decompress(it.body, it.encoding)
		if err != nil {
			fail(err)
			continue
		}
		head, err := leadingSpace(body)
		if err == io.EOF {
			continue // nothing recorded (a HEAD request, a 204)
		}
		if err != nil {
			fail(err)
			continue
		}
		rd, err := pick(it, head)
		if err != nil {
			fail(err)
			continue
		}
		err = rd.read(ctx, body, it.url, func(rec graph.Record) error {
			rec.Source.Line = in.Line
			if err := emit(rec); err != nil {
				emitErr = err
				return err
			}
			return nil
		})
		if emitErr != nil {
			return emitErr
		}
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			fail(fmt.Errorf("%s: %w", rd.name, err))
		}
	}
	return errors.Join(errs...)
}

var reYAMLLine = regexp.MustCompile(`line (\d+)`)

// parseYAML parses a YAML document, turning the library's errors (and any
// panic it might raise on hostile input) into an *Error with the line.
func parseYAML(r io.Reader, doc *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &Error{Line: 1, Err: fmt.Errorf("%w: the YAML parser failed: %v", ErrNotCassette, p)}
		}
	}()
	dec := yaml.NewDecoder(r)
	if e := dec.Decode(doc); e != nil {
		line := 1
		if m := reYAMLLine.FindStringSubmatch(e.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		msg := strings.TrimPrefix(e.Error(), "yaml: ")
		if e == io.EOF {
			msg = "empty"
		}
		return &Error{Line: line, Err: fmt.Errorf("%w: %s", ErrNotCassette, msg)}
	}
	return nil
}

// get returns the value of key in a mapping node, following aliases; nil
// when n is not a mapping or has no such key.
func get(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 10; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// scalar returns a scalar node's value ("" for anything else).
func scalar(n *yaml.Node) string {
	if n = deref(n); n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// header returns the first value of a header, its name matched without
// regard to case; headers map names to a list of values or to one value.
func header(headers *yaml.Node, name string) string {
	headers = deref(headers)
	if headers == nil || headers.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(headers.Content); i += 2 {
		if !strings.EqualFold(headers.Content[i].Value, name) {
			continue
		}
		v := deref(headers.Content[i+1])
		if v != nil && v.Kind == yaml.SequenceNode && len(v.Content) > 0 {
			return scalar(v.Content[0])
		}
		return scalar(v)
	}
	return ""
}

// recorded is what citegraph reads of one interaction.
type recorded struct {
	method, uri string
	url         *url.URL
	code        int
	contentType string
	body        []byte // as recorded (compressed when encoding says)
	encoding    string // its Content-Encoding
	err         error
}

func interaction(n *yaml.Node) recorded {
	var it recorded
	req, resp := get(n, "request"), get(n, "response")
	it.method = strings.ToUpper(scalar(get(req, "method")))
	it.uri = scalar(get(req, "uri"))
	if it.uri == "" {
		it.uri = scalar(get(req, "url")) // go-vcr
	}
	if u, err := url.Parse(it.uri); err == nil {
		it.url = u
	} else {
		it.url = &url.URL{}
	}
	if resp == nil {
		it.err = errors.New("no response recorded")
		return it
	}
	status := get(resp, "status")
	code := scalar(get(status, "code"))
	if code == "" {
		code = scalar(get(resp, "code")) // go-vcr
	}
	if code == "" {
		code, _, _ = strings.Cut(scalar(status), " ") // go-vcr's "200 OK"
	}
	it.code, _ = strconv.Atoi(strings.TrimSpace(code))
	headers := get(resp, "headers")
	it.contentType = header(headers, "Content-Type")
	body, err := rawBody(get(resp, "body"))
	if err != nil {
		it.err = err
		return it
	}
	it.body, it.encoding = body, header(headers, "Content-Encoding")
	return it
}

// rawBody returns a recorded body as stored: vcrpy's body.string (base64
// when tagged !!binary), Ruby VCR's body.string or body.base64_string, or
// go-vcr's body as a string.
func rawBody(n *yaml.Node) ([]byte, error) {
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.MappingNode {
		if b := get(n, "base64_string"); b != nil {
			return unbase64(b.Value)
		}
		n = get(n, "string")
		if n == nil {
			return nil, nil
		}
	}
	if n.Kind != yaml.ScalarNode {
		return nil, errors.New("the body is neither text nor bytes")
	}
	if n.ShortTag() == "!!binary" {
		return unbase64(n.Value)
	}
	if n.ShortTag() == "!!null" {
		return nil, nil
	}
	return []byte(n.Value), nil
}

func unbase64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: bad base64: %v", ErrEncoding, err)
	}
	return b, nil
}

// leadingSpace reads past the white space a body starts with and returns
// the start of the rest (at most 64 KiB, for pick), or io.EOF when there is
// nothing else, or the error that cut it short.
func leadingSpace(body *bufio.Reader) ([]byte, error) {
	for {
		head, err := body.Peek(64 << 10)
		t := bytes.TrimLeft(head, " \t\r\n")
		if len(t) > 0 {
			_, _ = body.Discard(len(head) - len(t)) // Peek holds them
			return body.Peek(min(body.Buffered(), 64<<10))
		}
		if err != nil {
			return nil, err
		}
		_, _ = body.Discard(len(head))
	}
}

// maxBody is the most bytes a decompressed body may have: a guard against
// a small cassette that inflates without end. Bodies are decompressed as
// they are read, never held whole, so memory does not grow with it.
const maxBody = 256 << 20

// errBodyTooLarge is the error of a body that inflates past maxBody.
var errBodyTooLarge = fmt.Errorf("%w: the body inflates to more than %d MiB: not read further", ErrEncoding, maxBody>>20)

// decompress returns a reader of the body undoing its Content-Encoding:
// gzip and deflate (zlib or raw), inflated as it is read and failing with
// errBodyTooLarge past maxBody bytes. A gzip body recorded without its
// header is recognised by its magic number.
func decompress(b []byte, encoding string) (*bufio.Reader, error) {
	enc := strings.ToLower(strings.TrimSpace(encoding))
	if enc == "" && len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b {
		enc = "gzip"
	}
	plain := func() (*bufio.Reader, error) { return bufio.NewReaderSize(bytes.NewReader(b), 64<<10), nil }
	var r io.Reader
	switch enc {
	case "", "identity":
		return plain()
	case "gzip", "x-gzip":
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			return plain() // decoded already by the recorder, header kept
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		r = zr
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(b)); err == nil {
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(b))
		}
	default:
		if t := bytes.TrimSpace(b); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			return plain() // decoded already by the recorder, header kept
		}
		return nil, fmt.Errorf("%w: Content-Encoding %q", ErrEncoding, encoding)
	}
	return bufio.NewReaderSize(&inflated{r: r, enc: enc, left: maxBody}, 64<<10), nil
}

// inflated reads a decompressing reader, naming its failures and failing
// with errBodyTooLarge after maxBody bytes.
type inflated struct {
	r    io.Reader
	enc  string
	left int64
}

func (z *inflated) Read(p []byte) (int, error) {
	if z.left <= 0 {
		if n, _ := z.r.Read(make([]byte, 1)); n > 0 {
			return 0, errBodyTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > z.left {
		p = p[:z.left]
	}
	n, err := z.r.Read(p)
	z.left -= int64(n)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %s: %v", ErrEncoding, z.enc, err)
	}
	return n, err
}

// reader is an answer reader the cassette hands bodies to.
type reader struct {
	name  string
	hosts []string // host suffixes whose answers it reads
	sniff func(head []byte) bool
	read  func(ctx context.Context, r io.Reader, u *url.URL, emit func(graph.Record) error) error
}

var readers = []reader{
	{
		name: crossref.Format{}.Name(), hosts: []string{crossref.Host}, sniff: crossref.Format{}.Sniff,
		read: func(ctx context.Context, r io.Reader, _ *url.URL, emit func(graph.Record) error) error {
			return crossref.Decode(ctx, r, emit)
		},
	},
	{
		name: openalex.Format{}.Name(), hosts: []string{openalex.Host}, sniff: openalex.Format{}.Sniff,
		read: func(ctx context.Context, r io.Reader, _ *url.URL, emit func(graph.Record) error) error {
			return openalex.Decode(ctx, r, emit)
		},
	},
	{
		name: semanticscholar.Format{}.Name(), hosts: []string{semanticscholar.Host}, sniff: semanticscholar.Format{}.Sniff,
		read: func(ctx context.Context, r io.Reader, u *url.URL, emit func(graph.Record) error) error {
			return semanticscholar.Decode(ctx, r, S2Options(u), emit)
		},
	},
	{
		name: opencitations.Format{}.Name(), hosts: []string{opencitations.HostWeb}, sniff: opencitations.Format{}.Sniff,
		read: func(ctx context.Context, r io.Reader, _ *url.URL, emit func(graph.Record) error) error {
			return opencitations.Decode(ctx, r, emit)
		},
	},
	{
		name: sciteapi.Format{}.Name(), hosts: []string{sciteapi.Host}, sniff: sciteapi.Format{}.Sniff,
		read: func(ctx context.Context, r io.Reader, u *url.URL, emit func(graph.Record) error) error {
			return sciteapi.Decode(ctx, r, SciteOptions(u), emit)
		},
	},
}

// pick chooses the reader for a body: the one for the request's host when
// the body looks like its answers, else the first whose Sniff takes it.
func pick(it recorded, head []byte) (reader, error) {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	host := strings.ToLower(it.url.Hostname())
	for _, rd := range readers {
		for _, h := range rd.hosts {
			if (host == h || strings.HasSuffix(host, "."+h)) && rd.sniff(head) {
				return rd, nil
			}
		}
	}
	for _, rd := range readers {
		if rd.sniff(head) {
			return rd, nil
		}
	}
	what := it.contentType
	if what == "" {
		what = "no Content-Type"
	}
	return reader{}, fmt.Errorf("%w (%s, starting %q)", ErrNoReader, what, preview(head))
}

func preview(b []byte) string {
	s := strings.Join(strings.Fields(string(b[:min(len(b), 40)])), " ")
	if len(b) > 40 {
		s += "…"
	}
	return s
}

// S2Options returns what a Semantic Scholar Graph API request says about
// the paper its answer is about: the paper ID of
// /graph/v1/paper/{id}/citations and /graph/v1/paper/{id}/references.
// Other requests (and IDs PaperRef cannot read) give zero Options.
func S2Options(u *url.URL) semanticscholar.Options {
	p := u.EscapedPath()
	i := strings.Index(p, "/paper/")
	if i < 0 {
		return semanticscholar.Options{}
	}
	rest := strings.TrimSuffix(p[i+len("/paper/"):], "/")
	for _, suffix := range []string{"/citations", "/references"} {
		if id, ok := strings.CutSuffix(rest, suffix); ok {
			if ref, err := semanticscholar.PaperRef(id); err == nil {
				return semanticscholar.Options{Paper: &ref}
			}
		}
	}
	return semanticscholar.Options{}
}

// SciteOptions returns what a scite request says about its answer: the
// cited DOI of /papers/sources/{doi}.
func SciteOptions(u *url.URL) sciteapi.Options {
	p := u.Path
	i := strings.Index(p, "/papers/sources/")
	if i < 0 {
		return sciteapi.Options{}
	}
	if d, err := graph.NormalizeDOI(p[i+len("/papers/sources/"):]); err == nil {
		return sciteapi.Options{Cited: &graph.Reference{DOI: d}}
	}
	return sciteapi.Options{}
}
