package docker_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// network is a real WordPress network served for a browser test: WordPress under php -S
// behind real nginx, the sidecar mounted by the shipped nginx rule for every site.
type network struct {
	db         *repotest.Database
	home       string // http://127.0.0.1:port, the network's address (nginx)
	sidecarURL string // the sidecar itself, past nginx
	today      string // the day the data end on, YYYY-MM-DD
	sidecarLog string
	nginxLog   string // nginx's access log
}

// startNetwork builds a WordPress network with WordPress's own code
// (testdata/wordpress-network/make-network.php) into a fresh database, moves it to the
// address nginx listens on, and serves it: php -S with a router doing what WordPress's
// .htaccess for a subdirectory network does, nginx in front with the network location
// of docker/nginx/kchat-sidecar.conf, and the sidecar in network mode, which finds
// MULTISITE in wp-config.php itself and reads through a SELECT-only user.
func startNetwork(t *testing.T, artifacts string) *network {
	t.Helper()
	began := time.Now()
	n := &network{db: repotest.NewDatabase(t), today: time.Now().UTC().Format("2006-01-02")}
	buildNetwork(t, n.db, n.today)
	t.Logf("network built in %s", time.Since(began).Round(time.Millisecond))

	nginxPort, phpPort := freePort(t), freePort(t)
	host := "127.0.0.1:" + strconv.Itoa(nginxPort)
	n.home = "http://" + host
	moveNetwork(t, n.db, host)

	root := copyWordPress(t)
	t.Logf("WordPress copied at %s", time.Since(began).Round(time.Millisecond))
	// What wp-admin/network.php asks for; no KCHAT_SIDECAR_URL: the plugin calls its
	// own site's /wp-json/kchat/v1, which nginx hands to the sidecar.
	writeWPConfig(t, root, n.db, netfixture.Secret, "define( 'MULTISITE', true );\n"+
		"define( 'SUBDOMAIN_INSTALL', false );\n"+
		fmt.Sprintf("define( 'DOMAIN_CURRENT_SITE', %q );\n", host)+
		"define( 'PATH_CURRENT_SITE', '/' );\ndefine( 'SITE_ID_CURRENT_SITE', 1 );\ndefine( 'BLOG_ID_CURRENT_SITE', 1 );\n")
	must(t, os.WriteFile(filepath.Join(root, "kchat-router.php"), []byte(networkRouter), 0o644))

	bin := buildSidecar(t)
	t.Logf("sidecar built at %s", time.Since(began).Round(time.Millisecond))
	sidecarAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	n.sidecarURL = "http://" + sidecarAddr
	n.sidecarLog = filepath.Join(artifacts, "network-sidecar.log")
	start(t, n.sidecarLog, nil, bin, []string{
		"KCHAT_WP_CONFIG=" + filepath.Join(root, "wp-config.php"),
		"KCHAT_DB_DSN=" + n.db.ReadOnlyDSN(t),
		"KCHAT_LISTEN=" + sidecarAddr,
		"KCHAT_TRUSTED_PROXIES=127.0.0.1",
	})
	waitHTTP(t, n.sidecarURL+"/healthz")

	start(t, filepath.Join(artifacts, "network-php.log"), func(c *exec.Cmd) { c.Dir = root },
		"php", append(os.Environ(), "PHP_CLI_SERVER_WORKERS=4"),
		"-d", "opcache.revalidate_freq=0", "-S", "127.0.0.1:"+strconv.Itoa(phpPort), "-t", root, filepath.Join(root, "kchat-router.php"))
	waitListening(t, "127.0.0.1:"+strconv.Itoa(phpPort))

	n.nginxLog = filepath.Join(artifacts, "network-nginx-access.log")
	must(t, os.WriteFile(n.nginxLog, nil, 0o644)) // nginx appends; this run's lines only
	conf := nginxConfig(t, artifacts, networkLocation(t), nginxPort, phpPort, sidecarAddr, n.nginxLog)
	start(t, filepath.Join(artifacts, "network-nginx.log"), nil,
		"nginx", nil, "-e", filepath.Join(artifacts, "network-nginx-error.log"), "-p", filepath.Dir(conf), "-c", conf)
	waitHTTP(t, n.home+"/shop/wp-login.php")
	t.Logf("network served at %s", time.Since(began).Round(time.Millisecond))
	return n
}

