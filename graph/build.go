package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph/progress"
)

// Report counts what Build did: the numbers a systematic reviewer reports
// (records in, duplicates removed, unique works) and how every link was
// made.
type Report struct {
	Records       int `json:"records"`         // records in
	Works         int `json:"works"`           // distinct works the records describe
	Duplicates    int `json:"duplicates"`      // records merged into another: Records - Works
	MergedByDOI   int `json:"merged_by_doi"`   // of Duplicates, merged because they share a DOI
	MergedByTitle int `json:"merged_by_title"` // of Duplicates, merged on title, year and first author

	ReferenceNodes int `json:"reference_nodes"` // works known only from reference lists
	MentionNodes   int `json:"mention_nodes"`   // unresolved in-text mentions kept as nodes
	CitingNodes    int `json:"citing_nodes"`    // unnamed works known by a statement

	Statements        int `json:"statements"`         // distinct statements about works (cited_by)
	MentionsToPage    int `json:"mentions_to_page"`   // mentions resolved to the work whose page shows them
	MentionsToCorpus  int `json:"mentions_to_corpus"` // mentions resolved by author and year to another work
	MentionsNew       int `json:"mentions_unresolved"`
	AmbiguousPage     int `json:"ambiguous_page"`     // statements where several mentions could be the page's work
	NumbersDropped    int `json:"numbers_dropped"`    // bare reference numbers that could not be tied to a work
	DanglingRelations int `json:"dangling_relations"` // relations to records not in the input

	Edges map[string]int `json:"edges"` // by kind name

	// Conflicts lists what Build refused to merge, e.g. one title and
	// year with two DOIs, one per line, sorted.
	Conflicts []string `json:"conflicts"`

	// Decisions says what became of each reviewer's ruling, in the order
	// given; MergedByDecision counts the "same" rulings carried out and
	// KeptApart the merges that "different" rulings prevented.
	Decisions        []string `json:"decisions"`
	MergedByDecision int      `json:"merged_by_decision"`
	KeptApart        int      `json:"kept_apart"`

	// References counts the reference-list entries read; LinksByMethod
	// counts how each was tied to a work (Link.Method; "new" for those
	// that matched nothing and became works of their own).
	References    int            `json:"references"`
	LinksByMethod map[string]int `json:"links_by_method"`
}

// Build resolves records into one citation graph. The same work seen in
// many records becomes one node: records sharing a DOI are merged (unless
// their titles and first authors both differ: abstracts that carry their
// supplement's DOI), then records whose titles are equal or alike (a typo,
// a missing subtitle, a translated title) with year, first author, venue,
// volume, issue and pages agreeing (pairVerdict in dedup.go, over blocks,
// never all pairs); a disagreeing DOI, page, volume, issue or venue kind
// keeps them apart. Equal titles kept apart by a DOI or pages are listed in
// Report.Conflicts; near misses in Graph.Reviews. References resolve by DOI, then title and year, then
// first author and year. Statements about a work (CitedBy) come from the
// work the statement names as citing it, resolved like a reference, or
// else from an unnamed citing node; each makes a Cites edge to the work
// and to each work the statement mentions, and CoCited edges between them
// all; which mention denotes the
// work itself is decided from the work's year and first author, and left
// undecided when ambiguous. What resolves to nothing stays a node of kind
// KindReference or KindMention.
//
// Build does not modify records. Its result depends only on the set of
// records, not on their order. Cost is O(R log R + S·M) for R records and
// S statements of M mentions.
func Build(records []Record) *Graph {
	return BuildWith(records, BuildOptions{})
}

// BuildOptions adjust Build.
type BuildOptions struct {
	// Decisions are a reviewer's rulings on identity: records ruled the
	// same work are merged, records ruled different works are never
	// merged, whatever the identifiers and titles say.
	Decisions Decisions
	// Progress, when not nil, is told the stages progress.Resolve
	// (records merged into works) and progress.Match (references matched,
	// counted in records).
	Progress progress.Reporter
}

// BuildWith is Build with options.
func BuildWith(records []Record, opt BuildOptions) *Graph {
	return build(records, opt).g
}

// build is BuildWith, returning the builder, which tells which work each
// record became (work[k] for the record at records[order[k]]).
func build(records []Record, opt BuildOptions) *builder {
	b := &builder{
		g:     &Graph{},
		edges: make(map[edgeKey]*Edge),
		keys:  make(map[string]*Work),
		opt:   opt,
	}
	b.g.report.Edges = map[string]int{}
	b.g.report.LinksByMethod = map[string]int{}
	recs := make([]Record, len(records))
	for i := range records {
		recs[i] = records[i].clone()
		recs[i].Normalize()
	}
	// Sort an order, not the records themselves: records are large.
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, c := &recs[order[i]], &recs[order[j]]
		if a.ID != c.ID {
			return a.ID < c.ID
		}
		if a.Source.Path != c.Source.Path {
			return a.Source.Path < c.Source.Path
		}
		return a.Source.Line < c.Source.Line
	})
	b.recs = make([]Record, len(recs))
	for i, o := range order {
		b.recs[i] = recs[o]
	}
	b.order = order
	recs = nil
	b.g.report.Records = len(b.recs)
	st := progress.Begin(opt.Progress, progress.Resolve, int64(len(b.recs)))
	b.cluster()
	b.assign()
	b.relations()
	b.ix = b.index()
	st.End(progress.F("records", len(b.recs)), progress.F("works", len(b.described)))
	st = progress.Begin(opt.Progress, progress.Match, int64(len(b.recs)))
	b.references(st)
	b.citedBy()
	b.finish()
	st.End(progress.F("references", b.g.report.References))
	return b
}

