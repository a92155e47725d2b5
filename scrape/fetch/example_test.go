package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

// A run fetches through a cache; the same run replayed offline gives the
// same bytes without touching the network, and says clearly what it lacks.
func Example() {
	// A local server stands in for api.crossref.org.
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Handle("GET", "/works/10.7554/elife.01567", fetchtest.JSON([]byte(`{"status":"ok","message":{"DOI":"10.7554/elife.01567"}}`)))
	srv.Handle("GET", "/works/10.9999/none", fetchtest.Answer{Status: http.StatusNotFound, Body: []byte("Resource not found.")})

	dir, _ := os.MkdirTemp("", "cache")
	defer os.RemoveAll(dir)
	creds := fetch.Credentials{Mailto: "reviewer@example.org"} // fetch.CredentialsFromEnv(os.Getenv) in a program
	services := []fetch.Service{{Name: "crossref", Host: srv.Host(), Limit: fetch.Limit{Rate: 10, Burst: 1, InFlight: 3}}}
	ctx := context.Background()

	live, err := fetch.New(fetch.Options{Version: "1.0", Credentials: creds, Services: services, CacheDir: dir})
	if err != nil {
		panic(err)
	}
	r, err := live.Get(ctx, srv.URL+"/works/10.7554/elife.01567", fetch.API)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status, r.ContentType(), len(r.Body), "bytes, from cache:", r.FromCache)
	_, err = live.Get(ctx, srv.URL+"/works/10.9999/none", fetch.API)
	fmt.Println(errors.Is(err, fetch.ErrNotFound), strings.Replace(err.Error(), srv.URL, "SERVER", 1))
	fmt.Println(live.UserAgent())

	replay, err := fetch.New(fetch.Options{Services: services, CacheDir: dir, CacheMode: fetch.CacheOffline})
	if err != nil {
		panic(err)
	}
	r, err = replay.Get(ctx, srv.URL+"/works/10.7554/elife.01567", fetch.API)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status, len(r.Body), "bytes, from cache:", r.FromCache)
	_, err = replay.Get(ctx, srv.URL+"/works/10.1/other", fetch.API)
	fmt.Println(errors.Is(err, fetch.ErrNotCached))
	fmt.Println(srv.Count("GET", "/works/10.7554/elife.01567"), "request reached the server")
	// Output:
	// 200 application/json 55 bytes, from cache: false
	// true fetch: GET SERVER/works/10.9999/none: 404 Not Found: Resource not found.
	// citegraph/1.0 (+https://github.com/citegraph/citegraph; mailto:reviewer@example.org)
	// 200 55 bytes, from cache: true
	// true
	// 1 request reached the server
}
