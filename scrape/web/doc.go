// Package web makes URLs, DOIs and PMCIDs inputs like files: it fetches
// them politely through the one fetch.Fetcher, keeps every exchange in a
// WARC file, and reads what came with the same extractors as saved pages
// (scrape.Registry), so a page fetched and the same page saved give the
// same records (only source.path differs: the URL, not the file).
//
// What goes in is inputs as a user writes them (Classify): an http(s) URL,
// a DOI ("10.…", "doi:…", "https://doi.org/…"), a PMCID; ReadInputs reads
// a list of them, one a line (--inputs-from). What comes out is records,
// through the scrape.Visitor that scrape.Registry.Walk takes, so the
// gather stage treats a fetched input as it treats a file.
//
// How each input is fetched:
//
//   - A DOI or PMCID is first looked up in Europe PMC's REST API (search,
//     then fullTextXML): an open-access JATS full text is read with the
//     JATS reader, so statements come with sections. Fetched.Via says
//     where each work's text came from ("europepmc" or "page"), and so
//     does the WARC's metadata record and the record's source.path.
//   - Otherwise a DOI is resolved through the resolver (doi.org) to its
//     landing page, following redirects hop by hop, and a URL is fetched.
//   - Every request goes through the Fetcher: robots.txt honoured (a
//     refusal names the rule and the robots.txt line, and the page is never
//     asked for), per-host pace and Crawl-delay, User-Agent with the
//     CITEGRAPH_MAILTO contact, retries with backoff and Retry-After.
//   - A login page, a CAPTCHA or bot check and a cookie wall are reported as
//     ErrLoginWall, ErrCaptcha and ErrCookieWall. citegraph keeps no
//     cookies, fills in no form and solves no challenge.
//   - With Follow, the references of what was read that carry a DOI or a
//     URL are fetched in turn, breadth first, up to Depth steps and
//     MaxPages pages, each work once.
//
// Every exchange (robots.txt, redirects, retries included) is appended to
// the WARC file (scrape/warc); Offline answers every request from it, so
// a run replays byte for byte without the network. With a cache directory
// (fetch.Options.CacheDir) a rerun, or a crawl resumed after an
// interruption, asks nothing it asked before.
//
// Files:
//
//	input.go      Kind, Input, Classify, Split, ReadInputs
//	web.go        Config, Source (Open, Walk, Close), fetching one input
//	crawl.go      the breadth-first walk, deduplication, following references
//	europepmc.go  Europe PMC's open full text and its pace
//	walls.go      login pages, CAPTCHAs and cookie walls
//
// Subpackage webtest serves saved pages as a publisher's site would, for
// offline tests.
package web
