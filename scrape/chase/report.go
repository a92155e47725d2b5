package chase

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
)

// Report is what TARCiS and PRISMA-S ask reviewers to report of citation
// chasing: the seeds, the indexes queried and when, what each index gave
// per seed, how the indexes overlap, the duplicates removed and the unique
// candidates; and, against an earlier report, what is new. Its JSON form
// is written by `citegraph chase` as chase-report.json and read back as
// Options.Previous.
type Report struct {
	Direction string        `json:"direction"`
	Hops      int           `json:"hops"`
	Seeds     []SeedReport  `json:"seeds"`
	Indexes   []IndexReport `json:"indexes"`
	// Overlaps counts the candidates each combination of indexes found and
	// no other index, largest group first; Pairs counts, for each pair,
	// the candidates both found.
	Overlaps []Overlap `json:"overlaps"`
	Pairs    []Overlap `json:"pairs"`
	// Retrieved sums the candidates each index found; Unique is the number
	// of distinct candidates; DuplicatesRemoved is Retrieved - Unique, the
	// works more than one index gave.
	Retrieved         int `json:"retrieved"`
	DuplicatesRemoved int `json:"duplicates_removed"`
	Unique            int `json:"unique"`
	// Resolution is graph.Build's report over all the records.
	Resolution graph.Report `json:"resolution"`
	// New lists the keys of candidates the previous report did not have,
	// Gone those it had that this chase did not find; both nil without a
	// previous report.
	New  []string `json:"new,omitempty"`
	Gone []string `json:"gone,omitempty"`
	// Candidates are the ranked candidates.
	Candidates []Candidate `json:"candidates"`
}

// SeedReport says what the indexes gave for one seed.
type SeedReport struct {
	ID  string `json:"id"`            // as given ("doi:10.1/x")
	Key string `json:"key,omitempty"` // its work in the graph, "" when no index knew it
	// References and Citations count, per index, the distinct works the
	// index says the seed cites and that cite it.
	References map[string]int `json:"references"`
	Citations  map[string]int `json:"citations"`
}

// IndexReport says what one index gave.
type IndexReport struct {
	Name string `json:"name"`
	// First and Last are the dates of the earliest and latest answers used
	// (the time they were fetched, also when replayed from the cache), UTC;
	// zero without a Tracker.
	First time.Time `json:"first_queried,omitzero"`
	Last  time.Time `json:"last_queried,omitzero"`
	// Answers is the number of answers read, FromCache of them from the
	// cache.
	Answers   int `json:"answers"`
	FromCache int `json:"from_cache"`
	// Records is the number of records the index gave; Candidates the
	// candidates it reached.
	Records    int `json:"records"`
	Candidates int `json:"candidates"`
	// Unsupported lists what the index does not offer ("citations").
	Unsupported []string `json:"unsupported,omitempty"`
	// Failures are the requests that failed for good.
	Failures []string `json:"failures,omitempty"`
}

// Overlap is a set of indexes and a number of candidates.
type Overlap struct {
	Indexes    []string `json:"indexes"`
	Candidates int      `json:"candidates"`
}

func (c *chaser) report(g *graph.Graph, seeds []Seed, cands []Candidate) Report {
	rep := Report{Direction: c.opt.Direction.String(), Hops: c.opt.Hops, Resolution: g.Report(), Candidates: cands}
	formats := c.formats()
	lk := newLookup(g)
	for _, s := range seeds {
		rep.Seeds = append(rep.Seeds, c.seedReport(g, lk, formats, s))
	}

	perIndex := map[string]int{}
	combos := map[string]int{}
	pairs := map[[2]string]int{}
	for _, cd := range cands {
		for i, a := range cd.Indexes {
			perIndex[a]++
			for _, b := range cd.Indexes[i+1:] {
				pairs[[2]string{a, b}]++
			}
		}
		combos[strings.Join(cd.Indexes, "+")]++
	}
	for _, n := range c.names() {
		ir := IndexReport{Name: n, Records: c.recs[n], Candidates: perIndex[n],
			Unsupported: c.unsupported[n], Failures: c.failures[n]}
		if c.opt.Tracker != nil {
			ir.First, ir.Last, ir.Answers, ir.FromCache = c.opt.Tracker.get(n)
		}
		rep.Indexes = append(rep.Indexes, ir)
		rep.Retrieved += perIndex[n]
	}
	if c.opt.Tallies != nil {
		ir := IndexReport{Name: "scite", Records: c.recs["scite"], Failures: c.failures["scite"]}
		if c.opt.Tracker != nil {
			ir.First, ir.Last, ir.Answers, ir.FromCache = c.opt.Tracker.get("scite")
		}
		rep.Indexes = append(rep.Indexes, ir)
	}
	for k, n := range combos {
		ix := []string{}
		if k != "" {
			ix = strings.Split(k, "+")
		}
		rep.Overlaps = append(rep.Overlaps, Overlap{Indexes: ix, Candidates: n})
	}
	sort.Slice(rep.Overlaps, func(i, j int) bool {
		a, b := rep.Overlaps[i], rep.Overlaps[j]
		if a.Candidates != b.Candidates {
			return a.Candidates > b.Candidates
		}
		return strings.Join(a.Indexes, "+") < strings.Join(b.Indexes, "+")
	})
	names := c.names()
	for i, a := range names {
		for _, b := range names[i+1:] {
			rep.Pairs = append(rep.Pairs, Overlap{Indexes: []string{a, b}, Candidates: pairs[[2]string{a, b}]})
		}
	}
	rep.Unique = len(cands)
	rep.DuplicatesRemoved = rep.Retrieved - rep.Unique
	if rep.DuplicatesRemoved < 0 {
		rep.DuplicatesRemoved = 0 // candidates no index reached (none in practice)
	}
	if p := c.opt.Previous; p != nil {
		rep.New, rep.Gone = Compare(p, &rep)
	}
	return rep
}

