package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// OnPostgres reports whether this run of the tests uses PostgreSQL
// (DATKA_TEST_DB=postgres) rather than SQLite.
func OnPostgres() bool { return os.Getenv("DATKA_TEST_DB") == "postgres" }

// DatabaseURL is the --db option of a test's site: on SQLite a new file
// in dir, on PostgreSQL (OnPostgres) a new, empty schema of the test
// server that is dropped when the test ends.
func DatabaseURL(t testing.TB, dir string) string {
	t.Helper()
	if OnPostgres() {
		return PostgresSchema(t)
	}
	return "sqlite:" + filepath.Join(dir, "datka.db")
}

// PostgresSchema makes an empty schema on the PostgreSQL test server
// (PostgresURL) and returns the server's address with search_path set to
// it, so that everything a test makes lives in it; it drops the schema
// when the test ends. Schemas cost far less to make than databases.
func PostgresSchema(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		Require(t, false, "a PostgreSQL server that answers at DATKA_TEST_POSTGRES ("+err.Error()+")")
	}
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	name := "datka_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop schema %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+name+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// MainOnBothDatabases runs a package's tests on SQLite and then, in a
// child process with DATKA_TEST_DB=postgres, the same tests again on
// PostgreSQL, so that `go test ./...` runs every test that touches the
// store on both databases. Without a PostgreSQL server the second run's
// tests skip, or fail in CI. Call it from TestMain.
func MainOnBothDatabases(m interface{ Run() int }) {
	MainOnBothDatabasesRunning(m, "")
}

// MainOnBothDatabasesRunning is MainOnBothDatabases with the PostgreSQL
// run narrowed to the tests whose names match the regular expression
// onPostgres ("" for all): those whose outcome the database can change.
// A -run given on the command line is kept as it is.
func MainOnBothDatabasesRunning(m interface{ Run() int }, onPostgres string) {
	code := m.Run()
	if code != 0 || OnPostgres() {
		os.Exit(code)
	}
	var args []string
	narrow := onPostgres != ""
	for _, a := range os.Args[1:] {
		// The go command's cache log belongs to the first run only.
		if !strings.HasPrefix(a, "-test.testlogfile") {
			args = append(args, a)
		}
		if strings.HasPrefix(a, "-test.run") {
			narrow = false
		}
	}
	if narrow {
		args = append(args, "-test.run="+onPostgres)
		fmt.Println("=== the tests " + onPostgres + " again on PostgreSQL (DATKA_TEST_DB=postgres)")
	} else {
		fmt.Println("=== the same tests on PostgreSQL (DATKA_TEST_DB=postgres)")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DATKA_TEST_DB=postgres")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			os.Exit(ee.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "testenv: run the tests on PostgreSQL:", err)
		os.Exit(1)
	}
	os.Exit(0)
}
