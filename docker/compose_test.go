package docker_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/template"
	"github.com/compose-spec/compose-go/v2/types"
)

// The settings compose.yaml cannot default: it refuses to load without them.
var requiredSettings = []string{"JWT_AUTH_SECRET_KEY", "WORDPRESS_ADMIN_PASSWORD"}

func composeConfig(t *testing.T, env map[string]string) types.ConfigDetails {
	t.Helper()
	abs, err := filepath.Abs("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return types.ConfigDetails{
		WorkingDir:  filepath.Dir(abs),
		ConfigFiles: []types.ConfigFile{{Filename: abs}},
		Environment: env,
	}
}

// loadCompose loads compose.yaml as Docker Compose would, with env as the environment.
func loadCompose(t *testing.T, env map[string]string) (*types.Project, error) {
	t.Helper()
	return loader.LoadWithContext(context.Background(), composeConfig(t, env),
		func(o *loader.Options) { o.SetProjectName("kchat", true) })
}

// testSettings sets every required setting, plus the given ones.
func testSettings(more ...string) map[string]string {
	env := map[string]string{"JWT_AUTH_SECRET_KEY": "compose-test-secret-123456", "WORDPRESS_ADMIN_PASSWORD": "compose-test-admin-pass"}
	for i := 0; i+1 < len(more); i += 2 {
		env[more[i]] = more[i+1]
	}
	return env
}

