// Package warc keeps what citegraph fetches from the web in a WARC file
// (ISO 28500, WARC/1.1) and replays it, so that a scrape is evidence that
// others can check and a run that can be repeated offline byte for byte.
// Records are written and read by github.com/nlnwa/gowarc/v3.
//
// What goes in is the fetch.Exchanges a fetch.Fetcher makes (Writer is a
// fetch.Recorder): each becomes a request record and a response record
// holding the whole answer (status line, every header field, the body),
// with WARC-Target-URI, WARC-Date (when the request left) and
// WARC-Concurrent-To tying the two. Notes adds a metadata record per input
// saying what it was, the URL it resolved to, the final URL, its status,
// when it came and where its text came from. Each record is its own gzip
// member, so a file can be appended to by a resumed run and read by any WARC
// tool (warcio, pywb, OpenWayback).
//
// What comes out is an Archive: an http.RoundTripper that answers each
// request with the last response the file holds for its method and URL,
// read from the file when asked (only offsets are kept in memory). A
// Fetcher over an Archive replays the scrape through the same code path,
// redirects and robots.txt included, without touching the network.
//
// Files:
//
//	writer.go   Writer: exchanges and notes into a .warc.gz
//	archive.go  Archive: the index of a WARC file and its replay
package warc
