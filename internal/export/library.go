package export

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"html"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
)

//go:embed library.js
var libraryScript []byte

// The library's filters are a form whose answer the live site makes on
// each request; an archive cannot make it. So the export gathers the
// cards of every page of each library list, with the filter values each
// material matches (the data-facets the site writes on a material's
// card), into a script beside the list's first page, and library.js
// filters them in the browser when the form has been sent. Without
// JavaScript the list is the whole library, page by page, and a note
// says why the filters do nothing.

// libraryForm opens the filter form of a library list page.
var libraryForm = []byte(`<form class="filters" method="get"`)

// libCard is one material's card on a library list page.
type libCard struct {
	facets string
	html   []byte // the card's <li>, its links made relative to the list's first page
}

// library is what the crawl found of one library list.
type library struct {
	pages map[int][]libCard
	first []byte // the first page, rewritten, held until addLibraries
}

// libraryPage says whether target, whose answer is body, is a page of a
// library list, and if so returns the list's path and the page's number.
func libraryPage(target string, body []byte) (list string, page int, ok bool) {
	if !bytes.Contains(body, libraryForm) {
		return "", 0, false
	}
	list, q, _ := strings.Cut(target, "?")
	page = 1
	if n, found := strings.CutPrefix(q, "page="); found {
		var err error
		// ?page=1, should a link name it, is a copy of the first page.
		if page, err = strconv.Atoi(n); err != nil || page < 2 {
			return "", 0, false
		}
	} else if q != "" {
		return "", 0, false
	}
	return list, page, true
}

// libraryCards returns the cards of a library list page (its original
// HTML, links root-relative), each rewritten by rewrite. A card is an
// <li> with data-facets, as the entry-card template writes it; it holds
// no other <li>.
func libraryCards(body []byte, rewrite func([]byte) []byte) []libCard {
	const open = `<li class="entry-card" data-facets="`
	var cards []libCard
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(open))
		if j < 0 {
			return cards
		}
		start := i + j
		q := bytes.IndexByte(body[start+len(open):], '"')
		end := bytes.Index(body[start:], []byte("</li>"))
		if q < 0 || end < 0 {
			return cards
		}
		end += start + len("</li>")
		facets := html.UnescapeString(string(body[start+len(open) : start+len(open)+q]))
		cards = append(cards, libCard{facets: facets, html: rewrite(slices.Clone(body[start:end]))})
		i = end
	}
}

// libraryData is what library.js reads, as window.datkaLibrary.
type libraryData struct {
	// Cards are the list's materials in its order: their facets and the
	// card's HTML.
	Cards [][2]string `json:"cards"`
	// Count[n] says "n materials" in the page's language.
	Count []string `json:"count"`
	Empty string   `json:"empty"` // no material matches the filters
	Reset string   `json:"reset"` // the label of the link that clears them
	// Per and Pager are how pager.js pages the materials found.
	Per   int          `json:"per"`
	Pager *pagerLabels `json:"pager"`
}

// addLibraries writes, for each library list, the script of its cards
// and the list's first page, which loads it beside library.js.
func (e *exporter) addLibraries() error {
	if len(e.libraries) == 0 {
		return nil
	}
	script, err := e.addFile("/library/library", ".js", libraryScript)
	if err != nil {
		return err
	}
	pager, err := e.pager()
	if err != nil {
		return err
	}
	for _, u := range slices.Sorted(maps.Keys(e.libraries)) {
		lib := e.libraries[u]
		if lib.first == nil {
			continue
		}
		code, _, _ := strings.Cut(strings.TrimPrefix(u, "/"), "/")
		if _, ok := e.o.Languages.Get(code); !ok {
			code = e.o.Languages.Default().Code
		}
		tr := e.o.Catalog.For(code)
		d := libraryData{Cards: [][2]string{}, Empty: tr.T("library_empty"), Reset: tr.T("filter_reset"),
			Per: perPage, Pager: pagerFor(tr)}
		for _, n := range slices.Sorted(maps.Keys(lib.pages)) {
			for _, c := range lib.pages[n] {
				d.Cards = append(d.Cards, [2]string{c.facets, string(c.html)})
			}
		}
		for n := 0; n <= len(d.Cards); n++ {
			d.Count = append(d.Count, tr.N("materials_count", n))
		}
		js, err := json.Marshal(d)
		if err != nil {
			return err
		}
		data := slices.Concat([]byte("window.datkaLibrary="), js, []byte(";\n"))
		name := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
				return r
			}
			return '-'
		}, strings.Trim(u, "/"))
		index, err := e.addFile("/library/"+name, ".js", data)
		if err != nil {
			return err
		}
		// Without the script the form leads back to the whole list: say why.
		file := fileOf(u)
		body := withScripts(lib.first, path.Dir(file), []string{index, pager, script}, libraryForm, tr.T("library_filters_need_script"))
		if err := e.w.put(file, memFile(body)); err != nil {
			return err
		}
	}
	return nil
}
