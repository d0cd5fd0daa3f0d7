package repository

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// A read that times out waiting for a pooled connection, while every connection is in
// use, says so: the database may be fine; the pool is the limit.
func TestBusyPool(t *testing.T) {
	fixture := repotest.NewDatabase(t)
	fixture.LoadFixture(t)
	db, err := Open(Config{DSN: fixture.ReadOnlyDSN(t), TablePrefix: "wp_", QueryTimeout: 300 * time.Millisecond, MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.CountDays(ctx, DateRange{}); err != nil {
		t.Fatal(err)
	}
	held, err := db.db.primary.Conn(ctx) // the only connection
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.CountDays(ctx, DateRange{})
	if !errors.Is(err, ErrBusy) || !errors.Is(err, ErrUnavailable) {
		t.Errorf("waiting on a full pool: %v", err)
	}
	held.Close()
	if _, err := db.CountDays(ctx, DateRange{}); err != nil {
		t.Errorf("after the connection came back: %v", err)
	}
}
