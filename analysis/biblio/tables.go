package biblio

import (
	"fmt"
	"sort"
	"strconv"
)

// Table is one table of a Summary as text cells, for spreadsheets and the
// report: the columns are the JSON keys of its rows.
type Table struct {
	// Name is file-name safe: "annual_production" (the Summary's JSON key).
	Name string
	// Title is bibliometrix's name for the table ("Annual Scientific
	// Production").
	Title  string
	Header []string
	Rows   [][]string
}

// Tables returns the tables of s in the order bibliometrix's summary
// prints them, then the laws and the most cited. Numbers are written in
// the shortest form that reads back the same (no rounding).
func (s *Summary) Tables() []Table {
	n := strconv.Itoa
	return []Table{
		{"main_information", "Main Information", []string{"description", "results"}, s.mainRows()},
		{"annual_production", "Annual Scientific Production", []string{"year", "documents"},
			rows(len(s.AnnualProduction), func(i int) []string {
				y := s.AnnualProduction[i]
				return []string{n(y.Year), n(y.Documents)}
			})},
		{"most_productive_authors", "Most Productive Authors", []string{"author", "documents", "fractionalized"},
			authorRows(s.ProductiveAuth)},
		{"most_productive_authors_fractionalized", "Most Productive Authors (fractionalized)",
			[]string{"author", "documents", "fractionalized"}, authorRows(s.FractionalAuth)},
		{"authors_production_over_time", "Authors' Production over Time", []string{"author", "year", "documents", "citations"},
			rows(len(s.AuthorsOverTime), func(i int) []string {
				a := s.AuthorsOverTime[i]
				return []string{a.Author, n(a.Year), n(a.Documents), n(a.Citations)}
			})},
		{"most_relevant_sources", "Most Relevant Sources", []string{"source", "documents"},
			rows(len(s.RelevantSources), func(i int) []string {
				r := s.RelevantSources[i]
				return []string{r.Source, n(r.Documents)}
			})},
		{"most_relevant_affiliations", "Most Relevant Affiliations", []string{"affiliation", "documents", "occurrences"},
			rows(len(s.RelevantAffs), func(i int) []string {
				r := s.RelevantAffs[i]
				return []string{r.Affiliation, n(r.Documents), n(r.Occurrences)}
			})},
		{"corresponding_author_countries", "Corresponding Author's Countries",
			[]string{"country", "documents", "freq", "scp", "mcp", "mcp_ratio"}, s.countryRows()},
		{"country_citations", "Total Citations per Country", []string{"country", "citations", "average"},
			rows(len(s.CountryCitations), func(i int) []string {
				c := s.CountryCitations[i]
				return []string{c.Country, n(c.Citations), num(c.Average)}
			})},
		{"keywords", "Most Relevant Keywords", []string{"keyword", "field", "documents", "occurrences"},
			rows(len(s.Keywords), func(i int) []string {
				k := s.Keywords[i]
				return []string{k.Keyword, k.Field, n(k.Documents), n(k.Occurrences)}
			})},
		{"author_h_index", "Authors' Local Impact", []string{"author", "h", "g", "m", "citations", "documents", "first_year"},
			hRows(s.AuthorHIndex, func(h HIndex) string { return h.Author })},
		{"source_h_index", "Sources' Local Impact", []string{"source", "h", "g", "m", "citations", "documents", "first_year"},
			hRows(s.SourceHIndex, func(h HIndex) string { return h.Source })},
		{"bradford", "Bradford's Law", []string{"source", "rank", "documents", "cumulative", "zone"},
			rows(len(s.Bradford.Sources), func(i int) []string {
				b := s.Bradford.Sources[i]
				return []string{b.Source, n(b.Rank), n(b.Documents), n(b.Cumulative), fmt.Sprint("Zone ", b.Zone)}
			})},
		{"lotka", "Lotka's Law", []string{"documents", "authors", "share", "fitted_share"},
			rows(len(s.Lotka.Productivity), func(i int) []string {
				p := s.Lotka.Productivity[i]
				fit := ""
				if s.Lotka.C != 0 {
					fit = num(s.Lotka.Fitted(p.Documents))
				}
				return []string{n(p.Documents), n(p.Authors), num(p.Share), fit}
			})},
		{"most_cited", "Most Global Cited Documents", []string{"key", "label", "doi", "global_citations", "local_citations", "citations_per_year"},
			rows(len(s.MostCited), func(i int) []string {
				c := s.MostCited[i]
				return []string{c.Key, c.Label, c.DOI, n(c.GlobalCitations), n(c.LocalCitations), num(c.CitationsPerYr)}
			})},
		{"cited_references", "Most Cited References", []string{"reference", "key", "citations"},
			rows(len(s.CitedReferences), func(i int) []string {
				c := s.CitedReferences[i]
				return []string{c.Reference, c.Key, n(c.Citations)}
			})},
	}
}

