package repository

import (
	"context"
	"database/sql"
	"errors"

	"strings"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpcaps"
)

// User is a WordPress user as this site sees them.
type User struct {
	ID          uint64
	Login       string
	Email       string
	Nicename    string
	DisplayName string
	// PasswordHash is user_pass as stored, in whichever format WordPress wrote it.
	PasswordHash string
	// Capabilities are computed as WP_User::get_role_caps() does for this site.
	Capabilities wpcaps.Capabilities
	// SuperAdmin is true for the administrators of this site's multisite network (site_admins).
	SuperAdmin bool
	// CapabilitiesMalformed is set when the user's capabilities meta could not be read;
	// the user then has no capabilities, as in WordPress.
	CapabilitiesMalformed bool
}

// Can reports whether the user holds a capability on this site.
func (u User) Can(capability string) bool {
	return u.SuperAdmin || u.Capabilities.Has(capability)
}

type userRow struct {
	ID          uint64 `db:"ID"`
	Login       string `db:"user_login"`
	Pass        string `db:"user_pass"`
	Nicename    string `db:"user_nicename"`
	Email       string `db:"user_email"`
	DisplayName string `db:"display_name"`
}

// UserByID loads a user with their capabilities on this site; ErrNotFound if no such user.
func (db *DB) UserByID(ctx context.Context, id uint64) (User, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var row userRow
	err := db.db.GetContext(ctx, &row,
		`SELECT ID, user_login, user_pass, user_nicename, user_email, display_name FROM `+db.t.users+` WHERE ID = ?`, id)
	if err != nil {
		return User{}, classify(notFound(err))
	}
	return db.withCapabilities(ctx, row)
}

// UserByLogin loads a user by user_login, or by user_email when login names nobody and
// looks like an address, as wp_authenticate() does; ErrNotFound if neither matches.
func (db *DB) UserByLogin(ctx context.Context, login string) (User, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var row userRow
	const cols = `SELECT ID, user_login, user_pass, user_nicename, user_email, display_name FROM `
	err := db.db.GetContext(ctx, &row, cols+db.t.users+` WHERE user_login = ? ORDER BY ID LIMIT 1`, login)
	if errors.Is(err, sql.ErrNoRows) && strings.Contains(login, "@") {
		err = db.db.GetContext(ctx, &row, cols+db.t.users+` WHERE user_email = ? ORDER BY ID LIMIT 1`, login)
	}
	if err != nil {
		return User{}, classify(notFound(err))
	}
	return db.withCapabilities(ctx, row)
}

// CommonPasswordHash returns a stored password hash of the format (and cost) most of the
// site's users have, "" when no user has a password. Formats are told apart as WordPress
// does: plain MD5 (32 characters or fewer), $wp bcrypt by cost, phpass by its count
// character, any other password_hash() value by its first seven characters ("$2y$10$").
func (db *DB) CommonPasswordHash(ctx context.Context) (string, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var rows []struct {
		Format string `db:"format"`
		N      int64  `db:"n"`
		Sample string `db:"sample"`
	}
	err := db.db.SelectContext(ctx, &rows, `SELECT CASE
			WHEN CHAR_LENGTH(user_pass) <= 32 THEN ''
			WHEN user_pass LIKE '$wp$%' THEN LEFT(user_pass, 10)
			WHEN user_pass LIKE '$P$%' OR user_pass LIKE '$H$%' THEN LEFT(user_pass, 4)
			ELSE LEFT(user_pass, 7) END AS format, COUNT(*) AS n, MIN(user_pass) AS sample
		FROM `+db.t.users+` WHERE user_pass <> '' GROUP BY format ORDER BY n DESC, format LIMIT 1`)
	if err != nil || len(rows) == 0 {
		return "", classify(err)
	}
	return rows[0].Sample, nil
}

// ApplicationPassword is one item of a user's _application_passwords meta.
type ApplicationPassword struct {
	// UUID names the password; WordPress revokes it by removing the item with this uuid.
	UUID string
	// Hash is the stored hash of the password.
	Hash string
}

