// Package auth hashes and checks passwords and decides which passwords are
// acceptable. Hashes are argon2id in the PHC string format, which carries
// its own parameters, so that they can be raised later without breaking
// the accounts hashed before.
package auth

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams follow the OWASP recommendation for argon2id (46 MiB,
// one pass, one lane), rounded up: about 60 ms on one core here.
var DefaultParams = Params{Memory: 64 * 1024, Time: 1, Threads: 2}

const (
	saltLen = 16
	keyLen  = 32
)

// Hash returns the PHC string of password.
func Hash(password string, p Params) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrBadHash is returned for a stored hash that cannot be read.
var ErrBadHash = errors.New("auth: unreadable password hash")

// Verify reports whether password matches the PHC string hash, in time
// that does not depend on where they differ.
func Verify(password, hash string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrBadHash
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, ErrBadHash
	}
	if p.Memory == 0 || p.Memory > 1<<22 || p.Time == 0 || p.Time > 16 || p.Threads == 0 {
		return false, ErrBadHash
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return false, ErrBadHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < 16 || len(want) > 64 {
		return false, ErrBadHash
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// Password length limits, in characters. The upper one is generous for
// passphrases and only keeps hashing from being used to burn CPU.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 256
)

//go:embed common-passwords.txt
var commonPasswordList []byte

// Policy decides whether a new password is acceptable.
type Policy struct {
	common map[string]bool
}

// NewPolicy loads the list of common passwords.
func NewPolicy() *Policy {
	p := &Policy{common: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(commonPasswordList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			p.common[strings.ToLower(w)] = true
		}
	}
	return p
}

// Problem says why a password was refused, as a message id of the admin's
// catalog, so that the person sees it in their own language.
type Problem string

const (
	TooShort    Problem = "password_too_short"
	TooLong     Problem = "password_too_long"
	TooCommon   Problem = "password_too_common"
	LikeAccount Problem = "password_like_account"
	Invisible   Problem = "password_invisible"
)

// Check returns "" for an acceptable password, else the problem.
func (p *Policy) Check(password, email string, siteWords ...string) Problem {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return TooShort
	case n > MaxPasswordLen:
		return TooLong
	}
	for _, r := range password {
		if unicode.IsControl(r) {
			return Invisible
		}
	}
	lower := strings.ToLower(password)
	if p.common[lower] || p.common[strings.TrimRight(lower, "0123456789!.?")] || repetitive(lower) {
		return TooCommon
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	if lower == strings.ToLower(email) || (len(local) >= 4 && strings.Contains(lower, local) && n < len(local)+4) {
		return LikeAccount
	}
	for _, w := range siteWords {
		w = strings.ToLower(w)
		if len(w) >= 4 && strings.Contains(lower, w) && n < utf8.RuneCountInString(w)+4 {
			return TooCommon
		}
	}
	return ""
}

// repetitive catches "aaaaaaaa", "abababab" and "12341234".
func repetitive(s string) bool {
	r := []rune(s)
	for period := 1; period <= 4 && period < len(r); period++ {
		same := true
		for i := period; i < len(r); i++ {
			if r[i] != r[i-period] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// GeneratePassword returns a random password of 20 characters from an
// alphabet without look-alikes, for the first administrator.
func GeneratePassword() (string, error) {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	return randomFrom(alphabet, 20)
}

// randomFrom draws n characters uniformly from alphabet.
func randomFrom(alphabet string, n int) (string, error) {
	out := make([]byte, 0, n)
	var b [1]byte
	limit := 256 - 256%len(alphabet) // reject bytes that would bias the draw
	for len(out) < n {
		if _, err := rand.Read(b[:]); err != nil {
			return "", fmt.Errorf("auth: %w", err)
		}
		if int(b[0]) < limit {
			out = append(out, alphabet[int(b[0])%len(alphabet)])
		}
	}
	return string(out), nil
}
