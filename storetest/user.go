package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/sqlstore"
)

// user returns a valid account of the given role ("editor" edits for
// Alstahaug, 1820).
func user(name string, role generalist.UserRole) *generalist.User {
	u := &generalist.User{Name: name, FullName: "Test " + name, Role: role, PasswordHash: "$argon2id$test$" + name}
	if role == generalist.UserEditor {
		u.Municipality = "1820"
	}
	return u
}

// mustUser creates u in db.
func mustUser(t *testing.T, db *sqlstore.DB, u *generalist.User) *generalist.User {
	t.Helper()
	if err := db.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

func testUsers(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	now := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }

	kari := user("kari", generalist.UserAdmin)
	if err := db.CreateUser(ctx, kari); err != nil {
		t.Fatal(err)
	}
	if kari.ID != 1 || !kari.CreatedAt.Equal(now) || !kari.UpdatedAt.Equal(now) {
		t.Errorf("created = id %d, %v, %v", kari.ID, kari.CreatedAt, kari.UpdatedAt)
	}
	got, err := db.User(ctx, kari.ID)
	if err != nil || !reflect.DeepEqual(got, kari) {
		t.Errorf("User(%d) = %+v, %v; want %+v", kari.ID, got, err, kari)
	}
	got, err = db.UserByName(ctx, "kari")
	if err != nil || !reflect.DeepEqual(got, kari) {
		t.Errorf("UserByName(kari) = %+v, %v; want %+v", got, err, kari)
	}
	ola := mustUser(t, db, user("ola.nordmann", generalist.UserEditor))
	if ola.ID != 2 {
		t.Errorf("second user id = %d, want 2", ola.ID)
	}

	t.Run("Errors", func(t *testing.T) {
		before, _ := db.Users(ctx)
		for _, tt := range []struct {
			name string
			u    *generalist.User
			code string
			msg  string
		}{
			{"Taken", user("kari", generalist.UserAnalyst), generalist.ECONFLICT, "the user name kari is taken"},
			{"BadName", user("Kari", generalist.UserAnalyst), generalist.EINVALID, `user name "Kari": use lower-case letters a–z, digits, '.', '_' or '-', starting with a letter`},
			{"ShortName", user("k", generalist.UserAnalyst), generalist.EINVALID, `user name "k": must be 2 to 64 characters`},
			{"Role", user("per", "public"), generalist.EINVALID, `user per: role "public" is not one of admin, analyst, editor`},
			{"EditorWithout", func() *generalist.User {
				u := user("per", generalist.UserEditor)
				u.Municipality = ""
				return u
			}(), generalist.EINVALID, "user per: an editor needs a municipality"},
			{"AnalystWith", func() *generalist.User {
				u := user("per", generalist.UserAnalyst)
				u.Municipality = "1820"
				return u
			}(), generalist.EINVALID, "user per: only an editor has a municipality"},
			{"UnknownMunicipality", func() *generalist.User {
				u := user("per", generalist.UserEditor)
				u.Municipality = "1507" // Ålesund of the 2020 structure
				return u
			}(), generalist.EINVALID, "user per: kommune 1507 is not a municipality of the 2024 structure"},
			{"BadMunicipality", func() *generalist.User {
				u := user("per", generalist.UserEditor)
				u.Municipality = "18"
				return u
			}(), generalist.EINVALID, `user per: kommunenummer "18": must be exactly 4 digits (write 0301, not 301)`},
			{"NoHash", func() *generalist.User {
				u := user("per", generalist.UserAnalyst)
				u.PasswordHash = ""
				return u
			}(), generalist.EINVALID, "user per: no password hash"},
		} {
			err := db.CreateUser(ctx, tt.u)
			if generalist.ErrorCode(err) != tt.code || generalist.ErrorMessage(err) != tt.msg {
				t.Errorf("%s: CreateUser = %v (%s), want %s %q", tt.name, err, generalist.ErrorCode(err), tt.code, tt.msg)
			}
			if tt.u.ID != 0 {
				t.Errorf("%s: a failed create set the id", tt.name)
			}
		}
		if after, _ := db.Users(ctx); !reflect.DeepEqual(before, after) {
			t.Error("failed creates changed the users")
		}
		for _, tt := range []struct {
			name string
			err  error
			code string
			msg  string
		}{
			{"User", func() error { _, err := db.User(ctx, 99); return err }(), generalist.ENOTFOUND, "no user with id 99"},
			{"UserByName", func() error { _, err := db.UserByName(ctx, "nosuch"); return err }(), generalist.ENOTFOUND, `no user "nosuch"`},
			{"Update", db.UpdateUser(ctx, &generalist.User{ID: 99, Name: "nosuch", Role: generalist.UserAdmin, PasswordHash: "x"}), generalist.ENOTFOUND, "no user with id 99"},
			{"UpdateInvalid", db.UpdateUser(ctx, &generalist.User{ID: kari.ID, Name: "kari", Role: "boss", PasswordHash: "x"}), generalist.EINVALID, `user kari: role "boss" is not one of admin, analyst, editor`},
		} {
			if generalist.ErrorCode(tt.err) != tt.code || generalist.ErrorMessage(tt.err) != tt.msg {
				t.Errorf("%s = %v (%s), want %s %q", tt.name, tt.err, generalist.ErrorCode(tt.err), tt.code, tt.msg)
			}
		}
	})

	t.Run("Update", func(t *testing.T) {
		now = now.Add(time.Hour)
		u := *ola
		u.Name = "renamed" // not stored: the name stays
		u.FullName, u.Role, u.Municipality, u.PasswordHash = "Ola Nordmann", generalist.UserAnalyst, "", "$argon2id$new"
		if err := db.UpdateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		want := *ola
		want.FullName, want.Role, want.Municipality, want.PasswordHash, want.UpdatedAt = "Ola Nordmann", generalist.UserAnalyst, "", "$argon2id$new", now
		if !reflect.DeepEqual(&u, &want) {
			t.Errorf("updated = %+v, want %+v", u, want)
		}
		if got, err := db.User(ctx, ola.ID); err != nil || !reflect.DeepEqual(got, &want) {
			t.Errorf("User after update = %+v, %v; want %+v", got, err, want)
		}
		u.Role, u.Municipality = generalist.UserEditor, "3499"
		if err := db.UpdateUser(ctx, &u); generalist.ErrorCode(err) != generalist.EINVALID ||
			generalist.ErrorMessage(err) != "user ola.nordmann: kommune 3499 is not a municipality of the 2024 structure" {
			t.Errorf("UpdateUser(unknown municipality) = %v", err)
		}
	})

	t.Run("Order", func(t *testing.T) {
		// By name in byte order: '-' < '.' < '0' < '_' < 'a'.
		for _, name := range []string{"ola_b", "ola", "ola-b", "ola0", "olab"} {
			mustUser(t, db, user(name, generalist.UserAnalyst))
		}
		us, err := db.Users(ctx)
		checkOrder(t, "Users()", us, err, func(u generalist.User) string { return u.Name }, "kari ola ola-b ola.nordmann ola0 ola_b olab")
	})
}

