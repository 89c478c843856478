// Package wxr reads WordPress exports (WXR, the file Tools → Export
// writes) and imports them into a datka site.
//
// Reading (parse.go) streams the file through encoding/xml with limits on
// its size, the depth of its elements and their number, so that a hostile
// or broken file costs bounded memory and time; entities a file declares
// are never expanded. The decoder is lenient the way real exports need:
// HTML entities such as &nbsp; outside CDATA are known, unclosed elements
// are closed, and markup that a plugin wrote into an element without
// CDATA is kept as the element's text. What it keeps, in memory, is what
// an import needs: the site's address and language, authors, terms
// (categories, tags, and the taxonomies Polylang keeps its languages and
// translation groups in), and items with their post meta.
//
// Importing (import.go) plans every group before writing any, so that
// links between posts can point at their new addresses (links.go). Posts
// become news entries, pages plain pages, categories and tags the
// entries' tags, authors accounts without a password, and attachments
// files of the media library, read from a local copy of
// wp-content/uploads (through os.Root) or, without one, downloaded from
// public addresses only (fetch.go), and in either case put through the
// same checks as an upload. The versions of one post in several
// languages become one translation group, from Polylang's
// post_translations terms or the post meta of WPML's Export and Import
// (_wpml_import_translation_group); posts that name no language take the
// export's. Publication states map to the workflow's, and posts scheduled
// in WordPress are scheduled here. Bodies are HTML; they become the
// site's Markdown (html.go), which the site renders without raw HTML and
// sanitises, so that nothing of the imported markup reaches a page
// unchecked.
//
// Each imported item is remembered by the site's address and its
// WordPress ID (store's import_origins), written in the same transaction
// as what it became, so that a second run, or a run after an interrupted
// one, creates nothing twice. What cannot be imported is skipped and
// reported with the reason; nothing is dropped silently.
//
// The package imports content, store, media, lang and progress; only the
// command line imports it.
package wxr
