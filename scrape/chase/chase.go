package chase

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/scrape/index"
)

// Direction says which way citations are chased.
type Direction int

const (
	// Backward follows references: the works the seeds cite.
	Backward Direction = 1 << iota
	// Forward follows citations: the works citing the seeds.
	Forward
	// Both follows references and citations.
	Both = Backward | Forward
)

// String returns "backward", "forward" or "both".
func (d Direction) String() string {
	switch d {
	case Backward:
		return "backward"
	case Forward:
		return "forward"
	case Both:
		return "both"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// ParseDirection reads "backward", "forward" or "both".
func ParseDirection(s string) (Direction, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "backward", "back", "references":
		return Backward, nil
	case "forward", "citations":
		return Forward, nil
	case "both", "":
		return Both, nil
	}
	return 0, fmt.Errorf("chase: unknown direction %q (want backward, forward or both)", s)
}

// DefaultChunk is how many works of a hop one call of an index asks
// about when Options.Chunk is 0: the unit of progress and of the workers'
// share, and as many as one OpenAlex look-up takes.
const DefaultChunk = 50

// Options configure a chase.
type Options struct {
	Direction Direction
	// Hops is how far from the seeds to go: 1 gives the seeds' references
	// and citations, 2 theirs too. Less than 1 means 1.
	Hops int
	// Indexes are asked in turn for every hop, concurrently.
	Indexes []index.Index
	// Describe asks the indexes that describe works (Works) for the
	// candidates no answer described (OpenCitations rows name works by DOI
	// only), so that every candidate has a title to screen.
	Describe bool
	// Tallies, when not nil, asks scite for the tallies of the seeds and
	// candidates.
	Tallies index.Tallier
	// Chunk is how many works one call of an index asks about; 0 means
	// DefaultChunk.
	Chunk int
	// Workers is how many calls each index has under way at once; 0 means
	// 4. The Fetcher's per-host limits bound the requests whatever this is.
	Workers int
	// Previous is the report of an earlier chase: Report.New and
	// Report.Gone say what changed since.
	Previous *Report
	// Tracker, when not nil, is the tracker whose OnResponse the clients
	// were made with; the report takes the dates each index was queried
	// from it.
	Tracker *Tracker
	// Progress, when not nil, is told each phase of each index as a
	// stage (StageName: "chase openalex references (hop 1)") counted in
	// works asked about, finished with the facts hop, index, phase, works
	// and records (the records the index has given so far in all). It is
	// called from many goroutines at once. Failures are in the Report.
	Progress progress.Reporter
}

// StageName is the progress stage of one phase ("references",
// "citations", "describe" or "tallies") of an index in a hop (0 for the
// tallies, which follow the hops).
func StageName(hop int, index, phase string) string {
	if hop == 0 {
		return fmt.Sprintf("%s %s %s", progress.Chase, index, phase)
	}
	return fmt.Sprintf("%s %s %s (hop %d)", progress.Chase, index, phase, hop)
}

// Result is what a chase found.
type Result struct {
	// Graph resolves the seeds and everything the indexes gave.
	Graph *graph.Graph
	// Records are the records the indexes gave and those of the seeds, in
	// the order of the indexes and of their answers.
	Records []graph.Record
	// Candidates are the works found, ranked (see Rank).
	Candidates []Candidate
	Report     Report
}

// Failed reports whether some requests failed for good (see
// Report.Failures): the result is what the other requests gave.
func (r *Result) Failed() bool {
	for _, ix := range r.Report.Indexes {
		if len(ix.Failures) > 0 {
			return true
		}
	}
	return false
}

// Run chases citations from the seeds through the indexes and returns
// the candidates, ranked, with the report. Each hop asks every index
// about the works of the hop (the seeds first), references and citations
// as the direction says, several calls at a time; the union of the
// answers is resolved by graph.Build, so a work several indexes give is
// one candidate. The works a hop reaches (cited by, or citing, a work of
// the hop, through an edge an index gave) make the next hop.
//
// A request that fails for good is reported in the index's Failures and
// the chase goes on. Cancelling ctx stops every index at once and returns
// ctx's error; the answers fetched so far are in the Fetcher's cache, so a
// rerun asks again only what it had not received.
func Run(ctx context.Context, seeds []Seed, opt Options) (*Result, error) {
	if len(opt.Indexes) == 0 {
		return nil, errors.New("chase: no index to ask")
	}
	if opt.Direction&Both == 0 {
		opt.Direction = Both
	}
	opt.Hops = max(opt.Hops, 1)
	if opt.Chunk <= 0 {
		opt.Chunk = DefaultChunk
	}
	if opt.Workers <= 0 {
		opt.Workers = 4
	}
	c := &chaser{opt: opt, failures: map[string][]string{}, unsupported: map[string][]string{}, recs: map[string]int{}}
	for _, s := range seeds {
		if s.Record != nil {
			r := *s.Record
			// The seed's own reference list is the export's, not an
			// index's: the chase keeps what describes the seed only.
			r.References, r.Statements, r.CitedBy, r.Relations = nil, nil, nil, nil
			c.seedRecs = append(c.seedRecs, r)
		}
	}
	c.all = append(c.all, c.seedRecs...)

	frontier := make([]work, 0, len(seeds))
	for _, s := range seeds {
		frontier = append(frontier, work{ids: s.IDs})
	}
	hopOf := map[string]int{}
	found := map[string]map[string]bool{} // candidate key -> indexes that found it
	var g *graph.Graph
	var seedKeys []string
	for hop := 1; hop <= opt.Hops && len(frontier) > 0; hop++ {
		if err := c.hop(ctx, hop, frontier); err != nil {
			return nil, err
		}
		g = graph.Build(c.all)
		lk := newLookup(g)
		if hop == 1 {
			seedKeys = lk.keys(seeds)
			for _, k := range seedKeys {
				hopOf[k] = 0
			}
		}
		// The works of this hop, as the graph knows them now.
		var cur []string
		for _, w := range frontier {
			if k := lk.key(w.ids); k != "" {
				cur = append(cur, k)
			}
		}
		frontier = frontier[:0]
		for _, k := range reach(g, cur, opt.Direction, c.formats(), found) {
			if _, ok := hopOf[k]; ok {
				continue
			}
			hopOf[k] = hop
			w := g.Work(k)
			if ids := index.IDsOf(w.DOI, w.Identifiers); len(ids) > 0 && hop < opt.Hops {
				frontier = append(frontier, work{ids: ids})
			}
		}
	}
	if g == nil {
		g = graph.Build(c.all)
	}
	if opt.Describe {
		var err error
		if g, err = c.describe(ctx, g, hopOf); err != nil {
			return nil, err
		}
	}
	if opt.Tallies != nil {
		var err error
		if g, err = c.tallies(ctx, g, hopOf); err != nil {
			return nil, err
		}
	}
	// A seed no index knew at the first hop may have been reached later:
	// it stays a seed, not a candidate.
	seedKeys = newLookup(g).keys(seeds)
	for _, k := range seedKeys {
		hopOf[k] = 0
	}
	cands := Rank(g, seedKeys, hopOf, found, c.names())
	res := &Result{Graph: g, Records: c.all, Candidates: cands}
	res.Report = c.report(g, seeds, cands)
	return res, nil
}

// work is a work of a hop, by its identifiers.
type work struct{ ids []index.ID }

// chaser holds what a chase gathers.
type chaser struct {
	opt      Options
	seedRecs []graph.Record

	mu          sync.Mutex
	all         []graph.Record
	recs        map[string]int      // records per index
	failures    map[string][]string // per index
	unsupported map[string][]string // per index: phases it does not offer
}

// formats maps each index's record format to its name.
func (c *chaser) formats() map[string]string {
	m := map[string]string{}
	for _, ix := range c.opt.Indexes {
		m[ix.Format()] = ix.Name()
	}
	return m
}

func (c *chaser) names() []string {
	var out []string
	for _, ix := range c.opt.Indexes {
		out = append(out, ix.Name())
	}
	return out
}

// hop asks every index about the works of one hop.
func (c *chaser) hop(ctx context.Context, hop int, frontier []work) error {
	type phase struct {
		name string
		call func(index.Index) func(context.Context, []index.ID, func(graph.Record) error) error
	}
	var phases []phase
	if c.opt.Direction&Backward != 0 {
		phases = append(phases, phase{"references", func(ix index.Index) func(context.Context, []index.ID, func(graph.Record) error) error {
			return ix.References
		}})
	}
	if c.opt.Direction&Forward != 0 {
		phases = append(phases, phase{"citations", func(ix index.Index) func(context.Context, []index.ID, func(graph.Record) error) error {
			return ix.Citations
		}})
	}
	var wg sync.WaitGroup
	results := make([][]graph.Record, len(c.opt.Indexes))
	for i, ix := range c.opt.Indexes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, ph := range phases {
				recs := c.ask(ctx, hop, ix, ph.name, frontier, ph.call(ix))
				results[i] = append(results[i], recs...)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, rs := range results {
		c.all = append(c.all, rs...)
	}
	return nil
}

// ask runs one phase of one index over the works, Options.Chunk works per
// call, Options.Workers calls at a time, and returns the records in the
// order of the works.
func (c *chaser) ask(ctx context.Context, hop int, ix index.Index, phase string, works []work, call func(context.Context, []index.ID, func(graph.Record) error) error) []graph.Record {
	var ids []index.ID
	for _, w := range works {
		for _, id := range w.ids {
			if ix.Accepts(id.Scheme) {
				ids = append(ids, id)
				break
			}
		}
	}
	st := progress.Begin(c.opt.Progress, StageName(hop, ix.Name(), phase), int64(len(ids)))
	chunks := (len(ids) + c.opt.Chunk - 1) / c.opt.Chunk
	out := make([][]graph.Record, chunks)
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	stop := false
	for range min(c.opt.Workers, max(chunks, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				part := ids[i*c.opt.Chunk : min((i+1)*c.opt.Chunk, len(ids))]
				var recs []graph.Record
				err := call(ctx, part, func(r graph.Record) error {
					stampChase(&r, ix.Name(), phase)
					recs = append(recs, r)
					return nil
				})
				out[i] = recs
				c.mu.Lock()
				c.recs[ix.Name()] += len(recs)
				switch {
				case err == nil, ctx.Err() != nil:
				case errors.Is(err, index.ErrUnsupported):
					if !slices.Contains(c.unsupported[ix.Name()], phase) {
						c.unsupported[ix.Name()] = append(c.unsupported[ix.Name()], phase)
					}
				default:
					for _, e := range splitJoined(err) {
						c.failures[ix.Name()] = append(c.failures[ix.Name()], e.Error())
					}
				}
				c.mu.Unlock()
				mu.Lock()
				done += len(part)
				if errors.Is(err, index.ErrUnsupported) {
					stop = true
				}
				n := done
				mu.Unlock()
				st.Set(int64(n))
			}
		}()
	}
	for i := range chunks {
		mu.Lock()
		s := stop
		mu.Unlock()
		if s || ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	var all []graph.Record
	for _, rs := range out {
		all = append(all, rs...)
	}
	c.mu.Lock()
	total := c.recs[ix.Name()]
	c.mu.Unlock()
	st.End(progress.F("hop", hop), progress.F("index", ix.Name()), progress.F("phase", phase), progress.F("works", len(ids)), progress.F("records", total))
	return all
}

// splitJoined returns the errors errors.Join joined, or err alone.
func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// describe asks the indexes that describe works for the candidates no
// answer described, each index for those the ones before it did not.
func (c *chaser) describe(ctx context.Context, g *graph.Graph, hopOf map[string]int) (*graph.Graph, error) {
	for _, ix := range c.opt.Indexes {
		var need []work
		for _, k := range sortedKeys(hopOf) {
			w := g.Work(k)
			if w == nil || w.Title != "" {
				continue
			}
			if ids := index.IDsOf(w.DOI, w.Identifiers); len(ids) > 0 {
				need = append(need, work{ids: ids})
			}
		}
		if len(need) == 0 {
			break
		}
		// Look-ups take many works at once whatever Options.Chunk says.
		saved := c.opt.Chunk
		c.opt.Chunk = max(saved, DefaultChunk)
		recs := c.ask(ctx, 0, ix, "describe", need, ix.Works)
		c.opt.Chunk = saved
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(recs) > 0 {
			c.all = append(c.all, recs...)
			g = graph.Build(c.all)
		}
	}
	return g, nil
}

// tallies asks scite for the tallies of the seeds and candidates.
func (c *chaser) tallies(ctx context.Context, g *graph.Graph, hopOf map[string]int) (*graph.Graph, error) {
	var ids []index.ID
	for _, k := range sortedKeys(hopOf) {
		if w := g.Work(k); w != nil && w.DOI != "" {
			ids = append(ids, index.DOI(w.DOI))
		}
	}
	var recs []graph.Record
	st := progress.Begin(c.opt.Progress, StageName(0, "scite", "tallies"), int64(len(ids)))
	err := c.opt.Tallies.Tallies(ctx, ids, func(r graph.Record) error {
		recs = append(recs, r)
		return nil
	})
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	st.Set(int64(len(ids)))
	st.End(progress.F("index", "scite"), progress.F("phase", "tallies"), progress.F("works", len(ids)), progress.F("records", len(recs)))
	if err != nil {
		for _, e := range splitJoined(err) {
			c.failures["scite"] = append(c.failures["scite"], e.Error())
		}
	}
	c.recs["scite"] += len(recs)
	if len(recs) == 0 {
		return g, nil
	}
	c.all = append(c.all, recs...)
	return graph.Build(c.all), nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// lookup finds the work of the graph an identifier names.
type lookup struct {
	g    *graph.Graph
	byID map[index.ID]string
}

func newLookup(g *graph.Graph) *lookup {
	lk := &lookup{g: g, byID: map[index.ID]string{}}
	for _, w := range g.Works() {
		for _, id := range index.IDsOf(w.DOI, w.Identifiers) {
			if _, ok := lk.byID[id]; !ok {
				lk.byID[id] = w.Key
			}
		}
	}
	return lk
}

// key returns the key of the work ids name, "" when none.
func (lk *lookup) key(ids []index.ID) string {
	for _, id := range ids {
		if k, ok := lk.byID[id]; ok {
			return k
		}
	}
	return ""
}

// keys returns the keys of the seeds the graph holds, sorted, once each.
func (lk *lookup) keys(seeds []Seed) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range seeds {
		if k := lk.key(s.IDs); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// reach returns the works one step from cur in the direction, through
// Cites edges an index gave, sorted by key, and notes in found which
// indexes gave each step.
func reach(g *graph.Graph, cur []string, dir Direction, formats map[string]string, found map[string]map[string]bool) []string {
	in := map[string]bool{}
	for _, k := range cur {
		in[k] = true
	}
	next := map[string]bool{}
	note := func(k string, e *graph.Edge) {
		for _, s := range e.Sources {
			if name, ok := formats[s.Format]; ok {
				if found[k] == nil {
					found[k] = map[string]bool{}
				}
				found[k][name] = true
				next[k] = true
			}
		}
	}
	for _, e := range g.Edges(graph.Cites) {
		if e.F == e.T {
			continue
		}
		if dir&Backward != 0 && in[e.F.Key] && !in[e.T.Key] {
			note(e.T.Key, e)
		}
		if dir&Forward != 0 && in[e.T.Key] && !in[e.F.Key] {
			note(e.F.Key, e)
		}
	}
	return sortedKeys(next)
}

// chaseDirections name, for PRISMA's citation-searching counts
// (graph.Source.Chase), what each phase of the chase looks for.
var chaseDirections = map[string]string{"references": "backward", "citations": "forward", "describe": "describe"}

// stampChase marks a record an index gave in a phase of the chase: its
// database is the index (unless the reader named one), its Chase the
// direction, so that graph.PrismaCounts counts what each index and
// direction identified.
func stampChase(r *graph.Record, indexName, phase string) {
	if r.Source.Database == "" {
		r.Source.Database = indexName
	}
	r.Source.Chase = chaseDirections[phase]
}
