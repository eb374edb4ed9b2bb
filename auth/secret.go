package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// TokenPrefix starts every API token, so a leaked one is recognisable
// (secret scanners) and cannot be mistaken for a session cookie.
const TokenPrefix = "gen_"

// NewSecret returns 32 random bytes as unpadded URL-safe base64 (43
// characters): the session cookie value or a CSRF token.
func NewSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand does not fail on Linux; if it does, nothing is safe.
		panic("auth: crypto/rand: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewToken returns a fresh API token and its display prefix (the first
// 12 characters, safe to show and store).
func NewToken() (token, prefix string) {
	token = TokenPrefix + NewSecret()
	return token, token[:12]
}

// HashSecret returns the hex SHA-256 of a session id or API token: what
// the store keeps. The secrets have 256 bits of entropy, so a fast hash is
// enough (no salt or stretching needed, unlike passwords).
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// LooksLikeToken reports whether s has the shape of an API token, so a
// malformed Authorization header is refused before any store lookup.
func LooksLikeToken(s string) bool {
	rest, ok := strings.CutPrefix(s, TokenPrefix)
	if !ok || len(rest) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(rest)
	return err == nil
}
