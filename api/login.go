package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
)

// maxLoginBody bounds what the token route reads.
const maxLoginBody = 64 << 10

// loginRequest reads username and password the ways the JWT plugin accepts them: a JSON
// body, a form body, or the query string.
func loginRequest(c echo.Context) (username, password string, err error) {
	req := c.Request()
	pick := func(v url.Values) {
		if username == "" {
			username = v.Get("username")
		}
		if password == "" {
			password = v.Get("password")
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), req.Body, maxLoginBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return "", "", newError(http.StatusRequestEntityTooLarge, "rest_request_too_large", "The request is too large.")
		}
		return "", "", err
	}
	mediaType, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	switch {
	case len(body) == 0:
	case mediaType == echo.MIMEApplicationJSON || strings.HasSuffix(mediaType, "+json"):
		var in map[string]any
		if err := json.Unmarshal(body, &in); err != nil {
			return "", "", newError(http.StatusBadRequest, "rest_invalid_json", "Invalid JSON body passed.")
		}
		str := func(k string) string {
			switch v := in[k].(type) {
			case string:
				return v
			case float64:
				return strconv.FormatFloat(v, 'f', -1, 64)
			}
			return ""
		}
		username, password = str("username"), str("password")
	case mediaType == echo.MIMEApplicationForm:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return "", "", newError(http.StatusBadRequest, "rest_invalid_param", "The form body is not valid URL encoding.")
		}
		pick(form)
	}
	pick(req.URL.Query())
	return username, password, nil
}

type tokenResponse struct {
	Token           string `json:"token"`
	UserEmail       string `json:"user_email"`
	UserNicename    string `json:"user_nicename"`
	UserDisplayName string `json:"user_display_name"`
}

// issueToken answers POST /wp-json/jwt-auth/v1/token as the JWT Authentication plugin
// does: a username (login or e-mail) and password in, a token out — for users holding
// manage_options only. An application password in a Basic header works too.
func (s *Server) issueToken(c echo.Context) error {
	req := c.Request()
	username, password, err := loginRequest(c)
	if err != nil {
		return err
	}
	var tok auth.Token
	if username == "" && password == "" && req.Header.Get(echo.HeaderAuthorization) != "" {
		tok, err = s.auth.LoginWithApplicationPassword(req.Context(), req.Header.Values(echo.HeaderAuthorization), c.RealIP())
	} else {
		username = strings.TrimSpace(username)
		switch {
		case username == "":
			return newError(http.StatusForbidden, "[jwt_auth] empty_username", "The username field is empty.")
		case password == "":
			return newError(http.StatusForbidden, "[jwt_auth] empty_password", "The password field is empty.")
		}
		tok, err = s.auth.Login(req.Context(), c.RealIP(), username, password)
	}
	if err != nil {
		return err
	}
	if err := s.siteAvailableTo(req.Context(), tok.User); err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, tokenResponse{
		Token: tok.JWT, UserEmail: tok.User.Email, UserNicename: tok.User.Nicename, UserDisplayName: tok.User.DisplayName,
	})
}

// validateToken answers POST /wp-json/jwt-auth/v1/token/validate; requireBearerAdmin has
// done the checking.
func (s *Server) validateToken(c echo.Context) error {
	return writeJSON(c, http.StatusOK, map[string]any{
		"code": "jwt_auth_valid_token",
		"data": map[string]int{"status": http.StatusOK},
	})
}
