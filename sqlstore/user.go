package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"generalist"
)

// userCols are the columns scanUser reads, in its order.
const userCols = `id, name, full_name, role, municipality, disabled, password_hash, created_at, updated_at`

func scanUser(row interface{ Scan(...any) error }) (*generalist.User, error) {
	var u generalist.User
	err := row.Scan(&u.ID, &u.Name, &u.FullName, &u.Role, &u.Municipality, &u.Disabled, &u.PasswordHash,
		timeCol{&u.CreatedAt}, timeCol{&u.UpdatedAt})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func userNotFound(id int64) error {
	return generalist.Errorf(generalist.ENOTFOUND, "no user with id %d", id)
}

// checkUserMunicipality checks that an editor's municipality is one of the
// 2024 structure, which is what the cooperation registry edits.
func checkUserMunicipality(ctx context.Context, tx *tx, u *generalist.User) error {
	if u.Municipality == "" {
		return nil
	}
	if _, err := generalist.ParseMunicipalityNumber(string(u.Municipality)); err != nil {
		return generalist.Errorf(generalist.EINVALID, "user %s: %s", u.Name, generalist.ErrorMessage(err))
	}
	var n int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM municipalities WHERE structure = 2024 AND number = ?`, string(u.Municipality)).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return generalist.Errorf(generalist.EINVALID, "user %s: kommune %s is not a municipality of the 2024 structure", u.Name, u.Municipality)
	}
	return nil
}

// CreateUser implements generalist.UserStore.
func (db *DB) CreateUser(ctx context.Context, u *generalist.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := db.now()
	var id int64
	err := db.write(ctx, func(tx *tx) error {
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM users WHERE name = ?`, u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return generalist.Errorf(generalist.ECONFLICT, "the user name %s is taken", u.Name)
		}
		if err := checkUserMunicipality(ctx, tx, u); err != nil {
			return err
		}
		return tx.queryRow(ctx, `INSERT INTO users (name, full_name, role, municipality, disabled, password_hash, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			u.Name, u.FullName, string(u.Role), string(u.Municipality), u.Disabled, u.PasswordHash, db.time(now), db.time(now)).Scan(&id)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("create user %s: %w", u.Name, err)
	} else if err != nil {
		return err
	}
	u.ID, u.CreatedAt, u.UpdatedAt = id, now, now
	return nil
}

// UpdateUser implements generalist.UserStore. The name is not changed:
// u.Name is set to the stored one. Disabling a user deletes its sessions
// and revokes its API tokens in the same transaction.
func (db *DB) UpdateUser(ctx context.Context, u *generalist.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := db.now()
	var cur *generalist.User
	err := db.write(ctx, func(tx *tx) error {
		var err error
		cur, err = scanUser(tx.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, u.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return userNotFound(u.ID)
		} else if err != nil {
			return err
		}
		if u.Municipality != cur.Municipality {
			v := *u
			v.Name = cur.Name
			if err := checkUserMunicipality(ctx, tx, &v); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, `UPDATE users SET full_name = ?, role = ?, municipality = ?, disabled = ?, password_hash = ?, updated_at = ?
			WHERE id = ?`, u.FullName, string(u.Role), string(u.Municipality), u.Disabled, u.PasswordHash, db.time(now), u.ID); err != nil {
			return err
		}
		// A new password, role or municipality ends the sessions made
		// under the old one (a stolen session must not outlive a
		// password reset); disabling also revokes the API tokens.
		changed := u.PasswordHash != cur.PasswordHash || u.Role != cur.Role || u.Municipality != cur.Municipality
		if u.Disabled || changed {
			if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, u.ID); err != nil {
				return err
			}
		}
		if !u.Disabled {
			return nil
		}
		_, err = tx.exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, db.time(now), u.ID)
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("update user %d: %w", u.ID, err)
	} else if err != nil {
		return err
	}
	u.Name, u.CreatedAt, u.UpdatedAt = cur.Name, cur.CreatedAt, now
	return nil
}

// User implements generalist.UserStore.
func (db *DB) User(ctx context.Context, id int64) (*generalist.User, error) {
	u, err := scanUser(db.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, userNotFound(id)
	} else if err != nil {
		return nil, db.errorf("user %d: %w", id, err)
	}
	return u, nil
}

// UserByName implements generalist.UserStore.
func (db *DB) UserByName(ctx context.Context, name string) (*generalist.User, error) {
	u, err := scanUser(db.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no user %q", name)
	} else if err != nil {
		return nil, db.errorf("user %q: %w", name, err)
	}
	return u, nil
}

// Users implements generalist.UserStore.
func (db *DB) Users(ctx context.Context) ([]generalist.User, error) {
	return query(ctx, db, `SELECT `+userCols+` FROM users ORDER BY name`, func(r *sql.Rows) (generalist.User, error) {
		u, err := scanUser(r)
		if err != nil {
			return generalist.User{}, err
		}
		return *u, nil
	})
}

// activeUser returns ENOTFOUND for an unknown user and EFORBIDDEN for a
// disabled one: neither may get a session or a token. Read in the write
// transaction, it cannot miss a concurrent UpdateUser that disables.
func activeUser(ctx context.Context, tx *tx, id int64) error {
	var name string
	var disabled bool
	err := tx.queryRow(ctx, `SELECT name, disabled FROM users WHERE id = ?`, id).Scan(&name, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return userNotFound(id)
	} else if err != nil {
		return err
	}
	if disabled {
		return generalist.Errorf(generalist.EFORBIDDEN, "user %s is disabled", name)
	}
	return nil
}

// CreateSession implements generalist.UserStore. The times are stored to
// the microsecond (s is set to what was stored; a zero CreatedAt becomes
// now). It also removes the user's expired sessions. ENOTFOUND for an
// unknown user, EFORBIDDEN for a disabled one, ECONFLICT if a session
// with the hash exists.
func (db *DB) CreateSession(ctx context.Context, s *generalist.Session) error {
	if s.IDHash == "" {
		return generalist.Errorf(generalist.EINVALID, "session: no id hash")
	}
	created := s.CreatedAt
	if created.IsZero() {
		created = db.Now()
	}
	created = created.UTC().Truncate(time.Microsecond)
	expires := s.ExpiresAt.UTC().Truncate(time.Microsecond)
	if !expires.After(created) {
		return generalist.Errorf(generalist.EINVALID, "session: expires at %s, not after its start %s", expires.Format(time.RFC3339), created.Format(time.RFC3339))
	}
	err := db.write(ctx, func(tx *tx) error {
		if err := activeUser(ctx, tx, s.UserID); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM sessions WHERE id_hash = ?`, s.IDHash).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return generalist.Errorf(generalist.ECONFLICT, "a session with that id exists")
		}
		if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?`, s.UserID, db.time(created)); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `INSERT INTO sessions (id_hash, user_id, csrf, remote, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			s.IDHash, s.UserID, s.CSRF, s.Remote, db.time(created), db.time(expires))
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("create session for user %d: %w", s.UserID, err)
	} else if err != nil {
		return err
	}
	s.CreatedAt, s.ExpiresAt = created, expires
	return nil
}

