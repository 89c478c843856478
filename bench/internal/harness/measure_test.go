package harness

import (
	"testing"
	"time"
)

func TestCPUShares(t *testing.T) {
	const s = time.Second
	start := cpuSnapshot{busy: 100 * s, server: 10 * s, self: 1 * s, ok: true}
	tests := []struct {
		name                  string
		a, b                  cpuSnapshot
		wrk                   time.Duration
		server, helper, other float64
	}{
		{
			name: "server and wrk alone",
			a:    start, b: cpuSnapshot{busy: 118 * s, server: 20 * s, self: 1 * s, ok: true}, wrk: 8 * s,
			server: 1, helper: 0, other: 0,
		},
		{
			name: "other work on the machine",
			a:    start, b: cpuSnapshot{busy: 120 * s, server: 20 * s, self: 2 * s, ok: true}, wrk: 5 * s,
			server: 1, helper: 0, other: 0.4,
		},
		{
			name: "helpers are not other work",
			a:    cpuSnapshot{busy: 100 * s, server: 10 * s, self: 1 * s, helpers: map[int]time.Duration{7: 3 * s, 8: 1 * s}, ok: true},
			b:    cpuSnapshot{busy: 120 * s, server: 17 * s, self: 1 * s, helpers: map[int]time.Duration{7: 6 * s, 9: 2 * s}, ok: true},
			wrk:  8 * s,
			// 7 used 3 s; 9 started during the run and used 2 s; 8 ended and is not counted.
			server: 0.7, helper: 0.5, other: 0,
		},
		{
			name: "not known",
			a:    start, b: cpuSnapshot{busy: 120 * s}, wrk: 5 * s,
			server: -1, helper: -1, other: -1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			server, helper, other := cpuShares(tc.a, tc.b, tc.wrk, 10*s)
			if !near(server, tc.server) || !near(helper, tc.helper) || !near(other, tc.other) {
				t.Errorf("got server %.2f, helpers %.2f, other %.2f; want %.2f, %.2f, %.2f",
					server, helper, other, tc.server, tc.helper, tc.other)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestGroup(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 30000: "30,000", 1234567: "1,234,567"} {
		if got := Group(n); got != want {
			t.Errorf("Group(%d) = %q, want %q", n, got, want)
		}
	}
}
