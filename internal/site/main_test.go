package site_test

import (
	"testing"

	"github.com/datka-cms/datka/internal/testenv"
)

// TestMain runs the package's tests on SQLite, then on PostgreSQL.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }
