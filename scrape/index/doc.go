// Package index is what the clients of the open citation indexes share:
// identifiers (ID: a DOI, an OpenAlex ID, a PMID …; ParseID), the Index
// interface chase asks, the Tallier of citation-statement tallies, the
// Config every client takes, the Service a service registers itself with,
// and the kit the clients are built of (Client, Batch, Stamp, Batches,
// Only, EscapePath).
//
// Each service is one package holding its answer decoder, its client and
// its published limits, and scrape/services lists them, one line each:
//
//	scrape/openalex          /works?filter=doi:a|b… (openalex.Batch per request), referenced_works
//	                         looked up by OpenAlex ID, citations by filter=cites:W…; cursor paging
//	scrape/crossref          /works?filter=doi:a,doi:b… (cursor paging), /works/{doi} with its
//	                         deposited references; no citations (members only): ErrUnsupported
//	scrape/opencitations     /references/doi:… and /citations/doi:… as CSV; no metadata
//	scrape/semanticscholar   POST /paper/batch, /paper/{id}/references and /citations with
//	                         contexts, intents and isInfluential; offset paging while "next"
//	scrape/sciteapi          POST /tallies (sciteapi.Batch DOIs): a Tallier, not an Index
//
// What goes in is identifiers, many at a time; what comes out is
// graph.Records, decoded from the answers by the offline reader of the
// service's package, with Source.Path the URL asked (without credentials)
// and Source.Format the reader's name. So a record from the network is the
// record `citegraph extract` gives for the same answer saved to a file,
// and graph.Build resolves the union.
//
// Every request goes through a fetch.Fetcher, which paces each host by its
// published limits (services.Fetch), retries failures, honours Retry-After
// and keeps the raw answers in its cache; the clients only build URLs,
// page to the end and decode. A work an index does not hold (404) is
// skipped; a request that fails after the Fetcher's retries is collected
// and returned at the end, joined, after the other works were asked; an
// error of the caller's emit or the context's ends a call at once.
//
// Files:
//
//	index.go  ID, ParseID, Index, Tallier, Config, Service, and the client kit
//	          (Client with its Endpoint: Name, Format, Do, Fetch, Read,
//	          Cursor; PostJSON, Batch, Batches, Only)
//
// The tests of every client (clients_test.go, faults_test.go) replay real
// recorded answers of each service (testdata) from a local server.
package index
