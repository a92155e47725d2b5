package biblio

import (
	"cmp"
	"math"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// Options choose the tables' lengths and the year ages are counted from.
type Options struct {
	// ReferenceYear is the year document ages, citations per year and
	// m-indexes count from (bibliometrix takes the current year); 0 means
	// the last year of the timespan.
	ReferenceYear int
	// Top is the length of the ranked lists; 0 means 20 (bibliometrix's
	// summary k = 20). The h-index tables, keywords and Bradford's zones
	// are whole.
	Top int
}

// Summary is bibliometrics.json. The keys issue 14 lists are a contract:
// never renamed, only added to.
type Summary struct {
	Documents              int            `json:"documents"`
	Sources                int            `json:"sources"`
	Timespan               [2]int         `json:"timespan"` // first and last year; zeros when no document has one
	AnnualGrowthRatePct    float64        `json:"annual_growth_rate_pct"`
	DocumentAverageAge     float64        `json:"document_average_age"`
	AverageCitationsPerDoc float64        `json:"average_citations_per_doc"`
	References             int            `json:"references"`
	DocumentTypes          map[string]int `json:"document_types"`
	AuthorKeywords         int            `json:"author_keywords"`
	KeywordsPlus           int            `json:"keywords_plus"`
	MeSHTerms              int            `json:"mesh"`
	Authors                int            `json:"authors"`
	AuthorAppearances      int            `json:"author_appearances"`
	SingleAuthoredDocs     int            `json:"single_authored_docs"`
	AuthorsOfSingleDocs    int            `json:"authors_of_single_authored_docs"`
	CoAuthorsPerDoc        float64        `json:"co_authors_per_doc"`
	InternationalCoAuthPct float64        `json:"international_co_authorships_pct"`
	ReferenceYear          int            `json:"reference_year"`
	// ReferenceStrings counts the distinct cited references as printed
	// (bibliometrix's "References"); References counts the distinct works
	// they resolve to.
	ReferenceStrings int `json:"reference_strings"`

	AnnualProduction []YearCount   `json:"annual_production"`
	ProductiveAuth   []AuthorCount `json:"most_productive_authors"`
	// FractionalAuth ranks the authors by fractionalised documents
	// (bibliometrix's second column of "Most Productive Authors").
	FractionalAuth   []AuthorCount  `json:"most_productive_authors_fractionalized"`
	RelevantSources  []SourceCount  `json:"most_relevant_sources"`
	RelevantAffs     []AffCount     `json:"most_relevant_affiliations"`
	CorrCountries    []CountryCount `json:"corresponding_author_countries"`
	CountryCitations []CountryCites `json:"country_citations"`
	Keywords         []KeywordCount `json:"keywords"`

	// AuthorsOverTime is bibliometrix's authorProdOverTime: the documents
	// and times cited of the ten most productive authors in each year.
	AuthorsOverTime []AuthorYear `json:"authors_production_over_time"`

	AuthorHIndex []HIndex `json:"author_h_index"`
	SourceHIndex []HIndex `json:"source_h_index"`
	Bradford     Bradford `json:"bradford"`
	Lotka        Lotka    `json:"lotka"`

	MostCited       []Cited    `json:"most_cited"`
	CitedReferences []RefCount `json:"cited_references"`
}

// YearCount is one year of the annual production.
type YearCount struct {
	Year      int `json:"year"`
	Documents int `json:"documents"`
}

// AuthorCount is an author's documents, whole and fractionalised (each
// document counts 1/n for each of its n authors).
type AuthorCount struct {
	Author         string  `json:"author"`
	Documents      int     `json:"documents"`
	Fractionalized float64 `json:"fractionalized"`
}

// AuthorYear is one author's documents in one year and their times cited;
// years without documents are left out.
type AuthorYear struct {
	Author    string `json:"author"`
	Year      int    `json:"year"`
	Documents int    `json:"documents"`
	Citations int    `json:"citations"`
}

// SourceCount is a source's documents.
type SourceCount struct {
	Source    string `json:"source"`
	Documents int    `json:"documents"`
}

// AffCount is an affiliation's documents and its occurrences among the
// documents' addresses (bibliometrix's count: two addresses of one
// document at one institution count twice).
type AffCount struct {
	Affiliation string `json:"affiliation"`
	Documents   int    `json:"documents"`
	Occurrences int    `json:"occurrences"`
}

// CountryCount is a corresponding author's country: its documents, those
// whose authors are all of that country (SCP) and those with authors of
// other countries too (MCP).
type CountryCount struct {
	Country   string `json:"country"`
	Documents int    `json:"documents"`
	SCP       int    `json:"scp"`
	MCP       int    `json:"mcp"`
}

// CountryCites are the citations of a corresponding author's country's
// documents and their average.
type CountryCites struct {
	Country   string  `json:"country"`
	Citations int     `json:"citations"`
	Average   float64 `json:"average"`
}

// KeywordCount is a keyword's documents in one field ("author", "plus",
// "mesh") and its occurrences there (bibliometrix's count: a term an
// export repeats in one document counts twice).
type KeywordCount struct {
	Keyword     string `json:"keyword"`
	Field       string `json:"field"`
	Documents   int    `json:"documents"`
	Occurrences int    `json:"occurrences"`
}

// Cited is one of the most cited documents.
type Cited struct {
	Key             string  `json:"key"`
	Label           string  `json:"label"`
	DOI             string  `json:"doi"`
	GlobalCitations int     `json:"global_citations"`
	LocalCitations  int     `json:"local_citations"`
	CitationsPerYr  float64 `json:"citations_per_year"`
}

// RefCount is a cited work and the documents citing it.
type RefCount struct {
	Reference string `json:"reference"`
	Key       string `json:"key"`
	Citations int    `json:"citations"`
}

// Compute returns the bibliometrics of docs, whose works belong to g.
// Its cost is linear in the documents, their authors, keywords and
// references, plus sorting the tables.
func Compute(g *graph.Graph, docs []Doc, opt Options) Summary {
	if opt.Top <= 0 {
		opt.Top = 20
	}
	s := Summary{Documents: len(docs), DocumentTypes: map[string]int{}}
	s.main(docs)
	if opt.ReferenceYear == 0 {
		opt.ReferenceYear = s.Timespan[1]
	}
	s.ReferenceYear = opt.ReferenceYear
	s.ages(docs, opt.ReferenceYear)
	s.production(docs)
	s.authors(docs, opt.Top)
	s.AuthorsOverTime = overTime(docs, s.ProductiveAuth[:min(10, len(s.ProductiveAuth))])
	s.places(docs, opt.Top)
	s.Keywords = keywords(docs)
	s.AuthorHIndex = hIndexes(docs, func(d *Doc) []string { return d.Authors }, opt.ReferenceYear, false)
	s.SourceHIndex = hIndexes(docs, func(d *Doc) []string { return single(d.Source) }, opt.ReferenceYear, true)
	s.Bradford = bradford(docs)
	s.Lotka = lotka(docs)
	s.cited(g, docs, opt)
	return s
}

func single(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// main fills the counts of the documents' fields.
func (s *Summary) main(docs []Doc) {
	sources := map[string]bool{}
	de, id, mh := map[string]bool{}, map[string]bool{}, map[string]bool{}
	authors, soloAuthors := map[string]bool{}, map[string]bool{}
	intl, refs := 0, map[string]bool{}
	for i := range docs {
		d := &docs[i]
		if d.Year != 0 {
			if s.Timespan[0] == 0 || d.Year < s.Timespan[0] {
				s.Timespan[0] = d.Year
			}
			s.Timespan[1] = max(s.Timespan[1], d.Year)
		}
		if d.Source != "" {
			sources[d.Source] = true
		}
		if d.Type != "" {
			s.DocumentTypes[d.Type]++
		}
		addAll(de, d.AuthorKeywords)
		addAll(id, d.KeywordsPlus)
		addAll(mh, d.MeSH)
		addAll(authors, d.Authors)
		addAll(refs, d.RefStrings)
		s.AuthorAppearances += len(d.Authors)
		if len(d.Authors) == 1 {
			s.SingleAuthoredDocs++
			soloAuthors[d.Authors[0]] = true
		}
		if len(d.Countries) > 1 {
			intl++
		}
	}
	s.Sources, s.AuthorKeywords, s.KeywordsPlus, s.MeSHTerms = len(sources), len(de), len(id), len(mh)
	s.Authors, s.AuthorsOfSingleDocs, s.ReferenceStrings = len(authors), len(soloAuthors), len(refs)
	if len(docs) > 0 {
		s.CoAuthorsPerDoc = float64(s.AuthorAppearances) / float64(len(docs))
		s.InternationalCoAuthPct = 100 * float64(intl) / float64(len(docs))
	}
}

func addAll(set map[string]bool, items []string) {
	for _, it := range items {
		set[it] = true
	}
}

// ages fills the growth rate, the average age and citations.
func (s *Summary) ages(docs []Doc, ref int) {
	var age, tc, dated float64
	for i := range docs {
		tc += float64(docs[i].TimesCited)
		if docs[i].Year != 0 {
			age += float64(ref - docs[i].Year)
			dated++
		}
	}
	if len(docs) > 0 {
		s.AverageCitationsPerDoc = tc / float64(len(docs))
	}
	if dated > 0 {
		s.DocumentAverageAge = age / dated
	}
}

// production fills the annual production, every year of the timespan,
// and the compound annual growth rate between its first and last year:
// ((last/first)^(1/(years-1)) - 1) · 100, as bibliometrix rounds it to two
// decimals.
func (s *Summary) production(docs []Doc) {
	s.AnnualProduction = []YearCount{}
	if s.Timespan[0] == 0 {
		return
	}
	n := make([]int, s.Timespan[1]-s.Timespan[0]+1)
	for i := range docs {
		if y := docs[i].Year; y != 0 {
			n[y-s.Timespan[0]]++
		}
	}
	for i, c := range n {
		s.AnnualProduction = append(s.AnnualProduction, YearCount{Year: s.Timespan[0] + i, Documents: c})
	}
	if len(n) > 1 {
		g := (math.Pow(float64(n[len(n)-1])/float64(n[0]), 1/float64(len(n)-1)) - 1) * 100
		s.AnnualGrowthRatePct = math.Round(g*100) / 100
	}
}

// counted is a name with its occurrences, its documents and a fractional
// count, the rows of the ranked tables before they take their JSON shape.
type counted struct {
	name string
	n    int // occurrences: as often as the documents name it
	docs int // documents naming it
	frac float64
	last int // the last document counted in docs, plus one
}

// rank counts the names of each document and returns them by descending
// occurrences, ties by name: bibliometrix's tableTag
// order. Names a document repeats count once in docs and frac.
func rank(docs []Doc, names func(d *Doc) []string) []counted {
	at := map[string]int{}
	var out []counted
	for i := range docs {
		ns := names(&docs[i])
		for _, nm := range ns {
			j, ok := at[nm]
			if !ok {
				j = len(out)
				at[nm] = j
				out = append(out, counted{name: nm})
			}
			c := &out[j]
			c.n++
			if c.last != i+1 {
				c.last = i + 1
				c.docs++
				c.frac += 1 / float64(len(ns))
			}
		}
	}
	slices.SortFunc(out, func(a, b counted) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name))
	})
	return out
}

