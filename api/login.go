package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// dummyAppPasswordHash makes a Basic login for an unknown user cost what a wrong
// application password costs (the 6.8+ form is a single BLAKE2b either way).
const dummyAppPasswordHash = "$generic$k3_hPLQD1L552VGPPlnSsQJhufKMWtuFppLAlSr5"

// dummyHashes make a login for an unknown user cost what a wrong password costs: a
// phpass check takes about 3 ms and a 6.8 bcrypt check about 60 ms, so the dummy must be
// of the format (and cost) the site's real accounts use. The last real hash checked sets
// it; wppass.DummyHash builds a never-matching hash of the same kind at no cost.
type dummyHashes struct {
	last atomic.Value // string: the last real hash checked
}

func newDummyHashes() *dummyHashes {
	d := &dummyHashes{}
	// What WordPress writes today, and upgrades older hashes to at the next login.
	d.last.Store("$wp$2y$10$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW")
	return d
}

func (d *dummyHashes) seen(realHash string) { d.last.Store(realHash) }

func (d *dummyHashes) hash() string { return wppass.DummyHash(d.last.Load().(string)) }

// maxLoginBody bounds what the token route reads.
const maxLoginBody = 64 << 10

// loginAttempt tracks one attempt against the failure limits.
type loginAttempt struct {
	s        *Server
	address  string
	username string
	account  string // "#<user id>" once the name has been found
}

// beginLogin refuses the attempt with 429 if its client address or username has failed
// too often lately.
func (s *Server) beginLogin(c echo.Context, username string) (loginAttempt, error) {
	a := loginAttempt{s: s, address: c.RealIP(), username: strings.ToLower(strings.TrimSpace(username))}
	now := s.now()
	blockedAddr, waitAddr := s.byAddress.blocked(a.address, now)
	blockedUser, waitUser := s.byUsername.blocked(a.username, now)
	if blockedAddr || blockedUser {
		return a, tooManyAttempts(c, max(waitAddr, waitUser))
	}
	return a, nil
}

// tooManyAttempts is the 429 of a locked login, saying in Retry-After for how long.
func tooManyAttempts(c echo.Context, wait time.Duration) error {
	c.Response().Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
	return newError(http.StatusTooManyRequests, "kchat_too_many_attempts",
		"Too many failed login attempts. Try again later.")
}

// identify counts the attempt against the account the name was found as, too, so that
// its other spellings (the e-mail address, another case, a trailing NUL that the
// database's collation ignores) share one limit; a locked account answers 429.
func (a *loginAttempt) identify(c echo.Context, userID uint64) error {
	a.account = "#" + strconv.FormatUint(userID, 10)
	if blocked, wait := a.s.byUsername.blocked(a.account, a.s.now()); blocked {
		return tooManyAttempts(c, wait)
	}
	return nil
}

func (a loginAttempt) failed() {
	now := a.s.now()
	a.s.byAddress.fail(a.address, now)
	a.s.byUsername.fail(a.username, now)
	if a.account != "" {
		a.s.byUsername.fail(a.account, now)
	}
}

func (a loginAttempt) succeeded() {
	a.s.byUsername.reset(a.username)
	if a.account != "" {
		a.s.byUsername.reset(a.account)
	}
}

// loginRequest reads username and password the ways the JWT plugin accepts them: a JSON
// body, a form body, or the query string.
func loginRequest(c echo.Context) (username, password string, err error) {
	req := c.Request()
	pick := func(v url.Values) {
		if username == "" {
			username = v.Get("username")
		}
		if password == "" {
			password = v.Get("password")
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), req.Body, maxLoginBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return "", "", newError(http.StatusRequestEntityTooLarge, "rest_request_too_large", "The request is too large.")
		}
		return "", "", err
	}
	mediaType, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	switch {
	case len(body) == 0:
	case mediaType == echo.MIMEApplicationJSON || strings.HasSuffix(mediaType, "+json"):
		var in map[string]any
		if err := json.Unmarshal(body, &in); err != nil {
			return "", "", newError(http.StatusBadRequest, "rest_invalid_json", "Invalid JSON body passed.")
		}
		str := func(k string) string {
			switch v := in[k].(type) {
			case string:
				return v
			case float64:
				return strconv.FormatFloat(v, 'f', -1, 64)
			}
			return ""
		}
		username, password = str("username"), str("password")
	case mediaType == echo.MIMEApplicationForm:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return "", "", newError(http.StatusBadRequest, "rest_invalid_param", "The form body is not valid URL encoding.")
		}
		pick(form)
	}
	pick(req.URL.Query())
	return username, password, nil
}

