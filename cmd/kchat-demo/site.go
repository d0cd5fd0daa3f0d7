package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
)

// demoSite describes the WordPress site the demo writes.
type demoSite struct {
	Home        string
	Timezone    string
	StartOfWeek int
	Today       time.Time // site-local date at midnight UTC
}

type demoUser struct {
	Login, Password, Display string
	Note                     string // what the banner says of the user
	Roles                    []string
	hash                     func(string) (string, error)
	AppPasswords             []appPassword
}

// appPassword is one of a user's application passwords (Users → Profile → Application
// Passwords), stored as the WordPress version of its day stored it.
type appPassword struct {
	Name, Password string
	hash           func(string) (string, error)
}

// readmeAppPassword is the application password the README's curl -u example sends.
const readmeAppPassword = "abcd EFGH 1234 ijkl MNOP 5678"

// demoUsers have every password format a real site accumulates over the years.
var demoUsers = []demoUser{
	{Login: "admin", Note: "administrator, phpass hash (WordPress 6.1)", Password: "demo-admin-pass", Display: "Site Admin", Roles: []string{"administrator"},
		hash: func(p string) (string, error) { return wppass.HashPortable(p) },
		// Made after the site moved to WordPress 6.8: BLAKE2b, "$generic$".
		AppPasswords: []appPassword{{Name: "Reporting script", Password: readmeAppPassword,
			hash: func(p string) (string, error) { return wppass.HashApplicationPassword(p), nil }}}},
	{Login: "owner68", Note: "administrator, WordPress 6.8 bcrypt hash", Password: "demo-owner-pass", Display: "Owner (WordPress 6.8 hash)", Roles: []string{"administrator"},
		hash: func(p string) (string, error) { return wppass.HashWP68(p, wppass.WP68Cost) }},
	{Login: "analyst", Note: "custom role with manage_options, bcrypt hash", Password: "demo-analyst-pass", Display: "Report Analyst", Roles: []string{"chatbot_analyst"},
		hash: func(p string) (string, error) { return wppass.HashBcrypt(p, 10) },
		// Made under WordPress 6.1, whose wp_hash_password stored phpass of the password
		// without the spaces it shows.
		AppPasswords: []appPassword{{Name: "Spreadsheet sync", Password: "Wxyz 9876 QRST uvwx 5432 MnOp",
			hash: func(p string) (string, error) { return wppass.HashPortable(strings.ReplaceAll(p, " ", "")) }}}},
	{Login: "editor", Note: "editor: no access", Password: "demo-editor-pass", Display: "Editor (no access)", Roles: []string{"editor"},
		hash: func(p string) (string, error) { return wppass.HashPortable(p) }},
	{Login: "oldtimer", Note: "author, legacy MD5 hash: no access", Password: "demo-oldtimer-pass", Display: "Legacy MD5 user", Roles: []string{"author"},
		hash: func(p string) (string, error) { return wppass.HashMD5(p), nil }},
}

// schema is the part of a WordPress database the sidecar reads, as WordPress and the
// Kognetiks Chatbot plugin create it.
const schema = `
CREATE TABLE wp_users (
  ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  user_login varchar(60) NOT NULL DEFAULT '',
  user_pass varchar(255) NOT NULL DEFAULT '',
  user_nicename varchar(50) NOT NULL DEFAULT '',
  user_email varchar(100) NOT NULL DEFAULT '',
  user_url varchar(100) NOT NULL DEFAULT '',
  user_registered datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  user_activation_key varchar(255) NOT NULL DEFAULT '',
  user_status int(11) NOT NULL DEFAULT 0,
  display_name varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (ID),
  KEY user_login_key (user_login)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_usermeta (
  umeta_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  meta_key varchar(255) DEFAULT NULL,
  meta_value longtext,
  PRIMARY KEY (umeta_id),
  KEY user_id (user_id)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_options (
  option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  option_name varchar(191) NOT NULL DEFAULT '',
  option_value longtext NOT NULL,
  autoload varchar(20) NOT NULL DEFAULT 'yes',
  PRIMARY KEY (option_id),
  UNIQUE KEY option_name (option_name)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_posts (
  ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  post_author bigint(20) unsigned NOT NULL DEFAULT 0,
  post_date datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  post_date_gmt datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  post_content longtext NOT NULL,
  post_title text NOT NULL,
  post_excerpt text NOT NULL,
  post_status varchar(20) NOT NULL DEFAULT 'publish',
  comment_status varchar(20) NOT NULL DEFAULT 'open',
  ping_status varchar(20) NOT NULL DEFAULT 'open',
  post_password varchar(255) NOT NULL DEFAULT '',
  post_name varchar(200) NOT NULL DEFAULT '',
  to_ping text NOT NULL,
  pinged text NOT NULL,
  post_modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  post_modified_gmt datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  post_content_filtered longtext NOT NULL,
  post_parent bigint(20) unsigned NOT NULL DEFAULT 0,
  guid varchar(255) NOT NULL DEFAULT '',
  menu_order int(11) NOT NULL DEFAULT 0,
  post_type varchar(20) NOT NULL DEFAULT 'post',
  post_mime_type varchar(100) NOT NULL DEFAULT '',
  comment_count bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (ID),
  KEY post_name (post_name(191)),
  KEY type_status_date (post_type, post_status, post_date, ID),
  KEY post_parent (post_parent),
  KEY post_author (post_author)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_chatbot_chatgpt_interactions (
  date date NOT NULL,
  count int(11) DEFAULT NULL,
  PRIMARY KEY (date)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_chatbot_chatgpt_conversation_log (
  id mediumint(9) NOT NULL AUTO_INCREMENT,
  session_id varchar(255) NOT NULL,
  user_id varchar(255) DEFAULT NULL,
  page_id varchar(255) DEFAULT NULL,
  interaction_time datetime NOT NULL,
  user_type enum('Chatbot','Visitor','Prompt Tokens','Completion Tokens','Total Tokens') NOT NULL,
  thread_id varchar(255) DEFAULT NULL,
  assistant_id varchar(255) DEFAULT NULL,
  assistant_name varchar(255) DEFAULT NULL,
  message_text text NOT NULL,
  sentiment_score float DEFAULT NULL,
  PRIMARY KEY (id),
  KEY session_id_index (session_id),
  KEY user_id_index (user_id)
) DEFAULT CHARSET=utf8mb4`

