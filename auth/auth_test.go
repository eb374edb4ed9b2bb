package auth

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"
)

// fast keeps the tests quick; the format and checks are the same.
var fast = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("correct horse battery", fast)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string with the parameters", h)
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		ok, err := VerifyPassword(pw, h)
		if err != nil || ok != want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	h2, _ := HashPassword("correct horse battery", fast)
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

// TestVerifyIndependent checks the key against argon2 called directly with
// the salt from the string, so the format is what other tools read.
func TestVerifyIndependent(t *testing.T) {
	h, err := HashPassword("another long password", fast)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(h, "$")
	salt, _ := base64.RawStdEncoding.DecodeString(parts[4])
	key := argon2.IDKey([]byte("another long password"), salt, 1, 64, 1, 32)
	if got := base64.RawStdEncoding.EncodeToString(key); got != parts[5] {
		t.Fatalf("key %s, argon2.IDKey gives %s", parts[5], got)
	}
}

func TestPasswordRules(t *testing.T) {
	if _, err := HashPassword("short", fast); err == nil {
		t.Error("a 5-character password was accepted")
	}
	if _, err := HashPassword(strings.Repeat("x", 2000), fast); err == nil {
		t.Error("a 2000-byte password was accepted")
	}
	if err := CheckPassword("æøåæøåæøåæøå"); err != nil {
		t.Errorf("12 non-ASCII characters refused: %v", err)
	}
}

func TestMalformedHashes(t *testing.T) {
	for _, h := range []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=18$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$!!$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5"} {
		if ok, err := VerifyPassword("whatever long", h); err == nil || ok {
			t.Errorf("VerifyPassword on %q = %v, %v; want an error", h, ok, err)
		}
	}
}

func FuzzVerifyPassword(f *testing.F) {
	h, _ := HashPassword("seed password 1", fast)
	f.Add("seed password 1", h)
	f.Add("x", "$argon2id$v=19$m=64,t=1,p=1$$")
	f.Fuzz(func(t *testing.T, pw, hash string) {
		ok, err := VerifyPassword(pw, hash)
		if err != nil && ok {
			t.Fatal("error and success at once")
		}
	})
}

func TestSecrets(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	if a == b || len(a) != 43 {
		t.Fatalf("secrets %q %q", a, b)
	}
	tok, prefix := NewToken()
	if !LooksLikeToken(tok) || !strings.HasPrefix(tok, prefix) || len(prefix) != 12 {
		t.Fatalf("token %q prefix %q", tok, prefix)
	}
	for _, s := range []string{"", "gen_", tok + "x", "xen_" + tok[4:], "gen_" + strings.Repeat("!", 43)} {
		if LooksLikeToken(s) {
			t.Errorf("LooksLikeToken(%q) = true", s)
		}
	}
	// Known SHA-256 of "abc" (FIPS 180-2 appendix B.1).
	if got := HashSecret("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Fatalf("HashSecret(abc) = %s", got)
	}
}

func TestThrottle(t *testing.T) {
	th := Throttle{Window: 15 * time.Minute, Free: 5, Base: 30 * time.Second, Max: 4 * time.Minute}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		failures int
		ago      time.Duration
		want     time.Duration
	}{
		{0, 0, 0}, {4, 0, 0},
		{5, 0, 30 * time.Second}, {5, 10 * time.Second, 20 * time.Second}, {5, time.Minute, 0},
		{6, 0, time.Minute}, {7, 0, 2 * time.Minute}, {8, 0, 4 * time.Minute}, {20, 0, 4 * time.Minute},
	}
	for _, c := range cases {
		if got := th.Locked(c.failures, now.Add(-c.ago), now); got != c.want {
			t.Errorf("Locked(%d failures, last %v ago) = %v, want %v", c.failures, c.ago, got, c.want)
		}
	}
}

// TestThrottleWait: other addresses' failures never lock an address
// without failures of its own, and a name many addresses failed at gives
// each further address one try.
func TestThrottleWait(t *testing.T) {
	th := Throttle{Window: 15 * time.Minute, Free: 5, Base: 30 * time.Second, Max: 4 * time.Minute, Busy: 20}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		f    Failures
		want time.Duration
	}{
		{Failures{}, 0},
		{Failures{Name: 6}, 0},
		{Failures{Name: 1000}, 0},
		{Failures{Name: 8, Pair: 4, PairLast: now}, 0},
		{Failures{Name: 8, Pair: 5, PairLast: now}, 30 * time.Second},
		{Failures{Name: 8, Pair: 6, PairLast: now.Add(-10 * time.Second)}, 50 * time.Second},
		{Failures{Name: 19, Pair: 1, PairLast: now}, 0},
		{Failures{Name: 20, Pair: 1, PairLast: now}, 30 * time.Second},
		{Failures{Name: 20, Pair: 2, PairLast: now}, time.Minute},
		{Failures{Name: 20, Pair: 1, PairLast: now.Add(-time.Minute)}, 0},
	} {
		if got := th.Wait(tt.f, now); got != tt.want {
			t.Errorf("Wait(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}