// No Docker engine runs here, so compose.yaml is checked with the Compose
// specification's own loader: it must parse, interpolate and validate, and wire the
// three services the way the README says.
func TestComposeFile(t *testing.T) {
	for _, name := range requiredSettings {
		env := testSettings()
		delete(env, name)
		if _, err := loadCompose(t, env); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("without %s the file must refuse to load, naming it; got %v", name, err)
		}
	}
	p, err := loadCompose(t, testSettings("WORDPRESS_TABLE_PREFIX", "site_"))
	if err != nil {
		t.Fatal(err)
	}
	// Nothing waits for the sidecar: it is ready only once the plugin's tables exist,
	// and only the set-up creates them, so a wait on it would never end.
	for _, s := range p.Services {
		if d, ok := s.DependsOn["sidecar"]; ok {
			t.Errorf("%s depends on the sidecar (%s)", s.Name, d.Condition)
		}
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
	wp, sc, db, setup := svc("wordpress"), svc("sidecar"), svc("db"), svc("wordpress-setup")

	// WordPress and the sidecar share the database, the prefix and the key.
	for _, k := range []string{"WORDPRESS_DB_HOST", "WORDPRESS_DB_NAME", "WORDPRESS_TABLE_PREFIX", "JWT_AUTH_SECRET_KEY"} {
		if env(wp, k) == "" || env(wp, k) != env(sc, k) {
			t.Errorf("%s: wordpress %q, sidecar %q", k, env(wp, k), env(sc, k))
		}
	}
	// wp-config.php of the official image reads the environment on every load, so wp-cli
	// must see exactly what WordPress sees, or it installs into another database or prefix.
	for k := range wp.Environment {
		if env(setup, k) != env(wp, k) {
			t.Errorf("%s: wordpress %q, wordpress-setup %q", k, env(wp, k), env(setup, k))
		}
	}
	// The key reaches wp-config.php, where the bridge plugin signs with it.
	if extra := env(wp, "WORDPRESS_CONFIG_EXTRA"); !strings.Contains(extra, "define( 'JWT_AUTH_SECRET_KEY', getenv( 'JWT_AUTH_SECRET_KEY' ) )") {
		t.Errorf("wp-config.php does not get JWT_AUTH_SECRET_KEY: %q", extra)
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
	for _, s := range []types.ServiceConfig{wp, sc, setup} {
		if s.DependsOn["db"].Condition != types.ServiceConditionHealthy {
			t.Errorf("%s must wait for a healthy database", s.Name)
		}
	}
	// The sidecar keeps running while it is not ready, and comes back after a crash.
	if sc.Restart != types.RestartPolicyUnlessStopped {
		t.Errorf("sidecar restart policy %q", sc.Restart)
	}

	// The one-shot set-up: wp-cli on WordPress's own files, as their owner, running the
	// script that installs WordPress and the plugins, again after a failure but not
	// after success.
	if !strings.HasPrefix(setup.Image, "wordpress:cli") || setup.User != "33:33" || setup.WorkingDir != "/var/www/html" {
		t.Errorf("wordpress-setup image %q, user %q, working dir %q", setup.Image, setup.User, setup.WorkingDir)
	}
	if !strings.HasPrefix(setup.Restart, "on-failure") {
		t.Errorf("wordpress-setup restart policy %q", setup.Restart)
	}
	if setup.DependsOn["wordpress"].Condition != types.ServiceConditionStarted {
		t.Errorf("wordpress-setup must start after wordpress, which writes wp-config.php: %+v", setup.DependsOn)
	}
	if strings.Join(setup.Entrypoint, " ") != "sh /kchat/setup.sh" {
		t.Errorf("wordpress-setup entrypoint %q", setup.Entrypoint)
	}
	if src := volumeAt(setup, "/kchat/setup.sh"); !strings.HasSuffix(src, "docker/wordpress/setup.sh") || !fileExists(src) {
		t.Errorf("the set-up script is not mounted: %q", src)
	}
	if volumeAt(setup, "/var/www/html") != "wordpress" || volumeAt(wp, "/var/www/html") != "wordpress" {
		t.Errorf("wordpress-setup must share the WordPress files volume: %+v", setup.Volumes)
	}
	for _, k := range []string{"WORDPRESS_URL", "WORDPRESS_TITLE", "WORDPRESS_ADMIN_USER", "WORDPRESS_ADMIN_PASSWORD", "WORDPRESS_ADMIN_EMAIL"} {
		if env(setup, k) == "" {
			t.Errorf("wordpress-setup has no %s", k)
		}
	}
	// The site's address is the tokens' issuer and the origin the sidecar lets call it.
	if env(setup, "WORDPRESS_URL") != env(sc, "KCHAT_CORS_ORIGINS") {
		t.Errorf("site %q, sidecar CORS origins %q", env(setup, "WORDPRESS_URL"), env(sc, "KCHAT_CORS_ORIGINS"))
	}
	// The sidecar is built from the repository's Dockerfile and listens on all
	// interfaces inside its container.
	if sc.Build == nil || sc.Build.Dockerfile != "docker/Dockerfile" || env(sc, "KCHAT_LISTEN") != "0.0.0.0:8080" {
		t.Errorf("sidecar build/listen: %+v %q", sc.Build, env(sc, "KCHAT_LISTEN"))
	}
	if _, err := os.Stat(filepath.Join(sc.Build.Context, sc.Build.Dockerfile)); err != nil {
		t.Errorf("the Dockerfile compose builds: %v", err)
	}
	// The bridge plugin is mounted as a plugin, from this repository, where the set-up
	// activates it; wp-cli must see the file too (a bind mount is not in the volume).
	for _, s := range []types.ServiceConfig{wp, setup} {
		if src := volumeAt(s, "/var/www/html/wp-content/plugins/kchat-sidecar.php"); !strings.HasSuffix(src, "docker/wordpress/kchat-sidecar.php") {
			t.Errorf("%s: the bridge plugin is not mounted: %+v", s.Name, s.Volumes)
		}
	}
}

// Every ${VARIABLE} compose.yaml reads is in .env.example, with the same default, and
// the example lists nothing else; the required ones are there empty, to be filled in.
func TestComposeEnvExample(t *testing.T) {
	model, err := loader.LoadModelWithContext(context.Background(), composeConfig(t, map[string]string{}),
		func(o *loader.Options) {
			o.SetProjectName("kchat", true)
			o.SkipInterpolation, o.SkipValidation, o.SkipNormalization = true, true, true
		})
	if err != nil {
		t.Fatal(err)
	}
	used := template.ExtractVariables(model, template.DefaultPattern)
	example, err := dotenv.Read(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	var required []string
	for name, v := range used {
		documented, ok := example[name]
		switch {
		case !ok:
			t.Errorf("compose.yaml reads ${%s}; .env.example does not list it", name)
		case v.Required:
			required = append(required, name)
			if documented != "" {
				t.Errorf(".env.example gives the required %s a value, which a copied file would keep", name)
			}
		case documented != v.DefaultValue:
			t.Errorf("%s: .env.example says %q, compose.yaml defaults to %q", name, documented, v.DefaultValue)
		}
	}
	for name := range example {
		if _, ok := used[name]; !ok {
			t.Errorf(".env.example lists %s, which compose.yaml does not read", name)
		}
	}
	sort.Strings(required)
	if strings.Join(required, " ") != strings.Join(requiredSettings, " ") {
		t.Errorf("required settings %v, want %v", required, requiredSettings)
	}
	// The example, once its secrets are filled in, is a complete configuration.
	for _, name := range requiredSettings {
		example[name] = testSettings()[name]
	}
	if _, err := loadCompose(t, example); err != nil {
		t.Errorf("compose.yaml with .env.example's settings: %v", err)
	}
}

// volumeAt returns the source of what s mounts at target ("" when nothing is).
func volumeAt(s types.ServiceConfig, target string) string {
	for _, v := range s.Volumes {
		if v.Target == target {
			return v.Source
		}
	}
	return ""
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
