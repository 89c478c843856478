//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

// lockDatabase locks nothing where there is no flock: there a restore
// cannot tell that a server is using the database.
func lockDatabase(dbPath string, exclusive bool) (release func(), err error) {
	return func() {}, nil
}
