package scrape

import (
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// recordIDSchemes names, for a database (matched by a word of its name,
// lower case), the identifier scheme that is the database's own record id:
// a Web of Science record's UT, a Scopus record's EID, a PubMed record's
// PMID. The first match wins.
var recordIDSchemes = []struct{ word, scheme string }{
	{"web of science", graph.IDWoS},
	{"scopus", graph.IDScopus},
	{"pubmed", graph.IDPMID},
	{"medline", graph.IDPMID},
	{"embase", graph.IDEmbase},
	{"lens", graph.IDLens},
	{"openalex", graph.IDOpenAlex},
	{"proquest", graph.IDProQuest},
	{"semantic scholar", graph.IDS2},
	{"eric", graph.IDERIC},
}

// Provenance fills a record's Source.Database and Source.RecordID where
// its reader left them empty: the database from the export format
// (Databases: "wos" is "Web of Science"), else database (a --database
// flag; "" for none); the record id from the identifier the database
// issues (recordIDSchemes), or the DOI for Crossref. A database or id the
// export itself names (RIS DB and AN, Ovid DB and UI) is kept.
func Provenance(r *graph.Record, format, database string) {
	s := &r.Source
	if s.Database == "" {
		s.Database = Databases[format]
	}
	if s.Database == "" {
		s.Database = strings.TrimSpace(database)
	}
	if s.RecordID != "" || s.Database == "" {
		return
	}
	db := strings.ToLower(s.Database)
	if db == "crossref" {
		s.RecordID = r.DOI
		return
	}
	for _, x := range recordIDSchemes {
		if strings.Contains(db, x.word) {
			s.RecordID = r.Identifiers[x.scheme]
			return
		}
	}
}

// NamingDatabase returns record with the records it is given named as
// coming from database when their export does not say (the --database
// flag of run, ingest and extract); database "" changes nothing.
func NamingDatabase(database string, record func(graph.Record) error) func(graph.Record) error {
	if strings.TrimSpace(database) == "" {
		return record
	}
	return func(r graph.Record) error {
		Provenance(&r, r.Source.Format, database)
		return record(r)
	}
}