// seed writes the demo site into db and returns the administrator's user id.
func seed(ctx context.Context, db *sql.DB, site demoSite) error {
	for _, stmt := range strings.Split(schema, ";") {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("creating tables: %w", err)
		}
	}
	options := [][2]string{
		{"siteurl", site.Home}, {"home", site.Home}, {"blogname", "Kognetiks Demo"},
		{"timezone_string", site.Timezone}, {"gmt_offset", ""}, {"start_of_week", fmt.Sprint(site.StartOfWeek)},
		{"chatbot_chatgpt_reporting_period", "Daily"},
		{"wp_user_roles", string(phpserial.Marshal(roles()))},
	}
	for _, o := range options {
		if _, err := db.ExecContext(ctx, "INSERT INTO wp_options (option_name, option_value) VALUES (?, ?)", o[0], o[1]); err != nil {
			return fmt.Errorf("writing option %s: %w", o[0], err)
		}
	}
	for i, u := range demoUsers {
		hash, err := u.hash(u.Password)
		if err != nil {
			return err
		}
		id := i + 1
		if _, err := db.ExecContext(ctx,
			"INSERT INTO wp_users (ID, user_login, user_pass, user_nicename, user_email, display_name) VALUES (?, ?, ?, ?, ?, ?)",
			id, u.Login, hash, u.Login, u.Login+"@demo.example.test", u.Display); err != nil {
			return fmt.Errorf("writing user %s: %w", u.Login, err)
		}
		caps := phpserial.Value{Kind: phpserial.Array}
		for _, r := range u.Roles {
			caps.Array = append(caps.Array, phpserial.Entry{Key: phpserial.StringValue(r), Value: phpserial.BoolValue(true)})
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (?, 'wp_capabilities', ?)",
			id, string(phpserial.Marshal(caps))); err != nil {
			return err
		}
		if len(u.AppPasswords) > 0 {
			meta, err := applicationPasswordsMeta(id, u.AppPasswords)
			if err != nil {
				return err
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (?, '_application_passwords', ?)",
				id, meta); err != nil {
				return err
			}
		}
	}
	if err := insertPosts(ctx, db, site.Home); err != nil {
		return err
	}
	days := interactions(site.Today)
	if err := insertInteractions(ctx, db, days); err != nil {
		return err
	}
	return insertLog(ctx, db, conversationLog(days))
}

// applicationPasswordsMeta is the _application_passwords user meta: a PHP list of
// {uuid, app_id, name, password, created, last_used, last_ip}, as WordPress writes it.
func applicationPasswordsMeta(userID int, pws []appPassword) (string, error) {
	list := phpserial.Value{Kind: phpserial.Array}
	for i, p := range pws {
		hash, err := p.hash(p.Password)
		if err != nil {
			return "", err
		}
		item := phpserial.Value{Kind: phpserial.Array}
		for _, kv := range []struct {
			k string
			v phpserial.Value
		}{
			{"uuid", phpserial.StringValue(fmt.Sprintf("6f1c2a9e-%04d-4b7d-9c3e-%012d", userID, i))},
			{"app_id", phpserial.StringValue("")},
			{"name", phpserial.StringValue(p.Name)},
			{"password", phpserial.StringValue(hash)},
			{"created", phpserial.IntValue(1669852800)},
			{"last_used", phpserial.Value{Kind: phpserial.Null}},
			{"last_ip", phpserial.Value{Kind: phpserial.Null}},
		} {
			item.Array = append(item.Array, phpserial.Entry{Key: phpserial.StringValue(kv.k), Value: kv.v})
		}
		list.Array = append(list.Array, phpserial.Entry{Key: phpserial.IntValue(int64(i)), Value: item})
	}
	return string(phpserial.Marshal(list)), nil
}

