package api

import (
	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
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
		if superAdmin && !user.SuperAdmin {
			return auth.ErrForbidden
		}
		return next(c)
	}
}
