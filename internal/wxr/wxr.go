// Package wxr reads WordPress exports (WXR, the file Tools → Export
// writes) and imports them into a datka site.
//
// Reading streams the file through encoding/xml with limits on its size,
// the depth of its elements and their number, so that a hostile or broken
// file costs bounded memory and time. The decoder is lenient the way real
// exports need: HTML entities such as &nbsp; outside CDATA are known, and
// markup that a plugin wrote into an element without CDATA is kept as the
// element's text. What it keeps is what an import needs: the site's
// address, authors, terms (categories, tags, and the taxonomies Polylang
// stores its languages and translation groups in), and items with their
// post meta.
//
// Importing (import.go) turns posts into news entries, pages into pages,
// authors into accounts without a password and attachments into files of
// the media library, found in a local copy of wp-content/uploads and put
// through the same checks as an upload. The versions of one post in
// several languages become one translation group, from Polylang's
// post_translations terms or the post meta of WPML's "Export and Import"
// (_wpml_import_translation_group). Bodies are HTML; they become the
// site's Markdown (html.go), which the site renders without raw HTML and
// sanitises, so that nothing of the imported markup reaches a page
// unchecked. Each imported item is remembered by the site's address and
// its WordPress ID, so that a second run creates nothing twice.
//
// The package imports content, store, media and lang; nothing imports it
// but the command line.
package wxr
