package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Input is what a report shows.
type Input struct {
	// Graph and Set are the graph and the caller's values.
	Graph *graph.Graph
	Set   attr.Set
	// Title heads the report; "Citation graph report" when empty.
	Title string
	// Sources and Failed count the sources read and those that could not
	// be read; both 0 leaves the line out.
	Sources, Failed int
	// Measure names the node column (of Set.Node) that ranks the most
	// central works and whose distribution is charted; "" uses Set.Size
	// (called "score").
	Measure string
	// Top is the number of central works listed (0 means 10); Statements
	// the number of statements shown per work (0 means 3); KeyWorks the
	// number of key works per theme (0 means 5).
	Top, Statements, KeyWorks int
	// Notes are lines on how the run was made (inputs, seed, outputs),
	// shown at the end as given (escaped).
	Notes []string
	// ChartPrefix is the prefix of the chart files the Markdown links to
	// ("report-" gives "report-publications.svg").
	ChartPrefix string
	// Bursts are the citation bursts the caller detected; the strongest
	// ten (ties by node, then start) are shown in a table "Citation
	// bursts", after the central works. None leaves the table out.
	Bursts []Burst
	// Bibliometrics, when not nil, adds the section "Descriptive
	// bibliometrics" after the themes, with its tables and charts.
	Bibliometrics *Bibliometrics
	// Prisma, when not nil, adds the counts of the PRISMA 2020 flow
	// diagram (as prisma.json has them) to the corpus counts.
	Prisma *graph.Prisma
	// Map, when not empty, is the file name of the interactive map beside
	// the report ("map.html"), linked under the title.
	Map string
	// Overview, when not empty, is the file name of the drawing of the
	// themes beside the report ("overview.svg"), shown at the head of the
	// themes.
	Overview string
}

// Burst is a citation burst of a work: the years Start … End (inclusive)
// in which it was cited at a markedly higher rate than usual, and the
// burst's strength (for Kleinberg's bursts, as CiteSpace reports them, the
// log-likelihood ratio of the burst state over those years).
type Burst struct {
	Node       int64
	Start, End int
	Strength   float64
}

// maxBursts is the number of bursts the report lists.
const maxBursts = 10

type row struct {
	Label string
	Value string
}

type statement struct {
	Text, Intent, Section string
}

type central struct {
	Rank                                    int
	Label, Title, Authors, Venue, DOI, Link string
	Year                                    string
	Score, Cited                            string
	Theme                                   string
	Statements                              []statement
	More                                    int
}

type burstRow struct {
	Label, Title, Years, Strength string
}

type yearCount struct {
	year, n int
}

type themeFacts struct {
	number    int
	citations int
	Title     string
	Terms     string
	Size      int    // every work of the theme, as themes.csv and overview.dot count them
	SizeNote  string // " (3 of them unnamed citing works)", or ""
	Citations int
	CitedText string // "once", "12 times"
	KeyWorks  []string
	Growth    string // "2012: 3 · 2013: 5"
	// Citing says how much of the statements citing the theme's works
	// support or contrast them; Contrasting are the most confidently
	// contrasting of those statements.
	Citing      string
	Contrasting []contrastRow
}

type facts struct {
	Title        string
	Map          string
	Overview     string
	Counts       []row
	Matched      []row
	Central      []central
	MeasureTitle string
	Bursts       []burstRow
	Themes       []themeFacts
	Notes        []string
	Conflicts    []string
	Biblio       []bibTable
	BiblioCharts []Chart

	years        []yearCount
	themes       []themeFacts
	measure      []float64
	measureTitle string
}

// gatherCharts is gather with the charts of the facts.
func gatherCharts(in Input) (*facts, []Chart, error) {
	f, err := gather(in)
	if err != nil {
		return nil, nil, err
	}
	charts, err := f.charts()
	return f, charts, err
}

