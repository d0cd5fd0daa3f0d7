package wpconfig

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// settings lists the keys of fields() and Unsupported.
var settings = []string{"DB_NAME", "DB_USER", "DB_PASSWORD", "DB_HOST", "JWT_AUTH_SECRET_KEY", tablePrefixKey}

// fields returns the non-empty values of v by setting name.
func fields(v Values) map[string]string {
	m := map[string]string{}
	for name, val := range map[string]string{
		"DB_NAME": v.DBName, "DB_USER": v.DBUser, "DB_PASSWORD": v.DBPassword, "DB_HOST": v.DBHost,
		"JWT_AUTH_SECRET_KEY": v.JWTSecret, tablePrefixKey: v.TablePrefix,
	} {
		if val != "" {
			m[name] = val
		}
	}
	return m
}

// whys returns v.Unsupported with the "; set ENV (or the flag) explicitly" tail
// checked and cut off.
func whys(t *testing.T, v Values) map[string]string {
	t.Helper()
	m := map[string]string{}
	for name, why := range v.Unsupported {
		tail := "; set " + envFor[name] + " (or the flag) explicitly"
		if envFor[name] == "" || !strings.HasSuffix(why, tail) {
			t.Errorf("Unsupported[%q] = %q: want a known setting and the tail %q", name, why, tail)
			continue
		}
		m[name] = strings.TrimSuffix(why, tail)
	}
	return m
}