// roles is a cut-down wp_user_roles: WordPress's own roles plus a custom role made for
// people who should read the reports without being full administrators.
func roles() phpserial.Value {
	role := func(name string, caps ...string) phpserial.Value {
		c := phpserial.Value{Kind: phpserial.Array}
		for _, cp := range caps {
			c.Array = append(c.Array, phpserial.Entry{Key: phpserial.StringValue(cp), Value: phpserial.BoolValue(true)})
		}
		return phpserial.Value{Kind: phpserial.Array, Array: []phpserial.Entry{
			{Key: phpserial.StringValue("name"), Value: phpserial.StringValue(name)},
			{Key: phpserial.StringValue("capabilities"), Value: c},
		}}
	}
	all := []struct {
		key string
		v   phpserial.Value
	}{
		{"administrator", role("Administrator", "switch_themes", "edit_themes", "activate_plugins", "edit_users", "manage_options", "moderate_comments", "edit_posts", "read")},
		{"editor", role("Editor", "moderate_comments", "manage_categories", "edit_posts", "edit_others_posts", "read")},
		{"author", role("Author", "upload_files", "edit_posts", "publish_posts", "read")},
		{"subscriber", role("Subscriber", "read")},
		{"chatbot_analyst", role("Chatbot Analyst", "read", "manage_options")},
	}
	v := phpserial.Value{Kind: phpserial.Array}
	for _, r := range all {
		v.Array = append(v.Array, phpserial.Entry{Key: phpserial.StringValue(r.key), Value: r.v})
	}
	return v
}

// demoPosts are the site's posts and pages the chatbot sits on. The log also names page
// 211, a post since deleted, and 0, where the plugin found no post.
var demoPosts = []struct {
	id          int
	title, kind string
}{
	{2, "Sample Page", "page"},
	{14, "Pricing & Plans", "page"},
	{27, "Shipping and Returns", "page"},
	{103, `How to reset your password ("Forgot password?")`, "post"},
}

func insertPosts(ctx context.Context, db *sql.DB, home string) error {
	for _, p := range demoPosts {
		name := strings.Trim(strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return '-'
		}, strings.ToLower(p.title)), "-")
		guid := fmt.Sprintf("%s/?p=%d", home, p.id)
		if _, err := db.ExecContext(ctx, "INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt,"+
			" post_name, to_ping, pinged, post_content_filtered, guid, post_type) VALUES (?, 1, '2024-06-01 10:00:00', '2024-06-01 14:00:00', '', ?, '', ?, '', '', '', ?, ?)",
			p.id, p.title, name, guid, p.kind); err != nil {
			return fmt.Errorf("writing post %d: %w", p.id, err)
		}
	}
	return nil
}

type dayCount struct {
	date  time.Time
	count int
}

// interactions makes two years of plausible traffic up to today: busier on weekdays,
// growing over time, with days off (no row at all) and the odd stored zero.
func interactions(today time.Time) []dayCount {
	rng := rand.New(rand.NewPCG(2024, 11))
	var out []dayCount
	first := today.AddDate(-2, 0, 0)
	for d, i := first, 0; !d.After(today); d, i = d.AddDate(0, 0, 1), i+1 {
		// The chatbot's first minutes of each month are in the log (see conversationLog),
		// so the first of a month is never a day off.
		monthStart := d.Day() == 1
		if rng.Float64() < 0.07 && !monthStart {
			continue // nobody used the chatbot: WordPress writes no row
		}
		base := 40.0
		switch d.Weekday() {
		case time.Saturday, time.Sunday:
			base = 12
		case time.Monday:
			base = 55
		}
		growth := 1 + float64(i)/365
		n := int(base*growth + rng.NormFloat64()*8)
		if n < 0 || rng.Float64() < 0.01 {
			n = 0
		}
		if monthStart {
			n = max(n, 4)
		}
		out = append(out, dayCount{d, n})
	}
	return out
}

func insertInteractions(ctx context.Context, db *sql.DB, days []dayCount) error {
	for len(days) > 0 {
		n := min(len(days), 200)
		var sb strings.Builder
		args := make([]any, 0, 2*n)
		sb.WriteString("INSERT INTO wp_chatbot_chatgpt_interactions (`date`, `count`) VALUES ")
		for i, d := range days[:n] {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString("(?, ?)")
			args = append(args, d.date.Format(time.DateOnly), d.count)
		}
		if _, err := db.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("writing interactions: %w", err)
		}
		days = days[n:]
	}
	return nil
}
