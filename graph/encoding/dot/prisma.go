package dot

import (
	"bufio"
	"fmt"
	"io"

	"github.com/citegraph/citegraph/graph"
)

// WritePrisma writes the identification part of the PRISMA 2020 flow
// diagram (Page et al. 2021, BMJ 372:n71) with p's numbers filled in: the
// records identified from each database, the duplicates removed before
// screening (automatically and by reviewers' decisions), the unique
// records to screen and, when citation chasing gave records, a second
// column with the records it identified by index and direction. Databases
// and indexes are listed in name order, so the same counts give the same
// bytes. Draw it with dot (the layout engine it is made for).
func WritePrisma(w io.Writer, p graph.Prisma) error {
	bw := bufio.NewWriter(w)
	n := func(label string, v int) string { return fmt.Sprintf("%s (n = %d)", label, v) }
	bw.WriteString("digraph prisma {\n")
	bw.WriteString("  graph [rankdir=TB, nodesep=0.6, ranksep=0.45, fontname=\"Helvetica\", label=\"PRISMA 2020 flow diagram: identification\", labelloc=t, fontsize=14];\n")
	bw.WriteString("  node [shape=box, style=\"filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=11, margin=\"0.2,0.12\"];\n")
	bw.WriteString("  edge [arrowsize=0.8];\n")

	bw.WriteString("  head_db [label=" + quoteText(asLabel, "Identification of studies via databases and registers") + ", fillcolor=\"#f2c744\", shape=box, style=\"rounded,filled\"];\n")
	lines := []string{n("Records identified from databases", p.IdentifiedTotal) + ":"}
	for _, db := range p.Databases() {
		lines = append(lines, "    "+n(cleanText(db), p.Identified[db]))
	}
	bw.WriteString("  identified [label=" + quoteLeft(lines...) + "];\n")
	removed := []string{"Records removed before screening:",
		"    " + n("Duplicate records removed", p.DuplicatesRemoved.Automatic+p.DuplicatesRemoved.Decision) + ":",
		"        " + n("automatically (identifiers, titles)", p.DuplicatesRemoved.Automatic),
		"        " + n("by reviewers' decisions", p.DuplicatesRemoved.Decision)}
	bw.WriteString("  removed [label=" + quoteLeft(removed...) + "];\n")
	screened := []string{n("Records screened", p.AfterDeduplication), "(unique works after deduplication)"}
	if p.ComparedWithPrevious {
		screened = append(screened, n("new since the previous run", p.NewSincePrevious))
	}
	bw.WriteString("  screened [label=" + quoteText(asLabel, screened...) + ", penwidth=2];\n")
	bw.WriteString("  { rank=same; identified; removed; }\n")
	bw.WriteString("  head_db -> identified [style=invis];\n")
	bw.WriteString("  identified -> removed;\n")
	bw.WriteString("  identified -> screened;\n")

	if len(p.Chasing) > 0 {
		bw.WriteString("  head_other [label=" + quoteText(asLabel, "Identification of studies via other methods") + ", fillcolor=\"#b7d7e8\", shape=box, style=\"rounded,filled\"];\n")
		lines := []string{n("Records identified from citation searching", p.ChasingTotal) + ":"}
		for _, ix := range p.Indexes() {
			for _, dir := range []string{"backward", "forward", "seed"} {
				if v, ok := p.Chasing[ix][dir]; ok {
					lines = append(lines, "    "+n(cleanText(ix)+", "+dir, v))
				}
			}
		}
		bw.WriteString("  chasing [label=" + quoteLeft(lines...) + "];\n")
		bw.WriteString("  { rank=same; head_db; head_other; }\n")
		bw.WriteString("  { rank=same; identified; chasing; }\n")
		bw.WriteString("  head_other -> chasing [style=invis];\n")
		bw.WriteString("  chasing -> screened;\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
