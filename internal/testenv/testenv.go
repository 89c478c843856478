// Package testenv lets tests that need something outside Go (Chromium,
// Java, npm packages, a database server) skip on a laptop that lacks it and
// fail in CI, where everything must be present: a skipped test in CI is a
// test that did not run.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true).
func InCI() bool {
	v := os.Getenv("CI")
	return v == "true" || v == "1"
}

// Require skips t, or fails it in CI, when ok is false.
func Require(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if InCI() {
		t.Fatalf("%s is required in CI (CI=true) but is missing", what)
	}
	t.Skipf("skipped: %s is missing (in CI this fails)", what)
}

// RepoRoot returns the repository's top folder, found from this file.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// PostgresURL returns the address of the PostgreSQL server the tests may
// use (DATKA_TEST_POSTGRES, e.g.
// postgres://postgres@127.0.0.1:5432/test?sslmode=disable), skipping t, or
// failing it in CI, when none is given. Tests make their own database on
// it and drop it afterwards.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DATKA_TEST_POSTGRES")
	Require(t, u != "", "a PostgreSQL server (DATKA_TEST_POSTGRES)")
	return u
}
