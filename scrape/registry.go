package scrape

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/sourcefile"
	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// StreamFormat is an extractor for sources read as a stream: full-text XML,
// bibliographic exports, citation-index answers saved as files. Formats
// live in subpackages (scrape/jats, scrape/ris …) and need not import this
// package: any type with these methods will do.
type StreamFormat interface {
	// Name is the format's name as it appears in records' source.format and
	// in --format, e.g. "ris".
	Name() string
	// Sniff reports whether head looks like this format. head is the start
	// of the source (at most SniffSize bytes), converted to UTF-8 with any
	// byte-order mark removed; it may end in the middle of a line.
	Sniff(head []byte) bool
	// Extract reads r (UTF-8, no byte-order mark) to its end and calls emit
	// for each record in source order, setting the record's Source.Line
	// where it knows it. It returns the first error emit returns. When part
	// of the source is malformed it reads on where it can and returns an
	// error at the end (errors.Join of several is fine); an error that has
	// a method Position() (line, column int) says where. Records emitted
	// before an error stand.
	Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error
}

// PageFormat is an extractor for one kind of web page, read as text blocks
// (see Page).
type PageFormat interface {
	// Name is the format's name as it appears in records' source.format
	// and in --format, e.g. "scite".
	Name() string
	// Detect reports whether the page is of this kind, judged from its
	// content alone.
	Detect(p *Page) bool
	// Extract returns the records the page describes, in page order. When
	// part of the page cannot be read it returns the records it could read
	// and an *Error for the rest.
	Extract(ctx context.Context, p *Page) ([]graph.Record, error)
}

// Sizes the registry works with.
const (
	// SniffSize is the most bytes of a source that StreamFormat.Sniff sees.
	SniffSize = 64 << 10
	// MaxPageSize is the largest page, in bytes, that page extractors read.
	// Stream formats have no limit.
	MaxPageSize = 64 << 20
)

// Registry knows the extractors and picks one for each source by content:
// the stream formats first, in the order registered, then the page formats.
// The zero value knows none; Default returns one that knows all.
type Registry struct {
	streams []StreamFormat
	pages   []PageFormat
}

// Default returns a registry with every extractor citegraph has.
func Default() *Registry {
	r := &Registry{}
	for _, f := range streamFormats() {
		r.RegisterStream(f)
	}
	r.RegisterPage(HTMLMeta{}) // publishers' landing pages (citation_*, DC.*, JSON-LD, COinS); defers to the site formats below
	r.RegisterPage(Scite{})
	r.RegisterPage(Emerald{})
	r.RegisterPage(Academia{})
	r.RegisterPage(ProQuest{})
	return r
}

// RegisterStream adds a stream extractor. The first whose Sniff accepts a
// source reads it.
func (r *Registry) RegisterStream(f StreamFormat) { r.streams = append(r.streams, f) }

// RegisterPage adds a page extractor; page extractors are tried, in the
// order registered, on sources no stream extractor accepts, and the first
// that detects a page reads it.
func (r *Registry) RegisterPage(f PageFormat) { r.pages = append(r.pages, f) }

// Formats returns the names of the known formats in the order they are
// tried.
func (r *Registry) Formats() []string {
	var out []string
	for _, f := range r.streams {
		out = append(out, f.Name())
	}
	for _, f := range r.pages {
		out = append(out, f.Name())
	}
	return out
}

// ExtractFile reads the file at path and returns its records. format names
// the extractor to use; "" detects it from the content. Every error is an
// *Error naming the file; records read before a failure are returned with
// it.
func (r *Registry) ExtractFile(ctx context.Context, path, format string) ([]graph.Record, error) {
	f, err := sourcefile.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	return r.Extract(ctx, path, f, format)
}

// Extract reads one source from rd and returns its records; name is its
// path or URL, used in records' source.path and in errors. See ExtractTo.
func (r *Registry) Extract(ctx context.Context, name string, rd io.Reader, format string) ([]graph.Record, error) {
	var out []graph.Record
	err := r.ExtractTo(ctx, name, rd, format, func(rec graph.Record) error {
		out = append(out, rec)
		return nil
	})
	return out, err
}

