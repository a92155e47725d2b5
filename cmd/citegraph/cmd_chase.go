package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/chase"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/services"
)

// chaseIndexes are the indexes chase knows, in the order they are asked
// and reported.
var chaseIndexes = services.Indexes()

type chaseOptions struct {
	seedFiles []string
	ids       []string
	direction string
	hops      int
	indexes   []string
	cache     string
	offline   bool
	refresh   bool
	out       string
	db        string
	previous  string
	describe  bool
	endpoints []string
	args      []string
	creds     fetch.Credentials

	dir       chase.Direction
	endpoint  map[string]string
	cacheMode fetch.CacheMode
}

func (o *chaseOptions) addFlags(f *pflag.FlagSet) {
	f.StringArrayVar(&o.seedFiles, "seeds", nil, "a file of seeds: identifiers one per line (DOI, OpenAlex ID, pmid:…), or any export extract reads; repeatable")
	f.StringVar(&o.direction, "direction", "both", "backward (references), forward (citations) or both")
	f.IntVar(&o.hops, "hops", 1, "how many steps from the seeds")
	f.StringSliceVar(&o.indexes, "index", chaseIndexes, "the indexes to ask, comma-separated: "+strings.Join(chaseIndexes, ", ")+"; scite tallies are added when $SCITE_API_KEY is set")
	f.StringVar(&o.cache, "cache", "", "the folder of raw answers (default DIR/http-cache); a rerun answers from it what it fetched before")
	f.BoolVar(&o.offline, "offline", false, "answer from the cache only, touching no network (replays a run exactly)")
	f.BoolVar(&o.refresh, "refresh", false, "fetch everything anew, replacing what the cache holds")
	f.StringVarP(&o.out, "out", "o", "", "the folder to write candidates.ris, candidates.csv, records.jsonl, chase-report.json and chase-report.md to (required)")
	f.StringVar(&o.db, "db", "", "also add the records to this corpus database and resolve it")
	f.StringVar(&o.previous, "previous", "", "the chase-report.json of an earlier run to compare with (default: the one in DIR, if any)")
	f.BoolVar(&o.describe, "describe", true, "look up the candidates no answer described, so each has a title")
	f.StringArrayVar(&o.endpoints, "endpoint", nil, "NAME=URL: ask index NAME at URL instead of its public API (a mirror, or a local replay server); repeatable")
}

func (o *chaseOptions) validate(_ context.Context, args []string) error {
	o.ids, o.args, o.creds = args, os.Args, fetch.CredentialsFromEnv(os.Getenv)
	if o.out == "" {
		return errors.New("-o is required")
	}
	if len(o.seedFiles) == 0 && len(o.ids) == 0 {
		return errors.New("no seeds: give --seeds FILE or identifiers")
	}
	d, err := chase.ParseDirection(o.direction)
	if err != nil {
		return err
	}
	o.dir = d
	if err := firstError(check(o.hops >= 1, "--hops %d: want 1 or more", o.hops),
		check(len(o.indexes) > 0, "--index: no index given")); err != nil {
		return err
	}
	for i, n := range o.indexes {
		if err := firstError(check(slices.Contains(chaseIndexes, n), "--index %q: unknown index (known: %s)", n, strings.Join(chaseIndexes, ", ")),
			check(!slices.Contains(o.indexes[:i], n), "--index %q: given twice", n)); err != nil {
			return err
		}
	}
	if o.offline && o.refresh {
		return errors.New("--offline and --refresh exclude each other")
	}
	o.cacheMode = fetch.CacheReadWrite
	switch {
	case o.offline:
		o.cacheMode = fetch.CacheOffline
	case o.refresh:
		o.cacheMode = fetch.CacheRefresh
	}
	if o.cache == "" {
		o.cache = filepath.Join(o.out, "http-cache")
	}
	if o.offline {
		if _, err := os.Stat(o.cache); err != nil {
			return fmt.Errorf("--offline: no cache at %s", o.cache)
		}
	}
	o.endpoint = map[string]string{}
	for _, e := range o.endpoints {
		name, u, ok := strings.Cut(e, "=")
		pu, err := url.Parse(u)
		if _, known := services.Lookup(name); !ok || !known || err != nil || pu.Host == "" || pu.Scheme != "http" && pu.Scheme != "https" {
			return fmt.Errorf("--endpoint %q: want NAME=URL (http or https) with NAME one of %s", e, strings.Join(services.Names(), ", "))
		}
		o.endpoint[name] = strings.TrimRight(u, "/")
	}
	for _, id := range o.ids {
		if _, err := index.ParseID(id); err != nil {
			return err
		}
	}
	return nil
}

