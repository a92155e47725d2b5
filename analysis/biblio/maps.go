package biblio

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/citegraph/citegraph/analysis"
)

// Fields are the keyword fields of the maps, as KeywordCount.Field names
// them: author keywords (WoS DE, Scopus "Author Keywords", PubMed OT),
// Keywords Plus (WoS ID, Scopus "Index Keywords") and MeSH (PubMed MH).
var Fields = []string{"author", "plus", "mesh"}

// FieldTitle names a field for people: "author keywords", "Keywords
// Plus", "MeSH terms".
func FieldTitle(field string) string {
	switch field {
	case "author":
		return "author keywords"
	case "plus":
		return "Keywords Plus"
	case "mesh":
		return "MeSH terms"
	}
	return field
}

func keywordsOf(d *Doc, field string) []string {
	switch field {
	case "author":
		return d.AuthorKeywords
	case "plus":
		return d.KeywordsPlus
	case "mesh":
		return d.MeSH
	}
	return nil
}

// MapOptions choose the items of a co-occurrence network.
type MapOptions struct {
	// Top is the number of items kept, those in the most documents (ties
	// by name); 0 means 250 (bibliometrix's thematicMap n).
	Top int
	// MinDocuments is the documents an item needs to be kept; 0 means 1.
	MinDocuments int
	// Seed seeds Leiden's clustering of the items.
	Seed int64
}

// Network is a co-occurrence network: items (keywords, countries) linked
// by the number of documents naming both, clustered by Leiden's modularity
// on the links' association strength.
type Network struct {
	Items []Item
	Links []Link // A < B, sorted by A then B
}

// Item is an item of a Network: its label, the documents naming it and its
// cluster (0 the largest).
type Item struct {
	Label     string
	Documents int
	Cluster   int
}

// Link is the number of documents naming both Items[A] and Items[B].
type Link struct {
	A, B      int
	Documents int
}

// KeywordNetwork returns the co-occurrence network of the keywords of field
// ("author", "plus", "mesh") over docs; empty when no document has them.
// Cost is linear in the documents times the square of their kept keywords,
// plus clustering.
func KeywordNetwork(docs []Doc, field string, opt MapOptions) Network {
	return cooccur(docs, func(d *Doc) []string { return keywordsOf(d, field) }, opt)
}

// CountryNetwork returns the collaboration network of the countries of the
// documents' addresses: a country's documents are those with an address
// in it, a link's those with addresses in both (bibliometrix's country
// collaboration).
func CountryNetwork(docs []Doc, opt MapOptions) Network {
	return cooccur(docs, func(d *Doc) []string { return d.Countries }, opt)
}

func cooccur(docs []Doc, names func(d *Doc) []string, opt MapOptions) Network {
	if opt.Top <= 0 {
		opt.Top = 250
	}
	rows := rank(docs, names)
	slices.SortFunc(rows, func(a, b counted) int { return cmp.Or(cmp.Compare(b.docs, a.docs), cmp.Compare(a.name, b.name)) })
	var nw Network
	at := map[string]int{}
	for _, r := range rows {
		if len(nw.Items) == opt.Top || r.docs < max(1, opt.MinDocuments) {
			break
		}
		at[r.name] = len(nw.Items)
		nw.Items = append(nw.Items, Item{Label: r.name, Documents: r.docs})
	}
	pairs := map[[2]int]int{}
	var ids []int
	for i := range docs {
		ids = ids[:0]
		for _, n := range names(&docs[i]) {
			if j, ok := at[n]; ok && !slices.Contains(ids, j) {
				ids = append(ids, j)
			}
		}
		slices.Sort(ids)
		for x := range ids {
			for _, b := range ids[x+1:] {
				pairs[[2]int{ids[x], b}]++
			}
		}
	}
	for p, n := range pairs {
		nw.Links = append(nw.Links, Link{A: p[0], B: p[1], Documents: n})
	}
	slices.SortFunc(nw.Links, func(a, b Link) int { return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B)) })
	nw.cluster(opt.Seed)
	return nw
}

// cluster numbers the items' clusters: Leiden's modularity communities of
// the links weighted by association strength c_ij / (c_i c_j).
func (nw *Network) cluster(seed int64) {
	if len(nw.Links) == 0 {
		for i := range nw.Items {
			nw.Items[i].Cluster = i
		}
		return
	}
	an := nw.csr(func(l Link) float64 {
		return float64(l.Documents) / (float64(nw.Items[l.A].Documents) * float64(nw.Items[l.B].Documents))
	})
	comm, _ := analysis.Leiden(an, analysis.LeidenOptions{Seed: seed})
	for i := range nw.Items {
		nw.Items[i].Cluster = comm[i]
	}
}

