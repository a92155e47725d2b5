package fetch

import (
	"net/http"
	"time"
)

// Exchange is one round trip as it happened on the wire: the request as
// sent and the whole answer, every header field included. Redirect hops,
// retried attempts and robots.txt are exchanges of their own. Credentials
// the Fetcher adds (a Service's Query and Header) are not in it: URL is
// the URL before they were added and RequestHeader lacks their fields.
type Exchange struct {
	Method string
	// URL is the URL of this hop.
	URL           string
	RequestHeader http.Header
	// Proto is the answer's protocol ("HTTP/1.1"), Status its code and
	// StatusText the reason phrase as sent ("200 OK").
	Proto      string
	Status     int
	StatusText string
	// Header is every field of the answer's header, as the transport left
	// it (a body the transport decompressed has no Content-Encoding).
	Header http.Header
	// Body is the whole body as read (see Response.Body).
	Body []byte
	// Sent is when the request left, Received when its body was read, UTC.
	Sent, Received time.Time
}

// Recorder receives every exchange the Fetcher makes that got an answer,
// in the order the answers came. Record is called from many goroutines
// at once and must be safe for that; it must not modify the exchange or
// call back into the Fetcher. A Recorder that cannot keep an exchange
// (a full disk) keeps the failure itself and reports it when closed: the
// request goes on either way. Answers from the cache are not exchanges.
type Recorder interface {
	Record(Exchange)
}

// record hands an answered round trip to the Recorder, without the
// credentials of the host's Service.
func (f *Fetcher) record(hs *hostState, hreq *http.Request, resp *http.Response, hopURL string, body []byte, sent, received time.Time) {
	if f.opts.Recorder == nil {
		return
	}
	h := hreq.Header.Clone()
	if hs.svc != nil {
		for k := range hs.svc.Header {
			h.Del(k)
		}
	}
	f.opts.Recorder.Record(Exchange{
		Method: hreq.Method, URL: hopURL, RequestHeader: h,
		Proto: resp.Proto, Status: resp.StatusCode, StatusText: resp.Status,
		Header: resp.Header.Clone(), Body: hs.redact(body),
		Sent: sent.UTC(), Received: received.UTC(),
	})
}
