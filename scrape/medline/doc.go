// Package medline reads PubMed's MEDLINE format (the "PubMed" format of Save
// and of .nbib citation files): records of tagged fields ("PMID- ", "TI  -
// ", "FAU - "), a value's further lines indented by six spaces, records
// separated by blank lines; a record begins at its first field, whatever the
// tag (ERIC's .nbib files have no PMID: "OWN - ERIC"). Reader implements the
// stream-format interface of package scrape without importing it; records
// are emitted as they are read, in bounded memory.
//
// Mapping: PMID, PMC, LID/AID ([doi], [pii]) and IS to identifiers and the
// DOI; OID (ERIC's EJ/ED numbers) to identifier eric; FAU (or AU) and CN to
// authors ("et al." dropped), with the ORCID iDs of AUID; TI (the brackets
// of an English translation dropped: "[Cystic fibrosis in adults]." reads
// "Cystic fibrosis in adults."; or BTI; with TI, BTI is the book a
// chapter is in: its venue), AB, JT (or TA), VI, IP, PG (the elided end
// page restored: "466-75" reads "466-475"), DP to year and ISO date (or
// SO's date, or DEP's "20151030"), SO for what the other fields leave
// empty ("Gene. 2016 Jan 15;576(1 Pt 3):466-75."), LA, PT to a CSL type
// (PubMed's types and ERIC's: "Journal Articles", "Reports - Research",
// "Books", "Dissertations/Theses"), OT and MH to keywords (the "*" of
// major topics dropped).
//
// Files: medline.go (Reader, mapping). Lines are read with
// scrape/internal/lines, ISSNs and ISBNs found with scrape/internal/stdnum.
package medline
