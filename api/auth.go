package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// wpClaims is the claim layout of the "JWT Authentication for WP REST API" plugin:
// {"iss": home, "iat", "nbf", "exp", "data": {"user": {"id": "1"}}}.
type wpClaims struct {
	jwt.RegisteredClaims
	Data struct {
		User struct {
			// The plugin writes the id as a JSON string; others write a number.
			ID json.RawMessage `json:"id"`
		} `json:"user"`
	} `json:"data"`
}

// TokenParams are the claims of a token the sidecar issues.
type TokenParams struct {
	Issuer   string
	UserID   uint64
	IssuedAt time.Time
	TTL      time.Duration
}

// IssueToken signs a token in the JWT plugin's exact layout (the user id as a string),
// so that it works with the plugin as well as with the sidecar.
func IssueToken(secret []byte, p TokenParams) (string, error) {
	iat := jwt.NewNumericDate(p.IssuedAt)
	claims := wpClaims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    strings.TrimSuffix(p.Issuer, "/"),
		IssuedAt:  iat,
		NotBefore: iat,
		ExpiresAt: jwt.NewNumericDate(p.IssuedAt.Add(p.TTL)),
	}}
	claims.Data.User.ID = json.RawMessage(strconv.Quote(strconv.FormatUint(p.UserID, 10)))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// verifyToken checks a bearer token and returns the user id it names. Issuer is the
// expected iss. The checks and their order follow the JWT plugin; the error codes are
// its own, with 401 where it says 403 (see api.md).
func verifyToken(secret []byte, raw, issuer string, now time.Time) (uint64, *Error) {
	parser := jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	var claims wpClaims
	_, err := parser.ParseWithClaims(raw, &claims, func(*jwt.Token) (any, error) { return secret, nil })
	if err != nil {
		return 0, errUnauthorized("jwt_auth_invalid_token", invalidTokenMessage(err))
	}
	if strings.TrimSuffix(claims.Issuer, "/") != strings.TrimSuffix(issuer, "/") || issuer == "" {
		return 0, errUnauthorized("jwt_auth_bad_iss", "The iss do not match with this server")
	}
	id, ok := parseUserID(claims.Data.User.ID)
	if !ok {
		return 0, errUnauthorized("jwt_auth_bad_request", "User ID not found in the token")
	}
	return id, nil
}

func invalidTokenMessage(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return "Expired token"
	case errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return "The token is not valid yet"
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return "The token has no expiry (exp)"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "Signature verification failed"
	case errors.Is(err, jwt.ErrTokenUnverifiable), errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "The token is not signed with HS256"
	}
	return "The token is malformed"
}

// parseUserID accepts a positive integer written as a JSON number or a JSON string of
// decimal digits, and nothing else.
func parseUserID(raw json.RawMessage) (uint64, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false
	}
	s := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false
		}
	}
	if s == "" || !isDigits(s) || strings.HasPrefix(s, "-") {
		return 0, false
	}
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, false
	}
	return id, true
}

// bearerToken extracts the token of an Authorization header.
func bearerToken(values []string) (string, *Error) {
	if len(values) == 0 || (len(values) == 1 && strings.TrimSpace(values[0]) == "") {
		return "", errUnauthorized("rest_not_logged_in", "You are not currently logged in.")
	}
	bad := errUnauthorized("jwt_auth_bad_auth_header", "Authorization header malformed.")
	if len(values) > 1 {
		return "", bad
	}
	scheme, token, ok := strings.Cut(strings.TrimSpace(values[0]), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || strings.ContainsAny(token, " \t") {
		return "", bad
	}
	return token, nil
}

// requireAdmin admits requests carrying a valid token of a user who, right now (give or
// take the capability cache), holds manage_options on this site.
func (s *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		token, herr := bearerToken(req.Header.Values("Authorization"))
		if herr != nil {
			return herr
		}
		issuer := s.siteURL
		if issuer == "" {
			settings, err := s.siteSettings(req.Context())
			if err != nil {
				return err
			}
			issuer = settings.Home
		}
		id, terr := verifyToken(s.secret, token, issuer, s.now())
		if terr != nil {
			return terr
		}
		user, err := s.users.get(req.Context(), id, s.store.UserByID)
		if errors.Is(err, repository.ErrNotFound) {
			return errForbidden
		}
		if err != nil {
			return err
		}
		if !user.Can("manage_options") {
			return errForbidden
		}
		c.Set("user", user)
		return next(c)
	}
}

func (s *Server) siteSettings(ctx context.Context) (repository.SiteSettings, error) {
	return s.settings.get(ctx, struct{}{}, func(ctx context.Context, _ struct{}) (repository.SiteSettings, error) {
		return s.store.SiteSettings(ctx)
	})
}