func check(t *testing.T, v Values, want, wantWhy map[string]string) {
	t.Helper()
	if want == nil {
		want = map[string]string{}
	}
	if wantWhy == nil {
		wantWhy = map[string]string{}
	}
	got, gotWhy := fields(v), whys(t, v)
	for _, name := range settings {
		if got[name] != want[name] {
			t.Errorf("%s = %q, want %q", name, got[name], want[name])
		}
		if gotWhy[name] != wantWhy[name] {
			t.Errorf("Unsupported[%s] = %q, want %q", name, gotWhy[name], wantWhy[name])
		}
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The password the installer was given for wp-config-installer.php. That file is
// wp-config-sample.php rewritten line by line the way step 2 of
// wp-admin/setup-config.php (WordPress 6.1) rewrites it: each DB_* line becomes
// "define( 'NAME'," + padding + "'" + addcslashes(value, "\\'") + "' );\r\n", the
// eight key and salt lines get 64 random characters from the installer's alphabet
// (which has $, ?>, { and } but no quote or backslash), $table_prefix is rewritten
// the same way; then a JWT_AUTH_SECRET_KEY line was added by hand in the "custom
// values" section.
const installerPassword = `p@ss'w\rd"$HOME\\'{$x}\`

func TestTestdata(t *testing.T) {
	for _, tc := range []struct {
		file          string
		want, wantWhy map[string]string
	}{
		{
			file: "wp-config-sample.php",
			want: map[string]string{
				"DB_NAME": "database_name_here", "DB_USER": "username_here", "DB_PASSWORD": "password_here",
				"DB_HOST": "localhost", tablePrefixKey: "wp_",
			},
		},
		{
			file: "wp-config-installer.php",
			want: map[string]string{
				"DB_NAME": "wordpress", "DB_USER": "wp_user", "DB_PASSWORD": installerPassword,
				"DB_HOST": "127.0.0.1:3307", tablePrefixKey: "kc7_",
				"JWT_AUTH_SECRET_KEY": "q]X&w>8|Zl#V0b^t{H!3sR$u)9Pk<M;?>2e",
			},
		},
		{
			file: "wp-config-docker.php",
			wantWhy: map[string]string{
				"DB_NAME": whyGetenvDocker, "DB_USER": whyGetenvDocker, "DB_PASSWORD": whyGetenvDocker,
				"DB_HOST": whyGetenvDocker, tablePrefixKey: whyGetenvDocker,
			},
		},
		{
			// Debian's loader requires /etc/wordpress/config-HOST.php first, then
			// defines fallbacks: none of them is the site's setting.
			file: "debian-wp-config.php",
			wantWhy: map[string]string{
				"DB_NAME": whyAfterInclude, "DB_USER": whyAfterInclude, "DB_HOST": whyAfterInclude,
				tablePrefixKey: whyTPInclude,
			},
		},
		{
			file: "debian-config-default.php",
			want: map[string]string{
				"DB_NAME": "database_name_here", "DB_USER": "username_here", "DB_PASSWORD": "password_here",
				"DB_HOST": "localhost", tablePrefixKey: "wp_",
			},
		},
		{
			// As Debian's examples/setup-mysql writes /etc/wordpress/config-HOST.php.
			file: "debian-config-blog.example.com.php",
			want: map[string]string{"DB_NAME": "blog", "DB_USER": "blog", "DB_PASSWORD": "k3Xq9TzA", "DB_HOST": "localhost"},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			v, err := ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			check(t, v, tc.want, tc.wantWhy)
		})
	}
}

// The installer's escaping, byte for byte.
func TestInstallerLine(t *testing.T) {
	src := readTestdata(t, "wp-config-installer.php")
	line := "define( 'DB_PASSWORD', '" + addcslashes(installerPassword) + "' );\r\n"
	if !bytes.Contains(src, []byte(line)) {
		t.Fatalf("testdata/wp-config-installer.php has no line %q", line)
	}
}

// addcslashes is PHP's addcslashes($s, "\\'").
func addcslashes(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}

type parseCase struct {
	name          string
	src           string // "<?php\n" is prepended unless it starts with "!"
	want, wantWhy map[string]string
	skipPHP       string // why TestAgainstPHP must not compare this case
}

func (c parseCase) source() []byte {
	if s, ok := strings.CutPrefix(c.src, "!"); ok {
		return []byte(s)
	}
	return []byte("<?php\n" + c.src)
}

func m(kv ...string) map[string]string {
	out := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

var parseCases = []parseCase{
	{name: "single quotes", src: `define('DB_NAME', 'x');`, want: m("DB_NAME", "x")},
	{name: "double quotes, no spaces", src: `define("DB_NAME","x")?>`, want: m("DB_NAME", "x")},
	{name: "WordPress spacing", src: `define( 'DB_NAME', 'x' );`, want: m("DB_NAME", "x")},
	{
		name: "upper case, tabs, newlines and comments between tokens",
		src:  "DEFINE\t(\n'DB_USER' /* c */ ,\r\n # c\n 'u' // c\n\t) ;",
		want: m("DB_USER", "u"),
	},
	{name: "third argument", src: `define('DB_HOST', 'h', true);`, want: m("DB_HOST", "h"), skipPHP: "PHP 8 warns"},
	{name: "fully qualified", src: `\define('DB_HOST', 'h');`, want: m("DB_HOST", "h")},
	{name: "named arguments", src: `define(constant_name: 'DB_NAME', value: 'x');`, want: m("DB_NAME", "x")},
	{name: "binary prefix", src: `define(b'DB_NAME', B"x");`, want: m("DB_NAME", "x")},
	{name: "upper-case open tag", src: "!<?PHP define('DB_NAME', 'x');", want: m("DB_NAME", "x")},
	{name: "byte order mark and HTML first", src: "!\xef\xbb\xbf<p>hi</p><?php\ndefine('DB_NAME', 'x');", want: m("DB_NAME", "x")},
	{name: "empty password", src: `define('DB_PASSWORD', '');`},
	{name: "unwanted constants", src: `define('DB_CHARSET', 'utf8'); define('WP_DEBUG', getenv('D'));`},
	{
		name: "commented out",
		src: "// define('DB_NAME', 'a');\n# define('DB_USER', 'b');\n/* define('DB_PASSWORD', 'c');\n" +
			"define('DB_HOST', 'd'); */\n/** define('JWT_AUTH_SECRET_KEY', 'e'); */\n//define('DB_NAME', 'f');",
	},
	{name: "comment then the real one", src: "// define('DB_NAME', 'a');\ndefine('DB_NAME', 'b');", want: m("DB_NAME", "b")},
	{name: "attribute is not a comment", src: "#[Attr]\nfunction f() {}\ndefine('DB_NAME', 'x');", want: m("DB_NAME", "x")},
	{
		name: "in strings",
		src: `echo "define('DB_NAME','x')"; echo 'define("DB_USER","y")'; echo "\"define('DB_HOST','z')";` +
			` echo 'it\'s define(\'DB_PASSWORD\', \'w\')';`,
	},
	{
		name: "in heredoc and nowdoc",
		src:  "$s = <<<EOT\ndefine('DB_NAME','x');\nEOT;\n$t = <<<'EOT'\n  define('DB_USER','y');\n  EOT;\n$u = <<< \"X\"\ndefine('DB_HOST','z');\nX;",
	},
	{name: "empty heredoc", src: "$x = <<<EOT\nEOT;\ndefine('DB_NAME', 'x');", want: m("DB_NAME", "x")},
	{
		name: "heredoc line that only starts with the label",
		src:  "$x = <<<EOT\n  EOTX define('DB_USER','no');\n  EOT;\ndefine('DB_NAME', 'x');",
		want: m("DB_NAME", "x"),
	},
	{
		name: "heredoc with the label inside an interpolated string",
		src:  "$a = ['\nEOT\n' => 1];\n$x = <<<EOT\n{$a[\"\nEOT\n\"]} define('DB_USER','no');\nEOT;\ndefine('DB_NAME', 'x');",
		want: m("DB_NAME", "x"),
	},
	{
		name: "interpolation with nested quotes and braces",
		src:  "$a = [];\n$x = \"{$a[\"define('DB_NAME','x')\"]} ${a} {$a['}']}\"; define('DB_USER', 'u');",
		want: m("DB_USER", "u"), skipPHP: "undefined keys",
	},
	{name: "inline HTML", src: "!<p>define('DB_NAME','x')</p><?php ?>define('DB_USER','y')<?php\n"},
	{name: "?> in a line comment ends the code", src: "// ?> define('DB_NAME','x');\n"},
	{name: "?> in a string", src: `define('DB_PASSWORD', 'a?>b'); define('DB_USER', "c?>d");`, want: m("DB_PASSWORD", "a?>b", "DB_USER", "c?>d")},
	{name: "defined twice: the first wins", src: `define('DB_NAME', 'first'); define('DB_NAME', 'second');`, want: m("DB_NAME", "first"), skipPHP: "PHP 8 warns"},
	{
		name:    "if and else: the first branch wins",
		src:     `if ($x) { define('DB_HOST', 'a'); } else { define('DB_HOST', 'b'); }`,
		want:    m("DB_HOST", "a"),
		skipPHP: "documented: the reader does not evaluate conditions",
	},
	{
		name: "guarded define",
		src:  `defined('DB_HOST') || define('DB_HOST', 'h'); if (!defined('DB_NAME')) define('DB_NAME', 'n');`,
		want: m("DB_HOST", "h", "DB_NAME", "n"),
	},
	{
		name:    "first define unsupported",
		src:     `define('DB_HOST', getenv('H')); define('DB_HOST', 'b');`,
		wantWhy: m("DB_HOST", whyGetenv), skipPHP: "PHP 8 warns",
	},
	{name: "escapes in single quotes", src: `define('DB_PASSWORD', 'a\\b\'c\nd\\\\e\\');`, want: m("DB_PASSWORD", `a\b'c\nd\\e\`)},
	{
		name: "escapes in double quotes",
		src:  `define('DB_PASSWORD', "\\|\"|\n|\t|\r|\v|\f|\$|\e|\101|\0|\400|\x41|\x4g|\xg|\u{1F600}|\u{41}|\u0041|\q|\'|\{$|$|$1|{ $}");`,
		want: m("DB_PASSWORD", "\\|\"|\n|\t|\r|\v|\f|$|\x1b|A|\x00|\x00|A|\x04g|\\xg|\U0001F600|A|\\u0041|\\q|\\'|\\{$|$|$1|{ $}"),
	},
	{name: "bad \\u{} escape", src: `define('DB_PASSWORD', "\u{110000}");`, wantWhy: m("DB_PASSWORD", whyBadEscape), skipPHP: "PHP refuses the file"},
	{name: "interpolation", src: `define('DB_PASSWORD', "pa$word");`, wantWhy: m("DB_PASSWORD", whyInterp), skipPHP: "undefined variable"},
	{name: "complex interpolation", src: `define('DB_PASSWORD', "{$a}");`, wantWhy: m("DB_PASSWORD", whyInterp), skipPHP: "undefined variable"},
	{name: "shell", src: "define('DB_PASSWORD', `echo x`);", wantWhy: m("DB_PASSWORD", whyShell)},
	{
		name:    "getenv_docker",
		src:     `define( 'DB_HOST', getenv_docker('WORDPRESS_DB_HOST', 'mysql') );`,
		wantWhy: m("DB_HOST", whyGetenvDocker), skipPHP: "no getenv_docker",
	},
	{name: "getenv", src: `define('DB_HOST', getenv('DB_HOST') ?: 'localhost');`, wantWhy: m("DB_HOST", whyGetenv)},
	{name: "$_SERVER", src: `define('DB_HOST', $_SERVER['DB_HOST']);`, wantWhy: m("DB_HOST", "read from $_SERVER"), skipPHP: "undefined key"},
	{name: "$_ENV", src: `define('DB_HOST', $_ENV['DB_HOST'] ?? 'x');`, wantWhy: m("DB_HOST", "read from $_ENV")},
	{name: "variable", src: `$u = 'x'; define('DB_USER', $u);`, wantWhy: m("DB_USER", whyVariable)},
	{name: "constant", src: `define('DB_USER', PHP_OS);`, wantWhy: m("DB_USER", whyConstant)},
	{name: "class constant", src: `define('DB_USER', Foo::BAR);`, wantWhy: m("DB_USER", whyConstant), skipPHP: "no class Foo"},
	{name: "number", src: `define('DB_PASSWORD', 12345);`, wantWhy: m("DB_PASSWORD", whyNumber)},
	{name: "heredoc value", src: "define('DB_PASSWORD', <<<EOT\nx\nEOT\n);", wantWhy: m("DB_PASSWORD", whyHeredoc)},
	{name: "nowdoc value", src: "define('DB_PASSWORD', <<<'EOT'\nx\nEOT);", wantWhy: m("DB_PASSWORD", whyHeredoc)},
	{name: "concatenation", src: `define('DB_NAME', 'a' . 'b');`, wantWhy: m("DB_NAME", whyConcat)},
	{name: "function call", src: `define('DB_NAME', trim(' a '));`, wantWhy: m("DB_NAME", whyCall)},
	{name: "parenthesized", src: `define('DB_NAME', ('a'));`, wantWhy: m("DB_NAME", whyExpression)},
	{name: "define without value", src: `define('DB_NAME');`, wantWhy: m("DB_NAME", whyNoValue), skipPHP: "PHP throws"},
	{name: "unclosed define", src: `define('DB_NAME', 'x'`, wantWhy: m("DB_NAME", whyMalformed), skipPHP: "PHP refuses the file"},
	{name: "name not a literal", src: `define(DB . '_NAME', 'x'); define($n, 'y');`, skipPHP: "PHP throws"},
	{
		name:    "not the global define",
		src:     `$o->define('DB_NAME', 'x'); $o?->define('DB_USER', 'x'); Foo::define('DB_HOST', 'y'); new define('DB_PASSWORD', 'z');`,
		skipPHP: "no such objects",
	},
	{name: "const is not read", src: `const DB_NAME = 'x';`, skipPHP: "documented: const is not read"},
	{name: "define after require", src: `require __DIR__ . '/local.php'; define('DB_NAME', 'x');`, wantWhy: m("DB_NAME", whyAfterInclude), skipPHP: "no local.php"},
	{name: "define after eval", src: `eval('$a = 1;'); define('DB_NAME', 'x');`, wantWhy: m("DB_NAME", whyAfterInclude)},
	{name: "define before include", src: `define('DB_NAME', 'x'); @include 'local.php';`, want: m("DB_NAME", "x")},
	{name: "table prefix", src: `$table_prefix = 'wp_';`, want: m(tablePrefixKey, "wp_")},
	{name: "table prefix, double quotes", src: `$table_prefix  =  "wp2_" ?>`, want: m(tablePrefixKey, "wp2_")},
	{name: "table prefix: the last wins", src: `$table_prefix = 'a_'; $table_prefix = "b_";`, want: m(tablePrefixKey, "b_")},
	{name: "table prefix: unsupported, then plain", src: `$table_prefix = getenv('P'); $table_prefix = 'b_';`, want: m(tablePrefixKey, "b_")},
	{name: "table prefix: plain, then unsupported", src: `$table_prefix = 'a_'; $table_prefix = getenv('P');`, wantWhy: m(tablePrefixKey, whyGetenv)},
	{name: "table prefix concatenation", src: `$table_prefix = 'wp_' . 'x';`, wantWhy: m(tablePrefixKey, whyConcat)},
	{name: "table prefix getenv_docker", src: `$table_prefix = getenv_docker('WORDPRESS_TABLE_PREFIX', 'wp_');`, wantWhy: m(tablePrefixKey, whyGetenvDocker), skipPHP: "no getenv_docker"},
	{name: "table prefix .=", src: `$table_prefix = 'wp_'; $table_prefix .= '2_';`, wantWhy: m(tablePrefixKey, whyCompound)},
	{name: "table prefix read, not assigned", src: `$table_prefix = 'a_'; $b = $table_prefix; if ($table_prefix == 'x') {}`, want: m(tablePrefixKey, "a_")},
	{name: "other variables named alike", src: `$o = new stdClass; $o->table_prefix = 'x'; $table_prefix2 = 'y'; $GLOBALS['x'] = 1;`},
	{
		name:    "table prefix after an include",
		src:     `include 'local.php'; if (!isset($table_prefix)) { $table_prefix = 'wp_'; }`,
		wantWhy: m(tablePrefixKey, whyTPInclude), skipPHP: "no local.php",
	},
	{name: "table prefix before an include", src: `$table_prefix = 'a_'; include_once 'local.php';`, wantWhy: m(tablePrefixKey, whyTPInclude)},
	{
		name:    "table prefix before wp-settings.php",
		src:     `$table_prefix = 'a_'; require_once ABSPATH . 'wp-settings.php';`,
		want:    m(tablePrefixKey, "a_"),
		skipPHP: "ABSPATH",
	},
	{
		name: "__halt_compiler",
		src:  "define('DB_NAME', 'x'); __halt_compiler(); define('DB_USER', 'y'); 'unterminated \"/*",
		want: m("DB_NAME", "x"),
	},
	{
		name: "everything",
		src: "define( 'DB_NAME', 'n' );\ndefine( 'DB_USER', 'u' );\ndefine( 'DB_PASSWORD', 'p' );\n" +
			"define( 'DB_HOST', 'h' );\ndefine( 'JWT_AUTH_SECRET_KEY', 'j' );\n$table_prefix = 't_';\n",
		want: m("DB_NAME", "n", "DB_USER", "u", "DB_PASSWORD", "p", "DB_HOST", "h", "JWT_AUTH_SECRET_KEY", "j", tablePrefixKey, "t_"),
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := parse(tc.source())
			if err != nil {
				t.Fatal(err)
			}
			check(t, v, tc.want, tc.wantWhy)
		})
	}
}

