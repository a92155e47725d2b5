package output

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/analysis/biblio"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/report"
)

// bibState is what the bibliometric formats share: the documents and
// their summary.
type bibState struct {
	docs []biblio.Doc
	sum  *biblio.Summary
}

// documents returns the documents of the bibliometrics: biblio.Docs of the
// graph and records, computed once per Writer.
func (w *Writer) documents() []biblio.Doc {
	if w.bib == nil {
		w.bib = &bibState{docs: biblio.Docs(w.In.Graph, w.In.Records)}
	}
	return w.bib.docs
}

// bibliometrics returns biblio.Compute over the documents, computed once
// per Writer.
func (w *Writer) bibliometrics() *biblio.Summary {
	docs := w.documents()
	if w.bib.sum == nil {
		s := biblio.Compute(w.In.Graph, docs, biblio.Options{ReferenceYear: w.Opt.ReferenceYear})
		w.bib.sum = &s
	}
	return w.bib.sum
}

// writeBibliometrics writes bibliometrics.json and each of its tables as
// bibliometrics_NAME.csv (biblio.Summary.Tables).
func writeBibliometrics(_ context.Context, w *Writer) error {
	sum := w.bibliometrics()
	err := w.File("bibliometrics.json", func(f io.Writer) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Generator string `json:"generator"`
			*biblio.Summary
		}{w.Opt.Generator, sum})
	})
	if err != nil {
		return err
	}
	for _, t := range sum.Tables() {
		if err := w.File("bibliometrics_"+t.Name+".csv", func(f io.Writer) error { return csv.WriteTable(f, t.Header, t.Rows) }); err != nil {
			return err
		}
	}
	return nil
}

// reportRows is the length of the report's bibliometric tables.
const reportRows = 10

// bibliometricsSection is the report's section of s; nil when s has no
// document.
func bibliometricsSection(s *biblio.Summary) *report.Bibliometrics {
	if s.Documents == 0 {
		return nil
	}
	b := &report.Bibliometrics{GrowthPct: s.AnnualGrowthRatePct, LotkaBeta: s.Lotka.Beta, LotkaR2: s.Lotka.R2}
	for _, y := range s.AnnualProduction {
		b.Annual = append(b.Annual, report.YearDocs{Year: y.Year, Documents: y.Documents})
	}
	for _, a := range s.AuthorsOverTime {
		b.AuthorYears = append(b.AuthorYears, report.AuthorYear{Author: a.Author, Year: a.Year, Documents: a.Documents, Citations: a.Citations})
	}
	for _, src := range s.Bradford.Sources {
		b.Bradford = append(b.Bradford, report.BradfordSource{Source: src.Source, Rank: src.Rank, Documents: src.Documents, Zone: src.Zone})
	}
	if s.Lotka.C != 0 {
		for _, p := range s.Lotka.Productivity {
			b.Lotka = append(b.Lotka, report.LotkaPoint{Documents: p.Documents, Share: p.Share, Fitted: s.Lotka.Fitted(p.Documents)})
		}
	}
	for _, c := range s.CorrCountries {
		b.Countries = append(b.Countries, report.CountryCollab{Country: c.Country, SCP: c.SCP, MCP: c.MCP})
	}
	b.Tables = reportTables(s)
	return b
}

