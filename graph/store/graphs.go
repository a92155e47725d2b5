package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/citegraph/citegraph/graph"
)

// edgeBody is an edge as stored: its ends by key, with its statements,
// sources and links.
type edgeBody struct {
	Kind       string                `json:"kind"`
	From       string                `json:"from"`
	To         string                `json:"to"`
	N          int                   `json:"n"`
	Method     string                `json:"method"`
	Statements []graph.EdgeStatement `json:"statements,omitempty"`
	Sources    []graph.Source        `json:"sources,omitempty"`
	Links      []graph.Link          `json:"links,omitempty"`
}

// SaveGraph stores a resolved graph as the corpus's current one, replacing
// the previous build, in one transaction: its works (with the records
// merged into each), edges, the link of every reference occurrence, and
// the build's report.
func (s *Store) SaveGraph(ctx context.Context, run int64, g *graph.Graph) error {
	return s.saveGraph(ctx, run, g, nil)
}

// saveGraph is SaveGraph; when g was built from records whose row ids are
// ids (in the order given to Build), it also stores the work, rule and
// score of each (graph.Graph.Assignments) in record_works.
func (s *Store) saveGraph(ctx context.Context, run int64, g *graph.Graph, ids []int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // no-op after Commit
	for _, q := range []string{`DELETE FROM links`, `DELETE FROM edges`, `DELETE FROM record_works`, `DELETE FROM work_records`, `DELETE FROM works`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	insWork, err := tx.PrepareContext(ctx, `INSERT INTO works(key, kind, doi, title, year, first_author, body) VALUES(?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	insWR, err := tx.PrepareContext(ctx, `INSERT INTO work_records(work, record_id) VALUES(?,?)`)
	if err != nil {
		return err
	}
	insEdge, err := tx.PrepareContext(ctx, `INSERT INTO edges(kind, from_key, to_key, n, method, body) VALUES(?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	insLink, err := tx.PrepareContext(ctx, `INSERT INTO links(from_key, to_key, method, score, raw, source) VALUES(?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	for i, w := range g.Works() {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		body, err := json.Marshal(w)
		if err != nil {
			return err
		}
		if _, err := insWork.ExecContext(ctx, w.Key, w.Kind.String(), w.DOI, w.Title, w.Year, w.Surname(), string(body)); err != nil {
			return fmt.Errorf("store: work %s: %w", w.Key, err)
		}
		for _, r := range w.Records {
			if _, err := insWR.ExecContext(ctx, w.Key, r); err != nil {
				return err
			}
		}
	}
	for _, k := range []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related} {
		for _, e := range g.Edges(k) {
			body, err := json.Marshal(edgeBody{k.String(), e.F.Key, e.T.Key, e.N, e.Method, e.Statements, e.Sources, e.Links})
			if err != nil {
				return err
			}
			if _, err := insEdge.ExecContext(ctx, k.String(), e.F.Key, e.T.Key, e.N, e.Method, string(body)); err != nil {
				return fmt.Errorf("store: edge %s %s %s: %w", k, e.F.Key, e.T.Key, err)
			}
			for _, l := range e.Links {
				if _, err := insLink.ExecContext(ctx, e.F.Key, e.T.Key, l.Method, l.Score, l.Raw, l.Source.Path); err != nil {
					return err
				}
			}
		}
	}
	if as := g.Assignments(); len(ids) > 0 && len(as) == len(ids) {
		insRW, err := tx.PrepareContext(ctx, `INSERT INTO record_works(record, work, rule, score) VALUES(?,?,?,?)`)
		if err != nil {
			return err
		}
		for i, a := range as {
			if _, err := insRW.ExecContext(ctx, ids[i], a.Work.Key, a.Rule, a.Score); err != nil {
				return fmt.Errorf("store: %w", err)
			}
		}
	}
	rep, err := json.Marshal(g.Report())
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO builds(run, built, records, works, report) VALUES(?,?,?,?,?)`,
		run, now(), g.Report().Records, g.Len(), string(rep)); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return tx.Commit()
}

// LastReport returns the report of the last build, and false when there
// was none.
func (s *Store) LastReport(ctx context.Context) (graph.Report, bool, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT report FROM builds ORDER BY id DESC LIMIT 1`).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return graph.Report{}, false, nil
	}
	if err != nil {
		return graph.Report{}, false, fmt.Errorf("store: %w", err)
	}
	var r graph.Report
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return r, false, fmt.Errorf("store: %w", err)
	}
	return r, true, nil
}
