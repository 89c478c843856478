package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

func createUser(t *testing.T, st *store.Store, u content.User, hash string) content.User {
	t.Helper()
	id, err := st.CreateUser(t.Context(), u, hash)
	if err != nil {
		t.Fatalf("CreateUser(%s): %v", u.Email, err)
	}
	got, err := st.User(t.Context(), id)
	if err != nil {
		t.Fatalf("User(%d): %v", id, err)
	}
	return got
}

func TestCreateUserRoundTrip(t *testing.T) {
	st, _ := openStore(t)
	before := time.Now().Add(-time.Second)
	tests := []struct {
		name      string
		in        content.User
		hash      string
		wantEmail string
	}{
		{name: "translator with two languages", in: content.User{Email: "aibek@example.org", Name: "Айбек", Role: content.RoleTranslator,
			Languages: []string{"ky", "en"}, UILang: "ky"}, hash: "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$a2V5", wantEmail: "aibek@example.org"},
		{name: "administrator without a password", in: content.User{Email: "nopw@example.org", Role: content.RoleAdmin}, wantEmail: "nopw@example.org"},
		{name: "disabled author", in: content.User{Email: "author@example.org", Role: content.RoleAuthor, Disabled: true}, hash: "x", wantEmail: "author@example.org"},
		{name: "address with surrounding spaces is trimmed", in: content.User{Email: "  spaced@example.org ", Role: content.RoleEditor}, hash: "x", wantEmail: "spaced@example.org"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createUser(t, st, tt.in, tt.hash)
			if got.ID == 0 {
				t.Error("ID = 0")
			}
			if got.Email != tt.wantEmail {
				t.Errorf("Email = %q, want %q", got.Email, tt.wantEmail)
			}
			if got.Name != tt.in.Name || got.Role != tt.in.Role || got.UILang != tt.in.UILang || got.Disabled != tt.in.Disabled {
				t.Errorf("got %+v, want the fields of %+v", got, tt.in)
			}
			if !slices.Equal(got.Languages, tt.in.Languages) {
				t.Errorf("Languages = %q, want %q", got.Languages, tt.in.Languages)
			}
			if got.HasPassword != (tt.hash != "") {
				t.Errorf("HasPassword = %t with hash %q", got.HasPassword, tt.hash)
			}
			if got.SessionEpoch != 1 {
				t.Errorf("SessionEpoch = %d, want 1 for a new account", got.SessionEpoch)
			}
			if got.CreatedAt.Before(before) || got.CreatedAt.After(time.Now().Add(time.Second)) {
				t.Errorf("CreatedAt = %v, want about now", got.CreatedAt)
			}
		})
	}
}

func TestCreateUserDuplicateEmail(t *testing.T) {
	st, path := openStore(t)
	createUser(t, st, content.User{Email: "Nurlan@Example.org", Role: content.RoleEditor}, "x")
	tests := []struct {
		name  string
		email string
		want  error
	}{
		{name: "the same address", email: "Nurlan@Example.org", want: store.ErrDuplicate},
		{name: "in lower case", email: "nurlan@example.org", want: store.ErrDuplicate},
		{name: "in capitals", email: "NURLAN@EXAMPLE.ORG", want: store.ErrDuplicate},
		{name: "with spaces around it", email: " nurlan@example.org ", want: store.ErrDuplicate},
		{name: "another address", email: "nurlan2@example.org", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.CreateUser(t.Context(), content.User{Email: tt.email, Role: content.RoleAuthor}, "x")
			if !errors.Is(err, tt.want) {
				t.Errorf("CreateUser(%q) error = %v, want %v", tt.email, err, tt.want)
			}
		})
	}
	if n := countRows(t, path, `SELECT count(*) FROM users`); n != 2 {
		t.Errorf("%d accounts stored, want 2", n)
	}
}