func newChaseCommand(s streams) *cobra.Command {
	return command(s, &chaseOptions{}, &cobra.Command{
		Use:   "chase -o DIR [--seeds FILE]... [ID...]",
		Short: "Chase citations from seed works through the open citation indexes",
		Long: `Chase asks OpenAlex, Crossref, OpenCitations and Semantic Scholar for the
references of the seeds (backward), the works citing them (forward), or both,
for --hops steps, resolves the union into one graph so that a work several
indexes give is one candidate, and ranks the candidates by how strongly they
connect to the seeds: how many seeds they cite or are cited by, then their
co-citation and coupling with the seeds.

Seeds are identifiers given as arguments or in --seeds files (one per line),
or the records of any export extract reads (RIS, BibTeX, WoS, CSV exports …).

DIR receives candidates.ris and candidates.csv for screening, records.jsonl
(every record the indexes gave), and the chase report as chase-report.json
and chase-report.md: seeds, indexes queried with dates, per-index and per-seed
counts, overlaps between indexes, duplicates removed, unique candidates, and
what is new since the previous report (--previous, or the one already in DIR).

Every answer is kept raw in the cache (--cache): Ctrl-C stops at once and a
rerun resumes without asking again what it received; --offline replays a run
from its cache. Requests keep to each service's published limits. A contact
address in $CITEGRAPH_MAILTO joins the polite pools; API keys are read from
$OPENALEX_API_KEY, $S2_API_KEY, $SCITE_API_KEY and $OPENCITATIONS_ACCESS_TOKEN.
Requests that fail after the retries are reported, the rest of the chase goes
on, and the exit code is 3.
` + exitCodesHelp,
	})
}

// services are the hosts of every service with their limits, each at the
// host of its --endpoint when one is given.
func (o *chaseOptions) services() []fetch.Service {
	svcs := services.Fetch(o.creds)
	for name, u := range o.endpoint {
		pu, _ := url.Parse(u) // validate checked it
		if i := slices.IndexFunc(svcs, func(s fetch.Service) bool { return s.Name == name }); i >= 0 {
			svcs[i].Host = pu.Host
		}
	}
	return svcs
}

func (o chaseOptions) run(ctx context.Context, s streams) error {
	seeds, err := chase.GatherSeeds(ctx, o.ids, o.seedFiles, scrape.Default(), func(p string, n int) {
		fmt.Fprintf(s.errOut, "%s: %d records without an identifier cannot be chased and were left out\n", p, n)
	})
	if err != nil {
		return err
	}
	if len(seeds) == 0 {
		return errors.New("chase: the seeds name no work with an identifier")
	}
	f, err := fetch.New(fetch.Options{Credentials: o.creds, Services: o.services(), CacheDir: o.cache,
		CacheMode: o.cacheMode})
	if err != nil {
		return err
	}
	tr := chase.NewTracker()
	cfg := func(name string) index.Config {
		return index.Config{BaseURL: o.endpoint[name], OnResponse: tr.OnResponse(name)}
	}
	opt := chase.Options{Direction: o.dir, Hops: o.hops, Describe: o.describe, Tracker: tr, Progress: s.reporter()}
	for _, n := range o.indexes {
		sv, _ := services.Lookup(n) // validate checked the names
		opt.Indexes = append(opt.Indexes, sv.Index(f, cfg(n)))
	}
	if o.creds.SciteKey != "" {
		sv, _ := services.Lookup("scite")
		opt.Tallies = sv.Tallies(f, cfg(sv.Name))
	}
	if opt.Previous, err = chase.ReadPrevious(o.previous, o.out); err != nil {
		return err
	}
	res, err := chase.Run(ctx, seeds, opt)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(s.errOut, "chase interrupted; run it again with the same --cache (%s) to resume\n", o.cache)
		}
		return err
	}
	if err := res.WriteFiles(func(name string, fill func(io.Writer) error) error {
		return output.WriteFile(output.Dir{Path: o.out}, name, fill)
	}); err != nil {
		return err
	}
	if o.db != "" {
		if err := chaseToStore(ctx, o, res); err != nil {
			return err
		}
	}
	res.Report.WriteSummary(s.errOut, f.Stats())
	fmt.Fprintf(s.errOut, "wrote %s\n", o.out)
	failed := 0
	for _, ix := range res.Report.Indexes {
		failed += len(ix.Failures)
	}
	if failed > 0 {
		return &partialError{failed: failed, total: int(f.Stats().Calls), what: "requests"}
	}
	return nil
}

// chaseToStore adds the chase's records to the corpus as one source and
// resolves the corpus.
func chaseToStore(ctx context.Context, o chaseOptions, res *chase.Result) error {
	return store.Update(ctx, o.db, strings.Join(o.args, " "), func(st *store.Store, run int64) error {
		return res.Store(ctx, st, run, filepath.Join(o.out, "records.jsonl"))
	})
}