// ExtractTo reads one source from rd and calls emit with each record as it
// is read, normalised (graph.Record.Normalize) and with its source path and
// format set. format names the extractor to use; "" detects it from the
// content. Stream formats are read in bounded memory, whatever the size of
// the source. Every error is an *Error naming the source, except an error
// emit returns, which is returned as it is, and ctx's error.
func (r *Registry) ExtractTo(ctx context.Context, name string, rd io.Reader, format string, emit func(graph.Record) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	fail := func(format string, err error) error {
		return &Error{Path: name, Format: format, Err: err}
	}
	br := bufio.NewReaderSize(rd, SniffSize)
	raw, err := br.Peek(SniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fail("", unwrapPathError(err))
	}
	if len(bytes.TrimSpace(raw)) == 0 && len(raw) < SniffSize {
		return fail("", ErrEmpty)
	}
	var sf StreamFormat
	var pf PageFormat
	if format != "" {
		sf, pf = r.byName(format)
		if sf == nil && pf == nil {
			return fail("", fmt.Errorf("%w: no format %q (known: %s)", ErrUnsupportedFormat, format, strings.Join(r.Formats(), ", ")))
		}
	}
	enc := sniffEncoding(raw)
	if enc == encBinary && (format == "" || sf != nil) {
		return fail("", ErrBinary)
	}
	if format == "" && !looksLikeHTML(bytes.TrimPrefix(raw, utf8BOM)) {
		head := decodeHead(raw, enc)
		for _, f := range r.streams {
			if f.Sniff(head) {
				sf = f
				break
			}
		}
	}
	var fc *forcedCheck
	if format != "" {
		// detected now: reading reuses the buffer raw is in.
		fc = &forcedCheck{emit: emit, detected: r.detect(raw, enc)}
		if pf != nil && fc.detected == pageKind {
			fc.detected = format // a page read by a page format: its own problem says enough
		}
		emit = fc.record
	}
	if sf != nil {
		err = readStream(ctx, name, sf, decodingReader(br, enc), emit)
	} else {
		err = r.readPage(ctx, name, pf, br, emit)
	}
	if fc != nil {
		err = fc.result(ctx, name, format, err)
	}
	return err
}

// pageKind is what detect says of an HTML page.
const pageKind = "an HTML page"

// detect returns the name of the stream format detection would choose
// for a source that starts with raw, "an HTML page" for a page, "" when
// none.
func (r *Registry) detect(raw []byte, enc encoding) string {
	if enc == encBinary {
		return ""
	}
	if looksLikeHTML(bytes.TrimPrefix(raw, utf8BOM)) {
		return pageKind
	}
	head := decodeHead(raw, enc)
	for _, f := range r.streams {
		if f.Sniff(head) {
			return f.Name()
		}
	}
	return ""
}

// forcedCheck watches the records of a source read in a format named by
// the caller (--format) rather than detected. A record that holds none of
// a title, an identifier (DOI or other), an author, a reference, a URL
// or a citation statement is what a reader gives for the lines of another
// format: it is left out, and a source that gives nothing else is an error
// (ErrNothingRead) instead of a heap of empty records.
type forcedCheck struct {
	emit         func(graph.Record) error
	detected     string // the format detection chooses, "" for none
	usable, void int
}

func (fc *forcedCheck) record(rec graph.Record) error {
	if !describesWork(&rec) {
		fc.void++
		return nil
	}
	fc.usable++
	return fc.emit(rec)
}

