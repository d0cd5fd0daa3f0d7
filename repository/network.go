package repository

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// NetworkRow is one row of {prefix}site: a network of sites. It converts to
// wpnetwork.Network, which chooses a request's site (the repository does not import
// it, so that programs link the chooser only when they use it).
type NetworkRow struct {
	ID     int    `db:"id"`
	Domain string `db:"domain"`
	Path   string `db:"path"`
}

// SiteRow is one row of {prefix}blogs: a site of a network. It converts to
// wpnetwork.Site.
type SiteRow struct {
	BlogID    int    `db:"blog_id"`
	NetworkID int    `db:"site_id"` // the network the site belongs to
	Domain    string `db:"domain"`
	Path      string `db:"path"` // "/", "/shop/"
	// The flags as stored: public 1 by default, the others 0 unless set; deleted is
	// 2 for a site not activated yet.
	Public   int `db:"public"`
	Archived int `db:"archived"`
	Mature   int `db:"mature"`
	Spam     int `db:"spam"`
	Deleted  int `db:"deleted"`
}

// Network is what the database says about the multisite network(s) it holds.
type Network struct {
	// Multisite is true when both {prefix}blogs and {prefix}site exist; the lists are
	// empty otherwise.
	Multisite bool
	// Networks are the rows of {prefix}site, by id.
	Networks []NetworkRow
	// SubdomainInstall is each network's subdomain_install meta (its first row), as
	// PHP reads it for truth. WordPress itself goes by SUBDOMAIN_INSTALL in
	// wp-config.php; install_network() stores the same choice here.
	SubdomainInstall map[int]bool
	// Sites are the rows of {prefix}blogs, by blog_id, flags included.
	Sites []SiteRow
	// Interactions holds the blog_ids whose chatbot interactions table exists
	// ({prefix}chatbot_chatgpt_interactions for 1, {prefix}N_… for N > 1), whether
	// {prefix}blogs lists them or not; a single site has at most blog 1.
	Interactions map[int]bool
	// Options holds the blog_ids whose options table exists ({prefix}options for 1,
	// {prefix}N_options for N > 1): a site half created or half deleted is listed in
	// {prefix}blogs without it.
	Options map[int]bool
}

const (
	interactionsSuffix = "chatbot_chatgpt_interactions"
	optionsSuffix      = "options"
)

// Network reads the network's sites and networks, and which sites have the chatbot's
// interactions table, in a few queries whatever the number of sites. It does not
// depend on the view's site.
func (db *DB) Network(ctx context.Context) (Network, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var names []string
	// The LIKE pattern's underscores match any character (the embedded engine does not
	// take escapes): the names are checked exactly below.
	err := db.db.SelectContext(ctx, &names, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE() AND (table_name IN (?, ?) OR table_name LIKE ? OR table_name LIKE ?)`,
		db.t.base+"blogs", db.t.base+"site", db.t.base+"%"+interactionsSuffix, db.t.base+"%"+optionsSuffix)
	if err != nil {
		return Network{}, classify(err)
	}
	n := Network{Interactions: map[int]bool{}, Options: map[int]bool{}}
	var blogs, site bool
	for _, name := range names {
		switch name {
		case db.t.base + "blogs":
			blogs = true
		case db.t.base + "site":
			site = true
		}
		if id, ok := siteTableBlogID(db.t.base, name, interactionsSuffix); ok {
			n.Interactions[id] = true
		}
		if id, ok := siteTableBlogID(db.t.base, name, optionsSuffix); ok {
			n.Options[id] = true
		}
	}
	if !blogs || !site {
		return n, nil
	}
	n.Multisite = true
	if err := db.readNetworks(ctx, &n); err != nil {
		return Network{}, err
	}
	return n, nil
}

// siteTableBlogID is the blog_id whose table (named by suffix) name is: base+suffix
// for 1, base+"N_"+suffix for N > 1 written as WordPress writes it.
func siteTableBlogID(base, name, suffix string) (int, bool) {
	mid, ok := strings.CutPrefix(name, base)
	if !ok {
		return 0, false
	}
	if mid, ok = strings.CutSuffix(mid, suffix); !ok {
		return 0, false
	}
	if mid == "" {
		return 1, true
	}
	digits, ok := strings.CutSuffix(mid, "_")
	id, err := strconv.Atoi(digits)
	if !ok || err != nil || id < 2 || strconv.Itoa(id) != digits {
		return 0, false
	}
	return id, true
}

// readNetworks fills in the networks, their subdomain_install and the sites.
func (db *DB) readNetworks(ctx context.Context, n *Network) error {
	if err := db.db.SelectContext(ctx, &n.Networks, `SELECT id, domain, path FROM `+db.t.site+` ORDER BY id`); err != nil {
		return classify(err)
	}
	var meta []struct {
		NetworkID int    `db:"site_id"`
		Value     string `db:"meta_value"`
	}
	err := db.db.SelectContext(ctx, &meta, `SELECT site_id, meta_value FROM `+db.t.sitemeta+
		` WHERE meta_key = 'subdomain_install' ORDER BY meta_id`)
	if err != nil {
		return classify(err)
	}
	n.SubdomainInstall = map[int]bool{}
	for _, r := range meta {
		if _, seen := n.SubdomainInstall[r.NetworkID]; !seen {
			n.SubdomainInstall[r.NetworkID] = r.Value != "" && r.Value != "0"
		}
	}
	err = db.db.SelectContext(ctx, &n.Sites, `SELECT blog_id, site_id, domain, path, public, archived, mature, spam, deleted
		FROM `+db.t.blogs+` ORDER BY blog_id`)
	if err != nil {
		return classify(err)
	}
	return nil
}

// Blog reads this view's row of {base}blogs, its flags for ms_site_check(), when the
// sidecar serves one site (KCHAT_BLOG_ID) rather than the network, where Network reads
// every row. As siteAdmins, it takes the site to be part of a multisite when {base}blogs
// lists it under a network that {base}site holds; ok is false for a single site.
func (db *DB) Blog(ctx context.Context) (row SiteRow, ok bool, err error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var r SiteRow
	err = db.db.GetContext(ctx, &r, `SELECT b.blog_id, b.site_id, b.domain, b.path, b.public, b.archived, b.mature, b.spam, b.deleted
		FROM `+db.t.blogs+` b JOIN `+db.t.site+` n ON n.id = b.site_id WHERE b.blog_id = ?`, db.t.blogID)
	var myErr *mysql.MySQLError
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return SiteRow{}, false, nil
	case errors.As(err, &myErr) && myErr.Number == 1146: // no such table: not a multisite
		return SiteRow{}, false, nil
	case err != nil:
		return SiteRow{}, false, classify(err)
	}
	return r, true, nil
}
