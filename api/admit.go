package api

import (
	"github.com/labstack/echo/v4"
)

// requireAdmin admits requests carrying a valid token, or a valid application password,
// of a user who may use the sidecar (see package auth).
func (s *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.admit(true, next)
}

// requireBearerAdmin is requireAdmin for routes that take tokens only.
func (s *Server) requireBearerAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.admit(false, next)
}

func (s *Server) admit(allowBasic bool, next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if _, err := s.auth.Authenticate(req.Context(), req.Header.Values(echo.HeaderAuthorization), c.RealIP(), allowBasic); err != nil {
			return err
		}
		return next(c)
	}
}
