// Package auth holds the pure security primitives of accounts: argon2id
// password hashes in the PHC string format, random secrets for sessions,
// CSRF and API tokens (stored only as SHA-256), and the login throttle
// policy. It knows nothing of HTTP or storage.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"generalist"
)

// Params are the argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// DefaultParams follow RFC 9106 §4's second recommended option (64 MiB,
// 3 passes) with 2 lanes for a 2-core server: about 60–100 ms a hash here,
// slow enough to make guessing costly, fast enough for a login.
var DefaultParams = Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}

// MinPasswordLen is the shortest password accepted (NIST SP 800-63B asks
// for at least 8; a shared government tool asks for more).
const MinPasswordLen = 12

// CheckPassword refuses passwords that are too short or too long (argon2
// takes any length, but a megabyte "password" is a denial of service).
func CheckPassword(pw string) error {
	n := len([]rune(pw))
	if n < MinPasswordLen {
		return generalist.Errorf(generalist.EINVALID, "password: must be at least %d characters", MinPasswordLen)
	}
	if len(pw) > 1024 {
		return generalist.Errorf(generalist.EINVALID, "password: must be at most 1024 bytes")
	}
	return nil
}

// HashPassword returns the PHC string
// $argon2id$v=19$m=65536,t=3,p=2$<salt>$<key> with a fresh random salt.
func HashPassword(pw string, p Params) (string, error) {
	if err := CheckPassword(pw); err != nil {
		return "", err
	}
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches the PHC string hash, in
// constant time with respect to the key. A malformed hash is an error.
func VerifyPassword(pw, hash string) (bool, error) {
	p, salt, key, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	if len(pw) > 1024 {
		return false, nil
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// parseHash reads a PHC argon2id string, bounding the parameters so a
// tampered row cannot make a login allocate gigabytes.
func parseHash(hash string) (p Params, salt, key []byte, err error) {
	bad := func(why string) error { return fmt.Errorf("auth: password hash: %s", why) }
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, bad("not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, bad("unsupported version")
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil || n != 3 {
		return p, nil, nil, bad("bad parameters")
	}
	if p.Memory < 8 || p.Memory > 1<<20 || p.Time < 1 || p.Time > 20 || threads < 1 || threads > 64 {
		return p, nil, nil, bad("parameters out of range")
	}
	p.Threads = uint8(threads)
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, bad("bad salt")
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 128 {
		return p, nil, nil, bad("bad key")
	}
	return p, salt, key, nil
}
