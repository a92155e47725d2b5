package cassette

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// gzipMembers compresses head, unit n times and tail as gzip members one
// after the other (RFC 1952 section 2.2: a gzip file is a series of
// members; Go's gzip.Reader reads them as one stream), so that a body
// inflating to hundreds of MB is built from one compressed copy of unit.
func gzipMembers(t *testing.T, head, unit []byte, n int, tail []byte) []byte {
	t.Helper()
	member := func(b []byte) []byte {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		return z.Bytes()
	}
	var out bytes.Buffer
	out.Write(member(head))
	u := member(unit)
	for range n {
		out.Write(u)
	}
	out.Write(member(tail))
	return out.Bytes()
}

// TestInflatingBodies: issue 16, hostile item 4. A cassette of two
// recorded Crossref answers whose gzip bodies inflate to 512 MiB each —
// one a work whose title is one 512 MiB string, one 512 MiB of white space
// — was read whole (the cap was 1 GiB a body) and took 1.25 GB. Bodies are
// inflated as they are read now: the title fails at jsonstream.MaxValue,
// the white space at maxBody, each interaction reported with its line,
// the heap stays far below readertest.PeakLimit, and the third, small
// answer is read.
func TestInflatingBodies(t *testing.T) {
	if readertest.RaceBuild() || testing.Short() {
		t.Skip("inflates 300 MB; too slow under -race or -short")
	}
	mib := bytes.Repeat([]byte("a"), 1<<20)
	title := gzipMembers(t, []byte(`{"status":"ok","message-type":"work","message":{"DOI":"10.1/x","reference-count":0,"title":["`), mib, 512, []byte(`"]}}`))
	blank := gzipMembers(t, nil, bytes.Repeat([]byte(" "), 1<<20), 512, nil)
	var y strings.Builder
	y.WriteString("interactions:\n")
	for _, body := range [][]byte{title, blank} {
		y.WriteString("- request: {method: GET, uri: 'https://api.crossref.org/works/10.1/x'}\n  response:\n    status: {code: 200}\n    headers: {Content-Encoding: [gzip]}\n    body:\n      string: !!binary |\n")
		b64 := base64.StdEncoding.EncodeToString(body)
		for len(b64) > 0 {
			n := min(len(b64), 76)
			y.WriteString("        " + b64[:n] + "\n")
			b64 = b64[n:]
		}
	}
	y.WriteString("- request: {method: GET, uri: 'https://api.crossref.org/works/10.1/y'}\n  response:\n    status: {code: 200}\n    body: {string: '{\"DOI\":\"10.1/y\",\"reference-count\":0,\"title\":[\"Y\"]}'}\n")
	var recs []graph.Record
	var err error
	peak, _ := readertest.PeakHeap(func() {
		err = Read(context.Background(), strings.NewReader(y.String()), func(r graph.Record) error {
			recs = append(recs, r)
			return nil
		})
	})
	t.Logf("cassette %d KB, peak heap %d MB", y.Len()>>10, peak>>20)
	if peak > readertest.PeakLimit {
		t.Errorf("peak heap %d MB, want at most %d MB", peak>>20, readertest.PeakLimit>>20)
	}
	if len(recs) != 1 || recs[0].DOI != "10.1/y" {
		t.Errorf("records %+v, want the small answer's", recs)
	}
	var es []*Error
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *Error
		if errors.As(e, &ce) {
			es = append(es, ce)
		}
	}
	if len(es) != 2 || es[0].Interaction != 1 || es[0].Line != 2 || !errors.Is(es[0], jsonstream.ErrValueTooLarge) ||
		es[1].Interaction != 2 || !errors.Is(es[1], ErrEncoding) || !strings.Contains(es[1].Error(), "inflates to more than 256 MiB") {
		t.Errorf("errors %v", err)
	}
}
