// Package csv writes tables of works and their analysis results as CSV
// (RFC 4180, header row first, "\n" line ends), the form spreadsheet users
// and scripts open. Values are handed over by the caller as columns, so the
// package does not depend on how they were computed. Floats are written
// with strconv's shortest round-trip form, so output is byte-stable.
//
// Every cell is inert text (Cell): line breaks become spaces, the
// bidirectional controls are dropped, and a cell that a spreadsheet would
// run as a formula ("=HYPERLINK(…)", "+1+cmd|calc", "@SUM(A1)", "-2+3")
// gets a leading single quote, as OWASP's CSV-injection guidance advises;
// numbers ("-3", "-2.5") stay numbers. Writer and Cell are the one place
// that rule lives: every table citegraph writes (CSV here and in
// graph/output, the VOSviewer files, chase's candidates.csv) uses them.
package csv
