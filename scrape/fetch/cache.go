package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// CacheMode says how the Fetcher uses its cache directory.
type CacheMode int

const (
	// CacheReadWrite answers from the cache when it can and stores every
	// answer it fetches: a rerun makes no request it made before.
	CacheReadWrite CacheMode = iota
	// CacheRefresh fetches every request anew and stores the answers,
	// replacing what the cache held: a later run against the same cache
	// shows what changed.
	CacheRefresh
	// CacheOffline answers from the cache only and never touches the
	// network: a request the cache cannot answer fails with ErrNotCached.
	// A run replayed this way gives the bytes of the run that filled the
	// cache.
	CacheOffline
)

// String returns the mode's name as ParseCacheMode reads it.
func (m CacheMode) String() string {
	switch m {
	case CacheReadWrite:
		return "read-write"
	case CacheRefresh:
		return "refresh"
	case CacheOffline:
		return "offline"
	}
	return fmt.Sprintf("CacheMode(%d)", int(m))
}

// ParseCacheMode reads "read-write" (or "rw", ""), "refresh" or "offline"
// (or "replay"), as a flag would give it.
func ParseCacheMode(s string) (CacheMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "read-write", "rw", "readwrite":
		return CacheReadWrite, nil
	case "refresh":
		return CacheRefresh, nil
	case "offline", "replay":
		return CacheOffline, nil
	}
	return 0, fmt.Errorf("fetch: unknown cache mode %q (want read-write, refresh or offline)", s)
}

// storedHeaders are the response header fields kept with an answer, in the
// cache and in Response.Header: what a reader of the body may need
// (its type, language, dates, paging links), nothing about the connection
// or the server's throttling.
var storedHeaders = []string{
	"Content-Type", "Content-Language", "Content-Disposition", "Content-Location",
	"Date", "Last-Modified", "Etag", "Link", "Location",
}

// cacheFormat is the version written in every entry.
const cacheFormat = 1

// cacheMeta is the first line of a cache entry, JSON; the raw body follows
// the newline.
type cacheMeta struct {
	Format   int         `json:"format"`
	Method   string      `json:"method"`
	URL      string      `json:"url"`
	Accept   string      `json:"accept,omitempty"`
	ReqBody  string      `json:"request_body_sha256,omitempty"`
	FinalURL string      `json:"final_url"`
	Status   int         `json:"status"`
	Header   http.Header `json:"header,omitempty"`
	Fetched  time.Time   `json:"fetched"`
	Length   int         `json:"length"`
	SHA256   string      `json:"sha256"`
}

// cache stores raw answers in dir, one file per request:
// dir/ab/abcdef….resp, named by the SHA-256 of method, URL, Accept and
// request body. Each file is written to a temporary name in the same
// directory and renamed, so a reader sees a whole entry or none.
type cache struct {
	dir string
}

// errCorrupt marks an entry that exists but cannot be trusted (cut short,
// edited, written by another format).
var errCorrupt = errors.New("corrupt cache entry")

type cacheKey struct {
	method, url, accept string
	body                []byte
}

func (k cacheKey) hash() string {
	h := sha256.New()
	h.Write([]byte(k.method))
	h.Write([]byte{0})
	h.Write([]byte(k.url))
	h.Write([]byte{0})
	h.Write([]byte(k.accept))
	h.Write([]byte{0})
	h.Write(k.body)
	return hex.EncodeToString(h.Sum(nil))
}

func (k cacheKey) bodyHash() string {
	if len(k.body) == 0 {
		return ""
	}
	s := sha256.Sum256(k.body)
	return hex.EncodeToString(s[:])
}

func (c *cache) path(k cacheKey) string {
	h := k.hash()
	return filepath.Join(c.dir, h[:2], h+".resp")
}

// get returns the stored answer for k; fs.ErrNotExist when there is none,
// errCorrupt (wrapped, with the file) when the entry is damaged.
func (c *cache) get(k cacheKey) (*Response, error) {
	p := c.path(k)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	line, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("%s: %w: no header line", p, errCorrupt)
	}
	var m cacheMeta
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", p, errCorrupt, err)
	}
	sum := sha256.Sum256(body)
	switch {
	case m.Format != cacheFormat:
		return nil, fmt.Errorf("%s: %w: format %d, want %d", p, errCorrupt, m.Format, cacheFormat)
	case m.Method != k.method || m.URL != k.url || m.Accept != k.accept || m.ReqBody != k.bodyHash():
		return nil, fmt.Errorf("%s: %w: holds %s %s", p, errCorrupt, m.Method, m.URL)
	case m.Length != len(body) || m.SHA256 != hex.EncodeToString(sum[:]):
		return nil, fmt.Errorf("%s: %w: body of %d bytes, want %d with SHA-256 %s", p, errCorrupt, len(body), m.Length, m.SHA256)
	}
	if m.Header == nil {
		m.Header = http.Header{}
	}
	return &Response{
		Method: m.Method, URL: m.URL, FinalURL: m.FinalURL, Status: m.Status,
		Header: m.Header, Body: body, Fetched: m.Fetched, FromCache: true,
	}, nil
}

// put stores r under k atomically.
func (c *cache) put(k cacheKey, r *Response) error {
	sum := sha256.Sum256(r.Body)
	m := cacheMeta{
		Format: cacheFormat, Method: k.method, URL: k.url, Accept: k.accept, ReqBody: k.bodyHash(),
		FinalURL: r.FinalURL, Status: r.Status, Header: r.Header, Fetched: r.Fetched.UTC(),
		Length: len(r.Body), SHA256: hex.EncodeToString(sum[:]),
	}
	line, err := json.Marshal(m)
	if err != nil {
		return err
	}
	p := c.path(k)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(append(line, '\n')); err != nil {
		return err
	}
	if _, err := tmp.Write(r.Body); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return err
	}
	ok = true
	return nil
}

// tmpPrefix starts the names of entries being written.
const tmpPrefix = ".tmp-"

// sweep removes temporary files older than age, left by a process that was
// killed while writing. Younger ones may belong to a run under way.
func (c *cache) sweep(age time.Duration, now time.Time) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, d := range entries {
		if !d.IsDir() || len(d.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, d.Name())
		files, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		for _, f := range files {
			if !strings.HasPrefix(f.Name(), tmpPrefix) {
				continue
			}
			if info, err := f.Info(); err == nil && now.Sub(info.ModTime()) > age {
				os.Remove(filepath.Join(sub, f.Name()))
			}
		}
	}
}

// isMiss reports whether err from get means "no entry".
func isMiss(err error) bool { return errors.Is(err, fs.ErrNotExist) }