func (s *Summary) authors(docs []Doc, top int) {
	s.ProductiveAuth = []AuthorCount{}
	rows := rank(docs, func(d *Doc) []string { return d.Authors })
	for _, c := range rows[:min(top, len(rows))] {
		s.ProductiveAuth = append(s.ProductiveAuth, AuthorCount{Author: c.name, Documents: c.n, Fractionalized: c.frac})
	}
	// Sums of 1/n differ in their last bits by the order they were added
	// in: compare them to 1e-9.
	slices.SortStableFunc(rows, func(a, b counted) int {
		if math.Abs(a.frac-b.frac) > 1e-9 {
			return cmp.Compare(b.frac, a.frac)
		}
		return cmp.Compare(a.name, b.name)
	})
	s.FractionalAuth = []AuthorCount{}
	for _, c := range rows[:min(top, len(rows))] {
		s.FractionalAuth = append(s.FractionalAuth, AuthorCount{Author: c.name, Documents: c.n, Fractionalized: c.frac})
	}
}

// overTime returns the documents and citations per year of the authors
// top, in their order, then by year.
func overTime(docs []Doc, top []AuthorCount) []AuthorYear {
	at := make(map[string]int, len(top))
	for i, a := range top {
		at[a.Author] = i
	}
	cells := map[[2]int]*AuthorYear{}
	for i := range docs {
		d := &docs[i]
		if d.Year == 0 {
			continue
		}
		for _, a := range d.Authors {
			j, ok := at[a]
			if !ok {
				continue
			}
			c := cells[[2]int{j, d.Year}]
			if c == nil {
				c = &AuthorYear{Author: a, Year: d.Year}
				cells[[2]int{j, d.Year}] = c
			}
			c.Documents++
			c.Citations += d.TimesCited
		}
	}
	out := make([]AuthorYear, 0, len(cells))
	for _, c := range cells {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b AuthorYear) int {
		return cmp.Or(cmp.Compare(at[a.Author], at[b.Author]), cmp.Compare(a.Year, b.Year))
	})
	return out
}

