package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/citegraph/citegraph/graph"
)

// SchemaVersion is the version of the tables Open creates.
const SchemaVersion = "1"

const schema = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
	id INTEGER PRIMARY KEY,
	started TEXT NOT NULL,
	finished TEXT,
	command TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
	id INTEGER PRIMARY KEY,
	sha256 TEXT NOT NULL UNIQUE,
	path TEXT NOT NULL,
	size INTEGER NOT NULL,
	format TEXT NOT NULL,
	records INTEGER NOT NULL,
	error TEXT NOT NULL,
	run INTEGER NOT NULL REFERENCES runs(id),
	ingested TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sources_path ON sources(path);
CREATE TABLE IF NOT EXISTS records(
	id INTEGER PRIMARY KEY,
	source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	record_id TEXT NOT NULL,
	doi TEXT NOT NULL,
	title TEXT NOT NULL,
	year INTEGER NOT NULL,
	body TEXT NOT NULL,
	database TEXT NOT NULL DEFAULT '',
	export_id TEXT NOT NULL DEFAULT '',
	UNIQUE(source, ord));
CREATE INDEX IF NOT EXISTS records_doi ON records(doi) WHERE doi != '';
CREATE INDEX IF NOT EXISTS records_record_id ON records(record_id);
CREATE TABLE IF NOT EXISTS identifiers(
	record INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	scheme TEXT NOT NULL,
	value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS identifiers_value ON identifiers(scheme, value);
CREATE INDEX IF NOT EXISTS identifiers_record ON identifiers(record);
CREATE TABLE IF NOT EXISTS refs(
	record INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	doi TEXT NOT NULL,
	title TEXT NOT NULL,
	year INTEGER NOT NULL,
	raw TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS refs_record ON refs(record);
CREATE TABLE IF NOT EXISTS statements(
	record INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	about INTEGER NOT NULL,
	text TEXT NOT NULL,
	section TEXT NOT NULL,
	intent TEXT NOT NULL,
	confidence REAL NOT NULL);
CREATE INDEX IF NOT EXISTS statements_record ON statements(record);
CREATE TABLE IF NOT EXISTS builds(
	id INTEGER PRIMARY KEY,
	run INTEGER NOT NULL REFERENCES runs(id),
	built TEXT NOT NULL,
	records INTEGER NOT NULL,
	works INTEGER NOT NULL,
	report TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS works(
	key TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	doi TEXT NOT NULL,
	title TEXT NOT NULL,
	year INTEGER NOT NULL,
	first_author TEXT NOT NULL,
	body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS work_records(
	work TEXT NOT NULL REFERENCES works(key) ON DELETE CASCADE,
	record_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS work_records_work ON work_records(work);
CREATE TABLE IF NOT EXISTS record_works(
	record INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	work TEXT NOT NULL,
	rule TEXT NOT NULL,
	score REAL NOT NULL);
CREATE INDEX IF NOT EXISTS record_works_work ON record_works(work);
CREATE TABLE IF NOT EXISTS edges(
	kind TEXT NOT NULL,
	from_key TEXT NOT NULL,
	to_key TEXT NOT NULL,
	n INTEGER NOT NULL,
	method TEXT NOT NULL,
	body TEXT NOT NULL,
	PRIMARY KEY(kind, from_key, to_key));
CREATE TABLE IF NOT EXISTS links(
	from_key TEXT NOT NULL,
	to_key TEXT NOT NULL,
	method TEXT NOT NULL,
	score REAL NOT NULL,
	raw TEXT NOT NULL,
	source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS links_method ON links(method);
`

// Store is an open corpus. It is safe for use by one goroutine at a time
// per method call; SQLite serialises writers.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens the corpus at path, creating it (and its tables) when it does
// not exist. The database runs in WAL mode with foreign keys on.
func Open(ctx context.Context, path string) (*Store, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; keeps pragmas on the one connection
	s := &Store{db: db, path: path}
	if err := s.init(ctx); err != nil {
		_ = db.Close() // the init error is the one to report
		return nil, err
	}
	return s, nil
}

func (s *Store) init(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("store: %s: creating tables: %w", s.path, err)
	}
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key='schema_version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.db.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES('schema_version', ?)`, SchemaVersion)
		if err != nil {
			return fmt.Errorf("store: %s: %w", s.path, err)
		}
	case err != nil:
		return fmt.Errorf("store: %s: %w", s.path, err)
	case v != SchemaVersion:
		return fmt.Errorf("store: %s has schema version %s; this citegraph reads version %s", s.path, v, SchemaVersion)
	}
	return s.addColumns(ctx)
}

// addedColumns are the columns added to version 1's tables since it was
// first written; a corpus made before gets them (empty) when opened.
var addedColumns = []struct{ table, column, decl string }{
	{"records", "database", `TEXT NOT NULL DEFAULT ''`},  // graph.Source.Database
	{"records", "export_id", `TEXT NOT NULL DEFAULT ''`}, // graph.Source.RecordID
}

func (s *Store) addColumns(ctx context.Context) error {
	for _, c := range addedColumns {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) WHERE name=?`, c.table, c.column).Scan(&n); err != nil {
			return fmt.Errorf("store: %s: %w", s.path, err)
		}
		if n == 0 {
			if _, err := s.db.ExecContext(ctx, `ALTER TABLE `+c.table+` ADD COLUMN `+c.column+` `+c.decl); err != nil {
				return fmt.Errorf("store: %s: adding %s.%s: %w", s.path, c.table, c.column, err)
			}
		}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the database, for queries the package does not offer.
func (s *Store) DB() *sql.DB { return s.db }

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// BeginRun records the start of a run of the given command line and
// returns its ID.
func (s *Store) BeginRun(ctx context.Context, command string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO runs(started, command) VALUES(?, ?)`, now(), command)
	if err != nil {
		return 0, fmt.Errorf("store: recording the run: %w", err)
	}
	return res.LastInsertId()
}

// FinishRun records the end of a run.
func (s *Store) FinishRun(ctx context.Context, run int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished=? WHERE id=?`, now(), run)
	return err
}

// Source describes one input as the store keeps it.
type Source struct {
	Path   string
	SHA256 string // hex
	Size   int64
	Format string // of its records; "" when it gave none
	Err    string // why reading it failed, "" when it did not
}

// Has reports whether a source with this content hash is stored and was
// read completely (whatever its path was then), and under which path. A
// source stored with its error is not held: the next Ingest reads it again.
func (s *Store) Has(ctx context.Context, sha256 string) (path string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT path FROM sources WHERE sha256=? AND error=''`, sha256).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: %w", err)
	}
	return path, true, nil
}

