package chase

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	gcsv "github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
	"github.com/citegraph/citegraph/graph/encoding/ris"
	"github.com/citegraph/citegraph/graph/store"
)

// Files are the files WriteFiles writes, in order.
var Files = []string{"candidates.ris", "candidates.csv", "records.jsonl", "chase-report.json", "chase-report.md"}

// WriteFiles writes the chase's files through write (graph/output.WriteFile
// on a Dir gives atomic files in a folder): candidates.ris and
// candidates.csv (the ranked candidates, for screening), records.jsonl
// (every record the indexes gave, normalised) and the report as
// chase-report.json and chase-report.md.
func (r *Result) WriteFiles(write func(name string, fill func(io.Writer) error) error) error {
	fills := []func(io.Writer) error{r.writeRIS, r.writeCSV, r.WriteRecords, r.Report.WriteJSON, r.Report.WriteMarkdown}
	for i, fill := range fills {
		if err := write(Files[i], fill); err != nil {
			return err
		}
	}
	return nil
}

// writeRIS writes candidates.ris: the ranked candidates as unique.ris has
// its works (graph.UniqueWorks): the most complete fields of the records
// the indexes gave (abstract and keywords included), each index that gave
// one as DB, its record ids as AN and an N1 "Found in: …" note. A
// candidate no index described (named only in a reference list) is
// written from its work.
func (r *Result) writeRIS(w io.Writer) error {
	rw := ris.NewWriter(w)
	unique := map[string]*graph.Unique{}
	us := graph.UniqueWorks(r.Records, r.Graph)
	for i := range us {
		unique[us[i].Key] = &us[i]
	}
	for _, c := range r.Candidates {
		if u := unique[c.Key]; u != nil {
			if err := rw.WriteFound(&u.Record, u.Found); err != nil {
				return err
			}
			continue
		}
		rec := candidateRecord(r.Graph.Work(c.Key))
		if err := rw.Write(&rec); err != nil {
			return err
		}
	}
	return rw.Close()
}

// candidateRecord is the record of a resolved work, for the RIS file.
func candidateRecord(w *graph.Work) graph.Record {
	r := graph.Record{DOI: w.DOI, Title: w.Title, Year: w.Year, Authors: w.Authors, Venue: w.Venue,
		Volume: w.Volume, Issue: w.Issue, Pages: w.Pages, Abstract: w.Abstract, Publisher: w.Publisher,
		Identifiers: w.Identifiers, Retracted: w.Retracted}
	r.Normalize()
	return r
}

// candidateHeader is the header of candidates.csv.
var candidateHeader = []string{"rank", "key", "doi", "title", "year", "first_author", "venue", "hop",
	"cites_seeds", "cited_by_seeds", "co_citation", "coupling", "indexes", "new"}

func (r *Result) writeCSV(w io.Writer) error {
	isNew := map[string]bool{}
	for _, k := range r.Report.New {
		isNew[k] = true
	}
	var rows [][]string
	for _, c := range r.Candidates {
		wk := r.Graph.Work(c.Key)
		year := ""
		if c.Year != 0 {
			year = strconv.Itoa(c.Year)
		}
		nw := ""
		if isNew[c.Key] {
			nw = "yes"
		}
		rows = append(rows, []string{strconv.Itoa(c.Rank), c.Key, c.DOI, c.Title, year, wk.Surname(), wk.Venue,
			strconv.Itoa(c.Hop), strconv.Itoa(c.CitesSeeds), strconv.Itoa(c.CitedBySeeds),
			strconv.Itoa(c.CoCitation), strconv.Itoa(c.Coupling), strings.Join(c.Indexes, ";"), nw})
	}
	return gcsv.WriteTable(w, candidateHeader, rows)
}

// WriteRecords writes every record the indexes gave, normalised, as JSON
// Lines (records.jsonl).
func (r *Result) WriteRecords(w io.Writer) error {
	jw := jsonl.NewWriter(w)
	for i := range r.Records {
		rec := r.Records[i]
		rec.Normalize()
		if err := jw.Write(&rec); err != nil {
			return err
		}
	}
	return jw.Flush()
}

// Store adds the chase's records to the corpus st in run as one source
// named path (its content, and so its key, is records.jsonl's), unless
// the corpus holds it already, then resolves the corpus (store.Resolve).
func (r *Result) Store(ctx context.Context, st *store.Store, run int64, path string) error {
	var buf bytes.Buffer
	if err := r.WriteRecords(&buf); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	hash := hex.EncodeToString(sum[:])
	if _, ok, err := st.Has(ctx, hash); err != nil {
		return err
	} else if !ok {
		w, err := st.BeginSource(ctx, run, store.Source{Path: path, SHA256: hash, Size: int64(buf.Len()), Format: "chase"})
		if err != nil {
			return err
		}
		defer w.Rollback()
		for _, rec := range r.Records {
			if err := w.Add(ctx, rec); err != nil {
				return err
			}
		}
		if err := w.Commit(ctx); err != nil {
			return err
		}
	}
	_, _, err := st.Resolve(ctx, run, graph.BuildOptions{})
	return err
}
