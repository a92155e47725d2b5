// Package ovid reads Ovid's tagged exports in its "EndNote" (".cgi")
// format, as Ovid writes them from Embase, MEDLINE and PsycINFO: each
// record opens with its number in angle brackets ("<3001. >") and holds
// fields "XX  - value"; a value's further lines follow untagged (indented,
// as in IN, or not, as in a structured AB). Ovid's RIS export ("1." then
// "TY  - ") is read by package ris.
//
// Lines may all be indented alike (" <7. >", " VN  - …") and tags followed
// by one space ("VN - …"); Ovid's label after a title ("….  [Article]") is
// dropped.
//
// Mapping: TI (Ovid's label and Journals@Ovid's quotation marks dropped),
// AU (or A1; several on a line separated by ";" and without their
// degrees, as Journals@Ovid writes them; FA, Ovid MEDLINE's full names,
// when it gives them all), SO
// (the source line: venue, volume, issue, pages and year,
// in the shape of each database: Ovid MEDLINE's and BIOSIS's "Gene.
// 576(1 Pt 3):466-75, 2016 Jan 15.", PsycINFO's "Psychological Medicine.
// Vol.45(3), Feb 2015, pp. 461-470.", Embase's "BMC Proceedings. … 12
// (Supplement 3) (no pagination), 2018.", Journals@Ovid's "Venue Month
// 2011;43(8):647-653"; a book chapter's line gives the book without the
// editors BIOSIS lists there, and its pages), BT (a chapter's book: the
// venue), JN/JF (the journal's name, before SO's), VO/VL, IP/IS (as issue
// when not an ISSN), PG, YR, DO or DI, IS/SN/IB (ISSN or ISBN), AB, MH and
// KW (keywords, "*" dropped), LG/LA, PB, PT or DT (to a CSL type), UI/AN
// (an Embase or MEDLINE accession number, by DB). The CR field of an Ovid
// Embase record is its copyright line, not cited references, and is not
// read.
//
// Files: ovid.go (Reader, mapping), source.go (source lines, titles).
// Lines are read with scrape/internal/lines, ISSNs and ISBNs found with
// scrape/internal/stdnum.
package ovid
