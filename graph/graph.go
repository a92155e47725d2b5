package graph

import (
	"sort"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// NodeKind says how much is known about a node of the graph.
type NodeKind uint8

// Node kinds, from most to least known.
const (
	// KindWork is a work at least one record describes.
	KindWork NodeKind = iota
	// KindReference is a work known only from other works' reference lists.
	KindReference
	// KindMention is a work known only from an in-text citation such as
	// "(Coleman and Campbell 2009)" that matched nothing else: unresolved.
	KindMention
	// KindCiting is an unnamed work known only by a citation statement it
	// makes, as on a scite report that shows the sentence but not its paper.
	KindCiting
)

var kindNames = [...]string{"work", "reference", "mention", "citing"}

// String returns "work", "reference", "mention" or "citing".
func (k NodeKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// EdgeKind is the relation an edge stands for.
type EdgeKind uint8

// Edge kinds. Only Cites edges make the directed citation graph that
// Graph exposes through gonum's interfaces; the others are kept apart.
const (
	// Cites runs from the citing work to the cited one.
	Cites EdgeKind = iota
	// CoCited joins two works cited in one statement; it runs from the
	// lower to the higher node ID and its weight counts the statements.
	CoCited
	// Related joins works a page shows as related (Academia.edu's "related
	// papers"); it runs from the page's work to the related one.
	Related
)

var edgeKindNames = [...]string{"cites", "cocited", "related"}

// String returns "cites", "cocited" or "related".
func (k EdgeKind) String() string {
	if int(k) < len(edgeKindNames) {
		return edgeKindNames[k]
	}
	return "unknown"
}

// Work is a node of the resolved graph: one work, however many sources
// name it. It implements gonum's graph.Node.
type Work struct {
	id int64
	// tk caches TitleKey(Title) for Build; tkOf is the title it was made
	// from.
	tk, tkOf string

	// Key is the node's stable ID, the same for the same inputs on every run:
	// "doi:<doi>" for works with a DOI, "w:<hash>" for other described works
	// and references, "m:<first author>-<year>" for unresolved mentions and
	// "s:<hash>" for works known only by a statement.
	Key  string
	Kind NodeKind

	DOI               string
	Title             string
	Year              int
	Authors           []Author
	Venue             string
	Volume            string
	Issue             string
	Pages             string
	Abstract          string
	AbstractSections  []Section
	AbstractTruncated bool
	Publisher         string
	Identifiers       map[string]string
	Tallies           *Tallies
	// Retracted says a source marks the work as retracted, or a
	// retraction notice among the records names its DOI (Record.Retracted,
	// Record.Retracts).
	Retracted bool

	// FirstAuthor is the first author's family name when Authors is empty
	// but mentions of the work name it ("Kemp and Henderson 2012" on the
	// work's scite report). Empty otherwise.
	FirstAuthor string

	// CitedBy holds the statements of other works about this one, once
	// each, in the order first seen.
	CitedBy []CitingStatement
	// Mentions holds the distinct in-text forms that resolved to this work.
	Mentions []string
	// Records holds the IDs of the records merged into this work, sorted.
	Records []string
	// Sources holds where the work was seen, sorted by path and line.
	Sources []Source
}

// titleKey returns TitleKey(w.Title), computed once per title.
func (w *Work) titleKey() string {
	if w.tkOf != w.Title || w.tk == "" && w.Title != "" {
		w.tk, w.tkOf = TitleKey(w.Title), w.Title
	}
	return w.tk
}

// ID implements gonum's graph.Node. IDs are dense, 0 … Len()-1, in the
// order of Key.
func (w *Work) ID() int64 { return w.id }

// Surname returns the family name of the first author, or FirstAuthor when
// the authors are not known, or "".
func (w *Work) Surname() string {
	if len(w.Authors) > 0 {
		return w.Authors[0].Family
	}
	return w.FirstAuthor
}

// Edge is a typed link between two works. For Cites edges it implements
// gonum's graph.WeightedEdge.
type Edge struct {
	F, T *Work
	Kind EdgeKind
	// N is the number of distinct observations of the link: statements for
	// CoCited, statements or sources (whichever is more) for the other
	// kinds. Always at least 1.
	N int
	// Statements are the citation statements that carry the link.
	Statements []EdgeStatement
	// Method says how the cited end was identified: "record" (a record
	// named it), "doi", "title", "author-year", "page" (the statement stands
	// on the cited work's own page) or "unresolved".
	Method string
	// Sources holds where the link was seen, sorted and without repeats.
	Sources []Source
	// Links holds, for a Cites edge made from reference lists, how each
	// occurrence of the reference was tied to the cited work, in the
	// order read.
	Links []Link
}

// EdgeStatement is a statement on an edge, with the source that showed it.
// Intent, Confidence, ClassifiedBy, Function, Sentiment and their
// confidences are as Statement's (the interactive map's intent filter and
// the outputs read them).
type EdgeStatement struct {
	Text       string
	Section    string
	Intent     string
	Confidence float64
	Source     Source

	ClassifiedBy        string  `json:",omitempty"`
	Function            string  `json:",omitempty"`
	FunctionConfidence  float64 `json:",omitempty"`
	Sentiment           string  `json:",omitempty"`
	SentimentConfidence float64 `json:",omitempty"`
}

// Polarity returns the statement's sentiment: Sentiment when set, else
// Intent when it is one of scite's three (supporting, contrasting,
// mentioning), else "".
func (s *EdgeStatement) Polarity() string {
	if s.Sentiment != "" {
		return s.Sentiment
	}
	switch s.Intent {
	case "supporting", "contrasting", "mentioning":
		return s.Intent
	}
	return ""
}

// From implements gonum's graph.Edge.
func (e *Edge) From() gograph.Node { return e.F }

// To implements gonum's graph.Edge.
func (e *Edge) To() gograph.Node { return e.T }

// ReversedEdge implements gonum's graph.Edge; the reversed edge shares the
// statements.
func (e *Edge) ReversedEdge() gograph.Edge {
	r := *e
	r.F, r.T = e.T, e.F
	return &r
}

// Graph is the resolved citation graph. Its works are sorted by Key and its
// edges by kind, then the keys of their ends, so everything derived from it
// is deterministic. Through its methods it is a gonum graph.Directed over
// the Cites edges, without self-citations (a work citing itself is kept in
// Edges(Cites) but left out of the gonum view, whose simple graphs cannot
// hold loops).
//
// A Graph is immutable once built and safe for concurrent readers.
type Graph struct {
	works []*Work
	byKey map[string]*Work
	edges [3][]*Edge
	// out and in list, per node, its Cites neighbours in ID order and the
	// matching edges.
	out, in         [][]int64
	outEdge, inEdge [][]*Edge
	report          Report
	selfCitations   int
	assigned        []Assignment // per record given to Build, in its order
	reviews         []Review     // indexes into the records given to Build
	merges          map[string]int
	citesByPair     map[[2]int64]*Edge
}

// Len returns the number of works.
func (g *Graph) Len() int { return len(g.works) }

// Works returns the works in ID order. The slice must not be modified.
func (g *Graph) Works() []*Work { return g.works }

// Work returns the work with the given Key, or nil.
func (g *Graph) Work(key string) *Work { return g.byKey[key] }

// Edges returns the edges of one kind in their stable order. The slice must
// not be modified.
func (g *Graph) Edges(k EdgeKind) []*Edge {
	if int(k) >= len(g.edges) {
		return nil
	}
	return g.edges[k]
}

// Report returns the counts of what Build did.
func (g *Graph) Report() Report { return g.report }

// Node implements gonum's graph.Graph.
func (g *Graph) Node(id int64) gograph.Node {
	if id < 0 || id >= int64(len(g.works)) {
		return nil
	}
	return g.works[id]
}

// Nodes implements gonum's graph.Graph; nodes come in ID order.
func (g *Graph) Nodes() gograph.Nodes {
	if len(g.works) == 0 {
		return gograph.Empty
	}
	nodes := make([]gograph.Node, len(g.works))
	for i, w := range g.works {
		nodes[i] = w
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *Graph) nodesOf(ids []int64) gograph.Nodes {
	if len(ids) == 0 {
		return gograph.Empty
	}
	nodes := make([]gograph.Node, len(ids))
	for i, id := range ids {
		nodes[i] = g.works[id]
	}
	return iterator.NewOrderedNodes(nodes)
}

// From implements gonum's graph.Graph: the works id cites.
func (g *Graph) From(id int64) gograph.Nodes {
	if id < 0 || id >= int64(len(g.works)) {
		return gograph.Empty
	}
	return g.nodesOf(g.out[id])
}

// To implements gonum's graph.Directed: the works citing id.
func (g *Graph) To(id int64) gograph.Nodes {
	if id < 0 || id >= int64(len(g.works)) {
		return gograph.Empty
	}
	return g.nodesOf(g.in[id])
}

// HasEdgeBetween implements gonum's graph.Graph.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo implements gonum's graph.Directed.
func (g *Graph) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := g.citesByPair[[2]int64{uid, vid}]
	return ok
}

// Edge implements gonum's graph.Graph: the Cites edge from uid to vid, or
// nil.
func (g *Graph) Edge(uid, vid int64) gograph.Edge {
	if e, ok := g.citesByPair[[2]int64{uid, vid}]; ok {
		return e
	}
	return nil
}

// Weight implements gonum's graph.Weighted for the citation view.
func (g *Graph) Weight(xid, yid int64) (w float64, ok bool) {
	if xid == yid {
		return 0, true
	}
	if e, ok := g.citesByPair[[2]int64{xid, yid}]; ok {
		return e.Weight(), true
	}
	return 0, false
}

// WeightedEdge implements gonum's graph.Weighted.
func (g *Graph) WeightedEdge(uid, vid int64) gograph.WeightedEdge {
	if e, ok := g.citesByPair[[2]int64{uid, vid}]; ok {
		return e
	}
	return nil
}

// Weight implements gonum's graph.WeightedEdge: N as a float.
func (e *Edge) Weight() float64 { return float64(e.N) }

// OutCites returns the IDs of the works id cites, in ID order, without
// self-citations. The slice must not be modified.
func (g *Graph) OutCites(id int64) []int64 { return g.out[id] }

// InCites returns the IDs of the works citing id, in ID order, without
// self-citations. The slice must not be modified.
func (g *Graph) InCites(id int64) []int64 { return g.in[id] }

// index builds the ID order, the key map and the citation adjacency.
func (g *Graph) index() {
	sort.Slice(g.works, func(i, j int) bool { return g.works[i].Key < g.works[j].Key })
	g.indexInOrder()
}

// indexInOrder is index without sorting the works: they keep their order.
func (g *Graph) indexInOrder() {
	g.byKey = make(map[string]*Work, len(g.works))
	for i, w := range g.works {
		w.id = int64(i)
		g.byKey[w.Key] = w
	}
	for k := range g.edges {
		es := g.edges[k]
		sort.Slice(es, func(i, j int) bool {
			if es[i].F.id != es[j].F.id {
				return es[i].F.id < es[j].F.id
			}
			return es[i].T.id < es[j].T.id
		})
	}
	n := len(g.works)
	g.out, g.in = make([][]int64, n), make([][]int64, n)
	g.outEdge, g.inEdge = make([][]*Edge, n), make([][]*Edge, n)
	g.citesByPair = make(map[[2]int64]*Edge, len(g.edges[Cites]))
	g.selfCitations = 0
	for _, e := range g.edges[Cites] {
		f, t := e.F.id, e.T.id
		if f == t {
			g.selfCitations++
			continue
		}
		g.out[f] = append(g.out[f], t)
		g.outEdge[f] = append(g.outEdge[f], e)
		g.citesByPair[[2]int64{f, t}] = e
	}
	for _, e := range g.edges[Cites] {
		if e.F.id == e.T.id {
			continue
		}
		g.in[e.T.id] = append(g.in[e.T.id], e.F.id)
		g.inEdge[e.T.id] = append(g.inEdge[e.T.id], e)
	}
	for i := range g.in {
		ids, es := g.in[i], g.inEdge[i]
		sort.Sort(byID{ids, es})
	}
}

type byID struct {
	ids []int64
	es  []*Edge
}

func (b byID) Len() int           { return len(b.ids) }
func (b byID) Less(i, j int) bool { return b.ids[i] < b.ids[j] }
func (b byID) Swap(i, j int) {
	b.ids[i], b.ids[j] = b.ids[j], b.ids[i]
	b.es[i], b.es[j] = b.es[j], b.es[i]
}

// SelfCitations returns the number of Cites edges from a work to itself,
// which the gonum view leaves out.
func (g *Graph) SelfCitations() int { return g.selfCitations }

// Assignment says which work one record given to Build became and by
// which merge: Rule is the first rule that tied the record to another
// record of its work (RuleIdentifier's scheme such as "doi", RuleTitle …,
// RuleDecision) with its Score in [0, 1]; both are zero for a record that
// is the only one of its work.
type Assignment struct {
	Work  *Work
	Rule  string
	Score float64
}

// Assignments returns, for each record given to Build in the order given,
// the work it became and how; nil for a graph not built from records
// (FromCompact). The slice is the graph's: do not modify it.
func (g *Graph) Assignments() []Assignment { return g.assigned }

// Reviews returns the pairs of records that may be one work but were not
// merged (a score at least ReviewThreshold below MergeThreshold, or one
// disagreeing field), for a person to settle with a decisions file, by
// A then B (indexes into the records given to Build, A < B).
func (g *Graph) Reviews() []Review { return g.reviews }

// MergesByRule counts the merges Build made by each rule (the Rule of
// Assignment): each merge joins two works into one, so the counts add up
// to the records given less the works they became. Nil for a graph not
// built from records. The map is the graph's: do not modify it.
func (g *Graph) MergesByRule() map[string]int { return g.merges }
