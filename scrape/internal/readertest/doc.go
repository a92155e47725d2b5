// Package readertest holds what the tests of the readers share, so that
// each package's tests keep only what is particular to its format:
//
//   - for the file readers (scrape/bibtex, scrape/csljson, scrape/medline,
//     scrape/ovid, scrape/proquest, scrape/ris, scrape/tabular,
//     scrape/wos): reading a source into normalised records (Read), a
//     file of testdata/ (ReadFile), counting what the records hold to
//     compare with counts taken by other tools (Count), and the checks of
//     their FuzzExtract (AddSeeds, CheckExtract);
//   - for the answer readers (scrape/crossref, scrape/openalex,
//     scrape/opencitations, scrape/semanticscholar, scrape/sciteapi):
//     reading an answer, or a file of testdata/ streamed, into normalised
//     records (Collect, CollectFile), the seeds and checks of their
//     FuzzDecode (AddFiles, CheckDecode), their BenchmarkDecode over files
//     of testdata/ (BenchDecode), and for the benchmarks of generated
//     streams, the stream's size (CountingReader) and the peak heap while
//     it is read (PeakHeap).
//
// Only tests import it.
//
// Files:
//
//	readertest.go  Read, ReadFile, Count, AddSeeds, CheckExtract, Collect,
//	               CollectFile, AddFiles, CheckDecode, BenchDecode,
//	               CountingReader, PeakHeap
package readertest