// start runs name with args in env (nil: the test's own) until the test ends, its
// output into logPath; prepare, when given, adjusts the command before it starts.
func start(t *testing.T, logPath string, prepare func(*exec.Cmd), name string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	logFile, err := os.Create(logPath)
	must(t, err)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if prepare != nil {
		prepare(cmd)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		logFile.Close()
	})
}

// waitListening waits until something accepts connections at addr. (WordPress sends
// a request for another host to the network's address, which may not answer yet.)
func waitListening(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
	}
	t.Fatalf("nothing listens at %s", addr)
}

// buildNetwork runs make-network.php (install, then populate) into db, so that the
// network has every table WordPress makes, not only those the dump keeps.
func buildNetwork(t *testing.T, db *repotest.Database, today string) {
	t.Helper()
	cfg := dsnParts(t, db.DSN)
	// A private wp-content with the package's themes, as make-network.sh makes one.
	content := filepath.Join(t.TempDir(), "wp-content")
	must(t, os.MkdirAll(content, 0o755))
	must(t, os.Symlink(filepath.Join(debianWP, "wp-content", "themes"), filepath.Join(content, "themes")))
	for _, phase := range []string{"install", "populate"} {
		cmd := exec.Command("php", "../testdata/wordpress-network/make-network.php", phase)
		cmd.Env = append(os.Environ(), "KCHAT_DB_NAME="+cfg[0], "KCHAT_DB_USER="+cfg[1], "KCHAT_DB_PASSWORD="+cfg[2],
			"KCHAT_DB_HOST="+cfg[3], "KCHAT_WP_CONTENT_DIR="+content, "KCHAT_TODAY="+today, "WORDPRESS_DIR="+debianWP)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make-network.php %s: %v\n%s", phase, err, out)
		}
	}
}

// moveNetwork moves the network from netfixture.Domain to host (with its port), as one
// moves a WordPress network: the network's and the sites' domains, the network's
// siteurl and every site's home and siteurl. (wpmu_create_blog drops a port from the
// domain it is given, so the network cannot be built at host directly.)
func moveNetwork(t *testing.T, db *repotest.Database, host string) {
	t.Helper()
	db.Exec(t, "UPDATE wp_site SET domain = ?", host)
	db.Exec(t, "UPDATE wp_blogs SET domain = ?", host)
	from, to := "http://"+netfixture.Domain, "http://"+host
	db.Exec(t, "UPDATE wp_sitemeta SET meta_value = REPLACE(meta_value, ?, ?) WHERE meta_key = 'siteurl'", from, to)
	for _, s := range netfixture.Sites {
		db.Exec(t, "UPDATE "+s.Prefix+"options SET option_value = REPLACE(option_value, ?, ?) WHERE option_name IN ('home', 'siteurl')", from, to)
	}
}

// networkRouter is php -S's router script: what WordPress's .htaccess for a
// subdirectory network does (wp-admin/network.php shows it). A file or directory that
// exists is served as it is; wp-admin, wp-includes and wp-content under a site's path,
// and any *.php under it, are the network's own files; anything else is index.php. The
// request's URI stays as sent, so WordPress chooses the site from it.
const networkRouter = `<?php
$kchat_uri = rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
// RewriteRule ^([_0-9a-zA-Z-]+/)?wp-admin$ $1wp-admin/ [R=301,L]
if ( preg_match( '#^/([_0-9a-zA-Z-]+/)?wp-admin$#', $kchat_uri ) ) {
	header( 'Location: ' . $kchat_uri . '/', true, 301 );
	return true;
}
// RewriteCond %{REQUEST_FILENAME} -f [OR] -d: RewriteRule ^ - [L]
if ( file_exists( __DIR__ . $kchat_uri ) ) {
	return false;
}
if ( preg_match( '#^/([_0-9a-zA-Z-]+/)?(wp-(content|admin|includes).*)$#', $kchat_uri, $kchat_m ) ||
	preg_match( '#^/([_0-9a-zA-Z-]+/)?(.*\.php)$#', $kchat_uri, $kchat_m ) ) {
	$kchat_target = '/' . $kchat_m[2];
} else {
	$kchat_target = '/index.php';
}
if ( is_dir( __DIR__ . $kchat_target ) ) {
	$kchat_target = rtrim( $kchat_target, '/' ) . '/index.php';
}
$kchat_file = __DIR__ . $kchat_target;
if ( ! is_file( $kchat_file ) ) {
	http_response_code( 404 );
	return true;
}
if ( '.php' !== substr( $kchat_file, -4 ) ) {
	$kchat_types = array( 'css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'gif' => 'image/gif', 'jpg' => 'image/jpeg', 'woff' => 'font/woff', 'woff2' => 'font/woff2', 'ttf' => 'font/ttf' );
	$kchat_ext   = strtolower( pathinfo( $kchat_file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( $kchat_types[ $kchat_ext ] ?? 'application/octet-stream' ) );
	readfile( $kchat_file );
	return true;
}
$_SERVER['SCRIPT_NAME']     = $kchat_target;
$_SERVER['PHP_SELF']        = $kchat_target;
$_SERVER['SCRIPT_FILENAME'] = $kchat_file;
chdir( dirname( $kchat_file ) );
unset( $kchat_uri, $kchat_m, $kchat_target );
require $kchat_file;
`

