package analysis

import (
	"cmp"

	"github.com/citegraph/citegraph/graph/progress"
)

// Options are the parameters of Run. The zero value asks for the defaults
// documented on each field.
type Options struct {
	// Damping is PageRank's damping factor; 0 means 0.85.
	Damping float64
	// Tolerance is the L1 change at which PageRank stops; 0 means 1e-12.
	Tolerance float64
	// Resolution is the resolution γ of the community detection; 0 means
	// 1 (for QualityCPM it is used as given: see LeidenOptions).
	Resolution float64
	// Quality is Leiden's quality function (modularity by default).
	Quality Quality
	// Louvain runs the Louvain method instead of Leiden (no refinement).
	Louvain bool
	// Iterations is the number of Leiden iterations; 0 means 2 (igraph's
	// default), negative until the quality stops rising.
	Iterations int
	// Seed seeds every random choice (Leiden, k-means, sampled
	// betweenness). Results depend on it only through the communities,
	// the themes and sampled betweenness.
	Seed int64
	// Samples chooses how betweenness is computed (see BetweennessPolicy):
	// 0 exact up to ExactBetweennessWork and sampled above, k > 0 from k
	// sampled sources, -1 always exact.
	Samples int
	// Themes is the number of themes; 0 chooses it by silhouette (see
	// TextThemes).
	Themes int
	// Only, when not nil, names the stages (Stage… constants) to compute;
	// the others' results stay nil. StageThemes needs PageRank, which is
	// then computed too.
	Only map[string]bool
	// Weights are the edge weights of the community graph of
	// CommunityGraph; the zero value means DefaultWeights. Run does not use
	// them: its communities are Leiden's on the citations.
	Weights Weights
	// TextLinks is the number of nearest text neighbours each work with
	// text is linked to in the community graph of CommunityGraph; 0 means
	// 3 and a negative value turns text links off. Run does not use it.
	TextLinks int
	// Terms is the number of label terms per theme; 0 means 3 and a
	// negative value gives no labels.
	Terms int
	// Progress, when not nil, is told each measure Run computes as a
	// stage (named by one of the Stage… constants) with the seconds it
	// took, so that a caller can report the time of each measure
	// (citegraph analyse --progress json). Results do not depend on it;
	// it is called on Run's goroutine.
	Progress progress.Reporter
}

// Stage names given to Options.Progress, one per measure.
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

// Timed runs f as the given stage on o.Progress (started, then finished
// with its time). Callers that run the measures one by one (rather than
// through Run) use it to report them the same way.
func (o Options) Timed(stage string, f func()) {
	st := progress.Begin(o.Progress, stage, 0)
	f()
	st.End()
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
	o.Damping = cmp.Or(o.Damping, DefaultDamping)
	o.Tolerance = cmp.Or(o.Tolerance, DefaultTolerance)
	o.Resolution = cmp.Or(o.Resolution, DefaultResolution)
	o.Weights = cmp.Or(o.Weights, DefaultWeights)
	o.TextLinks = max(cmp.Or(o.TextLinks, DefaultTextLinks), 0)
	o.Terms = max(cmp.Or(o.Terms, DefaultTerms), 0)
	return o
}