// Session implements generalist.UserStore.
func (db *DB) Session(ctx context.Context, idHash string, now time.Time) (*generalist.Session, error) {
	var s generalist.Session
	err := db.queryRow(ctx, `SELECT id_hash, user_id, csrf, remote, created_at, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?`,
		idHash, db.time(now)).Scan(&s.IDHash, &s.UserID, &s.CSRF, &s.Remote, timeCol{&s.CreatedAt}, timeCol{&s.ExpiresAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no session: signed out or expired")
	} else if err != nil {
		return nil, db.errorf("session: %w", err)
	}
	return &s, nil
}

// DeleteSession implements generalist.UserStore. Deleting a session that
// does not exist (signed out twice) is not an error.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	err := db.write(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, idHash)
		return err
	})
	if err != nil {
		return db.errorf("delete session: %w", err)
	}
	return nil
}

// tokenCols are the columns scanToken reads, in its order.
const tokenCols = `id, user_id, name, scope, hash, prefix, created_at, revoked_at`

func scanToken(row interface{ Scan(...any) error }) (*generalist.APIToken, error) {
	var t generalist.APIToken
	if err := row.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &t.Hash, &t.Prefix, timeCol{&t.CreatedAt}, nullTimeCol{&t.RevokedAt}); err != nil {
		return nil, err
	}
	return &t, nil
}

