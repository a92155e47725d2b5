package fetchtest

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"testing"
)

// The three crossref_work_* files were extracted byte-exact from this
// cassette (testdata/README.md, MANIFEST.md): loading the cassette must give
// the same bytes.
func TestLoadCassetteCrossref(t *testing.T) {
	ins, err := LoadCassette("../testdata/crossref_vcr_cassette_works_5_dois.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 5 { // five "- request:" entries in the file
		t.Fatalf("got %d interactions, want 5", len(ins))
	}
	in := ins[0]
	if in.Method != "GET" || in.URL != "https://api.crossref.org/works/10.1016/j.neurobiolaging.2010.03.024" || in.Status != 200 {
		t.Errorf("first interaction = %s %s %d", in.Method, in.URL, in.Status)
	}
	if got := in.Header.Get("X-Rate-Limit-Limit"); got != "10" {
		t.Errorf("x-rate-limit-limit = %q, want 10 (as recorded)", got)
	}
	if got := in.Header.Get("Content-Length"); got != "6586" || len(in.Body) != 6586 {
		t.Errorf("gzip body: %d bytes, header %q; the cassette records 6586", len(in.Body), got)
	}
	dec, err := in.Decoded()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../testdata/crossref_work_10.1016_j.neurobiolaging.2010.03.024.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dec, want) {
		t.Errorf("decoded body (%d bytes) differs from the extracted file (%d bytes)", len(dec), len(want))
	}
}

func TestLoadCassetteS2(t *testing.T) {
	ins, err := LoadCassette("../testdata/s2_vcr_cassette_paper_references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 2 {
		t.Fatalf("got %d interactions, want 2", len(ins))
	}
	for i, want := range []int{7506, 2143} { // Content-Length as recorded
		if len(ins[i].Body) != want {
			t.Errorf("interaction %d: body %d bytes, want %d", i+1, len(ins[i].Body), want)
		}
	}
	if !bytes.HasPrefix(ins[0].Body, []byte(`{"offset": 0, "next": 50, "data": [{"citedPaper"`)) {
		t.Errorf("first body starts %q", ins[0].Body[:40])
	}
}

func TestServerReplayAndScript(t *testing.T) {
	ins, err := LoadCassette("../testdata/s2_vcr_cassette_paper_references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer()
	defer s.Close()
	if err := s.Replay(ins); err != nil {
		t.Fatal(err)
	}
	// Parameters in another order, plus a mailto the server ignores.
	resp, err := http.Get(s.URL + "/graph/v1/paper/10.2139/ssrn.2250500/references?limit=50&offset=50&fields=title&mailto=a@b.org")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(body, ins[1].Body) {
		t.Errorf("got %d bytes, want the second recorded answer (%d bytes)", len(body), len(ins[1].Body))
	}
	if got := s.Count("GET", "/graph/v1/paper/10.2139/ssrn.2250500/references?fields=title&offset=50&limit=50"); got != 1 {
		t.Errorf("count = %d, want 1", got)
	}

	s.Handle("GET", "/flaky", Answer{Status: 503}, Answer{Status: 200, Body: []byte("ok")})
	for i, want := range []int{503, 200, 200} {
		resp, err := http.Get(s.URL + "/flaky")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("request %d: status %d, want %d", i+1, resp.StatusCode, want)
		}
	}
	resp, err = http.Get(s.URL + "/nothing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotImplemented || s.Unmatched() != 1 {
		t.Errorf("unmatched: status %d, count %d", resp.StatusCode, s.Unmatched())
	}
}

func TestServerTruncate(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.Handle("GET", "/cut", Answer{Body: bytes.Repeat([]byte("x"), 1000), Truncate: 100})
	resp, err := http.Get(s.URL + "/cut")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != io.ErrUnexpectedEOF || len(b) != 100 {
		t.Errorf("read %d bytes, err %v; want 100 and unexpected EOF", len(b), err)
	}
}

// TestServerReplaySameRoute: two recorded answers whose URLs differ only in
// the order of their query and in a parameter the server ignores (mailto)
// are one route to a request, so they become one script, answered in
// order, rather than the second replacing the first.
func TestServerReplaySameRoute(t *testing.T) {
	ins, err := LoadCassette("../testdata/s2_vcr_cassette_paper_references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(ins[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	second := ins[1]
	second.URL = u.Scheme + "://" + u.Host + u.EscapedPath() + "?mailto=a@b.org&" + u.Query().Encode()
	if second.URL == ins[0].URL || bytes.Equal(ins[0].Body, second.Body) {
		t.Fatal("the two interactions must differ in URL and body: the test would prove nothing")
	}
	s := NewServer()
	defer s.Close()
	if err := s.Replay([]Interaction{ins[0], second}); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]byte{ins[0].Body, second.Body} {
		resp, err := http.Get(s.URL + u.RequestURI())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Equal(body, want) {
			t.Errorf("request %d: got %d bytes, want the answer recorded %d (%d bytes)", i+1, len(body), i+1, len(want))
		}
	}
}