// seedReport counts, per index, the works the seed s cites and is cited
// by in g, by the sources (formats names each index's format) of the
// citations.
func (c *chaser) seedReport(g *graph.Graph, lk *lookup, formats map[string]string, s Seed) SeedReport {
	sr := SeedReport{References: map[string]int{}, Citations: map[string]int{}}
	if len(s.IDs) > 0 {
		sr.ID = s.IDs[0].String()
	}
	sr.Key = lk.key(s.IDs)
	for _, n := range c.names() {
		sr.References[n], sr.Citations[n] = 0, 0
	}
	if sr.Key != "" {
		refs, cits := map[string]map[string]bool{}, map[string]map[string]bool{}
		for _, e := range g.Edges(graph.Cites) {
			if e.F == e.T || e.F.Key != sr.Key && e.T.Key != sr.Key {
				continue
			}
			for _, src := range e.Sources {
				n, ok := formats[src.Format]
				if !ok {
					continue
				}
				m, other := refs, e.T.Key
				if e.T.Key == sr.Key {
					m, other = cits, e.F.Key
				}
				if m[n] == nil {
					m[n] = map[string]bool{}
				}
				m[n][other] = true
			}
		}
		for n := range refs {
			sr.References[n] = len(refs[n])
		}
		for n := range cits {
			sr.Citations[n] = len(cits[n])
		}
	}
	return sr
}

// Compare returns the keys of the candidates of cur that prev does not
// hold (new) and of those prev holds that cur does not (gone), sorted;
// both are empty, not nil, when nothing changed.
func Compare(prev, cur *Report) (newKeys, gone []string) {
	was, is := map[string]bool{}, map[string]bool{}
	for _, c := range prev.Candidates {
		was[c.Key] = true
	}
	for _, c := range cur.Candidates {
		is[c.Key] = true
	}
	newKeys, gone = []string{}, []string{}
	for k := range is {
		if !was[k] {
			newKeys = append(newKeys, k)
		}
	}
	for k := range was {
		if !is[k] {
			gone = append(gone, k)
		}
	}
	slices.Sort(newKeys)
	slices.Sort(gone)
	return newKeys, gone
}

