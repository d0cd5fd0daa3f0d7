package docker_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	_ "github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// Where Debian's wordpress package installs WordPress.
const debianWP = "/usr/share/wordpress"

// TestWordPressAdminPage logs in to a real WordPress (Debian's package, served by php -S
// over MariaDB) in a real headless Chromium, with the bridge plugin installed as a
// must-use plugin and the sidecar running, and checks what an administrator sees against
// the sidecar and the database. CI sets KCHAT_E2E=1 and installs what it needs.
func TestWordPressAdminPage(t *testing.T) {
	artifacts := requireE2E(t)

	// The site: the fixture, at the address php -S will serve it on.
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	berlin := moveFixtureToToday(t, db)
	wpPort := freePort(t)
	home := "http://127.0.0.1:" + strconv.Itoa(wpPort)
	db.Exec(t, "UPDATE wp_options SET option_value = ? WHERE option_name IN ('home', 'siteurl')", home)

	// The sidecar binary, built as the Dockerfile builds it, through a SELECT-only user.
	bin := buildSidecar(t)
	sidecarAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	sc := exec.Command(bin)
	sc.Env = []string{"KCHAT_DB_DSN=" + db.ReadOnlyDSN(t), "JWT_AUTH_SECRET_KEY=" + fixture.Secret, "KCHAT_LISTEN=" + sidecarAddr}
	scLog, _ := os.Create(filepath.Join(artifacts, "sidecar.log"))
	sc.Stdout, sc.Stderr = scLog, scLog
	if err := sc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sc.Process.Signal(os.Interrupt)
		sc.Wait()
		// The browser's tokens, the admin's password typed into wp-login.php and the key
		// all passed by; none may be in the sidecar's log.
		checkLogClean(t, scLog.Name(), 10, fixture.Secret, fixture.AdminPassword, fixture.EditorPassword)
	})
	sidecarURL := "http://" + sidecarAddr
	waitHTTP(t, sidecarURL+"/healthz")

	docroot := installWordPress(t, db, fmt.Sprintf("define( 'KCHAT_SIDECAR_URL', %q );\n", sidecarURL+"/wp-json/kchat/v1"))
	seedInsights(t, db, berlin)
	// The test rewrites wp-config.php below; OPcache (on in php -S) would otherwise keep
	// the old one for up to revalidate_freq (2 s) after any request, such as a heartbeat.
	php := exec.Command("php", "-d", "opcache.revalidate_freq=0", "-S", "127.0.0.1:"+strconv.Itoa(wpPort), "-t", docroot)
	php.Dir = docroot
	php.Env = append(os.Environ(), "PHP_CLI_SERVER_WORKERS=4")
	phpLog, _ := os.Create(filepath.Join(artifacts, "php-server.log"))
	php.Stdout, php.Stderr = phpLog, phpLog
	if err := php.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { php.Process.Kill(); php.Wait() })
	waitHTTP(t, home+"/wp-login.php")

	ctx := newBrowser(t)

	// An administrator logs in through wp-login.php and opens the page.
	login(t, ctx, home, fixture.AdminLogin, fixture.AdminPassword)
	must(t, chromedp.Run(ctx,
		chromedp.Navigate(home+"/wp-admin/options-general.php?page=kchat-interactions"),
		chromedp.WaitVisible(`body[data-kchat-state="loaded"]`, chromedp.ByQuery),
	))
	token := adminToken(t, home)
	for _, period := range []string{"", "weekly", "monthly", "yearly", "daily"} {
		if period != "" {
			selectPeriod(t, ctx, period)
		}
		want := summary(t, sidecarURL, token, period, "", "")
		checkPage(t, ctx, want)
		var notices string
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`Array.from(document.querySelectorAll('.wrap .notice')).map(n => n.textContent).join('|')`, &notices)))
		if notices != "" {
			t.Errorf("%s: a notice stays after loading: %q", want.Period, notices)
		}
	}
	saveScreenshot(t, ctx, filepath.Join(artifacts, "admin-page.png"))

	// Other dates, through the form.
	selectPeriod(t, ctx, "weekly")
	must(t, chromedp.Run(ctx,
		chromedp.SetValue(`#kchat-start`, "2025-12-15", chromedp.ByQuery),
		chromedp.SetValue(`#kchat-end`, "2026-02-10", chromedp.ByQuery),
	))
	if state := pageState(t, ctx, chromedp.Click(`#kchat-show`, chromedp.ByQuery)); state != "loaded" {
		saveScreenshot(t, ctx, filepath.Join(artifacts, "failed-dates.png"))
		t.Fatalf("after choosing dates the page is %q", state)
	}
	checkPage(t, ctx, summary(t, sidecarURL, token, "weekly", "2025-12-15", "2026-02-10"))

	// "Download Interaction Data" is the plugin's button: every stored day, whatever
	// window is on screen. The fixture has days on both sides of this one.
	all := download(t, ctx, `#kchat-download`)
	if !strings.HasPrefix(filepath.Base(all), "Chatbot-ChatGPT-Interactions-") || !strings.HasSuffix(all, ".csv") {
		t.Errorf("downloaded file name %s", filepath.Base(all))
	}
	everyDay := compareCSV(t, db, all, "", "")
	// The second button: the window shown, row for row.
	var label string
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-download-window`, &label, chromedp.ByQuery)))
	if !strings.Contains(label, "2025-12-15") || !strings.Contains(label, "2026-02-10") {
		t.Errorf("the window's download button does not say which dates: %q", label)
	}
	shown := compareCSV(t, db, download(t, ctx, `#kchat-download-window`), "2025-12-15", "2026-02-10")
	if shown == 0 || shown >= everyDay {
		t.Errorf("the window holds %d stored days of %d: the fixture should have days outside it", shown, everyDay)
	}

	// A window with no interactions says so.
	must(t, chromedp.Run(ctx,
		chromedp.SetValue(`#kchat-start`, "2020-01-01", chromedp.ByQuery),
		chromedp.SetValue(`#kchat-end`, "2020-01-31", chromedp.ByQuery),
	))
	if state := pageState(t, ctx, chromedp.Click(`#kchat-show`, chromedp.ByQuery)); state != "loaded" {
		t.Errorf("an empty window leaves the page %q", state)
	}
	var emptyText string
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-notices .notice-warning`, &emptyText, chromedp.ByQuery)))
	if !strings.Contains(emptyText, "No interactions") {
		t.Errorf("empty notice: %q", emptyText)
	}

	// A bad range shows a WordPress admin notice, not a blank page.
	must(t, chromedp.Run(ctx,
		chromedp.SetValue(`#kchat-start`, "2026-03-01", chromedp.ByQuery),
		chromedp.SetValue(`#kchat-end`, "2026-02-01", chromedp.ByQuery),
	))
	if state := pageState(t, ctx, chromedp.Click(`#kchat-show`, chromedp.ByQuery)); state != "error" {
		t.Errorf("a bad range leaves the page %q", state)
	}
	var noticeText string
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-notices .notice-error`, &noticeText, chromedp.ByQuery)))
	if !strings.Contains(noticeText, "start must not be after end") {
		t.Errorf("bad range notice: %q", noticeText)
	}

	// The Insights view, beside the interactions.
	checkInsightsView(t, ctx, home, sidecarURL, token, artifacts)

	// An editor finds no page.
	editor := newBrowser(t)
	login(t, editor, home, fixture.EditorLogin, fixture.EditorPassword)
	var body string
	must(t, chromedp.Run(editor,
		chromedp.Navigate(home+"/wp-admin/options-general.php?page=kchat-interactions"),
		// Either WordPress's refusal page or, wrongly, the page itself.
		chromedp.WaitVisible(`#error-page, #kchat-sidecar`, chromedp.ByQuery),
		chromedp.Text(`body`, &body, chromedp.ByQuery),
	))
	if !strings.Contains(body, "not allowed") || strings.Contains(body, "Download Interaction Data") {
		t.Errorf("the editor sees the page: %.300s", body)
	}

	// The explorer: authorize with a token, run one call, get a 200.
	docs := newBrowser(t)
	var status string
	must(t, chromedp.Run(docs,
		chromedp.Navigate(sidecarURL+"/docs"),
		chromedp.WaitVisible(`.btn.authorize`, chromedp.ByQuery),
		chromedp.Click(`.btn.authorize`, chromedp.ByQuery),
		chromedp.WaitVisible(`.modal-ux input`, chromedp.ByQuery),
		chromedp.SendKeys(`.modal-ux input`, token, chromedp.ByQuery),
		chromedp.Click(`.modal-ux .modal-btn.auth.authorize`, chromedp.ByQuery),
		chromedp.Click(`.modal-ux .btn-done`, chromedp.ByQuery),
		chromedp.Click(`#operations-interactions-getInteractionsSummary .opblock-summary`, chromedp.ByQuery),
		chromedp.WaitVisible(`#operations-interactions-getInteractionsSummary .try-out__btn`, chromedp.ByQuery),
		chromedp.Click(`#operations-interactions-getInteractionsSummary .try-out__btn`, chromedp.ByQuery),
		chromedp.Click(`#operations-interactions-getInteractionsSummary .execute`, chromedp.ByQuery),
		chromedp.WaitVisible(`#operations-interactions-getInteractionsSummary .live-responses-table tbody .response-col_status`, chromedp.ByQuery),
		chromedp.Text(`#operations-interactions-getInteractionsSummary .live-responses-table tbody .response-col_status`, &status, chromedp.ByQuery),
	))
	saveScreenshot(t, docs, filepath.Join(artifacts, "docs.png"))
	if strings.TrimSpace(status) != "200" {
		t.Errorf("Try it out in /docs: status %q", status)
	}

	// A token the sidecar refuses (the site's key no longer matches) is a clear notice.
	configPath := filepath.Join(docroot, "wp-config.php")
	config, err := os.ReadFile(configPath)
	must(t, err)
	must(t, os.WriteFile(configPath, []byte(strings.Replace(string(config), fixture.Secret, "a-different-key-0123456789", 1)), 0o644))
	if state := reloadState(t, ctx, home); state != "error" {
		t.Errorf("with a refused token the page is %q", state)
	}
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-notices .notice-error`, &noticeText, chromedp.ByQuery)))
	if !strings.Contains(noticeText, "refused") {
		t.Errorf("refused token notice: %q", noticeText)
	}
	must(t, os.WriteFile(configPath, config, 0o644))

	// The sidecar down: a clear notice, not a blank page.
	sc.Process.Signal(os.Interrupt)
	sc.Wait()
	if state := reloadState(t, ctx, home); state != "error" {
		t.Errorf("with the sidecar down the page is %q", state)
	}
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-notices .notice-error`, &noticeText, chromedp.ByQuery)))
	if !strings.Contains(noticeText, "could not be reached") {
		t.Errorf("sidecar down notice: %q", noticeText)
	}
	saveScreenshot(t, ctx, filepath.Join(artifacts, "admin-page-sidecar-down.png"))
	if state := pageState(t, ctx, chromedp.Click(`a.nav-tab[href*="tab=insights"]`, chromedp.ByQuery)); state != "error" {
		t.Errorf("with the sidecar down the Insights view is %q", state)
	}
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-notices .notice-error`, &noticeText, chromedp.ByQuery)))
	if !strings.Contains(noticeText, "could not be reached") {
		t.Errorf("sidecar down notice on the Insights view: %q", noticeText)
	}
}

// requireE2E skips t unless KCHAT_E2E=1, fails it when that is set but something the
// browser tests need is missing (tools beyond php, Chromium and WordPress are named in
// also), and returns the directory for screenshots and logs (KCHAT_ARTIFACTS, else a
// temporary one).
func requireE2E(t *testing.T, also ...string) string {
	t.Helper()
	if os.Getenv("KCHAT_E2E") != "1" {
		t.Skip("end-to-end browser test: set KCHAT_E2E=1 with MariaDB (KCHAT_TEST_MYSQL_DSN), Debian's wordpress, php-cli, php-mysql, chromium (and nginx for the network) installed; .ci/run does")
	}
	if os.Getenv("KCHAT_TEST_MYSQL_DSN") == "" {
		t.Fatal("KCHAT_E2E=1 needs KCHAT_TEST_MYSQL_DSN: WordPress runs on real MariaDB")
	}
	for _, need := range append([]string{"php", "/usr/bin/chromium", debianWP + "/wp-settings.php"}, also...) {
		if _, err := exec.LookPath(need); err != nil {
			if _, err := os.Stat(need); err != nil {
				t.Fatalf("KCHAT_E2E=1 but %s is missing", need)
			}
		}
	}
	artifacts := os.Getenv("KCHAT_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	must(t, os.MkdirAll(artifacts, 0o755))
	return artifacts
}

// buildSidecar builds the sidecar's binary as the Dockerfile builds it.
func buildSidecar(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kchat-sidecar")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "../cmd/kchat-sidecar")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building kchat-sidecar: %v\n%s", err, out)
	}
	return bin
}

// checkLogClean checks that the sidecar's log at path holds at least min requests and
// none of the secrets, nor any token ("Bearer ", or a JWT's "eyJ").
func checkLogClean(t *testing.T, path string, min int, secrets ...string) {
	t.Helper()
	logs, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if n := bytes.Count(logs, []byte(`"msg":"request"`)); n < min {
		t.Errorf("the sidecar logged only %d requests", n)
	}
	for _, secret := range append(secrets, "Bearer ", "eyJ") {
		if bytes.Contains(logs, []byte(secret)) {
			t.Errorf("the sidecar's log holds %q", secret)
		}
	}
}

// reloadState reloads the admin page and returns how its data load ended.
func reloadState(t *testing.T, ctx context.Context, home string) string {
	t.Helper()
	var state string
	must(t, chromedp.Run(ctx,
		chromedp.Navigate(home+"/wp-admin/options-general.php?page=kchat-interactions"),
		chromedp.WaitVisible(`body[data-kchat-state]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.getAttribute('data-kchat-state')`, &state),
	))
	return state
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func waitHTTP(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s does not answer", url)
}

// moveFixtureToToday moves the fixture's data by the days since its "today"
// (2026-11-25 in Berlin), so that the default windows (the last days before today) hold
// data whatever day the test runs on: WordPress and the sidecar binary run on the real
// clock. Returns the fixture's zone.
func moveFixtureToToday(t *testing.T, db *repotest.Database) *time.Location {
	t.Helper()
	berlin, err := time.LoadLocation("Europe/Berlin")
	must(t, err)
	now := time.Now().In(berlin)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if shift := int(today.Sub(fixture.Today).Hours() / 24); shift != 0 {
		order := "DESC" // moving forward: the latest day first, so no two rows share a date
		if shift < 0 {
			order = "ASC"
		}
		db.Exec(t, fmt.Sprintf("UPDATE wp_chatbot_chatgpt_interactions SET date = DATE_ADD(date, INTERVAL %d DAY) ORDER BY date %s", shift, order))
		db.Exec(t, fmt.Sprintf("UPDATE wp_chatbot_chatgpt_conversation_log SET interaction_time = DATE_ADD(interaction_time, INTERVAL %d DAY)", shift))
	}
	return berlin
}

// installWordPress copies Debian's WordPress into a temporary document root with a
// wp-config.php of its own for this database (extra: PHP statements for it), the bridge
// plugin as a must-use plugin, and WordPress's remaining core tables created by
// WordPress itself.
func installWordPress(t *testing.T, db *repotest.Database, extra string) string {
	t.Helper()
	root := copyWordPress(t)
	writeWPConfig(t, root, db, fixture.Secret, extra)

	// The fixture holds only the tables the sidecar reads; WordPress creates the rest.
	upgrade := `<?php
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
make_db_current_silent();
echo "ok";
`
	must(t, os.WriteFile(filepath.Join(root, "kchat-make-tables.php"), []byte(upgrade), 0o644))
	out, err := exec.Command("php", filepath.Join(root, "kchat-make-tables.php")).CombinedOutput()
	if err != nil || !strings.HasSuffix(strings.TrimSpace(string(out)), "ok") {
		t.Fatalf("creating WordPress's tables: %v\n%s", err, out)
	}
	return root
}

// copyWordPress copies Debian's WordPress into a temporary document root, with the
// bridge plugin as a must-use plugin (as a network installs it for every site).
func copyWordPress(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "wordpress")
	if out, err := exec.Command("cp", "-a", debianWP, root).CombinedOutput(); err != nil {
		t.Fatalf("copying WordPress: %v %s", err, out)
	}
	// Debian links some files (underscore.js, getID3) to other packages by relative
	// paths, which the copy breaks: point those at the files themselves.
	must(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return err
		}
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		target, err := filepath.EvalSymlinks(filepath.Join(debianWP, rel))
		if err != nil {
			return nil // broken in the package too
		}
		os.Remove(path)
		return os.Symlink(target, path)
	}))
	os.RemoveAll(filepath.Join(root, "wp-content", "languages"))
	mu := filepath.Join(root, "wp-content", "mu-plugins")
	must(t, os.MkdirAll(mu, 0o755))
	plugin, err := os.ReadFile("wordpress/kchat-sidecar.php")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(mu, "kchat-sidecar.php"), plugin, 0o644))
	return root
}

// writeWPConfig writes root's wp-config.php for db, with the JWT key secret and the
// extra lines (PHP statements) before WordPress starts.
func writeWPConfig(t *testing.T, root string, db *repotest.Database, secret, extra string) {
	t.Helper()
	cfg := dsnParts(t, db.DSN)
	salt := func(name string) string {
		return fmt.Sprintf("define( '%s', '%s' );\n", name, strconv.FormatInt(time.Now().UnixNano(), 36)+name)
	}
	config := "<?php\n" +
		fmt.Sprintf("define( 'DB_NAME', %q );\ndefine( 'DB_USER', %q );\ndefine( 'DB_PASSWORD', %q );\ndefine( 'DB_HOST', %q );\n", cfg[0], cfg[1], cfg[2], cfg[3]) +
		"define( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_COLLATE', '' );\n" +
		salt("AUTH_KEY") + salt("SECURE_AUTH_KEY") + salt("LOGGED_IN_KEY") + salt("NONCE_KEY") +
		salt("AUTH_SALT") + salt("SECURE_AUTH_SALT") + salt("LOGGED_IN_SALT") + salt("NONCE_SALT") +
		fmt.Sprintf("define( 'JWT_AUTH_SECRET_KEY', %q );\n", secret) +
		extra +
		"define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );\n" +
		"define( 'DISABLE_WP_CRON', true );\ndefine( 'AUTOMATIC_UPDATER_DISABLED', true );\ndefine( 'WP_HTTP_BLOCK_EXTERNAL', true );\n" +
		"$table_prefix = 'wp_';\n" +
		"if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }\n" +
		"require_once ABSPATH . 'wp-settings.php';\n"
	must(t, os.WriteFile(filepath.Join(root, "wp-config.php"), []byte(config), 0o644))
}

// dsnParts returns name, user, password and host:port of a go-sql-driver DSN.
func dsnParts(t *testing.T, dsn string) [4]string {
	t.Helper()
	at := strings.LastIndex(dsn, "@")
	cred, rest := dsn[:at], dsn[at+1:]
	user, pass, _ := strings.Cut(cred, ":")
	addr := rest[strings.Index(rest, "(")+1 : strings.Index(rest, ")")]
	name := rest[strings.Index(rest, "/")+1:]
	if q := strings.Index(name, "?"); q >= 0 {
		name = name[:q]
	}
	return [4]string{name, user, pass, addr}
}

func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1400),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// A guard against a hung browser; the administrator's session (both views, every
	// period) takes well over a minute on a loaded machine.
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

func login(t *testing.T, ctx context.Context, home, user, pass string) {
	t.Helper()
	must(t, chromedp.Run(ctx,
		chromedp.Navigate(home+"/wp-login.php"),
		chromedp.WaitReady(`#wp-submit`, chromedp.ByID),
		// Set rather than type: the login page's own scripts may still be settling, and
		// typed keys can be lost to them.
		chromedp.SetValue(`#user_login`, user, chromedp.ByID),
		chromedp.SetValue(`#user_pass`, pass, chromedp.ByID),
		chromedp.Click(`#wp-submit`, chromedp.ByID),
		chromedp.WaitVisible(`#wpadminbar`, chromedp.ByID),
	))
}

