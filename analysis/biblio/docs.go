package biblio

import (
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Doc is one document of the bibliometrics: a work that records describe,
// with the fields of its records.
type Doc struct {
	Work       *graph.Work
	Year       int      // 0 when unknown
	Authors    []string // "Family, Initials", in order, each once
	Source     string   // the venue in upper case, "" when unknown
	Type       string   // the document type in upper case, "" when unknown
	TimesCited int      // the largest count its records give (WoS TC, Scopus "Cited by")
	// AuthorKeywords, KeywordsPlus and MeSH are upper case, in the
	// order of the export, repeated where it repeats them (Scopus's index
	// keywords name a term of each thesaurus): bibliometrix counts
	// occurrences, the tables count both.
	AuthorKeywords []string
	KeywordsPlus   []string
	MeSH           []string
	// Affiliations are the institution of each address that names one,
	// upper case, one per address (two addresses at one university give it
	// twice, as bibliometrix's AU_UN).
	Affiliations []string
	Countries    []string // of the addresses, each once, in order
	// Country is the corresponding author's country: that of the
	// correspondence address, else of the first address; "" when neither
	// names one.
	Country string
	// RefStrings are the cited references as printed, upper case, each
	// once.
	RefStrings []string
}

// Docs returns the documents of g: its works in ID order that at least one
// of recs describes (by record ID, as graph.Work.Records lists them).
// Each field comes from the first of the work's records (in the order of
// recs) that has it; the times cited is the largest any gives.
func Docs(g *graph.Graph, recs []graph.Record) []Doc {
	at := make(map[string]int, len(recs))
	for i := range recs {
		if _, ok := at[recs[i].ID]; !ok {
			at[recs[i].ID] = i
		}
	}
	var docs []Doc
	var idx []int
	for _, w := range g.Works() {
		idx = idx[:0]
		for _, id := range w.Records {
			if i, ok := at[id]; ok {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		slices.Sort(idx)
		rs := make([]*graph.Record, len(idx))
		for k, i := range idx {
			rs[k] = &recs[i]
		}
		docs = append(docs, newDoc(w, rs))
	}
	return docs
}

// RecordDocs returns one document per record of recs that g holds, in the
// order of recs, with the work it resolved to: the unit bibliometrix counts
// (it keeps the duplicates of an export), for comparing with it. Docs is
// what run reports.
func RecordDocs(g *graph.Graph, recs []graph.Record) []Doc {
	workOf := map[string]*graph.Work{}
	for _, w := range g.Works() {
		for _, id := range w.Records {
			workOf[id] = w
		}
	}
	var docs []Doc
	for i := range recs {
		if w := workOf[recs[i].ID]; w != nil {
			d := newDoc(w, []*graph.Record{&recs[i]})
			if recs[i].Year != 0 {
				d.Year = recs[i].Year
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// newDoc merges the records rs of w into a Doc.
func newDoc(w *graph.Work, rs []*graph.Record) Doc {
	d := Doc{Work: w, Year: w.Year}
	pick := func(get func(r *graph.Record) string) string {
		for _, r := range rs {
			if v := strings.TrimSpace(get(r)); v != "" {
				return v
			}
		}
		return ""
	}
	list := func(get func(r *graph.Record) []string) []string {
		for _, r := range rs {
			if v := get(r); len(v) > 0 {
				return upperList(v)
			}
		}
		return nil
	}
	for _, r := range rs {
		if d.Year == 0 {
			d.Year = r.Year
		}
		if r.CitedByCount != nil && *r.CitedByCount > d.TimesCited {
			d.TimesCited = *r.CitedByCount
		}
	}
	var authors []graph.Author
	for _, r := range rs {
		if len(r.Authors) > 0 {
			authors = r.Authors
			break
		}
	}
	d.Authors = authorNames(authors)
	d.Source = strings.ToUpper(pick(func(r *graph.Record) string { return r.Venue }))
	d.Type = strings.ToUpper(pick(func(r *graph.Record) string { return r.DocumentType }))
	d.AuthorKeywords = list(func(r *graph.Record) []string { return r.AuthorKeywords })
	d.KeywordsPlus = list(func(r *graph.Record) []string { return r.KeywordsPlus })
	d.MeSH = list(func(r *graph.Record) []string { return r.MeSH })
	addrs := list(func(r *graph.Record) []string { return r.Affiliations })
	corr := correspondence(pick(func(r *graph.Record) string { return r.CorrespondenceAddress }))
	if len(addrs) == 0 && corr != "" {
		addrs = []string{corr} // as bibliometrix's AU_UN and AU_CO do without C1
	}
	for _, a := range addrs {
		if inst := institution(a); inst != "" {
			d.Affiliations = append(d.Affiliations, inst)
		}
		if c := Country(a); c != "" && !slices.Contains(d.Countries, c) {
			d.Countries = append(d.Countries, c)
		}
	}
	// bibliometrix takes the corresponding author's country from the
	// correspondence address alone (AU1_CO from RP): no address, no
	// country; but for PubMed, whose records have none, from the first
	// address (its RP is C1, the AD lines).
	d.Country = Country(corr)
	if corr == "" && len(addrs) > 0 && pubmed(rs) {
		d.Country = Country(addrs[0])
	}
	for _, r := range rs {
		for _, ref := range r.References {
			if raw := strings.ToUpper(strings.TrimSpace(ref.Raw)); raw != "" && !slices.Contains(d.RefStrings, raw) {
				d.RefStrings = append(d.RefStrings, raw)
			}
		}
		if len(d.RefStrings) > 0 {
			break
		}
	}
	return d
}

// pubmed reports whether a record of rs is a PubMed (MEDLINE) record.
func pubmed(rs []*graph.Record) bool {
	for _, r := range rs {
		if r.Source.Format == "medline" || strings.HasPrefix(r.Source.Database, "PubMed") {
			return true
		}
	}
	return false
}

// upperList returns the items of v trimmed and in upper case, in order,
// without the empty ones.
func upperList(v []string) []string {
	out := make([]string, 0, len(v))
	for _, s := range v {
		if s = strings.ToUpper(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// authorNames returns the authors as "Family, Initials", each once.
func authorNames(as []graph.Author) []string {
	var out []string
	for _, a := range as {
		n := AuthorName(a)
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// AuthorName returns a as "FAMILY, INITIALS" in upper case, as
// bibliometrix writes authors (there without the comma): the family name
// and the first letter of each part of the given name ("Costa de
// Beauregard, Olivier" → "COSTA DE BEAUREGARD, O"; "Birman, Joseph L." →
// "BIRMAN, JL"; "Huard, S" → "HUARD, S"). Upper case makes "Gilles, Herve"
// and "GILLES, H" of older records one author.
func AuthorName(a graph.Author) string {
	fam := strings.TrimSpace(a.Family)
	if fam == "" {
		return ""
	}
	var ini []rune
	for part := range strings.FieldsFuncSeq(a.Given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		rs := []rune(part)
		if allUpper(rs) && len(rs) <= 3 { // already initials: "JL", "OCD"
			ini = append(ini, rs...)
			continue
		}
		ini = append(ini, []rune(strings.ToUpper(string(rs[0])))...)
	}
	if len(ini) == 0 {
		return strings.ToUpper(fam)
	}
	return strings.ToUpper(fam + ", " + string(ini))
}

func allUpper(rs []rune) bool {
	for _, r := range rs {
		if strings.ToUpper(string(r)) != string(r) {
			return false
		}
	}
	return true
}
