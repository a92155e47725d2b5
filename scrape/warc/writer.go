package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/citegraph/citegraph/scrape/fetch"
)

// Writer appends records to a WARC file. It is safe for concurrent use.
// A write that fails is kept and returned by Close (and Err); the records
// after it are not written.
type Writer struct {
	mu  sync.Mutex
	f   *os.File
	err error
}

// Create opens path for appending, creating it (and its folder) when
// missing, and writes a
// warcinfo record naming the software (e.g. "citegraph/1.2") and the
// User-Agent it fetches with.
func Create(path, software, userAgent string) (*Writer, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	w := &Writer{f: f}
	fields := []Field{
		{"software", software},
		{"format", "WARC File Format 1.1"},
		{"conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"},
		{"http-header-user-agent", userAgent},
		{"robots", "obey"},
	}
	b := gowarc.NewRecordBuilder(gowarc.Warcinfo)
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	b.AddWarcHeaderTime(gowarc.WarcDate, time.Now().UTC())
	b.AddWarcHeader(gowarc.WarcFilename, baseName(path))
	if _, err := b.WriteString(fieldsBlock(fields)); err != nil {
		f.Close()
		return nil, fmt.Errorf("warc: %w", err)
	}
	if err := w.write(b); err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Field is one "name: value" line of a metadata or warcinfo record.
type Field struct{ Name, Value string }

func fieldsBlock(fields []Field) string {
	var sb strings.Builder
	for _, f := range fields {
		sb.WriteString(f.Name)
		sb.WriteString(": ")
		sb.WriteString(strings.NewReplacer("\r", " ", "\n", " ").Replace(f.Value))
		sb.WriteString("\r\n")
	}
	return sb.String()
}

// Record writes the exchange as a request and a response record
// (fetch.Recorder).
func (w *Writer) Record(ex fetch.Exchange) {
	u, err := url.Parse(ex.URL)
	if err != nil {
		w.fail(fmt.Errorf("warc: %s: %w", ex.URL, err))
		return
	}
	resp := gowarc.NewRecordBuilder(gowarc.Response)
	resp.AddWarcHeader(gowarc.WarcTargetURI, ex.URL)
	resp.AddWarcHeaderTime(gowarc.WarcDate, ex.Sent)
	resp.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	var head bytes.Buffer
	proto := ex.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	status := ex.StatusText
	if status == "" {
		status = fmt.Sprintf("%d %s", ex.Status, http.StatusText(ex.Status))
	}
	fmt.Fprintf(&head, "%s %s\r\n", proto, status)
	_ = ex.Header.Write(&head)
	head.WriteString("\r\n")
	if _, err := resp.Write(head.Bytes()); err != nil {
		w.fail(err)
		return
	}
	if _, err := resp.Write(ex.Body); err != nil {
		w.fail(err)
		return
	}
	rec, _, err := resp.Build()
	if err != nil {
		w.fail(fmt.Errorf("warc: %s: %w", ex.URL, err))
		return
	}
	defer rec.Close()

	req := gowarc.NewRecordBuilder(gowarc.Request)
	req.AddWarcHeader(gowarc.WarcTargetURI, ex.URL)
	req.AddWarcHeaderTime(gowarc.WarcDate, ex.Sent)
	req.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	req.AddWarcHeader(gowarc.WarcConcurrentTo, "<"+rec.RecordId()+">")
	head.Reset()
	fmt.Fprintf(&head, "%s %s HTTP/1.1\r\nHost: %s\r\n", ex.Method, u.RequestURI(), u.Host)
	_ = ex.RequestHeader.Write(&head)
	head.WriteString("\r\n")
	if _, err := req.Write(head.Bytes()); err != nil {
		w.fail(err)
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return
	}
	if w.err = w.writeLocked(rec); w.err != nil {
		return
	}
	w.err = w.buildLocked(req)
}

// Note writes a metadata record about target (an input: a URL, a DOI's
// resolver URL) with the fields given, in their order.
func (w *Writer) Note(target string, at time.Time, fields []Field) {
	b := gowarc.NewRecordBuilder(gowarc.Metadata)
	b.AddWarcHeader(gowarc.WarcTargetURI, target)
	b.AddWarcHeaderTime(gowarc.WarcDate, at.UTC())
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	if _, err := b.WriteString(fieldsBlock(fields)); err != nil {
		w.fail(err)
		return
	}
	if err := w.write(b); err != nil {
		w.fail(err)
	}
}

func (w *Writer) write(b gowarc.WarcRecordBuilder) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.err = w.buildLocked(b)
	return w.err
}

func (w *Writer) buildLocked(b gowarc.WarcRecordBuilder) error {
	rec, _, err := b.Build()
	if err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	defer rec.Close()
	return w.writeLocked(rec)
}

// writeLocked writes one record as one gzip member, in one write, so that
// a record is in the file whole or not at all (short of a full disk).
func (w *Writer) writeLocked(rec gowarc.WarcRecord) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, _, err := gowarc.NewMarshaler().Marshal(zw, rec, 0); err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	if _, err := w.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	return nil
}

func (w *Writer) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

// Err returns the first write that failed, nil when none did.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close closes the file and returns the first error of any write.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.f.Close()
	return errors.Join(w.err, err)
}
