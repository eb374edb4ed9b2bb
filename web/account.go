package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"generalist"
	"generalist/auth"
)

// Sign-in, sign-out, the account page and the administrator's overview.
// Accounts are made on the CLI (generalist user add); the web has no
// self-registration.

func (s *Server) accountRoutes() {
	s.page("GET /logg-inn", accessPublic, s.handleLoginPage)
	s.page("POST /logg-inn", accessPublic, s.handleLogin)
	s.page("POST /logg-ut", accessSignedIn, s.handleLogout)
	s.page("GET /konto", accessSignedIn, s.handleAccount)
	s.page("GET /admin", accessAdmin, s.handleAdmin)
}

type loginPage struct {
	CSRF  string
	Name  string
	Next  string
	Error string
}

// safeNext returns where to go after signing in: a local path only, so
// the sign-in form cannot be used to send people to another site.
func safeNext(next string) string {
	for _, c := range next {
		// Browsers drop tabs and newlines and read \ as /, which would
		// turn "/\t/evil.example" into "//evil.example".
		if c < 0x20 || c == 0x7f || c == '\\' {
			return "/konto"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return "/konto"
	}
	return next
}

func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) error {
	d := loginPage{CSRF: s.csrfToken(w, r), Next: safeNext(r.URL.Query().Get("neste"))}
	s.render(w, r, http.StatusOK, "login.tmpl", page{Title: msg(langOf(r), "login"), Nav: "account", Data: d})
	return nil
}

// handleLogin checks the name and password. Every failure gives the same
// message and takes as long (the password is checked against a dummy hash
// for an unknown name), so the form does not tell which names exist. A
// fresh session id is issued at every sign-in (no session fixation).
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	name := strings.ToLower(strings.TrimSpace(r.PostFormValue("name")))
	d := loginPage{Name: name, Next: safeNext(r.PostFormValue("neste"))}
	fail := func(status int, text string) {
		d.CSRF = s.csrfToken(w, r)
		d.Error = text
		s.render(w, r, status, "login.tmpl", page{Title: msg(lang, "login"), Nav: "account", Data: d})
	}
	ip := s.clientIP(r)
	if !s.limiter.allow(ip) {
		fail(http.StatusTooManyRequests, msg(lang, "login.throttled"))
		return nil
	}
	ctx := r.Context()
	bg := context.WithoutCancel(ctx)
	now := s.cfg.Now()
	// Record the attempt as failed before checking the password, counting
	// the failures before it in the same transaction: parallel guesses
	// cannot all slip under the limit.
	// Failures are counted per name and network (an IPv6 /64 is one, as
	// for innspill): a guesser cycling addresses in its /64 is one address.
	attempt := generalist.LoginAttempt{Name: name, Remote: bucketKey(ip), At: now}
	f, err := s.beginLogin(bg, attempt, now.Add(-s.cfg.Throttle.Window))
	if err != nil {
		return err
	}
	if wait := s.cfg.Throttle.Wait(f, now); wait > 0 {
		fail(http.StatusTooManyRequests, msg(lang, "login.throttled"))
		return nil
	}
	u, err := s.store.UserByName(ctx, name)
	hash := dummyHash()
	if err == nil {
		hash = u.PasswordHash
	} else if generalist.ErrorCode(err) != generalist.ENOTFOUND {
		return err
	}
	s.verifying <- struct{}{} // at most a few argon2 checks at once (64 MiB each)
	ok, verr := auth.VerifyPassword(r.PostFormValue("password"), hash)
	<-s.verifying
	ok = ok && verr == nil && err == nil && !u.Disabled
	if ok {
		if err := s.store.LoginSucceeded(bg, attempt); err != nil {
			return err
		}
	}
	if !ok {
		fail(http.StatusUnauthorized, msg(lang, "login.failed"))
		return nil
	}
	// End the session this browser had, if any, before starting a new one.
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.store.DeleteSession(bg, auth.HashSecret(c.Value))
	}
	secret := auth.NewSecret()
	sess := &generalist.Session{IDHash: auth.HashSecret(secret), UserID: u.ID, CSRF: auth.NewSecret(), Remote: ip,
		CreatedAt: now, ExpiresAt: now.Add(sessionLifetime)}
	if err := s.store.CreateSession(bg, sess); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLifetime.Seconds())})
	s.audit(r, viewer{User: u, Role: u.Role}, "sign in", u.Name, "")
	redirectFlash(w, r, d.Next, "flash.login")
	return nil
}

// beginLogin records a as failed and counts the failures before it, per
// name and per name and address.
func (s *Server) beginLogin(ctx context.Context, a generalist.LoginAttempt, since time.Time) (auth.Failures, error) {
	f, err := s.store.BeginLogin(ctx, a, since)
	return auth.Failures{Name: f.Name, Pair: f.Pair, PairLast: f.PairLast}, err
}

