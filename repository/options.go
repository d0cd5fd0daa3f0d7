package repository

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// SiteSettings are the options of the site that shape every answer.
type SiteSettings struct {
	Home, SiteURL string
	// BlogName is the site's title (blogname).
	BlogName string
	// TimezoneString is the named zone ("Europe/Berlin"), or empty when the site uses a
	// plain UTC offset, which is then GMTOffset ("5.5", "-3").
	TimezoneString, GMTOffset string
	// StartOfWeek is the day weeks begin on; WordPress's default is Monday.
	StartOfWeek time.Weekday
	// ReportingPeriod is the plugin's chatbot_chatgpt_reporting_period as stored
	// ("Daily", "Monthly" …), or empty when the option does not exist.
	ReportingPeriod string
}

// settingsOptions are the options SiteSettings holds.
var settingsOptions = []string{"home", "siteurl", "blogname", "timezone_string", "gmt_offset", "start_of_week", "chatbot_chatgpt_reporting_period"}

// SiteSettings reads the options the sidecar needs in one query.
func (db *DB) SiteSettings(ctx context.Context) (SiteSettings, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	query, args, err := sqlx.In(`SELECT option_name, option_value FROM `+db.t.options+` WHERE option_name IN (?)`, settingsOptions)
	if err != nil {
		return SiteSettings{}, err
	}
	var rows []struct {
		Name  string `db:"option_name"`
		Value string `db:"option_value"`
	}
	if err := db.db.SelectContext(ctx, &rows, query, args...); err != nil {
		return SiteSettings{}, classify(err)
	}
	s := SiteSettings{StartOfWeek: time.Monday}
	for _, r := range rows {
		s.set(r.Name, r.Value)
	}
	return s, nil
}

// sitesPerQuery bounds the UNION of SitesSettings: 500 sites are 3,500 placeholders.
const sitesPerQuery = 500

// SitesSettings reads the settings of many sites of the network, as each site's view
// would (see Site), in one query per 500 sites. A site whose options table does not
// exist fails the whole read with ErrTableMissing naming it.
func (db *DB) SitesSettings(ctx context.Context, blogIDs []int) (map[int]SiteSettings, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	ids := slices.Compact(slices.Sorted(slices.Values(blogIDs)))
	settings := make(map[int]SiteSettings, len(ids))
	for batch := range slices.Chunk(ids, sitesPerQuery) {
		if err := db.readSitesSettings(ctx, batch, settings); err != nil {
			return nil, err
		}
	}
	return settings, nil
}

func (db *DB) readSitesSettings(ctx context.Context, ids []int, settings map[int]SiteSettings) error {
	in := strings.TrimSuffix(strings.Repeat("?, ", len(settingsOptions)), ", ")
	parts := make([]string, len(ids))
	args := make([]any, 0, len(ids)*(1+len(settingsOptions)))
	for i, id := range ids {
		view := db.Site(id)
		settings[view.BlogID()] = SiteSettings{StartOfWeek: time.Monday}
		parts[i] = `SELECT ? AS blog_id, option_name, option_value FROM ` + view.t.options + ` WHERE option_name IN (` + in + `)`
		args = append(args, view.BlogID())
		for _, name := range settingsOptions {
			args = append(args, name)
		}
	}
	var rows []struct {
		BlogID int    `db:"blog_id"`
		Name   string `db:"option_name"`
		Value  string `db:"option_value"`
	}
	if err := db.db.SelectContext(ctx, &rows, strings.Join(parts, " UNION ALL "), args...); err != nil {
		return classify(err)
	}
	for _, r := range rows {
		s := settings[r.BlogID]
		s.set(r.Name, r.Value)
		settings[r.BlogID] = s
	}
	return nil
}

// set keeps one option's value.
func (s *SiteSettings) set(name, value string) {
	switch name {
	case "home":
		s.Home = value
	case "siteurl":
		s.SiteURL = value
	case "blogname":
		s.BlogName = value
	case "timezone_string":
		s.TimezoneString = value
	case "gmt_offset":
		s.GMTOffset = value
	case "start_of_week":
		// WordPress casts with (int); anything outside 0..6 leaves the default.
		if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil && n >= 0 && n <= 6 {
			s.StartOfWeek = time.Weekday(n)
		}
	case "chatbot_chatgpt_reporting_period":
		s.ReportingPeriod = value
	}
}

// option reads one option's value; a missing option is ErrNotFound.
func (db *DB) option(ctx context.Context, name string) (string, error) {
	var v string
	err := db.db.GetContext(ctx, &v,
		`SELECT option_value FROM `+db.t.options+` WHERE option_name = ? LIMIT 1`, name)
	return v, notFound(err)
}
