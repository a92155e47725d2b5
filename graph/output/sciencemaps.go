package output

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/analysis/biblio"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/vosviewer"
)

// The sizes of the science maps: VOSviewer's files keep mapItems items and
// the mapLinks strongest links among them (as the networks format does);
// the drawings drawItems items and their drawLinks strongest links, which
// neato lays out in about a second.
const (
	mapItems  = 1000
	mapLinks  = 50000
	drawItems = 60
	drawLinks = 250
)

// fileField names a keyword field in file names.
var fileField = map[string]string{"author": "author_keywords", "plus": "keywords_plus", "mesh": "mesh"}

// writeScienceMaps writes the keyword co-occurrence maps of each field the
// documents have, the country collaboration map, the thematic map of the
// first field (author keywords, then Keywords Plus, then MeSH) that has
// keywords in enough documents to map and, with Options.Periods, its thematic evolution. A map without
// links is left out with a note.
func writeScienceMaps(ctx context.Context, w *Writer) error {
	docs := w.documents()
	seed := w.Opt.Seed
	thematic := ""
	for _, f := range biblio.Fields {
		nw := biblio.KeywordNetwork(docs, f, biblio.MapOptions{Top: mapItems, Seed: seed})
		if len(nw.Items) > 0 && thematic == "" {
			thematic = f
		}
		title := "Co-occurrence of " + biblio.FieldTitle(f)
		if err := w.scienceMap(ctx, nw, "cooccurrence_"+fileField[f], fileField[f], title, "Documents", false); err != nil {
			return err
		}
	}
	nw := biblio.CountryNetwork(docs, biblio.MapOptions{Top: mapItems, Seed: seed})
	if err := w.scienceMap(ctx, nw, "country_collaboration", "countries", "Country collaboration (documents with addresses in both)", "Documents", true); err != nil {
		return err
	}
	if thematic == "" {
		w.Notef("no keywords: the thematic map is not drawn")
		return nil
	}
	// The first field whose keywords make a map (the optics file's author
	// keywords are each in one document; its Keywords Plus are not).
	tm := biblio.Thematic(docs, thematic, seed)
	for _, f := range biblio.Fields {
		if len(tm.Themes) > 0 {
			break
		}
		if f != thematic {
			if t := biblio.Thematic(docs, f, seed); len(t.Themes) > 0 {
				thematic, tm = f, t
			}
		}
	}
	if len(tm.Themes) == 0 {
		w.Notef("no two keywords in %d documents or more share a document: the thematic map is not drawn", tm.MinDocuments)
	} else {
		if err := w.Drawing(ctx, "thematic_map", func(f io.Writer) error {
			return dot.WriteThematicMap(f, themeMap(tm))
		}); err != nil {
			return err
		}
		if err := w.File("thematic_map.csv", func(f io.Writer) error {
			return csv.WriteTable(f, themeHeader, themeRows(tm, ""))
		}); err != nil {
			return err
		}
	}
	if len(w.Opt.Periods) == 0 {
		return nil
	}
	ev := biblio.ThematicEvolution(docs, thematic, w.Opt.Periods, seed)
	themed := 0
	for _, p := range ev.Periods {
		themed += min(1, len(p.Themes))
	}
	if len(ev.Periods) < 2 || themed == 0 {
		w.Notef("fewer than two periods with documents, or no themes in them: the thematic evolution is not drawn")
		return nil
	}
	if err := w.Drawing(ctx, "thematic_evolution", func(f io.Writer) error {
		return dot.WriteEvolution(f, evolution(ev))
	}); err != nil {
		return err
	}
	return w.File("thematic_evolution.csv", func(f io.Writer) error {
		var rows [][]string
		for _, l := range ev.Links {
			a, b := ev.Periods[l.Period], ev.Periods[l.Period+1]
			rows = append(rows, []string{a.PeriodLabel(), a.Themes[l.From].Label, b.PeriodLabel(), b.Themes[l.To].Label,
				strconv.FormatFloat(l.Inclusion, 'f', -1, 64), strings.Join(l.Shared, "; ")})
		}
		return csv.WriteTable(f, []string{"from_period", "from_theme", "to_period", "to_theme", "inclusion", "shared_keywords"}, rows)
	})
}

