package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Record is one work as one source describes it: the unit that scrape
// produces and that Build resolves into the citation graph. Its JSON form is
// the records contract of `citegraph extract` (one object per line); the
// keys of the first block below are a promise to users' scripts and are never
// renamed or removed, only added to.
//
// Slices are never nil in a Record that went through Normalize, so their JSON
// is always an array, never null.
type Record struct {
	// ID is a fingerprint of the record's content (see Fingerprint): "doi:"
	// and the DOI when the record has one, otherwise "rec:" and 16 hex
	// digits. Relations between records of one source refer to it.
	ID string `json:"id"`

	// The records contract.
	DOI        string            `json:"doi"`   // lower case, no resolver prefix, "" when unknown
	Title      string            `json:"title"` // "" when the source shows none
	Year       int               `json:"year"`  // 0 when unknown
	Authors    []Author          `json:"authors"`
	Venue      string            `json:"venue"`
	Volume     string            `json:"volume"`
	Issue      string            `json:"issue"`
	Pages      string            `json:"pages"`
	Abstract   string            `json:"abstract"`
	References []Reference       `json:"references"` // works this work cites
	Statements []Statement       `json:"statements"` // citation statements this work makes
	CitedBy    []CitingStatement `json:"cited_by"`   // statements of other works about this one
	Source     Source            `json:"source"`

	// Additions to the contract.
	AbstractSections  []Section         `json:"abstract_sections,omitempty"`  // structured abstract, in order
	AbstractTruncated bool              `json:"abstract_truncated,omitempty"` // the source cut the abstract short
	Publisher         string            `json:"publisher,omitempty"`
	Identifiers       map[string]string `json:"identifiers,omitempty"` // other identifiers by scheme (see Identifiers)
	Tallies           *Tallies          `json:"tallies,omitempty"`     // citation tallies a citation index shows
	Relations         []Relation        `json:"relations,omitempty"`   // non-citation links to other records
	// Type is the kind of work in CSL's vocabulary: "article-journal",
	// "book", "chapter", "paper-conference", "thesis", "report",
	// "preprint", "dataset", "webpage" …; "" when the source does not say.
	Type string `json:"type,omitempty"`
	// Date is the publication date as precise as the source gives it, in
	// ISO 8601: "2014", "2014-07" or "2014-07-21".
	Date     string   `json:"date,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	Language string   `json:"language,omitempty"` // as the source gives it, e.g. "en", "English"
	URL      string   `json:"url,omitempty"`      // the work's landing page or full text
	// AuthorORCIDs runs parallel to Authors: the ORCID iD of each author
	// ("0000-0002-1825-0097", no resolver prefix), "" where unknown; nil
	// when the source gives none.
	AuthorORCIDs []string `json:"author_orcids,omitempty"`
	// CitedByCount is the number of citations the source counts for the
	// work across its whole index (WoS "TC", Scopus "Cited by", OpenAlex
	// cited_by_count): the global citation count, against which the local
	// count within a corpus is read.
	CitedByCount *int `json:"cited_by_count,omitempty"`
	// Retracted says the source marks the work as retracted: OpenAlex's
	// is_retracted, Crossref's updated-by of type retraction, PubMed's
	// publication type "Retracted Publication", a WoS or Scopus document
	// type, a title the publisher prefixed "RETRACTED:".
	Retracted bool `json:"retracted,omitempty"`
	// Retracts holds the DOIs of the works a retraction notice retracts
	// (Crossref's update-to of type retraction, PubMed's "ROF - Retraction
	// of" with a DOI); the works with those DOIs are marked retracted.
	Retracts []string `json:"retracts,omitempty"`

	// Bibliometric fields, as the export prints them (issue 14).
	//
	// DocumentType is the source's own document type ("Article",
	// "Review", "Meeting Abstract": WoS DT, Scopus "Document Type",
	// PubMed PT), beside Type's CSL vocabulary.
	DocumentType string `json:"document_type,omitempty"`
	// AuthorKeywords are the keywords the authors chose (WoS DE, Scopus
	// "Author Keywords", PubMed OT), in order.
	AuthorKeywords []string `json:"author_keywords,omitempty"`
	// KeywordsPlus are the keywords the index assigned (WoS ID "Keywords
	// Plus", Scopus "Index Keywords"), in order.
	KeywordsPlus []string `json:"keywords_plus,omitempty"`
	// MeSH are the Medical Subject Headings of the work (PubMed MH), as
	// printed ("Humans", "Neoplasms/*therapy").
	MeSH []string `json:"mesh,omitempty"`
	// Affiliations are the authors' addresses, one per address as printed
	// (WoS C1 without its bracketed author list, Scopus "Affiliations",
	// PubMed AD), in order.
	Affiliations []string `json:"affiliations,omitempty"`
	// CorrespondenceAddress is the corresponding (reprint) author's address
	// (WoS RP, Scopus "Correspondence Address").
	CorrespondenceAddress string `json:"correspondence_address,omitempty"`
}

// Identifier schemes used as keys of Record.Identifiers and
// Reference.Identifiers. Values are normalised as the scheme's owner writes
// them (PMID digits; PMCID "PMC" and digits; arXiv "2101.00001" or
// "hep-th/9901001" without version; OpenAlex "W2741809807"; ISBN 13 digits).
const (
	IDPMID      = "pmid"
	IDPMCID     = "pmcid"
	IDArXiv     = "arxiv"
	IDOpenAlex  = "openalex"
	IDS2        = "s2"       // Semantic Scholar paper ID (40 hex digits)
	IDCorpusID  = "s2corpus" // Semantic Scholar CorpusId
	IDISBN      = "isbn"
	IDISSN      = "issn"
	IDWoS       = "wos"        // Web of Science UT, "WOS:000…"
	IDScopus    = "scopus"     // Scopus EID, "2-s2.0-…"
	IDMAG       = "mag"        // Microsoft Academic Graph ID
	IDDocNumber = "doc_number" // an article number a database prints (ProQuest "Doc number")
	IDProQuest  = "proquest_id"
	IDLens      = "lens"
	IDEmbase    = "embase"
	IDPII       = "pii"
	IDERIC      = "eric" // ERIC accession number, "EJ…" (journal article) or "ED…" (document)
)

// Author is a person's name split into family and given parts. Its JSON
// form is the string "Family, Given" ("Family" alone when the given name is
// unknown).
type Author struct {
	Family string
	Given  string
}

// String returns "Family, Given", or Family alone when Given is empty.
func (a Author) String() string {
	if a.Given == "" {
		return a.Family
	}
	return a.Family + ", " + a.Given
}

// MarshalText implements encoding.TextMarshaler.
func (a Author) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it reads the
// "Family, Given" form.
func (a *Author) UnmarshalText(b []byte) error {
	s := string(b)
	if fam, giv, ok := strings.Cut(s, ","); ok {
		a.Family, a.Given = strings.TrimSpace(fam), strings.TrimSpace(giv)
		return nil
	}
	a.Family, a.Given = strings.TrimSpace(s), ""
	return nil
}

// Reference is one entry of a work's reference list, or a work another
// record points to. Fields the source does not give are zero.
type Reference struct {
	DOI     string   `json:"doi"`
	Title   string   `json:"title"`
	Year    int      `json:"year"`
	Authors []Author `json:"authors"`
	Raw     string   `json:"raw"` // the reference as the source printed it

	// Additions to the contract.
	Venue       string            `json:"venue,omitempty"`
	Volume      string            `json:"volume,omitempty"`
	Issue       string            `json:"issue,omitempty"`
	Pages       string            `json:"pages,omitempty"`
	Type        string            `json:"type,omitempty"`        // as Record.Type
	Identifiers map[string]string `json:"identifiers,omitempty"` // as Record.Identifiers
	// Key is the reference's label in its source ("B12", "CR0007", a
	// BibTeX key), which in-text citations point to.
	Key string `json:"key,omitempty"`
}

// Statement is a citation statement a work makes: the sentence that cites,
// the section it stands in, what it does, and which entries of the work's
// References it points to.
type Statement struct {
	Text       string  `json:"text"`
	Section    string  `json:"section"` // section path, outermost first: "Discussion > Limitations"
	Intent     string  `json:"intent"`
	Confidence float64 `json:"confidence"` // 0..1; 0 when the source gives none
	Refs       []int   `json:"refs"`       // indexes into References

	// Additions to the contract.
	// ClassifiedBy says where Intent comes from: "source" when the source
	// gave it, the name and version of citegraph's trained classifier
	// (intent.ModelName, e.g. "citegraph-intent-linear/4") when citegraph
	// classified the sentence (with Confidence its calibrated probability),
	// "" when there is no intent.
	ClassifiedBy string `json:"classified_by,omitempty"`
	// Function is the statement's SciCite class (background, method or
	// result) and Sentiment its scite class (supporting, contrasting or
	// mentioning), each with its confidence (0..1). A head the source
	// gives (Semantic Scholar: function; scite: sentiment) is the source's;
	// the other is citegraph's classifier's. Intent folds the two: the
	// sentiment when supporting or contrasting, else the function.
	Function            string  `json:"function,omitempty"`
	FunctionConfidence  float64 `json:"function_confidence,omitempty"`
	Sentiment           string  `json:"sentiment,omitempty"`
	SentimentConfidence float64 `json:"sentiment_confidence,omitempty"`
	// Mentions are the in-text citations as printed; those the source did
	// not link to a reference are kept here with their text.
	Mentions []Mention `json:"mentions,omitempty"`
}

// CitingStatement is a statement another, possibly unnamed, work makes
// about this one, as a citation index such as scite shows it.
type CitingStatement struct {
	Text       string    `json:"text"`
	Section    string    `json:"section"`
	Intent     string    `json:"intent"` // supporting, mentioning or contrasting for scite
	Confidence float64   `json:"confidence"`
	Mentions   []Mention `json:"mentions"` // in-text citations found in Text, in order

	// Additions to the contract.
	// Citing is the work that makes the statement, when the source names
	// it (Semantic Scholar's citations with contexts do; a scite page
	// saved as text does not).
	Citing       *Reference `json:"citing,omitempty"`
	ClassifiedBy string     `json:"classified_by,omitempty"` // as Statement.ClassifiedBy
	// Function, Sentiment and their confidences are as Statement's.
	Function            string  `json:"function,omitempty"`
	FunctionConfidence  float64 `json:"function_confidence,omitempty"`
	Sentiment           string  `json:"sentiment,omitempty"`
	SentimentConfidence float64 `json:"sentiment_confidence,omitempty"`
}

// Mention is one in-text citation found in a sentence: an author–year
// citation ("Kemp and Henderson 2012", "Gillard et al 2014c", "Nestor &
// Galletly, " with its year stripped) or a numbered one ("Repper and Carter
// 17", "44").
type Mention struct {
	Text    string   `json:"text"`              // as it stands in the sentence
	Authors []string `json:"authors,omitempty"` // family names, in order
	EtAl    bool     `json:"et_al,omitempty"`   // the author list is abbreviated
	Year    int      `json:"year,omitempty"`    // 0 when absent or stripped
	Suffix  string   `json:"suffix,omitempty"`  // year letter: "c" in "2014c"
	Number  int      `json:"number,omitempty"`  // reference number of a numbered citation
}

// Source says where a record came from.
type Source struct {
	Path   string `json:"path"`           // file path or URL
	Format string `json:"format"`         // extractor name, e.g. "scite"
	Line   int    `json:"line,omitempty"` // 1-based line where the work starts, when known
	// Database is the bibliographic database the record was exported
	// from, as the export names it ("Web of Science", "Scopus",
	// "PubMed", Ovid's "Embase", a RIS DB such as "CINAHL"), or as
	// --database names it; "" when neither says (a web page).
	Database string `json:"database,omitempty"`
	// RecordID is the export's own id of the record: WoS UT, Scopus EID,
	// PMID, an Ovid or EBSCO accession number, RIS AN or ID; "" when the
	// export gives none.
	RecordID string `json:"record_id,omitempty"`
	// Chase says how citation chasing found the record in Database (a
	// citation index): "backward" (a reference of a seed), "forward" (a
	// work citing a seed) or "seed" (the seed itself); "" for a record a
	// search of a database gave.
	Chase string `json:"chase,omitempty"`
}

// String returns "path:line", or the path alone when the line is unknown.
func (s Source) String() string {
	if s.Line == 0 {
		return s.Path
	}
	return s.Path + ":" + strconv.Itoa(s.Line)
}

// Section is one labelled part of a structured abstract.
type Section struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

// Tallies are the citation counts a citation index shows for a work. A
// field is nil when the page does not show it.
type Tallies struct {
	CitingPublications *int   `json:"citing_publications,omitempty"`
	Statements         *int   `json:"citation_statements,omitempty"`
	References         *int   `json:"references,omitempty"`
	Supporting         *int   `json:"supporting,omitempty"`
	Mentioning         *int   `json:"mentioning,omitempty"`
	Contrasting        *int   `json:"contrasting,omitempty"`
	Unclassified       *int   `json:"unclassified,omitempty"`
	CitingYears        [2]int `json:"citing_years,omitzero"` // first and last year of the citing works
}

// Relation is a non-citation link from a record to another record of the
// same extraction, such as Academia.edu's "related papers".
type Relation struct {
	Kind string `json:"kind"` // e.g. "related"
	ID   string `json:"id"`   // the other record's ID
}

// Relation kinds.
const (
	RelRelated = "related"
)

// clone returns a copy of r that shares nothing Normalize changes with r:
// its slices of references, statements and statements about it, the
// citing references of those, and its identifier maps.
func (r Record) clone() Record {
	c := r
	c.Identifiers = maps.Clone(r.Identifiers)
	c.References = slices.Clone(r.References)
	for i := range c.References {
		c.References[i].Identifiers = maps.Clone(c.References[i].Identifiers)
	}
	c.Statements = slices.Clone(r.Statements)
	c.Retracts = slices.Clone(r.Retracts)
	c.CitedBy = slices.Clone(r.CitedBy)
	for i := range c.CitedBy {
		if ci := c.CitedBy[i].Citing; ci != nil {
			cc := *ci
			cc.Identifiers = maps.Clone(ci.Identifiers)
			c.CitedBy[i].Citing = &cc
		}
	}
	return c
}

// Normalize makes a record ready for output and for Build: it normalises
// the DOI (dropping one that is not valid), replaces nil slices with empty
// ones, trims text fields and sets ID from the content. It is idempotent.
func (r *Record) Normalize() {
	if d, err := NormalizeDOI(r.DOI); err == nil {
		r.DOI = d
	} else {
		r.DOI = ""
	}
	for scheme, v := range r.Identifiers {
		if n, err := NormalizeID(scheme, v); err == nil {
			r.Identifiers[scheme] = n
		}
	}
	var retracts []string
	for _, d := range r.Retracts {
		if n, err := NormalizeDOI(d); err == nil && !slices.Contains(retracts, n) {
			retracts = append(retracts, n)
		}
	}
	r.Retracts = retracts
	r.Title = CleanText(r.Title)
	r.Venue = CleanText(r.Venue)
	r.Volume = CleanText(r.Volume)
	r.Issue = CleanText(r.Issue)
	r.Pages = CleanText(r.Pages)
	r.Abstract = CleanText(r.Abstract)
	if r.Authors == nil {
		r.Authors = []Author{}
	}
	if r.References == nil {
		r.References = []Reference{}
	}
	for i := range r.References {
		ref := &r.References[i]
		if d, err := NormalizeDOI(ref.DOI); err == nil {
			ref.DOI = d
		} else {
			ref.DOI = ""
		}
		if ref.Authors == nil {
			ref.Authors = []Author{}
		}
	}
	if r.Statements == nil {
		r.Statements = []Statement{}
	}
	for i := range r.Statements {
		if r.Statements[i].Refs == nil {
			r.Statements[i].Refs = []int{}
		}
	}
	if r.CitedBy == nil {
		r.CitedBy = []CitingStatement{}
	}
	for i := range r.CitedBy {
		st := &r.CitedBy[i]
		if st.Mentions == nil {
			st.Mentions = []Mention{}
		}
		if st.Citing != nil {
			if d, err := NormalizeDOI(st.Citing.DOI); err == nil {
				st.Citing.DOI = d
			} else {
				st.Citing.DOI = ""
			}
			if st.Citing.Authors == nil {
				st.Citing.Authors = []Author{}
			}
		}
	}
	r.ID = Fingerprint(r)
}

// Fingerprint returns the content ID of a record: "doi:" and its DOI when it
// has one, otherwise "rec:" and the first 16 hex digits of a SHA-256 over
// its descriptive fields. It does not depend on where or by which extractor
// the record was read, so the same entry read from a moved file keeps its
// ID, and records with equal fingerprints describe the same work.
func Fingerprint(r *Record) string {
	if r.DOI != "" {
		return "doi:" + r.DOI
	}
	h := sha256.New()
	for _, s := range []string{r.Title, strconv.Itoa(r.Year), r.Venue, r.Volume, r.Issue, r.Pages, r.Abstract} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, a := range r.Authors {
		h.Write([]byte(a.String()))
		h.Write([]byte{0})
	}
	for _, kv := range sortedPairs(r.Identifiers) {
		h.Write([]byte(kv))
		h.Write([]byte{0})
	}
	return "rec:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// sortedPairs returns the map's entries as "key=value" strings sorted by key.
func sortedPairs(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sortStrings(out)
	return out
}

// MarshalRecordJSON encodes r as one line of JSON without a trailing
// newline, with HTML characters left unescaped so that titles stay readable.
func MarshalRecordJSON(r *Record) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}
