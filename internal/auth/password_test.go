package auth_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/auth"
)

// fast are parameters cheap enough to hash many times in a test; Verify
// reads the parameters from the hash, so it runs the same code for them.
var fast = auth.Params{Memory: 1024, Time: 1, Threads: 1}

func mustHash(t *testing.T, password string, p auth.Params) string {
	t.Helper()
	h, err := auth.Hash(password, p)
	if err != nil {
		t.Fatalf("Hash: %v", err)
	}
	return h
}

func TestHashVerify(t *testing.T) {
	const password = "Тоо көлү 2026 — Ысык-Көл"
	hash := mustHash(t, password, fast)
	tests := []struct {
		name     string
		password string
		want     bool
	}{
		{name: "the same password", password: password, want: true},
		{name: "another password", password: "correct horse battery staple", want: false},
		{name: "one character more", password: password + " ", want: false},
		{name: "one character less", password: strings.TrimSuffix(password, "л"), want: false},
		{name: "other letter case", password: strings.ToUpper(password), want: false},
		{name: "empty password", password: "", want: false},
		{name: "the same letters in Latin look-alikes", password: strings.ReplaceAll(password, "о", "o"), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := auth.Verify(tt.password, hash)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if got != tt.want {
				t.Errorf("Verify(%q) = %t, want %t", tt.password, got, tt.want)
			}
		})
	}
	t.Run("two hashes of one password differ by their salt", func(t *testing.T) {
		other := mustHash(t, password, fast)
		if other == hash {
			t.Fatal("two hashes of the same password are equal: the salt is not random")
		}
		if ok, err := auth.Verify(password, other); err != nil || !ok {
			t.Errorf("Verify with the second hash = %t, %v; want true", ok, err)
		}
	})
}

func TestHashCarriesItsParameters(t *testing.T) {
	tests := []struct {
		name   string
		params auth.Params
		prefix string
	}{
		{name: "default parameters", params: auth.DefaultParams, prefix: "$argon2id$v=19$m=65536,t=1,p=2$"},
		{name: "other parameters", params: auth.Params{Memory: 2048, Time: 3, Threads: 1}, prefix: "$argon2id$v=19$m=2048,t=3,p=1$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := mustHash(t, "kettle orbit 19", tt.params)
			if !strings.HasPrefix(h, tt.prefix) {
				t.Fatalf("hash %q does not start with %q", h, tt.prefix)
			}
			parts := strings.Split(h, "$")
			if len(parts) != 6 {
				t.Fatalf("hash %q has %d parts, want 6", h, len(parts))
			}
			// 16 bytes of salt and 32 of key, base64 without padding.
			if len(parts[4]) != 22 || len(parts[5]) != 43 {
				t.Errorf("salt %q (%d) or key %q (%d) has the wrong length", parts[4], len(parts[4]), parts[5], len(parts[5]))
			}
			// Verify takes the cost from the hash, not from DefaultParams:
			// accounts hashed before a change of parameters still sign in.
			if ok, err := auth.Verify("kettle orbit 19", h); err != nil || !ok {
				t.Errorf("Verify = %t, %v; want true", ok, err)
			}
		})
	}
}

func TestVerifyTamperedHash(t *testing.T) {
	const password = "kettle orbit 19"
	h := mustHash(t, password, fast)
	parts := strings.Split(h, "$")
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	tests := []struct {
		name string
		hash string
	}{
		{name: "changed salt", hash: with(4, flip(parts[4]))},
		{name: "changed key", hash: with(5, flip(parts[5]))},
		{name: "raised time cost", hash: with(3, "m=1024,t=2,p=1")},
		{name: "raised memory", hash: with(3, "m=2048,t=1,p=1")},
		{name: "other lane count", hash: with(3, "m=1024,t=1,p=2")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := auth.Verify(password, tt.hash)
			if err != nil {
				t.Fatalf("Verify(%q): %v; a readable but altered hash is a wrong password, not an error", tt.hash, err)
			}
			if ok {
				t.Errorf("Verify accepted the password against the altered hash %q", tt.hash)
			}
		})
	}
}

