package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// dummyAppPasswordHash makes a Basic login for an unknown user cost what a wrong
// application password costs (the 6.8+ form is a single BLAKE2b either way).
const dummyAppPasswordHash = "$generic$k3_hPLQD1L552VGPPlnSsQJhufKMWtuFppLAlSr5"

// dummyHashes make a login for an unknown user cost what a wrong password costs: a
// phpass check takes about 3 ms and a 6.8 bcrypt check about 60 ms, so the dummy must be
// of the format (and cost) the site's accounts use. It is learnt once, from the format
// most users have, at the first login that needs it: never from the users a client
// tries, which would let it choose the cost of an unknown name.
type dummyHashes struct {
	store UserStore
	mu    sync.Mutex
	hash  string // "" until learnt
}

// defaultDummyHash is what WordPress writes today, and upgrades older hashes to at the
// next login: the dummy until the site's own format is known.
var defaultDummyHash = wppass.DummyHash("$wp$2y$10$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW")

func (d *dummyHashes) get(ctx context.Context) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.hash != "" {
		return d.hash
	}
	common, err := d.store.CommonPasswordHash(ctx)
	switch {
	case err != nil:
		return defaultDummyHash // learnt at a later login
	case common == "":
		d.hash = defaultDummyHash // nobody has a password: nobody logs in
	default:
		d.hash = wppass.DummyHash(common)
	}
	return d.hash
}

// The answers to a username that names nobody: the token route's (the JWT plugin's),
// and Basic authentication's (WordPress's REST API's).
var (
	errUnknownLogin = newError(http.StatusForbidden, "[jwt_auth] invalid_username",
		"Unknown username. Check again or try your email address.")
	errUnknownAppPasswordUser = errUnauthorized("invalid_username", "Unknown username. Check again or try your email address.")
)

// maxLoginBody bounds what the token route reads.
const maxLoginBody = 64 << 10

// loginAttempt tracks one attempt against the failure limits (see LoginLimits).
type loginAttempt struct {
	s        *Server
	address  string // addressKey of the client
	username string
	account  string // "#<user id>" once the name has been found
	// What the attempt is in flight on, in byAddress and byPair.
	addressBegun bool
	pairsBegun   []string
}

// beginLogin refuses the attempt with 429 if its client address, or this username from
// this address, has failed too often lately. A username that is not UTF-8 or that no
// WordPress user can have is refused at once, as a failure of the address; tooLong is
// the route's answer to the latter, its unknown-user error. A begun attempt must be
// ended.
func (s *Server) beginLogin(c echo.Context, username string, tooLong *Error) (*loginAttempt, error) {
	a := &loginAttempt{s: s, address: addressKey(c.RealIP())}
	now := s.now()
	ok, wait := s.byAddress.begin(a.address, now)
	if !ok {
		return nil, tooManyAttempts(c, wait)
	}
	a.addressBegun = true
	username = strings.TrimSpace(username)
	var refused *Error
	switch {
	case !utf8.ValidString(username):
		refused = invalidParams(map[string]string{"username": "username is not valid UTF-8."})
	case usernameTooLong(username):
		refused = tooLong
	}
	if refused != nil {
		s.byAddress.fail(a.address, now)
		a.end()
		return nil, refused
	}
	a.username = strings.ToLower(username)
	if err := a.beginPair(c, a.username); err != nil {
		a.end()
		return nil, err
	}
	return a, nil
}

func (a *loginAttempt) beginPair(c echo.Context, name string) error {
	key := pairKey(a.address, name)
	ok, wait := a.s.byPair.begin(key, a.s.now())
	if !ok {
		return tooManyAttempts(c, wait)
	}
	a.pairsBegun = append(a.pairsBegun, key)
	return nil
}

// end takes the attempt out of flight; what it counted as (failed or succeeded) stays.
func (a *loginAttempt) end() {
	if a.addressBegun {
		a.s.byAddress.end(a.address)
		a.addressBegun = false
	}
	for _, key := range a.pairsBegun {
		a.s.byPair.end(key)
	}
	a.pairsBegun = nil
}

// tooManyAttempts is the 429 of a locked login, saying in Retry-After for how long.
func tooManyAttempts(c echo.Context, wait time.Duration) error {
	c.Response().Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
	return newError(http.StatusTooManyRequests, "kchat_too_many_attempts",
		"Too many failed login attempts. Try again later.")
}

// identify counts the attempt against the account the name was found as, too, so that
// its other spellings (the e-mail address, another case, a trailing NUL that the
// database's collation ignores) share one limit: 429 if this address has used it up.
// If the account has failed too often from everywhere, the attempt waits SlowDelay
// before the password is checked (or until the client gives up).
func (a *loginAttempt) identify(c echo.Context, userID uint64) error {
	a.account = "#" + strconv.FormatUint(userID, 10)
	if err := a.beginPair(c, a.account); err != nil {
		return err
	}
	if slow, _ := a.s.byAccount.blocked(a.account, a.s.now()); slow {
		return sleepCtx(c.Request().Context(), a.s.slowDelay)
	}
	return nil
}

func (a *loginAttempt) failed() {
	now := a.s.now()
	a.s.byAddress.fail(a.address, now)
	a.s.byPair.fail(pairKey(a.address, a.username), now)
	if a.account != "" {
		a.s.byPair.fail(pairKey(a.address, a.account), now)
		a.s.byAccount.fail(a.account, now)
	}
}

// succeeded clears this address's failures at the name and the account; the account's
// failures from everywhere stay, so that a success between guesses does not end the
// slowing.
func (a *loginAttempt) succeeded() {
	a.s.byPair.reset(pairKey(a.address, a.username))
	if a.account != "" {
		a.s.byPair.reset(pairKey(a.address, a.account))
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
		attempt, err := s.beginLogin(c, username, errUnknownLogin)
		if err != nil {
			return err
		}
		defer attempt.end()
		user, err = s.store.UserByLogin(ctx, username)
		if errors.Is(err, repository.ErrNotFound) {
			wppass.Check(password, s.dummies.get(ctx))
			attempt.failed()
			return errUnknownLogin
		}
		if err != nil {
			return err
		}
		if err := attempt.identify(c, user.ID); err != nil {
			return err
		}
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
