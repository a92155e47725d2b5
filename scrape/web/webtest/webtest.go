package webtest

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DOIs maps the DOIs of the real pages in scrape/testdata/web/pages
// (copied unchanged from shared/data/pages; each DOI as the page's own
// citation_doi or dc.identifier meta tag gives it) to their file names.
var DOIs = map[string]string{
	"10.1371/journal.pone.0213978": "plos_one_pone.0213978.html",
	"10.7717/peerj.4375":           "peerj_4375_state_of_oa.html",
	"10.1093/nar/gks1195":          "pmc_PMC3531190_genbank.html",
	"10.1038/s41586-021-03819-2":   "springernature_nature_s41586-021-03819-2_alphafold.html",
	"10.7554/elife.44753":          "elife_article.html",
	"10.1038/d41586-020-02610-z":   "nature_news_d41586-020-02610-z.html",
	"10.5210/fm.v25i10.10274":      "first_monday_ojs3_hiv_surveillance.html",
}

// JATSFile is one open-access full text Europe PMC serves.
type JATSFile struct {
	DOI, PMCID, Path string
}

// Server is the running server. Its fields may be changed before the
// first request.
type Server struct {
	*httptest.Server
	Pages, Seeds string     // folders of the pages and the seed pages
	JATS         []JATSFile // what /epmc serves
	Slow         time.Duration

	mu    sync.Mutex
	busy  map[string]bool
	count map[string]int
}

// New starts a server over the folders pages and seeds.
func New(pages, seeds string) *Server {
	s := &Server{Pages: pages, Seeds: seeds, Slow: 2 * time.Second, busy: map[string]bool{}, count: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Count returns how many requests came for the path.
func (s *Server) Count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count[p]
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.count[r.URL.Path]++
	s.mu.Unlock()
	p := r.URL.Path
	first, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	switch first {
	case "robots.txt":
		text(w, http.StatusOK, "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.05\n")
	case "pages", "private":
		s.file(w, s.Pages, rest, "text/html")
	case "seeds":
		s.file(w, s.Seeds, rest, "text/plain; charset=utf-8")
	case "doi":
		if name, ok := DOIs[strings.ToLower(rest)]; ok {
			http.Redirect(w, r, "/pages/"+name, http.StatusFound)
			return
		}
		text(w, http.StatusNotFound, "text/plain", "DOI not found\n")
	case "busy":
		s.mu.Lock()
		seen := s.busy[rest]
		s.busy[rest] = true
		s.mu.Unlock()
		if !seen {
			w.Header().Set("Retry-After", "1")
			text(w, http.StatusTooManyRequests, "text/plain", "too many requests\n")
			return
		}
		s.file(w, s.Pages, rest, "text/html")
	case "slow":
		select {
		case <-time.After(s.Slow):
		case <-r.Context().Done():
			return
		}
		s.file(w, s.Pages, rest, "text/html")
	case "login":
		text(w, http.StatusOK, "text/html", loginPage)
	case "captcha":
		text(w, http.StatusForbidden, "text/html", captchaPage)
	case "cookies":
		text(w, http.StatusOK, "text/html", cookiePage)
	case "epmc":
		s.epmc(w, r, rest)
	default:
		text(w, http.StatusNotFound, "text/plain", "not found\n")
	}
}

func (s *Server) file(w http.ResponseWriter, dir, name, ctype string) {
	if name == "" || strings.Contains(name, "/") || strings.HasPrefix(name, ".") {
		text(w, http.StatusNotFound, "text/plain", "not found\n")
		return
	}
	b, err := os.ReadFile(filepath.Join(dir, path.Clean(name)))
	if err != nil {
		text(w, http.StatusNotFound, "text/plain", "not found\n")
		return
	}
	w.Header().Set("Content-Type", ctype)
	_, _ = w.Write(b)
}

// epmc answers as Europe PMC's REST API does: search in its JSON lite
// form (the fields of the shape its documentation and answers show:
// resultList.result[] with doi, pmcid, isOpenAccess, inEPMC), fullTextXML
// with the JATS file.
func (s *Server) epmc(w http.ResponseWriter, r *http.Request, rest string) {
	if rest == "search" {
		q := strings.TrimSuffix(strings.TrimPrefix(r.URL.Query().Get("query"), `DOI:"`), `"`)
		for _, j := range s.JATS {
			if strings.EqualFold(j.DOI, q) {
				text(w, http.StatusOK, "application/json", fmt.Sprintf(
					`{"version":"6.9","hitCount":1,"request":{"queryString":"DOI:\"%s\"","resultType":"lite"},"resultList":{"result":[{"id":"0","source":"MED","pmcid":"%s","doi":"%s","isOpenAccess":"Y","inEPMC":"Y","inPMC":"Y","hasPDF":"Y"}]}}`,
					j.DOI, j.PMCID, j.DOI))
				return
			}
		}
		text(w, http.StatusOK, "application/json", `{"version":"6.9","hitCount":0,"resultList":{"result":[]}}`)
		return
	}
	id, ok := strings.CutSuffix(rest, "/fullTextXML")
	for _, j := range s.JATS {
		if ok && strings.EqualFold(j.PMCID, id) {
			b, err := os.ReadFile(j.Path)
			if err == nil {
				w.Header().Set("Content-Type", "application/xml")
				_, _ = w.Write(b)
				return
			}
		}
	}
	text(w, http.StatusNotFound, "application/xml", `<?xml version="1.0"?><error>not found</error>`)
}

func text(w http.ResponseWriter, status int, ctype, body string) {
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

const loginPage = `<!DOCTYPE html><html><head><title>Sign in | Journal Portal</title></head><body>
<h1>Sign in to read this article</h1><form method="post" action="/login"><input type="text" name="user">
<input type="password" name="pass"><button>Sign in</button></form></body></html>`

const captchaPage = `<!DOCTYPE html><html><head><title>Are you a robot?</title>
<script src="https://www.google.com/recaptcha/api.js"></script></head><body>
<form><div class="g-recaptcha" data-sitekey="x"></div></form></body></html>`

const cookiePage = `<!DOCTYPE html><html><head><title>Cookies</title></head><body>
<p>Cookies are disabled. Please enable cookies in your browser to continue to the article.</p></body></html>`

// Transport is a round tripper for the tests' fetchers that reaches only
// this server: a request for any other host (a reference's URL in a real
// page, followed) fails at once with ErrOffTheServer, so no test reaches
// the internet, whatever the pages link to.
func (s *Server) Transport() http.RoundTripper {
	return localOnly{host: strings.TrimPrefix(s.URL, "http://"), next: s.Client().Transport}
}

// ErrOffTheServer is the error of a request Transport does not send.
var ErrOffTheServer = errors.New("webtest: not the test server (tests never reach the internet)")

type localOnly struct {
	host string
	next http.RoundTripper
}

func (l localOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != l.host {
		return nil, fmt.Errorf("%s: %w", r.URL, ErrOffTheServer)
	}
	return l.next.RoundTrip(r)
}

// Counts returns how many requests came for each path so far.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.count)
}
