// Package auth decides who a request is: it verifies the JWT Authentication plugin's
// tokens and WordPress application passwords, logs users in under limits on password
// guessing, issues tokens, and admits only users who, right now (give or take a short
// cache), may manage the site's options. It knows nothing of HTTP: its refusals are
// Errors of a Kind, which the api turns into WordPress's error answers.
package auth

import (
	"context"
	"crypto/hmac"
	"errors"
	"slices"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/ttlcache"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// UserStore reads WordPress users with their capabilities on this site.
type UserStore interface {
	UserByID(ctx context.Context, id uint64) (repository.User, error)
	UserByLogin(ctx context.Context, loginOrEmail string) (repository.User, error)
	ApplicationPasswords(ctx context.Context, userID uint64) ([]repository.ApplicationPassword, error)
	// CommonPasswordHash is a stored hash of the format most users' passwords have.
	CommonPasswordHash(ctx context.Context) (string, error)
}

// capability is what a user must hold to use the sidecar: WordPress administrators
// hold it.
const capability = "manage_options"

// DefaultTokenTTL is the lifetime of the tokens the sidecar issues when Config.TokenTTL
// is zero.
const DefaultTokenTTL = time.Hour

// maxCachedUsers bounds the user cache: a user (capabilities included) weighs about a
// kilobyte, so 4,096 of them a few megabytes, however many sites a network has.
const maxCachedUsers = 4096

// MaxCapabilityTTL is the design's bound on how stale a permission answer may be.
const MaxCapabilityTTL = 30 * time.Second

// Config wires an Authenticator.
type Config struct {
	Store UserStore
	// Secret is the site's JWT_AUTH_SECRET_KEY.
	Secret []byte
	// Issuer is the iss the sidecar's tokens carry and every token must carry: the
	// site's address.
	Issuer func(context.Context) (string, error)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// CapabilityTTL is how long a user (its capabilities, password hash and application
	// passwords) is reused: 10 s when zero, never more than MaxCapabilityTTL.
	CapabilityTTL time.Duration
	// TokenTTL is the lifetime of the tokens the sidecar issues; DefaultTokenTTL when zero.
	TokenTTL time.Duration
	// Limits bound password guessing; zero fields take DefaultLoginLimits'.
	Limits LoginLimits
	// Site names the site of a network a request is for, from its context: a key its
	// users are cached under, and the store that reads them with that site's
	// capabilities. Nil means Store, for one site. Users' passwords and application
	// passwords are network-wide and read through Store; the login limits count
	// across every site.
	Site func(ctx context.Context) (key int, users UserStore)
}

// siteUser keys the user cache: a user's capabilities differ from site to site.
type siteUser struct {
	site int
	id   uint64
}

// Authenticator admits users by token or application password, and logs them in.
type Authenticator struct {
	store    UserStore
	secret   []byte
	issuer   func(context.Context) (string, error)
	now      func() time.Time
	tokenTTL time.Duration
	site     func(ctx context.Context) (int, UserStore)
	tokens   verifiedTokens
	users    *ttlcache.Cache[siteUser, repository.User]
	// appPasswords holds the uuids of each user's application passwords, for tokens
	// bound to one; it is reused for as long as users is.
	appPasswords *ttlcache.Cache[uint64, []string]
	limits       limiters
	dummies      *dummyHashes
}

// New builds an Authenticator, filling the fields cfg leaves zero.
func New(cfg Config) *Authenticator {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CapabilityTTL <= 0 {
		cfg.CapabilityTTL = 10 * time.Second
	}
	cfg.CapabilityTTL = min(cfg.CapabilityTTL, MaxCapabilityTTL)
	if cfg.TokenTTL <= 0 {
		cfg.TokenTTL = DefaultTokenTTL
	}
	if cfg.Site == nil {
		store := cfg.Store
		cfg.Site = func(context.Context) (int, UserStore) { return 0, store }
	}
	return &Authenticator{
		site:         cfg.Site,
		store:        cfg.Store,
		secret:       cfg.Secret,
		issuer:       cfg.Issuer,
		now:          cfg.Now,
		tokenTTL:     cfg.TokenTTL,
		users:        ttlcache.NewBounded[siteUser, repository.User](cfg.CapabilityTTL, cfg.Now, maxCachedUsers),
		appPasswords: ttlcache.NewBounded[uint64, []string](cfg.CapabilityTTL, cfg.Now, maxCachedUsers),
		limits:       newLimiters(cfg.Limits.withDefaults()),
		dummies:      &dummyHashes{store: cfg.Store},
	}
}

// Authenticate admits the values of a request's Authorization header: a valid token,
// or, where allowBasic, a valid application password, of a user who may use the
// sidecar. client is the client's address, which the login limits count by.
func (a *Authenticator) Authenticate(ctx context.Context, header []string, client string, allowBasic bool) (repository.User, error) {
	creds, herr := parseAuthorization(header, allowBasic)
	if herr != nil {
		return repository.User{}, herr
	}
	var user repository.User
	var err error
	if creds.bearer != "" {
		user, err = a.tokenUser(ctx, creds.bearer)
	} else {
		user, _, err = a.logIn(ctx, client, creds.username, creds.password, applicationPassword)
	}
	if err != nil {
		return repository.User{}, err
	}
	if !user.Can(capability) {
		return repository.User{}, ErrForbidden
	}
	return user, nil
}

// tokenUser verifies a bearer token and loads its user.
func (a *Authenticator) tokenUser(ctx context.Context, token string) (repository.User, error) {
	issuer, err := a.issuer(ctx)
	if err != nil {
		return repository.User{}, err
	}
	claims, terr := a.tokens.verify(a.secret, token, issuer, a.now())
	if terr != nil {
		return repository.User{}, terr
	}
	site, users := a.site(ctx)
	user, err := a.users.Get(ctx, siteUser{site, claims.userID}, func(ctx context.Context, k siteUser) (repository.User, error) {
		return users.UserByID(ctx, k.id)
	})
	if errors.Is(err, repository.ErrNotFound) {
		return repository.User{}, ErrForbidden
	}
	if err != nil {
		return repository.User{}, err
	}
	if claims.fingerprint != "" && !hmac.Equal([]byte(claims.fingerprint), []byte(passwordFingerprint(a.secret, user.PasswordHash))) {
		return repository.User{}, invalidToken("The token was revoked: the password has changed")
	}
	if claims.appPassword != "" {
		live, err := a.appPasswords.Get(ctx, user.ID, a.applicationPasswordIDs)
		if err != nil {
			return repository.User{}, err
		}
		if !slices.Contains(live, claims.appPassword) {
			return repository.User{}, invalidToken("The token was revoked: its application password has been revoked")
		}
	}
	return user, nil
}

// applicationPasswordIDs lists the uuids of a user's application passwords.
func (a *Authenticator) applicationPasswordIDs(ctx context.Context, userID uint64) ([]string, error) {
	passwords, err := a.store.ApplicationPasswords(ctx, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(passwords))
	for i, p := range passwords {
		ids[i] = p.UUID
	}
	return ids, nil
}
