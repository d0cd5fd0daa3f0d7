// Package csvsafe prepares text for CSV files that people open in spreadsheets. The
// chatbot's log holds free text from visitors and from a language model, and a cell
// beginning with "=", "+", "-", "@", a tab, CR, LF or NUL, or with the full-width
// "＝", "＋", "－", "＠" that East Asian input methods type, is run as a formula by Excel,
// LibreOffice or Google Sheets (CSV injection: OWASP, ASVS 5.0 V1.2.10). Such cells get
// a leading apostrophe, which spreadsheets show as text; numbers are left alone so that
// they stay numbers. Quoting is RFC 4180's.
package csvsafe

import (
	"strconv"
	"strings"
)

// fullWidthTriggers are U+FF1D, U+FF0B, U+FF0D and U+FF20; spreadsheets read them as
// their ASCII forms. Tab, CR, LF and NUL have no full-width forms.
var fullWidthTriggers = [...]string{"＝", "＋", "－", "＠"}

// Neutralize returns s as a spreadsheet will show it as text rather than run it.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@':
		if isNumber(s) {
			return s
		}
		return "'" + s
	case '\t', '\r', '\n', 0:
		return "'" + s
	case 0xEF: // the first byte of every full-width trigger in UTF-8
		for _, t := range fullWidthTriggers {
			if strings.HasPrefix(s, t) {
				return "'" + s
			}
		}
	}
	return s
}

// isNumber reports whether s is a plain decimal number such as "-3" or "+1.5e3", which a
// spreadsheet reads as a value, not a formula.
func isNumber(s string) bool {
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