type edgeKey struct {
	kind     EdgeKind
	from, to string
}

type builder struct {
	g       *Graph
	opt     BuildOptions
	uf      unionFind
	apart   [][2][]int       // record indexes ruled different: never in one work
	named   map[string][]int // decisions names → record indexes, made when first needed
	vocab   map[string]int   // folded title words → records using them, made when first needed
	dk      []dedupKey       // per record: what deduplication compares
	members map[int][]int    // root → records of its work, for roots of more than one
	how     []merge          // per record: the rule and score that tied it to its work
	reviews []Review         // pairs left for a person to decide, indexes into recs
	recs    []Record
	order   []int   // recs[k] is the input record order[k]
	work    []*Work // per record: its work
	keys    map[string]*Work
	edges   map[edgeKey]*Edge
	// described are the KindWork works in key order.
	described []*Work
	// ix indexes the works for resolving references and mentions; works
	// known only from references join it as they are made.
	ix *workIndex
}

// union-find over record indexes.
type unionFind []int

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of i and j, keeping the smaller index as root so the
// result does not depend on call order.
func (u unionFind) union(i, j int) bool {
	ri, rj := u.find(i), u.find(j)
	if ri == rj {
		return false
	}
	if rj < ri {
		ri, rj = rj, ri
	}
	u[rj] = ri
	return true
}