func TestParseErrors(t *testing.T) {
	big := "<?php /*" + strings.Repeat("x", maxSize-len("<?php /**/")) + "*/"
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "not a PHP file"},
		{"text", "DB_NAME=x\n", "not a PHP file"},
		{"no <?php", "<? define('DB_NAME', 'x'); ?>", "not a PHP file"},
		{"<?phpx", "<?phpx define('DB_NAME', 'x');", "not a PHP file"},
		{"only <?=", "<?= 'x' ?>", "not a PHP file"},
		{"binary", "\x00\x01\xff\xfe<\x00?\x00p\x00h\x00p\x00", "not a PHP file"},
		{"unterminated single", "<?php\n\ndefine('DB_PASSWORD', 's3cr3t);\n", "unterminated string starting on line 3"},
		{"unterminated double", "<?php define('DB_PASSWORD', \"s3cr3t\\\");", "unterminated string starting on line 1"},
		{"unterminated interpolation", "<?php define('DB_PASSWORD', \"{$a['s3cr3t']\");", "unterminated string starting on line 1"},
		{"unterminated shell", "<?php `s3cr3t", "unterminated string"},
		{"unterminated heredoc", "<?php\r\n$x = <<<EOT\r\ns3cr3t\r\nEOTX;\r\n", "unterminated heredoc starting on line 2"},
		{"unterminated comment", "<?php\n/* s3cr3t", "unterminated comment starting on line 2"},
		{"too large", big + "x", "larger than 1048576 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := parse([]byte(tc.src))
			if err == nil {
				t.Fatalf("no error; got %+v", v)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error %q quotes the file", err)
			}
		})
	}
	if _, err := parse([]byte(big)); err != nil {
		t.Errorf("a file of exactly 1 MiB: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wp-config.php")
	if err := os.WriteFile(path, []byte("<?php define('DB_PASSWORD', 's3cr3t"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("ReadFile(unterminated) = %v: want an error naming the path and not quoting the file", err)
	}
	big := filepath.Join(dir, "big.php")
	if err := os.WriteFile(big, []byte("<?php //"+strings.Repeat("s3cr3t", maxSize)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = ReadFile(big)
	if err == nil || !strings.Contains(err.Error(), big) || !strings.Contains(err.Error(), "larger") || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("ReadFile(big) = %v", err)
	}
	missing := filepath.Join(dir, "missing.php")
	if _, err := ReadFile(missing); err == nil || !strings.Contains(err.Error(), missing) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("ReadFile(directory) = %v", err)
	}
}

// Hostile inputs of the maximum size must be handled in linear time and without
// deep recursion.
func TestPathological(t *testing.T) {
	fill := func(prefix, unit string) []byte {
		return []byte(prefix + strings.Repeat(unit, (maxSize-len(prefix))/len(unit)))
	}
	longLabel := strings.Repeat("A", 4096)
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"define(", fill("<?php ", "define(")},
		{"define('DB_NAME', (", fill("<?php ", "define('DB_NAME', (")},
		{"define('DB_NAME', define('DB_USER', ", fill("<?php ", "define('DB_NAME', define('DB_USER', ")},
		{"$table_prefix = ", fill("<?php ", "$table_prefix = ")},
		{"include", fill("<?php ", "include ")},
		{"nested interpolation", fill(`<?php $x = "`, `{$a["`)},
		{"nested heredocs", fill("<?php $x = <<<A\n", "{$a[<<<A\n")},
		{"heredoc label prefixes", fill("<?php $x = <<<"+longLabel+"\n", longLabel[1:]+"\n")},
		{"comment openers", fill("<?php ", "/*")},
		{"tags", fill("", "<?")},
		{"tags and closers", fill("", "<?php ?>")},
		{"line comments", fill("<?php ", "#")},
		{"operators", fill("<?php ", "<<<")},
		{"escapes", fill(`<?php define('DB_PASSWORD', "`, `\u{`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			parse(tc.src) //nolint:errcheck // only the time matters
			// A guard against quadratic blow-ups, not a speed goal: a linear pass over
			// maxSize takes well under a second, but -race on a busy 2-core CI machine
			// has stretched it to 4 s, while a quadratic one would take minutes.
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestDecodeAgainstPHP compares the string decoders with PHP itself, when php
// is installed, on random literals.
func TestDecodeAgainstPHP(t *testing.T) {
	php := findPHP(t)
	rng := rand.New(rand.NewSource(1))
	const alphabet = `\\\\\\nxu{}{}0178aFg"'$$ tvefr` + "\n\x00\xff"
	var src bytes.Buffer
	src.WriteString("<?php\n")
	var want []string
	for len(want) < 3000 {
		body := make([]byte, rng.Intn(12))
		for i := range body {
			body[i] = alphabet[rng.Intn(len(alphabet))]
		}
		for _, quote := range []byte{'\'', '"'} {
			lit := append(append([]byte{quote}, body...), quote)
			lx, err := lex(append([]byte("<?php "), lit...))
			if err != nil || len(lx.toks) != 1 {
				continue // not exactly one literal (an unescaped quote, say)
			}
			p := &parser{src: lx.src, toks: lx.toks}
			v, ok, _ := p.stringValue(0)
			if !ok {
				continue // interpolation or a bad \u{}: PHP would not run the file
			}
			src.WriteString("echo bin2hex(")
			src.Write(lit)
			src.WriteString("), \"\\n\";\n")
			want = append(want, hex.EncodeToString([]byte(v)))
		}
	}
	out := runPHP(t, php, src.Bytes(), "-d", "error_reporting=0")
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("php printed %d lines, want %d:\n%s", len(got), len(want), out)
	}
	lines := strings.Split(src.String(), "\n")[1:]
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: php %s, parse %s", lines[i], got[i], want[i])
		}
	}
}

