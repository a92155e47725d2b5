package fetchtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// Answer is one scripted answer.
type Answer struct {
	Status int // 0 means 200
	Header http.Header
	Body   []byte
	// Delay holds the answer back (the headers too); a request cancelled
	// meanwhile gets nothing.
	Delay time.Duration
	// SlowBody spreads the body over this long, in ten parts.
	SlowBody time.Duration
	// Truncate, when > 0, announces the whole body in Content-Length, sends
	// only its first Truncate bytes and closes the connection.
	Truncate int
	// Drop closes the connection without answering, as a server that
	// crashed or reset it does.
	Drop bool
}

// JSON returns a 200 answer with body and Content-Type application/json.
func JSON(body []byte) Answer {
	return Answer{Status: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
}

// Meter counts the requests in flight across the servers that share it
// (see Server.ShareMeter), to check a bound that spans hosts.
type Meter struct {
	mu      sync.Mutex
	in, max int
}

// MaxInFlight returns the most requests the servers sharing m handled at
// once.
func (m *Meter) MaxInFlight() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.max
}

func (m *Meter) enter() {
	m.mu.Lock()
	m.in++
	m.max = max(m.max, m.in)
	m.mu.Unlock()
}

func (m *Meter) leave() {
	m.mu.Lock()
	m.in--
	m.mu.Unlock()
}

// ShareMeter makes the server count its requests in m too. Call it before
// the server receives requests.
func (s *Server) ShareMeter(m *Meter) {
	s.mu.Lock()
	s.meter = m
	s.mu.Unlock()
}

// Record is one request the server received.
type Record struct {
	Method, Path, Query string
	Header              http.Header
	Body                []byte
	// At is when the handler started; InFlight how many requests were
	// being handled then, this one included.
	At       time.Time
	InFlight int
}

// Server is a local HTTP server answering from scripts.
type Server struct {
	*httptest.Server
	// IgnoreQuery names query parameters left out of matching.
	IgnoreQuery []string
	// Fallback, when not nil, answers requests no route matches.
	Fallback func(r *http.Request) Answer

	mu        sync.Mutex
	meter     *Meter
	routes    map[string]*route
	records   []Record
	inFlight  int
	maxFlight int
	unmatched int
}

type route struct {
	answers []Answer
	n       int
}

