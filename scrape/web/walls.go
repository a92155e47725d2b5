package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// What a page that is not the work can be. citegraph reports these and
// never works around them: it keeps no cookies, fills in no form, solves
// no challenge.
var (
	// ErrLoginWall means the page asks to sign in (a password field, a
	// 401 answer) instead of showing the work.
	ErrLoginWall = errors.New("a login page, not the work (citegraph does not sign in)")
	// ErrCaptcha means the page is a CAPTCHA or bot check (reCAPTCHA,
	// hCaptcha, Cloudflare's challenge, DataDome, PerimeterX).
	ErrCaptcha = errors.New("a CAPTCHA or bot check, not the work (citegraph does not solve them)")
	// ErrCookieWall means the page asks to accept cookies, or to enable
	// them, before it shows the work.
	ErrCookieWall = errors.New("a cookie wall, not the work (citegraph keeps no cookies)")
)

// Markers of each wall, matched in the lower-cased page. They are only
// looked for in pages that gave no record (or came with 401, 403 or 429),
// so a real article page that mentions "captcha" in a script is read as
// the article it is.
var (
	captchaMarkers = []string{
		"g-recaptcha", "recaptcha/api.js", "h-captcha", "hcaptcha.com/1/api.js",
		"challenges.cloudflare.com", "cf-chl-", "/cdn-cgi/challenge-platform", "<title>just a moment",
		"captcha-delivery.com", "px-captcha", "verify you are human", "are you a robot",
		"unusual traffic from your computer",
	}
	loginMarkers = []string{
		`type="password"`, `type='password'`, "type=password",
	}
	loginTitles   = []string{"sign in", "log in", "login", "single sign-on", "shibboleth", "institutional access"}
	cookieMarkers = []string{
		"cookie wall", "cookiewall", "cookies are disabled", "please enable cookies", "enable cookies in your browser",
		"cookie support is required", "accept cookies to continue", "you must accept cookies", "cookieabsent",
		"consent.google.com", "consent.yahoo.com",
	}
)

// classifyWall names the wall a page is, nil when it looks like none.
// status is the answer's status and final the URL that answered.
func classifyWall(status int, final string, body []byte) error {
	low := bytes.ToLower(body)
	if containsAny(low, captchaMarkers) {
		return ErrCaptcha
	}
	if u, err := url.Parse(final); err == nil && strings.HasPrefix(strings.ToLower(u.Host), "consent.") {
		return ErrCookieWall
	}
	if containsAny(low, cookieMarkers) {
		return ErrCookieWall
	}
	if status == http.StatusUnauthorized {
		return ErrLoginWall
	}
	if containsAny(low, loginMarkers) && containsAny(pageTitle(low), loginTitles) || containsAny(low, loginMarkers) && len(low) < 32<<10 {
		return ErrLoginWall
	}
	return nil
}

func containsAny(b []byte, subs []string) bool {
	for _, s := range subs {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// pageTitle returns the text of the first <title> of a lower-cased page.
func pageTitle(low []byte) []byte {
	i := bytes.Index(low, []byte("<title"))
	if i < 0 {
		return nil
	}
	rest := low[i:]
	j := bytes.IndexByte(rest, '>')
	k := bytes.Index(rest, []byte("</title"))
	if j < 0 || k < j {
		return nil
	}
	return rest[j+1 : k]
}
