// Package webtest serves saved pages from a local HTTP server the way
// publishers' sites and the services citegraph scrapes answer, for the
// offline tests of scrape/web and of the CLI: the pages as HTML, a
// robots.txt that disallows one path, a doi.org-style resolver that
// redirects, a 429 with Retry-After, a login page, a CAPTCHA, a slow page
// and Europe PMC's search and fullTextXML endpoints.
//
// Routes (NAME is a file name in the folders given to New):
//
//	/robots.txt          "User-agent: *", "Disallow: /private/", "Crawl-delay: 0.05"
//	/pages/NAME          a page of Pages, as text/html
//	/seeds/NAME          a seed page of Seeds (saved as text), as text/plain
//	/private/NAME        the same page, under the disallowed path
//	/doi/DOI             302 to /pages/NAME of the page whose DOI it is (DOIs), else 404
//	/busy/NAME           429 with "Retry-After: 1" the first time, then the page
//	/slow/NAME           the page after Slow
//	/login               a sign-in page (200, a password form)
//	/captcha             a bot check (403, reCAPTCHA)
//	/cookies             a cookie wall (200, "please enable cookies")
//	/epmc/search         Europe PMC search: an open-access hit for the DOIs of JATS
//	/epmc/PMCID/fullTextXML  the JATS file of JATS for that PMCID, else 404
//
// Files:
//
//	webtest.go  Server and its routes
package webtest