func selectPeriod(t *testing.T, ctx context.Context, period string) {
	t.Helper()
	// SetValue fires input and change, as a person choosing from the list would.
	state := pageState(t, ctx, chromedp.SetValue(`#kchat-period`, period, chromedp.ByQuery))
	if state != "loaded" {
		t.Fatalf("after choosing %s the page is %q", period, state)
	}
}

// pageState runs actions that make the page load data and returns how that ended:
// "loaded" or "error" (the page's script marks <body> when it is done).
func pageState(t *testing.T, ctx context.Context, actions ...chromedp.Action) string {
	t.Helper()
	var state string
	run := append([]chromedp.Action{chromedp.Evaluate(`document.body.removeAttribute('data-kchat-state')`, nil)}, actions...)
	run = append(run,
		chromedp.WaitVisible(`body[data-kchat-state]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.getAttribute('data-kchat-state')`, &state))
	must(t, chromedp.Run(ctx, run...))
	return state
}

type summaryBody struct {
	Period     string `json:"period"`
	Start, End string
	Total      int64 `json:"total"`
	Buckets    []struct {
		Label string `json:"label"`
		Count int64  `json:"count"`
	} `json:"buckets"`
}

// adminToken logs in to the sidecar's own token route, like a script would.
func adminToken(t *testing.T, home string) string {
	t.Helper()
	_ = home
	tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: home, UserID: 1, IssuedAt: time.Now(), TTL: time.Hour})
	must(t, err)
	return tok
}

