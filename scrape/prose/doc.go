// Package prose reads scholarly prose: the in-text citations inside a
// sentence (ParseMentions: "(Kemp and Henderson 2012)", "[3–6]", "Repper and
// Carter 17"), the sections of structured abstracts (SplitAbstract:
// Purpose, Design/methodology/approach, Findings…; Background, Methods,
// Results, Conclusions…), the sentences of a paragraph (Sentences,
// SentencesAround) and the citation statements of a full text's
// paragraphs (Builder, Linker). The extractors of package scrape and its
// subpackages share it; it depends on nothing but graph's vocabulary.
//
// Files:
//
//	mentions.go    ParseMentions
//	abstract.go    SplitAbstract, StartsWithHeading
//	sentences.go   Sentences, SentencesAround: sentence boundaries
//	statements.go  Builder (paragraph text with citation anchors), Linker (statements)
package prose
