package analysis

import (
	"context"

	"github.com/citegraph/citegraph/graph"
)

// Result holds everything Run computes. Slices are indexed by node ID
// (Themes by theme number); a measure left out by Options.Only is nil.
type Result struct {
	// InDegree and OutDegree count Cites edges of the gonum view (see
	// Degrees).
	InDegree  []int `json:"in_degree"`
	OutDegree []int `json:"out_degree"`
	// PageRank sums to 1 (see PageRank).
	PageRank []float64 `json:"pagerank"`
	// Betweenness is directed and unnormalised (see Betweenness). When
	// BetweennessSamples > 0 it is estimated from that many sampled
	// sources and every value is within BetweennessBound of the exact one
	// with 95% probability (see SampledBetweenness).
	Betweenness        []float64 `json:"betweenness"`
	BetweennessSamples int       `json:"betweenness_samples,omitempty"`
	BetweennessBound   float64   `json:"betweenness_bound,omitempty"`
	// Community is each work's Leiden community of the citation network
	// (CitationNetwork), 0 … Communities-1, largest first; Modularity is
	// the quality of that division (Q, or H for CPM).
	Community   []int   `json:"community"`
	Communities int     `json:"communities"`
	Modularity  float64 `json:"modularity"`
	// Theme is each work's theme, 0 … len(Themes)-1, largest first; Themes
	// describes each (label terms by c-TF-IDF, size, works by PageRank).
	// Themes come from TextThemes when some work has text, else they are
	// the communities (ThemesFromText false).
	Theme          []int   `json:"theme"`
	Themes         []Theme `json:"themes"`
	ThemesFromText bool    `json:"themes_from_text"`
	// ThemeChoice says how TextThemes chose the number of themes:
	// automatically (by silhouette) or as Options.Themes asked; Silhouette
	// and ThemeModularity describe the division (see ThemeResult).
	ThemeAutomatic  bool    `json:"theme_automatic"`
	Silhouette      float64 `json:"silhouette"`
	ThemeModularity float64 `json:"theme_modularity"`

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

// Betweenness policy of Run (Options.Samples 0): exact when works ×
// citations is at most ExactBetweennessWork (Brandes, O(n·m): about
// 15 CPU-seconds at the limit here), else estimated from
// max(64, SampledBetweennessWork / citations) sampled sources, whose error
// bound (BetweennessBound) Result reports.
const (
	ExactBetweennessWork   = 1.5e10
	SampledBetweennessWork = 6.4e8
)

// BetweennessSources returns the number of sampled sources betweenness is
// estimated from on a graph of n works and m citations under the policy
// of Options.Samples (see ExactBetweennessWork): 0 for exact.
func BetweennessSources(n, m int, samples int) int {
	k := samples
	if k == 0 && float64(n)*float64(m) > ExactBetweennessWork {
		k = max(64, int(SampledBetweennessWork/max(float64(m), 1)))
	}
	if k > 0 && k < n {
		return k
	}
	return 0
}

// Run analyses g with RunCompact: the terms of the works' texts (WorkText)
// are the themes' text. It is RunContext without cancellation.
func Run(g *graph.Graph, opt Options) Result {
	r, _ := RunContext(context.Background(), g, opt)
	return r
}

// RunContext is Run, stopping with ctx's error between measures.
func RunContext(ctx context.Context, g *graph.Graph, opt Options) (Result, error) {
	return analyse(ctx, g.Compact(), workTerms(g), opt)
}

// RunCompact is the one analysis every command runs, on c with the terms
// c carries (CompactTerms) as the themes' text: degrees, PageRank,
// betweenness (exact or sampled by the policy of ExactBetweennessWork),
// Leiden communities of the citation network, themes (TextThemes when
// some work has text, else the communities), HITS, coreness, citation
// age, year-normalised citations, citation bursts (BurstOptions'
// defaults) and the main path. Between measures it returns ctx's error if
// ctx is done. The same c and opt give bit-identical results.
//
// RunCompact panics if an option is invalid: damping outside [0, 1].
func RunCompact(ctx context.Context, c *graph.Compact, opt Options) (Result, error) {
	return analyse(ctx, c, CompactTerms(c), opt)
}

func analyse(ctx context.Context, c *graph.Compact, docs [][]string, opt Options) (Result, error) {
	opt = opt.WithDefaults()
	var r Result
	want := func(stage string) bool { return opt.Only == nil || opt.Only[stage] }
	steps := []struct {
		stage string
		f     func()
	}{
		{StageDegrees, func() { r.InDegree, r.OutDegree = Degrees(c) }},
		{StagePageRank, func() { r.PageRank = PageRank(c, opt.Damping, opt.Tolerance) }},
		{StageHITS, func() { r.Hub, r.Authority = HITS(c, opt.Tolerance) }},
		{StageBetweenness, func() { r.betweenness(c, opt) }},
		{StageCommunities, func() { r.communities(c, opt) }},
		{StageThemes, func() { r.themes(c, docs, opt) }},
		{StageKCore, func() { r.KCore = KCore(c) }},
		{StageAge, func() { r.CitationAge, r.YearNormalised = CitationAge(c), YearNormalisedCitations(c) }},
		{StageBursts, func() { r.Bursts = Bursts(c, BurstOptions{}) }},
		{StageMainPath, func() { r.MainPath = MainPath(c) }},
	}
	for _, s := range steps {
		needed := want(s.stage) || s.stage == StagePageRank && want(StageThemes)
		if !needed {
			continue
		}
		if err := ctx.Err(); err != nil {
			return r, err
		}
		opt.Timed(s.stage, s.f)
	}
	if !want(StagePageRank) {
		r.PageRank = nil
	}
	return r, ctx.Err()
}

func (r *Result) betweenness(c *graph.Compact, opt Options) {
	k := BetweennessSources(c.Len(), c.Citations(), opt.Samples)
	if k == 0 {
		r.Betweenness = Betweenness(c)
		return
	}
	r.Betweenness, r.BetweennessBound = SampledBetweenness(c, k, opt.Seed)
	r.BetweennessSamples = k
}

func (r *Result) communities(c *graph.Compact, opt Options) {
	r.Community, r.Modularity = Leiden(CitationNetwork(c), opt.leiden())
	r.Communities = 0
	for _, x := range r.Community {
		r.Communities = max(r.Communities, x+1)
	}
}

// leiden are the Leiden options of o (after WithDefaults).
func (o Options) leiden() LeidenOptions {
	it := o.Iterations
	switch {
	case it == 0:
		it = DefaultIterations
	case it < 0:
		it = 0 // Leiden: until the quality stops rising
	}
	return LeidenOptions{Quality: o.Quality, Resolution: o.Resolution, Seed: o.Seed, Iterations: it, Louvain: o.Louvain}
}

// DefaultIterations is the number of Leiden iterations Run makes (igraph's
// default).
const DefaultIterations = 2

func (r *Result) themes(c *graph.Compact, docs [][]string, opt Options) {
	hasText := false
	for _, d := range docs {
		if len(d) > 0 {
			hasText = true
			break
		}
	}
	if hasText {
		tr := TextThemes(c, docs, r.PageRank, ThemeOptions{K: opt.Themes, Seed: opt.Seed, Terms: opt.Terms})
		r.Theme, r.Themes, r.ThemesFromText = tr.Theme, tr.Themes, true
		r.ThemeAutomatic, r.Silhouette, r.ThemeModularity = tr.Automatic, tr.Silhouette, tr.Modularity
		return
	}
	if r.Community == nil {
		r.communities(c, opt)
	}
	r.Theme = r.Community
	r.Themes = communityThemes(r.Community, r.PageRank)
	r.ThemeModularity = CitationNetwork(c).Modularity(r.Theme, 1)
}

// communityThemes describes communities as unlabelled themes: size and
// members by PageRank.
func communityThemes(community []int, pagerank []float64) []Theme {
	return themes(len(community), community, pagerank, 0, make([][]string, len(community)))
}
