package loadkit_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// The seed grows a log in steps to exactly the rows asked for, a quarter of them token
// rows, inside the two years before the fixture's last day.
func TestSeedLogSQL(t *testing.T) {
	db := repotest.NewDatabase(t)
	if db.Embedded {
		t.Skip("the seed uses MariaDB's SEQUENCE engine, which the embedded engine lacks; CI runs this test against MariaDB")
	}
	db.LoadFixture(t)
	conn, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := context.Background()
	name := db.Name
	if _, err := conn.ExecContext(ctx, "TRUNCATE TABLE `"+loadkit.LogTable+"`"); err != nil {
		t.Fatal(err)
	}
	for _, step := range [][2]int{{1, 1000}, {1001, 2400}} {
		if _, err := conn.ExecContext(ctx, loadkit.SeedLogSQL(name, step[0], step[1], 2400)); err != nil {
			t.Fatal(err)
		}
	}
	var rows, tokens, sessions int
	var first, last string
	err = conn.QueryRowContext(ctx, "SELECT COUNT(*), SUM(user_type LIKE '%Tokens'), COUNT(DISTINCT session_id),"+
		" DATE_FORMAT(MIN(interaction_time), '%Y-%m-%d'), DATE_FORMAT(MAX(interaction_time), '%Y-%m-%d') FROM `"+loadkit.LogTable+"`").
		Scan(&rows, &tokens, &sessions, &first, &last)
	if err != nil {
		t.Fatal(err)
	}
	if rows != 2400 || tokens != 600 || sessions != 201 || first < "2024-11-25" || last != "2026-11-25" {
		t.Errorf("%d rows, %d token rows, %d sessions, %s to %s", rows, tokens, sessions, first, last)
	}
}