// dummyHash is checked for unknown names so they take as long as known
// ones. It is the hash of a random password nobody knows, made on the
// first sign-in rather than at start-up: it costs 64 MiB and a noticeable
// fraction of a second, which every CLI command would otherwise pay.
var dummyHash = sync.OnceValue(func() string {
	h, err := auth.HashPassword(auth.NewSecret(), auth.DefaultParams)
	if err != nil {
		panic(err)
	}
	return h
})

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if v := s.viewer(r); v.Session != nil {
		if err := s.store.DeleteSession(context.WithoutCancel(r.Context()), v.Session.IDHash); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	redirectFlash(w, r, "/", "flash.logout")
	return nil
}

type accountPage struct {
	User    *generalist.User
	CSRF    string
	Tokens  []generalist.APIToken
	Session *generalist.Session
}

func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) error {
	v := s.viewer(r)
	toks, err := s.store.Tokens(r.Context(), v.User.ID)
	if err != nil {
		return err
	}
	d := accountPage{User: v.User, CSRF: s.csrfToken(w, r), Tokens: toks, Session: v.Session}
	w.Header().Set("Cache-Control", "private, no-store")
	s.render(w, r, http.StatusOK, "account.tmpl", page{Title: msg(langOf(r), "account"), Nav: "account", Data: d})
	return nil
}

type adminPage struct {
	Users []generalist.User
	Audit []generalist.AuditEntry
}

func (s *Server) handleAdmin(w http.ResponseWriter, r *http.Request) error {
	us, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	d := adminPage{Users: us}
	if d.Audit, err = s.store.Audit(r.Context(), generalist.AuditFilter{Limit: 200}); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	s.render(w, r, http.StatusOK, "admin.tmpl", page{Title: msg(langOf(r), "admin"), Nav: "account", Data: d})
	return nil
}

// apiMe answers who the caller is: a script's check of its token.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	v := s.viewer(r)
	out := map[string]any{"name": v.User.Name, "full_name": v.User.FullName, "role": v.User.Role}
	if v.User.Municipality != "" {
		out["municipality"] = v.User.Municipality
	}
	if v.Token != nil {
		out["token"] = map[string]any{"id": v.Token.ID, "name": v.Token.Name, "scope": v.Token.Scope, "prefix": v.Token.Prefix}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiAudit lists the audit log, newest first (?user=, ?limit= up to 1000).
func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := generalist.AuditFilter{User: q.Get("user")}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			return generalist.Errorf(generalist.EINVALID, "query parameter limit: %q is not a whole number from 1 to 1000", l)
		}
		f.Limit = n
	}
	es, err := s.store.Audit(r.Context(), f)
	if err != nil {
		return err
	}
	type entry struct {
		ID        int64     `json:"id"`
		At        time.Time `json:"at"`
		User      string    `json:"user"`
		Action    string    `json:"action"`
		Target    string    `json:"target,omitempty"`
		Detail    string    `json:"detail,omitempty"`
		Remote    string    `json:"remote,omitempty"`
		RequestID string    `json:"request_id,omitempty"`
	}
	out := make([]entry, len(es))
	for i, e := range es {
		out[i] = entry{e.ID, e.At, e.User, e.Action, e.Target, e.Detail, e.Remote, e.RequestID}
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": out})
	return nil
}

// limiter allows n events per address per window (a fixed window, reset
// when it has passed). It bounds guessing from one address; the per-name
// throttle in the store bounds guessing one account from many.
type limiter struct {
	mu     sync.Mutex
	n      int
	window time.Duration
	now    func() time.Time
	seen   map[string]*bucket
}

type bucket struct {
	start time.Time
	count int
}

func newLimiter(n int, window time.Duration, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{n: n, window: window, now: now, seen: map[string]*bucket{}}
}

func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	key = bucketKey(key) // an IPv6 host has a whole /64 to rotate through
	if len(l.seen) > 100000 {
		// Forget the windows that have passed, rather than grow without
		// bound; if that is not enough, forget the addresses still under
		// their limit, never the limited ones: cycling through many
		// addresses must not set a limited one free. The limited ones
		// go when their window passes.
		for k, b := range l.seen {
			if now.Sub(b.start) >= l.window {
				delete(l.seen, k)
			}
		}
		if len(l.seen) > 100000 {
			for k, b := range l.seen {
				if b.count <= l.n {
					delete(l.seen, k)
				}
			}
		}
	}
	b := l.seen[key]
	if b == nil || now.Sub(b.start) >= l.window {
		b = &bucket{start: now}
		l.seen[key] = b
	}
	b.count++
	return b.count <= l.n
}
