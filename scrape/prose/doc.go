// Package prose reads scholarly prose: the in-text citations inside a
// sentence (ParseMentions: "(Kemp and Henderson 2012)", "[3–6]", "Repper and
// Carter 17") and the sections of structured abstracts (SplitAbstract:
// Purpose, Design/methodology/approach, Findings…; Background, Methods,
// Results, Conclusions…). The extractors of package scrape and its
// subpackages share it; it depends on nothing but graph's vocabulary.
//
// Files:
//
//	mentions.go  ParseMentions
//	abstract.go  SplitAbstract, StartsWithHeading
package prose