// result is the error of the source: err, or ErrNothingRead when no
// usable record was read and either the reader gave records holding
// nothing, or the source is not what detection would read it as (an
// empty answer read in its own format stays a source without records).
// A problem the reader met is kept in the error (errors.Is finds it) and
// its message.
func (fc *forcedCheck) result(ctx context.Context, name, format string, err error) error {
	if fc.usable > 0 || ctx.Err() != nil || (fc.void == 0 && fc.detected == format) {
		return err
	}
	var se *Error
	if err != nil && (!errors.As(err, &se) || errors.Is(err, ErrEmpty) || errors.Is(err, ErrBinary) || errors.Is(err, ErrTooLarge)) {
		return err // emit's error, or a source that was never read
	}
	what := "no record"
	if fc.void > 0 {
		what = plural(fc.void, "record", "records") + ", none with a title, an identifier or an author"
	}
	hint := ""
	switch {
	case fc.detected != "" && fc.detected != format:
		hint = fmt.Sprintf("; the source looks like %s: leave out --format to read it as detected", fc.detected)
	case fc.detected == "":
		hint = "; no format recognises the source"
	}
	msg := fmt.Sprintf("%v as %s: %s%s", ErrNothingRead, format, what, hint)
	if err == nil {
		return &Error{Path: name, Format: format, Err: &nothingRead{msg: msg}}
	}
	first := ": " + se.Err.Error()
	if se.Line > 0 {
		first = fmt.Sprintf(" at line %d: %s", se.Line, pos.Trim(se.Err.Error(), se.Line, se.Col))
	}
	return &Error{Path: name, Format: format, Err: &nothingRead{msg: msg + " (first problem" + first + ")", cause: se.Err}}
}

// nothingRead is ErrNothingRead with its details and the first problem
// the reader met, which errors.Is and errors.As find.
type nothingRead struct {
	msg   string
	cause error
}

func (e *nothingRead) Error() string        { return e.msg }
func (e *nothingRead) Is(target error) bool { return target == ErrNothingRead }
func (e *nothingRead) Unwrap() error        { return e.cause }

// describesWork reports whether rec holds something that names or links a
// work: a title, a DOI or other identifier, an author, a reference, a URL
// or a citation statement.
func describesWork(rec *graph.Record) bool {
	return rec.Title != "" || rec.DOI != "" || len(rec.Identifiers) > 0 || len(rec.Authors) > 0 ||
		len(rec.References) > 0 || rec.URL != "" || len(rec.Statements) > 0 || len(rec.CitedBy) > 0
}

// normalizing returns emit for the records of name read as format f:
// each gets its path, its format when the reader left it empty, is
// normalised, gets its database and record id (Provenance) and is marked
// retracted where its fields say so (Retraction); it stops
// when ctx is done.
func normalizing(ctx context.Context, name, f string, emit func(graph.Record) error) func(graph.Record) error {
	return func(rec graph.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec.Source.Path = name
		if rec.Source.Format == "" {
			rec.Source.Format = f
		}
		rec.Normalize()
		Provenance(&rec, rec.Source.Format, "")
		Retraction(&rec)
		return emit(rec)
	}
}

