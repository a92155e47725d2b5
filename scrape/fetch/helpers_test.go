package fetch

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

// fast is a limit that never binds in tests that are not about limits.
var fast = Limit{Rate: 100000, Burst: 1000, InFlight: 64}

// newFetcher returns a Fetcher whose services are the given servers, each
// with limit fast unless opts.Services is set, and quick retries.
func newFetcher(t testing.TB, opts Options, servers ...*fetchtest.Server) *Fetcher {
	t.Helper()
	if opts.Services == nil {
		opts.Services = []Service{}
		for _, s := range servers {
			opts.Services = append(opts.Services, Service{Name: "test", Host: s.Host(), Limit: fast})
		}
	}
	if opts.RetryBase == 0 {
		opts.RetryBase = time.Millisecond
	}
	if opts.RetryMax == 0 {
		opts.RetryMax = 5 * time.Millisecond
	}
	if opts.MaxInFlight == 0 {
		opts.MaxInFlight = 64
	}
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Second
	}
	f, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fakeClock stands in for the Fetcher's clock: sleeping advances it at
// once and is recorded.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (c *fakeClock) install(f *Fetcher) {
	f.now = c.now
	f.sleep = c.sleep
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.slept = append(c.slept, d)
	c.t = c.t.Add(d)
	c.mu.Unlock()
	return ctx.Err()
}

func (c *fakeClock) sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// events collects progress events.
type events struct {
	mu  sync.Mutex
	evs []Event
	on  func(Event)
}

func (e *events) Report(ev Event) {
	e.mu.Lock()
	e.evs = append(e.evs, ev)
	on := e.on
	e.mu.Unlock()
	if on != nil {
		on(ev)
	}
}

func (e *events) count(k EventKind) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, ev := range e.evs {
		if ev.Kind == k {
			n++
		}
	}
	return n
}

// cacheFiles lists the files under dir (entries and temporaries).
func cacheFiles(t *testing.T, dir string) (entries, temps []string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), tmpPrefix) {
			temps = append(temps, p)
		} else {
			entries = append(entries, p)
		}
		return nil
	})
	return entries, temps
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonHeader() http.Header { return http.Header{"Content-Type": {"application/json"}} }