// nginxConfig writes an nginx configuration: location, a location block of the shipped
// docker/nginx/kchat-sidecar.conf (so that the text the README points at is what runs),
// with the sidecar at sidecarAddr, and everything else proxied to php -S. Returns the
// file's path.
func nginxConfig(t *testing.T, dir, location string, port, phpPort int, sidecarAddr, accessLog string) string {
	t.Helper()
	if !strings.Contains(location, "http://127.0.0.1:8080") {
		t.Fatalf("the location does not proxy to http://127.0.0.1:8080:\n%s", location)
	}
	location = strings.ReplaceAll(location, "http://127.0.0.1:8080", "http://"+sidecarAddr)
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;\n" // workers write temporary files in the test's private directory
	}
	temp := filepath.Join(dir, "nginx-temp")
	must(t, os.MkdirAll(temp, 0o755))
	conf := user + `daemon off;
master_process on;
worker_processes 1;
pid ` + filepath.Join(dir, "nginx.pid") + `;
events { worker_connections 256; }
http {
    access_log ` + accessLog + `;
    client_body_temp_path ` + temp + `/body;
    proxy_temp_path ` + temp + `/proxy;
    fastcgi_temp_path ` + temp + `/fastcgi;
    uwsgi_temp_path ` + temp + `/uwsgi;
    scgi_temp_path ` + temp + `/scgi;
    server {
        listen 127.0.0.1:` + strconv.Itoa(port) + `;

` + location + `
        location / {
            proxy_pass http://127.0.0.1:` + strconv.Itoa(phpPort) + `;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }
    }
}
`
	path := filepath.Join(dir, "nginx.conf")
	must(t, os.WriteFile(path, []byte(conf), 0o644))
	return path
}

// networkLocation is the network variant of the shipped docker/nginx/kchat-sidecar.conf:
// its commented location block, uncommented.
func networkLocation(t *testing.T) string {
	t.Helper()
	shipped, err := os.ReadFile("nginx/kchat-sidecar.conf")
	must(t, err)
	block := regexp.MustCompile(`(?ms)^# (location ~ \^\(/\[\^/\]\+\)\?/wp-json/.*?)^# \}$`).FindSubmatch(shipped)
	if block == nil {
		t.Fatal("docker/nginx/kchat-sidecar.conf has no commented network location block")
	}
	return regexp.MustCompile(`(?m)^# ?`).ReplaceAllString(string(block[1]), "") + "}\n"
}

// TestNetworkNginxRuleInReadme: the rule the README's "Networks" shows is the shipped
// one, which TestWordPressNetwork runs in real nginx.
func TestNetworkNginxRuleInReadme(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	must(t, err)
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(words(string(readme)), words(networkLocation(t))) {
		t.Errorf("the README does not show docker/nginx/kchat-sidecar.conf's network location:\n%s", networkLocation(t))
	}
}

