// Package output writes everything "citegraph run" makes of an analysed
// citation graph, through one table of formats over a small sink.
//
// What goes in is an Input (NewInput: the records read, the resolved
// *graph.Graph and its analysis.Result, turned into the attribute Set the
// encoders of graph/encoding take) and Options (which optional formats,
// GraphViz rendering, the views' ranking and narrowing). What comes out
// are files created in a Sink: Dir writes each one atomically into a
// folder (the CLI), Memory keeps them in memory (tests, and programs that
// embed citegraph). Write walks the table Formats in order and returns the
// names written.
//
// This package sits where the layers of STYLE.md meet: it may import
// analysis (for its result types) and every graph/encoding package, and
// nothing imports it but cmd and embedding programs. It never reads
// sources (no scrape) and computes nothing an encoder or the analysis
// should: the derived networks come from analysis.DerivedNetworks, every
// file's bytes from its encoder.
//
// # How to add an output
//
// Add one row to Formats (formats.go):
//
//	{Name: "myformat", Help: "my.txt: what it holds", Write: func(ctx context.Context, w *Writer) error {
//		return w.File("my.txt", func(f io.Writer) error { return myenc.Write(f, w.In.Graph, w.In.Set) })
//	}},
//
// Name is what --formats takes (run's help and the --formats list come
// from the table); Always makes it one of the files written whatever
// --formats says. Write gets the Writer: w.In holds the graph, records,
// analysis result and attribute Set; w.Opt the options (add a field to
// Options for a new flag, and set it in cmd); w.File and w.Bytes create
// files in the sink and record them; w.Drawing writes a DOT file and
// renders it with GraphViz; w.Notef passes a remark to the user. Put the
// encoder itself in its own graph/encoding package. Add the file names to
// the tests' expected lists (output_test.go, cmd/citegraph).
//
// # Files
//
//	sink.go     Sink, Dir (atomic files, stale temporary files removed), Memory, WriteFile
//	input.go    Input and NewInput: the attribute Set, the centrality, theme, citation and statement tables
//	formats.go  Format, the table Formats, Options, Views, Writer and Write
//	parse.go    parsing of the options' text forms (years, themes, edge kinds, formats) and Help
//	summary.go  the text summaries the commands print: Input.WriteSummary, WriteMatching, WriteCycles, WriteAnalysis
//	records.go  RecordFormats and NewRecordWriter: records as JSON Lines, RIS, BibTeX, CSL-JSON
//	review.go   the systematic review's format: records.csv, duplicates.csv, review.csv, prisma.json
//	            and prisma.dot (RecordRows, DuplicateRows, ReviewRows, PreviousWorks)
//	unique.go   unique.ris and unique.csv (graph.UniqueWorks), one record per unique work for screening
//	nodes.go    analyse's nodes.csv and themes.csv: WriteNodes, WriteCompactThemes, WriteNodeFiles
package output
