package analysis

import (
	"time"

	"github.com/citegraph/citegraph/graph"
)

// Options are the parameters of Run. The zero value asks for the defaults
// documented on each field.
type Options struct {
	// Damping is PageRank's damping factor; 0 means 0.85.
	Damping float64
	// Tolerance is the L1 change at which PageRank stops; 0 means 1e-12.
	Tolerance float64
	// Resolution is the Louvain modularity resolution γ; 0 means 1.
	Resolution float64
	// Seed seeds every random choice (the order in which Louvain visits
	// nodes). Results depend on it only through the communities.
	Seed int64
	// Weights are the edge weights of the community graph; the zero value
	// means DefaultWeights.
	Weights Weights
	// TextLinks is the number of nearest text neighbours each work with
	// text is linked to in the community graph (see CommunityGraph); 0
	// means 3 and a negative value turns text links off.
	TextLinks int
	// Terms is the number of label terms per theme; 0 means 3 and a
	// negative value gives no labels.
	Terms int
	// Stages, when not nil, is told after each measure Run computes its
	// stage name (one of the Stage… constants) and the seconds it took,
	// so that a caller can report the time of each measure (citegraph
	// analyse --progress json). Results do not depend on it; it is called
	// on Run's goroutine.
	Stages StageObserver
}

// StageObserver is told the time of each measure; see Options.Stages.
type StageObserver interface {
	Measured(stage string, seconds float64)
}

// StageFunc adapts a function to a StageObserver.
type StageFunc func(stage string, seconds float64)

// Measured calls f.
func (f StageFunc) Measured(stage string, seconds float64) { f(stage, seconds) }

// Stage names given to Options.Stage, one per measure.
const (
	StageDegrees     = "degrees"
	StagePageRank    = "pagerank"
	StageHITS        = "hits"
	StageKCore       = "kcore"
	StageBetweenness = "betweenness"
	StageCommunities = "communities"
	StageThemes      = "themes"
	StageAge         = "age"
	StageBursts      = "bursts"
	StageMainPath    = "mainpath"
)

// Timed runs f and, when o.Stages is set, reports its time as the given
// stage. Callers that run the measures one by one (rather than through
// Run) use it to report them the same way.
func (o Options) Timed(stage string, f func()) {
	if o.Stages == nil {
		f()
		return
	}
	start := time.Now()
	f()
	o.Stages.Measured(stage, time.Since(start).Seconds())
}

// Weights are the weights of the links of the community graph (see
// CommunityGraph).
type Weights struct {
	Cites   float64 // per citation
	CoCited float64 // per statement citing both works
	Related float64 // per "related" link
	Text    float64 // per unit of TF-IDF cosine
}

// DefaultWeights are the weights Run uses when Options.Weights is zero: a
// citation and a co-citation count fully, a "related" link and a text link
// of cosine 1 half as much.
var DefaultWeights = Weights{Cites: 1, CoCited: 1, Related: 0.5, Text: 0.5}

// Default values of Options.
const (
	DefaultDamping    = 0.85
	DefaultTolerance  = 1e-12
	DefaultResolution = 1.0
	DefaultTextLinks  = 3
	DefaultTerms      = 3
)

// WithDefaults returns o with every zero field replaced by its default and
// negative TextLinks and Terms replaced by 0, ready for the separate
// functions (CommunityGraph, Themes …), which take their arguments
// literally.
func (o Options) WithDefaults() Options {
	if o.Damping == 0 {
		o.Damping = DefaultDamping
	}
	if o.Tolerance == 0 {
		o.Tolerance = DefaultTolerance
	}
	if o.Resolution == 0 {
		o.Resolution = DefaultResolution
	}
	if o.Weights == (Weights{}) {
		o.Weights = DefaultWeights
	}
	switch {
	case o.TextLinks == 0:
		o.TextLinks = DefaultTextLinks
	case o.TextLinks < 0:
		o.TextLinks = 0
	}
	switch {
	case o.Terms == 0:
		o.Terms = DefaultTerms
	case o.Terms < 0:
		o.Terms = 0
	}
	return o
}

// Result holds everything Run computes. Slices are indexed by node ID
// (Themes by community number) and are never nil.
type Result struct {
	// InDegree and OutDegree count Cites edges of the gonum view (see
	// Degrees).
	InDegree  []int `json:"in_degree"`
	OutDegree []int `json:"out_degree"`
	// PageRank sums to 1 (see PageRank).
	PageRank []float64 `json:"pagerank"`
	// Betweenness is directed and unnormalised (see Betweenness).
	Betweenness []float64 `json:"betweenness"`
	// Community is each work's community, 0 … len(Themes)-1, largest
	// community first (see Communities).
	Community []int `json:"community"`
	// Modularity is Q of Community on the community graph at the given
	// resolution.
	Modularity float64 `json:"modularity"`
	// Themes has one Theme per community, indexed by community number.
	Themes []Theme `json:"themes"`

	// Hub and Authority are the HITS scores, each summing to 1 (see HITS).
	Hub       []float64 `json:"hub"`
	Authority []float64 `json:"authority"`
	// KCore is each work's coreness over citations in and out (see KCore).
	KCore []int `json:"kcore"`
	// CitationAge is the mean citing year minus the work's year, NaN where
	// unknown (see CitationAge).
	CitationAge []float64 `json:"-"`
	// YearNormalised is the work's citations over the mean of the works of
	// its year, NaN without a year (see YearNormalisedCitations).
	YearNormalised []float64 `json:"-"`
	// Bursts are the citation bursts, strongest first (see Bursts).
	Bursts []Burst `json:"bursts"`
	// MainPath is the set of citations on the main path as sorted
	// (citing, cited) node ID pairs (see MainPath).
	MainPath [][2]int64 `json:"main_path"`
}

// Run analyses g: degrees, PageRank, betweenness, communities of the
// community graph (CommunityGraph, then Communities) and their themes,
// HITS, coreness, citation age, year-normalised citations, citation
// bursts (BurstOptions' defaults) and the main path. The same g and opt
// give bit-identical results. Cost is dominated by Betweenness, O(n·m) for
// n works and m citations.
//
// Run panics if an option is invalid: damping outside [0, 1] or a negative
// weight.
func Run(g *graph.Graph, opt Options) Result {
	opt = opt.WithDefaults()
	var r Result
	c := g.Compact() // once for the three measures, not once each
	opt.Timed(StageDegrees, func() { r.InDegree, r.OutDegree = Degrees(c) })
	opt.Timed(StagePageRank, func() { r.PageRank = PageRank(c, opt.Damping, opt.Tolerance) })
	opt.Timed(StageBetweenness, func() { r.Betweenness = Betweenness(c) })
	terms := workTerms(g)
	opt.Timed(StageCommunities, func() {
		cg := communityGraph(g, opt.Weights, opt.TextLinks, terms)
		r.Community, r.Modularity = Communities(cg, opt.Resolution, opt.Seed)
	})
	opt.Timed(StageThemes, func() { r.Themes = themes(g.Len(), r.Community, r.PageRank, opt.Terms, labelTerms(g, terms)) })
	opt.Timed(StageHITS, func() { r.Hub, r.Authority = HITS(c, 0) })
	opt.Timed(StageKCore, func() { r.KCore = KCore(c) })
	opt.Timed(StageAge, func() {
		r.CitationAge = CitationAge(c)
		r.YearNormalised = YearNormalisedCitations(c)
	})
	opt.Timed(StageBursts, func() { r.Bursts = Bursts(c, BurstOptions{}) })
	opt.Timed(StageMainPath, func() { r.MainPath = MainPath(c) })
	return r
}