// sqlBuckets is the oracle for a site's admin page: the site's interactions table
// summed per bucket by plain SQL over [start, end], labeled as the page labels them
// (weeks by their first day, on the site's start of week), and the window's total.
func sqlBuckets(t *testing.T, db *repotest.Database, prefix, period string, startOfWeek int, start, end string) (map[string]int64, int64) {
	t.Helper()
	label := map[string]string{
		"daily":   "DATE_FORMAT(`date`, '%m-%d')",
		"monthly": "DATE_FORMAT(`date`, '%Y-%m')",
		"yearly":  "DATE_FORMAT(`date`, '%Y')",
		// DAYOFWEEK counts Sunday as 1, start_of_week Sunday as 0.
		"weekly": fmt.Sprintf("DATE_FORMAT(DATE_SUB(`date`, INTERVAL (DAYOFWEEK(`date`) - 1 - %d + 7) %% 7 DAY), '%%Y-%%m-%%d')", startOfWeek),
	}[period]
	if label == "" {
		t.Fatalf("no oracle for period %q", period)
	}
	conn, err := sql.Open("mysql", db.DSN)
	must(t, err)
	defer conn.Close()
	rows, err := conn.Query("SELECT "+label+", SUM(COALESCE(`count`, 0)) FROM "+prefix+"chatbot_chatgpt_interactions WHERE `date` BETWEEN ? AND ? GROUP BY 1", start, end)
	must(t, err)
	defer rows.Close()
	buckets, total := map[string]int64{}, int64(0)
	for rows.Next() {
		var l string
		var c int64
		must(t, rows.Scan(&l, &c))
		buckets[l] = c
		total += c
	}
	must(t, rows.Err())
	return buckets, total
}

