// Package ris reads RIS files as the databases and reference managers that
// systematic reviewers use write them: Ovid (PsycINFO, Embase, MEDLINE),
// ProQuest, Scopus, Web of Science, EndNote, Zotero, Rayyan and research
// portals such as Pure. Reader implements the stream-format interface of
// package scrape without importing it.
//
// Records are emitted as they are read, in bounded memory. The fields a
// reviewer relies on are mapped to graph.Record: TY to a CSL type (Types),
// TI/T1, AU/A1 ("Family, Given", or "Family Initials" without the
// comma), PY/Y1/DA, JF/T2/JO (the venue, the full name first), VL, IS, SP/EP, DO, AB/N2, KW, SN (ISSN
// or ISBN), UR, LA, PB; accession numbers (AN) and links to identifiers
// (WoS UT, Scopus EID, PMID, PMCID, Embase, ProQuest); Scopus's "Cited By"
// note to CitedByCount; Scopus's "References:" note and PsycINFO's M1
// cited references to References, each with its text in Raw. A thesis's
// T2 is EndNote's academic department, no part of the title, except in
// Pure's exports (T1 with the date as PY and Y1 alike), where it is the
// subtitle.
//
// A malformed record is reported as a *SyntaxError with its line, and
// reading goes on; the problems are joined at the end.
//
// Files:
//
//	ris.go     Reader: records, tags, continuation lines
//	fields.go  RIS fields to graph.Record, Types
//	apa.go     PsycINFO's APA-style cited references
//
// Lines are read with scrape/internal/lines, ISSNs and ISBNs found with
// scrape/internal/stdnum.
package ris
