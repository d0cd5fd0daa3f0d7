package repository_test

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	nf "github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// TestFindAsWordPress asks WordPress itself (wpnetwork/testdata/site-by-path.php, over
// Debian's wordpress package) which site it serves for a few hundred requests to the
// network fixture, with sites added for the odd cases, and compares every answer with
// Network() and wpnetwork's Find: as a subdirectory and as a subdomain install, with
// one network and with three. It needs php (with mysqli), WordPress and MariaDB
// (KCHAT_TEST_MYSQL_DSN); it is skipped without them, except that CI must have php.
// One difference is deliberate: an empty Host (or "0").
func TestFindAsWordPress(t *testing.T) {
	php, err := exec.LookPath("php")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI must compare with PHP, and there is no php on PATH (.ci/run installs php-cli)")
		}
		t.Skip("no php on PATH to compare with")
	}
	wordpress := os.Getenv("WORDPRESS_DIR")
	if wordpress == "" {
		wordpress = "/usr/share/wordpress"
	}
	if _, err := os.Stat(wordpress + "/wp-includes/ms-load.php"); err != nil {
		t.Skipf("no WordPress to compare with: %v", err)
	}
	db := repotest.NewDatabase(t)
	if db.Embedded {
		t.Skip("WordPress runs against MariaDB only (set KCHAT_TEST_MYSQL_DSN)")
	}
	db.LoadNetworkFixture(t)
	db.Exec(t, `INSERT INTO wp_blogs (blog_id, site_id, domain, path, archived, deleted) VALUES
		(6, 1, 'network.example.test', '/shopping/', 0, 0), (7, 1, 'network.example.test:8080', '/', 0, 0),
		(8, 1, 'www.network.example.test', '/labs/', 1, 0), (9, 1, 'Upper.Example.Test', '/', 0, 1),
		(10, 1, 'shop.network.example.test', '/', 0, 0), (11, 1, 'shop.network.example.test', '/b/', 0, 0)`)
	repo := open(t, db.ReadOnlyDSN(t), nf.BasePrefix, 1)

	hosts := []string{"network.example.test", "NETWORK.Example.Test", "network.example.test:80", "network.example.test:443",
		"network.example.test:8080", "www.network.example.test", "www.www.network.example.test", "shop.network.example.test",
		"www.shop.network.example.test:443", "upper.example.test", "other.test", "sub.other.test", "unknown.test", "", "0"}
	paths := []string{"/", "", "/shop", "/shop/", "/SHOP/x", "/shop/wp-json/kchat/v1/x?a=/news/", "/shopping/x", "/shopp/",
		"/news/shop/", "//shop/x", "/0/shop/", "/labs/", "/deep/x/y", "/deep/z", "/b/x", "/x/y"}
	compare := func(t *testing.T, subdomain bool) {
		n, err := repo.Network(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		m := siteMap(n, subdomain)
		var input strings.Builder
		for _, h := range hosts {
			for _, p := range paths {
				input.WriteString(h + "\t" + p + "\n")
			}
		}
		answers := askWordPress(t, php, wordpress, db, subdomain, input.String())
		i, agree := 0, 0
		for _, h := range hosts {
			for _, p := range paths {
				got := 0
				if match, ok := m.Find(h, p); ok {
					got = match.Site.BlogID
				}
				want := answers[i]
				if h == "" || h == "0" {
					// WordPress then drops the domain from its query and takes the
					// longest path on any domain; the sidecar finds nothing.
					want = 0
				}
				if got != want {
					t.Errorf("Find(%q, %q): blog %d, WordPress serves %d", h, p, got, want)
				} else {
					agree++
				}
				i++
			}
		}
		t.Logf("%d answers agree with WordPress's", agree)
	}
	t.Run("Subdirectory", func(t *testing.T) { compare(t, false) })
	t.Run("Subdomain", func(t *testing.T) { compare(t, true) })

	db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (2, 'other.test', '/'), (3, 'network.example.test', '/deep/')")
	db.Exec(t, `INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (20, 2, 'other.test', '/'), (21, 2, 'other.test', '/b/'),
		(22, 3, 'network.example.test', '/deep/'), (23, 3, 'network.example.test', '/deep/x/')`)
	t.Run("ThreeNetworks", func(t *testing.T) { compare(t, false) })
	t.Run("ThreeNetworksSubdomain", func(t *testing.T) { compare(t, true) })
}

// askWordPress runs site-by-path.php on input and returns its answers.
func askWordPress(t *testing.T, php, wordpress string, db *repotest.Database, subdomain bool, input string) []int {
	t.Helper()
	c, err := mysql.ParseDSN(db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(php, "wpnetwork/testdata/site-by-path.php")
	sub := ""
	if subdomain {
		sub = "1"
	}
	cmd.Env = append(os.Environ(), "KCHAT_DB_NAME="+c.DBName, "KCHAT_DB_HOST="+c.Addr, "KCHAT_DB_USER="+c.User,
		"KCHAT_DB_PASSWORD="+c.Passwd, "KCHAT_SUBDOMAIN="+sub, "KCHAT_WP_CONTENT_DIR="+t.TempDir(),
		"KCHAT_BOOT_HOST="+nf.Domain, "WORDPRESS_DIR="+wordpress)
	cmd.Stdin = strings.NewReader(input)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("site-by-path.php: %v\n%s", err, stderr.String())
	}
	var answers []int
	for _, line := range strings.Fields(string(out)) {
		n, err := strconv.Atoi(line)
		if err != nil {
			t.Fatalf("site-by-path.php said %q\n%s", line, stderr.String())
		}
		answers = append(answers, n)
	}
	if want := strings.Count(input, "\n"); len(answers) != want {
		t.Fatalf("site-by-path.php answered %d of %d requests\n%s", len(answers), want, stderr.String())
	}
	return answers
}