// testUserConcurrentCreate creates one name from several writers at
// once: exactly one account is made.
func testUserConcurrentCreate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	const writers = 8
	errs := concurrently(writers, func(i int) error {
		u := user("samtidig", generalist.UserAnalyst)
		u.FullName = fmt.Sprintf("Skriver %d", i)
		return db.CreateUser(ctx, u)
	})
	if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
		t.Errorf("%d of %d concurrent creates of one user name succeeded, want 1", ok, writers)
	}
	if us, err := db.Users(ctx); err != nil || len(us) != 1 {
		t.Errorf("Users = %d, %v; want 1", len(us), err)
	}
}

func testSessions(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	u := mustUser(t, db, user("kari", generalist.UserAnalyst))
	start := time.Date(2026, 6, 1, 8, 0, 0, 123456789, time.FixedZone("CEST", 2*3600))
	s := &generalist.Session{IDHash: "hash-1", UserID: u.ID, CSRF: "csrf-1", Remote: "192.0.2.1", CreatedAt: start, ExpiresAt: start.Add(8 * time.Hour)}
	if err := db.CreateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	// Times are kept to the microsecond, in UTC.
	want := generalist.Session{IDHash: "hash-1", UserID: u.ID, CSRF: "csrf-1", Remote: "192.0.2.1",
		CreatedAt: time.Date(2026, 6, 1, 6, 0, 0, 123456000, time.UTC), ExpiresAt: time.Date(2026, 6, 1, 14, 0, 0, 123456000, time.UTC)}
	if !reflect.DeepEqual(*s, want) {
		t.Errorf("created session = %+v, want %+v", *s, want)
	}
	for _, tt := range []struct {
		at time.Time
		ok bool
	}{
		{start, true},
		{start.Add(8*time.Hour - time.Microsecond), true},
		{start.Add(8 * time.Hour), false}, // expired at ExpiresAt
		{start.Add(9 * time.Hour), false},
	} {
		got, err := db.Session(ctx, "hash-1", tt.at)
		if tt.ok && (err != nil || !reflect.DeepEqual(*got, want)) {
			t.Errorf("Session at %v = %+v, %v; want %+v", tt.at, got, err, want)
		}
		if !tt.ok && (generalist.ErrorCode(err) != generalist.ENOTFOUND || generalist.ErrorMessage(err) != "no session: signed out or expired") {
			t.Errorf("Session at %v = %v, want ENOTFOUND", tt.at, err)
		}
	}
	for _, tt := range []struct {
		s    generalist.Session
		code string
		msg  string
	}{
		{generalist.Session{IDHash: "hash-1", UserID: u.ID, CreatedAt: start, ExpiresAt: start.Add(time.Hour)}, generalist.ECONFLICT, "a session with that id exists"},
		{generalist.Session{IDHash: "hash-2", UserID: 99, CreatedAt: start, ExpiresAt: start.Add(time.Hour)}, generalist.ENOTFOUND, "no user with id 99"},
		{generalist.Session{UserID: u.ID, CreatedAt: start, ExpiresAt: start.Add(time.Hour)}, generalist.EINVALID, "session: no id hash"},
		{generalist.Session{IDHash: "hash-2", UserID: u.ID, CreatedAt: start, ExpiresAt: start}, generalist.EINVALID, "session: expires at 2026-06-01T06:00:00Z, not after its start 2026-06-01T06:00:00Z"},
	} {
		if err := db.CreateSession(ctx, &tt.s); generalist.ErrorCode(err) != tt.code || generalist.ErrorMessage(err) != tt.msg {
			t.Errorf("CreateSession(%+v) = %v (%s), want %s %q", tt.s, err, generalist.ErrorCode(err), tt.code, tt.msg)
		}
	}
	// A new session of the same user removes the expired one.
	later := &generalist.Session{IDHash: "hash-3", UserID: u.ID, CreatedAt: start.Add(10 * time.Hour), ExpiresAt: start.Add(18 * time.Hour)}
	if err := db.CreateSession(ctx, later); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(ctx, "hash-1", start); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("the expired session was kept: %v", err)
	}
	if err := db.DeleteSession(ctx, "hash-3"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(ctx, "hash-3", start.Add(11*time.Hour)); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("Session after sign-out = %v, want ENOTFOUND", err)
	}
	if err := db.DeleteSession(ctx, "hash-3"); err != nil {
		t.Errorf("signing out twice = %v, want nil", err)
	}
	// A zero CreatedAt is now.
	db.Now = func() time.Time { return start }
	s4 := &generalist.Session{IDHash: "hash-4", UserID: u.ID, ExpiresAt: start.Add(time.Hour)}
	if err := db.CreateSession(ctx, s4); err != nil || !s4.CreatedAt.Equal(start.Truncate(time.Microsecond)) {
		t.Errorf("CreateSession without a start = %v, %v", s4.CreatedAt, err)
	}
}

