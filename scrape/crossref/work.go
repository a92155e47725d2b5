package crossref

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// work is a Crossref work object as the REST API writes it (the fields
// citegraph reads).
type work struct {
	DOI                 string          `json:"DOI"`
	Title               jsonstream.Strs `json:"title"`
	Subtitle            jsonstream.Strs `json:"subtitle"`
	ContainerTitle      jsonstream.Strs `json:"container-title"`
	Type                string          `json:"type"`
	Author              []person        `json:"author"`
	Issued              dateParts       `json:"issued"`
	Published           dateParts       `json:"published"`
	PublishedPrint      dateParts       `json:"published-print"`
	PublishedOnline     dateParts       `json:"published-online"`
	Volume              jsonstream.Str  `json:"volume"`
	Issue               jsonstream.Str  `json:"issue"`
	Page                jsonstream.Str  `json:"page"`
	ArticleNumber       jsonstream.Str  `json:"article-number"`
	Abstract            string          `json:"abstract"`
	Publisher           string          `json:"publisher"`
	Language            string          `json:"language"`
	URL                 string          `json:"URL"`
	Resource            resource        `json:"resource"`
	ISSN                jsonstream.Strs `json:"ISSN"`
	ISSNType            []typed         `json:"issn-type"`
	ISBN                jsonstream.Strs `json:"ISBN"`
	ISBNType            []typed         `json:"isbn-type"`
	IsReferencedByCount *jsonstream.Num `json:"is-referenced-by-count"`
	Reference           []ref           `json:"reference"`
	UpdateTo            []update        `json:"update-to"`
	UpdatedBy           []update        `json:"updated-by"`
}

// update is an entry of "update-to" (on a notice: the work it updates) or
// "updated-by" (on the work: the notices that update it, from the
// publisher or Retraction Watch).
type update struct {
	DOI  jsonstream.Str `json:"DOI"`
	Type jsonstream.Str `json:"type"`
}

// retracts reports whether an update's type withdraws the work: Crossref's
// "retraction", "withdrawal" and "removal".
func (u update) retracts() bool {
	switch strings.ToLower(strings.TrimSpace(string(u.Type))) {
	case "retraction", "withdrawal", "removal":
		return true
	}
	return false
}

type person struct {
	Given  string `json:"given"`
	Family string `json:"family"`
	Name   string `json:"name"` // an organisation
	Suffix string `json:"suffix"`
	ORCID  string `json:"ORCID"`
}

type dateParts struct {
	DateParts [][]jsonstream.Num `json:"date-parts"`
}

type resource struct {
	Primary struct {
		URL string `json:"URL"`
	} `json:"primary"`
}

type typed struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

// ref is one entry of a work's "reference" list.
type ref struct {
	Key          jsonstream.Str  `json:"key"`
	DOI          jsonstream.Str  `json:"DOI"`
	Unstructured jsonstream.Str  `json:"unstructured"`
	ArticleTitle jsonstream.Str  `json:"article-title"`
	VolumeTitle  jsonstream.Str  `json:"volume-title"`
	SeriesTitle  jsonstream.Str  `json:"series-title"`
	JournalTitle jsonstream.Str  `json:"journal-title"`
	Author       jsonstream.Str  `json:"author"`
	Year         jsonstream.Str  `json:"year"`
	Volume       jsonstream.Str  `json:"volume"`
	Issue        jsonstream.Str  `json:"issue"`
	FirstPage    jsonstream.Str  `json:"first-page"`
	ISSN         jsonstream.Strs `json:"ISSN"`
	ISBN         jsonstream.Strs `json:"ISBN"`
}

// date returns the year and the ISO 8601 date of the first date-parts, as
// precise as they are; 0 and "" when they hold no year.
func (d dateParts) date() (int, string) {
	if len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return 0, ""
	}
	p := d.DateParts[0]
	y := int(p[0])
	if y < 1000 || y > 9999 {
		return 0, ""
	}
	s := strconv.Itoa(y)
	if len(p) > 1 && p[1] >= 1 && p[1] <= 12 {
		s += fmt.Sprintf("-%02d", p[1])
		if len(p) > 2 && p[2] >= 1 && p[2] <= 31 {
			s += fmt.Sprintf("-%02d", p[2])
		}
	}
	return y, s
}

