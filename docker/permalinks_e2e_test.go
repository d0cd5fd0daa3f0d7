package docker_test

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// TestWordPressPlainPermalinks: a single site as deployed by the README, with no
// KCHAT_SIDECAR_URL and WordPress's plain permalinks (a fresh install's default, under
// which WordPress's own REST address is /?rest_route=/, served by PHP). The sidecar is
// mounted by the shipped single-site location in real nginx, in front of php -S; the
// admin page must call it at the site's literal /wp-json/kchat/v1 and show its data.
func TestWordPressPlainPermalinks(t *testing.T) {
	artifacts := requireE2E(t, "nginx")
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	moveFixtureToToday(t, db)
	nginxPort, phpPort := freePort(t), freePort(t)
	home := "http://127.0.0.1:" + strconv.Itoa(nginxPort)
	db.Exec(t, "UPDATE wp_options SET option_value = ? WHERE option_name IN ('home', 'siteurl')", home)
	// The fixture's already; said here, since this test is about it.
	db.Exec(t, "UPDATE wp_options SET option_value = '' WHERE option_name = 'permalink_structure'")

	bin := buildSidecar(t)
	sidecarAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	sidecarLog := filepath.Join(artifacts, "plain-sidecar.log")
	start(t, sidecarLog, nil, bin, []string{"KCHAT_DB_DSN=" + db.ReadOnlyDSN(t),
		"JWT_AUTH_SECRET_KEY=" + fixture.Secret, "KCHAT_LISTEN=" + sidecarAddr, "KCHAT_TRUSTED_PROXIES=127.0.0.1"})
	waitHTTP(t, "http://"+sidecarAddr+"/healthz")

	docroot := installWordPress(t, db, "") // no KCHAT_SIDECAR_URL: the plugin's default
	// A base address with a query of its own, through the plugin's filter, when asked.
	must(t, os.WriteFile(filepath.Join(docroot, "wp-content", "mu-plugins", "kchat-test-query.php"), []byte(`<?php
add_filter( 'kchat_sidecar_url', function ( $url ) {
	return isset( $_GET['kchat_test_query'] ) ? $url . '?kchat_probe=1' : $url;
} );
`), 0o644))
	start(t, filepath.Join(artifacts, "plain-php.log"), func(c *exec.Cmd) { c.Dir = docroot },
		"php", append(os.Environ(), "PHP_CLI_SERVER_WORKERS=4"), "-S", "127.0.0.1:"+strconv.Itoa(phpPort), "-t", docroot)
	waitListening(t, "127.0.0.1:"+strconv.Itoa(phpPort))
	accessLog := filepath.Join(artifacts, "plain-nginx-access.log")
	must(t, os.WriteFile(accessLog, nil, 0o644))
	nginxDir := filepath.Join(artifacts, "plain-nginx")
	must(t, os.MkdirAll(nginxDir, 0o755))
	conf := nginxConfig(t, nginxDir, siteLocation(t), nginxPort, phpPort, sidecarAddr, accessLog)
	start(t, filepath.Join(artifacts, "plain-nginx.log"), nil,
		"nginx", nil, "-e", filepath.Join(artifacts, "plain-nginx-error.log"), "-p", nginxDir, "-c", conf)
	waitHTTP(t, home+"/wp-login.php")

	// WordPress itself says its REST API is at ?rest_route=, which PHP serves.
	resp, err := http.Get(home + "/")
	must(t, err)
	front, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(front), "?rest_route=/") {
		t.Fatalf("the front page names no ?rest_route= address: are permalinks plain? %.300s", front)
	}

	ctx := newBrowser(t)
	login(t, ctx, home, fixture.AdminLogin, fixture.AdminPassword)
	if state := pageState(t, ctx, chromedp.Navigate(home+"/wp-admin/options-general.php?page=kchat-interactions")); state != "loaded" {
		var notices string
		chromedp.Run(ctx, chromedp.Text(`#kchat-notices`, &notices, chromedp.ByID))
		saveScreenshot(t, ctx, filepath.Join(artifacts, "plain-permalinks-failed.png"))
		t.Fatalf("with plain permalinks the page is %q: %s", state, notices)
	}
	var base string
	must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.kchatSidecar.url`, &base)))
	if base != home+"/wp-json/kchat/v1" {
		t.Errorf("the page calls %q, want the site's %s/wp-json/kchat/v1", base, home)
	}
	checkPage(t, ctx, summary(t, home, adminToken(t, home), "", "", ""))
	access, err := os.ReadFile(accessLog)
	must(t, err)
	if !regexp.MustCompile(`"GET /wp-json/kchat/v1/interactions/summary\?\S* HTTP/1.1" 200 `).Match(access) {
		t.Errorf("nginx passed no call to /wp-json/kchat/v1/interactions/summary:\n%s", access)
	}

	// The filter's base with a query: the routes still go under its path, both queries kept.
	if state := pageState(t, ctx, chromedp.Navigate(home+"/wp-admin/options-general.php?page=kchat-interactions&kchat_test_query=1")); state != "loaded" {
		t.Errorf("with a base address carrying a query the page is %q", state)
	}
	access, err = os.ReadFile(accessLog)
	must(t, err)
	if !regexp.MustCompile(`"GET /wp-json/kchat/v1/interactions/summary\?kchat_probe=1&period=\S* HTTP/1.1" 200 `).Match(access) {
		t.Errorf("nginx passed no call to /wp-json/kchat/v1/interactions/summary?kchat_probe=1&period=…:\n%s", access)
	}
	checkLogClean(t, sidecarLog, 2, fixture.Secret, fixture.AdminPassword)
}

// siteLocation is the single-site location of the shipped docker/nginx/kchat-sidecar.conf
// that mounts the sidecar under the site's /wp-json/kchat/.
func siteLocation(t *testing.T) string {
	t.Helper()
	shipped, err := os.ReadFile("nginx/kchat-sidecar.conf")
	must(t, err)
	block := regexp.MustCompile(`(?ms)^location \^~ /wp-json/kchat/ \{.*?^\}$`).Find(shipped)
	if block == nil {
		t.Fatal("docker/nginx/kchat-sidecar.conf has no location ^~ /wp-json/kchat/ block")
	}
	return string(block) + "\n"
}
