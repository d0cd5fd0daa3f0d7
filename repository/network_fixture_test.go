package repository_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	nf "github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// TestNetworkFixture loads testdata/wordpress-network.sql and checks, in plain SQL
// through a SELECT-only user, that the database holds the network package netfixture
// states: what network mode will be built and tested on.
func TestNetworkFixture(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	conn, err := sql.Open("mysql", db.ReadOnlyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })

	t.Run("Network", func(t *testing.T) { checkNetwork(t, conn) })
	t.Run("Sites", func(t *testing.T) { checkBlogs(t, conn) })
	t.Run("SuperAdmins", func(t *testing.T) { checkSuperAdmins(t, conn) })
	t.Run("Users", func(t *testing.T) { checkNetworkUsers(t, conn) })
	t.Run("Roles", func(t *testing.T) { checkRoles(t, conn) })
	t.Run("ApplicationPassword", func(t *testing.T) { checkAppPassword(t, conn) })
	for _, s := range nf.Sites {
		t.Run("Options/"+s.Name, func(t *testing.T) { checkSiteOptions(t, conn, s) })
		t.Run("Chatbot/"+s.Name, func(t *testing.T) { checkChatbotTables(t, conn, s) })
	}
}

func rowsOf(t *testing.T, conn *sql.DB, query string, args ...any) [][]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
			if !v.Valid {
				row[i] = "NULL"
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func checkNetwork(t *testing.T, conn *sql.DB) {
	got := rowsOf(t, conn, "SELECT id, domain, path FROM wp_site")
	want := [][]string{{strconv.Itoa(nf.NetworkID), nf.Domain, "/"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("wp_site: got %q, want %q", got, want)
	}
	meta := map[string]string{}
	for _, r := range rowsOf(t, conn, "SELECT meta_key, meta_value FROM wp_sitemeta WHERE site_id = ? AND meta_key IN ('main_site', 'subdomain_install', 'site_name', 'siteurl')", nf.NetworkID) {
		meta[r[0]] = r[1]
	}
	wantMeta := map[string]string{"main_site": "1", "subdomain_install": "", "site_name": nf.Main.Name, "siteurl": nf.Main.Home + "/"}
	if !maps.Equal(meta, wantMeta) {
		t.Errorf("network meta: got %q, want %q", meta, wantMeta)
	}
}

func checkBlogs(t *testing.T, conn *sql.DB) {
	got := rowsOf(t, conn, "SELECT blog_id, site_id, domain, path, public, archived, spam, deleted FROM wp_blogs ORDER BY blog_id")
	var want [][]string
	for _, s := range nf.Sites {
		want = append(want, []string{strconv.Itoa(s.BlogID), strconv.Itoa(nf.NetworkID), nf.Domain, s.Path, "1", "0", "0", "0"})
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("wp_blogs:\n got %q\nwant %q", got, want)
	}
}

func checkSuperAdmins(t *testing.T, conn *sql.DB) {
	rows := rowsOf(t, conn, "SELECT meta_value FROM wp_sitemeta WHERE site_id = ? AND meta_key = 'site_admins'", nf.NetworkID)
	if len(rows) != 1 {
		t.Fatalf("site_admins rows: %q", rows)
	}
	v, err := phpserial.Unmarshal([]byte(rows[0][0]))
	if err != nil {
		t.Fatalf("site_admins %q: %v", rows[0][0], err)
	}
	var got, want []string
	for _, e := range v.Array {
		got = append(got, e.Value.Str)
	}
	for _, u := range nf.Users {
		if u.SuperAdmin {
			want = append(want, u.Login)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("site_admins %s: got %q, want %q", rows[0][0], got, want)
	}
}

func checkNetworkUsers(t *testing.T, conn *sql.DB) {
	got := rowsOf(t, conn, "SELECT ID, user_login, user_email, LEFT(user_pass, 4) FROM wp_users ORDER BY ID")
	var want [][]string
	for _, u := range nf.Users {
		want = append(want, []string{strconv.FormatUint(u.ID, 10), u.Login, u.Email, "$P$B"})
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("wp_users:\n got %q\nwant %q", got, want)
	}
}

// checkRoles reads every {prefix}capabilities meta: wp_capabilities is the main site's,
// wp_N_capabilities site N's.
func checkRoles(t *testing.T, conn *sql.DB) {
	got := map[uint64]map[int]string{}
	for _, r := range rowsOf(t, conn, "SELECT user_id, meta_key, meta_value FROM wp_usermeta WHERE meta_key LIKE '%capabilities' ORDER BY umeta_id") {
		id, _ := strconv.ParseUint(r[0], 10, 64)
		blog := 1
		if mid := strings.TrimSuffix(strings.TrimPrefix(r[1], nf.BasePrefix), "_capabilities"); mid != "capabilities" {
			n, err := strconv.Atoi(mid)
			if err != nil {
				t.Errorf("user %d: meta key %q", id, r[1])
				continue
			}
			blog = n
		}
		v, err := phpserial.Unmarshal([]byte(r[2]))
		if err != nil || len(v.Array) != 1 || !v.Array[0].Value.Truthy() {
			t.Errorf("user %d %s: %q (%v)", id, r[1], r[2], err)
			continue
		}
		if got[id] == nil {
			got[id] = map[int]string{}
		}
		got[id][blog] = v.Array[0].Key.Str
	}
	for _, u := range nf.Users {
		if g := got[u.ID]; !maps.Equal(g, u.Roles) {
			t.Errorf("%s's roles by blog_id: got %v, want %v", u.Login, g, u.Roles)
		}
		delete(got, u.ID)
	}
	if len(got) > 0 {
		t.Errorf("capabilities of users the fixture does not know: %v", got)
	}
}

// Application passwords are network-wide user meta, without a site prefix.
func checkAppPassword(t *testing.T, conn *sql.DB) {
	rows := rowsOf(t, conn, "SELECT user_id, meta_value FROM wp_usermeta WHERE meta_key = '_application_passwords'")
	if len(rows) != 1 || rows[0][0] != strconv.FormatUint(nf.ShopAdmin.ID, 10) {
		t.Fatalf("_application_passwords rows: %q", rows)
	}
	v, err := phpserial.Unmarshal([]byte(rows[0][1]))
	if err != nil || len(v.Array) != 1 {
		t.Fatalf("_application_passwords %q: %v", rows[0][1], err)
	}
	name, _ := v.Array[0].Value.Lookup("name")
	hash, _ := v.Array[0].Value.Lookup("password")
	if name.Str != nf.AppPasswordName || !strings.HasPrefix(hash.Str, "$P$B") {
		t.Errorf("application password: name %q, hash %q", name.Str, hash.Str)
	}
}

func checkSiteOptions(t *testing.T, conn *sql.DB, s nf.Site) {
	got := map[string]string{}
	q := "SELECT option_name, option_value FROM `" + s.Prefix + "options` WHERE option_name IN " +
		"('home', 'siteurl', 'blogname', 'timezone_string', 'gmt_offset', 'start_of_week', 'chatbot_chatgpt_reporting_period')"
	for _, r := range rowsOf(t, conn, q) {
		got[r[0]] = r[1]
	}
	want := map[string]string{"home": s.Home, "siteurl": s.Home, "blogname": s.Name,
		"timezone_string": s.TimezoneString, "gmt_offset": s.GMTOffset, "start_of_week": strconv.Itoa(s.StartOfWeek)}
	if s.Chatbot {
		want["chatbot_chatgpt_reporting_period"] = s.ReportingPeriod
	}
	if !maps.Equal(got, want) {
		t.Errorf("%soptions:\n got %q\nwant %q", s.Prefix, got, want)
	}

	// Each site has its own roles, under its own prefix: {prefix}user_roles.
	roles := rowsOf(t, conn, "SELECT option_value FROM `"+s.Prefix+"options` WHERE option_name = ?", s.Prefix+"user_roles")
	if len(roles) != 1 {
		t.Fatalf("%suser_roles: %d rows", s.Prefix, len(roles))
	}
	v, err := phpserial.Unmarshal([]byte(roles[0][0]))
	if err != nil {
		t.Fatal(err)
	}
	admin, _ := v.Lookup("administrator")
	caps, _ := admin.Lookup("capabilities")
	if manage, _ := caps.Lookup("manage_options"); !manage.Truthy() {
		t.Errorf("%suser_roles: administrator without manage_options", s.Prefix)
	}
}

func checkChatbotTables(t *testing.T, conn *sql.DB, s nf.Site) {
	interactions, log := s.Prefix+"chatbot_chatgpt_interactions", s.Prefix+"chatbot_chatgpt_conversation_log"
	if !s.Chatbot {
		for _, table := range []string{interactions, log} {
			_, err := conn.Exec("SELECT COUNT(*) FROM `" + table + "`")
			var me *mysql.MySQLError
			if !errors.As(err, &me) || me.Number != 1146 { // ER_NO_SUCH_TABLE
				t.Errorf("%s: want error 1146 (no such table), got %v", table, err)
			}
		}
		return
	}
	got := rowsOf(t, conn, "SELECT COUNT(*), COALESCE(SUM(`count`), 0), MIN(`date`), MAX(`date`), SUM(CASE WHEN `count` IS NULL THEN 1 ELSE 0 END) FROM `"+interactions+"`")
	nulls := "0"
	if s.BlogID == nf.News.BlogID {
		nulls = "1"
	}
	want := []string{strconv.Itoa(s.Days), strconv.Itoa(s.Total), s.FirstDay.Format(time.RFC3339), nf.Today.Format(time.RFC3339), nulls}
	if !slices.Equal(got[0], want) {
		t.Errorf("%s: got days, total, first, last, NULL counts %q, want %q", interactions, got[0], want)
	}
	// Five rows a conversation: the two messages and the three token kinds.
	got = rowsOf(t, conn, "SELECT user_type, COUNT(*) FROM `"+log+"` WHERE session_id LIKE ? GROUP BY user_type ORDER BY user_type",
		fmt.Sprintf("kognetiks_%d_%%", s.BlogID)) // "_" matches itself too
	var wantLog [][]string
	for _, kind := range []string{"Chatbot", "Visitor", "Prompt Tokens", "Completion Tokens", "Total Tokens"} {
		wantLog = append(wantLog, []string{kind, strconv.Itoa(s.LogRows / 5)})
	}
	if !slices.EqualFunc(got, wantLog, slices.Equal) {
		t.Errorf("%s by user_type: got %q, want %q", log, got, wantLog)
	}
}
