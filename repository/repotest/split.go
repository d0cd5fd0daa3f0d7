package repotest

import (
	"fmt"
	"strings"
)

// Statement is one statement of a SQL script and the line of the script it starts on,
// counted from 1, so that a failure can point into the file.
type Statement struct {
	SQL  string
	Line int
}

// sandboxMarker opens the first line mariadb-dump writes since 2024. It is a command for
// the mariadb client ("\-": refuse shell escapes from here on), not SQL, and carries no
// semicolon, so a splitter that did not know it would glue it to the next statement.
const sandboxMarker = `/*M!999999\-`

// SplitStatements cuts a script as mysqldump or mariadb-dump writes it into the
// statements the mysql client would send, in order. Like the client it understands
//
//   - quotes ', " and ` (backslash escapes inside the first two, a doubled quote
//     inside any of them), whose content is never split;
//   - "-- " and "#" comments to the end of the line, and /* */ comments: these are
//     dropped, each replaced by a space so tokens on either side stay apart (see
//     comment for the one exception);
//   - executable comments /*!NNNNN … */ and /*M!NNNNN … */: kept, since the server runs
//     what they hold; a statement may consist of nothing else;
//   - the client commands DELIMITER (mysqldump writes it around triggers and routines)
//     and the sandbox-mode marker, which it obeys rather than returns.
//
// An unterminated quote or comment is an error rather than a last statement that
// swallows the rest of the file.
func SplitStatements(script string) ([]Statement, error) {
	s := splitter{script: script, line: 1, delim: ";"}
	for s.pos < len(s.script) {
		if err := s.step(); err != nil {
			return nil, err
		}
	}
	s.emit()
	return s.out, nil
}

type splitter struct {
	script string
	pos    int
	line   int // line of script[pos]
	delim  string
	cur    strings.Builder
	start  int // line of the first non-blank byte in cur; 0 while cur is blank
	out    []Statement
}

func (s *splitter) step() error {
	rest := s.script[s.pos:]
	switch c := rest[0]; {
	case s.start == 0 && isDelimiterCommand(rest):
		return s.delimiterCommand()
	case s.start == 0 && strings.HasPrefix(rest, sandboxMarker):
		end := strings.Index(rest, "*/")
		if end < 0 {
			return fmt.Errorf("line %d: unterminated comment", s.line)
		}
		s.skip(end + len("*/"))
	case c == '\'' || c == '"' || c == '`':
		n := quotedLen(rest)
		if n < 0 {
			return fmt.Errorf("line %d: unterminated %c quote", s.line, c)
		}
		s.keep(n)
	case strings.HasPrefix(rest, "/*!") || strings.HasPrefix(rest, "/*M!"):
		n := executableCommentLen(rest)
		if n < 0 {
			return fmt.Errorf("line %d: unterminated executable comment", s.line)
		}
		s.keep(n)
	case strings.HasPrefix(rest, "/*"):
		end := strings.Index(rest[2:], "*/")
		if end < 0 {
			return fmt.Errorf("line %d: unterminated comment", s.line)
		}
		s.comment(2 + end + 2)
	case c == '#' || isDashComment(rest):
		s.comment(lineLen(rest)) // the newline itself stays, as whitespace
	case strings.HasPrefix(rest, s.delim):
		s.emit()
		s.skip(len(s.delim))
	default:
		s.keep(1)
	}
	return nil
}

// keep moves the next n bytes of the script into the current statement.
func (s *splitter) keep(n int) {
	text := s.script[s.pos : s.pos+n]
	if s.start == 0 {
		if lead := len(text) - len(strings.TrimLeft(text, " \t\r\n\f\v")); lead < len(text) {
			s.start = s.line + strings.Count(text[:lead], "\n")
		}
	}
	s.cur.WriteString(text)
	s.skip(n)
}

// skip passes over the next n bytes of the script.
func (s *splitter) skip(n int) {
	s.line += strings.Count(s.script[s.pos:s.pos+n], "\n")
	s.pos += n
}

// comment drops the comment of n bytes ahead, leaving a space in its place so that the
// tokens on either side stay apart — except after "--", which a space would turn into a
// comment of its own: there the comment stays for the server to skip.
func (s *splitter) comment(n int) {
	if strings.HasSuffix(s.cur.String(), "--") {
		s.keep(n)
		return
	}
	s.skip(n)
	s.cur.WriteByte(' ')
}

func (s *splitter) emit() {
	if sql := strings.TrimSpace(s.cur.String()); sql != "" {
		s.out = append(s.out, Statement{SQL: sql, Line: s.start})
	}
	s.cur.Reset()
	s.start = 0
}

// delimiterCommand obeys "DELIMITER xyz": the first word after it ends statements from
// here on; the rest of its line is ignored, as the mysql client ignores it.
func (s *splitter) delimiterCommand() error {
	rest := s.script[s.pos:]
	n := lineLen(rest)
	words := strings.Fields(rest[len("delimiter"):n])
	if len(words) == 0 {
		return fmt.Errorf("line %d: DELIMITER without a delimiter", s.line)
	}
	if strings.ContainsAny(words[0], `\'"`+"`") {
		return fmt.Errorf("line %d: DELIMITER %s: quotes and backslashes cannot delimit", s.line, words[0])
	}
	s.delim = words[0]
	s.cur.Reset() // only blanks were in it
	s.skip(n)
	return nil
}

func isDelimiterCommand(rest string) bool {
	const word = "delimiter"
	return len(rest) > len(word) && strings.EqualFold(rest[:len(word)], word) &&
		(rest[len(word)] == ' ' || rest[len(word)] == '\t')
}

// isDashComment follows MySQL: "--" starts a comment only when a space or control
// character follows it, so "1--1" stays arithmetic.
func isDashComment(rest string) bool {
	return len(rest) > 2 && rest[0] == '-' && rest[1] == '-' && rest[2] <= ' '
}

// lineLen is the length of rest up to, not including, its first newline.
func lineLen(rest string) int {
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		return i
	}
	return len(rest)
}

// quotedLen is the length of the quoted string or identifier at the start of rest,
// closing quote included, or -1 if it does not close. Backticks know no backslash
// escape.
func quotedLen(rest string) int {
	q := rest[0]
	for j := 1; j < len(rest); j++ {
		switch {
		case rest[j] == '\\' && q != '`':
			j++ // the escaped byte, whatever it is
		case rest[j] == q && j+1 < len(rest) && rest[j+1] == q:
			j++ // a doubled quote stands for itself
		case rest[j] == q:
			return j + 1
		}
	}
	return -1
}

// executableCommentLen is the length of the /*! … */ comment at the start of rest, or -1
// if it does not close. Its content is SQL, so a "*/" inside a quote does not close it.
func executableCommentLen(rest string) int {
	for j := 2; j < len(rest); j++ {
		switch c := rest[j]; {
		case c == '\'' || c == '"' || c == '`':
			n := quotedLen(rest[j:])
			if n < 0 {
				return -1
			}
			j += n - 1
		case c == '*' && j+1 < len(rest) && rest[j+1] == '/':
			return j + 2
		}
	}
	return -1
}
