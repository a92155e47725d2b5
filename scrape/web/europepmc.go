package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/scrape/fetch"
)

// europePMCService is Europe PMC's REST API with the pace citegraph keeps
// to. Europe PMC's own pages (europepmc.org/RestfulWebService, read in
// 2026) publish no figure; guides written for its users quote "10
// requests per second" per IP address. We keep to half of that, 5 a
// second and 2 at a time: a scrape asks at most two requests per DOI
// (search, then fullTextXML), so a thousand DOIs take under seven minutes.
func europePMCService(base string) fetch.Service {
	host := "www.ebi.ac.uk"
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host = u.Host
	}
	return fetch.Service{Name: "europepmc", Host: host, Limit: fetch.Limit{Rate: 5, Burst: 2, InFlight: 2}}
}

// epmcSearch is the part of Europe PMC's search answer
// (search?query=DOI:"…"&format=json&resultType=lite) that says whether a
// work has an open full text there.
type epmcSearch struct {
	ResultList struct {
		Result []struct {
			DOI          string `json:"doi"`
			PMCID        string `json:"pmcid"`
			IsOpenAccess string `json:"isOpenAccess"`
			InEPMC       string `json:"inEPMC"`
		} `json:"result"`
	} `json:"resultList"`
}

// fullText returns Europe PMC's open-access JATS of the work in, nil
// (and no error) when Europe PMC has none, so the caller fetches the page.
// A failure of the search itself is not an error either: the page is the
// fallback and the WARC keeps the failed exchange.
func (s *Source) fullText(ctx context.Context, in Input) (*page, error) {
	pmcid := in.Value
	if in.Kind == DOI {
		q := url.Values{"query": {`DOI:"` + in.Value + `"`}, "format": {"json"}, "resultType": {"lite"}}
		r, err := s.f.Get(ctx, s.cfg.EuropePMC+"/search?"+q.Encode(), fetch.API)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, nil
		}
		pmcid = openPMCID(r.Body, in.Value)
		if pmcid == "" {
			return nil, nil
		}
	}
	u := s.cfg.EuropePMC + "/" + url.PathEscape(pmcid) + "/fullTextXML"
	r, err := s.f.Get(ctx, u, fetch.API)
	switch {
	case err == nil:
		return &page{url: u, final: r.FinalURL, via: "europepmc", body: r.Body, at: r.Fetched}, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case in.Kind == PMCID:
		if errors.Is(err, fetch.ErrNotFound) {
			return nil, fmt.Errorf("no open full text of %s at Europe PMC", pmcid)
		}
		return nil, err
	}
	return nil, nil
}

// openPMCID returns the PMCID of the search result for doi that is open
// access in Europe PMC, "" when there is none.
func openPMCID(body []byte, doi string) string {
	var a epmcSearch
	if json.Unmarshal(body, &a) != nil {
		return ""
	}
	for _, r := range a.ResultList.Result {
		if strings.EqualFold(r.DOI, doi) && r.PMCID != "" && r.IsOpenAccess == "Y" && r.InEPMC == "Y" {
			return r.PMCID
		}
	}
	return ""
}