func summary(t *testing.T, base, token, period, start, end string) summaryBody {
	t.Helper()
	q := url.Values{}
	for k, v := range map[string]string{"period": period, "start": start, "end": end} {
		if v != "" {
			q.Set(k, v)
		}
	}
	u := base + "/wp-json/kchat/v1/interactions/summary?" + q.Encode()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var s summaryBody
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &s) != nil {
		t.Fatalf("sidecar summary %s: %d %s", u, resp.StatusCode, b)
	}
	return s
}

// checkPage compares the page's table and total with the sidecar's summary.
func checkPage(t *testing.T, ctx context.Context, want summaryBody) {
	t.Helper()
	rows, total := pageTable(t, ctx)
	if len(rows) != len(want.Buckets) {
		t.Fatalf("%s: the page shows %d rows, the sidecar %d", want.Period, len(rows), len(want.Buckets))
	}
	for i, b := range want.Buckets {
		if rows[i][0] != b.Label || rows[i][1] != strconv.FormatInt(b.Count, 10) {
			t.Errorf("%s row %d: page %v, sidecar %s=%d", want.Period, i, rows[i], b.Label, b.Count)
		}
	}
	if total != strconv.FormatInt(want.Total, 10) {
		t.Errorf("%s total: page %s, sidecar %d", want.Period, total, want.Total)
	}
	var bars int
	must(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll('#kchat-chart svg rect.bar').length`, &bars)))
	if bars != len(want.Buckets) {
		t.Errorf("%s: %d bars for %d buckets", want.Period, bars, len(want.Buckets))
	}
}

// pageTable returns the admin page's table (label, count) and its total, as shown.
func pageTable(t *testing.T, ctx context.Context) (rows [][]string, total string) {
	t.Helper()
	must(t, chromedp.Run(ctx,
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#kchat-table tbody tr')).map(tr => Array.from(tr.cells).map(c => c.textContent))`, &rows),
		chromedp.Text(`#kchat-total`, &total, chromedp.ByID),
	))
	return rows, total
}

