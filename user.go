package generalist

import (
	"context"
	"time"
)

// UserRole is what a signed-in user may do (not to be confused with Role,
// the four roles of a municipality). Anyone who is not signed in is the
// read-only public (UserPublic) and sees the published pages only.
type UserRole string

const (
	// UserAdmin (administrator) manages users and may do everything.
	UserAdmin UserRole = "admin"
	// UserAnalyst (analytiker) works with scenarios, indicators, task
	// parameters and moderates input.
	UserAnalyst UserRole = "analyst"
	// UserEditor (kommuneredaktør) edits only the cooperations its own
	// municipality (User.Municipality) takes part in, and its own data.
	UserEditor UserRole = "editor"
	// UserPublic is the read-only public: no account, no session.
	UserPublic UserRole = "public"
)

// AccountRoles are the roles a user account can have, most powerful first.
var AccountRoles = []UserRole{UserAdmin, UserAnalyst, UserEditor}

// Valid reports whether r is a role an account can have.
func (r UserRole) Valid() bool {
	for _, a := range AccountRoles {
		if r == a {
			return true
		}
	}
	return false
}

// User is a local account. The password is kept only as an argon2id hash
// (package auth); PasswordHash is never shown or exported to the web.
type User struct {
	ID       int64
	Name     string // the login name: lower case letters, digits, . _ -
	FullName string
	Role     UserRole
	// Municipality is the municipality a UserEditor edits for; zero for
	// the other roles.
	Municipality MunicipalityNumber
	Disabled     bool
	PasswordHash string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Session is a signed-in browser. The cookie holds a random secret; the
// store keeps only its SHA-256 (IDHash), so a stolen database does not give
// working sessions.
type Session struct {
	IDHash    string
	UserID    int64
	CSRF      string // the per-session token every state-changing form carries
	Remote    string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Token scopes. A read token may call GET routes only.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
)

// APIToken lets a script act as its user. Like a session, only the SHA-256
// of the secret is stored; Prefix (the first characters) identifies it in
// lists.
type APIToken struct {
	ID        int64
	UserID    int64
	Name      string
	Scope     string // ScopeRead or ScopeWrite
	Hash      string
	Prefix    string
	CreatedAt time.Time
	RevokedAt *time.Time
}

// Active reports whether the token can be used.
func (t *APIToken) Active() bool { return t.RevokedAt == nil }

// LoginAttempt is one try to sign in, kept for throttling (shared by every
// server process through the store) and for the audit.
type LoginAttempt struct {
	Name   string
	Remote string
	OK     bool
	At     time.Time
}

// LoginFailures are the failed sign-ins before an attempt: for its name
// from every address, and from the attempt's own address (the pair), with
// the time of the pair's last failure. Failures lock only the addresses
// they came from, so that nobody can lock an owner out (docs/reliability.md).
type LoginFailures struct {
	Name     int
	Pair     int
	PairLast time.Time
}

// AuditEntry records one change: who, when, what and from where.
type AuditEntry struct {
	ID        int64
	At        time.Time
	User      string // login name, "cli:<os user>" for the CLI, or "anonymous"
	Action    string // for example "POST /api/v1/scenarios" or "user add"
	Target    string // what was changed: a scenario id, a cooperation id …
	Detail    string
	Remote    string // client address; empty for the CLI
	RequestID string
}

// AuditFilter selects audit entries; zero fields match all. Entries come
// newest first.
type AuditFilter struct {
	User  string
	Limit int // 0: 100
}

// UserStore keeps accounts, sessions, API tokens and login attempts.
//
// Every method that writes does so in one transaction.
type UserStore interface {
	// CreateUser stores a new user and sets ID and the times. ECONFLICT
	// if the name is taken, EINVALID for a bad name, role or
	// municipality.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser stores u's full name, role, municipality, disabled flag
	// and password hash. ENOTFOUND for an unknown id. Disabling a user
	// also ends its sessions and revokes its tokens; a new password, role
	// or municipality ends its sessions.
	UpdateUser(ctx context.Context, u *User) error
	// User and UserByName return one user; ENOTFOUND if there is none.
	User(ctx context.Context, id int64) (*User, error)
	UserByName(ctx context.Context, name string) (*User, error)
	// Users lists every user by name.
	Users(ctx context.Context) ([]User, error)

	// CreateSession stores s. DeleteSession removes one (sign out);
	// Session returns it if it exists and has not expired at now,
	// else ENOTFOUND.
	CreateSession(ctx context.Context, s *Session) error
	Session(ctx context.Context, idHash string, now time.Time) (*Session, error)
	DeleteSession(ctx context.Context, idHash string) error

	// CreateToken stores t and sets its ID and CreatedAt. TokenByHash
	// returns an active token; ENOTFOUND for an unknown or revoked one.
	// Tokens lists a user's tokens (0: everyone's), newest first.
	// RevokeToken marks one revoked; ENOTFOUND if unknown.
	CreateToken(ctx context.Context, t *APIToken) error
	TokenByHash(ctx context.Context, hash string) (*APIToken, error)
	Tokens(ctx context.Context, userID int64) ([]APIToken, error)
	RevokeToken(ctx context.Context, id int64) error

	// RecordLogin appends an attempt; FailedLogins counts the failed
	// attempts for a name since a time and gives the time of the last
	// one (zero if none), for throttling across processes.
	RecordLogin(ctx context.Context, a LoginAttempt) error
	FailedLogins(ctx context.Context, name string, since time.Time) (n int, last time.Time, err error)

	// BeginLogin is how a sign-in is throttled without a race: in one
	// transaction it counts the failed attempts since a time for a.Name
	// from every address and from a.Remote (with the time of that pair's
	// last), then records a as a failed attempt. Parallel attempts are
	// serialised, so each sees the ones before it. LoginSucceeded marks
	// that attempt (the same a) as a success once the password is
	// verified.
	BeginLogin(ctx context.Context, a LoginAttempt, since time.Time) (LoginFailures, error)
	LoginSucceeded(ctx context.Context, a LoginAttempt) error
}

// AuditStore keeps the audit log. Entries are only ever appended.
type AuditStore interface {
	// RecordAudit appends e and sets its ID (and At when zero).
	RecordAudit(ctx context.Context, e *AuditEntry) error
	// Audit returns entries matching f, newest first.
	Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
}

// Validate checks the fields a store keeps: the name (2–64 of a–z, 0–9,
// '.', '_', '-', starting with a letter), a full name of at most 200
// characters, an account role, and a municipality exactly when the role is
// UserEditor.
func (u *User) Validate() error {
	if n := len(u.Name); n < 2 || n > 64 {
		return Errorf(EINVALID, "user name %q: must be 2 to 64 characters", u.Name)
	}
	for i, c := range u.Name {
		ok := c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')
		if !ok {
			return Errorf(EINVALID, "user name %q: use lower-case letters a–z, digits, '.', '_' or '-', starting with a letter", u.Name)
		}
	}
	if len([]rune(u.FullName)) > 200 {
		return Errorf(EINVALID, "user %s: full name is longer than 200 characters", u.Name)
	}
	if !u.Role.Valid() {
		return Errorf(EINVALID, "user %s: role %q is not one of admin, analyst, editor", u.Name, u.Role)
	}
	if u.Role == UserEditor && u.Municipality == "" {
		return Errorf(EINVALID, "user %s: an editor needs a municipality", u.Name)
	}
	if u.Role != UserEditor && u.Municipality != "" {
		return Errorf(EINVALID, "user %s: only an editor has a municipality", u.Name)
	}
	if u.PasswordHash == "" {
		return Errorf(EINVALID, "user %s: no password hash", u.Name)
	}
	return nil
}