type tokenResponse struct {
	Token           string `json:"token"`
	UserEmail       string `json:"user_email"`
	UserNicename    string `json:"user_nicename"`
	UserDisplayName string `json:"user_display_name"`
}

// issueToken answers POST /wp-json/jwt-auth/v1/token as the JWT Authentication plugin
// does: a username (login or e-mail) and password in, a token out — for users holding
// manage_options only. An application password in a Basic header works too.
func (s *Server) issueToken(c echo.Context) error {
	ctx := c.Request().Context()
	username, password, err := loginRequest(c)
	if err != nil {
		return err
	}
	var user repository.User
	var appPassword string // the uuid of the application password logged in with
	if username == "" && password == "" && c.Request().Header.Get(echo.HeaderAuthorization) != "" {
		creds, herr := parseAuthorization(c.Request().Header.Values(echo.HeaderAuthorization), true)
		if herr != nil {
			return herr
		}
		if creds.bearer != "" {
			return errUnauthorized("jwt_auth_bad_auth_header", "The token route takes a username and password, or an application password.")
		}
		if user, err = s.applicationPasswordUser(c, creds.username, creds.password); err != nil {
			return err
		}
		appPassword, _ = c.Get(appPasswordKey).(string)
	} else {
		username = strings.TrimSpace(username)
		switch {
		case username == "":
			return newError(http.StatusForbidden, "[jwt_auth] empty_username", "The username field is empty.")
		case password == "":
			return newError(http.StatusForbidden, "[jwt_auth] empty_password", "The password field is empty.")
		}
		attempt, err := s.beginLogin(c, username)
		if err != nil {
			return err
		}
		user, err = s.store.UserByLogin(ctx, username)
		if errors.Is(err, repository.ErrNotFound) {
			wppass.Check(password, s.dummies.hash())
			attempt.failed()
			return newError(http.StatusForbidden, "[jwt_auth] invalid_username",
				"Unknown username. Check again or try your email address.")
		}
		if err != nil {
			return err
		}
		if err := attempt.identify(c, user.ID); err != nil {
			return err
		}
		s.dummies.seen(user.PasswordHash)
		if !wppass.Check(password, user.PasswordHash) {
			attempt.failed()
			return newError(http.StatusForbidden, "[jwt_auth] incorrect_password",
				"The password you entered for the username "+user.Login+" is incorrect.")
		}
		attempt.succeeded()
	}
	if !user.Can("manage_options") {
		return errForbidden
	}
	issuer := s.siteURL
	if issuer == "" {
		settings, err := s.siteSettings(ctx)
		if err != nil {
			return err
		}
		issuer = settings.Home
	}
	token, err := IssueToken(s.secret, TokenParams{
		Issuer: issuer, UserID: user.ID, IssuedAt: s.now(), TTL: s.tokenTTL, PasswordHash: user.PasswordHash,
		ApplicationPassword: appPassword,
	})
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, tokenResponse{
		Token: token, UserEmail: user.Email, UserNicename: user.Nicename, UserDisplayName: user.DisplayName,
	})
}

// validateToken answers POST /wp-json/jwt-auth/v1/token/validate; requireBearerAdmin has
// done the checking.
func (s *Server) validateToken(c echo.Context) error {
	return writeJSON(c, http.StatusOK, map[string]any{
		"code": "jwt_auth_valid_token",
		"data": map[string]int{"status": http.StatusOK},
	})
}
