package repository

import (
	"context"
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

// SiteSettings reads the options the sidecar needs in one query.
func (db *DB) SiteSettings(ctx context.Context) (SiteSettings, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	query, args, err := sqlx.In(
		`SELECT option_name, option_value FROM `+db.t.options+` WHERE option_name IN (?)`,
		[]string{"home", "siteurl", "blogname", "timezone_string", "gmt_offset", "start_of_week", "chatbot_chatgpt_reporting_period"})
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
		switch r.Name {
		case "home":
			s.Home = r.Value
		case "siteurl":
			s.SiteURL = r.Value
		case "blogname":
			s.BlogName = r.Value
		case "timezone_string":
			s.TimezoneString = r.Value
		case "gmt_offset":
			s.GMTOffset = r.Value
		case "start_of_week":
			// WordPress casts with (int); anything outside 0..6 leaves the default.
			if n, err := strconv.Atoi(strings.TrimSpace(r.Value)); err == nil && n >= 0 && n <= 6 {
				s.StartOfWeek = time.Weekday(n)
			}
		case "chatbot_chatgpt_reporting_period":
			s.ReportingPeriod = r.Value
		}
	}
	return s, nil
}

// option reads one option's value; a missing option is ErrNotFound.
func (db *DB) option(ctx context.Context, name string) (string, error) {
	var v string
	err := db.db.GetContext(ctx, &v,
		`SELECT option_value FROM `+db.t.options+` WHERE option_name = ? LIMIT 1`, name)
	return v, notFound(err)
}