// csr returns the links as an analysis.Network, each weighted by w.
func (nw *Network) csr(w func(Link) float64) analysis.Network {
	n := len(nw.Items)
	deg := make([]int64, n+1)
	for _, l := range nw.Links {
		deg[l.A+1]++
		deg[l.B+1]++
	}
	for i := range n {
		deg[i+1] += deg[i]
	}
	an := analysis.Network{Start: deg, Adj: make([]int32, deg[n]), W: make([]float64, deg[n])}
	fill := slices.Clone(deg[:n])
	put := func(u, v int, x float64) {
		an.Adj[fill[u]], an.W[fill[u]] = int32(v), x
		fill[u]++
	}
	for _, l := range nw.Links {
		x := w(l)
		put(l.A, l.B, x)
		put(l.B, l.A, x)
	}
	for v := range n { // analysis.Network wants each row by neighbour

		lo, hi := an.Start[v], an.Start[v+1]
		idx := make([]int, hi-lo)
		for i := range idx {
			idx[i] = int(lo) + i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(an.Adj[a], an.Adj[b]) })
		adj, ws := make([]int32, len(idx)), make([]float64, len(idx))
		for i, p := range idx {
			adj[i], ws[i] = an.Adj[p], an.W[p]
		}
		copy(an.Adj[lo:hi], adj)
		copy(an.W[lo:hi], ws)
	}
	return an
}

// Quadrants of the thematic map.
const (
	Motor    = "motor"
	Niche    = "niche"
	Emerging = "emerging or declining"
	Basic    = "basic"
)

// ThematicMap is the strategic diagram of Callon et al. (1991) as Cobo et
// al. (2011) and bibliometrix's thematicMap draw it: the clusters of the
// keyword co-occurrence network placed by centrality (how strongly a theme
// links to the others) and density (how strongly its keywords link to each
// other).
type ThematicMap struct {
	Field string `json:"field"`
	// From and To are the years of the documents mapped (0: all).
	From      int `json:"from"`
	To        int `json:"to"`
	Documents int `json:"documents"`
	// MinDocuments is the documents a keyword needed to be mapped.
	MinDocuments int `json:"min_documents"`
	// Isolated counts the keywords in MinDocuments documents or more that
	// share no document with another of them, left out of the themes.
	Isolated int     `json:"isolated_keywords"`
	Themes   []Theme `json:"themes"`
}

// Theme is a cluster of keywords of a thematic map. Centrality is Callon's
// 10 · Σ e_kh over the links from its keywords k to the other themes'
// keywords h, density 100 · Σ e_ij over its internal links divided by its
// number of keywords, e_ij = c_ij² / (c_i c_j) being the equivalence index
// of two keywords' documents. The map places themes by the ranks of both
// (ties averaged), as bibliometrix does; the quadrants split at the mean
// rank: motor (central and dense), niche (dense, peripheral), emerging or
// declining (neither), basic (central, not dense).
type Theme struct {
	Label          string   `json:"label"`
	Words          []string `json:"words"` // most documents first
	Documents      int      `json:"occurrences"`
	Centrality     float64  `json:"centrality"`
	Density        float64  `json:"density"`
	RankCentrality float64  `json:"rank_centrality"`
	RankDensity    float64  `json:"rank_density"`
	Quadrant       string   `json:"quadrant"`
}

// MinDocuments is bibliometrix's thematicMap threshold for docs documents:
// max(2, ⌊5 · docs / 1000⌋).
func MinDocuments(docs int) int { return max(2, 5*docs/1000) }

// Thematic returns the thematic map of the keywords of field over docs: the
// 250 keywords in the most documents among those in at least
// MinDocuments(len(docs)), clustered as KeywordNetwork does, those sharing
// no document with another left out. Themes are
// sorted by quadrant (motor, niche, emerging or declining, basic), then by
// documents. Cost is that of KeywordNetwork.
func Thematic(docs []Doc, field string, seed int64) ThematicMap {
	tm := ThematicMap{Field: field, Documents: len(docs), MinDocuments: MinDocuments(len(docs)), Themes: []Theme{}}
	nw := KeywordNetwork(docs, field, MapOptions{MinDocuments: tm.MinDocuments, Seed: seed})
	if len(nw.Items) == 0 {
		return tm
	}
	// Keywords that share no document with another mapped keyword are left
	// out, as bibliometrix's networkPlot(remove.isolates = TRUE) leaves
	// them: each would be a theme of one keyword with neither centrality
	// nor density.
	linked := make([]bool, len(nw.Items))
	for _, l := range nw.Links {
		linked[l.A], linked[l.B] = true, true
	}
	var themes []Theme
	theme := map[int]int{}        // cluster → index in themes
	for i, it := range nw.Items { // items are by documents: so are the words
		if !linked[i] {
			tm.Isolated++
			continue
		}
		k, ok := theme[it.Cluster]
		if !ok {
			k = len(themes)
			theme[it.Cluster] = k
			themes = append(themes, Theme{Label: it.Label})
		}
		themes[k].Words = append(themes[k].Words, it.Label)
		themes[k].Documents += it.Documents
	}
	if len(themes) == 0 {
		return tm
	}
	for _, l := range nw.Links {
		a, b := nw.Items[l.A], nw.Items[l.B]
		e := float64(l.Documents) * float64(l.Documents) / (float64(a.Documents) * float64(b.Documents))
		ta, tb := theme[a.Cluster], theme[b.Cluster]
		if ta == tb {
			themes[ta].Density += e
			continue
		}
		themes[ta].Centrality += e
		themes[tb].Centrality += e
	}
	for i := range themes {
		themes[i].Centrality *= 10
		themes[i].Density *= 100 / float64(len(themes[i].Words))
	}
	rankOf(themes, func(t *Theme) float64 { return t.Centrality }, func(t *Theme, r float64) { t.RankCentrality = r })
	rankOf(themes, func(t *Theme) float64 { return t.Density }, func(t *Theme, r float64) { t.RankDensity = r })
	mean := (float64(len(themes)) + 1) / 2 // the mean of ranks 1 … k
	order := map[string]int{Motor: 0, Niche: 1, Emerging: 2, Basic: 3}
	for i := range themes {
		t := &themes[i]
		central, dense := t.RankCentrality >= mean, t.RankDensity >= mean
		switch {
		case central && dense:
			t.Quadrant = Motor
		case dense:
			t.Quadrant = Niche
		case central:
			t.Quadrant = Basic
		default:
			t.Quadrant = Emerging
		}
	}
	slices.SortStableFunc(themes, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(order[a.Quadrant], order[b.Quadrant]), cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.Label, b.Label))
	})
	tm.Themes = themes
	return tm
}