// record turns the work into a record; line is where it starts.
func (w *work) record(line int) graph.Record {
	r := graph.Record{
		DOI:       strings.TrimSpace(w.DOI),
		Title:     joinTitle(stripMarkup(w.Title.First()), stripMarkup(w.Subtitle.First())),
		Volume:    string(w.Volume),
		Issue:     string(w.Issue),
		Pages:     string(w.Page),
		Publisher: w.Publisher,
		Language:  w.Language,
		Type:      CSLType(w.Type),
		Source:    graph.Source{Line: line},
	}
	if r.Pages == "" {
		r.Pages = string(w.ArticleNumber)
	}
	for _, d := range []dateParts{w.Issued, w.Published, w.PublishedPrint, w.PublishedOnline} {
		if y, s := d.date(); y != 0 {
			r.Year, r.Date = y, s
			break
		}
	}
	r.Venue = venue(w.Type, w.ContainerTitle)
	r.URL = w.Resource.Primary.URL
	if r.URL == "" {
		r.URL = w.URL
	}
	r.Abstract, r.AbstractSections = jatsAbstract(w.Abstract)
	for _, u := range w.UpdatedBy {
		r.Retracted = r.Retracted || u.retracts()
	}
	for _, u := range w.UpdateTo {
		if u.retracts() && u.DOI != "" {
			r.Retracts = append(r.Retracts, string(u.DOI))
		}
	}
	if w.IsReferencedByCount != nil {
		n := int(*w.IsReferencedByCount)
		r.CitedByCount = &n
	}
	ids := map[string]string{}
	if v := pickTyped(w.ISSNType, w.ISSN, "print"); v != "" {
		if n, err := graph.NormalizeID(graph.IDISSN, v); err == nil {
			ids[graph.IDISSN] = n
		}
	}
	if v := pickTyped(w.ISBNType, w.ISBN, "print"); v != "" {
		if n, err := graph.NormalizeID(graph.IDISBN, v); err == nil {
			ids[graph.IDISBN] = n
		}
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	orcids := make([]string, 0, len(w.Author))
	for _, p := range w.Author {
		a := graph.Author{Family: strings.TrimSpace(p.Family), Given: strings.TrimSpace(p.Given)}
		if a.Family == "" {
			a.Family, a.Given = strings.TrimSpace(p.Name), ""
		}
		if p.Suffix != "" && a.Given != "" {
			a.Given += ", " + strings.TrimSpace(p.Suffix)
		}
		if a.Family == "" {
			continue
		}
		r.Authors = append(r.Authors, a)
		orcids = append(orcids, stdnum.ORCID(p.ORCID))
	}
	r.AuthorORCIDs = ident.ORCIDs(orcids)
	r.References = make([]graph.Reference, 0, len(w.Reference))
	for i := range w.Reference {
		r.References = append(r.References, w.Reference[i].reference())
	}
	return r
}

// reference turns an entry of a reference list into a graph.Reference:
// "unstructured" is the raw string; "article-title" the title, or else
// "volume-title" (a book's title) or "series-title"; "journal-title" the
// venue, or "volume-title" when it is the book an article-title stands in.
func (f *ref) reference() graph.Reference {
	ref := graph.Reference{
		DOI:    strings.TrimSpace(string(f.DOI)),
		Raw:    stripMarkup(string(f.Unstructured)),
		Key:    strings.TrimSpace(string(f.Key)),
		Volume: strings.TrimSpace(string(f.Volume)),
		Issue:  strings.TrimSpace(string(f.Issue)),
		Pages:  strings.TrimSpace(string(f.FirstPage)),
		Year:   leadingYear(string(f.Year)),
	}
	title, venue := stripMarkup(string(f.ArticleTitle)), stripMarkup(string(f.JournalTitle))
	switch {
	case title == "" && f.VolumeTitle != "":
		title = stripMarkup(string(f.VolumeTitle))
		if venue == "" {
			venue = stripMarkup(string(f.SeriesTitle))
		}
	case title == "":
		title = stripMarkup(string(f.SeriesTitle))
	case venue == "":
		venue = stripMarkup(string(f.VolumeTitle))
	}
	ref.Title, ref.Venue = title, venue
	if a := strings.TrimSpace(string(f.Author)); a != "" {
		ref.Authors = []graph.Author{graph.ParseName(a)}
	}
	if v := f.ISSN.First(); v != "" {
		if n, err := graph.NormalizeID(graph.IDISSN, v); err == nil {
			ref.Identifiers = map[string]string{graph.IDISSN: n}
		}
	}
	if v := f.ISBN.First(); v != "" {
		if n, err := graph.NormalizeID(graph.IDISBN, v); err == nil {
			if ref.Identifiers == nil {
				ref.Identifiers = map[string]string{}
			}
			ref.Identifiers[graph.IDISBN] = n
		}
	}
	return ref
}

// leadingYear reads the year a reference's "year" starts with ("2004",
// "2004a", "2004–2005"); 0 when it starts otherwise.
func leadingYear(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1000 || (len(s) > 4 && s[4] >= '0' && s[4] <= '9') {
		return 0
	}
	return y
}

// venue picks the container title: for chapters and other parts of books
// Crossref lists the series before the book, so the last is the book; for
// the rest the first is the journal or proceedings.
func venue(typ string, titles jsonstream.Strs) string {
	switch typ {
	case "book-chapter", "book-section", "book-part", "book-track", "reference-entry":
		for i := len(titles) - 1; i >= 0; i-- {
			if t := stripMarkup(titles[i]); t != "" {
				return t
			}
		}
		return ""
	}
	return stripMarkup(titles.First())
}

func joinTitle(title, sub string) string {
	if sub == "" || title == "" {
		return title
	}
	if strings.HasSuffix(title, ":") || strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!") || strings.HasSuffix(title, ".") {
		return title + " " + sub
	}
	return title + ": " + sub
}

