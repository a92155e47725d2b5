package warc

import (
	"os"
	"path/filepath"
	"testing"
)

// Open never panics on a damaged archive, and what it indexes it can read.
func FuzzOpen(f *testing.F) {
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a/\r\nWARC-Record-ID: <urn:uuid:1>\r\n" +
		"WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: 19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"))
	f.Add([]byte("\x1f\x8b\x08\x00garbage"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "f.warc")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := Open(p)
		if err != nil {
			return
		}
		for k, off := range a.at {
			_, _, _, _, _ = a.read(off)
			_ = k
		}
	})
}