// reportTables are the report's tables of s, each of at most reportRows
// rows; the tables without rows are left out.
func reportTables(s *biblio.Summary) (tables []report.Table) {
	n, f2 := strconv.Itoa, func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	table := func(title, note string, header []string, numeric []bool, k int, row func(i int) []string) {
		t := report.Table{Title: title, Note: note, Header: header, Numeric: numeric}
		for i := range min(k, reportRows) {
			t.Rows = append(t.Rows, row(i))
		}
		if len(t.Rows) > 0 {
			tables = append(tables, t)
		}
	}
	main := s.Tables()[0] // whole, its figures to 4 decimals
	for _, r := range main.Rows {
		if x, err := strconv.ParseFloat(r[1], 64); err == nil && strings.Contains(r[1], ".") {
			r[1] = strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
		}
	}
	tables = append(tables, report.Table{Title: "Main information", Note: "As bibliometrix's summary reports it; every table in full is in bibliometrics_*.csv.",
		Header: []string{"Description", "Results"}, Rows: main.Rows, Numeric: []bool{false, true}})
	table("Most productive authors", "", []string{"Author", "Documents", "Fractionalized"}, []bool{false, true, true},
		len(s.ProductiveAuth), func(i int) []string {
			a := s.ProductiveAuth[i]
			return []string{a.Author, n(a.Documents), f2(a.Fractionalized)}
		})
	table("Authors' local impact", "h, g and m over the times cited the sources give.", []string{"Author", "h", "g", "m", "Citations", "Documents", "Since"},
		[]bool{false, true, true, true, true, true, true}, len(s.AuthorHIndex), func(i int) []string {
			h := s.AuthorHIndex[i]
			return []string{h.Author, n(h.H), n(h.G), strconv.FormatFloat(h.M, 'f', 3, 64), n(h.Citations), n(h.Documents), n(h.FirstYear)}
		})
	table("Most relevant sources", "", []string{"Source", "Documents"}, []bool{false, true}, len(s.RelevantSources), func(i int) []string {
		return []string{s.RelevantSources[i].Source, n(s.RelevantSources[i].Documents)}
	})
	table("Bradford's law", "Sources in zones of about a third of the documents each; zone 1 is the core.", []string{"Zone", "Sources", "Documents"},
		[]bool{false, true, true}, len(s.Bradford.Zones), func(i int) []string {
			z := s.Bradford.Zones[i]
			return []string{fmt.Sprint("Zone ", z.Zone), n(z.Sources), n(z.Documents)}
		})
	if s.Lotka.C != 0 {
		table("Lotka's law", fmt.Sprintf("Share of authors with x documents fitted as C / x^β: β %.4f, C %.4f, R² %.4f.", s.Lotka.Beta, s.Lotka.C, s.Lotka.R2),
			[]string{"Documents", "Authors", "Share", "Fitted"}, []bool{true, true, true, true}, len(s.Lotka.Productivity), func(i int) []string {
				p := s.Lotka.Productivity[i]
				return []string{n(p.Documents), n(p.Authors), strconv.FormatFloat(p.Share, 'f', 3, 64), strconv.FormatFloat(s.Lotka.Fitted(p.Documents), 'f', 3, 64)}
			})
	}
	table("Most relevant affiliations", "Occurrences among the documents' addresses, as bibliometrix counts them.", []string{"Affiliation", "Occurrences", "Documents"},
		[]bool{false, true, true}, len(s.RelevantAffs), func(i int) []string {
			a := s.RelevantAffs[i]
			return []string{a.Affiliation, n(a.Occurrences), n(a.Documents)}
		})
	table("Corresponding author's countries", "SCP: all addresses in that country; MCP: addresses in more than one.",
		[]string{"Country", "Documents", "SCP", "MCP", "MCP ratio"}, []bool{false, true, true, true, true}, len(s.CorrCountries), func(i int) []string {
			c := s.CorrCountries[i]
			return []string{c.Country, n(c.Documents), n(c.SCP), n(c.MCP), f2(float64(c.MCP) / float64(c.Documents))}
		})
	table("Total citations per country", "", []string{"Country", "Citations", "Average"}, []bool{false, true, true}, len(s.CountryCitations), func(i int) []string {
		c := s.CountryCitations[i]
		return []string{c.Country, n(c.Citations), f2(c.Average)}
	})
	table("Most global cited documents", "Times cited as the sources give them; local: by the other documents.",
		[]string{"Document", "DOI", "Global", "Local", "Per year"}, []bool{false, false, true, true, true}, len(s.MostCited), func(i int) []string {
			c := s.MostCited[i]
			return []string{c.Label, c.DOI, n(c.GlobalCitations), n(c.LocalCitations), f2(c.CitationsPerYr)}
		})
	table("Most cited references", "References grouped as resolution groups them.", []string{"Reference", "Citations"}, []bool{false, true},
		len(s.CitedReferences), func(i int) []string {
			return []string{s.CitedReferences[i].Reference, n(s.CitedReferences[i].Citations)}
		})
	for _, fl := range []struct{ field, title string }{{"author", "Author keywords"}, {"plus", "Keywords Plus"}, {"mesh", "MeSH terms"}} {
		var kws []biblio.KeywordCount
		for _, k := range s.Keywords {
			if k.Field == fl.field && len(kws) < reportRows {
				kws = append(kws, k)
			}
		}
		table("Most frequent "+fl.title, "", []string{"Keyword", "Occurrences", "Documents"}, []bool{false, true, true}, len(kws), func(i int) []string {
			return []string{kws[i].Keyword, n(kws[i].Occurrences), n(kws[i].Documents)}
		})
	}
	return tables
}
