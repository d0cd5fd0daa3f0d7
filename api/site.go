package api

import (
	"context"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// siteOptions are the site's settings with the zone they name already loaded: loading a
// zone reads and parses a file of the tz database, which should not happen per request.
type siteOptions struct {
	repository.SiteSettings
	loc      *time.Location
	zoneName string
}

func (s *Server) siteSettings(ctx context.Context) (siteOptions, error) {
	return s.settingsOf(ctx, s.siteOf(ctx))
}

// settingsOf is the settings of the site st.
func (s *Server) settingsOf(ctx context.Context, st *siteState) (siteOptions, error) {
	return st.settings.Get(ctx, struct{}{}, func(ctx context.Context, _ struct{}) (siteOptions, error) {
		settings, err := st.store.SiteSettings(ctx)
		if err != nil {
			return siteOptions{}, err
		}
		loc, name := period.SiteZone(settings.TimezoneString, settings.GMTOffset)
		return siteOptions{SiteSettings: settings, loc: loc, zoneName: name}, nil
	})
}

// siteAddress is KCHAT_SITE_URL, else the home option, as configured: the issuer of
// tokens, and the start of the URLs the sidecar writes (see siteHome). A network's site
// is always its home option, as the JWT plugin issues its tokens there.
func (s *Server) siteAddress(ctx context.Context) (string, error) {
	if _, ok := networkSiteOf(ctx); !ok && s.siteURL != "" {
		return s.siteURL, nil
	}
	settings, err := s.siteSettings(ctx)
	if err != nil {
		return "", err
	}
	return settings.Home, nil
}

// siteHome is the site's address, without a trailing slash, for the URLs the sidecar
// writes: KCHAT_SITE_URL, else the home option, as WordPress's rest_url() starts from
// home. Never the request's Host, which any client may set. Behind the recommended
// proxy (the sidecar under the site's /wp-json/) these URLs are the sidecar's own; a
// client reaching the sidecar directly gets the site's, where the same routes answer.
func (s *Server) siteHome(ctx context.Context) (string, error) {
	home, err := s.siteAddress(ctx)
	return strings.TrimRight(home, "/"), err
}
