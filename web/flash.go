package web

import "net/http"

// Confirmations after a change. A form that changes something answers with
// a redirect (POST → 303 → GET) and leaves a one-time confirmation for the
// page it redirects to: setFlash puts a message key in a short-lived
// cookie, and render shows its text once above the page and clears the
// cookie. Only the keys in flashMessages are ever shown, so the cookie
// carries no text of its own and nothing a user typed is echoed back.

// flashCookie holds the key of the confirmation to show on the next page.
const flashCookie = "generalist_flash"

// flashLifetime is how long a confirmation waits for its page (seconds):
// long enough for the redirect, short enough not to greet a later visit.
const flashLifetime = 60

// setFlash leaves the confirmation under key for the next page. A key not
// in flashMessages is a programming error; it is left out rather than shown.
func setFlash(w http.ResponseWriter, r *http.Request, key string) {
	if _, ok := flashMessages[key]; !ok {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: key, Path: "/", MaxAge: flashLifetime, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
}

// pendingFlash returns the key of the confirmation waiting for this
// request, or "" when there is none (or the cookie holds anything but a
// known key).
func pendingFlash(r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	if _, ok := flashMessages[c.Value]; !ok {
		return ""
	}
	return c.Value
}

// takeFlash returns the waiting confirmation's key and clears the cookie,
// so it shows once; the page that shows it must not be stored by caches.
func takeFlash(w http.ResponseWriter, r *http.Request) string {
	if _, err := r.Cookie(flashCookie); err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	key := pendingFlash(r)
	if key != "" {
		w.Header().Set("Cache-Control", "private, no-store")
	}
	return key
}

// redirectFlash answers a change with a redirect to target and the
// confirmation under key.
func redirectFlash(w http.ResponseWriter, r *http.Request, target, key string) {
	setFlash(w, r, key)
	http.Redirect(w, r, target, http.StatusSeeOther)
}
