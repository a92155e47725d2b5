package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// ErrNotArchived means the archive holds no answer for a request: an
// offline run asked for something the run that wrote the archive did not.
var ErrNotArchived = errors.New("not in the archive (offline)")

// Archive is the index of the responses a WARC file holds, by method and
// URL. It answers requests from the file as an http.RoundTripper; only
// offsets are kept in memory.
type Archive struct {
	path string
	// at maps "METHOD URL" to the offset of the last response record for
	// it; a response's method is its request record's (Writer writes the
	// response first, then the request concurrent to it).
	at map[string]int64
	// notes are the fields of the last metadata record for each target.
	notes map[string][]Field
}

// Open reads the index of the WARC file at path. A file cut short by an
// interrupted run is read up to its last whole record.
func Open(path string) (*Archive, error) {
	rd, err := gowarc.NewWarcFileReader(path, 0)
	if err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	defer func() { _ = rd.Close() }()
	a := &Archive{path: path, at: map[string]int64{}, notes: map[string][]Field{}}
	responses := map[string]int64{} // response record ID → its offset, until its request comes
	n := 0
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if n > 0 {
				break // a record cut short at the end: keep what came before
			}
			return nil, fmt.Errorf("warc: %s: %w", path, err)
		}
		n++
		a.index(rec, responses)
		_ = rec.Close()
	}
	return a, nil
}

func (a *Archive) index(rec gowarc.Record, responses map[string]int64) {
	wr := rec.WarcRecord
	h := wr.WarcHeader()
	target := h.Get(gowarc.WarcTargetURI)
	switch wr.Type() {
	case gowarc.Response:
		responses[wr.RecordId()] = rec.Offset
		a.at[http.MethodGet+" "+target] = rec.Offset // until its request says otherwise
	case gowarc.Request:
		to := strings.Trim(h.Get(gowarc.WarcConcurrentTo), "<>")
		to = strings.TrimPrefix(to, "urn:uuid:")
		off, ok := responses["urn:uuid:"+to]
		if !ok {
			off, ok = responses[to]
		}
		if !ok {
			return
		}
		if m := requestMethod(wr); m != http.MethodGet {
			if a.at[http.MethodGet+" "+target] == off {
				delete(a.at, http.MethodGet+" "+target)
			}
			a.at[m+" "+target] = off
		}
	case gowarc.Metadata:
		a.notes[target] = readFields(wr)
	}
}

// requestMethod reads the method from a request record's first line.
func requestMethod(wr gowarc.WarcRecord) string {
	r, err := wr.Block().RawBytes()
	if err != nil {
		return http.MethodGet
	}
	line, _ := bufio.NewReader(r).ReadString(' ')
	if m := strings.TrimSpace(line); m != "" {
		return m
	}
	return http.MethodGet
}

// readFields reads the "name: value" lines of a metadata record.
func readFields(wr gowarc.WarcRecord) []Field {
	r, err := wr.Block().RawBytes()
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(r)
	var out []Field
	for _, line := range strings.Split(string(b), "\r\n") {
		if k, v, ok := strings.Cut(line, ": "); ok {
			out = append(out, Field{k, v})
		}
	}
	return out
}

// Len returns the number of distinct requests the archive can answer.
func (a *Archive) Len() int { return len(a.at) }

// Has reports whether the archive holds an answer for method and URL.
func (a *Archive) Has(method, url string) bool {
	_, ok := a.at[method+" "+url]
	return ok
}

// Notes returns the fields of the last metadata record about target, nil
// when there is none.
func (a *Archive) Notes(target string) []Field { return a.notes[target] }

// RoundTrip answers req with the last response recorded for its method
// and URL, as it was recorded: status line, every header field, the body.
// A request the archive cannot answer fails with ErrNotArchived.
func (a *Archive) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	off, ok := a.at[req.Method+" "+req.URL.String()]
	if !ok {
		return nil, fmt.Errorf("warc: %s %s: %w", req.Method, req.URL, ErrNotArchived)
	}
	code, status, header, body, err := a.read(off)
	if err != nil {
		return nil, fmt.Errorf("warc: %s %s: %w", req.Method, req.URL, err)
	}
	return &http.Response{
		Status: status, StatusCode: code, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		Request: req,
	}, nil
}

// read reads the response record at off: its status code, its status ("200 OK", as
// net/http's Response.Status gives it), header
// and payload.
func (a *Archive) read(off int64) (int, string, http.Header, []byte, error) {
	f, err := os.Open(a.path)
	if err != nil {
		return 0, "", nil, nil, err
	}
	defer f.Close()
	rd, err := gowarc.NewWarcFileReaderFromStream(f, off)
	if err != nil {
		return 0, "", nil, nil, err
	}
	defer func() { _ = rd.Close() }()
	rec, err := rd.Next()
	if err != nil {
		return 0, "", nil, nil, err
	}
	defer func() { _ = rec.Close() }()
	blk, ok := rec.WarcRecord.Block().(gowarc.HttpResponseBlock)
	if !ok || blk.HttpHeader() == nil {
		return 0, "", nil, nil, errors.New("the record holds no HTTP response")
	}
	pr, err := blk.PayloadBytes()
	if err != nil {
		return 0, "", nil, nil, err
	}
	body, err := io.ReadAll(pr)
	if err != nil {
		return 0, "", nil, nil, err
	}
	return blk.HttpStatusCode(), blk.HttpStatusLine(), blk.HttpHeader().Clone(), body, nil
}
