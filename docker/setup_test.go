package docker_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeWP stands in for wp-cli (which no package here provides): it records each call
// and keeps the little state the set-up script asks about in files, so that a second run
// sees what the first one did. FAKE_WP_OFFLINE makes plugin downloads fail.
const fakeWP = `#!/bin/sh
s="$FAKE_WP_STATE"
if [ "$1" = eval ]; then echo eval; else echo "$*"; fi >> "$s/calls"
[ -s wp-config.php ] || { echo "Error: no wp-config.php in $(pwd)" >&2; exit 1; }
case "$1 $2" in
"core is-installed") [ -e "$s/installed" ] ;;
"core install") shift 2; printf '%s\n' "$@" > "$s/install-args"; touch "$s/installed" ;;
"plugin is-installed") [ -e "$s/plugin-$3" ] || [ -e "wp-content/plugins/$3.php" ] ;;
"plugin install") [ -z "${FAKE_WP_OFFLINE:-}" ] || { echo "Error: download failed" >&2; exit 1; }; touch "$s/plugin-$3" ;;
"plugin is-active") [ -e "$s/active-$3" ] ;;
"plugin activate") { [ -e "$s/plugin-$3" ] || [ -e "wp-content/plugins/$3.php" ]; } || exit 1
	touch "$s/active-$3"; if [ "$3" = chatbot-chatgpt ]; then touch "$s/table"; fi ;;
"eval "*) printf '%s' "$2" > "$s/eval.php"; [ -e "$s/table" ] ;;
"option get") cat "$s/permalink" 2>/dev/null || true ;;
"rewrite structure") printf '%s' "$3" > "$s/permalink" ;;
*) echo "unexpected: wp $*" >&2; exit 3 ;;
esac
`

// TestWordPressSetupScript runs docker/wordpress/setup.sh, the Compose stack's one-shot
// set-up, with the environment compose.yaml gives it, against a stand-in for wp-cli.
func TestWordPressSetupScript(t *testing.T) {
	script, err := filepath.Abs("wordpress/setup.sh")
	must(t, err)
	if out, err := exec.Command("sh", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("sh -n: %v %s", err, out)
	}
	p, err := loadCompose(t, testSettings())
	must(t, err)
	setup, err := p.GetService("wordpress-setup")
	must(t, err)
	bin := t.TempDir()
	must(t, os.WriteFile(filepath.Join(bin, "wp"), []byte(fakeWP), 0o755))

	// site makes a directory as the wordpress container leaves it: WordPress, its
	// wp-config.php and the mounted bridge plugin.
	site := func() string {
		dir := t.TempDir()
		for _, f := range []string{"wp-config.php", "wp-includes/version.php", "wp-content/plugins/kchat-sidecar.php"} {
			must(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755))
			must(t, os.WriteFile(filepath.Join(dir, f), []byte("<?php\n"), 0o644))
		}
		return dir
	}
	run := func(dir, state string, extra ...string) (calls []string, out string, err error) {
		cmd := exec.Command("sh", script)
		cmd.Dir = dir
		// Only what the container has: compose.yaml's environment, and a PATH with wp.
		cmd.Env = []string{"PATH=" + bin + ":/usr/bin:/bin", "FAKE_WP_STATE=" + state}
		for k, v := range setup.Environment {
			if v != nil {
				cmd.Env = append(cmd.Env, k+"="+*v)
			}
		}
		cmd.Env = append(cmd.Env, extra...)
		b, err := cmd.CombinedOutput()
		logged, _ := os.ReadFile(filepath.Join(state, "calls"))
		os.Remove(filepath.Join(state, "calls"))
		if s := strings.TrimSpace(string(logged)); s != "" {
			calls = strings.Split(s, "\n")
		}
		return calls, string(b), err
	}
	has := func(calls []string, prefix string) bool {
		for _, c := range calls {
			if strings.HasPrefix(c, prefix) {
				return true
			}
		}
		return false
	}

	// A first start installs everything, in order.
	dir, state := site(), t.TempDir()
	calls, out, err := run(dir, state)
	if err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	var made []string
	for _, c := range calls {
		if !strings.Contains(c, " is-") && !strings.HasPrefix(c, "option get") {
			made = append(made, strings.SplitN(c, " --", 2)[0])
		}
	}
	want := []string{"core install", "plugin install chatbot-chatgpt", "plugin activate chatbot-chatgpt", "plugin activate kchat-sidecar"}
	if len(made) != 6 || strings.Join(made[:4], "|") != strings.Join(want, "|") || made[4] != "eval" || made[5] != "rewrite structure /%postname%/" {
		t.Errorf("first run made these changes:\n%s", strings.Join(made, "\n"))
	}
	args, err := os.ReadFile(filepath.Join(state, "install-args"))
	must(t, err)
	for _, a := range []string{"--url=http://localhost:8080", "--admin_user=admin", "--admin_password=compose-test-admin-pass", "--admin_email=admin@example.com", "--skip-email"} {
		if !strings.Contains(string(args), a+"\n") {
			t.Errorf("wp core install was not given %s: %q", a, args)
		}
	}
	// The table check is real PHP, handed to wp eval.
	if code, err := os.ReadFile(filepath.Join(state, "eval.php")); err != nil || !strings.Contains(string(code), `"chatbot_chatgpt_interactions"`) {
		t.Errorf("wp eval code: %v %q", err, code)
	} else if php, err := exec.LookPath("php"); err == nil {
		lint := filepath.Join(t.TempDir(), "check.php")
		must(t, os.WriteFile(lint, append([]byte("<?php\n"), code...), 0o644))
		if out, err := exec.Command(php, "-l", lint).CombinedOutput(); err != nil {
			t.Errorf("the wp eval code does not parse: %v %s", err, out)
		}
	}

	// Run again (a restart of the stack): it asks, and changes nothing.
	calls, out, err = run(dir, state)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	for _, change := range []string{"core install", "plugin install", "plugin activate", "rewrite structure"} {
		if has(calls, change) {
			t.Errorf("second run did %q again: %v", change, calls)
		}
	}

	// The plugin cannot be downloaded: the script fails (Compose runs it again) and
	// activates nothing.
	calls, out, err = run(site(), t.TempDir(), "FAKE_WP_OFFLINE=1")
	if err == nil || has(calls, "plugin activate") {
		t.Errorf("with the download failing: err %v, calls %v\n%s", err, calls, out)
	}

	// No WordPress in the volume (the wordpress service never started): it gives up with
	// a message, having called nothing.
	started := time.Now()
	calls, out, err = run(t.TempDir(), t.TempDir(), "KCHAT_SETUP_WAIT=1")
	if err == nil || len(calls) != 0 || !strings.Contains(out, "wp-config.php") || time.Since(started) > 10*time.Second {
		t.Errorf("without WordPress: err %v after %s, calls %v, output %q", err, time.Since(started), calls, out)
	}
}