func TestUserLookups(t *testing.T) {
	st, _ := openStore(t)
	u := createUser(t, st, content.User{Email: "Gulnara@example.org", Role: content.RoleEditor}, "the-hash")
	tests := []struct {
		name     string
		email    string
		wantID   int64
		wantHash string
		wantErr  error
	}{
		{name: "exact address", email: "Gulnara@example.org", wantID: u.ID, wantHash: "the-hash"},
		{name: "other case", email: "GULNARA@EXAMPLE.ORG", wantID: u.ID, wantHash: "the-hash"},
		{name: "spaces around", email: "  gulnara@example.org\t", wantID: u.ID, wantHash: "the-hash"},
		{name: "unknown address", email: "nobody@example.org", wantErr: store.ErrNotFound},
		{name: "empty address", email: "", wantErr: store.ErrNotFound},
		{name: "a LIKE pattern is no wildcard", email: "%@example.org", wantErr: store.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, hash, err := st.UserByEmail(t.Context(), tt.email)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("UserByEmail(%q) error = %v, want %v", tt.email, err, tt.wantErr)
			}
			if got.ID != tt.wantID || hash != tt.wantHash {
				t.Errorf("UserByEmail(%q) = id %d, hash %q; want %d, %q", tt.email, got.ID, hash, tt.wantID, tt.wantHash)
			}
		})
	}
	t.Run("unknown ID", func(t *testing.T) {
		if _, err := st.User(t.Context(), u.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("User(unknown) error = %v, want ErrNotFound", err)
		}
	})
}

func TestUsersListsAdministratorsFirst(t *testing.T) {
	st, _ := openStore(t)
	for _, u := range []content.User{
		{Email: "zed@example.org", Role: content.RoleAuthor},
		{Email: "bob@example.org", Role: content.RoleTranslator, Languages: []string{"ky"}},
		{Email: "Yuri@example.org", Role: content.RoleAdmin},
		{Email: "amy@example.org", Role: content.RoleEditor},
		{Email: "alma@example.org", Role: content.RoleAdmin},
		{Email: "cat@example.org", Role: content.RoleEditor},
	} {
		createUser(t, st, u, "x")
	}
	list, err := st.Users(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range list {
		got = append(got, u.Email)
	}
	want := []string{"alma@example.org", "Yuri@example.org", "amy@example.org", "cat@example.org", "bob@example.org", "zed@example.org"}
	if !slices.Equal(got, want) {
		t.Errorf("Users order = %q, want %q", got, want)
	}
}

func TestUpdateUserAndSessionEpoch(t *testing.T) {
	st, _ := openStore(t)
	u := createUser(t, st, content.User{Email: "editor@example.org", Name: "Old", Role: content.RoleEditor, UILang: "ru"}, "x")
	// Each step changes u and says how the epoch must move. The steps run
	// in order on the same account.
	steps := []struct {
		name      string
		change    func(*content.User)
		wantEpoch int64
	}{
		{name: "renaming keeps the sessions", change: func(u *content.User) { u.Name = "New" }, wantEpoch: 1},
		{name: "a new role and languages keep the sessions", change: func(u *content.User) {
			u.Role, u.Languages, u.UILang = content.RoleTranslator, []string{"ky", "ru"}, "ky"
		}, wantEpoch: 1},
		{name: "disabling ends the sessions", change: func(u *content.User) { u.Disabled = true }, wantEpoch: 2},
		{name: "saving a disabled account again changes nothing", change: func(u *content.User) { u.Name = "Still off" }, wantEpoch: 2},
		{name: "re-enabling does not raise the epoch", change: func(u *content.User) { u.Disabled = false }, wantEpoch: 2},
		{name: "disabling a second time ends the sessions again", change: func(u *content.User) { u.Disabled = true }, wantEpoch: 3},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.change(&u)
			// The epoch in the value passed is ignored: the database owns it.
			u.SessionEpoch = 99
			if err := st.UpdateUser(t.Context(), u); err != nil {
				t.Fatalf("UpdateUser: %v", err)
			}
			got, err := st.User(t.Context(), u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.SessionEpoch != s.wantEpoch {
				t.Errorf("SessionEpoch = %d, want %d", got.SessionEpoch, s.wantEpoch)
			}
			if got.Name != u.Name || got.Role != u.Role || got.UILang != u.UILang || got.Disabled != u.Disabled ||
				!slices.Equal(got.Languages, u.Languages) {
				t.Errorf("stored %+v, want the fields of %+v", got, u)
			}
			u = got
		})
	}
	t.Run("an unknown account", func(t *testing.T) {
		err := st.UpdateUser(t.Context(), content.User{ID: u.ID + 100, Email: "x@example.org", Role: content.RoleEditor})
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UpdateUser(unknown) error = %v, want ErrNotFound", err)
		}
	})
	t.Run("an invalid role is refused by the database", func(t *testing.T) {
		bad := u
		bad.Role = "superuser"
		if err := st.UpdateUser(t.Context(), bad); err == nil {
			t.Error("UpdateUser with role superuser succeeded")
		}
	})
}

