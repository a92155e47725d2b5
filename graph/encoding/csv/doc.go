// Package csv writes tables of works and their analysis results as CSV
// (RFC 4180, header row first, "\n" line ends), the form spreadsheet users
// and scripts open. Values are handed over by the caller as columns, so the
// package does not depend on how they were computed. Floats are written
// with strconv's shortest round-trip form, so output is byte-stable.
package csv