// TestAgainstPHP runs the test files and cases with PHP, when it is installed,
// and checks that every value parse finds is the value PHP ends up with, and
// that parse finds (or reports as unsupported) every setting PHP ends up with.
func TestAgainstPHP(t *testing.T) {
	php := findPHP(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wp-settings.php"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	harness := filepath.Join(dir, "harness.php")
	if err := os.WriteFile(harness, []byte(`<?php
register_shutdown_function(function () {
	$out = array();
	foreach (array('DB_NAME', 'DB_USER', 'DB_PASSWORD', 'DB_HOST', 'JWT_AUTH_SECRET_KEY') as $n) {
		if (defined($n)) { $out[$n] = bin2hex((string) constant($n)); }
	}
	if (isset($GLOBALS['table_prefix'])) { $out['$table_prefix'] = bin2hex((string) $GLOBALS['table_prefix']); }
	echo "\n@@RESULT@@", json_encode((object) $out);
});
define('ABSPATH', $argv[2] . '/');
try { include $argv[1]; } catch (Throwable $e) { echo "\n@@THROWN@@"; }
`), 0o600); err != nil {
		t.Fatal(err)
	}
	compare := func(t *testing.T, src []byte) {
		file := filepath.Join(dir, "case.php")
		if err := os.WriteFile(file, src, 0o600); err != nil {
			t.Fatal(err)
		}
		out := runPHP(t, php, nil, "-d", "error_reporting=0", "-d", "short_open_tag=0", harness, file, dir)
		_, result, ok := bytes.Cut(out, []byte("\n@@RESULT@@"))
		if !ok {
			t.Fatalf("no result from php:\n%s", out)
		}
		var hexes map[string]string
		if err := json.Unmarshal(result, &hexes); err != nil {
			t.Fatalf("php result %q: %v", result, err)
		}
		threw := bytes.Contains(out, []byte("\n@@THROWN@@"))
		v, err := parse(src)
		if err != nil {
			t.Fatal(err)
		}
		got := fields(v)
		for _, name := range settings {
			b, _ := hex.DecodeString(hexes[name])
			phpVal, phpHas := string(b), hexes[name] != ""
			switch {
			case got[name] != "" && phpHas && got[name] != phpVal:
				t.Errorf("%s: parse %q, php %q", name, got[name], phpVal)
			case got[name] != "" && !phpHas && !threw:
				t.Errorf("%s: parse %q, php has none", name, got[name])
			case got[name] == "" && phpHas && v.Unsupported[name] == "":
				t.Errorf("%s: parse has none, php %q", name, phpVal)
			}
		}
	}
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skipPHP != "" {
				t.Skip(tc.skipPHP)
			}
			compare(t, tc.source())
		})
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.php"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { compare(t, readTestdata(t, filepath.Base(f))) })
	}
}

