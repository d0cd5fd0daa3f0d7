package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpnetwork"
)

// requireAdmin admits requests carrying a valid token, or a valid application password,
// of a user who may use the sidecar (see package auth).
func (s *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.admit(true, false, next)
}

// requireBearerAdmin is requireAdmin for routes that take tokens only.
func (s *Server) requireBearerAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.admit(false, false, next)
}

// requireSuperAdmin is requireAdmin for the network routes: the user must also be a
// super admin of the network (site_admins), whatever their role on this site.
func (s *Server) requireSuperAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.admit(true, true, next)
}

func (s *Server) admit(allowBasic, superAdmin bool, next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		user, err := s.auth.Authenticate(req.Context(), req.Header.Values(echo.HeaderAuthorization), c.RealIP(), allowBasic)
		if err != nil {
			return err
		}
		if err := s.siteAvailableTo(req.Context(), user); err != nil {
			return err
		}
		if superAdmin && !user.SuperAdmin {
			return auth.ErrForbidden
		}
		return next(c)
	}
}

// siteAvailableTo is ms_site_check() once the user is known: a network's site that is
// deleted, archived, spam or not activated yet answers 410 to everyone but the
// network's super admins, whom WordPress lets through, whether the sidecar serves the
// network or that one site (KCHAT_BLOG_ID). (WordPress answers a site not activated
// yet with wp_die()'s 500; to a monitor that reads as a fault of the sidecar, so it is
// 410 here too.) Routes that need no user (the index, the contract) still answer: they
// show nothing of the site's data.
func (s *Server) siteAvailableTo(ctx context.Context, user repository.User) error {
	if user.SuperAdmin {
		return nil
	}
	availability, err := s.availability(ctx)
	if err != nil {
		return err
	}
	message := map[wpnetwork.Availability]string{
		wpnetwork.Deleted:   "This site is no longer available.",
		wpnetwork.Inactive:  "This site has not been activated yet.",
		wpnetwork.Suspended: "This site has been archived or suspended.",
	}[availability]
	if message == "" {
		return nil
	}
	return newError(http.StatusGone, "kchat_site_unavailable", message)
}

// availability is the request's site's: from the network's list in network mode, else
// from the one site's own row of {prefix}blogs (a single site has none: available).
func (s *Server) availability(ctx context.Context) (wpnetwork.Availability, error) {
	if site, ok := networkSiteOf(ctx); ok {
		return site.Availability(), nil
	}
	st := s.siteOf(ctx)
	return st.availability.Get(ctx, struct{}{}, func(ctx context.Context, _ struct{}) (wpnetwork.Availability, error) {
		row, ok, err := st.store.Blog(ctx)
		if err != nil || !ok {
			return wpnetwork.Available, err
		}
		return wpnetwork.Site(row).Availability(), nil
	})
}