// readStream reads a source in a stream format.
func readStream(ctx context.Context, name string, sf StreamFormat, rd io.Reader, emit func(graph.Record) error) error {
	var emitErr error
	out := normalizing(ctx, name, sf.Name(), emit)
	err := sf.Extract(ctx, rd, func(rec graph.Record) error {
		if err := out(rec); err != nil {
			emitErr = err
			return err
		}
		return nil
	})
	switch {
	case err == nil:
		return nil
	case emitErr != nil && errors.Is(err, emitErr):
		return emitErr
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return positioned(name, sf.Name(), err)
}

// readPage reads a source as a page, whole: as pf, or as the first
// page format that detects it when pf is nil.
func (r *Registry) readPage(ctx context.Context, name string, pf PageFormat, br io.Reader, emit func(graph.Record) error) error {
	fail := func(err error) error { return &Error{Path: name, Err: err} }
	all, err := io.ReadAll(io.LimitReader(br, MaxPageSize+1))
	if err != nil {
		return fail(unwrapPathError(err))
	}
	if len(all) > MaxPageSize {
		return fail(fmt.Errorf("%w: more than %d MiB", ErrTooLarge, MaxPageSize>>20))
	}
	p, err := NewPage(name, all)
	if err != nil {
		return fail(err)
	}
	if pf == nil {
		for _, f := range r.pages {
			if f.Detect(p) {
				pf = f
				break
			}
		}
		if pf == nil {
			return fail(fmt.Errorf("%w (tried %s; use --format to name one)", ErrUnsupportedFormat, strings.Join(r.Formats(), ", ")))
		}
	}
	recs, err := pf.Extract(ctx, p)
	out := normalizing(ctx, name, pf.Name(), emit)
	for _, rec := range recs {
		if e := out(rec); e != nil {
			return e
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return positioned(name, pf.Name(), err)
	}
	return nil
}

func (r *Registry) byName(name string) (StreamFormat, PageFormat) {
	for _, f := range r.streams {
		if f.Name() == name {
			return f, nil
		}
	}
	for _, f := range r.pages {
		if f.Name() == name {
			return nil, f
		}
	}
	return nil, nil
}

// positioned makes err an *Error for the source, with the line and column
// an error of the extractor carries (a method Position() (line, column
// int)).
func positioned(name, format string, err error) error {
	var se *Error
	if errors.As(err, &se) {
		if se.Path == "" {
			se.Path = name
		}
		if se.Format == "" {
			se.Format = format
		}
		return err
	}
	e := &Error{Path: name, Format: format, Err: err}
	var pos interface{ Position() (int, int) }
	if errors.As(err, &pos) {
		e.Line, e.Col = pos.Position()
	}
	return e
}

// unwrapPathError drops the *fs.PathError wrapper whose path Error repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// Encodings of a source, as sniffEncoding decides from its start.
type encoding int

const (
	encUTF8 encoding = iota
	encUTF8BOM
	encUTF16LE
	encUTF16BE
	encWindows1252
	encBinary
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffEncoding decides how to read a source from its start: UTF-8 (with
// or without a byte-order mark), UTF-16 with a byte-order mark, Windows-1252
// when the start is not valid UTF-8, or binary (NUL bytes or many control
// characters).
func sniffEncoding(head []byte) encoding {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		if isBinary(head[3:]) {
			return encBinary
		}
		return encUTF8BOM
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE
	case isBinary(head):
		return encBinary
	}
	// The head may end inside a character.
	h := head
	for i := 0; i < utf8.UTFMax && len(h) > 0 && !utf8.Valid(h); i++ {
		h = h[:len(h)-1]
	}
	if utf8.Valid(h) {
		return encUTF8
	}
	return encWindows1252
}

// isBinary reports whether data holds NUL bytes or more than 5% control
// characters other than white space.
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	n := min(len(b), 8192)
	ctrl := 0
	for _, c := range b[:n] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1a {
			ctrl++
		}
	}
	return ctrl > 8 && ctrl*20 > n
}

// decodeHead converts the start of a source to UTF-8 for sniffing.
func decodeHead(head []byte, enc encoding) []byte {
	switch enc {
	case encUTF8BOM:
		return head[3:]
	case encUTF16LE, encUTF16BE, encWindows1252:
		out, _, _ := transform.Bytes(decoder(enc), head)
		return out
	}
	return head
}

func decoder(enc encoding) transform.Transformer {
	switch enc {
	case encUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case encUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	case encWindows1252:
		return charmap.Windows1252.NewDecoder()
	}
	return transform.Nop
}

// decodingReader returns the source as UTF-8 without a byte-order mark.
func decodingReader(br *bufio.Reader, enc encoding) io.Reader {
	switch enc {
	case encUTF8:
		return br
	case encUTF8BOM:
		_, _ = br.Discard(3)
		return br
	}
	return transform.NewReader(br, decoder(enc))
}

// NewPage turns the bytes of a saved page into a Page: HTML (detected from
// its start) is parsed and decoded from the charset it declares; anything
// else is read as text (see decodeText). It fails with ErrEmpty or
// ErrBinary; a Page it returns has at least one line.
func NewPage(name string, raw []byte) (*Page, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if looksLikeHTML(bytes.TrimPrefix(raw, utf8BOM)) {
		if bytes.IndexByte(raw, 0) >= 0 {
			return nil, ErrBinary
		}
		// A declared charset (BOM, meta tag) wins; without one the HTML5
		// sniffer guesses Windows-1252, which garbles the many saved pages
		// that are UTF-8 and say nothing, so valid UTF-8 is taken as such.
		b := raw
		if enc, _, certain := charset.DetermineEncoding(raw, "text/html"); certain || !utf8.Valid(raw) {
			var err error
			if b, err = enc.NewDecoder().Bytes(raw); err != nil {
				return nil, fmt.Errorf("decoding HTML: %w", err)
			}
		}
		p, err := htmlPage(name, b)
		if err != nil {
			return nil, err
		}
		if len(p.Lines) == 0 {
			return nil, fmt.Errorf("%w: an HTML page without text", ErrEmpty)
		}
		return p, nil
	}
	b, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	p := textPage(name, b)
	if len(p.Lines) == 0 {
		return nil, ErrEmpty
	}
	return p, nil
}

// Visitor receives what Walk reads.
type Visitor struct {
	// Record is called with each record as it is read, in source order.
	Record func(graph.Record) error
	// Done is called after each source with the number of records it gave
	// and its error (nil, or an *Error; records read before it were passed
	// to Record). Optional.
	Done func(path string, records int, err error) error
}

// Walk extracts every file named in paths, descending into folders (in
// lexical order, skipping names that start with "."). A failing file does
// not stop the walk: its error goes to v.Done and the walk goes on. Walk
// stops early only when ctx is cancelled or a Visitor function returns an
// error, and returns that error.
func (r *Registry) Walk(ctx context.Context, paths []string, format string, v Visitor) error {
	done := v.Done
	if done == nil {
		done = func(string, int, error) error { return nil }
	}
	for _, root := range paths {
		files, err := listFiles(root)
		if err != nil {
			if err := done(root, 0, &Error{Path: root, Err: unwrapPathError(err)}); err != nil {
				return err
			}
			continue
		}
		for _, path := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			n := 0
			var visitErr error
			err := r.extractFile(ctx, path, format, func(rec graph.Record) error {
				n++
				if err := v.Record(rec); err != nil {
					visitErr = err
					return err
				}
				return nil
			})
			if visitErr != nil {
				return visitErr
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if err := done(path, n, err); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *Registry) extractFile(ctx context.Context, path, format string, emit func(graph.Record) error) error {
	f, err := sourcefile.Open(path)
	if err != nil {
		return &Error{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	return r.ExtractTo(ctx, path, f, format, emit)
}

// ListFiles returns root itself when it is not a folder, or what lies
// under it in lexical order, skipping names that start with "." and the
// folder's documentation (isDocumentation: README.md, MANIFEST.md …) — the
// sources Walk reads. Entries that are not regular files are listed too
// (named pipes, devices, sockets, symbolic links), so that reading them
// reports them: sourcefile.Open reads a link to a regular file as that
// file and refuses the rest, a link to a folder included (a walk that
// followed them could loop or leave the folder it was given). A root that
// is a link to a folder is walked.
func ListFiles(root string) ([]string, error) { return listFiles(root) }

// listFiles is ListFiles.
func listFiles(root string) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	walkRoot := root
	if l, err := os.Lstat(root); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		walkRoot = root + string(filepath.Separator) // WalkDir follows a root ending in a separator
	}
	var out []string
	err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != walkRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && !isDocumentation(d.Name()) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isDocumentation reports whether a file met in a folder is the folder's
// documentation rather than a source: a README, LICENSE, MANIFEST or
// CHANGELOG (any extension, any case) or a Markdown file, which export
// folders and data sets carry beside the exports (every folder of
// ../shared/data has one). Named on the command line, such a file is read
// all the same.
//
// Only a text name counts (no extension, .txt, .rst, .md, .markdown): a
// "README.ris" is an export like any other and is read.
func isDocumentation(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".md", ".markdown":
		return true
	case "", ".txt", ".rst":
	default:
		return false
	}
	switch strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name))) {
	case "README", "LICENSE", "LICENCE", "MANIFEST", "CHANGELOG", "COPYING", "NOTICE":
		return true
	}
	return false
}