func findPHP(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("short")
	}
	php, err := exec.LookPath("php")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("php is not installed; CI must compare the reader with PHP itself")
		}
		t.Skip("php is not installed")
	}
	return php
}

func runPHP(t *testing.T, php string, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(php, append([]string{"-n"}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")} // no WORDPRESS_* from the caller
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	_ = cmd.Run() // a config that exits or fails still prints its result
	return out.Bytes()
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.php"))
	for _, file := range files {
		f.Add(readTestdata(f, filepath.Base(file)))
	}
	for _, tc := range parseCases {
		f.Add(tc.source())
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := parse(src)
		if err != nil {
			if v.DBName != "" || v.DBPassword != "" || v.Unsupported != nil {
				t.Fatalf("error %v with values", err)
			}
			return
		}
		for name, why := range v.Unsupported {
			if envFor[name] == "" || !strings.HasSuffix(why, " (or the flag) explicitly") {
				t.Fatalf("Unsupported[%q] = %q", name, why)
			}
			if fields(v)[name] != "" {
				t.Fatalf("%s both found and unsupported", name)
			}
		}
		if v.DBPassword == "" {
			return
		}
		again := "<?php\ndefine( 'DB_PASSWORD', '" + addcslashes(v.DBPassword) + "' );\n"
		w, err := parse([]byte(again))
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		if w.DBPassword != v.DBPassword || len(w.Unsupported) != 0 {
			t.Fatalf("round trip: %q became %q (%v)", v.DBPassword, w.DBPassword, w.Unsupported)
		}
	})
}

// TestLexAgainstPHP compares the tokenizer with PHP's own (PhpToken::tokenize),
// when php and its tokenizer extension are installed. On random inputs, built
// from valid statements or from PHP-like fragments, the code-level define names,
// string literals, variables, heredocs, interpolating strings and closing tags
// must sit at the same offsets. Where PHP rejects the syntax the two may part
// ways (PHP would not run such a file), which is only counted.
func TestLexAgainstPHP(t *testing.T) {
	php := findPHP(t)
	seed := int64(2)
	if s := os.Getenv("WPCONFIG_LEX_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng := rand.New(rand.NewSource(seed))
	statements := []string{
		`define('DB_NAME', 'x');`, `DEFINE ( "DB_USER" , "y" ) ;`, `\define('DB_HOST', 'h', true);`,
		`echo "a{$b['c']}d$e[0]f$g->h{$i["j"]}k$l[m]";`, `echo "${k}", "$", "{ $}", "\"$x\"";`, "echo `ls $x`;",
		"$x = <<<EOT\n  a {$b[\"EOT\"]} $c[1]\n  EOTX\n  EOT;\n", "$y = <<<'EOT'\ndefine('DB_NAME', 'no');\nEOT;\n",
		"// define('DB_NAME', 'c'); ?> html <?php ", "# comment ?>\n<?php ", "# comment\n", "/* define() */", "/** doc */",
		`$table_prefix = 'wp_';`, "#[Attr]\nfunction f() { return 1; }", `$o->define = 1;`, `$o?->b;`,
		`if ($a) { define('DB_PASSWORD', 'p'); } else { $b = "q{$c}"; }`, `$s = 'it\'s \\';`, `$n = 0x1F + 1_000 + .5 + 1e3 + 1.;`,
		"?>text define('X','y')<?php ", `$z = b'bin' . B"bin";`, `$a = ['x' => "{$b}"];`, `$f = fn($x) => $x?->y ?? 'z';`,
		"$h = <<<\"EOT\"\n{$a->b[\"}\"]} ${c} \\$d\nEOT . 'x';\n", `$q = "{$a(<<<X` + "\nX\n" + `)}";`, "\n", " ", "\t", "\r\n",
	}
	fragments := []string{
		"define", "DEFINE", `\define`, "(", ")", "'", `"`, `\`, `\\`, "$a", "$", "{", "}", "{$", "${",
		"[", "]", "<<<EOT\n", "<<<'EOT'\n", "<<< \"EOT\"\n", "\nEOT", "\n  EOT", "EOT;", "EOTX", "/*", "*/",
		"//", "#", "#[", "\n", "\r", "\r\n", "?>", "<?php ", "<?php\n", "`", " ", "x", "->", "::", "b", "B",
		"0", ".5", "1.", "__halt_compiler", ";", "<?", "<?=", ",", "\t", "=", "$table_prefix", "\xff", "?",
		`"$a[`, "$a->b", "?->", "0x1F", "1e-3", "1_000", "0b", `"x"`, "'x'", "<<<EOT\n$a[0]\nEOT;\n", "'\\''",
	}
	var inputs [][]byte
	var want []string
	for len(inputs) < 24000 {
		var b strings.Builder
		if len(inputs) < 4000 {
			b.WriteString("<?php\n")
			for n := 1 + rng.Intn(12); n > 0; n-- {
				b.WriteString(statements[rng.Intn(len(statements))])
				b.WriteString(" ")
			}
		} else {
			if rng.Intn(8) != 0 {
				b.WriteString("<?php ")
			}
			for n := 1 + rng.Intn(30); n > 0; n-- {
				b.WriteString(fragments[rng.Intn(len(fragments))])
			}
		}
		src := []byte(b.String())
		lx, err := lex(src)
		if err != nil {
			continue // PHP would not compile it either
		}
		var sig []string
		for _, tok := range lx.toks {
			class := map[tokKind]string{tSingle: "S", tDouble: "S", tVar: "V", tClose: "C", tHeredoc: "H", tInterp: "Q"}[tok.kind]
			if tok.kind == tIdent && (bytes.EqualFold(src[tok.start:tok.end], []byte("define")) || bytes.EqualFold(src[tok.start:tok.end], []byte(`\define`))) {
				class = "D"
			}
			if class != "" {
				sig = append(sig, class+strconv.Itoa(int(tok.start)))
			}
		}
		inputs = append(inputs, src)
		want = append(want, strings.Join(sig, " "))
	}
	script := []byte(`<?php
$out = array();
foreach (json_decode(stream_get_contents(STDIN)) as $b64) {
	$src = base64_decode($b64);
	try {
		PhpToken::tokenize($src, TOKEN_PARSE);
		$valid = true;
	} catch (ParseError $e) {
		$valid = false;
	}
	// 'c': code inside an interpolation, with its depth; 's': a string and its
	// closer; 'o': the offset of "$a[...]".
	$stack = array();
	$sig = array();
	foreach (PhpToken::tokenize($src) as $t) {
		$top = end($stack);
		if ($t->id === T_HALT_COMPILER) {
			break; // the parser stops there (and ext/tokenizer, nearly)
		}
		if ($top === false || $top[0] === 'c') {
			if ($t->id === 34 || $t->id === 96) {
				if ($top === false) { $sig[] = 'Q' . $t->pos; }
				$stack[] = array('s', $t->id);
			} elseif ($t->id === T_START_HEREDOC) {
				if ($top === false) { $sig[] = 'H' . $t->pos; }
				$stack[] = array('s', T_END_HEREDOC);
			} elseif ($top !== false) {
				if ($t->id === 123) { $stack[count($stack) - 1][1]++; }
				if ($t->id === 125) { if ($top[1] === 0) { array_pop($stack); } else { $stack[count($stack) - 1][1]--; } }
			} elseif ($t->id === T_CONSTANT_ENCAPSED_STRING) {
				$sig[] = 'S' . $t->pos;
			} elseif ($t->id === T_VARIABLE) {
				$sig[] = 'V' . $t->pos;
			} elseif ($t->id === T_CLOSE_TAG) {
				$sig[] = 'C' . $t->pos;
			} elseif (($t->id === T_STRING || $t->id === T_NAME_FULLY_QUALIFIED) && in_array(strtolower($t->text), array('define', '\\define'), true)) {
				$sig[] = 'D' . $t->pos;
			}
		} elseif ($top[0] === 'o') {
			// "$a[...]": the offset ends at ] or (with an empty token) at
			// whitespace, \, ' or #; quotes in there are mere tokens.
			if ($t->id === 93 || $t->id === T_ENCAPSED_AND_WHITESPACE) { array_pop($stack); }
		} elseif ($t->id === $top[1]) {
			array_pop($stack);
		} elseif ($t->id === T_CURLY_OPEN || $t->id === T_DOLLAR_OPEN_CURLY_BRACES) {
			$stack[] = array('c', 0);
		} elseif ($t->id === 91) {
			$stack[] = array('o');
		}
	}
	$out[] = array(implode(' ', $sig), $valid);
}
echo json_encode($out);
`)
	dir := t.TempDir()
	file := filepath.Join(dir, "lex.php")
	if err := os.WriteFile(file, script, 0o600); err != nil {
		t.Fatal(err)
	}
	b64 := make([]string, len(inputs))
	for i, in := range inputs {
		b64[i] = base64.StdEncoding.EncodeToString(in)
	}
	stdin, _ := json.Marshal(b64)
	cmd := exec.Command(php, "-n", "-d", "extension=tokenizer", "-d", "short_open_tag=0", "-d", "error_reporting=0", file)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	out, err := cmd.Output()
	if err != nil || !bytes.HasPrefix(out, []byte("[")) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("php with the tokenizer extension: %v %.200s", err, out)
		}
		t.Skipf("php with the tokenizer extension: %v %.200s", err, out)
	}
	var got [][2]any
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(want) {
		t.Fatalf("php printed %d results (%v), want %d", len(got), err, len(want))
	}
	valid, invalidDiffer := 0, 0
	for i := range want {
		sig, _ := got[i][0].(string)
		ok, _ := got[i][1].(bool)
		switch {
		case ok:
			valid++
			if sig != want[i] {
				t.Errorf("%q:\n php %s\n ours %s", inputs[i], sig, want[i])
			}
		case sig != want[i]:
			invalidDiffer++
		}
	}
	t.Logf("%d inputs: %d valid PHP, all alike; of the others, %d differ", len(inputs), valid, invalidDiffer)
	if valid < 2000 {
		t.Errorf("only %d inputs are valid PHP", valid)
	}
}

