package wrk

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The reports in testdata were printed by wrk 4.1.0 (Debian) against a
// datka server: its home page, a path it answers 404, and its home page
// while the server was killed a second into the run.
func TestParse(t *testing.T) {
	for _, tc := range []struct {
		file string
		want Result
	}{
		{"datka-home.txt", Result{
			Requests: 152617, Elapsed: 3010 * time.Millisecond, RPS: 50747.22,
			LatencyAvg: 1500 * time.Microsecond, LatencyMax: 13220 * time.Microsecond,
			Percentiles: map[int]time.Duration{50: 1090 * time.Microsecond, 75: 2040 * time.Microsecond, 90: 3530 * time.Microsecond, 99: 7140 * time.Microsecond},
		}},
		{"not-found.txt", Result{
			Requests: 11039, Elapsed: 2010 * time.Millisecond, RPS: 5492.43,
			LatencyAvg: 11660 * time.Microsecond, LatencyMax: 40230 * time.Microsecond,
			Percentiles: map[int]time.Duration{50: 11010 * time.Microsecond, 75: 14590 * time.Microsecond, 90: 18490 * time.Microsecond, 99: 26320 * time.Microsecond},
			Non2xx3xx:   11039,
		}},
		{"server-killed.txt", Result{
			Requests: 48076, Elapsed: 3070 * time.Millisecond, RPS: 15646.13,
			LatencyAvg: 1690 * time.Microsecond, LatencyMax: 82810 * time.Microsecond,
			Percentiles: map[int]time.Duration{50: 847 * time.Microsecond, 75: 1600 * time.Microsecond, 90: 3210 * time.Microsecond, 99: 20190 * time.Microsecond},
			Socket:      SocketErrors{Read: 83, Write: 171222},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(string(data))
			if err != nil {
				t.Fatal(err)
			}
			if got.Requests != tc.want.Requests || got.RPS != tc.want.RPS || got.Non2xx3xx != tc.want.Non2xx3xx || got.Socket != tc.want.Socket {
				t.Errorf("got %d requests, %.2f req/s, %d non-2xx, socket %+v; want %d, %.2f, %d, %+v",
					got.Requests, got.RPS, got.Non2xx3xx, got.Socket, tc.want.Requests, tc.want.RPS, tc.want.Non2xx3xx, tc.want.Socket)
			}
			for name, pair := range map[string][2]time.Duration{
				"elapsed": {got.Elapsed, tc.want.Elapsed},
				"avg":     {got.LatencyAvg, tc.want.LatencyAvg},
				"max":     {got.LatencyMax, tc.want.LatencyMax},
			} {
				if !near(pair[0], pair[1]) {
					t.Errorf("%s = %v, want %v", name, pair[0], pair[1])
				}
			}
			for p, want := range tc.want.Percentiles {
				if !near(got.Percentiles[p], want) {
					t.Errorf("p%d = %v, want %v", p, got.Percentiles[p], want)
				}
			}
		})
	}
}

// near allows for the float rounding of "1.09ms".
func near(a, b time.Duration) bool {
	d := a - b
	return d > -time.Microsecond && d < time.Microsecond
}

func TestParseRejects(t *testing.T) {
	for name, report := range map[string]string{
		"empty":         "",
		"no latency":    "Running 1s test @ http://127.0.0.1:1/\n  10 requests in 1.00s, 1.00KB read\nRequests/sec:     10.00\n",
		"bad rate":      "Requests/sec:  fast\n",
		"bad time unit": "  Latency Distribution\n     50%    1.09xs\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(report); err == nil {
				t.Error("Parse accepted it")
			}
		})
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"850.00us": 850 * time.Microsecond,
		"1.09ms":   1090 * time.Microsecond,
		"3.01s":    3010 * time.Millisecond,
		"1.50m":    90 * time.Second,
		"2.00h":    2 * time.Hour,
	} {
		if got, err := ParseDuration(in); err != nil || !near(got, want) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}
