package seed

import "github.com/datka-cms/datka/internal/content"

// sectionPages are the pages that list news, events and materials, and the
// search page.
func sectionPages() []content.Page { return nil }

// entries are the project's milestones as news posts and events.
func entries() []content.Entry { return nil }