func TestMultisite(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      bool
		why       string
	}{
		{"true", "<?php define( 'MULTISITE', true );", true, ""},
		{"TRUE", "<?php define('MULTISITE', TRUE);", true, ""},
		{"namespaced", `<?php define('MULTISITE', \true);`, true, ""},
		{"false", "<?php define('MULTISITE', false);", false, ""},
		{"absent", "<?php define('DB_NAME', 'x');", false, ""},
		{"commented out", "<?php // define('MULTISITE', true);\n", false, ""},
		{"first define wins", "<?php define('MULTISITE', false); define('MULTISITE', true);", false, ""},
		{"number", "<?php define('MULTISITE', 1);", false, whyNotBoolean},
		{"string", "<?php define('MULTISITE', 'true');", false, whyNotBoolean},
		{"expression", "<?php define('MULTISITE', true && $x);", false, whyNotBoolean},
		{"after include", "<?php include 'x.php'; define('MULTISITE', true);", false, whyAfterInclude},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if v.Multisite != tc.want {
				t.Errorf("Multisite = %v, want %v", v.Multisite, tc.want)
			}
			why := v.Unsupported[multisiteKey]
			if tc.why == "" && why != "" || tc.why != "" && !strings.HasPrefix(why, tc.why+"; set KCHAT_NETWORK") {
				t.Errorf("Unsupported[MULTISITE] = %q, want %q", why, tc.why)
			}
		})
	}
}