// ReadReport reads a report's JSON form.
func ReadReport(r io.Reader) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	if err := dec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("chase: reading a report: %w", err)
	}
	return &rep, nil
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteMarkdown writes the report for people: the tables a review's
// methods section takes, then the candidates, top first.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Citation chasing report\n\n")
	fmt.Fprintf(&b, "Direction: %s; hops: %d; seeds: %d.\n\n", r.Direction, r.Hops, len(r.Seeds))
	b.WriteString("## Indexes\n\n| index | first queried | last queried | answers (from cache) | records | candidates | not offered | failures |\n|---|---|---|---|---|---|---|---|\n")
	for _, ix := range r.Indexes {
		fmt.Fprintf(&b, "| %s | %s | %s | %d (%d) | %d | %d | %s | %d |\n", ix.Name, date(ix.First), date(ix.Last),
			ix.Answers, ix.FromCache, ix.Records, ix.Candidates, strings.Join(ix.Unsupported, ", "), len(ix.Failures))
	}
	b.WriteString("\n## Seeds\n\n| seed | in graph | references per index | citations per index |\n|---|---|---|---|\n")
	for _, s := range r.Seeds {
		in := "no"
		if s.Key != "" {
			in = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", md(s.ID), in, counts(s.References), counts(s.Citations))
	}
	fmt.Fprintf(&b, "\n## Totals\n\n- retrieved (sum over indexes): %d\n- duplicates removed across indexes: %d\n- unique candidates: %d\n",
		r.Retrieved, r.DuplicatesRemoved, r.Unique)
	fmt.Fprintf(&b, "- records resolved: %d into %d works (%d duplicate records merged: %d by DOI, %d by title)\n",
		r.Resolution.Records, r.Resolution.Works, r.Resolution.Duplicates, r.Resolution.MergedByDOI, r.Resolution.MergedByTitle)
	if r.New != nil {
		fmt.Fprintf(&b, "- since the previous report: %d new, %d no longer found\n", len(r.New), len(r.Gone))
	}
	b.WriteString("\n## Overlap between indexes\n\n| found by exactly | candidates |\n|---|---|\n")
	for _, o := range r.Overlaps {
		name := strings.Join(o.Indexes, " + ")
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(&b, "| %s | %d |\n", name, o.Candidates)
	}
	if len(r.Pairs) > 0 {
		b.WriteString("\n| pair | candidates found by both |\n|---|---|\n")
		for _, o := range r.Pairs {
			fmt.Fprintf(&b, "| %s | %d |\n", strings.Join(o.Indexes, " & "), o.Candidates)
		}
	}
	for _, ix := range r.Indexes {
		for _, f := range ix.Failures {
			fmt.Fprintf(&b, "\nFailed (%s): %s\n", ix.Name, md(f))
		}
	}
	b.WriteString("\n## Candidates\n\n| rank | work | year | hop | seeds cited | cited by seeds | co-citation | coupling | indexes | new |\n|---|---|---|---|---|---|---|---|---|---|\n")
	isNew := map[string]bool{}
	for _, k := range r.New {
		isNew[k] = true
	}
	for _, c := range r.Candidates {
		name := c.Title
		if name == "" {
			name = c.Key
		}
		if c.DOI != "" {
			name += " (" + c.DOI + ")"
		}
		mark := ""
		if isNew[c.Key] {
			mark = "new"
		}
		fmt.Fprintf(&b, "| %d | %s | %d | %d | %d | %d | %d | %d | %s | %s |\n", c.Rank, md(name), c.Year, c.Hop,
			c.CitesSeeds, c.CitedBySeeds, c.CoCitation, c.Coupling, strings.Join(c.Indexes, ", "), mark)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}

func counts(m map[string]int) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// md makes text safe in a Markdown table cell.
func md(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}

// Tracker notes, per index, the answers its client read: when they were
// fetched and how many came from the cache. Make the clients with
// Config.OnResponse = tracker.OnResponse(name).
type Tracker struct {
	mu sync.Mutex
	m  map[string]*tracked
}

type tracked struct {
	first, last     time.Time
	answers, cached int
}

// NewTracker returns an empty Tracker.
func NewTracker() *Tracker { return &Tracker{m: map[string]*tracked{}} }

// OnResponse returns the callback for the client of the index name.
func (t *Tracker) OnResponse(name string) func(*fetch.Response) {
	return func(r *fetch.Response) {
		t.mu.Lock()
		defer t.mu.Unlock()
		tr := t.m[name]
		if tr == nil {
			tr = &tracked{}
			t.m[name] = tr
		}
		at := r.Fetched.UTC()
		if tr.first.IsZero() || at.Before(tr.first) {
			tr.first = at
		}
		if at.After(tr.last) {
			tr.last = at
		}
		tr.answers++
		if r.FromCache {
			tr.cached++
		}
	}
}

func (t *Tracker) get(name string) (first, last time.Time, answers, cached int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tr := t.m[name]; tr != nil {
		return tr.first, tr.last, tr.answers, tr.cached
	}
	return
}

// WriteSummary writes to w the summary citegraph chase prints: the
// candidates, what each index gave (and failed), what is new since the
// previous report and the requests st counted.
func (r *Report) WriteSummary(w io.Writer, st fetch.Stats) {
	fmt.Fprintf(w, "chase %s, %d hop(s), %d seeds: %d unique candidates (%d retrieved, %d duplicates removed across indexes)\n",
		r.Direction, r.Hops, len(r.Seeds), r.Unique, r.Retrieved, r.DuplicatesRemoved)
	for _, ix := range r.Indexes {
		extra := ""
		if len(ix.Unsupported) > 0 {
			extra = "; does not offer " + strings.Join(ix.Unsupported, ", ")
		}
		fmt.Fprintf(w, "  %s: %d records, %d candidates, %d answers (%d from the cache), %d failed%s\n",
			ix.Name, ix.Records, ix.Candidates, ix.Answers, ix.FromCache, len(ix.Failures), extra)
		for _, f := range ix.Failures {
			fmt.Fprintf(w, "  %s failed: %s\n", ix.Name, f)
		}
	}
	if r.New != nil {
		fmt.Fprintf(w, "since the previous report: %d new, %d no longer found\n", len(r.New), len(r.Gone))
	}
	fmt.Fprintf(w, "requests: %d sent, %d from the cache, %d retried, %d waits for rate limits (%s)\n",
		st.Requests, st.CacheHits, st.Retries, st.Waits, st.WaitTime.Round(1e6))
}

// ReadPrevious reads the earlier report a chase compares with: the file
// path, else the chase-report.json already in the output folder dir; nil
// when path is "" and dir holds none.
func ReadPrevious(path, dir string) (*Report, error) {
	if path == "" {
		path = filepath.Join(dir, "chase-report.json")
		if _, err := os.Stat(path); err != nil {
			return nil, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rep, err := ReadReport(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rep, nil
}
