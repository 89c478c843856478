//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDatabase takes an advisory lock (flock) on the lock file beside a
// SQLite database, DB.lock, and returns its release. A server holds a
// shared lock for its lifetime; a restore, which swaps the database
// file, takes an exclusive one. So any number of servers may share a data
// folder as before, a restore refuses while one runs, and a server does
// not start while a restore runs. The other commands (backup, export,
// import, migrate-data) take none: they read or write through SQLite
// beside a running server, as they always could. The kernel drops the
// lock when the process ends, however it ends; the file stays. It
// returns errLocked when the lock is held the other way.
func lockDatabase(dbPath string, exclusive bool) (release func(), err error) {
	f, err := os.OpenFile(dbPath+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock the database: %w", err)
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, fmt.Errorf("lock the database: %w", err)
	}
	return func() { f.Close() }, nil
}
