package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// Settings that do not fit the database are not an outage: every data route, login and
// /readyz answer 503 with a code saying what to fix, and no Retry-After, since waiting
// fixes nothing. A missing table is named.
func TestMisconfiguration(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	dsn := func(t *testing.T, base string, change func(*mysql.Config)) string {
		t.Helper()
		c, err := mysql.ParseDSN(base)
		if err != nil {
			t.Fatal(err)
		}
		change(c)
		return c.FormatDSN()
	}
	check := func(t *testing.T, e *env, code string, mentions map[string]string) {
		t.Helper()
		answers := map[string]func() *httptest.ResponseRecorder{
			"/readyz": func() *httptest.ResponseRecorder { return e.do(http.MethodGet, "/readyz", "") },
			"login": func() *httptest.ResponseRecorder {
				return e.post(tokenPath, "application/json", `{"username":"admin","password":"admin-pass-123"}`)
			},
		}
		for _, p := range []string{summaryPath, rowsPath, exportPath, "/wp-json/kchat/v1/conversations/summary",
			"/wp-json/kchat/v1/tokens/summary", "/wp-json/kchat/v1/conversations/export", "/wp-json/kchat/v1/tokens/export"} {
			answers[p] = func() *httptest.ResponseRecorder { return e.get(p) }
		}
		for what, ask := range answers {
			rec := ask()
			got := wantWPError(t, rec, http.StatusServiceUnavailable, code)
			if ra := rec.Header().Get("Retry-After"); ra != "" {
				t.Errorf("%s: Retry-After %q on a configuration error", what, ra)
			}
			if m := mentions[what]; !strings.Contains(got.Message, m) {
				t.Errorf("%s: message %q should name %q", what, got.Message, m)
			}
		}
	}

	t.Run("WrongPrefix", func(t *testing.T) {
		e := newEnvOn(t, db, "xx_")
		// A token's issuer is checked against the home option first; login looks the user
		// up first; readiness looks for the plugin's table.
		check(t, e, "kchat_table_missing", map[string]string{
			"/readyz": "xx_chatbot_chatgpt_interactions", "login": "xx_users", summaryPath: "xx_options", exportPath: "xx_options",
		})
	})
	t.Run("UnknownDatabase", func(t *testing.T) {
		// As root: MariaDB tells a user without rights on a database only "access
		// denied", whether it exists or not.
		e := newEnvDSN(t, db, dsn(t, db.DSN, func(c *mysql.Config) { c.DBName += "_none" }), "wp_")
		check(t, e, "kchat_db_unknown_database", nil)
	})
	t.Run("WrongPassword", func(t *testing.T) {
		if db.Embedded {
			t.Skip("the embedded engine takes any password; CI runs this test against MariaDB")
		}
		e := newEnvDSN(t, db, dsn(t, db.ReadOnlyDSN(t), func(c *mysql.Config) { c.Passwd += "-wrong" }), "wp_")
		check(t, e, "kchat_db_access_denied", nil)
	})
}