// CreateToken implements generalist.UserStore. EINVALID for a missing
// name or hash or an unknown scope, ENOTFOUND for an unknown user,
// EFORBIDDEN for a disabled one, ECONFLICT if a token with the hash
// exists.
func (db *DB) CreateToken(ctx context.Context, t *generalist.APIToken) error {
	name := strings.TrimSpace(t.Name)
	switch {
	case name == "" || len([]rune(name)) > 200:
		return generalist.Errorf(generalist.EINVALID, "API token: a name of 1 to 200 characters is required")
	case t.Scope != generalist.ScopeRead && t.Scope != generalist.ScopeWrite:
		return generalist.Errorf(generalist.EINVALID, "API token %s: scope %q is not %s or %s", name, t.Scope, generalist.ScopeRead, generalist.ScopeWrite)
	case t.Hash == "":
		return generalist.Errorf(generalist.EINVALID, "API token %s: no hash", name)
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	var id int64
	err := db.write(ctx, func(tx *tx) error {
		if err := activeUser(ctx, tx, t.UserID); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM api_tokens WHERE hash = ?`, t.Hash).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return generalist.Errorf(generalist.ECONFLICT, "an API token with that secret exists")
		}
		return tx.queryRow(ctx, `INSERT INTO api_tokens (user_id, name, scope, hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			t.UserID, name, t.Scope, t.Hash, t.Prefix, db.time(now)).Scan(&id)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("create token for user %d: %w", t.UserID, err)
	} else if err != nil {
		return err
	}
	t.ID, t.Name, t.CreatedAt, t.RevokedAt = id, name, now, nil
	return nil
}

// TokenByHash implements generalist.UserStore.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*generalist.APIToken, error) {
	t, err := scanToken(db.queryRow(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE hash = ? AND revoked_at IS NULL`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no such API token, or it was revoked")
	} else if err != nil {
		return nil, db.errorf("token: %w", err)
	}
	return t, nil
}

// Tokens implements generalist.UserStore.
func (db *DB) Tokens(ctx context.Context, userID int64) ([]generalist.APIToken, error) {
	q := `SELECT ` + tokenCols + ` FROM api_tokens`
	var args []any
	if userID != 0 {
		q += ` WHERE user_id = ?`
		args = append(args, userID)
	}
	return query(ctx, db, q+` ORDER BY created_at DESC, id DESC`, func(r *sql.Rows) (generalist.APIToken, error) {
		t, err := scanToken(r)
		if err != nil {
			return generalist.APIToken{}, err
		}
		return *t, nil
	}, args...)
}

// RevokeToken implements generalist.UserStore. Revoking a revoked token
// changes nothing and is not an error.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	now := db.Now()
	err := db.write(ctx, func(tx *tx) error {
		res, err := tx.exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, db.time(now), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM api_tokens WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "no API token with id %d", id)
		}
		return nil
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("revoke token %d: %w", id, err)
	}
	return err
}

// RecordLogin implements generalist.UserStore. A zero At is now.
func (db *DB) RecordLogin(ctx context.Context, a generalist.LoginAttempt) error {
	at := a.At
	if at.IsZero() {
		at = db.Now()
	}
	err := db.write(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `INSERT INTO login_attempts (name, remote, ok, at) VALUES (?, ?, ?, ?)`, a.Name, a.Remote, a.OK, db.time(at))
		return err
	})
	if err != nil {
		return db.errorf("record login: %w", err)
	}
	return nil
}

// BeginLogin implements generalist.UserStore: count per name and per name
// and address, then record the attempt as failed, in one write
// transaction (serialised on both backends).
func (db *DB) BeginLogin(ctx context.Context, a generalist.LoginAttempt, since time.Time) (generalist.LoginFailures, error) {
	if a.At.IsZero() {
		return generalist.LoginFailures{}, generalist.Errorf(generalist.EINVALID, "a login attempt needs its time")
	}
	var name, pair int
	var pairLast time.Time
	err := db.write(ctx, func(tx *tx) error {
		name, pair, pairLast = 0, 0, time.Time{}
		if err := tx.queryRow(ctx, `SELECT count(*) FROM login_attempts WHERE name = ? AND NOT ok AND at >= ?`, a.Name, db.time(since)).
			Scan(&name); err != nil {
			return err
		}
		if err := tx.queryRow(ctx, `SELECT count(*), max(at) FROM login_attempts WHERE name = ? AND remote = ? AND NOT ok AND at >= ?`, a.Name, a.Remote, db.time(since)).
			Scan(&pair, timeCol{&pairLast}); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `INSERT INTO login_attempts (name, remote, ok, at) VALUES (?, ?, ?, ?)`, a.Name, a.Remote, false, db.time(a.At))
		return err
	})
	if err != nil {
		return generalist.LoginFailures{}, db.errorf("begin login for %q: %w", a.Name, err)
	}
	return generalist.LoginFailures{Name: name, Pair: pair, PairLast: pairLast}, nil
}

// LoginSucceeded implements generalist.UserStore. The attempt is found by
// name, address and time (kept to the microsecond); were two identical,
// marking both is harmless.
func (db *DB) LoginSucceeded(ctx context.Context, a generalist.LoginAttempt) error {
	err := db.write(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `UPDATE login_attempts SET ok = ? WHERE name = ? AND remote = ? AND at = ? AND NOT ok`, true, a.Name, a.Remote, db.time(a.At))
		return err
	})
	if err != nil {
		return db.errorf("mark login of %q: %w", a.Name, err)
	}
	return nil
}

// FailedLogins implements generalist.UserStore: the failed attempts for
// name at or after since, and the time of the last one.
func (db *DB) FailedLogins(ctx context.Context, name string, since time.Time) (n int, last time.Time, err error) {
	err = db.queryRow(ctx, `SELECT count(*), max(at) FROM login_attempts WHERE name = ? AND NOT ok AND at >= ?`, name, db.time(since)).
		Scan(&n, timeCol{&last})
	if err != nil {
		return 0, time.Time{}, db.errorf("failed logins for %q: %w", name, err)
	}
	return n, last, nil
}
