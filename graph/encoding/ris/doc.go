// Package ris writes records as RIS, the tagged format that EndNote,
// Zotero, Mendeley, Rayyan, Covidence and ASReview import. Each record is
// one "TY  - " … "ER  - " block; lines end in CR LF, as the RIS
// specification says. Output is deterministic for the same records.
//
// Fields written, in this order: TY (from the CSL type, Types), TI, AU
// (one per author, "Family, Given"), PY (year), DA (the date as precise as
// known, "YYYY/MM/DD/"), T2 (venue; not for books; for conference papers,
// TY CONF, also C3, and the issue also as M1, where the RIS specification
// puts them), VL, IS, SP and EP (split from the page range), DO, AB, KW (one
// per keyword), SN (ISSN, then ISBN), UR, LA, PB, and the other
// identifiers: the Web of Science UT ("WOS:…") and the Scopus EID as AN,
// the PMCID as C2, the rest as AN "scheme: value" (e.g. "pmid: 123").
// Line breaks inside values become spaces, since a new line would start a
// continuation line.
package ris
