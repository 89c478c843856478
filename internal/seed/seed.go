// Package seed holds datka's default content: the website of the project
// "HERo — New narratives towards a gender equal society" in Russian, Kyrgyz
// and English, written from the client's partners page and the project's
// public facts. A new data folder is filled with it on first start.
//
// The content is Go values rather than files so that the compiler checks its
// shape. Slugs are left empty where the title should decide them: the store
// makes them with the same transliteration the admin uses. Russian and
// Kyrgyz texts are marked as awaiting a native speaker's review.
package seed

import (
	"slices"

	"github.com/datka-cms/datka/internal/content"
)

// Site is everything the default site is made of.
type Site struct {
	Pages         []content.Page
	Organisations []content.Organisation
	Entries       []content.Entry
	Settings      []content.Settings
}

// Default returns a fresh copy of the default content, pages in menu
// order; callers may change it.
func Default() Site {
	ps := append(pages(), sectionPages()...)
	slices.SortStableFunc(ps, func(a, b content.Page) int { return a.Position - b.Position })
	orgs := partners()
	orgs = append(orgs, governmentBodies()...)
	return Site{Pages: ps, Organisations: orgs, Entries: entries(), Settings: settings()}
}