func (b *builder) cluster() {
	n := len(b.recs)
	b.uf = make(unionFind, n)
	for i := range b.uf {
		b.uf[i] = i
	}
	uf := b.uf
	rep := &b.g.report
	b.applyDecisions()
	// Records with the same fingerprint describe the same work; they are
	// adjacent after sorting.
	for i := 1; i < n; i++ {
		if b.recs[i].ID == b.recs[i-1].ID && b.recs[i].DOI == "" {
			b.joinBy(i-1, i, RuleSameRecord, 1)
		}
	}
	// Records sharing a valid identifier (DOI, PMID, PMCID, arXiv,
	// OpenAlex, Semantic Scholar, WoS UT, Scopus EID …) are one work.
	byID := map[string]int{}
	for i := range b.recs {
		for _, k := range identityKeys(b.recs[i].DOI, b.recs[i].Identifiers) {
			j, ok := byID[k]
			if !ok {
				byID[k] = i
				continue
			}
			if strings.HasPrefix(k, "doi:") && differentWorks(&b.recs[j], &b.recs[i]) {
				// One DOI on records of different titles and first
				// authors: abstracts of a conference supplement that
				// carry the supplement's DOI, or a wrong DOI.
				rep.Conflicts = append(rep.Conflicts, fmt.Sprintf("%s names different works: %q (%s) and %q (%s); not merged",
					k, b.recs[j].Title, b.recs[j].Authors[0].Family, b.recs[i].Title, b.recs[i].Authors[0].Family))
				continue
			}
			scheme, _, _ := strings.Cut(k, ":")
			if b.joinBy(j, i, scheme, 1) && scheme == "doi" {
				rep.MergedByDOI++
			}
		}
	}
	b.dk = make([]dedupKey, n)
	for i := range b.recs {
		b.dk[i] = newDedupKey(&b.recs[i])
	}
	b.fuzzyMerge()

	clusters := map[int][]int{}
	for i := range b.recs {
		r := uf.find(i)
		clusters[r] = append(clusters[r], i)
	}
	roots := make([]int, 0, len(clusters))
	for r := range clusters {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	b.work = make([]*Work, n)
	for _, root := range roots {
		w := b.mergeRecords(clusters[root])
		for _, i := range clusters[root] {
			b.work[i] = w
		}
		b.described = append(b.described, w)
	}
	rep.Works = len(roots)
	rep.Duplicates = n - len(roots)
}

// differentWorks reports whether two records that share a DOI describe
// different works all the same: both have titles of at least three
// significant words that share fewer than half of them, and first
// authors with different family names.
func differentWorks(a, c *Record) bool {
	aw, cw := sigWords(a.Title), sigWords(c.Title)
	if len(aw) < 3 || len(cw) < 3 || len(a.Authors) == 0 || len(c.Authors) == 0 {
		return false
	}
	if Fold(a.Authors[0].Family) == Fold(c.Authors[0].Family) {
		return false
	}
	return max(containment(aw, wordSet(cw)), containment(cw, wordSet(aw))) < 0.5
}

// recordsNamed returns the indexes of the records a decisions key names.
func (b *builder) recordsNamed(key string) []int {
	if b.named == nil {
		b.named = nameIndex(b.recs)
	}
	return b.named[key]
}

// applyDecisions records the reviewer's "different" rulings as pairs kept
// apart and merges the records of each "same" ruling.
func (b *builder) applyDecisions() {
	rep := &b.g.report
	d := b.opt.Decisions
	for _, p := range d.Different {
		a, c := b.recordsNamed(p[0]), b.recordsNamed(p[1])
		if len(a) == 0 || len(c) == 0 {
			rep.Decisions = append(rep.Decisions, fmt.Sprintf("different %s %s: no record is named %s", p[0], p[1], missing(p, a, c)))
			continue
		}
		b.apart = append(b.apart, [2][]int{a, c})
		rep.Decisions = append(rep.Decisions, fmt.Sprintf("different %s %s: kept apart", p[0], p[1]))
	}
	for _, p := range d.Same {
		a, c := b.recordsNamed(p[0]), b.recordsNamed(p[1])
		if len(a) == 0 || len(c) == 0 {
			rep.Decisions = append(rep.Decisions, fmt.Sprintf("same %s %s: no record is named %s", p[0], p[1], missing(p, a, c)))
			continue
		}
		ok := true
		for _, i := range append(a[1:], c...) {
			if b.uf.find(a[0]) != b.uf.find(i) && !b.joinBy(a[0], i, RuleDecision, 1) {
				ok = false
			}
		}
		if ok {
			rep.MergedByDecision++
			rep.Decisions = append(rep.Decisions, fmt.Sprintf("same %s %s: merged", p[0], p[1]))
		} else {
			rep.Decisions = append(rep.Decisions, fmt.Sprintf("same %s %s: not merged, another ruling keeps them apart", p[0], p[1]))
		}
	}
}

func missing(p [2]string, a, c []int) string {
	if len(a) == 0 {
		return p[0]
	}
	return p[1]
}

// join merges the works of records i and j unless a "different" ruling
// keeps them apart, in which case it counts the refusal and returns false.
func (b *builder) join(i, j int) bool {
	ri, rj := b.uf.find(i), b.uf.find(j)
	if ri == rj {
		return false
	}
	for _, p := range b.apart {
		inA, inC := b.rootsOf(p[0]), b.rootsOf(p[1])
		if inA[ri] && inC[rj] || inA[rj] && inC[ri] {
			b.g.report.KeptApart++
			return false
		}
	}
	if !b.uf.union(i, j) {
		return false
	}
	r, o := b.uf.find(i), ri
	if o == r {
		o = rj
	}
	if b.members != nil {
		b.members[r] = append(slices.Clone(b.memberList(r)), b.memberList(o)...)
		delete(b.members, o)
	}
	return true
}

// memberList returns the records of the work rooted at r.
func (b *builder) memberList(r int) []int {
	if m, ok := b.members[r]; ok {
		return m
	}
	return []int{r}
}

// joinBy is join for a merge made by a rule with a score, which it keeps
// as the audit trail of both records (the first rule that tied each). A
// merge by title (any rule but an identifier's or a decision's) is refused
// when a record of one work disagrees with a record of the other on DOI,
// pages, volume, issue, venue kind or first author, so that a copy without
// pages or DOI never joins two works that differ (issue 12).
func (b *builder) joinBy(i, j int, rule string, score float64) bool {
	ri, rj := b.uf.find(i), b.uf.find(j)
	if ri == rj {
		return false
	}
	if b.members == nil {
		b.members = map[int][]int{}
	}
	if b.dk != nil && (strings.HasPrefix(rule, "title") || rule == RuleSubtitle || rule == RuleTranslation) {
		mi, mj := b.memberList(ri), b.memberList(rj)
		if len(mi)*len(mj) <= 256 {
			for _, x := range mi {
				for _, y := range mj {
					if compare(&b.recs[x], &b.recs[y], &b.dk[x], &b.dk[y]).decisive() {
						return false
					}
				}
			}
		}
	}
	if !b.join(i, j) {
		return false
	}
	if b.g.merges == nil {
		b.g.merges = map[string]int{}
	}
	b.g.merges[rule]++
	if b.how == nil {
		b.how = make([]merge, len(b.recs))
	}
	for _, x := range []int{i, j} {
		if b.how[x].Rule == "" {
			b.how[x] = merge{rule, score}
		}
	}
	return true
}

func (b *builder) rootsOf(idx []int) map[int]bool {
	m := make(map[int]bool, len(idx))
	for _, i := range idx {
		m[b.uf.find(i)] = true
	}
	return m
}

// mergeRecords makes one work of the records of a cluster, keeping the most
// complete value of each field and every source.
func (b *builder) mergeRecords(members []int) *Work {
	w := &Work{Kind: KindWork}
	var titles, venues []string
	years := map[int]int{}
	for _, i := range members {
		r := &b.recs[i]
		if w.DOI == "" {
			w.DOI = r.DOI
		}
		if r.Title != "" {
			titles = append(titles, r.Title)
		}
		if r.Venue != "" {
			venues = append(venues, r.Venue)
		}
		if r.Year != 0 {
			years[r.Year]++
		}
		if len(r.Authors) > len(w.Authors) {
			w.Authors = slices.Clone(r.Authors)
		}
		if len(r.Abstract) > len(w.Abstract) {
			w.Abstract, w.AbstractTruncated = r.Abstract, r.AbstractTruncated
		}
		if len(r.AbstractSections) > len(w.AbstractSections) {
			w.AbstractSections = slices.Clone(r.AbstractSections)
		}
		fill(&w.Volume, r.Volume)
		fill(&w.Issue, r.Issue)
		fill(&w.Pages, r.Pages)
		fill(&w.Publisher, r.Publisher)
		for k, v := range r.Identifiers {
			if w.Identifiers == nil {
				w.Identifiers = map[string]string{}
			}
			if _, ok := w.Identifiers[k]; !ok {
				w.Identifiers[k] = v
			}
		}
		if r.Tallies != nil && w.Tallies == nil {
			t := *r.Tallies
			w.Tallies = &t
		}
		for _, st := range r.CitedBy {
			if !slices.ContainsFunc(w.CitedBy, func(c CitingStatement) bool { return sameStatement(c, st) }) {
				w.CitedBy = append(w.CitedBy, st)
			}
		}
		w.Records = append(w.Records, r.ID)
		w.Sources = append(w.Sources, r.Source)
		w.Retracted = w.Retracted || r.Retracted
	}
	w.Title = b.pickTitle(titles)
	w.Venue = pickMostCommon(venues, false)
	best, bestN := 0, 0
	for y, c := range years {
		if c > bestN || c == bestN && y < best {
			best, bestN = y, c
		}
	}
	w.Year = best
	slices.Sort(w.Records)
	w.Records = slices.Compact(w.Records)
	w.Sources = sortSources(w.Sources)

	switch {
	case w.DOI != "":
		// Unique but for records that share a DOI and were kept apart
		// (differentWorks).
		w.Key = b.uniqueKey("doi:" + w.DOI)
	case w.Title != "":
		w.Key = b.uniqueKey("w:" + shortHash(w.titleKey(), strconv.Itoa(w.Year), Fold(w.Surname())))
	default:
		w.Key = b.uniqueKey("w:" + strings.TrimPrefix(w.Records[0], "rec:"))
	}
	b.keys[w.Key] = w
	return w
}

// uniqueKey returns k, or k with a numeric suffix when k is taken.
func (b *builder) uniqueKey(k string) string {
	if _, ok := b.keys[k]; !ok {
		return k
	}
	for i := 2; ; i++ {
		c := k + "-" + strconv.Itoa(i)
		if _, ok := b.keys[c]; !ok {
			return c
		}
	}
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// pickMostCommon returns the most frequent value; ties go to the value
// without a trailing bracketed qualifier when plain is set, then to the
// longest, then to the first in sort order.
func pickMostCommon(vals []string, plain bool) string {
	if len(vals) == 0 {
		return ""
	}
	uniq, _ := rankValues(vals, plain)
	return uniq[0]
}

// pickTitle is pickMostCommon for titles, where among the titles given
// equally often the best spelt wins: the one with the fewest words that no
// other record's title uses ("modulates teh structure" against "modulates
// the structure", issue 12), before the other tie rules.
func (b *builder) pickTitle(titles []string) string {
	if len(titles) == 0 {
		return ""
	}
	uniq, count := rankValues(titles, true)
	if len(uniq) == 1 || count[uniq[1]] < count[uniq[0]] {
		return uniq[0]
	}
	if b.vocab == nil {
		b.vocab = map[string]int{}
		for i := range b.recs {
			for _, w := range strings.Fields(Fold(b.recs[i].Title)) {
				b.vocab[w]++
			}
		}
	}
	rare := func(t string) int {
		n := 0
		for _, w := range strings.Fields(Fold(t)) {
			if b.vocab[w] < 2 {
				n++
			}
		}
		return n
	}
	best := uniq[0]
	for _, t := range uniq[1:] {
		if count[t] < count[best] {
			break
		}
		if rare(t) < rare(best) {
			best = t
		}
	}
	return best
}

// rankValues returns the distinct values in pickMostCommon's order, with
// their counts.
func rankValues(vals []string, plain bool) ([]string, map[string]int) {
	count := map[string]int{}
	for _, v := range vals {
		count[v]++
	}
	qualified := func(s string) bool {
		s = strings.TrimSpace(s)
		return plain && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]"))
	}
	uniq := sortedKeys(count)
	sort.SliceStable(uniq, func(i, j int) bool {
		a, c := uniq[i], uniq[j]
		if count[a] != count[c] {
			return count[a] > count[c]
		}
		if qa, qc := qualified(a), qualified(c); qa != qc {
			return !qa
		}
		if len(a) != len(c) {
			return len(a) > len(c)
		}
		return a < c
	})
	return uniq, count
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortSources(s []Source) []Source {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Path != s[j].Path {
			return s[i].Path < s[j].Path
		}
		if s[i].Line != s[j].Line {
			return s[i].Line < s[j].Line
		}
		if s[i].Format != s[j].Format {
			return s[i].Format < s[j].Format
		}
		if s[i].Database != s[j].Database {
			return s[i].Database < s[j].Database
		}
		if s[i].RecordID != s[j].RecordID {
			return s[i].RecordID < s[j].RecordID
		}
		return s[i].Chase < s[j].Chase
	})
	return slices.Compact(s)
}