// TestWordPressNetwork serves a real WordPress network (built by WordPress's own code,
// behind real nginx with the shipped network rule) and checks in Chromium what each
// kind of user sees on a site's admin page, against plain SQL over the site's tables.
func TestWordPressNetwork(t *testing.T) {
	artifacts := requireE2E(t, "nginx")
	n := startNetwork(t, artifacts)
	// Plain permalinks (a fresh install's default) on the main site, whose address the
	// network page calls, and on Docs: WordPress's REST address is then ?rest_route=,
	// which PHP serves, while the sidecar is mounted at the literal /wp-json/kchat/.
	for _, s := range []netfixture.Site{netfixture.Main, netfixture.Docs} {
		n.db.Exec(t, "UPDATE "+s.Prefix+"options SET option_value = '' WHERE option_name = 'permalink_structure'")
	}
	// Docs's title as WordPress stores what its administrator typed, "Docs & Co's <b>x</b>":
	// sanitize_option() escapes blogname (esc_html), and WordPress prints it as HTML. The
	// network page must show the title, neither the entities nor any markup.
	n.db.Exec(t, "UPDATE "+netfixture.Docs.Prefix+"options SET option_value = 'Docs &amp; Co&#039;s &lt;b&gt;x&lt;/b&gt;' WHERE option_name = 'blogname'")
	t.Cleanup(func() {
		// Passwords typed into wp-login.php, tokens and the key all passed by.
		var passwords []string
		for _, u := range netfixture.Users {
			passwords = append(passwords, u.Password)
		}
		checkLogClean(t, n.sidecarLog, 10, append(passwords, netfixture.Secret)...)
	})

	// Shop's administrator, on Shop's page: Shop's numbers (the Monthly period it keeps),
	// not the main site's, and weeks that start on Shop's Sunday.
	shop := newBrowser(t)
	login(t, shop, n.home+"/shop", netfixture.ShopAdmin.Login, netfixture.ShopAdmin.Password)
	openSitePage(t, shop, n.home+"/shop")
	period, startDay, endDay := checkSitePage(t, shop, n.db, netfixture.Shop)
	if period != "monthly" {
		t.Errorf("Shop's page opens on %q, its reporting period is Monthly", period)
	}
	_, shopTotal := sqlBuckets(t, n.db, netfixture.Shop.Prefix, period, netfixture.Shop.StartOfWeek, startDay, endDay)
	if _, mainTotal := sqlBuckets(t, n.db, netfixture.Main.Prefix, period, netfixture.Main.StartOfWeek, startDay, endDay); mainTotal == shopTotal {
		t.Errorf("the main site's and Shop's totals are both %d: the page could show either", shopTotal)
	}
	selectPeriod(t, shop, "weekly")
	checkSitePage(t, shop, n.db, netfixture.Shop)
	saveScreenshot(t, shop, filepath.Join(artifacts, "network-shop-page.png"))
	// The page's calls went through nginx under Shop's path.
	access, err := os.ReadFile(n.nginxLog)
	must(t, err)
	if !strings.Contains(string(access), "GET /shop/wp-json/kchat/v1/interactions/summary?") {
		t.Errorf("nginx saw no call to /shop/wp-json/kchat/v1/interactions/summary")
	}

	// A super admin on News's page: News's numbers, weeks from Saturday.
	super := newBrowser(t)
	login(t, super, n.home+"/news", netfixture.NetAdmin.Login, netfixture.NetAdmin.Password)
	openSitePage(t, super, n.home+"/news")
	if period, _, _ := checkSitePage(t, super, n.db, netfixture.News); period != "yearly" {
		t.Errorf("News's page opens on %q, its reporting period is Yearly", period)
	}
	selectPeriod(t, super, "weekly")
	checkSitePage(t, super, n.db, netfixture.News)

	// A super admin with no role on any site reads Docs (a zone that is only an offset,
	// weeks from Wednesday) as a super admin, not as the site's administrator.
	helper := newBrowser(t)
	login(t, helper, n.home+"/docs", netfixture.SuperHelper.Login, netfixture.SuperHelper.Password)
	openSitePage(t, helper, n.home+"/docs")
	checkSitePage(t, helper, n.db, netfixture.Docs)
	selectPeriod(t, helper, "weekly")
	checkSitePage(t, helper, n.db, netfixture.Docs)

	// News's editor: WordPress refuses the page.
	editor := newBrowser(t)
	login(t, editor, n.home+"/news", netfixture.NewsEditor.Login, netfixture.NewsEditor.Password)
	var menu int
	var body string
	must(t, chromedp.Run(editor,
		chromedp.Navigate(n.home+"/news/wp-admin/"),
		chromedp.WaitVisible(`#adminmenu`, chromedp.ByID),
		chromedp.Evaluate(`document.querySelectorAll('#adminmenu a[href*="page=kchat-interactions"]').length`, &menu),
		chromedp.Navigate(n.home+"/news/wp-admin/options-general.php?page=kchat-interactions"),
		chromedp.WaitVisible(`#error-page, #kchat-sidecar`, chromedp.ByQuery),
		chromedp.Text(`body`, &body, chromedp.ByQuery),
	))
	if menu != 0 {
		t.Errorf("News's editor has %d menu entries for the page", menu)
	}
	if !strings.Contains(body, "not allowed") || strings.Contains(body, "Download Interaction Data") {
		t.Errorf("News's editor sees the page: %.300s", body)
	}

	checkNetworkPage(t, n, super, shop, artifacts)
	checkNetworkRoutes(t, n)

	// Every file the pages asked for was served: the router found each site's
	// wp-admin, wp-includes and wp-content, and nothing failed.
	access, err = os.ReadFile(n.nginxLog)
	must(t, err)
	for _, line := range strings.Split(string(access), "\n") {
		if f := strings.Fields(line); len(f) > 8 && (f[8] == "404" || f[8][0] == '5') && !strings.Contains(line, "/wp-json/") {
			t.Errorf("nginx: %.200s", line)
		}
	}
}

// checkNetworkRoutes checks, without a browser, what nginx and the sidecar make of the
// network's addresses: the token route answers under each site's path and issues that
// site's tokens, which its own site takes and another refuses; a host that is not the
// network's is no site at all.
func checkNetworkRoutes(t *testing.T, n *network) {
	t.Helper()
	get := func(u, token string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	resp, err := http.PostForm(n.home+"/shop/wp-json/jwt-auth/v1/token",
		url.Values{"username": {netfixture.ShopAdmin.Login}, "password": {netfixture.ShopAdmin.Password}})
	must(t, err)
	var answer struct{ Token string }
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &answer) != nil || answer.Token == "" {
		t.Fatalf("Shop's token route: %d %s", resp.StatusCode, b)
	}
	if code, body := get(n.home+"/shop/wp-json/kchat/v1/interactions/summary", answer.Token); code != http.StatusOK {
		t.Errorf("Shop's token on Shop: %d %.200s", code, body)
	}
	for _, other := range []string{"/", "/news/"} {
		if code, _ := get(n.home+other+"wp-json/kchat/v1/interactions/summary", answer.Token); code < 400 || code >= 500 {
			t.Errorf("Shop's token on %s: %d, want a refusal", other, code)
		}
	}
	// The sidecar's own address is not the network's host: no site answers there.
	if code, body := get(n.sidecarURL+"/shop/wp-json/kchat/v1/interactions/summary", answer.Token); code != http.StatusNotFound || !strings.Contains(body, "rest_no_route") {
		t.Errorf("an unknown host: %d %.200s", code, body)
	}
}