func TestVerifyUnreadableHash(t *testing.T) {
	good := mustHash(t, "kettle orbit 19", fast)
	parts := strings.Split(good, "$")
	salt, key := parts[4], parts[5]
	build := func(head, params, s, k string) string {
		return fmt.Sprintf("$%s$%s$%s$%s", head, params, s, k)
	}
	tests := []struct {
		name string
		hash string
	}{
		{name: "empty", hash: ""},
		{name: "garbage", hash: "not a hash at all"},
		{name: "only dollars", hash: "$$$$$"},
		{name: "bcrypt", hash: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{name: "argon2i instead of argon2id", hash: build("argon2i", "v=19$m=1024,t=1,p=1", salt, key)},
		{name: "old argon2 version", hash: build("argon2id", "v=16$m=1024,t=1,p=1", salt, key)},
		{name: "no version", hash: "$argon2id$m=1024,t=1,p=1$" + salt + "$" + key},
		{name: "one part more", hash: good + "$extra"},
		{name: "words for numbers", hash: build("argon2id", "v=19$m=many,t=1,p=1", salt, key)},
		{name: "zero memory", hash: build("argon2id", "v=19$m=0,t=1,p=1", salt, key)},
		{name: "zero time", hash: build("argon2id", "v=19$m=1024,t=0,p=1", salt, key)},
		{name: "zero lanes", hash: build("argon2id", "v=19$m=1024,t=1,p=0", salt, key)},
		{name: "negative memory", hash: build("argon2id", "v=19$m=-1,t=1,p=1", salt, key)},
		{name: "memory beyond 4 GiB", hash: build("argon2id", "v=19$m=4194305,t=1,p=1", salt, key)},
		{name: "memory overflowing 32 bits", hash: build("argon2id", "v=19$m=99999999999,t=1,p=1", salt, key)},
		{name: "time beyond 16 passes", hash: build("argon2id", "v=19$m=1024,t=17,p=1", salt, key)},
		{name: "lanes overflowing a byte", hash: build("argon2id", "v=19$m=1024,t=1,p=256", salt, key)},
		{name: "salt not base64", hash: build("argon2id", "v=19$m=1024,t=1,p=1", "!!!!not-base64!!!!", key)},
		{name: "salt too short", hash: build("argon2id", "v=19$m=1024,t=1,p=1", "AAAA", key)},
		{name: "empty salt", hash: build("argon2id", "v=19$m=1024,t=1,p=1", "", key)},
		{name: "key not base64", hash: build("argon2id", "v=19$m=1024,t=1,p=1", salt, "%%%%")},
		{name: "key too short", hash: build("argon2id", "v=19$m=1024,t=1,p=1", salt, "AAAAAAAAAAAAAAAAAAAA")},
		{name: "key too long", hash: build("argon2id", "v=19$m=1024,t=1,p=1", salt, strings.Repeat("A", 90))},
		{name: "padded base64", hash: build("argon2id", "v=19$m=1024,t=1,p=1", salt+"==", key)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := auth.Verify("kettle orbit 19", tt.hash)
			if !errors.Is(err, auth.ErrBadHash) {
				t.Errorf("Verify(%q) error = %v, want ErrBadHash", tt.hash, err)
			}
			if ok {
				t.Errorf("Verify(%q) accepted the password", tt.hash)
			}
		})
	}
}