// SourceWriter writes the records of one source inside one transaction:
// Add each record, then Commit; nothing is visible, and nothing of an
// earlier version of the source is removed, until Commit returns.
type SourceWriter struct {
	tx       *sql.Tx
	id       int64
	n        int
	insRec   *sql.Stmt
	insID    *sql.Stmt
	insRef   *sql.Stmt
	insStmt  *sql.Stmt
	src      Source
	finished bool
}

// BeginSource starts writing a source for the given run. A source stored
// earlier under the same path with other content is replaced when the
// writer commits.
func (s *Store) BeginSource(ctx context.Context, run int64, src Source) (*SourceWriter, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	w := &SourceWriter{tx: tx, src: src}
	fail := func(err error) (*SourceWriter, error) {
		_ = tx.Rollback() // the write error is the one to report
		return nil, fmt.Errorf("store: writing %s: %w", src.Path, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE path=? OR sha256=?`, src.Path, src.SHA256); err != nil {
		return fail(err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sources(sha256, path, size, format, records, error, run, ingested) VALUES(?,?,?,?,0,?,?,?)`,
		src.SHA256, src.Path, src.Size, src.Format, src.Err, run, now())
	if err != nil {
		return fail(err)
	}
	if w.id, err = res.LastInsertId(); err != nil {
		return fail(err)
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		q    string
	}{
		{&w.insRec, `INSERT INTO records(source, ord, record_id, doi, title, year, body, database, export_id) VALUES(?,?,?,?,?,?,?,?,?)`},
		{&w.insID, `INSERT INTO identifiers(record, scheme, value) VALUES(?,?,?)`},
		{&w.insRef, `INSERT INTO refs(record, ord, doi, title, year, raw) VALUES(?,?,?,?,?,?)`},
		{&w.insStmt, `INSERT INTO statements(record, ord, about, text, section, intent, confidence) VALUES(?,?,?,?,?,?,?)`},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.q); err != nil {
			return fail(err)
		}
	}
	return w, nil
}