// checkNetworkPage: Network Admin → Chatbot Interactions for a super admin, against
// the sidecar's network summary (the order of the rows) and plain SQL per site (the
// numbers); the window through the form; the download against the API's export. Then
// Shop's administrator, who is no super admin, is refused the page.
func checkNetworkPage(t *testing.T, n *network, super, shop context.Context, artifacts string) {
	t.Helper()
	// Both are logged in on the network already: WordPress's login cookie of a
	// subdirectory network holds for every site (and wp-login.php sends them on).
	state := pageState(t, super, chromedp.Navigate(n.home+networkPage))
	if state != "ready" {
		saveScreenshot(t, super, filepath.Join(artifacts, "network-page-failed.png"))
		t.Fatalf("the network page is %q", state)
	}
	start, end := checkNetworkTable(t, super, n)
	// The default window: the last 30 days of the main site's calendar.
	if s, _ := time.Parse("2006-01-02", start); end != n.today || s.AddDate(0, 0, 29).Format("2006-01-02") != end {
		t.Errorf("the network page's default window is %s..%s, today is %s", start, end, n.today)
	}
	// docker/wordpress/screenshot-network.png is a copy of this.
	saveScreenshot(t, super, filepath.Join(artifacts, "network-page.png"))

	// Another window, through the form: ten days ending a week ago.
	today, _ := time.Parse("2006-01-02", n.today)
	from, to := today.AddDate(0, 0, -16).Format("2006-01-02"), today.AddDate(0, 0, -7).Format("2006-01-02")
	state = pageState(t, super,
		chromedp.SetValue(`#kchat-network-start`, from, chromedp.ByID),
		chromedp.SetValue(`#kchat-network-end`, to, chromedp.ByID),
		chromedp.Click(`#kchat-network-form [type=submit]`, chromedp.ByQuery))
	if state != "ready" {
		t.Fatalf("after choosing %s..%s the network page is %q", from, to, state)
	}
	if start, end := checkNetworkTable(t, super, n); start != from || end != to {
		t.Errorf("the network page shows %s..%s after choosing %s..%s", start, end, from, to)
	}

	// The download: the API's export of the window shown, byte for byte.
	file := download(t, super, `#kchat-network-download`)
	if want := "chatbot-network-interactions-" + from + "-" + to + ".csv"; filepath.Base(file) != want {
		t.Errorf("the network download is named %s, want %s", filepath.Base(file), want)
	}
	got, err := os.ReadFile(file)
	must(t, err)
	want := networkAPI(t, n, "export", from, to)
	if !bytes.Equal(got, want) || len(want) < 100 {
		t.Errorf("the network download (%d bytes) differs from the API's export (%d bytes):\n%.300s\nAPI:\n%.300s", len(got), len(want), got, want)
	}

	// Labs, without the chatbot's table, is named but not linked: its page could only
	// show an error. That page, opened all the same, says which table Labs lacks (and
	// not that the sidecar's settings are wrong).
	var labsLinks int
	var labsName string
	labs := fmt.Sprintf(`#kchat-network-sites tr[data-blog-id="%d"] td.kchat-site`, netfixture.Labs.BlogID)
	must(t, chromedp.Run(super,
		chromedp.Evaluate(`document.querySelectorAll('`+labs+` a').length`, &labsLinks),
		chromedp.Text(labs, &labsName, chromedp.ByQuery),
	))
	if labsLinks != 0 || labsName != netfixture.Labs.Name {
		t.Errorf("Labs's cell holds %d links and says %q, want its name %q unlinked", labsLinks, labsName, netfixture.Labs.Name)
	}
	if state := pageState(t, super, chromedp.Navigate(n.home+strings.TrimSuffix(netfixture.Labs.Path, "/")+"/wp-admin/options-general.php?page=kchat-interactions")); state != "error" {
		t.Errorf("Labs's page, without the chatbot's table, is %q", state)
	}
	var notice string
	must(t, chromedp.Run(super, chromedp.Text(`#kchat-notices .notice-error`, &notice, chromedp.ByQuery)))
	if !strings.Contains(notice, netfixture.Labs.Prefix+"chatbot_chatgpt_interactions") || strings.Contains(notice, "blog id") {
		t.Errorf("Labs's page says %q", notice)
	}
	saveScreenshot(t, super, filepath.Join(artifacts, "network-labs-page.png"))

	// Shop's administrator is no super admin: WordPress refuses the page.
	var body string
	var rows int
	must(t, chromedp.Run(shop,
		chromedp.Navigate(n.home+networkPage),
		chromedp.WaitVisible(`#error-page, #kchat-network-sites`, chromedp.ByQuery),
		chromedp.Text(`body`, &body, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#kchat-network-sites').length`, &rows),
	))
	if rows != 0 || !strings.Contains(body, "not allowed") {
		t.Errorf("Shop's administrator opens the network page: %.300s", body)
	}
}

// networkPage is Network Admin → Chatbot Interactions, under the network's address.
const networkPage = "/wp-admin/network/admin.php?page=kchat-network-interactions"

// networkRow is one row of the network page's table, as shown.
type networkRow struct {
	BlogID, Site, Href, Path, Timezone, Total, TotalText string
	Markup                                               int // elements in the site's cell besides its link
}

// checkNetworkTable compares the network page's table with the sidecar's network
// summary for the window shown (the rows' order and facts) and with plain SQL over each
// site's interactions table (the totals), and returns the window.
func checkNetworkTable(t *testing.T, ctx context.Context, n *network) (start, end string) {
	t.Helper()
	var rows []networkRow
	var total string
	must(t, chromedp.Run(ctx,
		chromedp.AttributeValue(`#kchat-network-window`, "data-start", &start, nil, chromedp.ByID),
		chromedp.AttributeValue(`#kchat-network-window`, "data-end", &end, nil, chromedp.ByID),
		chromedp.AttributeValue(`#kchat-network-total`, "data-total", &total, nil, chromedp.ByID),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#kchat-network-sites tbody tr')).map(tr => {
			const a = tr.querySelector('td.kchat-site a');
			const total = tr.querySelector('td.kchat-total');
			return {BlogID: tr.dataset.blogId, Site: tr.querySelector('td.kchat-site').textContent, Href: a ? a.href : '',
				Markup: tr.querySelectorAll('td.kchat-site *:not(a)').length,
				Path: tr.querySelector('td.kchat-path').textContent, Timezone: tr.querySelector('td.kchat-timezone').textContent,
				Total: total.dataset.total, TotalText: total.textContent};
		})`, &rows),
	))
	var api struct {
		Start, End string
		Total      int64
		Sites      []struct {
			BlogID       int    `json:"blog_id"`
			Path         string `json:"path"`
			Name         string `json:"name"`
			Timezone     string `json:"timezone"`
			Total        *int64 `json:"total"`
			TableMissing bool   `json:"table_missing"`
		}
	}
	must(t, json.Unmarshal(networkAPI(t, n, "summary", start, end), &api))
	if api.Start != start || api.End != end {
		t.Errorf("the API answers %s..%s for the window %s..%s", api.Start, api.End, start, end)
	}
	if len(rows) != len(netfixture.Sites) || len(api.Sites) != len(rows) {
		t.Fatalf("the network page shows %d sites, the network has %d, the API lists %d", len(rows), len(netfixture.Sites), len(api.Sites))
	}
	var sum int64
	for i, r := range rows {
		a := api.Sites[i]
		if r.BlogID != strconv.Itoa(a.BlogID) || r.Path != a.Path || r.Site != html.UnescapeString(a.Name) || r.Markup != 0 || r.Timezone != a.Timezone {
			t.Errorf("row %d: the page shows %+v, the API %+v", i, r, a)
		}
		site := netfixture.Sites[a.BlogID-1]
		if !site.Chatbot {
			if r.Total != "" || !a.TableMissing || !strings.Contains(r.TotalText, "No chatbot table") {
				t.Errorf("%s has no chatbot table, the page shows %q (%q)", site.Path, r.Total, r.TotalText)
			}
			if r.Href != "" {
				t.Errorf("%s has no chatbot table, yet links to its page %q", site.Path, r.Href)
			}
			if i != len(rows)-1 {
				t.Errorf("%s, without the table, is row %d, not the last", site.Path, i)
			}
			continue
		}
		_, want := sqlBuckets(t, n.db, site.Prefix, "yearly", 0, start, end)
		sum += want
		if r.Total != strconv.FormatInt(want, 10) {
			t.Errorf("%s %s..%s: the page's total is %q, SQL's %d", site.Path, start, end, r.Total, want)
		}
		if wantHref := n.home + strings.TrimSuffix(site.Path, "/") + "/wp-admin/options-general.php?page=kchat-interactions"; r.Href != wantHref {
			t.Errorf("%s links to %q, want %q", site.Path, r.Href, wantHref)
		}
	}
	if total != strconv.FormatInt(sum, 10) || sum == 0 {
		t.Errorf("%s..%s: the network total is %q, SQL's sum %d", start, end, total, sum)
	}
	return start, end
}

// networkAPI asks nginx, as the network's address, for the sidecar's network summary
// or export over [start, end], with a token the main site issued to its super admin.
func networkAPI(t *testing.T, n *network, route, start, end string) []byte {
	t.Helper()
	tok, err := auth.IssueToken([]byte(netfixture.Secret), auth.TokenParams{Issuer: n.home, UserID: netfixture.NetAdmin.ID, IssuedAt: time.Now(), TTL: time.Hour})
	must(t, err)
	return sidecarClient{base: n.home, token: tok}.get(t, "/network/interactions/"+route, url.Values{"start": {start}, "end": {end}})
}

// openSitePage opens the admin page of the site at siteURL and waits for its data.
func openSitePage(t *testing.T, ctx context.Context, siteURL string) {
	t.Helper()
	var state string
	must(t, chromedp.Run(ctx,
		chromedp.Navigate(siteURL+"/wp-admin/options-general.php?page=kchat-interactions"),
		chromedp.WaitVisible(`body[data-kchat-state]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.getAttribute('data-kchat-state')`, &state),
	))
	if state != "loaded" {
		var notices string
		chromedp.Run(ctx, chromedp.Text(`#kchat-notices`, &notices, chromedp.ByQuery))
		t.Fatalf("%s's admin page is %q: %s", siteURL, state, notices)
	}
}

