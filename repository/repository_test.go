package repository_test

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// openFixture loads the WordPress 6.1 fixture into a fresh database and opens it
// through a user that may only SELECT, as the sidecar runs in production.
func openFixture(t *testing.T) (*repository.DB, *repotest.Database) {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	return open(t, db.ReadOnlyDSN(t), "wp_", 1), db
}

func open(t *testing.T, dsn, prefix string, blog int) *repository.DB {
	t.Helper()
	repo, err := repository.Open(repository.Config{DSN: dsn, TablePrefix: prefix, BlogID: blog, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	return repo
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestSiteSettings(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	s, err := repo.SiteSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := repository.SiteSettings{Home: "http://127.0.0.1:8088", SiteURL: "http://127.0.0.1:8088", BlogName: "Acceptance Site",
		TimezoneString: "Europe/Berlin", GMTOffset: "0", StartOfWeek: 1, ReportingPeriod: "Daily"}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}

	db.Exec(t, "UPDATE wp_options SET option_value = '9' WHERE option_name = 'start_of_week'")
	db.Exec(t, "DELETE FROM wp_options WHERE option_name = 'chatbot_chatgpt_reporting_period'")
	s, err = repo.SiteSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.StartOfWeek != 1 || s.ReportingPeriod != "" {
		t.Errorf("out-of-range start_of_week and missing period: got %+v", s)
	}
}

func TestUsers(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	tests := []struct {
		id          uint64
		login, name string
		admin       bool
		hashPrefix  string
	}{
		{1, "admin", "admin", true, "$P$B"},
		{2, "editor1", "editor1", false, "$P$B"},
		{3, "admin68", "Ädmin Sixty-Eight", true, "$wp$2y$10$"},
	}
	for _, tt := range tests {
		u, err := repo.UserByID(ctx, tt.id)
		if err != nil {
			t.Fatalf("user %d: %v", tt.id, err)
		}
		if u.Login != tt.login || u.DisplayName != tt.name || u.Can("manage_options") != tt.admin ||
			!strings.HasPrefix(u.PasswordHash, tt.hashPrefix) || u.SuperAdmin {
			t.Errorf("user %d: got %+v", tt.id, u)
		}
	}
	if u, _ := repo.UserByID(ctx, 2); !u.Can("edit_others_posts") || u.Can("activate_plugins") {
		t.Errorf("editor's capabilities are not the editor role's: %v", u.Capabilities)
	}
	if _, err := repo.UserByID(ctx, 99); !errors.Is(err, repository.ErrNotFound) {
		t.Errorf("missing user: got %v", err)
	}

	// A duplicated capabilities row: WordPress reads the first one.
	db.Exec(t, `INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (2, 'wp_capabilities', 'a:1:{s:13:"administrator";b:1;}')`)
	if u, _ := repo.UserByID(ctx, 2); u.Can("manage_options") {
		t.Errorf("the second capabilities row was used")
	}
	// Garbage in the meta: no capabilities, no error.
	db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:13:"administrator";b:1;' WHERE user_id = 1 AND meta_key = 'wp_capabilities'`)
	u, err := repo.UserByID(ctx, 1)
	if err != nil || u.Can("manage_options") || !u.CapabilitiesMalformed {
		t.Errorf("malformed meta: %+v, %v", u, err)
	}
	// A user with no capabilities row at all.
	db.Exec(t, `DELETE FROM wp_usermeta WHERE user_id = 3`)
	if u, err := repo.UserByID(ctx, 3); err != nil || u.Can("read") || u.CapabilitiesMalformed {
		t.Errorf("no meta: %+v, %v", u, err)
	}
}

func TestUserByLoginAndApplicationPasswords(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	for _, login := range []string{"admin68", "ADMIN68", "a68@example.test"} {
		u, err := repo.UserByLogin(ctx, login)
		if err != nil || u.ID != 3 || !u.Can("manage_options") {
			t.Errorf("UserByLogin(%q) = %+v, %v", login, u, err)
		}
	}
	for _, login := range []string{"nobody", "nobody@example.test", ""} {
		if _, err := repo.UserByLogin(ctx, login); !errors.Is(err, repository.ErrNotFound) {
			t.Errorf("UserByLogin(%q): got %v, want ErrNotFound", login, err)
		}
	}
	if hashes, err := repo.ApplicationPasswords(ctx, 1); err != nil || len(hashes) != 0 {
		t.Errorf("no application passwords: %v %v", hashes, err)
	}
	// The third item has no uuid, so it could not be revoked alone: it does not count.
	db.Exec(t, `INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', ?)`,
		`a:3:{i:0;a:3:{s:4:"uuid";s:2:"u1";s:4:"name";s:1:"a";s:8:"password";s:7:"$hash1$";}`+
			`i:1;a:3:{s:4:"uuid";s:2:"u2";s:4:"name";s:1:"b";s:8:"password";s:7:"$hash2$";}`+
			`i:2;a:2:{s:4:"name";s:1:"c";s:8:"password";s:7:"$hash3$";}}`)
	passwords, err := repo.ApplicationPasswords(ctx, 1)
	want := []repository.ApplicationPassword{{UUID: "u1", Hash: "$hash1$"}, {UUID: "u2", Hash: "$hash2$"}}
	if err != nil || !slices.Equal(passwords, want) {
		t.Errorf("application passwords: %v %v, want %v", passwords, err, want)
	}
	db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{' WHERE meta_key = '_application_passwords'`)
	if hashes, err := repo.ApplicationPasswords(ctx, 1); err != nil || len(hashes) != 0 {
		t.Errorf("malformed meta: %v %v", hashes, err)
	}
}

// The most common hash format of the site's users: formats are told apart by kind and
// cost, not by salt.
func TestCommonPasswordHash(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	common := func() string {
		t.Helper()
		h, err := repo.CommonPasswordHash(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if h := common(); !strings.HasPrefix(h, "$P$B") { // two phpass users, one 6.8 bcrypt
		t.Errorf("fixture: %q", h)
	}
	bcrypt10 := "$wp$2y$10$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW"
	for i, h := range []string{
		bcrypt10, "$wp$2y$10$Dd2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW",
		"$wp$2y$12$Ee2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW", "", "",
		"0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210",
	} {
		db.Exec(t, `INSERT INTO wp_users (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
			VALUES (?, ?, '', '', '', '2026-11-25 00:00:00', '', 0, '')`, "u"+strconv.Itoa(i), h)
	}
	// Three $wp cost 10 (the fixture's and two more), two phpass, two MD5, one cost 12, two empty.
	if h := common(); !strings.HasPrefix(h, "$wp$2y$10$") {
		t.Errorf("got %q, want a $wp$2y$10$ hash", h)
	}
	db.Exec(t, "UPDATE wp_users SET user_pass = ''")
	if h := common(); h != "" {
		t.Errorf("no passwords: %q", h)
	}
}

// Site 2 of a multisite reads wp_2_ tables and wp_2_capabilities; network super admins
// (site_admins, by login) may do everything on every site.
func TestMultisite(t *testing.T) {
	_, db := openFixture(t)
	db.Exec(t, "CREATE TABLE wp_2_options LIKE wp_options")
	db.Exec(t, "INSERT INTO wp_2_options SELECT * FROM wp_options")
	db.Exec(t, "UPDATE wp_2_options SET option_name = 'wp_2_user_roles' WHERE option_name = 'wp_user_roles'")
	db.Exec(t, "UPDATE wp_2_options SET option_value = 'http://127.0.0.1:8088/two' WHERE option_name = 'home'")
	db.Exec(t, "CREATE TABLE wp_2_chatbot_chatgpt_interactions (`date` date NOT NULL PRIMARY KEY, `count` int DEFAULT NULL)")
	db.Exec(t, "INSERT INTO wp_2_chatbot_chatgpt_interactions VALUES ('2026-01-01', 5), ('2026-01-02', 7)")
	// editor1 is an administrator of site 2 only.
	db.Exec(t, `INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (2, 'wp_2_capabilities', 'a:1:{s:13:"administrator";b:1;}')`)
	createNetworkTables(t, db)
	db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (1, '127.0.0.1', '/')")
	db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (1, 1, '127.0.0.1', '/'), (2, 1, '127.0.0.1', '/two/')")
	db.Exec(t, `INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (1, 'site_admins', 'a:1:{i:0;s:7:"admin68";}')`)

	ctx := context.Background()
	two := open(t, db.ReadOnlyDSN(t), "wp_", 2)
	if err := two.CheckReady(ctx); err != nil {
		t.Fatalf("site 2 ready: %v", err)
	}
	s, err := two.SiteSettings(ctx)
	if err != nil || s.Home != "http://127.0.0.1:8088/two" {
		t.Errorf("site 2 home: %q, %v", s.Home, err)
	}
	days, err := two.DailyCounts(ctx, repository.DateRange{})
	if err != nil || len(days) != 2 || days[1].Count.Int64 != 7 {
		t.Errorf("site 2 interactions: %+v, %v", days, err)
	}
	for _, c := range []struct {
		id    uint64
		admin bool
		super bool
	}{{1, false, false}, {2, true, false}, {3, true, true}} {
		u, err := two.UserByID(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if u.Can("manage_options") != c.admin || u.SuperAdmin != c.super {
			t.Errorf("site 2, user %d: can=%v super=%v, want %v %v", c.id, u.Can("manage_options"), u.SuperAdmin, c.admin, c.super)
		}
	}
	// On site 1, editor1 is still only an editor; admin68 is both admin and super admin.
	one := open(t, db.ReadOnlyDSN(t), "wp_", 1)
	if u, _ := one.UserByID(ctx, 2); u.Can("manage_options") {
		t.Errorf("site 2's role leaked into site 1")
	}
}

// createNetworkTables makes the tables a multisite adds, as WordPress defines them (the
// columns the sidecar reads, at least).
func createNetworkTables(t *testing.T, db *repotest.Database) {
	t.Helper()
	db.Exec(t, "CREATE TABLE wp_site (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, domain varchar(200) NOT NULL DEFAULT '', path varchar(100) NOT NULL DEFAULT '')")
	db.Exec(t, "CREATE TABLE wp_blogs (blog_id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, site_id bigint NOT NULL DEFAULT 0, domain varchar(200) NOT NULL DEFAULT '', path varchar(100) NOT NULL DEFAULT '')")
	db.Exec(t, "CREATE TABLE wp_sitemeta (meta_id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, site_id bigint unsigned NOT NULL DEFAULT 0, meta_key varchar(255), meta_value longtext)")
}

// site_admins counts only on a multisite, and only the list of the network the site
// belongs to: a single site's leftover sitemeta, another network's list and a site
// the network does not list grant nothing.
func TestSuperAdminsOfThisNetworkOnly(t *testing.T) {
	ctx := context.Background()
	superAdmin := func(t *testing.T, repo *repository.DB, id uint64) bool {
		t.Helper()
		u, err := repo.UserByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return u.SuperAdmin
	}
	const editor1 = `a:1:{i:0;s:7:"editor1";}`

	t.Run("SingleSiteLeftoverSitemeta", func(t *testing.T) {
		_, db := openFixture(t)
		db.Exec(t, "CREATE TABLE wp_sitemeta (meta_id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, site_id bigint unsigned NOT NULL DEFAULT 0, meta_key varchar(255), meta_value longtext)")
		db.Exec(t, `INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (1, 'site_admins', ?)`, editor1)
		repo := open(t, db.ReadOnlyDSN(t), "wp_", 1)
		if superAdmin(t, repo, 2) {
			t.Errorf("a single site's leftover site_admins made editor1 a super admin")
		}
		if u, _ := repo.UserByID(ctx, 2); u.Can("manage_options") {
			t.Errorf("editor1 may manage options on a single site")
		}
	})

	t.Run("AnotherNetwork", func(t *testing.T) {
		_, db := openFixture(t)
		createNetworkTables(t, db)
		db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (1, 'one.test', '/'), (2, 'two.test', '/')")
		db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (1, 1, 'one.test', '/'), (2, 2, 'two.test', '/')")
		// Network 2's list comes first in the table.
		db.Exec(t, `INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (2, 'site_admins', 'a:1:{i:0;s:7:"admin68";}')`)
		db.Exec(t, `INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (1, 'site_admins', ?)`, editor1)
		db.Exec(t, "CREATE TABLE wp_2_options LIKE wp_options")
		db.Exec(t, "INSERT INTO wp_2_options SELECT * FROM wp_options")
		db.Exec(t, "UPDATE wp_2_options SET option_name = 'wp_2_user_roles' WHERE option_name = 'wp_user_roles'")

		// (admin68 administers site 1 anyway, and editor1 nothing on site 2.)
		if !superAdmin(t, open(t, db.ReadOnlyDSN(t), "wp_", 1), 2) {
			t.Errorf("network 1's super admin editor1 is not one on network 1's site")
		}
		two := open(t, db.ReadOnlyDSN(t), "wp_", 2)
		if superAdmin(t, two, 2) || !superAdmin(t, two, 3) {
			t.Errorf("on network 2's site: editor1 super %v, admin68 super %v; want false, true", superAdmin(t, two, 2), superAdmin(t, two, 3))
		}
	})

	t.Run("SiteNotInTheNetwork", func(t *testing.T) {
		_, db := openFixture(t)
		createNetworkTables(t, db)
		db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (1, 'one.test', '/')")
		db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (2, 1, 'one.test', '/two/')")
		db.Exec(t, `INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (1, 'site_admins', ?)`, editor1)
		if superAdmin(t, open(t, db.ReadOnlyDSN(t), "wp_", 1), 2) {
			t.Errorf("site 1, which wp_blogs does not list, took network 1's super admins")
		}
	})
}

func TestInteractions(t *testing.T) {
	repo, _ := openFixture(t)
	ctx := context.Background()

	all, err := repo.DailyCounts(ctx, repository.DateRange{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := repo.CountDays(ctx, repository.DateRange{})
	if err != nil || n != len(all) || n < 600 {
		t.Fatalf("CountDays %d (%v), DailyCounts %d", n, err, len(all))
	}
	for i := 1; i < len(all); i++ {
		if !all[i-1].Date.Before(all[i].Date) {
			t.Fatalf("not ascending at %d", i)
		}
	}
	if all[0].Date.Location() != time.UTC || all[0].Date.Hour() != 0 {
		t.Errorf("dates must be UTC midnight: %v", all[0].Date)
	}

	week := repository.DateRange{Start: date("2026-11-18"), End: date("2026-11-24")}
	days, err := repo.DailyCounts(ctx, week)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range days {
		got = append(got, d.Date.Format("01-02")+"="+strconv.FormatInt(d.Count.Int64, 10))
	}
	if g, w := strings.Join(got, " "), "11-18=85 11-19=42 11-20=0 11-21=16 11-22=70 11-23=64 11-24=118"; g != w {
		t.Errorf("week: got %s, want %s", g, w)
	}
	if n, _ := repo.CountDays(ctx, week); n != 7 {
		t.Errorf("CountDays(week) = %d", n)
	}
	page, err := repo.ListDays(ctx, week, true, 3, 2)
	if err != nil || len(page) != 3 || page[0].Date.Format(time.DateOnly) != "2026-11-22" || page[2].Date.Format(time.DateOnly) != "2026-11-20" {
		t.Errorf("ListDays desc offset 2: %+v, %v", page, err)
	}
	openEnded := repository.DateRange{Start: date("2026-11-23")}
	page, _ = repo.ListDays(ctx, openEnded, false, 10, 0)
	if len(page) != 2 {
		t.Errorf("open-ended range: %d rows", len(page))
	}

	var streamed int
	var last time.Time
	err = repo.EachDay(ctx, repository.DateRange{}, func(d repository.DayCount) error {
		if !d.Date.After(last) {
			t.Fatalf("EachDay not ascending at %v", d.Date)
		}
		last = d.Date
		streamed++
		return nil
	})
	if err != nil || streamed != len(all) {
		t.Errorf("EachDay streamed %d of %d: %v", streamed, len(all), err)
	}
	stop := errors.New("stop")
	streamed = 0
	err = repo.EachDay(ctx, repository.DateRange{}, func(repository.DayCount) error {
		streamed++
		if streamed == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || streamed != 3 {
		t.Errorf("EachDay should stop at the callback's error: %v after %d", err, streamed)
	}
}

func TestReadiness(t *testing.T) {
	repo, _ := openFixture(t)
	if err := repo.CheckReady(context.Background()); err != nil {
		t.Errorf("fixture: %v", err)
	}
	empty := repotest.NewDatabase(t)
	if err := open(t, empty.DSN, "wp_", 1).CheckReady(context.Background()); !errors.Is(err, repository.ErrTableMissing) {
		t.Errorf("empty database: got %v, want ErrTableMissing", err)
	}
	down := open(t, "root@tcp(127.0.0.1:1)/none?timeout=1s", "wp_", 1)
	if err := down.CheckReady(context.Background()); !errors.Is(err, repository.ErrUnavailable) {
		t.Errorf("nothing listening: got %v, want ErrUnavailable", err)
	}
	if _, err := down.SiteSettings(context.Background()); !errors.Is(err, repository.ErrUnavailable) {
		t.Errorf("nothing listening: got %v, want ErrUnavailable", err)
	}
}

func TestOpenRejectsBadPrefix(t *testing.T) {
	for _, p := range []string{"wp-", "wp_`; DROP TABLE x; --", "wp prefix", "ü_"} {
		if _, err := repository.Open(repository.Config{DSN: "root@tcp(127.0.0.1:3306)/x", TablePrefix: p}); err == nil {
			t.Errorf("prefix %q accepted", p)
		}
	}
}

// EachLogEntry gives every row in the id range, reduced exactly: the day as the
// database reads the DATETIME, the session, the kind, and a token row's number only when
// its text is a plain whole number. LogBounds brackets the ids.
func TestEachLogEntry(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, message_text) VALUES"+
		" ('sx', '0', '2', '2026-11-09 10:00:00', 'Total Tokens', 'n/a'), ('sx', '0', '2', '2026-11-09 10:00:01', 'Prompt Tokens', '0012'),"+
		" ('sx', '0', '2', '2026-11-09 10:00:02', 'Prompt Tokens', '9223372036854775808'), ('sy', '0', '2', '2026-11-10 00:00:00', 'Completion Tokens', '9223372036854775807')")

	conn, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	type entry struct {
		day, session string
		kind         repository.LogKind
		tokens       int64
		numeric      bool
	}
	kinds := map[string]repository.LogKind{"Visitor": repository.KindVisitor, "Chatbot": repository.KindChatbot,
		"Prompt Tokens": repository.KindPromptTokens, "Completion Tokens": repository.KindCompletionTokens, "Total Tokens": repository.KindTotalTokens}
	rows, err := conn.Query("SELECT id, interaction_time, session_id, user_type, message_text FROM wp_chatbot_chatgpt_conversation_log ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]entry{}
	var minID, maxID int64
	for rows.Next() {
		var id int64
		var at time.Time
		var session, kind, text string
		if err := rows.Scan(&id, &at, &session, &kind, &text); err != nil {
			t.Fatal(err)
		}
		if minID == 0 {
			minID = id
		}
		maxID = id
		w := entry{day: at.Format(time.DateOnly), session: session, kind: kinds[kind]}
		if w.kind >= repository.KindPromptTokens {
			n, err := strconv.ParseUint(text, 10, 63)
			w.numeric = err == nil && strconv.FormatUint(n, 10) == text
			if w.numeric {
				w.tokens = int64(n)
			}
		}
		want[id] = w
	}
	rows.Close()

	lo, hi, err := repo.LogBounds(ctx)
	if err != nil || lo != minID || hi != maxID {
		t.Fatalf("bounds %d..%d (%v), want %d..%d", lo, hi, err, minID, maxID)
	}
	var got []entry
	err = repo.EachLogEntry(ctx, 0, hi, func(e *repository.LogEntry) error {
		got = append(got, entry{e.Day, string(e.Session), e.Kind, e.Tokens, e.Numeric})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	counted := map[entry]int{}
	for _, w := range want {
		counted[w]++
	}
	for _, g := range got {
		counted[g]--
	}
	for e, n := range counted {
		if n != 0 {
			t.Errorf("entry %+v: %+d", e, n)
		}
	}
	last := want[maxID]
	if last.tokens != 9223372036854775807 || !last.numeric || want[maxID-1].numeric || want[maxID-2].numeric || want[maxID-3].numeric {
		t.Errorf("the inserted token rows were not read as expected: %+v", []entry{want[maxID-3], want[maxID-2], want[maxID-1], last})
	}

	// An id range reads only its rows.
	var n int
	err = repo.EachLogEntry(ctx, maxID-2, maxID-1, func(e *repository.LogEntry) error {
		n++
		if e.Tokens != 0 || e.Numeric || e.Kind != repository.KindPromptTokens {
			t.Errorf("row %d: %+v", maxID-1, e)
		}
		return nil
	})
	if err != nil || n != 1 {
		t.Errorf("range (%d, %d]: %d rows, %v", maxID-2, maxID-1, n, err)
	}

	empty := repotest.NewDatabase(t)
	empty.Exec(t, "CREATE TABLE wp_chatbot_chatgpt_conversation_log (id mediumint(9) NOT NULL AUTO_INCREMENT PRIMARY KEY, session_id varchar(255) NOT NULL)")
	erepo, err := repository.Open(repository.Config{DSN: empty.DSN, TablePrefix: "wp_", QueryTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer erepo.Close()
	if lo, hi, err := erepo.LogBounds(ctx); lo != 0 || hi != 0 || err != nil {
		t.Errorf("empty log bounds %d..%d %v", lo, hi, err)
	}
}

// With a replica, reads go to it while it answers; when it does not, the primary
// answers at once, and the replica is tried again later.
func TestReplica(t *testing.T) {
	primary := repotest.NewDatabase(t)
	primary.LoadFixture(t)
	replica := repotest.NewDatabase(t)
	replica.LoadFixture(t)
	// Tell them apart: the replica lags one day behind.
	replica.Exec(t, "DELETE FROM wp_chatbot_chatgpt_interactions WHERE date = (SELECT d FROM (SELECT MAX(date) AS d FROM wp_chatbot_chatgpt_interactions) AS last)")
	ctx := context.Background()
	count := func(repo *repository.DB) int {
		t.Helper()
		n, err := repo.CountDays(ctx, repository.DateRange{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	onPrimary := count(open(t, primary.ReadOnlyDSN(t), "wp_", 1))
	onReplica := count(open(t, replica.ReadOnlyDSN(t), "wp_", 1))
	if onPrimary != onReplica+1 {
		t.Fatalf("fixture days: primary %d, replica %d", onPrimary, onReplica)
	}

	both, err := repository.Open(repository.Config{DSN: primary.ReadOnlyDSN(t), ReplicaDSN: replica.ReadOnlyDSN(t), TablePrefix: "wp_", QueryTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer both.Close()
	if got := count(both); got != onReplica {
		t.Errorf("with a replica that answers: %d days, want the replica's %d", got, onReplica)
	}
	var streamed int
	if err := both.EachDay(ctx, repository.DateRange{}, func(repository.DayCount) error { streamed++; return nil }); err != nil || streamed != onReplica {
		t.Errorf("streamed from the replica: %d rows, %v", streamed, err)
	}

	// A replica nobody listens on: the primary answers every kind of read, without delay.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadAddr := ln.Addr().String()
	ln.Close()
	dead, err := mysql.ParseDSN(replica.ReadOnlyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	dead.Net, dead.Addr = "tcp", deadAddr
	fallback, err := repository.Open(repository.Config{DSN: primary.ReadOnlyDSN(t), ReplicaDSN: dead.FormatDSN(), TablePrefix: "wp_", QueryTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer fallback.Close()
	start := time.Now()
	if got := count(fallback); got != onPrimary {
		t.Errorf("replica down: %d days, want the primary's %d", got, onPrimary)
	}
	if err := fallback.CheckReady(ctx); err != nil {
		t.Errorf("replica down, primary up: not ready: %v", err)
	}
	streamed = 0
	if err := fallback.EachDay(ctx, repository.DateRange{}, func(repository.DayCount) error { streamed++; return nil }); err != nil || streamed != onPrimary {
		t.Errorf("streamed with the replica down: %d rows, %v", streamed, err)
	}
	if _, err := fallback.UserByID(ctx, 1); err != nil {
		t.Errorf("user lookup with the replica down: %v", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("falling back took %v", took)
	}

	// A replica that answers for another database (here: one it does not have) cannot
	// serve the site either; the primary does.
	wrong, err := mysql.ParseDSN(replica.DSN)
	if err != nil {
		t.Fatal(err)
	}
	wrong.DBName += "_none"
	misfit, err := repository.Open(repository.Config{DSN: primary.ReadOnlyDSN(t), ReplicaDSN: wrong.FormatDSN(), TablePrefix: "wp_", QueryTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer misfit.Close()
	if got := count(misfit); got != onPrimary {
		t.Errorf("replica without the database: %d days, want the primary's %d", got, onPrimary)
	}
}

// A database that answers, but not for the site the settings describe, is a
// configuration error and never ErrUnavailable: retrying cannot help. A wrong table
// prefix or blog id names the missing table; a database that does not exist and a user
// the server refuses have errors of their own.
func TestMisconfiguration(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	ctx := context.Background()
	wantMissing := func(t *testing.T, what string, err error, table string) {
		t.Helper()
		var missing *repository.TableMissingError
		if !errors.As(err, &missing) || !errors.Is(err, repository.ErrTableMissing) || errors.Is(err, repository.ErrUnavailable) {
			t.Errorf("%s: got %v, want a TableMissingError", what, err)
			return
		}
		if missing.Table != table {
			t.Errorf("%s: missing table %q, want %q (%v)", what, missing.Table, table, err)
		}
	}
	want := func(t *testing.T, what string, err, sentinel error) {
		t.Helper()
		if !errors.Is(err, sentinel) || errors.Is(err, repository.ErrUnavailable) {
			t.Errorf("%s: got %v, want %v and not ErrUnavailable", what, err, sentinel)
		}
	}

	t.Run("WrongPrefix", func(t *testing.T) {
		repo := open(t, db.ReadOnlyDSN(t), "xx_", 1)
		wantMissing(t, "CheckReady", repo.CheckReady(ctx), "xx_chatbot_chatgpt_interactions")
		_, err := repo.SiteSettings(ctx)
		wantMissing(t, "SiteSettings", err, "xx_options")
		_, err = repo.DailyCounts(ctx, repository.DateRange{})
		wantMissing(t, "DailyCounts", err, "xx_chatbot_chatgpt_interactions")
		_, err = repo.UserByLogin(ctx, "admin")
		wantMissing(t, "UserByLogin", err, "xx_users")
		_, _, err = repo.LogBounds(ctx)
		wantMissing(t, "LogBounds", err, "xx_chatbot_chatgpt_conversation_log")
	})
	t.Run("WrongBlogID", func(t *testing.T) {
		repo := open(t, db.ReadOnlyDSN(t), "wp_", 7)
		wantMissing(t, "CheckReady", repo.CheckReady(ctx), "wp_7_chatbot_chatgpt_interactions")
		_, err := repo.SiteSettings(ctx)
		wantMissing(t, "SiteSettings", err, "wp_7_options")
	})
	t.Run("UnknownDatabase", func(t *testing.T) {
		c, err := mysql.ParseDSN(db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		c.DBName = db.Name + "_none"
		repo := open(t, c.FormatDSN(), "wp_", 1)
		want(t, "CheckReady", repo.CheckReady(ctx), repository.ErrUnknownDatabase)
		_, err = repo.SiteSettings(ctx)
		want(t, "SiteSettings", err, repository.ErrUnknownDatabase)
	})
	t.Run("WrongPassword", func(t *testing.T) {
		if db.Embedded {
			t.Skip("the embedded engine takes any password; CI runs this test against MariaDB")
		}
		c, err := mysql.ParseDSN(db.ReadOnlyDSN(t))
		if err != nil {
			t.Fatal(err)
		}
		c.Passwd += "-wrong"
		repo := open(t, c.FormatDSN(), "wp_", 1)
		want(t, "CheckReady", repo.CheckReady(ctx), repository.ErrAccessDenied)
		_, err = repo.DailyCounts(ctx, repository.DateRange{})
		want(t, "DailyCounts", err, repository.ErrAccessDenied)
	})
	t.Run("NotGranted", func(t *testing.T) {
		if db.Embedded {
			t.Skip("the embedded engine has no privileges to withhold; CI runs this test against MariaDB")
		}
		// A user granted one table only (error 1142 on the others), and one granted no
		// database at all (error 1044 as it connects).
		dsn := userGranted(t, db, "GRANT SELECT ON `"+db.Name+"`.`wp_options` TO %s")
		_, err := open(t, dsn, "wp_", 1).DailyCounts(ctx, repository.DateRange{})
		want(t, "one table granted", err, repository.ErrAccessDenied)
		dsn = userGranted(t, db, "")
		want(t, "nothing granted", open(t, dsn, "wp_", 1).CheckReady(ctx), repository.ErrAccessDenied)
	})
}

// userGranted creates a user on db's server with the grant (its %s is the user) and
// returns a DSN of db for it; the user is dropped after the test.
func userGranted(t *testing.T, db *repotest.Database, grant string) string {
	t.Helper()
	root, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	user := "'kchat_g" + strconv.FormatInt(time.Now().UnixNano()%1e9, 36) + "'@'%'"
	stmts := []string{"CREATE USER " + user + " IDENTIFIED BY 'granted-pass-1'"}
	if grant != "" {
		stmts = append(stmts, strings.Replace(grant, "%s", user, 1))
	}
	for _, stmt := range stmts {
		if _, err := root.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	t.Cleanup(func() {
		root, err := sql.Open("mysql", db.DSN)
		if err == nil {
			root.Exec("DROP USER " + user)
			root.Close()
		}
	})
	c, err := mysql.ParseDSN(db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	c.User, c.Passwd = strings.Trim(strings.Split(user, "@")[0], "'"), "granted-pass-1"
	return c.FormatDSN()
}