// Add writes one record (normalised by the caller, as scrape's do).
func (w *SourceWriter) Add(ctx context.Context, r graph.Record) error {
	body, err := graph.MarshalRecordJSON(&r)
	if err != nil {
		return err
	}
	res, err := w.insRec.ExecContext(ctx, w.id, w.n, r.ID, r.DOI, r.Title, r.Year, string(body), r.Source.Database, r.Source.RecordID)
	if err != nil {
		return fmt.Errorf("store: writing %s: %w", w.src.Path, err)
	}
	w.n++
	rid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if r.DOI != "" {
		if _, err := w.insID.ExecContext(ctx, rid, "doi", r.DOI); err != nil {
			return err
		}
	}
	for _, scheme := range sortedKeys(r.Identifiers) {
		if _, err := w.insID.ExecContext(ctx, rid, scheme, r.Identifiers[scheme]); err != nil {
			return err
		}
	}
	for i, ref := range r.References {
		if _, err := w.insRef.ExecContext(ctx, rid, i, ref.DOI, ref.Title, ref.Year, ref.Raw); err != nil {
			return err
		}
	}
	for i, st := range r.Statements {
		if _, err := w.insStmt.ExecContext(ctx, rid, i, 0, st.Text, st.Section, st.Intent, st.Confidence); err != nil {
			return err
		}
	}
	for i, st := range r.CitedBy {
		if _, err := w.insStmt.ExecContext(ctx, rid, i, 1, st.Text, st.Section, st.Intent, st.Confidence); err != nil {
			return err
		}
	}
	return nil
}

// SetFormat sets the format the source was read as, known once its first
// record is read.
func (w *SourceWriter) SetFormat(format string) { w.src.Format = format }

// SetErr records why reading the source failed; its records read before
// the failure are kept.
func (w *SourceWriter) SetErr(msg string) { w.src.Err = msg }

// Commit finishes the source: from now on the store holds it with the
// records added.
func (w *SourceWriter) Commit(ctx context.Context) error {
	if w.finished {
		return errors.New("store: source already finished")
	}
	w.finished = true
	if _, err := w.tx.ExecContext(ctx, `UPDATE sources SET records=?, format=?, error=? WHERE id=?`, w.n, w.src.Format, w.src.Err, w.id); err != nil {
		_ = w.tx.Rollback() // the write error is the one to report
		return fmt.Errorf("store: writing %s: %w", w.src.Path, err)
	}
	if err := w.tx.Commit(); err != nil {
		return fmt.Errorf("store: writing %s: %w", w.src.Path, err)
	}
	return nil
}

// Rollback abandons the source; the store stays as it was. It is safe to
// call after Commit.
func (w *SourceWriter) Rollback() {
	if !w.finished {
		w.finished = true
		_ = w.tx.Rollback() // nothing was written; a failed rollback leaves the same state
	}
}

// Records returns every stored record in source path order, each source's
// records in the order read.
func (s *Store) Records(ctx context.Context) ([]graph.Record, error) {
	recs, _, err := s.records(ctx)
	return recs, err
}

// records is Records with the row id of each record.
func (s *Store) records(ctx context.Context) ([]graph.Record, []int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.body FROM records r JOIN sources s ON r.source = s.id ORDER BY s.path, s.sha256, r.ord`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports read errors
	var out []graph.Record
	var ids []int64
	for rows.Next() {
		var body string
		var id int64
		if err := rows.Scan(&id, &body); err != nil {
			return nil, nil, err
		}
		var r graph.Record
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			return nil, nil, fmt.Errorf("store: a stored record does not decode: %w", err)
		}
		out = append(out, r)
		ids = append(ids, id)
	}
	return out, ids, rows.Err()
}

// Stats are the counts a store holds.
type Stats struct {
	Runs, Sources, FailedSources, Records, References, Statements int
	Works, Edges                                                  int // of the last build
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	for _, q := range []struct {
		dst *int
		sql string
	}{
		{&st.Runs, `SELECT count(*) FROM runs`},
		{&st.Sources, `SELECT count(*) FROM sources`},
		{&st.FailedSources, `SELECT count(*) FROM sources WHERE error != ''`},
		{&st.Records, `SELECT count(*) FROM records`},
		{&st.References, `SELECT count(*) FROM refs`},
		{&st.Statements, `SELECT count(*) FROM statements`},
		{&st.Works, `SELECT count(*) FROM works`},
		{&st.Edges, `SELECT count(*) FROM edges`},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return st, fmt.Errorf("store: %w", err)
		}
	}
	return st, nil
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
