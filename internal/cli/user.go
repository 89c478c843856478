package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/mail"
	"os"
	"slices"
	"strings"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// userCmd manages accounts from the command line, for the administrator
// who has lost access to the admin or prefers a shell:
//
//	datka user list
//	datka user add [--role R] [--lang ky,ru] [--name N] EMAIL
//	datka user passwd EMAIL
//	datka user disable EMAIL
//	datka user enable EMAIL
//
// A new password is read from standard input (one line) when it is not a
// terminal, else generated and printed once.
func userCmd(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("user needs a subcommand: list, add, passwd, disable or enable")
	}
	db, err := cfg.Database()
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, db.URL)
	if err != nil {
		return err
	}
	defer st.Close()
	sub, args := args[0], args[1:]
	audit := func(action string, u content.User, detail string) error {
		return st.Audit(ctx, content.AuditEntry{Action: action, Kind: "user", ItemID: u.ID, UserEmail: "command line", Detail: detail})
	}
	switch sub {
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			state := "active"
			if u.Disabled {
				state = "disabled"
			}
			fmt.Fprintf(stdout, "%-32s %-10s %-8s %-9s %s\n", u.Email, u.Role, strings.Join(u.Languages, ","), state, u.Name)
		}
		return nil
	case "add":
		fs := flag.NewFlagSet("datka user add", flag.ContinueOnError)
		fs.SetOutput(stderr)
		role := fs.String("role", "editor", "the account's `role`: admin, editor, translator or author")
		langs := fs.String("lang", "", "for a translator: the `languages` they may edit, comma-separated")
		name := fs.String("name", "", "the person's `name`")
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return errors.New("user add takes one e-mail address")
		}
		u := content.User{Email: strings.TrimSpace(fs.Arg(0)), Name: *name, Role: content.Role(*role)}
		if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
			return fmt.Errorf("%q is not an e-mail address", u.Email)
		}
		if !u.Role.Valid() {
			return fmt.Errorf("unknown role %q: use admin, editor, translator or author", *role)
		}
		// The codes must be the site's, exactly as the admin's form checks
		// them: "ky, ru" or an unknown code would give rights to nothing.
		set, err := lang.NewSet(cfg.Languages)
		if err != nil {
			return err
		}
		for _, code := range strings.Split(*langs, ",") {
			code = strings.TrimSpace(code)
			if code == "" || slices.Contains(u.Languages, code) {
				continue
			}
			if _, ok := set.Get(code); !ok {
				return fmt.Errorf("unknown language %q: the site's languages are %s", code, strings.Join(set.Codes(), ", "))
			}
			u.Languages = append(u.Languages, code)
		}
		if u.Role == content.RoleTranslator && len(u.Languages) == 0 {
			return errors.New("a translator needs --lang with at least one language")
		}
		password, generated, err := newPassword(u.Email)
		if err != nil {
			return err
		}
		hash, err := auth.Hash(password, auth.DefaultParams)
		if err != nil {
			return err
		}
		if u.ID, err = st.CreateUser(ctx, u, hash); err != nil {
			if errors.Is(err, store.ErrDuplicate) {
				return fmt.Errorf("an account with the address %s exists already", u.Email)
			}
			return err
		}
		if err := audit("user_create", u, fmt.Sprintf("%s role=%s languages=%s", u.Email, u.Role, strings.Join(u.Languages, ","))); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Created %s (%s).\n", u.Email, u.Role)
		if generated {
			fmt.Fprintf(stdout, "Password: %s\n(shown only this once)\n", password)
		}
		return nil
	case "passwd", "disable", "enable":
		if len(args) != 1 {
			return fmt.Errorf("user %s takes one e-mail address", sub)
		}
		u, _, err := st.UserByEmail(ctx, args[0])
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no account has the address %s", args[0])
		}
		if err != nil {
			return err
		}
		if sub == "passwd" {
			password, generated, err := newPassword(u.Email)
			if err != nil {
				return err
			}
			hash, err := auth.Hash(password, auth.DefaultParams)
			if err != nil {
				return err
			}
			if _, err := st.SetPassword(ctx, u.ID, hash); err != nil {
				return err
			}
			if err := audit("password_reset", u, u.Email); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "New password set for %s; its other sessions have ended.\n", u.Email)
			if generated {
				fmt.Fprintf(stdout, "Password: %s\n(shown only this once)\n", password)
			}
			return nil
		}
		u.Disabled = sub == "disable"
		if u.Disabled && u.Role == content.RoleAdmin {
			n, err := st.CountActiveAdmins(ctx)
			if err != nil {
				return err
			}
			if n <= 1 {
				return errors.New("this is the last active administrator; appoint another one first")
			}
		}
		if err := st.UpdateUser(ctx, u); err != nil {
			return err
		}
		if err := audit("user_update", u, fmt.Sprintf("%s: disabled→%t", u.Email, u.Disabled)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s is now %s.\n", u.Email, map[bool]string{true: "disabled; all its sessions have ended", false: "enabled"}[u.Disabled])
		return nil
	}
	return fmt.Errorf("unknown user subcommand %q: use list, add, passwd, disable or enable", sub)
}

// newPassword reads a password from standard input when it is piped in,
// else generates one.
func newPassword(email string) (password string, generated bool, err error) {
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode()&os.ModeCharDevice == 0 {
		line, err := bufio.NewReader(io.LimitReader(os.Stdin, 4096)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		password = strings.TrimRight(line, "\r\n")
		if password != "" {
			if p := auth.NewPolicy().Check(password, email); p != "" {
				return "", false, fmt.Errorf("the password is refused: %s", strings.ReplaceAll(string(p), "_", " "))
			}
			return password, false, nil
		}
	}
	password, err = auth.GeneratePassword()
	return password, true, err
}