func saveScreenshot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	var png []byte
	must(t, chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)))
	must(t, os.WriteFile(path, png, 0o644))
}

// download clicks a download button and returns the file the browser saved, each into a
// folder of its own (both files carry the same name).
func download(t *testing.T, ctx context.Context, button string) string {
	t.Helper()
	dir := t.TempDir()
	must(t, chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir).WithEventsEnabled(true),
		chromedp.Click(button, chromedp.ByQuery),
	))
	return waitDownload(t, dir)
}

func waitDownload(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".csv") {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no file was downloaded")
	return ""
}

// compareCSV checks a downloaded file against the interactions table between start and
// end (every row when both are empty) and returns how many days it holds.
func compareCSV(t *testing.T, db *repotest.Database, file, start, end string) int {
	t.Helper()
	f, err := os.Open(file)
	must(t, err)
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	must(t, err)
	conn, err := sql.Open("mysql", db.DSN)
	must(t, err)
	defer conn.Close()
	query, args := "SELECT DATE_FORMAT(`date`, '%Y-%m-%d'), COALESCE(CAST(`count` AS CHAR), '') FROM wp_chatbot_chatgpt_interactions", []any{}
	if start != "" {
		query, args = query+" WHERE `date` BETWEEN ? AND ?", []any{start, end}
	}
	rows, err := conn.Query(query+" ORDER BY `date`", args...)
	must(t, err)
	defer rows.Close()
	want := [][]string{{"date", "count"}}
	for rows.Next() {
		var d, c string
		must(t, rows.Scan(&d, &c))
		want = append(want, []string{d, c})
	}
	if fmt.Sprint(records) != fmt.Sprint(want) {
		t.Errorf("downloaded CSV (%q to %q) differs from the table: got %s, want %s", start, end, days(records), days(want))
	}
	return len(want) - 1
}

// days describes CSV records briefly: how many days, the first and the last.
func days(records [][]string) string {
	if len(records) < 2 {
		return fmt.Sprintf("no days %v", records)
	}
	return fmt.Sprintf("%d days %v … %v", len(records)-1, records[1], records[len(records)-1])
}
