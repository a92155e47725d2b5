package index_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

// fast is a limit that never binds in tests that are not about limits.
var fast = fetch.Limit{Rate: 100000, Burst: 1000, InFlight: 64}

// newFetcher returns a Fetcher whose only service is srv, with limit lim
// (fast when zero), quick retries and the given attempt timeout.
func newFetcher(t testing.TB, srv *fetchtest.Server, lim fetch.Limit, timeout time.Duration, cacheDir string) *fetch.Fetcher {
	t.Helper()
	if lim == (fetch.Limit{}) {
		lim = fast
	}
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	f, err := fetch.New(fetch.Options{
		Services:  []fetch.Service{{Name: "test", Host: srv.Host(), Limit: lim}},
		RetryBase: time.Millisecond, RetryMax: 5 * time.Millisecond,
		MaxInFlight: 64, Timeout: timeout, MaxRetryWait: 10 * time.Second,
		CacheDir: cacheDir,
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// collect runs one Index call and returns its records.
func collect(t testing.TB, call func(emit func(graph.Record) error) error) ([]graph.Record, error) {
	t.Helper()
	var out []graph.Record
	err := call(func(r graph.Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// offline reads body with an offline decoder and sets the source the
// client sets, as the reference the client's records must equal.
func offline(t testing.TB, body []byte, u, format string, decode func(context.Context, *bytes.Reader, func(graph.Record) error) error) []graph.Record {
	t.Helper()
	var out []graph.Record
	err := decode(context.Background(), bytes.NewReader(body), func(r graph.Record) error {
		r.Source.Path, r.Source.Format = u, format
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("offline reader: %v", err)
	}
	return out
}

func sameRecords(t testing.TB, got, want []graph.Record) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("record %d differs from the offline reader's:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func notFound(*http.Request) fetchtest.Answer {
	return fetchtest.Answer{Status: 404, Body: []byte(`{"error":"not recorded"}`)}
}
