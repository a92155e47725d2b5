// Package cassette reads VCR cassettes: HTTP interactions recorded as YAML
// by vcrpy (Python), Ruby's VCR or go-vcr, as the clients of citation
// indexes keep them for their tests, and as citegraph's own clients may
// record them.
//
// What goes in is one cassette; what comes out is the records of every
// recorded response body, each read by the answer reader its request calls
// for (package crossref, openalex, semanticscholar, opencitations or
// sciteapi), chosen by the request's host and, for other hosts, by the
// body's content. The request also says what an answer does not repeat:
// the paper of a Semantic Scholar /paper/{id}/citations or /references
// request (S2Options) and the DOI of a scite /papers/sources/{doi} request
// (SciteOptions). Bodies stored as !!binary or base64_string are decoded,
// and gzip or deflate bodies decompressed. Each record's source line is
// the line of its interaction in the cassette.
//
// An interaction that cannot be read (a response that is not a success, a
// body no reader takes, a compression citegraph cannot undo, a malformed
// body) is reported as an *Error with its number, request and line, and
// the others are read. The cassette is parsed whole by go.yaml.in/yaml/v3
// (the maintained YAML library; vcrpy writes long bodies as folded,
// single-quoted scalars and bytes as !!binary, which no small parser of
// ours should attempt), so memory is proportional to its size.
//
// Files:
//
//	cassette.go  Format (scrape.StreamFormat "vcr-cassette"), Read, Error, the dispatch, S2Options, SciteOptions
package cassette
