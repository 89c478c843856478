package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestRedactArgs(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in, want []string
	}{
		{"no password", []string{"--postgres", "postgres://pg@db/x", "--duration", "5s"}, []string{"--postgres", "postgres://pg@db/x", "--duration", "5s"}},
		{"separate value", []string{"--postgres", "postgres://pg:secret@db/x"}, []string{"--postgres", "postgres://pg:xxxxx@db/x"}},
		{"joined value", []string{"-postgres=postgres://pg:secret@db/x?sslmode=disable"}, []string{"-postgres=postgres://pg:xxxxx@db/x?sslmode=disable"}},
		{"other flags untouched", []string{"--out", "a:b@c"}, []string{"--out", "a:b@c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.in)
			if got := redactArgs(in); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if !slices.Equal(in, tc.in) {
				t.Errorf("changed its argument to %q", in)
			}
		})
	}
}

// TestBadOptions checks that wrong options stop the benchmark before it
// builds, starts or connects to anything.
func TestBadOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"not a PostgreSQL URL", []string{"--postgres", "mysql://db/x"}, "--postgres must be"},
		{"no host", []string{"--postgres", "postgres:///x"}, "--postgres must be"},
		{"no items", []string{"--items", "0"}, "--items"},
		{"more threads than connections", []string{"--threads", "8", "--connections", "4"}, "no more threads"},
		{"too short", []string{"--duration", "100ms"}, "--duration"},
		{"stray argument", []string{"now"}, "unexpected arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr %q does not say %q", stderr.String(), tc.want)
			}
			if stdout.Len() > 0 {
				t.Errorf("printed %q", stdout.String())
			}
		})
	}
}