func TestPolicy(t *testing.T) {
	p := auth.NewPolicy()
	const email = "aigerim.sadykova@example.org"
	phrase := strings.Repeat("correct horse battery staple ", 10)
	cyrillicPhrase := strings.Repeat("тоолордун арасында көл жатат ", 10)
	tests := []struct {
		name     string
		password string
		want     auth.Problem
	}{
		{name: "7 Latin characters are too short", password: "zq7Lm4p", want: auth.TooShort},
		{name: "7 Cyrillic letters are 7 characters, not 14 bytes", password: "жөлбүрс", want: auth.TooShort},
		{name: "empty", password: "", want: auth.TooShort},
		{name: "8 Latin characters are enough", password: "zq7Lm4pX", want: ""},
		{name: "8 Cyrillic characters are enough", password: "жөлбүрс9", want: ""},
		{name: "64 characters", password: phrase[:64], want: ""},
		{name: "256 characters", password: phrase[:256], want: ""},
		{name: "256 Cyrillic characters (512 bytes)", password: string([]rune(cyrillicPhrase)[:256]), want: ""},
		{name: "257 characters are too long", password: phrase[:257], want: auth.TooLong},
		{name: "257 Cyrillic characters are too long", password: string([]rune(cyrillicPhrase)[:257]), want: auth.TooLong},
		{name: "password", password: "password", want: auth.TooCommon},
		{name: "qwerty123", password: "qwerty123", want: auth.TooCommon},
		{name: "Password1 in another case", password: "Password1", want: auth.TooCommon},
		{name: "a common word with digits and a mark appended", password: "Password2024!", want: auth.TooCommon},
		// "йцукен" is in the list but has 6 letters: length refuses it first.
		{name: "йцукен is refused (too short before common)", password: "йцукен", want: auth.TooShort},
		{name: "йцукенгш, the Russian keyboard walk", password: "йцукенгш", want: auth.TooCommon},
		{name: "ЙЦУКЕН with digits, in capitals", password: "ЙЦУКЕН2024", want: auth.TooCommon},
		{name: "пароль123", password: "пароль123", want: auth.TooCommon},
		{name: "the country's name", password: "Кыргызстан", want: auth.TooCommon},
		{name: "one letter repeated", password: "aaaaaaaaaa", want: auth.TooCommon},
		{name: "two letters repeated", password: "abababababab", want: auth.TooCommon},
		{name: "four digits repeated", password: "12341234", want: auth.TooCommon},
		{name: "Cyrillic syllable repeated", password: "абвабвабв", want: auth.TooCommon},
		{name: "a five-character period is not caught as repetition", password: "kq7z!kq7z!", want: ""},
		{name: "the account's address", password: email, want: auth.LikeAccount},
		{name: "the account's address in capitals", password: strings.ToUpper(email), want: auth.LikeAccount},
		{name: "the address's local part and a digit", password: "aigerim.sadykova1", want: auth.LikeAccount},
		{name: "the local part inside a long passphrase is fine", password: "aigerim.sadykova climbs Ala-Too", want: ""},
		{name: "a control character", password: "kettle\x00orbit", want: auth.Invisible},
		{name: "a line break", password: "kettle\norbit", want: auth.Invisible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Check(tt.password, email); got != tt.want {
				t.Errorf("Check(%q) = %q, want %q (%d characters)", tt.password, got, tt.want, utf8.RuneCountInString(tt.password))
			}
		})
	}
	t.Run("site words", func(t *testing.T) {
		if got := p.Check("genderbishkek7", email, "gendergroup"); got != "" {
			t.Errorf("a password without the site's words = %q, want accepted", got)
		}
		if got := p.Check("Gendergroup1", email, "gendergroup"); got != auth.TooCommon {
			t.Errorf("the site's name and a digit = %q, want %q", got, auth.TooCommon)
		}
	})
}

func TestGeneratePassword(t *testing.T) {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	p := auth.NewPolicy()
	const n = 1000
	seen := map[string]bool{}
	counts := map[rune]int{}
	for range n {
		pw, err := auth.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(pw) != 20 {
			t.Fatalf("generated %q has %d characters, want 20", pw, len(pw))
		}
		for _, r := range pw {
			if !strings.ContainsRune(alphabet, r) {
				t.Fatalf("generated %q contains %q, which is not in the alphabet", pw, r)
			}
			counts[r]++
		}
		if strings.ContainsAny(pw, "0O1lI") {
			t.Fatalf("generated %q contains a look-alike character", pw)
		}
		if prob := p.Check(pw, "admin@localhost"); prob != "" {
			t.Fatalf("generated %q is refused by the policy: %s", pw, prob)
		}
		if seen[pw] {
			t.Fatalf("generated %q twice", pw)
		}
		seen[pw] = true
	}
	// 20,000 draws over 56 characters: about 357 each. A character drawn
	// fewer than 250 times means the draw is biased or misses part of the
	// alphabet (the chance of that by luck is far below one in a million).
	for _, r := range alphabet {
		if counts[r] < 250 {
			t.Errorf("%q drawn %d times in %d, want about %d", r, counts[r], 20*n, 20*n/len(alphabet))
		}
	}
}