func rows(k int, row func(i int) []string) [][]string {
	out := make([][]string, k)
	for i := range out {
		out[i] = row(i)
	}
	return out
}

// num writes f in the shortest decimal form that reads back as f.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func authorRows(as []AuthorCount) [][]string {
	return rows(len(as), func(i int) []string {
		return []string{as[i].Author, strconv.Itoa(as[i].Documents), num(as[i].Fractionalized)}
	})
}

func hRows(hs []HIndex, name func(HIndex) string) [][]string {
	return rows(len(hs), func(i int) []string {
		h := hs[i]
		return []string{name(h), strconv.Itoa(h.H), strconv.Itoa(h.G), num(h.M), strconv.Itoa(h.Citations),
			strconv.Itoa(h.Documents), strconv.Itoa(h.FirstYear)}
	})
}

func (s *Summary) countryRows() [][]string {
	total := 0
	for _, c := range s.CorrCountries {
		total += c.Documents
	}
	return rows(len(s.CorrCountries), func(i int) []string {
		c := s.CorrCountries[i]
		return []string{c.Country, strconv.Itoa(c.Documents), num(float64(c.Documents) / float64(total)),
			strconv.Itoa(c.SCP), strconv.Itoa(c.MCP), num(float64(c.MCP) / float64(c.Documents))}
	})
}

// mainRows are bibliometrix's "Main Information" lines, with Lotka's fit
// at the end.
func (s *Summary) mainRows() [][]string {
	n, f := strconv.Itoa, num
	out := [][]string{
		{"Timespan", fmt.Sprintf("%d:%d", s.Timespan[0], s.Timespan[1])},
		{"Sources (Journals, Books, etc)", n(s.Sources)},
		{"Documents", n(s.Documents)},
		{"Annual Growth Rate %", f(s.AnnualGrowthRatePct)},
		{"Document Average Age", f(s.DocumentAverageAge)},
		{"Average citations per doc", f(s.AverageCitationsPerDoc)},
		{"References", n(s.References)},
		{"Reference strings", n(s.ReferenceStrings)},
	}
	types := make([]string, 0, len(s.DocumentTypes))
	for t := range s.DocumentTypes {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		out = append(out, []string{"Document type: " + t, n(s.DocumentTypes[t])})
	}
	return append(out, [][]string{
		{"Keywords Plus (ID)", n(s.KeywordsPlus)},
		{"Author's Keywords (DE)", n(s.AuthorKeywords)},
		{"MeSH terms (MH)", n(s.MeSHTerms)},
		{"Authors", n(s.Authors)},
		{"Author Appearances", n(s.AuthorAppearances)},
		{"Authors of single-authored docs", n(s.AuthorsOfSingleDocs)},
		{"Single-authored docs", n(s.SingleAuthoredDocs)},
		{"Co-Authors per Doc", f(s.CoAuthorsPerDoc)},
		{"International co-authorships %", f(s.InternationalCoAuthPct)},
		{"Reference year", n(s.ReferenceYear)},
		{"Lotka's law beta", f(s.Lotka.Beta)},
		{"Lotka's law C", f(s.Lotka.C)},
		{"Lotka's law R2", f(s.Lotka.R2)},
	}...)
}