func sameStatement(a, b CitingStatement) bool {
	return a.Text == b.Text && a.Section == b.Section && a.Intent == b.Intent
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// edge returns the edge of kind k from f to t, creating it.
func (b *builder) edge(k EdgeKind, f, t *Work, method string) *Edge {
	if k == CoCited && t.Key < f.Key {
		f, t = t, f
	}
	ek := edgeKey{k, f.Key, t.Key}
	e, ok := b.edges[ek]
	if !ok {
		e = &Edge{F: f, T: t, Kind: k, Method: method}
		b.edges[ek] = e
	}
	return e
}

func (e *Edge) addSource(s Source) {
	e.Sources = append(e.Sources, s)
}

func (e *Edge) addStatement(st EdgeStatement) {
	for _, o := range e.Statements {
		if o.Text == st.Text && o.Section == st.Section {
			return
		}
	}
	e.Statements = append(e.Statements, st)
}

// relations adds the Related edges records declare.
func (b *builder) relations() {
	byID := map[string]*Work{}
	for i := range b.recs {
		byID[b.recs[i].ID] = b.work[i]
	}
	for i := range b.recs {
		r := &b.recs[i]
		for _, rel := range r.Relations {
			to, ok := byID[rel.ID]
			if !ok {
				b.g.report.DanglingRelations++
				continue
			}
			from := b.work[i]
			if from == to {
				continue
			}
			var k EdgeKind
			switch rel.Kind {
			case RelRelated:
				k = Related
			default:
				b.g.report.DanglingRelations++
				continue
			}
			b.edge(k, from, to, "record").addSource(r.Source)
		}
	}
}

// workIndex finds described and referenced works by identifier, by title
// and year, and by first author and year (the matching blocks).
type workIndex struct {
	byID        map[string]*Work // "doi:…", "pmid:…" (identityKeys)
	byTitleYear map[string][]*Work
	blocks      map[string][]*Work // blockKey
}

func (b *builder) index() *workIndex {
	ix := &workIndex{byID: map[string]*Work{}, byTitleYear: map[string][]*Work{}, blocks: map[string][]*Work{}}
	for _, w := range b.described {
		ix.add(w)
	}
	return ix
}

func (ix *workIndex) add(w *Work) {
	for _, k := range identityKeys(w.DOI, w.Identifiers) {
		if _, ok := ix.byID[k]; !ok {
			ix.byID[k] = w
		}
	}
	if tk := w.titleKey(); tk != "" {
		k := tk + "|" + strconv.Itoa(w.Year)
		ix.byTitleYear[k] = append(ix.byTitleYear[k], w)
	}
	if s := w.Surname(); s != "" && w.Year != 0 {
		k := blockKey(s, w.Year)
		ix.blocks[k] = append(ix.blocks[k], w)
	}
}

// reindex adds what a work gained (a title, an author, an identifier) to
// the index; entries it already had stay.
func (ix *workIndex) reindex(w *Work, had Work) {
	for _, k := range identityKeys(w.DOI, w.Identifiers) {
		if _, ok := ix.byID[k]; !ok {
			ix.byID[k] = w
		}
	}
	if TitleKey(had.Title) == "" || had.Year != w.Year {
		if tk := w.titleKey(); tk != "" {
			k := tk + "|" + strconv.Itoa(w.Year)
			if !slices.Contains(ix.byTitleYear[k], w) {
				ix.byTitleYear[k] = append(ix.byTitleYear[k], w)
			}
		}
	}
	if s := w.Surname(); s != "" && w.Year != 0 {
		k := blockKey(s, w.Year)
		if !slices.Contains(ix.blocks[k], w) {
			ix.blocks[k] = append(ix.blocks[k], w)
		}
	}
}

// authorYear returns the only work by that first author in that year.
func (ix *workIndex) authorYear(surname string, year int) *Work {
	if surname == "" || year == 0 {
		return nil
	}
	ws := ix.blocks[blockKey(surname, year)]
	if len(ws) == 1 {
		return ws[0]
	}
	return nil
}

// match returns the indexed work a reference names, how it was found and
// how surely: by a shared identifier, then by identical title and year,
// then by scoring the works in its block (first author, year ±1; see
// refEvidence.score) and taking the best at or above MatchThreshold when no
// other scores as high. It returns nil when nothing matches. match does not
// change the index.
func (ix *workIndex) match(e *refEvidence) (*Work, string, float64) {
	ref := e.ref
	ids := map[string]string{}
	for k, v := range ref.Identifiers {
		ids[k] = v
	}
	for _, k := range identityKeys(ref.DOI, ids) {
		if w, ok := ix.byID[k]; ok {
			scheme, _, _ := strings.Cut(k, ":")
			return w, scheme, 1
		}
	}
	if tk := TitleKey(ref.Title); tk != "" {
		if ws := ix.byTitleYear[tk+"|"+strconv.Itoa(ref.Year)]; len(ws) == 1 {
			if !e.contradicts(ws[0]) && isDataset(ref.Title) == isDataset(ws[0].Title) {
				return ws[0], "title", 1
			}
		}
	}
	if e.surname == "" || ref.Year == 0 {
		return nil, "", 0
	}
	var best *Work
	bestMethod, bestScore, tie := "", -1.0, false
	for _, y := range []int{ref.Year, ref.Year - 1, ref.Year + 1} {
		for _, w := range ix.blocks[blockKey(e.surname, y)] {
			m, s := e.score(w)
			switch {
			case s > bestScore:
				best, bestMethod, bestScore, tie = w, m, s, false
			case s == bestScore && w != best:
				tie = true
			}
		}
	}
	if best != nil && bestScore >= MatchThreshold && !tie {
		return best, bestMethod, bestScore
	}
	return nil, "", 0
}

// references resolves every record's reference list into Cites edges, each
// occurrence keeping its Link.
func (b *builder) references(st *progress.Stage) {
	ix := b.ix
	rep := &b.g.report
	// Parsing a reference (newRefEvidence) needs nothing but the reference,
	// so the next batch of records is parsed on another core while this one
	// is resolved, which must go in order: a reference may match a work
	// that an earlier reference made.
	batches := refEvidenceBatches(b.recs)
	i := 0
	for batch := range batches {
		for _, evs := range batch {
			r := &b.recs[i]
			from := b.work[i]
			i++
			for ri, ev := range evs {
				to, link := b.resolveEvidence(ix, ev)
				link.Source = r.Source
				rep.References++
				rep.LinksByMethod[link.Method]++
				e := b.edge(Cites, from, to, link.Method)
				e.addSource(r.Source)
				e.Links = append(e.Links, link)
				for _, st := range r.Statements {
					if slices.Contains(st.Refs, ri) {
						e.addStatement(EdgeStatement{Text: st.Text, Section: st.Section, Intent: st.Intent, Confidence: st.Confidence, Source: r.Source,
							ClassifiedBy: st.ClassifiedBy, Function: st.Function, FunctionConfidence: st.FunctionConfidence,
							Sentiment: st.Sentiment, SentimentConfidence: st.SentimentConfidence})
					}
				}
			}
		}
		st.Set(int64(i))
	}
}

// refBatch is how many records' references refEvidenceBatches parses in
// one piece: large enough to keep a core busy, small enough that two
// batches in memory are nothing beside the graph.
const refBatch = 4096

// refEvidenceBatches parses the references of recs in batches of refBatch
// records, one batch ahead of the reader, and sends each batch's evidence
// (per record, per reference) in record order.
func refEvidenceBatches(recs []Record) <-chan [][]*refEvidence {
	ch := make(chan [][]*refEvidence, 1)
	go func() {
		defer close(ch)
		for start := 0; start < len(recs); start += refBatch {
			end := min(start+refBatch, len(recs))
			batch := make([][]*refEvidence, end-start)
			for i := range batch {
				refs := recs[start+i].References
				evs := make([]*refEvidence, len(refs))
				for j, ref := range refs {
					evs[j] = newRefEvidence(ref)
				}
				batch[i] = evs
			}
			ch <- batch
		}
	}()
	return ch
}

// resolveReference finds the work a reference names: by a shared
// identifier, then by identical title and year, then by scoring the works
// in its block (first author, year ±1; see refEvidence.score) and taking
// the best at or above MatchThreshold when no other scores as high. A
// reference that matches nothing becomes a work of kind KindReference,
// which later references can match in turn.
func (b *builder) resolveReference(ix *workIndex, ref Reference) (*Work, Link) {
	return b.resolveEvidence(ix, newRefEvidence(ref))
}

// resolveEvidence is resolveReference of a reference already parsed.
func (b *builder) resolveEvidence(ix *workIndex, e *refEvidence) (*Work, Link) {
	ref := e.ref
	if w, method, score := ix.match(e); w != nil {
		b.enrich(ix, w, e)
		return w, Link{Method: method, Score: score, Raw: ref.Raw}
	}
	ids := map[string]string{}
	for k, v := range ref.Identifiers {
		ids[k] = v
	}
	tk := TitleKey(ref.Title)
	// A work known only from reference lists.
	var key string
	switch {
	case ref.DOI != "":
		key = "doi:" + ref.DOI
	case tk != "":
		key = "w:" + shortHash(tk, strconv.Itoa(ref.Year), e.surname)
	case len(identityKeys("", ids)) > 0:
		key = "w:" + shortHash(identityKeys("", ids)[0])
	default:
		key = "w:" + shortHash(strings.Join(e.tokens, " "))
	}
	w, ok := b.keys[key]
	if !ok {
		w = &Work{Key: key, Kind: KindReference}
		b.keys[key] = w
		b.g.report.ReferenceNodes++
	}
	b.enrich(ix, w, e)
	return w, Link{Method: "new", Raw: ref.Raw}
}

// enrich fills the empty fields of a work known only from references with
// what another reference to it gives, and keeps the raw string.
func (b *builder) enrich(ix *workIndex, w *Work, e *refEvidence) {
	ref := e.ref
	if ref.Raw != "" && !slices.Contains(w.Mentions, ref.Raw) {
		w.Mentions = append(w.Mentions, ref.Raw)
	}
	if w.Kind != KindReference {
		return
	}
	had := *w
	fill(&w.DOI, ref.DOI)
	fill(&w.Title, ref.Title)
	fill(&w.Venue, ref.Venue)
	fill(&w.Volume, e.volume)
	fill(&w.Pages, firstNonEmpty(ref.Pages, e.firstPage))
	if w.Year == 0 {
		w.Year = ref.Year
	}
	if len(w.Authors) == 0 && len(ref.Authors) > 0 {
		w.Authors = slices.Clone(ref.Authors)
	}
	if w.FirstAuthor == "" && len(w.Authors) == 0 && e.fields.Surname != "" {
		w.FirstAuthor = e.fields.Surname
	}
	for k, v := range ref.Identifiers {
		if w.Identifiers == nil {
			w.Identifiers = map[string]string{}
		}
		if _, ok := w.Identifiers[k]; !ok {
			w.Identifiers[k] = v
		}
	}
	ix.reindex(w, had)
}

// citedBy turns the statements about each work into citing nodes, Cites
// edges and CoCited edges.
func (b *builder) citedBy() {
	ix := b.ix
	rep := &b.g.report
	for _, p := range b.described {
		if len(p.CitedBy) == 0 {
			continue
		}
		rep.Statements += len(p.CitedBy)
		inferFirstAuthor(p)
		src := p.Sources[0]
		pFirst := Fold(p.Surname())
		// Bare reference numbers shown to denote p, per section: the same
		// number in the same section is taken to come from the same paper.
		known := map[string]map[int]bool{}
		isP := make([][]bool, len(p.CitedBy))
		for pass := 0; pass < 2; pass++ {
			for si, st := range p.CitedBy {
				if isP[si] != nil {
					continue
				}
				flags, ok := identifyPage(st.Mentions, pFirst, p.Year, known[st.Section])
				if !ok && pass == 0 {
					continue // try again once more numbers are known
				}
				isP[si] = flags
				for mi, f := range flags {
					if m := st.Mentions[mi]; f && len(m.Authors) == 0 && m.Number != 0 {
						if known[st.Section] == nil {
							known[st.Section] = map[int]bool{}
						}
						known[st.Section][m.Number] = true
					}
				}
			}
		}
		for si, st := range p.CitedBy {
			flags := isP[si]
			if !slices.Contains(flags, true) && len(st.Mentions) > 0 {
				rep.AmbiguousPage++
			}
			var citer *Work
			if st.Citing != nil && (st.Citing.DOI != "" || st.Citing.Title != "" || st.Citing.Raw != "" || len(st.Citing.Identifiers) > 0) {
				citer, _ = b.resolveReference(ix, *st.Citing) // the source names the citing work
			} else {
				citer = b.citingNode(st.Text)
			}
			es := EdgeStatement{Text: st.Text, Section: st.Section, Intent: st.Intent, Confidence: st.Confidence, Source: src,
				ClassifiedBy: st.ClassifiedBy, Function: st.Function, FunctionConfidence: st.FunctionConfidence,
				Sentiment: st.Sentiment, SentimentConfidence: st.SentimentConfidence}
			e := b.edge(Cites, citer, p, "page")
			e.addStatement(es)
			e.addSource(src)
			set := []*Work{p}
			for mi, m := range st.Mentions {
				if flags[mi] {
					rep.MentionsToPage++
					addMention(p, m.Text)
					continue
				}
				if len(m.Authors) == 0 {
					rep.NumbersDropped++
					continue
				}
				w, method := b.resolveMention(ix, m)
				e := b.edge(Cites, citer, w, method)
				e.addStatement(es)
				e.addSource(src)
				if !slices.Contains(set, w) {
					set = append(set, w)
				}
			}
			for i := 0; i < len(set); i++ {
				for j := i + 1; j < len(set); j++ {
					e := b.edge(CoCited, set[i], set[j], "statement")
					e.addStatement(es)
					e.addSource(src)
				}
			}
		}
	}
}

func addMention(w *Work, text string) {
	if text != "" && !slices.Contains(w.Mentions, text) {
		w.Mentions = append(w.Mentions, text)
	}
}

// inferFirstAuthor sets p.FirstAuthor from the mentions in statements about
// p when p has no authors: the one family name that all mentions carrying
// p's year give, or else the one that all statements with a single named
// mention give.
func inferFirstAuthor(p *Work) {
	if len(p.Authors) > 0 || p.FirstAuthor != "" {
		return
	}
	pick := func(keep func(st CitingStatement, m Mention) bool) string {
		names := map[string]string{}
		for _, st := range p.CitedBy {
			for _, m := range st.Mentions {
				if len(m.Authors) > 0 && keep(st, m) {
					f := Fold(m.Authors[0])
					if _, ok := names[f]; !ok {
						names[f] = m.Authors[0]
					}
				}
			}
		}
		if len(names) == 1 {
			for _, v := range names {
				return v
			}
		}
		return ""
	}
	if p.Year != 0 {
		p.FirstAuthor = pick(func(_ CitingStatement, m Mention) bool { return m.Year == p.Year })
	}
	if p.FirstAuthor == "" {
		p.FirstAuthor = pick(func(st CitingStatement, _ Mention) bool { return len(st.Mentions) == 1 })
	}
}

// identifyPage decides which mention of a statement about a work denotes
// that work, from its folded first-author name and year (either may be
// unknown) and the bare reference numbers already known to denote it. A
// mention with another author or year is ruled out; of the rest, the one
// with the strongest evidence wins (a known number, then author and year
// both matching, then one of them), and a tie is no decision. With no
// evidence at all, a mention is chosen only when it is the only one not
// ruled out. ok is false when no mention was chosen.
func identifyPage(ms []Mention, first string, year int, known map[int]bool) (flags []bool, ok bool) {
	flags = make([]bool, len(ms))
	best, bestScore, candidates, atBest := -1, -1, 0, 0
	for i, m := range ms {
		score := 0
		if len(m.Authors) == 0 {
			if known[m.Number] {
				score = 4
			}
		} else {
			if first != "" {
				if Fold(m.Authors[0]) != first {
					continue
				}
				score += 2
			}
			if year != 0 && m.Year != 0 {
				if m.Year != year {
					continue
				}
				score += 2
			}
		}
		candidates++
		switch {
		case score > bestScore:
			best, bestScore, atBest = i, score, 1
		case score == bestScore:
			atBest++
		}
	}
	if best < 0 || atBest > 1 || bestScore == 0 && candidates > 1 {
		return flags, false
	}
	flags[best] = true
	return flags, true
}

// citingNode returns the unnamed work that makes the statement text. The
// same sentence seen on two pages is one citing work.
func (b *builder) citingNode(text string) *Work {
	key := "s:" + shortHash(Fold(text))
	if w, ok := b.keys[key]; ok {
		return w
	}
	w := &Work{Key: key, Kind: KindCiting, Title: ""}
	b.keys[key] = w
	b.g.report.CitingNodes++
	return w
}

// resolveMention returns the work an author–year mention names: the only
// work with that first author and year, or else the mention's own node.
func (b *builder) resolveMention(ix *workIndex, m Mention) (*Work, string) {
	rep := &b.g.report
	if w := ix.authorYear(m.Authors[0], m.Year); w != nil {
		rep.MentionsToCorpus++
		addMention(w, m.Text)
		return w, "author-year"
	}
	key := "m:" + MentionKey(m)
	w, ok := b.keys[key]
	if !ok {
		w = &Work{Key: key, Kind: KindMention, Year: m.Year, FirstAuthor: m.Authors[0]}
		b.keys[key] = w
		rep.MentionNodes++
	}
	if len(m.Authors) > len(w.Authors) {
		w.Authors = w.Authors[:0]
		for _, a := range m.Authors {
			w.Authors = append(w.Authors, Author{Family: a})
		}
	}
	addMention(w, m.Text)
	rep.MentionsNew++
	return w, "unresolved"
}

// MentionKey returns the node key of an unresolved author–year mention:
// the folded first author and the year with its letter ("kemp-2012"). A
// mention without a year adds its second author or "etal" and "nd", so
// that two year-less mentions in one parenthesis stay apart
// ("gillard-edwards-etal-nd", "gillard-etal-nd").
func MentionKey(m Mention) string {
	slug := func(s string) string { return strings.ReplaceAll(Fold(s), " ", "-") }
	if len(m.Authors) == 0 {
		return "n-" + strconv.Itoa(m.Number)
	}
	parts := []string{slug(m.Authors[0])}
	if m.Year != 0 {
		return parts[0] + "-" + strconv.Itoa(m.Year) + strings.ToLower(m.Suffix)
	}
	if len(m.Authors) >= 2 {
		parts = append(parts, slug(m.Authors[1]))
	}
	if m.EtAl || len(m.Authors) > 2 {
		parts = append(parts, "etal")
	}
	return strings.Join(append(parts, "nd"), "-")
}

// finish collects works and edges into the graph and indexes it.
func (b *builder) finish() {
	g := b.g
	retracted := map[string]bool{}
	for i := range b.recs {
		for _, d := range b.recs[i].Retracts {
			retracted[d] = true
		}
	}
	for _, w := range b.keys {
		if w.DOI != "" && retracted[w.DOI] {
			w.Retracted = true
		}
		g.works = append(g.works, w)
	}
	for _, e := range b.edges {
		e.Sources = sortSources(e.Sources)
		e.N = max(1, len(e.Statements))
		if e.Kind != CoCited && len(e.Sources) > e.N {
			e.N = len(e.Sources)
		}
		g.edges[e.Kind] = append(g.edges[e.Kind], e)
		g.report.Edges[e.Kind.String()]++
	}
	sort.Strings(g.report.Conflicts)
	if g.report.Conflicts == nil {
		g.report.Conflicts = []string{}
	}
	g.index()
}

// assign records, per input record, the work it became and how, and the
// pairs left for review, in the input's indexes.
func (b *builder) assign() {
	g := b.g
	g.assigned = make([]Assignment, len(b.recs))
	for k, o := range b.order {
		a := Assignment{Work: b.work[k]}
		if b.how != nil {
			a.Rule, a.Score = b.how[k].Rule, b.how[k].Score
		}
		g.assigned[o] = a
	}
	g.reviews = make([]Review, 0, len(b.reviews))
	for _, r := range b.reviews {
		if b.work[r.A] == b.work[r.B] {
			continue // merged all the same, through other records
		}
		a, c := b.order[r.A], b.order[r.B]
		if a > c {
			a, c = c, a
		}
		g.reviews = append(g.reviews, Review{A: a, B: c, Score: r.Score, Reason: r.Reason})
	}
	sort.Slice(g.reviews, func(i, j int) bool {
		x, y := g.reviews[i], g.reviews[j]
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
}