func TestSetPassword(t *testing.T) {
	st, _ := openStore(t)
	u := createUser(t, st, content.User{Email: "a@example.org", Role: content.RoleAuthor}, "first")
	for i, hash := range []string{"second", "third"} {
		epoch, err := st.SetPassword(t.Context(), u.ID, hash)
		if err != nil {
			t.Fatalf("SetPassword: %v", err)
		}
		if want := int64(i + 2); epoch != want {
			t.Errorf("SetPassword returned epoch %d, want %d", epoch, want)
		}
		got, stored, err := st.UserByEmail(t.Context(), u.Email)
		if err != nil {
			t.Fatal(err)
		}
		if stored != hash || got.SessionEpoch != epoch {
			t.Errorf("stored hash %q, epoch %d; want %q, %d", stored, got.SessionEpoch, hash, epoch)
		}
	}
	if _, err := st.SetPassword(t.Context(), u.ID+100, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetPassword(unknown) error = %v, want ErrNotFound", err)
	}
}

func TestCountActiveAdmins(t *testing.T) {
	st, _ := openStore(t)
	count := func() int {
		t.Helper()
		n, err := st.CountActiveAdmins(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Errorf("empty store: %d admins", n)
	}
	a := createUser(t, st, content.User{Email: "a@example.org", Role: content.RoleAdmin}, "x")
	createUser(t, st, content.User{Email: "b@example.org", Role: content.RoleAdmin}, "x")
	createUser(t, st, content.User{Email: "c@example.org", Role: content.RoleAdmin, Disabled: true}, "x")
	createUser(t, st, content.User{Email: "e@example.org", Role: content.RoleEditor}, "x")
	if n := count(); n != 2 {
		t.Errorf("%d active admins, want 2 (a disabled admin and an editor do not count)", n)
	}
	a.Role = content.RoleEditor
	if err := st.UpdateUser(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("after demoting one: %d active admins, want 1", n)
	}
}

func TestAuthFailures(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	now := time.Now()
	record := func(at time.Time, keys ...string) {
		t.Helper()
		if err := st.RecordAuthFailure(ctx, at, keys...); err != nil {
			t.Fatalf("RecordAuthFailure: %v", err)
		}
	}
	record(now.Add(-20*time.Minute), "account:a")
	record(now.Add(-10*time.Minute), "account:a", "address:192.0.2.1")
	record(now.Add(-time.Minute), "account:a", "address:192.0.2.1")
	record(now.Add(-time.Minute), "account:b")

	window := now.Add(-15 * time.Minute)
	tests := []struct {
		name  string
		key   string
		since time.Time
		want  int
	}{
		{name: "an account's failures inside the window", key: "account:a", since: window, want: 2},
		{name: "an account's failures over a longer window", key: "account:a", since: now.Add(-time.Hour), want: 3},
		{name: "an address's failures", key: "address:192.0.2.1", since: window, want: 2},
		{name: "another account", key: "account:b", since: window, want: 1},
		{name: "a key without failures", key: "account:c", since: window, want: 0},
		{name: "a window that starts after the last failure", key: "account:a", since: now, want: 0},
		{name: "the window's start is inclusive", key: "account:b", since: now.Add(-time.Minute), want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := st.AuthFailures(ctx, tt.key, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.want {
				t.Errorf("AuthFailures(%q) = %d, want %d", tt.key, n, tt.want)
			}
		})
	}

	t.Run("clearing an account leaves the address", func(t *testing.T) {
		if err := st.ClearAuthFailures(ctx, "account:a"); err != nil {
			t.Fatal(err)
		}
		if n, _ := st.AuthFailures(ctx, "account:a", time.Time{}); n != 0 {
			t.Errorf("account:a has %d failures after clearing", n)
		}
		if n, _ := st.AuthFailures(ctx, "address:192.0.2.1", window); n != 2 {
			t.Errorf("address has %d failures after clearing the account, want 2", n)
		}
	})

	t.Run("failures older than a day are forgotten at the next record", func(t *testing.T) {
		record(now.Add(-25*time.Hour), "account:old")
		// A call forgets relative to its own time, so this one keeps itself.
		if n, _ := st.AuthFailures(ctx, "account:old", time.Time{}); n != 1 {
			t.Errorf("account:old has %d failures right after it was recorded, want 1", n)
		}
		record(now, "account:new")
		if n, _ := st.AuthFailures(ctx, "account:old", time.Time{}); n != 0 {
			t.Errorf("a failure 25 hours old survived a newer record: %d", n)
		}
		if n, _ := st.AuthFailures(ctx, "account:b", time.Time{}); n != 1 {
			t.Errorf("a failure a minute old was forgotten: %d, want 1", n)
		}
	})
}

func TestSessions(t *testing.T) {
	st, path := openStore(t)
	ss := st.Sessions()
	ctx := t.Context()
	now := time.Now()
	commit := func(token, data string, expiry time.Time) {
		t.Helper()
		if err := ss.CommitCtx(ctx, token, []byte(data), expiry); err != nil {
			t.Fatalf("CommitCtx(%s): %v", token, err)
		}
	}
	commit("live", "one", now.Add(time.Hour))
	commit("live", "two", now.Add(2*time.Hour)) // saved again: replaced
	commit("expired", "old", now.Add(-time.Second))
	commit("long-expired", "older", now.Add(-48*time.Hour))
	commit("ctxless", "three", now.Add(time.Hour))

	tests := []struct {
		name      string
		token     string
		wantFound bool
		wantData  string
	}{
		{name: "a live session, saved twice, has the later data", token: "live", wantFound: true, wantData: "two"},
		{name: "an expired session is not found", token: "expired"},
		{name: "a long-expired session is not found", token: "long-expired"},
		{name: "an unknown token", token: "nope"},
		{name: "an empty token", token: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, found, err := ss.FindCtx(ctx, tt.token)
			if err != nil {
				t.Fatal(err)
			}
			if found != tt.wantFound || string(data) != tt.wantData {
				t.Errorf("FindCtx(%q) = %q, %t; want %q, %t", tt.token, data, found, tt.wantData, tt.wantFound)
			}
		})
	}

	t.Run("the methods without a context see the same sessions", func(t *testing.T) {
		data, found, err := ss.Find("ctxless")
		if err != nil || !found || string(data) != "three" {
			t.Fatalf("Find = %q, %t, %v", data, found, err)
		}
		if err := ss.Delete("ctxless"); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := ss.Find("ctxless"); found {
			t.Error("a deleted session is still found")
		}
	})

	t.Run("DeleteExpired removes only expired sessions", func(t *testing.T) {
		n, err := ss.DeleteExpired(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("DeleteExpired removed %d, want 2", n)
		}
		if rows := countRows(t, path, `SELECT count(*) FROM sessions`); rows != 1 {
			t.Errorf("%d sessions left, want 1", rows)
		}
		if _, found, _ := ss.FindCtx(ctx, "live"); !found {
			t.Error("DeleteExpired removed the live session")
		}
		if n, err := ss.DeleteExpired(ctx); err != nil || n != 0 {
			t.Errorf("a second DeleteExpired = %d, %v; want 0", n, err)
		}
	})

	t.Run("a session is shared by a second store on the same file", func(t *testing.T) {
		other, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		data, found, err := other.Sessions().FindCtx(ctx, "live")
		if err != nil || !found || string(data) != "two" {
			t.Errorf("the other instance finds %q, %t, %v", data, found, err)
		}
		if err := other.Sessions().DeleteCtx(ctx, "live"); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := ss.FindCtx(ctx, "live"); found {
			t.Error("a session deleted by one instance is still found by the other")
		}
	})
}

