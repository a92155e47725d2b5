package scrape

import (
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

	"golang.org/x/net/html/charset"

	"github.com/citegraph/citegraph/graph"
)

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

// MaxPageSize is the largest page, in bytes, that page extractors read.
const MaxPageSize = 64 << 20

// Registry knows the extractors and picks one for each source by content.
// The zero value knows none; Default returns one that knows all.
type Registry struct {
	pages []PageFormat
}

// Default returns a registry with every extractor citegraph has, in the
// order they are tried.
func Default() *Registry {
	r := &Registry{}
	r.RegisterPage(Scite{})
	r.RegisterPage(Emerald{})
	r.RegisterPage(Academia{})
	r.RegisterPage(ProQuest{})
	return r
}

// RegisterPage adds a page extractor; extractors are tried in the order
// registered and the first that detects a page reads it.
func (r *Registry) RegisterPage(f PageFormat) { r.pages = append(r.pages, f) }

// Formats returns the names of the known formats in the order they are
// tried.
func (r *Registry) Formats() []string {
	var out []string
	for _, f := range r.pages {
		out = append(out, f.Name())
	}
	return out
}

func (r *Registry) page(name string) PageFormat {
	for _, f := range r.pages {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// ExtractFile reads the file at path and returns its records. format names
// the extractor to use; "" detects it from the content. Every error is an
// *Error naming the file; records read before a failure are returned with
// it.
func (r *Registry) ExtractFile(ctx context.Context, path, format string) ([]graph.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	return r.Extract(ctx, path, f, format)
}

// unwrapPathError drops the *fs.PathError wrapper whose path Error repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// Extract reads one source from rd; name is its path or URL, used in
// records' source.path and in errors. See ExtractFile.
func (r *Registry) Extract(ctx context.Context, name string, rd io.Reader, format string) ([]graph.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(rd, MaxPageSize+1))
	if err != nil {
		return nil, &Error{Path: name, Err: unwrapPathError(err)}
	}
	if len(raw) > MaxPageSize {
		return nil, &Error{Path: name, Err: fmt.Errorf("%w: more than %d MiB", ErrTooLarge, MaxPageSize>>20)}
	}
	p, err := NewPage(name, raw)
	if err != nil {
		return nil, &Error{Path: name, Err: err}
	}
	var pf PageFormat
	if format != "" {
		if pf = r.page(format); pf == nil {
			return nil, &Error{Path: name, Err: fmt.Errorf("%w: no format %q (known: %s)", ErrUnsupportedFormat, format, strings.Join(r.Formats(), ", "))}
		}
	} else {
		for _, f := range r.pages {
			if f.Detect(p) {
				pf = f
				break
			}
		}
		if pf == nil {
			return nil, &Error{Path: name, Err: fmt.Errorf("%w (tried %s; use --format to name one)", ErrUnsupportedFormat, strings.Join(r.Formats(), ", "))}
		}
	}
	recs, err := pf.Extract(ctx, p)
	for i := range recs {
		recs[i].Source.Path = name
		recs[i].Source.Format = pf.Name()
		recs[i].Normalize()
	}
	if err != nil {
		var se *Error
		if !errors.As(err, &se) {
			err = &Error{Path: name, Format: pf.Name(), Err: err}
		}
	}
	return recs, err
}

// NewPage turns the bytes of a saved page into a Page: HTML (detected from
// its start) is parsed and decoded from the charset it declares; anything
// else is read as text (see decodeText). It fails with ErrEmpty or
// ErrBinary; a Page it returns has at least one line.
func NewPage(name string, raw []byte) (*Page, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if looksLikeHTML(bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})) {
		if bytes.IndexByte(raw, 0) >= 0 {
			return nil, ErrBinary
		}
		enc, _, _ := charset.DetermineEncoding(raw, "text/html")
		b, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, fmt.Errorf("decoding HTML: %w", err)
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

// Result is what Walk found in one source.
type Result struct {
	Path    string
	Records []graph.Record
	Err     error // nil, or an *Error; Records may be non-empty with it
}

// Walk extracts every file named in paths, descending into folders (in
// lexical order, skipping names that start with "."), and calls fn with
// each file's result in that order. A failing file does not stop the walk:
// its error is in the Result. Walk stops early only when ctx is cancelled
// or fn returns an error, and returns that error.
func (r *Registry) Walk(ctx context.Context, paths []string, format string, fn func(Result) error) error {
	for _, root := range paths {
		files, err := listFiles(root)
		if err != nil {
			if err := fn(Result{Path: root, Err: &Error{Path: root, Err: unwrapPathError(err)}}); err != nil {
				return err
			}
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			recs, err := r.ExtractFile(ctx, f, format)
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if err := fn(Result{Path: f, Records: recs, Err: err}); err != nil {
				return err
			}
		}
	}
	return nil
}

// listFiles returns root itself when it is a file, or the regular files
// under it, sorted, skipping hidden names.
func listFiles(root string) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
