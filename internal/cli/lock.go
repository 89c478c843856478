package cli

import "errors"

// errLocked is lockDatabase's error when another process holds the lock
// in a way that excludes the one asked for.
var errLocked = errors.New("the database is locked by another datka")