func (s *Summary) places(docs []Doc, top int) {
	s.RelevantSources, s.RelevantAffs = []SourceCount{}, []AffCount{}
	rows := rank(docs, func(d *Doc) []string { return single(d.Source) })
	for _, c := range rows[:min(top, len(rows))] {
		s.RelevantSources = append(s.RelevantSources, SourceCount{Source: c.name, Documents: c.n})
	}
	rows = rank(docs, func(d *Doc) []string { return d.Affiliations })
	for _, c := range rows[:min(top, len(rows))] {
		s.RelevantAffs = append(s.RelevantAffs, AffCount{Affiliation: c.name, Documents: c.docs, Occurrences: c.n})
	}
	s.CorrCountries, s.CountryCitations = countries(docs, top)
}

// countries returns the corresponding authors' countries by documents
// and by citations.
func countries(docs []Doc, top int) ([]CountryCount, []CountryCites) {
	byDocs, byCites := []CountryCount{}, []CountryCites{}
	at := map[string]int{}
	for i := range docs {
		d := &docs[i]
		if d.Country == "" {
			continue
		}
		j, ok := at[d.Country]
		if !ok {
			j = len(byDocs)
			at[d.Country] = j
			byDocs = append(byDocs, CountryCount{Country: d.Country})
			byCites = append(byCites, CountryCites{Country: d.Country})
		}
		byDocs[j].Documents++
		if len(d.Countries) > 1 {
			byDocs[j].MCP++
		} else {
			byDocs[j].SCP++
		}
		byCites[j].Citations += d.TimesCited
	}
	for j := range byCites {
		byCites[j].Average = float64(byCites[j].Citations) / float64(byDocs[j].Documents)
	}
	slices.SortFunc(byDocs, func(a, b CountryCount) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.Country, b.Country))
	})
	slices.SortFunc(byCites, func(a, b CountryCites) int {
		return cmp.Or(cmp.Compare(b.Citations, a.Citations), cmp.Compare(a.Country, b.Country))
	})
	return byDocs[:min(top, len(byDocs))], byCites[:min(top, len(byCites))]
}

// keywords returns every keyword of each field with its documents, by
// field (author, plus, mesh), then descending occurrences and documents,
// then keyword.
func keywords(docs []Doc) []KeywordCount {
	out := []KeywordCount{}
	for _, f := range []struct {
		name string
		get  func(d *Doc) []string
	}{
		{"author", func(d *Doc) []string { return d.AuthorKeywords }},
		{"plus", func(d *Doc) []string { return d.KeywordsPlus }},
		{"mesh", func(d *Doc) []string { return d.MeSH }},
	} {
		for _, c := range rank(docs, f.get) {
			out = append(out, KeywordCount{Keyword: c.name, Field: f.name, Documents: c.docs, Occurrences: c.n})
		}
	}
	return out
}
