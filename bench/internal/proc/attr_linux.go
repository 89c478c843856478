package proc

import "syscall"

// sysProcAttr makes the kernel kill a server when the benchmark dies, so
// that no server outlives it even after kill -9.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
