package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// Batch runs fn with a context in which every change this store makes (CreateEntry, AddArtifact,
// Align, ...) joins one transaction, committed when fn returns nil and rolled back whole when fn
// fails. Each change still runs as it always does, in a savepoint of its own, so that one that
// fails leaves nothing behind even if fn carries on. It is for many small changes at once, such
// as the sample portfolio: one commit instead of one per change.
//
// Reads (Entry, ListEntries, Search, ...) run on the read connections and see the batch's
// changes only once it has committed. A change made while fn runs with a context that is not
// fn's waits for the batch to end, so fn passes its context on to every change. A Batch inside
// a batch of the same store joins it.
func (s *Store) Batch(ctx context.Context, op string, fn func(ctx context.Context) error) error {
	if s.batchOf(ctx) != nil {
		return fn(ctx)
	}
	return inTx(ctx, s.w, nil, op, func(tx *sql.Tx) error {
		return fn(context.WithValue(ctx, batchKey{}, &batch{s: s, tx: tx}))
	})
}

type batchKey struct{}

// batch is the transaction of a Batch; mu makes changes from several goroutines take turns, as
// the single write connection makes them outside a batch.
type batch struct {
	s  *Store
	tx *sql.Tx
	mu sync.Mutex
}

// batchOf returns the batch of this store that ctx carries, nil if none.
func (s *Store) batchOf(ctx context.Context) *batch {
	if b, ok := ctx.Value(batchKey{}).(*batch); ok && b.s == s {
		return b
	}
	return nil
}

// change runs fn in a savepoint of the batch's transaction: kept when fn succeeds, undone when it
// fails.
func (b *batch) change(ctx context.Context, fn func(tx *sql.Tx) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err := b.tx.ExecContext(ctx, "SAVEPOINT change"); err != nil {
		return err
	}
	if err := fn(b.tx); err != nil {
		_, undo := b.tx.ExecContext(ctx, "ROLLBACK TO change")
		_, release := b.tx.ExecContext(ctx, "RELEASE change")
		if undo != nil || release != nil {
			return errors.Join(err, undo, release)
		}
		return err
	}
	_, err := b.tx.ExecContext(ctx, "RELEASE change")
	return err
}
