package warc

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/fetch"
)

// pageBytes is a real page (shared/data/pages, copied unchanged), so the
// archive is checked on bytes no test wrote.
func pageBytes(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "web", "pages", "plos_one_pone.0213978.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newServer(t *testing.T, page []byte) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/doi/10.1371/journal.pone.0213978", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article/pone.0213978", http.StatusFound)
	})
	mux.HandleFunc("/article/pone.0213978", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Served-By", "test")
		_, _ = w.Write(page)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestRecordAndReplay(t *testing.T) {
	page := pageBytes(t)
	s := newServer(t, page)
	path := filepath.Join(t.TempDir(), "web.warc.gz")
	w, err := Create(path, "citegraph/test", "citegraph/test (mailto:x@example.org)")
	if err != nil {
		t.Fatal(err)
	}
	f, err := fetch.New(fetch.Options{Recorder: w, DefaultLimit: fetch.Limit{Rate: 100, Burst: 10, InFlight: 2}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	live, err := f.Get(ctx, s.URL+"/doi/10.1371/journal.pone.0213978", fetch.Page)
	if err != nil {
		t.Fatal(err)
	}
	w.Note(s.URL+"/doi/10.1371/journal.pone.0213978", time.Now(), []Field{{"final-url", live.FinalURL}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// robots.txt, the redirect and the page: three exchanges.
	if a.Len() != 3 {
		t.Errorf("archive answers %d requests, want 3 (robots.txt, redirect, page)", a.Len())
	}
	if n := a.Notes(s.URL + "/doi/10.1371/journal.pone.0213978"); len(n) != 1 || n[0].Value != s.URL+"/article/pone.0213978" {
		t.Errorf("notes: %v", n)
	}
	s.Close() // the replay must not need the server
	g, err := fetch.New(fetch.Options{Transport: a, Unpaced: true, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	replay, err := g.Get(ctx, live.URL, fetch.Page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(replay.Body, page) || !bytes.Equal(replay.Body, live.Body) {
		t.Errorf("replayed body differs: %d bytes, live %d, file %d", len(replay.Body), len(live.Body), len(page))
	}
	if replay.FinalURL != live.FinalURL || replay.Status != live.Status ||
		replay.Header.Get("Content-Type") != live.Header.Get("Content-Type") {
		t.Errorf("replay %s %d %v, live %s %d %v", replay.FinalURL, replay.Status, replay.Header, live.FinalURL, live.Status, live.Header)
	}
	// robots.txt replays too: the private path is refused offline as it was live.
	if _, err := g.Get(ctx, s.URL+"/private/x", fetch.Page); !errors.Is(err, fetch.ErrDisallowed) {
		t.Errorf("offline /private/x: %v, want ErrDisallowed", err)
	}
	if _, err := g.Get(ctx, s.URL+"/never", fetch.Page); !errors.Is(err, ErrNotArchived) {
		t.Errorf("offline /never: %v, want ErrNotArchived", err)
	}
}

// A resumed run appends to the file; the archive answers from both runs.
func TestAppend(t *testing.T) {
	page := pageBytes(t)
	s := newServer(t, page)
	path := filepath.Join(t.TempDir(), "web.warc.gz")
	for _, p := range []string{"/robots.txt", "/article/pone.0213978"} {
		w, err := Create(path, "citegraph/test", "ua")
		if err != nil {
			t.Fatal(err)
		}
		f, _ := fetch.New(fetch.Options{Recorder: w})
		if _, err := f.Get(context.Background(), s.URL+p, fetch.API); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Has("GET", s.URL+"/robots.txt") || !a.Has("GET", s.URL+"/article/pone.0213978") || a.Len() != 2 {
		t.Errorf("archive after two runs answers %d requests", a.Len())
	}
	// A file cut short (an interrupted run) keeps its whole records.
	b, _ := os.ReadFile(path)
	if err := os.WriteFile(path, b[:len(b)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	a, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Has("GET", s.URL+"/robots.txt") {
		t.Error("a cut file lost its first records")
	}
}