// gather works out everything the report shows.
func gather(in Input) (*facts, error) {
	g, s := in.Graph, in.Set
	if g == nil {
		return nil, fmt.Errorf("report: no graph")
	}
	if err := s.Check(g); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	top, nst, nkey := in.Top, in.Statements, in.KeyWorks
	if top == 0 {
		top = 10
	}
	if nst == 0 {
		nst = 3
	}
	if nkey == 0 {
		nkey = 5
	}
	f := &facts{Title: attr.Clean(in.Title), Map: in.Map, Overview: in.Overview}
	if f.Title == "" {
		f.Title = "Citation graph report"
	}
	f.counts(in)
	f.matching(g)
	if err := f.central(in, top, nst); err != nil {
		return nil, err
	}
	if err := f.bursts(in); err != nil {
		return nil, err
	}
	f.yearCounts(g.Works())
	f.themeFacts(in, nkey)
	f.Themes = f.themes
	for _, n := range in.Notes {
		f.Notes = append(f.Notes, attr.Clean(n))
	}
	f.Biblio = in.Bibliometrics.tables()
	var err error
	if f.BiblioCharts, err = in.Bibliometrics.charts(); err != nil {
		return nil, err
	}
	return f, nil
}

// counts fills the counts of sources, records and works, and the
// conflicts the resolution met.
func (f *facts) counts(in Input) {
	g := in.Graph
	rep := g.Report()
	if in.Sources > 0 || in.Failed > 0 {
		f.Counts = append(f.Counts, row{"Sources read", fmt.Sprintf("%d (%d could not be read)", in.Sources, in.Failed)})
	}
	if p := in.Prisma; p != nil {
		var dbs []string
		for _, db := range p.Databases() {
			dbs = append(dbs, fmt.Sprintf("%s %d", attr.Clean(db), p.Identified[db]))
		}
		f.Counts = append(f.Counts, row{"Records identified from databases (PRISMA)", fmt.Sprintf("%d: %s", p.IdentifiedTotal, strings.Join(dbs, ", "))})
		if p.ChasingTotal > 0 {
			var ixs []string
			for _, ix := range p.Indexes() {
				for _, dir := range []string{"backward", "forward", "seed"} {
					if n, ok := p.Chasing[ix][dir]; ok {
						ixs = append(ixs, fmt.Sprintf("%s %s %d", attr.Clean(ix), dir, n))
					}
				}
			}
			f.Counts = append(f.Counts, row{"Records identified from citation searching (PRISMA)", fmt.Sprintf("%d: %s", p.ChasingTotal, strings.Join(ixs, ", "))})
		}
		f.Counts = append(f.Counts,
			row{"Duplicate records removed (PRISMA)", fmt.Sprintf("%d (%d automatically, %d by reviewers' decisions)", p.DuplicatesRemoved.Automatic+p.DuplicatesRemoved.Decision, p.DuplicatesRemoved.Automatic, p.DuplicatesRemoved.Decision)},
			row{"Records to screen: unique works (PRISMA)", strconv.Itoa(p.AfterDeduplication)})
		if p.ComparedWithPrevious {
			f.Counts = append(f.Counts, row{"Unique works new since the previous run", strconv.Itoa(p.NewSincePrevious)})
		}
	}
	f.Counts = append(f.Counts,
		row{"Records in", strconv.Itoa(rep.Records)},
		row{"Duplicate records merged", fmt.Sprintf("%d (%d by DOI, %d by title, year and first author)", rep.Duplicates, rep.MergedByDOI, rep.MergedByTitle)},
		row{"Unique works described", strconv.Itoa(rep.Works)},
		row{"Works known only from reference lists", strconv.Itoa(rep.ReferenceNodes)},
		row{"Unresolved in-text mentions", strconv.Itoa(rep.MentionNodes)},
		row{"Unnamed citing works (known by a statement)", strconv.Itoa(rep.CitingNodes)},
		row{"Citation statements", strconv.Itoa(rep.Statements)},
		row{"Links", fmt.Sprintf("%d citations, %d co-citations, %d related", len(g.Edges(graph.Cites)), len(g.Edges(graph.CoCited)), len(g.Edges(graph.Related)))},
		row{"Works a source marks retracted", retractedCount(g, in.Set)},
	)
	for _, c := range rep.Conflicts {
		f.Conflicts = append(f.Conflicts, attr.Clean(c))
	}
}

