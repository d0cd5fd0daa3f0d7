package sidecar_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// Settings that do not fit the database do not stop start-up (the operator may fix the
// database rather than the sidecar), but one log line at start names the setting to
// check, and the routes answer the configuration error's code. An outage names none.
func TestStartupNamesMisconfiguredSetting(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	dsn := func(base string, change func(*mysql.Config)) string {
		c, err := mysql.ParseDSN(base)
		if err != nil {
			t.Fatal(err)
		}
		change(c)
		return c.FormatDSN()
	}
	settings := []string{"WORDPRESS_TABLE_PREFIX", "KCHAT_BLOG_ID", "WORDPRESS_DB_USER", "WORDPRESS_DB_PASSWORD", "KCHAT_DB_DSN", "WORDPRESS_DB_NAME"}
	tests := []struct {
		name        string
		mariaDBOnly bool
		dsn         func() string
		prefix      string
		blog        int
		code        string // of /readyz and the data routes
		named       []string
	}{
		{name: "WrongPrefix", dsn: func() string { return db.ReadOnlyDSN(t) }, prefix: "xx_", blog: 1,
			code: "kchat_table_missing", named: []string{"WORDPRESS_TABLE_PREFIX", "KCHAT_BLOG_ID"}},
		{name: "WrongBlogID", dsn: func() string { return db.ReadOnlyDSN(t) }, prefix: "wp_", blog: 4,
			code: "kchat_table_missing", named: []string{"WORDPRESS_TABLE_PREFIX", "KCHAT_BLOG_ID"}},
		{name: "UnknownDatabase", dsn: func() string { return dsn(db.DSN, func(c *mysql.Config) { c.DBName += "_none" }) },
			prefix: "wp_", blog: 1, code: "kchat_db_unknown_database", named: []string{"WORDPRESS_DB_NAME", "KCHAT_DB_DSN"}},
		{name: "WrongPassword", mariaDBOnly: true, dsn: func() string { return dsn(db.ReadOnlyDSN(t), func(c *mysql.Config) { c.Passwd += "-wrong" }) },
			prefix: "wp_", blog: 1, code: "kchat_db_access_denied", named: []string{"WORDPRESS_DB_USER", "WORDPRESS_DB_PASSWORD", "KCHAT_DB_DSN"}},
		{name: "DatabaseDown", dsn: func() string { return "root@tcp(127.0.0.1:1)/none" }, prefix: "wp_", blog: 1,
			code: "kchat_db_unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.mariaDBOnly && db.Embedded {
				t.Skip("the embedded engine takes any password; CI runs this test against MariaDB")
			}
			logs := &repotest.Buffer{}
			m := &sidecar.Main{Config: sidecar.Config{
				Listen: "127.0.0.1:0", ShutdownTimeout: 5 * time.Second, LogFormat: "json",
				Repository: repository.Config{DSN: tt.dsn(), TablePrefix: tt.prefix, BlogID: tt.blog, QueryTimeout: 2 * time.Second},
				API:        api.Config{JWTSecret: []byte(fixture.Secret)},
			}, Log: logs}
			if err := m.Run(context.Background()); err != nil {
				t.Fatalf("start-up must not fail on a database that does not fit: %v", err)
			}
			base := "http://" + m.Addr()
			for _, path := range []string{"/readyz", "/wp-json/kchat/v1/interactions/summary"} {
				a := ask(t, base+path, adminToken(t))
				if a.status != http.StatusServiceUnavailable || a.code != tt.code {
					t.Errorf("%s: %d %s, want 503 %s", path, a.status, a.code, tt.code)
				}
			}
			if err := m.Close(); err != nil {
				t.Fatal(err)
			}
			var naming []string
			for _, line := range strings.Split(logs.String(), "\n") {
				if strings.Contains(line, `"msg":"request`) {
					continue // the requests' own lines
				}
				for _, s := range settings {
					if strings.Contains(line, s) {
						naming = append(naming, line)
						break
					}
				}
			}
			if len(tt.named) == 0 {
				if len(naming) != 0 {
					t.Errorf("an outage named a setting to check: %q", naming)
				}
				return
			}
			if len(naming) != 1 {
				t.Fatalf("%d log lines name a setting, want 1: %q\nall logs:\n%s", len(naming), naming, logs.String())
			}
			for _, s := range tt.named {
				if !strings.Contains(naming[0], s) {
					t.Errorf("the line does not name %s: %s", s, naming[0])
				}
			}
		})
	}
}
