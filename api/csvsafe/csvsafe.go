// Package csvsafe prepares text for CSV files that people open in spreadsheets. The
// chatbot's log holds free text from visitors and from a language model, and a cell
// beginning with "=", "+", "-", "@", a tab or a carriage return is run as a formula by
// Excel, LibreOffice and Google Sheets (CSV injection, OWASP). Such cells get a leading
// apostrophe, which spreadsheets show as text; numbers are left alone so that they stay
// numbers. Quoting is encoding/csv's (RFC 4180).
package csvsafe

import "strconv"

// Neutralize returns s as a spreadsheet will show it as text rather than run it.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// isNumber reports whether s is a plain decimal number such as "-3" or "+1.5e3", which a
// spreadsheet reads as a value, not a formula.
func isNumber(s string) bool {
	if s[0] == '\t' || s[0] == '\r' {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		default:
			return false // ParseFloat also takes "Inf", "NaN", "0x1p3" and "1_0"
		}
	}
	return true
}

// AppendRecord appends one RFC 4180 record to dst: fields separated by commas, a field
// quoted (its quotes doubled) when it holds a comma, a quote, CR or LF or starts or
// ends with a space, and the record ended with CRLF. Unlike encoding/csv's Writer with
// UseCRLF, which drops a lone CR inside a field, every byte of every field is kept, so
// a reader gets back exactly what the database holds.
func AppendRecord(dst []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		if !needsQuotes(f) {
			dst = append(dst, f...)
			continue
		}
		dst = append(dst, '"')
		for j := 0; j < len(f); j++ {
			if f[j] == '"' {
				dst = append(dst, '"')
			}
			dst = append(dst, f[j])
		}
		dst = append(dst, '"')
	}
	return append(dst, '\r', '\n')
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}