// rankOf sets the rank of each theme's value, 1 the smallest, ties given
// the mean of their ranks (R's rank).
func rankOf(ts []Theme, val func(*Theme) float64, set func(*Theme, float64)) {
	idx := make([]int, len(ts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(val(&ts[a]), val(&ts[b])) })
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && val(&ts[idx[j+1]]) == val(&ts[idx[i]]) {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			set(&ts[idx[k]], r)
		}
		i = j + 1
	}
}

// Evolution is bibliometrix's thematicEvolution: a thematic map of each
// period and the links between the themes of consecutive periods that
// share keywords, weighted by the inclusion index |A ∩ B| / min(|A|, |B|)
// of their keyword sets.
type Evolution struct {
	Field   string          `json:"field"`
	Periods []ThematicMap   `json:"periods"`
	Links   []EvolutionLink `json:"links"`
}

// EvolutionLink joins theme From of period Period to theme To of period
// Period+1.
type EvolutionLink struct {
	Period    int      `json:"period"`
	From      int      `json:"from"`
	To        int      `json:"to"`
	Inclusion float64  `json:"inclusion"`
	Shared    []string `json:"shared"`
}

// ThematicEvolution cuts the timespan of docs after each year of cuts
// (sorted, each once: 2000,2010 gives first–2000, 2001–2010, 2011–last),
// maps each period that has documents and links their themes. Documents
// without a year are left out. Cost is that of one Thematic per period
// plus the pairs of themes of consecutive periods.
func ThematicEvolution(docs []Doc, field string, cuts []int, seed int64) Evolution {
	ev := Evolution{Field: field, Periods: []ThematicMap{}, Links: []EvolutionLink{}}
	first, last := 0, 0
	for i := range docs {
		if y := docs[i].Year; y != 0 {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
	}
	if first == 0 {
		return ev
	}
	cuts = slices.Clone(cuts)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	from := first
	var bounds [][2]int
	for _, c := range cuts {
		if c >= from && c < last {
			bounds = append(bounds, [2]int{from, c})
			from = c + 1
		}
	}
	bounds = append(bounds, [2]int{from, last})
	for _, b := range bounds {
		var in []Doc
		for i := range docs {
			if y := docs[i].Year; y >= b[0] && y <= b[1] {
				in = append(in, docs[i])
			}
		}
		if len(in) == 0 {
			continue
		}
		tm := Thematic(in, field, seed)
		tm.From, tm.To = b[0], b[1]
		ev.Periods = append(ev.Periods, tm)
	}
	for p := 0; p+1 < len(ev.Periods); p++ {
		for i, a := range ev.Periods[p].Themes {
			for j, b := range ev.Periods[p+1].Themes {
				var shared []string
				for _, w := range a.Words {
					if slices.Contains(b.Words, w) {
						shared = append(shared, w)
					}
				}
				if len(shared) == 0 {
					continue
				}
				inc := float64(len(shared)) / float64(min(len(a.Words), len(b.Words)))
				ev.Links = append(ev.Links, EvolutionLink{Period: p, From: i, To: j, Inclusion: inc, Shared: shared})
			}
		}
	}
	return ev
}

// PeriodLabel names the years of a thematic map: "2001–2010", "2012".
func (tm ThematicMap) PeriodLabel() string {
	if tm.From == tm.To {
		return fmt.Sprint(tm.From)
	}
	return fmt.Sprintf("%d–%d", tm.From, tm.To)
}
