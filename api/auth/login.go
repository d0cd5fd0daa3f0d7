package auth

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Token is a token issued at a login, and the user it is for.
type Token struct {
	JWT  string
	User repository.User
}

// Login checks a username (login or e-mail address) and login password under the login
// limits, and issues a token to a user who may use the sidecar; refusals are the JWT
// plugin's. client is the client's address, which the limits count by.
func (a *Authenticator) Login(ctx context.Context, client, username, password string) (Token, error) {
	user, _, err := a.logIn(ctx, client, username, password, loginPassword)
	if err != nil {
		return Token{}, err
	}
	return a.issue(ctx, user, "")
}

// LoginWithApplicationPassword is Login with an application password in a Basic
// Authorization header (its values are header); the token is bound to that application
// password and dies with it.
func (a *Authenticator) LoginWithApplicationPassword(ctx context.Context, header []string, client string) (Token, error) {
	creds, herr := parseAuthorization(header, true)
	if herr != nil {
		return Token{}, herr
	}
	if creds.bearer != "" {
		return Token{}, unauthenticated("jwt_auth_bad_auth_header", "The token route takes a username and password, or an application password.")
	}
	user, uuid, err := a.logIn(ctx, client, creds.username, creds.password, applicationPassword)
	if err != nil {
		return Token{}, err
	}
	return a.issue(ctx, user, uuid)
}

// issue signs a token for user, bound to their password and, when appPassword is the
// uuid of the application password they logged in with, to that.
func (a *Authenticator) issue(ctx context.Context, user repository.User, appPassword string) (Token, error) {
	if !user.Can(capability) {
		return Token{}, ErrForbidden
	}
	issuer, err := a.issuer(ctx)
	if err != nil {
		return Token{}, err
	}
	jwt, err := IssueToken(a.secret, TokenParams{
		Issuer: issuer, UserID: user.ID, IssuedAt: a.now(), TTL: a.tokenTTL, PasswordHash: user.PasswordHash,
		ApplicationPassword: appPassword,
	})
	if err != nil {
		return Token{}, err
	}
	return Token{JWT: jwt, User: user}, nil
}

// way is a kind of password a user logs in with, answered in its own words: a login
// password (the token route, as the JWT plugin answers) or an application password
// (Basic authentication, as WordPress's REST API answers).
type way struct {
	unknownUser *Error
	// checkDummy spends on a name that finds nobody what checking a wrong password costs.
	checkDummy func(a *Authenticator, ctx context.Context, password string)
	// check reports whether password is the user's; for an application password, with
	// the uuid of the one it is.
	check         func(a *Authenticator, ctx context.Context, user repository.User, password string) (uuid string, ok bool, err error)
	wrongPassword func(user repository.User) *Error
}

var loginPassword = way{
	unknownUser: errUnknownLogin,
	checkDummy: func(a *Authenticator, ctx context.Context, password string) {
		wppass.Check(password, a.dummies.get(ctx))
	},
	check: func(_ *Authenticator, _ context.Context, user repository.User, password string) (string, bool, error) {
		return "", wppass.Check(password, user.PasswordHash), nil
	},
	wrongPassword: func(user repository.User) *Error {
		return forbidden("[jwt_auth] incorrect_password", "The password you entered for the username "+user.Login+" is incorrect.")
	},
}

// dummyAppPasswordHash makes a Basic login for an unknown user cost what a wrong
// application password costs (the 6.8+ form is a single BLAKE2b either way).
const dummyAppPasswordHash = "$generic$k3_hPLQD1L552VGPPlnSsQJhufKMWtuFppLAlSr5"

var applicationPassword = way{
	unknownUser: errUnknownAppPasswordUser,
	checkDummy: func(_ *Authenticator, _ context.Context, password string) {
		wppass.CheckApplicationPassword(password, dummyAppPasswordHash)
	},
	check: func(a *Authenticator, ctx context.Context, user repository.User, password string) (string, bool, error) {
		passwords, err := a.store.ApplicationPasswords(ctx, user.ID)
		if err != nil {
			return "", false, err
		}
		for _, p := range passwords {
			if wppass.CheckApplicationPassword(password, p.Hash) {
				return p.UUID, true, nil
			}
		}
		return "", false, nil
	},
	wrongPassword: func(repository.User) *Error {
		return unauthenticated("incorrect_password", "The provided password is an invalid application password.")
	},
}

