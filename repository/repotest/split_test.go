package repotest_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

func TestSplitStatements(t *testing.T) {
	type st = repotest.Statement
	tests := []struct {
		name   string
		script string
		want   []st
	}{
		{"plain", "SELECT 1;\nSELECT 2;", []st{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"last statement without semicolon", "SELECT 1;\n\n  SELECT 2\n", []st{{"SELECT 1", 1}, {"SELECT 2", 3}}},
		{"blank and empty statements", " ;;\n; \n", nil},
		{"semicolon in single quotes", "INSERT INTO t VALUES ('a;b');", []st{{"INSERT INTO t VALUES ('a;b')", 1}}},
		{"semicolon in double quotes", `SELECT "x;y";`, []st{{`SELECT "x;y"`, 1}}},
		{"semicolon in backticks", "SELECT `odd;name` FROM t;", []st{{"SELECT `odd;name` FROM t", 1}}},
		{"backslash-escaped quotes", `SELECT 'it\'s; \"hi\"', "say \"x;\"";`, []st{{`SELECT 'it\'s; \"hi\"', "say \"x;\""`, 1}}},
		{"escaped backslash before the closing quote", `SELECT 'a\\';SELECT 'b';`, []st{{`SELECT 'a\\'`, 1}, {`SELECT 'b'`, 1}}},
		{"escaped newline stays escaped", `SELECT 'line one\nline two';`, []st{{`SELECT 'line one\nline two'`, 1}}},
		{"doubled quotes", `SELECT 'it''s;', "a""b;", ` + "`x``;`;", []st{{`SELECT 'it''s;', "a""b;", ` + "`x``;`", 1}}},
		{"backslash does not escape in backticks", "SELECT `a\\`;SELECT 2;", []st{{"SELECT `a\\`", 1}, {"SELECT 2", 1}}},
		{"newline inside a string counts", "SELECT 'a\nb';\nSELECT 2;", []st{{"SELECT 'a\nb'", 1}, {"SELECT 2", 3}}},
		{"dash comment", "-- header; not a statement\nSELECT 1; -- trailing; comment\nSELECT 2;", []st{{"SELECT 1", 2}, {"SELECT 2", 3}}},
		{"dash comment with tab and at line end", "--\tx;\n--\nSELECT 1;", []st{{"SELECT 1", 3}}},
		{"double dash without a space is minus minus", "SELECT 1--1;", []st{{"SELECT 1--1", 1}}},
		{"comment right after two dashes stays", "SELECT 1--/* x */1, 2--# y\n2;", []st{{"SELECT 1--/* x */1, 2--# y\n2", 1}}},
		{"hash comment", "# one; two\nSELECT 1 # three; four\n;", []st{{"SELECT 1", 2}}},
		{"block comment becomes a space", "SELECT/* ; */1;\n/* multi\nline; */ SELECT 2;", []st{{"SELECT 1", 1}, {"SELECT 2", 3}}},
		{"comment markers inside quotes are text", "SELECT '-- x', '# y', '/* z */';", []st{{"SELECT '-- x', '# y', '/* z */'", 1}}},
		{"executable comment is a statement", "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;",
			[]st{{"/*!40101 SET NAMES utf8mb4 */", 1}, {"/*!40103 SET TIME_ZONE='+00:00' */", 2}}},
		{"executable comment inside a statement", "CREATE TABLE t (a int) /*!50100 PARTITION BY HASH(a) */;",
			[]st{{"CREATE TABLE t (a int) /*!50100 PARTITION BY HASH(a) */", 1}}},
		{"quote inside an executable comment", "/*!40101 SET @x='*/;' */;", []st{{"/*!40101 SET @x='*/;' */", 1}}},
		{"MariaDB executable comment", "/*M!100100 SET x=1 */;", []st{{"/*M!100100 SET x=1 */", 1}}},
		{"sandbox marker is obeyed, not sent", "/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET NAMES utf8mb4 */;",
			[]st{{"/*!40101 SET NAMES utf8mb4 */", 2}}},
		{"sandbox marker after header comments", "-- dump\n-- of a site\n/*M!999999\\- enable the sandbox mode */\nDROP TABLE x;",
			[]st{{"DROP TABLE x", 4}}},
		{"DELIMITER as mysqldump writes triggers", "DELIMITER ;;\n/*!50003 CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END */;;\nDELIMITER ;\nSELECT 1;",
			[]st{{"/*!50003 CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END */", 2}, {"SELECT 1", 4}}},
		{"DELIMITER is case-insensitive", "delimiter //\nSELECT 1; SELECT 2//\nDelimiter ;\nSELECT 3;",
			[]st{{"SELECT 1; SELECT 2", 2}, {"SELECT 3", 4}}},
		{"delimiter as a column name is not the command", "SELECT delimiter FROM t;", []st{{"SELECT delimiter FROM t", 1}}},
		{"CRLF line ends", "SELECT 1;\r\n-- c\r\nSELECT 2;\r\n", []st{{"SELECT 1", 1}, {"SELECT 2", 3}}},
		{"UTF-8 text passes through", "INSERT INTO t VALUES ('Ädmin', 'emoji 😀 ünïcödé');",
			[]st{{"INSERT INTO t VALUES ('Ädmin', 'emoji 😀 ünïcödé')", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := repotest.SplitStatements(tt.script)
			if err != nil {
				t.Fatalf("SplitStatements(%q): %v", tt.script, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitStatements(%q):\n got %+v\nwant %+v", tt.script, got, tt.want)
			}
		})
	}
}

func TestSplitStatementsRefusesUnterminated(t *testing.T) {
	tests := []struct {
		script, wantErr string
	}{
		{"SELECT 1;\nSELECT 'abc;", "line 2: unterminated ' quote"},
		{`SELECT "abc\";`, `line 1: unterminated " quote`},
		{"SELECT `abc;", "line 1: unterminated ` quote"},
		{"SELECT 'ends in a backslash\\", "line 1: unterminated ' quote"},
		{"SELECT 1; /* never closed;\nSELECT 2;", "line 1: unterminated comment"},
		{"\n/*!40101 SET x=1;", "line 2: unterminated executable comment"},
		{"/*!40101 SET x='*/", "line 1: unterminated executable comment"},
		{"/*M!999999\\- enable the sandbox mode", "line 1: unterminated comment"},
		{"SELECT 1;\nDELIMITER \nSELECT 2;", "line 2: DELIMITER without a delimiter"},
		{"DELIMITER '\nSELECT 2;", "line 1: DELIMITER ': quotes and backslashes cannot delimit"},
	}
	for _, tt := range tests {
		got, err := repotest.SplitStatements(tt.script)
		if err == nil {
			t.Errorf("SplitStatements(%q) = %+v, want error %q", tt.script, got, tt.wantErr)
			continue
		}
		if err.Error() != tt.wantErr {
			t.Errorf("SplitStatements(%q): error %q, want %q", tt.script, err, tt.wantErr)
		}
	}
}

// FuzzSplitStatements checks what must hold for any script: statements come out
// trimmed and non-empty with sensible line numbers, and — delimiters aside — splitting
// the statements again, rejoined with semicolons, gives them back unchanged, so no
// statement ends early or swallows its neighbour.
func FuzzSplitStatements(f *testing.F) {
	for _, seed := range []string{
		"SELECT 1; SELECT 2",
		"INSERT INTO t VALUES ('a;b', 'it''s', 'say \\\"hi\\\";', \"x;y\", `odd;name`); # c;\n",
		"-- c\n/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET NAMES utf8mb4 */;\n",
		"SELECT/* ; */1--1;\n/*!40101 SET @x='*/;' */;",
		"DELIMITER ;;\nCREATE TRIGGER t BEGIN SET a = 1; END;;\nDELIMITER ;\n",
		"SELECT 'a\\\\';SELECT `b\\`;",
		"--\r\n#\n/**/;-- ",
		"--/**/0", // found by the fuzzer: a space for the comment made "--" a comment
		"--#x\n0", // the same with a line comment
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		stmts, err := repotest.SplitStatements(script)
		if err != nil {
			return
		}
		lines := strings.Count(script, "\n") + 1
		prev := 1
		var sqls []string
		for _, s := range stmts {
			if s.SQL == "" || s.SQL != strings.TrimSpace(s.SQL) {
				t.Fatalf("statement %q is empty or untrimmed", s.SQL)
			}
			if s.Line < prev || s.Line > lines {
				t.Fatalf("statement %q at line %d: previous at %d, script has %d lines", s.SQL, s.Line, prev, lines)
			}
			prev = s.Line
			sqls = append(sqls, s.SQL)
		}
		if strings.Contains(strings.ToLower(script), "delimiter") {
			return // statements written under another delimiter may hold semicolons
		}
		again, err := repotest.SplitStatements(strings.Join(sqls, ";\n"))
		if err != nil {
			t.Fatalf("re-splitting %q: %v", sqls, err)
		}
		var got []string
		for _, s := range again {
			got = append(got, s.SQL)
		}
		if !reflect.DeepEqual(got, sqls) {
			t.Fatalf("re-splitting changed the statements:\n got %q\nwant %q", got, sqls)
		}
	})
}