// checkSitePage compares the admin page on screen with plain SQL over the site's
// interactions table, for the period and window the page shows, and returns them.
func checkSitePage(t *testing.T, ctx context.Context, db *repotest.Database, site netfixture.Site) (period, start, end string) {
	t.Helper()
	must(t, chromedp.Run(ctx,
		chromedp.Value(`#kchat-period`, &period, chromedp.ByID),
		chromedp.Value(`#kchat-start`, &start, chromedp.ByID),
		chromedp.Value(`#kchat-end`, &end, chromedp.ByID),
	))
	rows, total := pageTable(t, ctx)
	want, wantTotal := sqlBuckets(t, db, site.Prefix, period, site.StartOfWeek, start, end)
	if total != strconv.FormatInt(wantTotal, 10) || wantTotal == 0 {
		t.Errorf("%s %s %s..%s: the page's total is %s, SQL's %d", site.Path, period, start, end, total, wantTotal)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if len(r) != 2 {
			t.Fatalf("%s: a row of %d cells: %q", site.Path, len(r), r)
		}
		seen[r[0]] = true
		if r[1] != strconv.FormatInt(want[r[0]], 10) {
			t.Errorf("%s %s %s: the page shows %s, SQL sums %d", site.Path, period, r[0], r[1], want[r[0]])
		}
		if period == "weekly" {
			day, err := time.Parse("2006-01-02", r[0])
			if err != nil || int(day.Weekday()) != site.StartOfWeek {
				t.Errorf("%s: week %s does not start on the site's start_of_week %d", site.Path, r[0], site.StartOfWeek)
			}
		}
	}
	for l := range want {
		if !seen[l] {
			t.Errorf("%s %s: SQL has %s, the page does not", site.Path, period, l)
		}
	}
	return period, start, end
}