// logIn checks a username and password one way, under the login limits. A name that
// finds nobody costs what a wrong password costs, and both count as failures. It
// returns the user, and the uuid of the application password that matched.
func (a *Authenticator) logIn(ctx context.Context, client, username, password string, w way) (repository.User, string, error) {
	attempt, err := a.beginLogin(ctx, client, username, w.unknownUser)
	if err != nil {
		return repository.User{}, "", err
	}
	defer attempt.end()
	_, users := a.site(ctx)
	user, err := users.UserByLogin(ctx, username)
	if errors.Is(err, repository.ErrNotFound) {
		w.checkDummy(a, ctx, password)
		attempt.failed()
		return repository.User{}, "", w.unknownUser
	}
	if err != nil {
		return repository.User{}, "", err
	}
	if err := attempt.identify(ctx, user.ID); err != nil {
		return repository.User{}, "", err
	}
	uuid, ok, err := w.check(a, ctx, user, password)
	if err != nil {
		return repository.User{}, "", err
	}
	if !ok {
		attempt.failed()
		return repository.User{}, "", w.wrongPassword(user)
	}
	attempt.succeeded()
	return user, uuid, nil
}

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

// loginAttempt tracks one attempt against the failure limits (see LoginLimits).
type loginAttempt struct {
	a        *Authenticator
	address  string // addressKey of the client
	username string
	account  string // "#<user id>" once the name has been found
	// What the attempt is in flight on, in byAddress and byPair.
	addressBegun bool
	pairsBegun   []string
}

// beginLogin refuses the attempt if its client address, or this username from this
// address, has failed too often lately. A username that is not UTF-8 or that no
// WordPress user can have is refused at once, as a failure of the address; tooLong is
// the way's answer to the latter, its unknown-user error. A begun attempt must be ended.
func (a *Authenticator) beginLogin(ctx context.Context, client, username string, tooLong *Error) (*loginAttempt, error) {
	att := &loginAttempt{a: a, address: addressKey(client)}
	now := a.now()
	ok, wait := a.limits.byAddress.begin(att.address, now)
	if !ok {
		return nil, tooManyAttempts(wait)
	}
	att.addressBegun = true
	username = strings.TrimSpace(username)
	var refused *Error
	switch {
	case !utf8.ValidString(username):
		refused = &Error{Kind: Invalid, Code: "rest_invalid_param", Param: "username", Message: "username is not valid UTF-8."}
	case usernameTooLong(username):
		refused = tooLong
	}
	if refused != nil {
		a.limits.byAddress.fail(att.address, now)
		att.end()
		return nil, refused
	}
	att.username = strings.ToLower(username)
	if err := att.beginPair(att.username); err != nil {
		att.end()
		return nil, err
	}
	return att, nil
}

func (att *loginAttempt) beginPair(name string) error {
	key := pairKey(att.address, name)
	ok, wait := att.a.limits.byPair.begin(key, att.a.now())
	if !ok {
		return tooManyAttempts(wait)
	}
	att.pairsBegun = append(att.pairsBegun, key)
	return nil
}

// end takes the attempt out of flight; what it counted as (failed or succeeded) stays.
func (att *loginAttempt) end() {
	l := &att.a.limits
	if att.addressBegun {
		l.byAddress.end(att.address)
		att.addressBegun = false
	}
	for _, key := range att.pairsBegun {
		l.byPair.end(key)
	}
	att.pairsBegun = nil
}

// identify counts the attempt against the account the name was found as, too, so that
// its other spellings (the e-mail address, another case, a trailing NUL that the
// database's collation ignores) share one limit: refused if this address has used it
// up. If the account has failed too often from everywhere, the attempt waits SlowDelay
// before the password is checked (or until ctx ends: the client gave up).
func (att *loginAttempt) identify(ctx context.Context, userID uint64) error {
	att.account = "#" + strconv.FormatUint(userID, 10)
	if err := att.beginPair(att.account); err != nil {
		return err
	}
	if slow, _ := att.a.limits.byAccount.blocked(att.account, att.a.now()); slow {
		return sleepCtx(ctx, att.a.limits.slowDelay)
	}
	return nil
}

func (att *loginAttempt) failed() {
	l, now := &att.a.limits, att.a.now()
	l.byAddress.fail(att.address, now)
	l.byPair.fail(pairKey(att.address, att.username), now)
	if att.account != "" {
		l.byPair.fail(pairKey(att.address, att.account), now)
		l.byAccount.fail(att.account, now)
	}
}

// succeeded clears this address's failures at the name and the account; the account's
// failures from everywhere stay, so that a success between guesses does not end the
// slowing.
func (att *loginAttempt) succeeded() {
	l := &att.a.limits
	l.byPair.reset(pairKey(att.address, att.username))
	if att.account != "" {
		l.byPair.reset(pairKey(att.address, att.account))
	}
}
