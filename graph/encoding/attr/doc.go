// Package attr carries what the caller computed about a graph's works and
// citations (centralities, themes, main paths …) to the writers of
// graph/encoding, as plain named, typed values. The writers depend on this
// package and on graph only, never on the code that computed the values:
// cmd fills a Set from analysis results and hands it to every writer.
//
// It also holds what every writer needs from the graph itself and must
// compute the same way: the statement counts by intent of a work and of a
// citation (Intents), the cleaning of text from the data (Clean), the
// canonical text of numbers (Column.Text) and the standard columns that
// describe a work (WorkFields).
//
// Files: attr.go holds Type, Column, Theme and Set; facts.go the facts
// drawn from the graph (Intents, WorkFields, Clean, the node and edge
// tables of GraphTables); xml.go EscapeXML for the XML writers.
package attr
