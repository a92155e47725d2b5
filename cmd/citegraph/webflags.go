package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/web"
)

// webOptions are the flags of the commands that take URLs and DOIs as
// inputs (extract, run, ingest); scrape/web does the work.
type webOptions struct {
	inputsFrom string
	warc       string
	cache      string
	offline    bool
	noFullText bool
	follow     string
	depth      int
	maxPages   int
}

// webHelp is the part of a command's long help about URL and DOI inputs.
const webHelp = `
An INPUT may also be an http(s) URL, a DOI (10.…, doi:…, https://doi.org/…)
or a PMCID, fetched politely (robots.txt honoured, per-host pace and
Crawl-delay, User-Agent with $CITEGRAPH_MAILTO, retries with backoff); a DOI
or PMCID with an open-access JATS full text at Europe PMC is read from it,
any other DOI from its landing page. Login pages, CAPTCHAs and cookie walls
are reported, never worked around. Every exchange is kept in the WARC file
(--warc), which --offline replays without the network. $CITEGRAPH_DOI_RESOLVER
and $CITEGRAPH_EUROPEPMC_URL replace https://doi.org and Europe PMC's REST
address (a mirror, a test server).
`

// addFlags adds the flags; depthName is "depth", or "follow-depth" where
// the command's --depth means something else already (run).
func (o *webOptions) addFlags(f *pflag.FlagSet, warcDefault, depthName string) {
	f.StringVar(&o.inputsFrom, "inputs-from", "", "a file of inputs, one a line: URLs, DOIs, PMCIDs or paths ('#' starts a comment)")
	f.StringVar(&o.warc, "warc", "", "the WARC file every fetched page is kept in, and --offline replays (default "+warcDefault+")")
	f.StringVar(&o.cache, "web-cache", "", "the folder of raw answers a rerun or a resumed --follow answers from (default: beside the WARC, NAME.cache)")
	f.BoolVar(&o.offline, "offline", false, "answer every URL and DOI from the WARC file, touching no network")
	f.BoolVar(&o.noFullText, "no-full-text", false, "do not ask Europe PMC for open-access full text; read DOIs from their landing pages")
	f.StringVar(&o.follow, "follow", "", "\"references\": also fetch the references with a DOI or URL of what was read, breadth first")
	f.IntVar(&o.depth, depthName, 1, "with --follow, how many steps from the inputs")
	f.IntVar(&o.maxPages, "max-pages", 100, "with --follow, the most pages fetched in all (0: no bound)")
}

// validate checks the flags and adds the inputs of --inputs-from to args.
func (o *webOptions) validate(ctx context.Context, args []string) ([]string, error) {
	if o.follow != "" && o.follow != "references" {
		return nil, fmt.Errorf("--follow %q: want references", o.follow)
	}
	if o.depth < 0 || o.maxPages < 0 {
		return nil, errors.New("--depth and --max-pages must not be negative")
	}
	if o.inputsFrom == "" {
		return args, nil
	}
	more, err := web.ReadInputsFile(ctx, o.inputsFrom)
	if ctx.Err() != nil {
		return nil, ctx.Err() // interrupted: not a usage error
	}
	if err != nil {
		return nil, fmt.Errorf("--inputs-from: %w", err)
	}
	return append(append([]string(nil), args...), more...), nil
}

// config is the web.Config of the flags; dir is the command's output
// folder ("" for none), format its --format.
func (o *webOptions) config(dir, format string, errOut io.Writer) web.Config {
	w := o.warc
	if w == "" {
		w = filepath.Join(dir, "web.warc.gz")
	}
	cache := o.cache
	if cache == "" && !o.offline {
		cache = strings.TrimSuffix(w, ".warc.gz") + ".cache"
	}
	return web.Config{
		WARC: w, Offline: o.offline, NoFullText: o.noFullText, Format: format,
		Follow: o.follow == "references", Depth: o.depth, MaxPages: o.maxPages,
		Fetch:    fetch.Options{Credentials: fetch.CredentialsFromEnv(os.Getenv), CacheDir: cache},
		Progress: pagePrinter{errOut},
	}
}

// pagePrinter prints a line per fetched page on stderr.
type pagePrinter struct{ w io.Writer }

// Page prints f; a failed input is not printed, since the command reports
// every failed source itself.
func (p pagePrinter) Page(f web.Fetched) {
	if f.Err != nil && f.Depth == 0 {
		return
	}
	fmt.Fprintln(p.w, f)
}
