package auth

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// A token's JSON is read strictly. encoding/json forgives what another reader of the
// same token would read differently: it matches "Exp" to exp, takes "9999999999" as a
// number, keeps the last of two "exp" keys (PHP's json_decode keeps the last too, other
// readers the first) and ignores what follows the first value. A token that two readers
// could disagree on is refused instead.

// maxTokenJSONDepth bounds nesting; the JWT plugin's tokens nest three deep.
const maxTokenJSONDepth = 32

var (
	errDuplicateKey = errors.New("a key appears twice in one object")
	errTooDeep      = errors.New("nested too deeply")
	errTrailingData = errors.New("data after the JSON value")
	errNotObject    = errors.New("not a JSON object")
)

// decodeStrictObject decodes one JSON object into its members, refusing a key repeated
// in any object at any depth and anything after the object. Members are then looked up
// by their exact names.
func decodeStrictObject(b []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := checkUniqueKeys(dec, 0); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errTrailingData
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil || members == nil {
		return nil, errNotObject
	}
	return members, nil
}

// checkUniqueKeys reads one JSON value from dec. Keys are compared as decoded, so
// "exp" and "\u0065xp" are the same key, as they are to every JSON reader.
func checkUniqueKeys(dec *json.Decoder, depth int) error {
	if depth > maxTokenJSONDepth {
		return errTooDeep
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			if seen[key] {
				return errDuplicateKey
			}
			seen[key] = true
			if err := checkUniqueKeys(dec, depth+1); err != nil {
				return err
			}
		}
	case json.Delim('['):
		for dec.More() {
			if err := checkUniqueKeys(dec, depth+1); err != nil {
				return err
			}
		}
	default:
		return nil
	}
	_, err = dec.Token() // the closing bracket
	return err
}

// decodeSegment reads a base64url segment written the one canonical way (no padding,
// no stray bits, no line breaks), so that a token has a single spelling.
func decodeSegment(seg string) ([]byte, error) {
	b, err := base64.RawURLEncoding.Strict().DecodeString(seg)
	if err != nil {
		return nil, err
	}
	if base64.RawURLEncoding.EncodeToString(b) != seg {
		return nil, errors.New("base64url segment is not canonical")
	}
	return b, nil
}

// maxNumericDate is where JSON numbers stop being exact integers in float64 (2^53
// seconds, some 285 million years).
const maxNumericDate = 1 << 53

var errNotNumericDate = errors.New("not a JSON number of seconds")

// numericDate reads a NumericDate claim (RFC 7519): a JSON number of seconds, never a
// string or null. present is false when the claim is absent. Fractions are truncated
// to the second, as golang-jwt does for the tokens it reads.
func numericDate(claims map[string]json.RawMessage, name string) (t time.Time, present bool, err error) {
	raw, present := claims[name]
	if !present {
		return time.Time{}, false, nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || !(raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return time.Time{}, true, errNotNumericDate
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.Abs(f) > maxNumericDate {
		return time.Time{}, true, errNotNumericDate
	}
	sec, frac := math.Modf(f)
	return jwt.NewNumericDate(time.Unix(int64(sec), int64(frac*1e9))).Time, true, nil
}

// optionalString reads a claim that, when present, must be a JSON string.
func optionalString(claims map[string]json.RawMessage, name string) (s string, present bool, err error) {
	raw, present := claims[name]
	if !present {
		return "", false, nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", true, errors.New("not a JSON string")
	}
	err = json.Unmarshal(raw, &s)
	return s, true, err
}
