package content

import (
	"slices"
	"time"
)

// Role is what an account may do.
type Role string

const (
	// RoleAdmin may do everything, including managing accounts.
	RoleAdmin Role = "admin"
	// RoleEditor edits and publishes every kind of content in every language.
	RoleEditor Role = "editor"
	// RoleTranslator edits the languages given to them and sends their work
	// to review; they do not publish.
	RoleTranslator Role = "translator"
	// RoleAuthor writes drafts and sends them to review.
	RoleAuthor Role = "author"
)

// Roles lists the roles from most to least powerful.
func Roles() []Role { return []Role{RoleAdmin, RoleEditor, RoleTranslator, RoleAuthor} }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// User is an account of the admin.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	Languages    []string // for translators: the languages they may edit
	UILang       string   // the admin's language for this user
	Disabled     bool
	SessionEpoch int64
	HasPassword  bool
	CreatedAt    time.Time
}

// CanEditLang reports whether u may change text in lang.
func (u User) CanEditLang(lang string) bool {
	if u.Disabled {
		return false
	}
	if u.Role == RoleTranslator {
		return slices.Contains(u.Languages, lang)
	}
	return u.Role.Valid()
}

// CanPublish reports whether u may publish, unpublish and schedule.
func (u User) CanPublish() bool {
	return !u.Disabled && (u.Role == RoleAdmin || u.Role == RoleEditor)
}

// CanManageUsers reports whether u may create and change accounts.
func (u User) CanManageUsers() bool { return !u.Disabled && u.Role == RoleAdmin }

// CanEditStructure reports whether u may change what is language-neutral:
// websites, order, menus, settings.
func (u User) CanEditStructure() bool { return u.CanPublish() }

// AuditEntry is one line of the audit log: who did what, when.
type AuditEntry struct {
	ID        int64
	At        time.Time
	UserID    int64
	UserEmail string
	Action    string // "signin", "signin_failed", "user_create", "publish", …
	Kind      string // "page", "organisation", "user", …
	ItemID    int64
	Lang      string
	Detail    string
	Address   string
}
