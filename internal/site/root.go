package site

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// root sends the reader to the home page in their language: an earlier
// explicit choice first, then what the browser asks for, then the default.
func (h *handler) root(w http.ResponseWriter, r *http.Request) {
	cookie := ""
	if c, err := r.Cookie(langCookie); err == nil {
		cookie = c.Value
	}
	l := h.langs.Negotiate(cookie, r.Header.Get("Accept-Language"))
	w.Header().Set("Vary", "Accept-Language, Cookie")
	w.Header().Set("Cache-Control", "no-cache")
	http.Redirect(w, r, "/"+l.Code+"/", http.StatusFound)
}

// addSlash sends /ru to /ru/.
func (h *handler) addSlash(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
}

// rememberLanguage records the language the reader chose by following a
// link into it, so that "/" brings them back to it.
func rememberLanguage(w http.ResponseWriter, r *http.Request, code string) {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == code {
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: langCookie, Value: code, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
	})
}

// vision switches the version for the visually impaired on or off. It is a
// plain form, so it works without JavaScript; the choice is kept in a
// cookie for a year.
func (h *handler) vision(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "The form is too large.", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	on := r.PostForm.Get("vi") == "1"
	c := &http.Cookie{Name: viCookie, Value: "1", Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil}
	if !on {
		c.Value, c.MaxAge = "", -1
	}
	http.SetCookie(w, c)
	http.Redirect(w, r, localPath(r.PostForm.Get("back")), http.StatusSeeOther)
}

// localPath returns back if it is a path on this site, else "/": the
// preference form must not become an open redirect.
func localPath(back string) string {
	if back == "" || back[0] != '/' || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(back)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return u.EscapedPath()
}
