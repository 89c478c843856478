package proc

import (
	"os"
	"testing"
)

func TestParseStatus(t *testing.T) {
	status := "Name:\tdatka\nVmPeak:\t 1296532 kB\nVmHWM:\t   61236 kB\nVmRSS:\t   58812 kB\nThreads:\t8\n"
	m, err := parseStatus([]byte(status))
	if err != nil {
		t.Fatal(err)
	}
	if m.RSS != 58812<<10 || m.HWM != 61236<<10 {
		t.Errorf("got %+v", m)
	}
	if _, err := parseStatus([]byte("Name:\tkthreadd\n")); err == nil {
		t.Error("a status without memory lines was accepted")
	}
}

func TestCPUTimes(t *testing.T) {
	self, err := CPUTime(os.Getpid())
	if err != nil {
		t.Skip("no /proc:", err)
	}
	busy, err := BusyTime()
	if err != nil {
		t.Fatal(err)
	}
	if self < 0 || busy < self {
		t.Errorf("this process used %v, the machine %v", self, busy)
	}
}
