package sidecar

import "database/sql"

// DBStats reports the database pool's state (open, in use, waits), for the tests to
// see that failures give their connections back.
func (m *Main) DBStats() sql.DBStats { return m.db.Stats() }
