package repotest

import "strings"

// SplitStatements cuts a MySQL script into statements at semicolons that are outside
// quotes and comments. It understands single, double and backtick quotes with backslash
// escapes and doubled quotes, "-- " and "#" line comments (dropped), and /* */ comments —
// dropped, except MySQL's executable /*! … */ comments, which are statements of their own
// when they stand alone and are kept inside a statement otherwise.
func SplitStatements(script string) []string {
	var (
		out []string
		cur strings.Builder
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	n := len(script)
	for i := 0; i < n; i++ {
		c := script[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < n {
				if script[j] == '\\' && c != '`' {
					j += 2
					continue
				}
				if script[j] == c {
					if j+1 < n && script[j+1] == c { // doubled quote
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, n)
			cur.WriteString(script[i:end])
			i = end - 1
		case c == '-' && strings.HasPrefix(script[i:], "-- ") || c == '-' && strings.HasPrefix(script[i:], "--\n") || c == '#':
			j := strings.IndexByte(script[i:], '\n')
			if j < 0 {
				i = n
			} else {
				i += j
				cur.WriteByte('\n')
			}
		case c == '/' && strings.HasPrefix(script[i:], "/*"):
			j := strings.Index(script[i+2:], "*/")
			end := n
			if j >= 0 {
				end = i + 2 + j + 2
			}
			comment := script[i:end]
			if strings.HasPrefix(comment, "/*!") || strings.HasPrefix(comment, "/*M!") {
				cur.WriteString(comment)
			}
			i = end - 1
		case c == ';':
			flush()
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}