// ApplicationPasswords returns the user's application passwords (the
// _application_passwords user meta). Malformed meta means none, and so does an item
// without a uuid or a hash: WordPress has written both since application passwords
// exist, and a password without a uuid could not be told apart once revoked.
func (db *DB) ApplicationPasswords(ctx context.Context, userID uint64) ([]ApplicationPassword, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var meta string
	err := db.db.GetContext(ctx, &meta,
		`SELECT meta_value FROM `+db.t.usermeta+` WHERE user_id = ? AND meta_key = '_application_passwords' ORDER BY umeta_id LIMIT 1`, userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, classify(err)
	}
	v, err := phpserial.Unmarshal([]byte(meta))
	if err != nil || v.Kind != phpserial.Array {
		return nil, nil
	}
	var passwords []ApplicationPassword
	for _, item := range v.Array {
		h, okHash := item.Value.Lookup("password")
		id, okID := item.Value.Lookup("uuid")
		if okHash && okID && h.Kind == phpserial.String && id.Kind == phpserial.String && h.Str != "" && id.Str != "" {
			passwords = append(passwords, ApplicationPassword{UUID: id.Str, Hash: h.Str})
		}
	}
	return passwords, nil
}

func (db *DB) withCapabilities(ctx context.Context, row userRow) (User, error) {
	u := User{
		ID: row.ID, Login: row.Login, Email: row.Email, Nicename: row.Nicename,
		DisplayName: row.DisplayName, PasswordHash: row.Pass,
	}
	// get_user_meta( $id, $key, true ) takes the first row when a key is duplicated.
	var meta sql.NullString
	err := db.db.GetContext(ctx, &meta,
		`SELECT meta_value FROM `+db.t.usermeta+` WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id LIMIT 1`,
		row.ID, db.t.capabilitiesKey)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return User{}, classify(err)
	}
	roles := wpcaps.Roles{}
	if rolesValue, err := db.option(ctx, db.t.userRolesOption); err == nil {
		// A malformed role table grants nothing, as in WordPress.
		roles, _ = wpcaps.ParseRoles(rolesValue)
	} else if !errors.Is(err, ErrNotFound) {
		return User{}, classify(err)
	}
	caps, capsErr := wpcaps.UserCapabilities(roles, meta.String)
	u.Capabilities = caps
	u.CapabilitiesMalformed = capsErr != nil && meta.Valid

	// Read even for the site's administrators: what the network allows its super
	// admins, a site's administrators may not do.
	admins, err := db.siteAdmins(ctx)
	if err != nil {
		return User{}, classify(err)
	}
	u.SuperAdmin = wpcaps.IsSuperAdmin(admins, u.Login)
	return u, nil
}

// siteAdmins reads the super admins of this site's network. WordPress reads site_admins
// only on a multisite, and from the current network's row of sitemeta. The sidecar
// takes the site to be part of a multisite when {base}blogs lists it (blog_id = the
// view's, see Site) under a network that {base}site holds; that row's site_id is the
// network's id. A single site has neither table, or at most a sitemeta left over from
// another life: nobody is a super admin there.
func (db *DB) siteAdmins(ctx context.Context) ([]string, error) {
	var v string
	err := db.db.GetContext(ctx, &v,
		`SELECT m.meta_value FROM `+db.t.blogs+` b
		 JOIN `+db.t.site+` n ON n.id = b.site_id
		 JOIN `+db.t.sitemeta+` m ON m.site_id = b.site_id
		 WHERE b.blog_id = ? AND m.meta_key = 'site_admins'
		 ORDER BY m.meta_id LIMIT 1`, db.t.blogID)
	var myErr *mysql.MySQLError
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case errors.As(err, &myErr) && myErr.Number == 1146: // no such table: not a multisite
		return nil, nil
	case err != nil:
		return nil, err
	}
	admins, _ := wpcaps.ParseSiteAdmins(v)
	return admins, nil
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