// pickTyped returns the value of the wanted type from a typed list, or
// else the first of the plain list.
func pickTyped(typed []typed, plain jsonstream.Strs, want string) string {
	for _, t := range typed {
		if t.Type == want && strings.TrimSpace(t.Value) != "" {
			return t.Value
		}
	}
	if v := plain.First(); v != "" {
		return v
	}
	for _, t := range typed {
		if strings.TrimSpace(t.Value) != "" {
			return t.Value
		}
	}
	return ""
}

// cslTypes maps Crossref's work types to CSL's.
var cslTypes = map[string]string{
	"journal-article":     "article-journal",
	"book-chapter":        "chapter",
	"book-section":        "chapter",
	"book-part":           "chapter",
	"book-track":          "chapter",
	"proceedings-article": "paper-conference",
	"book":                "book",
	"monograph":           "book",
	"edited-book":         "book",
	"reference-book":      "book",
	"book-set":            "book",
	"book-series":         "book",
	"proceedings":         "book",
	"proceedings-series":  "book",
	"posted-content":      "preprint",
	"dissertation":        "thesis",
	"report":              "report",
	"report-component":    "report",
	"report-series":       "report",
	"dataset":             "dataset",
	"database":            "dataset",
	"reference-entry":     "entry",
	"peer-review":         "review",
	"standard":            "standard",
	"standard-series":     "standard",
	"journal":             "periodical",
	"journal-issue":       "periodical",
	"journal-volume":      "periodical",
	"other":               "document",
}

// CSLType returns the CSL type of a Crossref work type ("journal-article"
// → "article-journal", "book-chapter" → "chapter", "proceedings-article" →
// "paper-conference", "posted-content" → "preprint" …), "" for a type it
// does not know. OpenAlex's type_crossref and scite's types use the same
// vocabulary.
func CSLType(crossrefType string) string { return cslTypes[strings.TrimSpace(crossrefType)] }