func testTokens(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	now := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	kari := mustUser(t, db, user("kari", generalist.UserAnalyst))
	ola := mustUser(t, db, user("ola", generalist.UserAdmin))
	var made []generalist.APIToken
	for i, tt := range []struct {
		user  int64
		scope string
	}{{kari.ID, generalist.ScopeRead}, {ola.ID, generalist.ScopeWrite}, {kari.ID, generalist.ScopeWrite}} {
		now = now.Add(time.Minute)
		tok := &generalist.APIToken{UserID: tt.user, Name: fmt.Sprintf(" skript %d ", i), Scope: tt.scope, Hash: fmt.Sprintf("hash-%d", i), Prefix: fmt.Sprintf("gt_%d", i)}
		if err := db.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		if tok.ID != int64(i+1) || !tok.CreatedAt.Equal(now) || tok.Name != fmt.Sprintf("skript %d", i) || !tok.Active() {
			t.Errorf("created token = %+v", tok)
		}
		made = append(made, *tok)
	}
	got, err := db.TokenByHash(ctx, "hash-1")
	if err != nil || !reflect.DeepEqual(*got, made[1]) {
		t.Errorf("TokenByHash(hash-1) = %+v, %v; want %+v", got, err, made[1])
	}
	// Newest first.
	list, err := db.Tokens(ctx, kari.ID)
	if err != nil || !reflect.DeepEqual(list, []generalist.APIToken{made[2], made[0]}) {
		t.Errorf("Tokens(kari) = %+v, %v", list, err)
	}
	if all, err := db.Tokens(ctx, 0); err != nil || len(all) != 3 || all[0].ID != 3 || all[2].ID != 1 {
		t.Errorf("Tokens(0) = %+v, %v", all, err)
	}
	now = now.Add(time.Hour)
	if err := db.RevokeToken(ctx, made[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenByHash(ctx, "hash-0"); generalist.ErrorCode(err) != generalist.ENOTFOUND ||
		generalist.ErrorMessage(err) != "no such API token, or it was revoked" {
		t.Errorf("TokenByHash(revoked) = %v, want ENOTFOUND", err)
	}
	list, _ = db.Tokens(ctx, kari.ID)
	if len(list) != 2 || list[1].RevokedAt == nil || !list[1].RevokedAt.Equal(now) || list[1].Active() || !list[0].Active() {
		t.Errorf("after revoking: %+v", list)
	}
	// Revoking again keeps the first time.
	now = now.Add(time.Hour)
	if err := db.RevokeToken(ctx, made[0].ID); err != nil {
		t.Errorf("revoking twice = %v", err)
	}
	if list, _ := db.Tokens(ctx, kari.ID); !list[1].RevokedAt.Equal(now.Add(-time.Hour)) {
		t.Errorf("revoking twice changed the time to %v", list[1].RevokedAt)
	}
	for _, tt := range []struct {
		name string
		err  error
		code string
		msg  string
	}{
		{"RevokeUnknown", db.RevokeToken(ctx, 99), generalist.ENOTFOUND, "no API token with id 99"},
		{"Unknown", func() error { _, err := db.TokenByHash(ctx, "nosuch"); return err }(), generalist.ENOTFOUND, "no such API token, or it was revoked"},
		{"SameHash", db.CreateToken(ctx, &generalist.APIToken{UserID: kari.ID, Name: "x", Scope: generalist.ScopeRead, Hash: "hash-2"}), generalist.ECONFLICT, "an API token with that secret exists"},
		{"Scope", db.CreateToken(ctx, &generalist.APIToken{UserID: kari.ID, Name: "x", Scope: "admin", Hash: "h"}), generalist.EINVALID, `API token x: scope "admin" is not read or write`},
		{"NoName", db.CreateToken(ctx, &generalist.APIToken{UserID: kari.ID, Name: " ", Scope: generalist.ScopeRead, Hash: "h"}), generalist.EINVALID, "API token: a name of 1 to 200 characters is required"},
		{"NoHash", db.CreateToken(ctx, &generalist.APIToken{UserID: kari.ID, Name: "x", Scope: generalist.ScopeRead}), generalist.EINVALID, "API token x: no hash"},
		{"NoUser", db.CreateToken(ctx, &generalist.APIToken{UserID: 99, Name: "x", Scope: generalist.ScopeRead, Hash: "h"}), generalist.ENOTFOUND, "no user with id 99"},
	} {
		if generalist.ErrorCode(tt.err) != tt.code || generalist.ErrorMessage(tt.err) != tt.msg {
			t.Errorf("%s = %v (%s), want %s %q", tt.name, tt.err, generalist.ErrorCode(tt.err), tt.code, tt.msg)
		}
	}
}

// testDisableUser disables a user: its sessions end and its tokens are
// revoked, in the same transaction, and it gets no new ones.
func testDisableUser(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	now := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	kari := mustUser(t, db, user("kari", generalist.UserAnalyst))
	ola := mustUser(t, db, user("ola", generalist.UserAnalyst))
	for _, u := range []*generalist.User{kari, ola} {
		for i := range 2 {
			s := &generalist.Session{IDHash: fmt.Sprintf("s-%s-%d", u.Name, i), UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
			if err := db.CreateSession(ctx, s); err != nil {
				t.Fatal(err)
			}
			tok := &generalist.APIToken{UserID: u.ID, Name: "skript", Scope: generalist.ScopeWrite, Hash: fmt.Sprintf("t-%s-%d", u.Name, i)}
			if err := db.CreateToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
	}
	now = now.Add(time.Minute)
	off := *kari
	off.Disabled = true
	if err := db.UpdateUser(ctx, &off); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.User(ctx, kari.ID); !got.Disabled {
		t.Error("the user is not disabled")
	}
	for i := range 2 {
		if _, err := db.Session(ctx, fmt.Sprintf("s-kari-%d", i), now); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("session %d of a disabled user: %v, want ENOTFOUND", i, err)
		}
		if _, err := db.TokenByHash(ctx, fmt.Sprintf("t-kari-%d", i)); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("token %d of a disabled user: %v, want ENOTFOUND", i, err)
		}
		// The other user keeps everything.
		if _, err := db.Session(ctx, fmt.Sprintf("s-ola-%d", i), now); err != nil {
			t.Errorf("session %d of another user: %v", i, err)
		}
		if _, err := db.TokenByHash(ctx, fmt.Sprintf("t-ola-%d", i)); err != nil {
			t.Errorf("token %d of another user: %v", i, err)
		}
	}
	for _, tok := range func() []generalist.APIToken { l, _ := db.Tokens(ctx, kari.ID); return l }() {
		if tok.RevokedAt == nil || !tok.RevokedAt.Equal(now) {
			t.Errorf("token %d revoked at %v, want %v", tok.ID, tok.RevokedAt, now)
		}
	}
	s := &generalist.Session{IDHash: "s-kari-new", UserID: kari.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := db.CreateSession(ctx, s); generalist.ErrorCode(err) != generalist.EFORBIDDEN || generalist.ErrorMessage(err) != "user kari is disabled" {
		t.Errorf("CreateSession(disabled) = %v, want EFORBIDDEN", err)
	}
	tok := &generalist.APIToken{UserID: kari.ID, Name: "x", Scope: generalist.ScopeRead, Hash: "t-kari-new"}
	if err := db.CreateToken(ctx, tok); generalist.ErrorCode(err) != generalist.EFORBIDDEN {
		t.Errorf("CreateToken(disabled) = %v, want EFORBIDDEN", err)
	}
	// Enabled again, the old tokens stay revoked.
	off.Disabled = false
	if err := db.UpdateUser(ctx, &off); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenByHash(ctx, "t-kari-0"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("a token of a re-enabled user came back: %v", err)
	}
	if err := db.CreateSession(ctx, s); err != nil {
		t.Errorf("CreateSession(enabled again) = %v", err)
	}
}

func testLogins(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	start := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	for i, a := range []generalist.LoginAttempt{
		{Name: "kari", OK: false, At: start},
		{Name: "kari", OK: false, At: start.Add(time.Minute + 500*time.Microsecond)},
		{Name: "kari", OK: true, At: start.Add(2 * time.Minute)},
		{Name: "kari", OK: false, At: start.Add(3 * time.Minute)},
		{Name: "ola", OK: false, At: start.Add(4 * time.Minute)},
		{Name: "Kari", OK: false, At: start.Add(5 * time.Minute)},
	} {
		a.Remote = fmt.Sprintf("192.0.2.%d", i)
		if err := db.RecordLogin(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name  string
		since time.Time
		n     int
		last  time.Time
	}{
		{"kari", start, 3, start.Add(3 * time.Minute)},
		{"kari", start.Add(time.Second), 2, start.Add(3 * time.Minute)},
		{"kari", start.Add(time.Minute + 500*time.Microsecond), 2, start.Add(3 * time.Minute)},
		{"kari", start.Add(time.Minute + 501*time.Microsecond), 1, start.Add(3 * time.Minute)},
		{"kari", start.Add(time.Hour), 0, time.Time{}},
		{"ola", start, 1, start.Add(4 * time.Minute)},
		{"Kari", start, 1, start.Add(5 * time.Minute)},
		{"nosuch", start, 0, time.Time{}},
	} {
		n, last, err := db.FailedLogins(ctx, tt.name, tt.since)
		if err != nil || n != tt.n || !last.Equal(tt.last) {
			t.Errorf("FailedLogins(%s, %v) = %d, %v, %v; want %d, %v", tt.name, tt.since, n, last, err, tt.n, tt.last)
		}
	}
}

// testBeginLogin: parallel attempts for one name each count the ones
// recorded before them (no two see the same count), and a success marked
// afterwards is no longer a failure.
func testBeginLogin(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	start := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	const n = 12
	seen := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := generalist.LoginAttempt{Name: "kari", Remote: fmt.Sprintf("192.0.2.%d", i), At: start.Add(time.Duration(i) * time.Millisecond)}
			f, err := db.BeginLogin(ctx, a, start.Add(-time.Hour))
			c := f.Name
			if err != nil {
				t.Error(err)
			}
			seen <- c
		}()
	}
	wg.Wait()
	close(seen)
	counts := map[int]bool{}
	for c := range seen {
		if counts[c] {
			t.Errorf("two parallel attempts both saw %d failures before them", c)
		}
		counts[c] = true
	}
	for c := range n {
		if !counts[c] {
			t.Errorf("no attempt saw %d failures before it: %v", c, counts)
		}
	}
	ok := generalist.LoginAttempt{Name: "kari", Remote: "192.0.2.99", At: start.Add(time.Second)}
	if f, err := db.BeginLogin(ctx, ok, start.Add(-time.Hour)); err != nil || f.Name != n {
		t.Fatalf("BeginLogin after %d = %d, %v", n, f.Name, err)
	}
	if err := db.LoginSucceeded(ctx, ok); err != nil {
		t.Fatal(err)
	}
	if c, last, err := db.FailedLogins(ctx, "kari", start.Add(-time.Hour)); err != nil || c != n || !last.Equal(start.Add((n-1)*time.Millisecond)) {
		t.Errorf("after a success FailedLogins = %d, %v, %v; want %d", c, last, err, n)
	}

	// BeginLogin counts per name and per name and address, so that
	// other addresses' failures do not lock this one.
	at := start.Add(time.Minute)
	for i, tt := range []struct {
		remote   string
		name     int
		pair     int
		pairLast time.Time
	}{
		{"192.0.2.3", n, 1, start.Add(3 * time.Millisecond)},
		{"192.0.2.3", n + 1, 2, at},
		{"198.51.100.7", n + 2, 0, time.Time{}},
		{"192.0.2.99", n + 3, 0, time.Time{}}, // its attempt succeeded
	} {
		a := generalist.LoginAttempt{Name: "kari", Remote: tt.remote, At: at.Add(time.Duration(i) * time.Second)}
		f, err := db.BeginLogin(ctx, a, start.Add(-time.Hour))
		name, pair, last := f.Name, f.Pair, f.PairLast
		if err != nil || name != tt.name || pair != tt.pair || !last.Equal(tt.pairLast) {
			t.Errorf("BeginLogin(kari, %s) = %d, %d, %v, %v; want %d, %d, %v", tt.remote, name, pair, last, err, tt.name, tt.pair, tt.pairLast)
		}
	}
	if f, err := db.BeginLogin(ctx, generalist.LoginAttempt{Name: "ola", Remote: "192.0.2.3", At: at}, start.Add(-time.Hour)); err != nil || f.Name != 0 || f.Pair != 0 {
		t.Errorf("BeginLogin(ola, 192.0.2.3) = %d, %d, %v; want 0, 0 (another name)", f.Name, f.Pair, err)
	}
}

func testAudit(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	start := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	var entries []generalist.AuditEntry
	for i, e := range []generalist.AuditEntry{
		{User: "kari", Action: "POST /api/v1/scenarios", Target: "a", At: start.Add(time.Minute)},
		{User: "ola", Action: "user add", Target: "per", Detail: "role analyst", At: start.Add(2 * time.Minute)},
		// Recorded later, but earlier: newest first goes by time.
		{User: "kari", Action: "DELETE /api/v1/scenarios/a", Target: "a", At: start},
		{User: "cli:root", Action: "import", Target: "07459.json", At: start.Add(2 * time.Minute)},
	} {
		e.Remote, e.RequestID = "192.0.2.1", fmt.Sprintf("req-%d", i)
		if err := db.RecordAudit(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if e.ID != int64(i+1) {
			t.Errorf("entry %d got id %d", i, e.ID)
		}
		entries = append(entries, e)
	}
	got, err := db.Audit(ctx, generalist.AuditFilter{})
	want := []generalist.AuditEntry{entries[3], entries[1], entries[0], entries[2]}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Audit() = %+v, %v; want %+v", got, err, want)
	}
	got, err = db.Audit(ctx, generalist.AuditFilter{User: "kari", Limit: 1})
	if err != nil || !reflect.DeepEqual(got, []generalist.AuditEntry{entries[0]}) {
		t.Errorf("Audit(kari, 1) = %+v, %v", got, err)
	}
	if got, err := db.Audit(ctx, generalist.AuditFilter{User: "nosuch"}); err != nil || len(got) != 0 {
		t.Errorf("Audit(nosuch) = %+v, %v", got, err)
	}
	if _, err := db.Audit(ctx, generalist.AuditFilter{Limit: -1}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Audit(limit -1) = %v, want EINVALID", err)
	}
	if err := db.RecordAudit(ctx, &generalist.AuditEntry{User: "kari"}); generalist.ErrorCode(err) != generalist.EINVALID ||
		generalist.ErrorMessage(err) != "audit entry: the user and the action are required" {
		t.Errorf("RecordAudit(no action) = %v, want EINVALID", err)
	}
	// A zero time is now, kept to the microsecond.
	now := time.Date(2026, 6, 2, 9, 0, 0, 999, time.UTC)
	db.Now = func() time.Time { return now }
	e := &generalist.AuditEntry{User: "kari", Action: "x"}
	if err := db.RecordAudit(ctx, e); err != nil || !e.At.Equal(now.Truncate(time.Microsecond)) {
		t.Errorf("RecordAudit without a time = %v, %v", e.At, err)
	}
	// The default limit is 100.
	for i := range 120 {
		if err := db.RecordAudit(ctx, &generalist.AuditEntry{User: "bulk", Action: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := db.Audit(ctx, generalist.AuditFilter{}); err != nil || len(got) != 100 {
		t.Errorf("Audit() = %d entries, %v; want 100", len(got), err)
	}
}

// testAuditConcurrent appends from several writers at once: every entry
// is kept, each with its own id.
func testAuditConcurrent(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	const writers, each = 8, 10
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				if err := db.RecordAudit(ctx, &generalist.AuditEntry{User: fmt.Sprintf("w%d", w), Action: fmt.Sprint(i)}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	got, err := db.Audit(ctx, generalist.AuditFilter{Limit: 1000})
	if err != nil || len(got) != writers*each {
		t.Fatalf("Audit = %d entries, %v; want %d", len(got), err, writers*each)
	}
	ids := map[int64]bool{}
	for _, e := range got {
		ids[e.ID] = true
	}
	if len(ids) != writers*each {
		t.Errorf("%d distinct ids, want %d", len(ids), writers*each)
	}
}
