// Package netfixture states the facts of testdata/wordpress-network.sql — a WordPress
// multisite network built by WordPress's own code (testdata/wordpress-network/
// make-network.sh): its sites, users, roles, key and "today" — so that every test takes
// them from one place. Like package fixture it holds data only, no functions; the sidecar
// never imports it. Package dump reads the file itself.
package netfixture

import "time"

// The network as its header states it: a subdirectory network, network (site_id) 1,
// base table prefix wp_; site N > 1 keeps its own tables under wp_N_.
const (
	Domain     = "network.example.test"
	NetworkID  = 1
	BasePrefix = "wp_"
	// Secret is the JWT_AUTH_SECRET_KEY of the network's one wp-config.php.
	Secret = "network-secret-3b8e1f0c7a9d2e4f6b1c"

	// AppPassword is shopadmin's application password (WordPress 6.1 keeps its phpass
	// hash in the user meta _application_passwords), named AppPasswordName. A rebuild of
	// the dump makes a new one: copy it from the header.
	AppPassword     = "3zxtRfPwiZAW2TC0vxrXTKc8"
	AppPasswordName = "kchat-fixture"
)

// Today is the site-local date every site's interactions end on, at midnight UTC.
var Today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

// Site is one site of the network as the dump holds it.
type Site struct {
	BlogID int
	Path   string // wp_blogs.path; the domain is Domain for all
	Name   string // blogname
	Home   string // home and siteurl: what a token issued by the site carries as iss
	Prefix string // the site's own table prefix

	// The options as stored: gmt_offset is what WordPress left in the table (it reads a
	// named zone's offset from the zone itself).
	TimezoneString string
	GMTOffset      string
	StartOfWeek    int

	// Chatbot is false where the plugin's tables do not exist; the rest is then zero.
	Chatbot         bool
	ReportingPeriod string    // chatbot_chatgpt_reporting_period
	Days            int       // stored interaction rows (days without interactions have none)
	FirstDay        time.Time // the earliest stored day; the latest is Today
	Total           int       // sum of count (one day on News is NULL)
	LogRows         int       // conversation log rows: five a session, tokens included
}

// The sites, by blog_id.
var (
	Main = Site{BlogID: 1, Path: "/", Name: "Kognetiks Network", Home: "http://network.example.test", Prefix: "wp_",
		TimezoneString: "Europe/Berlin", GMTOffset: "0", StartOfWeek: 1,
		Chatbot: true, ReportingPeriod: "Daily", Days: 34, FirstDay: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC), Total: 199, LogRows: 15}
	Shop = Site{BlogID: 2, Path: "/shop/", Name: "Shop", Home: "http://network.example.test/shop", Prefix: "wp_2_",
		TimezoneString: "America/New_York", GMTOffset: "0", StartOfWeek: 0,
		Chatbot: true, ReportingPeriod: "Monthly", Days: 49, FirstDay: time.Date(2026, 10, 4, 0, 0, 0, 0, time.UTC), Total: 409, LogRows: 20}
	News = Site{BlogID: 3, Path: "/news/", Name: "News", Home: "http://network.example.test/news", Prefix: "wp_3_",
		TimezoneString: "Asia/Kolkata", GMTOffset: "0", StartOfWeek: 6,
		Chatbot: true, ReportingPeriod: "Yearly", Days: 26, FirstDay: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), Total: 235, LogRows: 10}
	// Docs has no named zone, only an offset, as "UTC-3" in Settings → General stores it.
	Docs = Site{BlogID: 4, Path: "/docs/", Name: "Docs", Home: "http://network.example.test/docs", Prefix: "wp_4_",
		TimezoneString: "", GMTOffset: "-3", StartOfWeek: 3,
		Chatbot: true, ReportingPeriod: "Daily", Days: 35, FirstDay: time.Date(2026, 10, 24, 0, 0, 0, 0, time.UTC), Total: 369, LogRows: 5}
	// Labs has WordPress's defaults for a new site and no chatbot tables at all.
	Labs = Site{BlogID: 5, Path: "/labs/", Name: "Labs", Home: "http://network.example.test/labs", Prefix: "wp_5_",
		TimezoneString: "", GMTOffset: "0", StartOfWeek: 1}

	Sites = []Site{Main, Shop, News, Docs, Labs}
)

// User is one user of the network (users are network-wide). Roles maps blog_id to the
// role the user holds there (its wp_N_capabilities); a site not in it gives none.
type User struct {
	ID         uint64
	Login      string
	Password   string // phpass ($P$) in the dump
	Email      string
	SuperAdmin bool // listed in site_admins
	Roles      map[int]string
}

// The users, by ID.
var (
	// NetAdmin installed WordPress and the network, and created every site.
	NetAdmin = User{ID: 1, Login: "netadmin", Password: "net-admin-pass-1", Email: "netadmin@example.test", SuperAdmin: true,
		Roles: map[int]string{1: "administrator", 2: "administrator", 3: "administrator", 4: "administrator", 5: "administrator"}}
	// SuperHelper is a super admin (grant_super_admin) with no role on any site.
	SuperHelper = User{ID: 2, Login: "superhelper", Password: "super-helper-pass-2", Email: "superhelper@example.test", SuperAdmin: true,
		Roles: map[int]string{}}
	// ShopAdmin administers Shop and nothing else; it has the application password.
	ShopAdmin = User{ID: 3, Login: "shopadmin", Password: "shop-admin-pass-3", Email: "shopadmin@example.test",
		Roles: map[int]string{2: "administrator"}}
	NewsEditor = User{ID: 4, Login: "newseditor", Password: "news-editor-pass-4", Email: "newseditor@example.test",
		Roles: map[int]string{3: "editor"}}
	Reader = User{ID: 5, Login: "reader", Password: "reader-pass-5", Email: "reader@example.test",
		Roles: map[int]string{1: "subscriber", 2: "subscriber"}}

	Users = []User{NetAdmin, SuperHelper, ShopAdmin, NewsEditor, Reader}
)