// NewServer starts a Server; Close it when done.
func NewServer() *Server {
	s := &Server{IgnoreQuery: []string{"api_key", "mailto"}, routes: map[string]*route{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Host returns the server's host:port, as a fetch.Service names it.
func (s *Server) Host() string {
	u, _ := url.Parse(s.URL)
	return u.Host
}

// Handle sets the script of the route method + pathQuery ("/works/10.1/x",
// "/paper/x/references?fields=title&offset=0"). pathQuery is matched as
// its escaped form; query parameter order does not matter.
func (s *Server) Handle(method, pathQuery string, answers ...Answer) {
	if len(answers) == 0 {
		panic("fetchtest: Handle with no answers")
	}
	u, err := url.Parse(pathQuery)
	if err != nil {
		panic(fmt.Sprintf("fetchtest: bad route %q: %v", pathQuery, err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[s.key(method, u.EscapedPath(), u.RawQuery)] = &route{answers: answers}
}

// Replay sets one route per interaction, answering as recorded. Several
// interactions for one route become its script, in order.
func (s *Server) Replay(interactions []Interaction) error {
	// Grouped by the route key, so that interactions a request cannot tell
	// apart (query in another order, a different IgnoreQuery value) make
	// one script rather than the last replacing the others.
	type script struct {
		method, pq string
		answers    []Answer
	}
	byKey := map[string]*script{}
	var order []string
	for _, in := range interactions {
		u, err := url.Parse(in.URL)
		if err != nil {
			return fmt.Errorf("fetchtest: interaction %s %s: %v", in.Method, in.URL, err)
		}
		pq := u.EscapedPath()
		if u.RawQuery != "" {
			pq += "?" + u.RawQuery
		}
		k := s.key(in.Method, u.EscapedPath(), u.RawQuery)
		sc, ok := byKey[k]
		if !ok {
			sc = &script{method: in.Method, pq: pq}
			byKey[k] = sc
			order = append(order, k)
		}
		sc.answers = append(sc.answers, Answer{Status: in.Status, Header: in.Header, Body: in.Body})
	}
	for _, k := range order {
		s.Handle(byKey[k].method, byKey[k].pq, byKey[k].answers...)
	}
	return nil
}

func (s *Server) key(method, path, rawQuery string) string {
	q, _ := url.ParseQuery(rawQuery)
	for _, p := range s.IgnoreQuery {
		q.Del(p)
	}
	k := strings.ToUpper(method) + " " + path
	if len(q) > 0 {
		k += "?" + q.Encode()
	}
	return k
}

// Requests returns the requests received so far, in arrival order.
func (s *Server) Requests() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Record(nil), s.records...)
}

// Count returns how many requests the route received.
func (s *Server) Count(method, pathQuery string) int {
	u, err := url.Parse(pathQuery)
	if err != nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.routes[s.key(method, u.EscapedPath(), u.RawQuery)]; ok {
		return r.n
	}
	return 0
}

// MaxInFlight returns the most requests the server handled at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxFlight
}

// Unmatched returns how many requests no route or fallback answered.
func (s *Server) Unmatched() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unmatched
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.inFlight++
	s.maxFlight = max(s.maxFlight, s.inFlight)
	s.records = append(s.records, Record{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery,
		Header: r.Header.Clone(), Body: body, At: time.Now(), InFlight: s.inFlight})
	var a Answer
	found := false
	if rt, ok := s.routes[s.key(r.Method, r.URL.EscapedPath(), r.URL.RawQuery)]; ok {
		a = rt.answers[min(rt.n, len(rt.answers)-1)]
		rt.n++
		found = true
	}
	meter := s.meter
	s.mu.Unlock()
	if meter != nil {
		meter.enter()
		defer meter.leave()
	}
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	switch {
	case found:
	case s.Fallback != nil:
		a = s.Fallback(r)
	case r.URL.Path == "/robots.txt":
		a = Answer{Status: http.StatusNotFound, Body: []byte("no robots.txt\n")}
	default:
		s.mu.Lock()
		s.unmatched++
		s.mu.Unlock()
		a = Answer{Status: http.StatusNotImplemented, Body: []byte(fmt.Sprintf("fetchtest: no answer recorded for %s %s\n", r.Method, r.URL.RequestURI()))}
	}
	write(w, r, a)
}

func write(w http.ResponseWriter, r *http.Request, a Answer) {
	if a.Delay > 0 {
		select {
		case <-time.After(a.Delay):
		case <-r.Context().Done():
			return
		}
	}
	for k, vs := range a.Header {
		switch strings.ToLower(k) {
		case "content-length", "transfer-encoding", "connection":
			continue
		}
		w.Header()[http.CanonicalHeaderKey(k)] = vs
	}
	status := a.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(a.Body)))
	rc := http.NewResponseController(w)
	switch {
	case a.Drop:
		if conn, _, err := rc.Hijack(); err == nil {
			_ = conn.Close()
		}
	case a.Truncate > 0 && a.Truncate < len(a.Body):
		w.WriteHeader(status)
		_, _ = w.Write(a.Body[:a.Truncate])
		_ = rc.Flush()
		if conn, _, err := rc.Hijack(); err == nil {
			_ = conn.Close()
		}
	case a.SlowBody > 0:
		w.WriteHeader(status)
		_ = rc.Flush()
		step := (len(a.Body) + 9) / 10
		for i := 0; i < len(a.Body); i += max(step, 1) {
			select {
			case <-time.After(a.SlowBody / 10):
			case <-r.Context().Done():
				return
			}
			_, _ = w.Write(a.Body[i:min(i+max(step, 1), len(a.Body))])
			_ = rc.Flush()
		}
	default:
		w.WriteHeader(status)
		_, _ = w.Write(a.Body) // a client that hung up is the test's business
	}
}

// Interaction is one recorded request and its answer.
type Interaction struct {
	Method string
	URL    string
	Status int
	Header http.Header
	// Body is the answer as sent: still gzip-compressed when Header says
	// Content-Encoding: gzip (see Decoded).
	Body []byte
}

// Decoded returns the body with any gzip Content-Encoding undone.
func (in Interaction) Decoded() ([]byte, error) {
	if !strings.EqualFold(in.Header.Get("Content-Encoding"), "gzip") {
		return in.Body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(in.Body))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// cassette is the vcrpy file layout.
type cassette struct {
	Interactions []struct {
		Request struct {
			Method string `yaml:"method"`
			URI    string `yaml:"uri"`
		} `yaml:"request"`
		Response struct {
			Body struct {
				String string `yaml:"string"`
			} `yaml:"body"`
			Headers map[string][]string `yaml:"headers"`
			Status  struct {
				Code int `yaml:"code"`
			} `yaml:"status"`
		} `yaml:"response"`
	} `yaml:"interactions"`
}

// LoadCassette reads a vcrpy cassette (YAML; bodies as text or !!binary).
func LoadCassette(path string) ([]Interaction, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c cassette
	if err := yaml.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("fetchtest: %s: %w", path, err)
	}
	out := make([]Interaction, 0, len(c.Interactions))
	for i, in := range c.Interactions {
		if in.Request.URI == "" || in.Response.Status.Code == 0 {
			return nil, fmt.Errorf("fetchtest: %s: interaction %d has no uri or status", path, i+1)
		}
		h := http.Header{}
		keys := make([]string, 0, len(in.Response.Headers))
		for k := range in.Response.Headers {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, v := range in.Response.Headers[k] {
				h.Add(k, v)
			}
		}
		out = append(out, Interaction{
			Method: strings.ToUpper(in.Request.Method), URL: in.Request.URI,
			Status: in.Response.Status.Code, Header: h, Body: []byte(in.Response.Body.String),
		})
	}
	return out, nil
}
