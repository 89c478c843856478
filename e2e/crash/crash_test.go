// Package crash_test kills datka with SIGKILL at random moments while
// editors save, on its embedded SQLite database, and checks that every
// save it acknowledged survives and that the database stays whole.
package crash_test

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/datka-cms/datka/e2e/proc"
	"github.com/datka-cms/datka/internal/store"
)

func TestKilledWhileSavingLosesNothingAcknowledged(t *testing.T) {
	bin := proc.Build(t)
	data := t.TempDir()
	path := filepath.Join(data, "datka.db")
	all := map[string]string{}
	const rounds = 6
	for round := range rounds {
		in := proc.Start(t, bin, "datka", "DATKA_DATA="+data)
		stop := make(chan struct{})
		writes, wait := proc.Write(map[*proc.Instance]*http.Client{in: proc.SignIn(t, in)}, 6, stop)
		time.Sleep(time.Duration(150+rand.IntN(600)) * time.Millisecond)
		in.Kill()
		close(stop)
		wait()
		accepted, failed := writes.Accepted()
		t.Logf("round %d: %d saves acknowledged, %d cut off by the kill", round, len(accepted), failed)
		for k, v := range accepted {
			all[k] = v
		}
	}
	if len(all) == 0 {
		t.Fatal("no save was acknowledged: the test measured nothing")
	}
	// The data folder opens as the next start would open it.
	st, err := store.OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after the last kill: %v", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("integrity check after %d kills: %v", rounds, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT fields FROM drafts`)
	if err != nil {
		t.Fatal(err)
	}
	var drafts []string
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, f)
	}
	rows.Close()
	missing := proc.Missing(all, drafts)
	for _, title := range missing {
		t.Errorf("%q was acknowledged but is not in the database", title)
	}
	t.Logf("%d acknowledged saves over %d kills, %d missing", len(all), rounds, len(missing))
}
