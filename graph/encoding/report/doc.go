// Package report writes the reader's report of a citation graph: a
// self-contained HTML file (and the same in Markdown) that a reviewer can
// open, read and share.
//
// In go an Input: the graph, the caller's values (attr.Set: labels,
// themes, centralities) and a few facts only the caller knows (sources
// read and failed, notes on how the run was made). Out come, in order:
// the corpus counts (records in, duplicates merged by DOI and by title,
// unique works, works known only from references or mentions, statements)
// and how the citations were matched (by record, DOI, title, author and
// year, page, or not at all); the most central works by the chosen
// measure, each with its bibliographic data and the statements citing it;
// the strongest citation bursts, when the caller hands any over (Bursts);
// each theme with its label terms, key works, works per year, the share of
// the statements citing its works that support or contrast them and its
// most confidently contrasting statements; and three
// charts made with gonum/plot: works published per year, citations
// received per theme and the distribution of the measure. When the caller
// hands over Bibliometrics, a section "Descriptive bibliometrics" follows
// the themes: the caller's tables and five charts (annual production with
// the growth rate, the top authors' production over time, Bradford's law,
// Lotka's law, the corresponding authors' countries by SCP and MCP).
//
// The HTML is one file: no scripts, no external style sheets, fonts or
// images. The charts stand inline as SVG, and a Content-Security-Policy
// forbids scripts and every fetch, so the file opens the same offline and
// anything that slipped past escaping still could not run. All text from
// the data goes through html/template's contextual escaping (and
// attr.Clean before it); in the Markdown, text is HTML-escaped and
// Markdown's punctuation backslash-escaped, so a title can neither open a
// tag nor start a link, heading or table cell. Charts are linked from the
// Markdown as files named "<prefix><chart>.svg" that the caller writes
// with Charts.
//
// Output is the same, byte for byte, for the same Input.
//
// Files: report.go holds Input, WriteHTML, WriteMarkdown and the facts
// both show; intent.go what the statements citing each theme say;
// charts.go the charts; biblio.go the bibliometrics section and its
// charts; html.go the HTML template.
package report