// SUBDOMAIN_INSTALL, or the older VHOST when it is not defined, is how WordPress
// chooses a network's sites (is_subdomain_install()); unknown (nil) when the file says
// neither in a form the reader takes.
func TestSubdomainInstall(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // "true", "false" or "" for unknown
	}{
		{"true", "<?php define( 'SUBDOMAIN_INSTALL', true );", "true"},
		{"TRUE namespaced", `<?php define('SUBDOMAIN_INSTALL', \TRUE);`, "true"},
		{"false", "<?php define('SUBDOMAIN_INSTALL', false);", "false"},
		{"absent", "<?php define('MULTISITE', true);", ""},
		{"commented out", "<?php # define('SUBDOMAIN_INSTALL', true);\n", ""},
		{"first define wins", "<?php define('SUBDOMAIN_INSTALL', false); define('SUBDOMAIN_INSTALL', true);", "false"},
		{"number", "<?php define('SUBDOMAIN_INSTALL', 1);", ""},
		{"getenv", "<?php define('SUBDOMAIN_INSTALL', getenv('X'));", ""},
		{"after include", "<?php include 'x.php'; define('SUBDOMAIN_INSTALL', true);", ""},
		{"VHOST yes", "<?php define('VHOST', 'yes');", "true"},
		{"VHOST no", "<?php define('VHOST', 'no');", "false"},
		{"VHOST is compared strictly", `<?php define("VHOST", "Yes");`, "false"},
		{"VHOST not a string", "<?php define('VHOST', true);", ""},
		{"SUBDOMAIN_INSTALL wins over VHOST", "<?php define('VHOST', 'yes'); define('SUBDOMAIN_INSTALL', false);", "false"},
		// WordPress would go by SUBDOMAIN_INSTALL, which the reader cannot tell.
		{"unknown SUBDOMAIN_INSTALL hides VHOST", "<?php define('SUBDOMAIN_INSTALL', $x); define('VHOST', 'yes');", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if v.SubdomainInstall != nil {
				got = strconv.FormatBool(*v.SubdomainInstall)
			}
			if got != tc.want {
				t.Errorf("SubdomainInstall = %q, want %q", got, tc.want)
			}
			if len(v.Unsupported) != 0 {
				t.Errorf("Unsupported = %v: an unknown SUBDOMAIN_INSTALL leaves the stored meta to decide", v.Unsupported)
			}
		})
	}
}
