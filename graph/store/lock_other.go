//go:build !unix

package store

import "context"

// lockCorpus does nothing where flock(2) is missing: concurrent writers
// are serialised per transaction by SQLite only.
func lockCorpus(context.Context, string) (func(), error) { return func() {}, nil }
