package docker_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// No Docker engine runs here, so compose.yaml is checked with the Compose
// specification's own loader: it must parse, interpolate and validate, and wire the
// three services the way the README says.
func TestComposeFile(t *testing.T) {
	abs, err := filepath.Abs("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	load := func(env map[string]string) (*types.Project, error) {
		return loader.LoadWithContext(context.Background(), types.ConfigDetails{
			WorkingDir:  filepath.Dir(abs),
			ConfigFiles: []types.ConfigFile{{Filename: abs}},
			Environment: env,
		}, func(o *loader.Options) { o.SetProjectName("kchat", true) })
	}
	if _, err := load(map[string]string{}); err == nil || !strings.Contains(err.Error(), "JWT_AUTH_SECRET_KEY") {
		t.Errorf("without JWT_AUTH_SECRET_KEY the file must refuse to load, naming it; got %v", err)
	}
	p, err := load(map[string]string{"JWT_AUTH_SECRET_KEY": "compose-test-secret-123456", "WORDPRESS_TABLE_PREFIX": "site_"})
	if err != nil {
		t.Fatal(err)
	}
	svc := func(name string) types.ServiceConfig {
		s, err := p.GetService(name)
		if err != nil {
			t.Fatalf("service %s: %v", name, err)
		}
		return s
	}
	env := func(s types.ServiceConfig, k string) string {
		if v := s.Environment[k]; v != nil {
			return *v
		}
		return ""
	}
	wp, sc, db := svc("wordpress"), svc("sidecar"), svc("db")

	// WordPress and the sidecar share the database, the prefix and the key.
	for _, k := range []string{"WORDPRESS_DB_HOST", "WORDPRESS_DB_NAME", "WORDPRESS_TABLE_PREFIX", "JWT_AUTH_SECRET_KEY"} {
		if env(wp, k) == "" || env(wp, k) != env(sc, k) {
			t.Errorf("%s: wordpress %q, sidecar %q", k, env(wp, k), env(sc, k))
		}
	}
	if env(sc, "WORDPRESS_TABLE_PREFIX") != "site_" || env(sc, "JWT_AUTH_SECRET_KEY") != "compose-test-secret-123456" {
		t.Errorf("interpolation: %v", sc.Environment)
	}
	// The sidecar reads as its own SELECT-only user, created when the database starts.
	if env(sc, "WORDPRESS_DB_USER") != "kchat" || env(sc, "WORDPRESS_DB_USER") == env(wp, "WORDPRESS_DB_USER") {
		t.Errorf("the sidecar's database user: %q", env(sc, "WORDPRESS_DB_USER"))
	}
	initdb, err := os.ReadFile("initdb/10-kchat-readonly.sh")
	if err != nil || !strings.Contains(string(initdb), "GRANT SELECT ON") || strings.Contains(string(initdb), "GRANT ALL") {
		t.Errorf("initdb script must grant SELECT only: %v", err)
	}
	// Every service has a health check, and start order follows them.
	for _, s := range []types.ServiceConfig{wp, sc, db} {
		if s.HealthCheck == nil || len(s.HealthCheck.Test) == 0 {
			t.Errorf("%s has no health check", s.Name)
		}
	}
	if wp.DependsOn["db"].Condition != types.ServiceConditionHealthy || sc.DependsOn["db"].Condition != types.ServiceConditionHealthy {
		t.Errorf("wordpress and sidecar must wait for a healthy database")
	}
	// The sidecar is built from the repository's Dockerfile and listens on all
	// interfaces inside its container.
	if sc.Build == nil || sc.Build.Dockerfile != "docker/Dockerfile" || env(sc, "KCHAT_LISTEN") != "0.0.0.0:8080" {
		t.Errorf("sidecar build/listen: %+v %q", sc.Build, env(sc, "KCHAT_LISTEN"))
	}
	if _, err := os.Stat(filepath.Join(sc.Build.Context, sc.Build.Dockerfile)); err != nil {
		t.Errorf("the Dockerfile compose builds: %v", err)
	}
	// The bridge plugin is mounted as a must-use plugin, from this repository.
	mounted := false
	for _, v := range wp.Volumes {
		if strings.HasSuffix(v.Source, "docker/wordpress/kchat-sidecar.php") && v.Target == "/var/www/html/wp-content/mu-plugins/kchat-sidecar.php" {
			mounted = true
		}
	}
	if !mounted {
		t.Errorf("the bridge plugin is not mounted: %+v", wp.Volumes)
	}
}