func TestAuditLog(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := range 25 {
		e := content.AuditEntry{At: base.Add(time.Duration(i) * time.Minute), UserID: int64(i % 3), UserEmail: fmt.Sprintf("u%d@example.org", i),
			Action: fmt.Sprintf("action%02d", i), Kind: "page", ItemID: int64(i), Lang: "ky", Detail: "детали", Address: "192.0.2.7"}
		if err := st.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	actions := func(es []content.AuditEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Action)
		}
		return out
	}
	tests := []struct {
		name          string
		limit, offset int
		want          []string
	}{
		{name: "first page, newest first", limit: 3, offset: 0, want: []string{"action24", "action23", "action22"}},
		{name: "second page", limit: 3, offset: 3, want: []string{"action21", "action20", "action19"}},
		{name: "last, partial page", limit: 10, offset: 20, want: []string{"action04", "action03", "action02", "action01", "action00"}},
		{name: "beyond the end", limit: 10, offset: 25, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := st.AuditLog(ctx, tt.limit, tt.offset)
			if err != nil {
				t.Fatal(err)
			}
			if got := actions(es); !slices.Equal(got, tt.want) {
				t.Errorf("AuditLog(%d, %d) = %q, want %q", tt.limit, tt.offset, got, tt.want)
			}
		})
	}

	t.Run("fields round-trip", func(t *testing.T) {
		es, err := st.AuditLog(ctx, 1, 1) // action23
		if err != nil || len(es) != 1 {
			t.Fatalf("AuditLog = %v, %v", es, err)
		}
		e := es[0]
		want := content.AuditEntry{ID: e.ID, At: base.Add(23 * time.Minute), UserID: 2, UserEmail: "u23@example.org", Action: "action23",
			Kind: "page", ItemID: 23, Lang: "ky", Detail: "детали", Address: "192.0.2.7"}
		if !e.At.Equal(want.At) {
			t.Errorf("At = %v, want %v", e.At, want.At)
		}
		e.At = want.At
		if e != want {
			t.Errorf("entry = %+v, want %+v", e, want)
		}
	})

	t.Run("no user and no item are stored as absent", func(t *testing.T) {
		before := time.Now().Add(-time.Second)
		if err := st.Audit(ctx, content.AuditEntry{Action: "signin_failed", Detail: "nobody@example.org"}); err != nil {
			t.Fatal(err)
		}
		es, err := st.AuditLog(ctx, 1, 0)
		if err != nil || len(es) != 1 {
			t.Fatalf("AuditLog = %v, %v", es, err)
		}
		e := es[0]
		if e.Action != "signin_failed" || e.UserID != 0 || e.ItemID != 0 {
			t.Errorf("entry = %+v", e)
		}
		if e.At.Before(before) {
			t.Errorf("an entry without a time got %v, want now", e.At)
		}
	})
}