// scienceMap writes a co-occurrence network for VOSviewer (name
// vosviewer_NAME_{map,network}.txt) and its most frequent items drawn
// (file.dot).
func (w *Writer) scienceMap(ctx context.Context, nw biblio.Network, file, name, title, weight string, keepIsolates bool) error {
	if len(nw.Links) == 0 {
		if len(nw.Items) > 0 {
			w.Notef("no two %s share a document: %s.dot and vosviewer_%s_*.txt are not written", name, file, name)
		}
		return nil
	}
	links := strongest(nw.Links, mapLinks)
	vn := vosviewer.Network{Weights: []string{weight}}
	for _, it := range nw.Items {
		vn.Items = append(vn.Items, vosviewer.Item{Label: it.Label, Description: fmt.Sprintf("%s: %d documents", it.Label, it.Documents),
			Weights: []float64{float64(it.Documents)}})
	}
	for _, l := range links {
		vn.Links = append(vn.Links, vosviewer.Link{A: l.A, B: l.B, Strength: float64(l.Documents)})
	}
	var mapBuf, netBuf bytes.Buffer
	if err := vosviewer.WriteNetwork(&mapBuf, &netBuf, vn); err != nil {
		return err
	}
	if err := w.Bytes("vosviewer_"+name+"_map.txt", mapBuf.Bytes()); err != nil {
		return err
	}
	if err := w.Bytes("vosviewer_"+name+"_network.txt", netBuf.Bytes()); err != nil {
		return err
	}
	// Items are by documents: the drawing keeps the first drawItems and the
	// strongest links among them; keywords left without a link are left
	// out (countries are not: one without co-authors abroad tells).
	var drawn []biblio.Link
	for _, l := range nw.Links {
		if l.A < drawItems && l.B < drawItems {
			drawn = append(drawn, l)
		}
	}
	drawn = strongest(drawn, drawLinks)
	linked := make([]bool, min(drawItems, len(nw.Items)))
	for _, l := range drawn {
		linked[l.A], linked[l.B] = true, true
	}
	m := dot.WordMap{Title: title}
	at := make([]int, len(linked))
	for i, it := range nw.Items[:len(linked)] {
		at[i] = len(m.Items)
		if linked[i] || keepIsolates {
			m.Items = append(m.Items, dot.WordItem{Label: it.Label, Size: float64(it.Documents), Cluster: it.Cluster})
		}
	}
	for _, l := range drawn {
		m.Links = append(m.Links, dot.WordLink{A: at[l.A], B: at[l.B], Weight: float64(l.Documents)})
	}
	return w.Drawing(ctx, file, func(f io.Writer) error { return dot.WriteWordMap(f, m) })
}

// strongest keeps the n strongest links of ls (ties by items), in their
// order (by A, then B).
func strongest(ls []biblio.Link, n int) []biblio.Link {
	if len(ls) <= n {
		return ls
	}
	byStrength := slices.Clone(ls)
	slices.SortFunc(byStrength, func(a, b biblio.Link) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	keep := byStrength[:n]
	slices.SortFunc(keep, func(a, b biblio.Link) int { return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B)) })
	return keep
}

var quadrantIndex = map[string]int{biblio.Motor: 0, biblio.Niche: 1, biblio.Emerging: 2, biblio.Basic: 3}

// themeLines are a theme's label lines: its first three keywords.
func themeLines(t biblio.Theme) []string { return t.Words[:min(3, len(t.Words))] }

func themeMap(tm biblio.ThematicMap) dot.ThemeMap {
	n := float64(len(tm.Themes))
	m := dot.ThemeMap{Title: fmt.Sprintf("Thematic map of %s (%d documents, keywords in %d or more)", biblio.FieldTitle(tm.Field), tm.Documents, tm.MinDocuments),
		XTitle: "Relevance degree (centrality rank)", YTitle: "Development degree (density rank)", MeanX: (n + 1) / 2, MeanY: (n + 1) / 2}
	for _, t := range tm.Themes {
		m.Themes = append(m.Themes, dot.ThemeSpot{X: t.RankCentrality, Y: t.RankDensity, Size: float64(t.Documents), Lines: themeLines(t), Quadrant: quadrantIndex[t.Quadrant]})
	}
	return m
}

var themeHeader = []string{"period", "theme", "label", "quadrant", "occurrences", "centrality", "density", "rank_centrality", "rank_density", "keywords"}

func themeRows(tm biblio.ThematicMap, period string) [][]string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	var rows [][]string
	for i, t := range tm.Themes {
		rows = append(rows, []string{period, strconv.Itoa(i + 1), t.Label, t.Quadrant, strconv.Itoa(t.Documents), f(t.Centrality), f(t.Density),
			f(t.RankCentrality), f(t.RankDensity), strings.Join(t.Words, "; ")})
	}
	return rows
}

func evolution(ev biblio.Evolution) dot.Evolution {
	e := dot.Evolution{Title: "Thematic evolution of " + biblio.FieldTitle(ev.Field) + " (links: inclusion index)"}
	for _, per := range ev.Periods {
		p := dot.EvolutionPeriod{Label: fmt.Sprintf("%s\n%d documents", per.PeriodLabel(), per.Documents)}
		for _, t := range per.Themes {
			p.Themes = append(p.Themes, dot.ThemeSpot{Size: float64(t.Documents), Lines: themeLines(t), Quadrant: quadrantIndex[t.Quadrant]})
		}
		e.Periods = append(e.Periods, p)
	}
	for _, l := range ev.Links {
		e.Links = append(e.Links, dot.EvolutionLink{Period: l.Period, From: l.From, To: l.To, Weight: l.Inclusion})
	}
	return e
}