// matching fills how the citations were matched, and the mentions.
func (f *facts) matching(g *graph.Graph) {
	methods := map[string]int{}
	for _, e := range g.Edges(graph.Cites) {
		methods[e.Method]++
	}
	methodNames := []struct{ key, label string }{
		{"record", "the cited work is a record of the corpus"},
		{"doi", "matched by DOI"},
		{"title", "matched by title and year"},
		{"author-year", "matched by first author and year"},
		{"page", "the statement stands on the cited work's own page"},
		{"author-year-venue", "matched by first author, year and venue"},
		{"title+author", "matched by title and first author"},
		{"unresolved", "not matched to any work"},
		{"new", "matched nothing: a work of its own, known from the reference"},
	}
	known := map[string]bool{}
	for _, m := range methodNames {
		known[m.key] = true
		if n := methods[m.key]; n > 0 {
			f.Matched = append(f.Matched, row{m.label, strconv.Itoa(n)})
		}
	}
	var other []string
	for k := range methods {
		if !known[k] {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	for _, k := range other {
		name := "matched by " + attr.Clean(k)
		if attr.Clean(k) == "" {
			name = "(no method recorded)"
		}
		f.Matched = append(f.Matched, row{name, strconv.Itoa(methods[k])})
	}
	f.Mentions(g.Report())
}

// central fills the top works by the measure, each with its first nst
// citing statements.
func (f *facts) central(in Input, top, nst int) error {
	g, s := in.Graph, in.Set
	works := g.Works()
	measure := s.Size
	f.measureTitle = "score"
	if in.Measure != "" {
		c := s.Column(in.Measure)
		if c == nil || c.Type == attr.String {
			return fmt.Errorf("report: no numeric node column %q", in.Measure)
		}
		measure = make([]float64, g.Len())
		for i := range measure {
			measure[i], _ = c.Float(i)
		}
		f.measureTitle = attr.Clean(c.Heading())
	}
	f.MeasureTitle = f.measureTitle
	var ids []int
	for i, w := range works {
		if w.Kind != graph.KindCiting {
			ids = append(ids, i)
		}
		// The distribution is charted over the works the sources describe:
		// the works known only from reference lists, often ten times as
		// many, all hold the same floor of most measures.
		if w.Kind == graph.KindWork && measure != nil {
			f.measure = append(f.measure, measure[i])
		}
	}
	score := func(i int) float64 {
		if measure == nil || math.IsNaN(measure[i]) {
			return math.Inf(-1)
		}
		return measure[i]
	}
	sort.SliceStable(ids, func(a, b int) bool { return score(ids[a]) > score(ids[b]) })
	inEdges := make([][]*graph.Edge, g.Len())
	for _, e := range g.Edges(graph.Cites) {
		if e.F != e.T {
			inEdges[e.T.ID()] = append(inEdges[e.T.ID()], e)
		}
	}
	for r, id := range ids[:min(top, len(ids))] {
		w := works[id]
		c := central{Rank: r + 1, Label: in.Set.LabelOf(w), Title: attr.Clean(w.Title), Authors: strings.TrimRight(attr.Authors(w), "."),
			Venue: strings.TrimRight(attr.Clean(w.Venue), "."), DOI: w.DOI, Cited: times(len(g.InCites(int64(id))))}
		if w.DOI != "" {
			c.Link = "https://doi.org/" + (&url.URL{Path: w.DOI}).EscapedPath()
		}
		if w.Year != 0 {
			c.Year = strconv.Itoa(w.Year)
		}
		if measure != nil {
			c.Score = strconv.FormatFloat(measure[id], 'g', 4, 64)
		}
		if t := s.ThemeOf(int64(id)); t >= 0 {
			c.Theme = s.ThemeTitle(t)
		}
		total := 0
		for _, e := range inEdges[id] {
			for _, st := range e.Statements {
				total++
				if len(c.Statements) < nst {
					c.Statements = append(c.Statements, statement{Text: attr.Clean(st.Text), Intent: attr.Clean(st.Intent), Section: attr.Clean(st.Section)})
				}
			}
		}
		c.More = total - len(c.Statements)
		f.Central = append(f.Central, c)
	}
	return nil
}

// yearCounts fills the works described per year, every year from the
// first to the last.
func (f *facts) yearCounts(works []*graph.Work) {
	perYear := map[int]int{}
	for _, w := range works {
		if w.Kind == graph.KindWork && w.Year != 0 {
			perYear[w.Year]++
		}
	}
	if len(perYear) > 0 {
		lo, hi := math.MaxInt, math.MinInt
		for y := range perYear {
			lo, hi = min(lo, y), max(hi, y)
		}
		for y := lo; y <= hi; y++ {
			f.years = append(f.years, yearCount{y, perYear[y]})
		}
	}
}

// themeFacts fills the facts of each theme with works, with at most nkey
// key works.
func (f *facts) themeFacts(in Input, nkey int) {
	g, s := in.Graph, in.Set
	works := g.Works()
	nthemes := s.ThemeCount()
	citing := citingByTheme(g, s)
	size, cited, unnamed := make([]int, nthemes), make([]int, nthemes), make([]int, nthemes)
	growth := make([]map[int]int, nthemes)
	for i, w := range works {
		t := s.ThemeOf(int64(i))
		if t < 0 {
			continue
		}
		size[t]++
		if w.Kind == graph.KindCiting {
			unnamed[t]++
			continue
		}
		cited[t] += len(g.InCites(int64(i)))
		if w.Year != 0 {
			if growth[t] == nil {
				growth[t] = map[int]int{}
			}
			growth[t][w.Year]++
		}
	}
	for t := range nthemes {
		if size[t] == 0 {
			continue
		}
		note := ""
		if unnamed[t] > 0 {
			note = fmt.Sprintf(" (%d of them %s)", unnamed[t], plural(unnamed[t], "an unnamed citing work", "unnamed citing works"))
		}
		tf := themeFacts{number: t + 1, citations: cited[t], Title: s.ThemeTitle(t), Size: size[t], SizeNote: note, Citations: cited[t], CitedText: times(cited[t]),
			Citing: citing[t].line(), Contrasting: citing[t].contrastingTop}
		if t < len(s.Themes) {
			var terms []string
			for _, term := range s.Themes[t].Terms {
				terms = append(terms, attr.Clean(term))
			}
			tf.Terms = strings.Join(terms, ", ")
			for _, id := range s.Themes[t].Top {
				if id < 0 || int(id) >= len(works) || works[id].Kind == graph.KindCiting {
					continue
				}
				if len(tf.KeyWorks) == nkey {
					break
				}
				w := works[id]
				kw := s.LabelOf(w)
				if t := attr.Clean(w.Title); t != "" {
					kw += ": " + t
				}
				tf.KeyWorks = append(tf.KeyWorks, kw)
			}
		}
		var years []int
		for y := range growth[t] {
			years = append(years, y)
		}
		sort.Ints(years)
		var parts []string
		for _, y := range years {
			parts = append(parts, fmt.Sprintf("%d: %d", y, growth[t][y]))
		}
		tf.Growth = strings.Join(parts, " · ")
		f.themes = append(f.themes, tf)
	}
}

// bursts fills the table of the strongest bursts.
func (f *facts) bursts(in Input) error {
	works := in.Graph.Works()
	bs := make([]Burst, len(in.Bursts))
	for i, b := range in.Bursts {
		if b.Node < 0 || int(b.Node) >= len(works) {
			return fmt.Errorf("report: burst %d: node %d is not in the graph", i, b.Node)
		}
		bs[i] = b
	}
	sort.SliceStable(bs, func(i, j int) bool {
		a, b := bs[i], bs[j]
		if a.Strength != b.Strength {
			return a.Strength > b.Strength
		}
		if a.Node != b.Node {
			return a.Node < b.Node
		}
		return a.Start < b.Start
	})
	for _, b := range bs[:min(maxBursts, len(bs))] {
		w := works[b.Node]
		years := strconv.Itoa(b.Start)
		if b.End != b.Start {
			years += "–" + strconv.Itoa(b.End)
		}
		f.Bursts = append(f.Bursts, burstRow{Label: in.Set.LabelOf(w), Title: attr.Clean(w.Title), Years: years,
			Strength: strconv.FormatFloat(b.Strength, 'f', 2, 64)})
	}
	return nil
}

// times returns "once", "twice" or "n times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// Mentions adds how in-text mentions resolved to the matching rows.
func (f *facts) Mentions(rep graph.Report) {
	if rep.MentionsToPage+rep.MentionsToCorpus+rep.MentionsNew == 0 {
		return
	}
	f.Matched = append(f.Matched,
		row{"In-text mentions resolved to the page's own work", strconv.Itoa(rep.MentionsToPage)},
		row{"In-text mentions resolved by author and year to another work", strconv.Itoa(rep.MentionsToCorpus)},
		row{"In-text mentions left unresolved", strconv.Itoa(rep.MentionsNew)},
	)
}

// Charts returns the report's charts, then those of its bibliometrics,
// for a caller that writes them as files beside the Markdown.
func Charts(in Input) ([]Chart, error) {
	f, err := gather(in)
	if err != nil {
		return nil, err
	}
	charts, err := f.charts()
	if err != nil {
		return nil, err
	}
	return append(charts, f.BiblioCharts...), nil
}

// WriteMarkdown writes the report as Markdown (CommonMark with GitHub's
// tables), linking the charts as files "<ChartPrefix><name>.svg". It
// returns an error, before writing anything, when the Set does not fit the
// graph or Measure names no numeric column.
func WriteMarkdown(w io.Writer, in Input) error {
	f, charts, err := gatherCharts(in)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# %s\n\n", md(f.Title))
	if f.Map != "" {
		p("[The interactive map](%s): search, filter and click the works.\n\n", md(f.Map))
	}
	p("## The corpus\n\n| | |\n|---|---:|\n")
	for _, r := range f.Counts {
		p("| %s | %s |\n", md(r.Label), md(r.Value))
	}
	if len(f.Matched) > 0 {
		p("\n### How citations were matched\n\n| | |\n|---|---:|\n")
		for _, r := range f.Matched {
			p("| %s | %s |\n", md(r.Label), md(r.Value))
		}
	}
	if len(f.Conflicts) > 0 {
		p("\nNot merged, because the sources disagree:\n\n")
		for _, c := range f.Conflicts {
			p("- %s\n", md(c))
		}
	}
	for _, c := range charts {
		p("\n![%s](%s)\n", md(c.Title), in.ChartPrefix+c.Name+".svg")
	}
	p("\n## The most central works (by %s)\n", md(f.MeasureTitle))
	mdCentral(p, f)
	if len(f.Bursts) > 0 {
		p("\n## Citation bursts\n\n| Work | Title | Burst | Strength |\n|---|---|---|---:|\n")
		for _, b := range f.Bursts {
			p("| %s | %s | %s | %s |\n", md(b.Label), md(b.Title), md(b.Years), md(b.Strength))
		}
	}
	mdThemes(p, f)
	mdBibliometrics(p, f, in.ChartPrefix)
	if len(f.Notes) > 0 {
		p("\n## How this report was made\n\n")
		for _, n := range f.Notes {
			p("- %s\n", md(n))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// mdCentral writes the most central works of f with p.
func mdCentral(p func(string, ...any), f *facts) {
	for _, c := range f.Central {
		p("\n%d. **%s**", c.Rank, md(c.Label))
		if c.Title != "" {
			p(" — %s", md(c.Title))
		}
		p("\n")
		var meta []string
		for _, x := range []string{c.Authors, c.Year, c.Venue} {
			if x != "" {
				meta = append(meta, md(x))
			}
		}
		if c.DOI != "" {
			meta = append(meta, "doi:"+md(c.DOI))
		}
		if len(meta) > 0 {
			p("   %s  \n", strings.Join(meta, ". "))
		}
		p("   %s %s; cited %s in the corpus", md(f.MeasureTitle), md(c.Score), c.Cited)
		if c.Theme != "" {
			p("; %s", md(c.Theme))
		}
		p("\n")
		for _, st := range c.Statements {
			p("   - “%s”", md(st.Text))
			var tags []string
			if st.Intent != "" {
				tags = append(tags, md(st.Intent))
			}
			if st.Section != "" {
				tags = append(tags, md(st.Section))
			}
			if len(tags) > 0 {
				p(" (%s)", strings.Join(tags, ", "))
			}
			p("\n")
		}
		if c.More > 0 {
			p("   - and %d more statements\n", c.More)
		}
	}
}

// mdThemes writes the themes of f, and the drawing of them, with p.
func mdThemes(p func(string, ...any), f *facts) {
	if len(f.Themes) > 0 {
		p("\n## Themes\n")
		if f.Overview != "" {
			p("\n![The themes, each a circle sized by its works, joined by the citations between them](%s)\n", md(f.Overview))
		}
		for _, t := range f.Themes {
			p("\n### %s\n\n%d works%s, cited %s in the corpus.", md(t.Title), t.Size, md(t.SizeNote), times(t.Citations))
			if t.Terms != "" {
				p(" Label terms: %s.", md(t.Terms))
			}
			p("\n")
			if len(t.KeyWorks) > 0 {
				p("\nKey works:\n\n")
				for _, k := range t.KeyWorks {
					p("- %s\n", md(k))
				}
			}
			if t.Growth != "" {
				p("\nWorks per year: %s\n", md(t.Growth))
			}
			if t.Citing != "" {
				p("\n%s.\n", md(t.Citing))
			}
			if len(t.Contrasting) > 0 {
				p("\nMost confidently contrasting:\n\n")
				for _, c := range t.Contrasting {
					p("- %s (citing %s", md(c.Text), md(c.Cited))
					if c.Confidence != "" {
						p("; confidence %s", md(c.Confidence))
					}
					p(")\n")
				}
			}
		}
	}
}

// mdBibliometrics writes the bibliometrics of f with p, linking its charts
// as files "<prefix><name>.svg".
func mdBibliometrics(p func(string, ...any), f *facts, prefix string) {
	if len(f.Biblio)+len(f.BiblioCharts) > 0 {
		p("\n## Descriptive bibliometrics\n")
		for _, c := range f.BiblioCharts {
			p("\n![%s](%s)\n", md(c.Title), prefix+c.Name+".svg")
		}
		for _, t := range f.Biblio {
			p("\n### %s\n\n", md(t.Title))
			if t.Note != "" {
				p("%s\n\n", md(t.Note))
			}
			var head, rule []string
			for _, h := range t.Header {
				head = append(head, md(h.Text))
				if h.Numeric {
					rule = append(rule, "---:")
				} else {
					rule = append(rule, "---")
				}
			}
			p("| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(rule, "|"))
			for _, r := range t.Rows {
				cells := make([]string, len(r))
				for j, c := range r {
					cells[j] = md(c.Text)
				}
				p("| %s |\n", strings.Join(cells, " | "))
			}
		}
	}
}

// md escapes cleaned text for Markdown: HTML's special characters as
// entities (Markdown passes raw HTML through), and the ASCII punctuation
// that Markdown gives a meaning to within a line (\ ` * _ { } [ ] ( ) # !
// | ~) with a backslash. Text never starts a line, so list and heading
// markers need no escape.
func md(s string) string {
	s = html.EscapeString(attr.Clean(s))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '&' { // an entity written by EscapeString: keep whole
			j := strings.IndexByte(s[i:], ';')
			b.WriteString(s[i : i+j+1])
			i += j
			continue
		}
		if strings.IndexByte("\\`*_{}[]()#!|~", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// maxRetractedNamed is how many retracted works the report names.
const maxRetractedNamed = 20

// retractedCount says how many works a source marks retracted and names
// them (the first maxRetractedNamed in node order) with the citations each
// has in the corpus: a retracted work cited here is what a reviewer must
// check.
func retractedCount(g *graph.Graph, s attr.Set) string {
	var names []string
	n := 0
	for _, w := range g.Works() {
		if !w.Retracted {
			continue
		}
		n++
		if len(names) < maxRetractedNamed {
			names = append(names, fmt.Sprintf("%s (cited %s here)", attr.Clean(s.LabelOf(w)), times(g.To(w.ID()).Len())))
		}
	}
	if n == 0 {
		return "0"
	}
	out := strconv.Itoa(n) + ": " + strings.Join(names, "; ")
	if n > len(names) {
		out += fmt.Sprintf("; and %d more (retracted in centrality.csv)", n-len(names))
	}
	return out
}

// plural is one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
