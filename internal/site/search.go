package site

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/store"
)

// maxQueryBytes is as much of a query as is read; the analyser bounds the
// terms further.
const maxQueryBytes = 512

// searchKinds are the kinds a search can be narrowed to, in the form's
// order.
var searchKinds = []string{store.KindNews, store.KindEvent, store.KindMaterial, store.KindOrganisation, store.KindPage}

type searchResult struct {
	Title   []search.Fragment
	URL     string
	Kind    string
	Date    string
	DateISO string
	Snippet []search.Fragment
}

type otherLanguage struct {
	Lang, Name, URL string
	Count           int
	Label           string
}

type searchView struct {
	pageView
	Query     string
	Kinds     []option
	Results   []searchResult
	Count     string
	Pager     *pager
	Elsewhere []otherLanguage
	Searched  bool
	Empty     string
}

// search answers the search page: the query in q, narrowed to a kind by
// kind, analysed by the reader's language. Whatever was typed, the
// answer is a page: the analyser turns any input into a bounded list of
// plain terms, and the store quotes each.
func (h *handler) search(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, p content.Page, pv pageView) {
	page, ok := pageNumber(r)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	ctx := r.Context()
	tr := pv.tr
	in := r.URL.Query()
	q := cleanQuery(in.Get("q"))
	kind := in.Get("kind")
	if !slices.Contains(searchKinds, kind) {
		kind = ""
	}
	v := searchView{pageView: pv, Query: q}
	v.Kinds = append(v.Kinds, option{Value: "", Label: tr.T("filter_any"), Selected: kind == ""})
	for _, k := range searchKinds {
		v.Kinds = append(v.Kinds, option{Value: k, Label: tr.T("kind_" + k), Selected: k == kind})
	}
	base := h.pagePath(p, l)
	terms := search.Query(l.Code, q)
	if len(terms) > 0 {
		v.Searched = true
		hits, total, err := h.st.Search(ctx, store.SearchQuery{Lang: l.Code, Terms: terms, Kind: kind, Limit: perPage, Offset: (page - 1) * perPage})
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		for _, hit := range hits {
			v.Results = append(v.Results, h.searchResult(d, l, hit, terms))
		}
		v.Count = tr.N("results_count", total)
		if total > store.SearchCountMax {
			v.Count = tr.N("results_more", store.SearchCountMax)
			total = store.SearchCountMax
		}
		kept := url.Values{"q": {q}}
		if kind != "" {
			kept.Set("kind", kind)
		}
		v.Pager = newPager(tr, base, kept, page, total)
		if total == 0 {
			v.Empty = tr.T("search_none")
			// Point to the languages where the same words find something,
			// each analysed by its own language's rules.
			for _, o := range h.langs.All() {
				if o.Code == l.Code {
					continue
				}
				n, err := h.st.SearchCount(ctx, o.Code, kind, search.Query(o.Code, q))
				if err != nil {
					h.serverError(w, r, err)
					return
				}
				if n == 0 {
					continue
				}
				path := ""
				if sp, ok := d.pageByLayout(content.LayoutSearch); ok {
					path = h.pagePath(sp, o)
				}
				if path == "" {
					continue
				}
				name := tr.T("lang_" + o.Code)
				v.Elsewhere = append(v.Elsewhere, otherLanguage{Lang: o.Code, Name: o.Name, Count: n,
					URL:   path + "?" + kept.Encode(),
					Label: tr.N("results_in", n, "Language", name)})
			}
		}
	} else if q != "" {
		v.Searched = true
		v.Empty = tr.T("search_no_words")
	}
	if q != "" {
		v.Title = tr.T("search_title", "Query", q)
		v.Canonical = h.absolute(base)
		v.Switcher = nil
		for _, o := range h.langs.All() {
			u := "/" + o.Code + "/"
			if sp, ok := d.pageByLayout(content.LayoutSearch); ok {
				if path := h.pagePath(sp, o); path != "" {
					u = path + "?q=" + url.QueryEscape(q)
				}
			}
			v.Switcher = append(v.Switcher, langLink{Lang: o.Code, Name: o.Name, URL: u, Current: o.Code == l.Code})
		}
	}
	if page > 1 {
		v.Title += " — " + tr.T("page_n", "Number", strconv.Itoa(page))
	}
	rememberLanguage(w, r, l.Code)
	// A results page is for one reader; search engines get the empty form.
	w.Header().Set("X-Robots-Tag", "noindex")
	h.render(w, r, http.StatusOK, "search", &v)
}

func (h *handler) searchResult(d siteData, l lang.Language, hit store.SearchHit, terms []string) searchResult {
	tr := h.cat.For(l.Code)
	res := searchResult{
		Title:   search.Snippet(hit.Lang, hit.Title, terms, 1<<20),
		Kind:    tr.T("kind_" + hit.Kind),
		Snippet: search.Snippet(hit.Lang, snippetSource(hit.Text), terms, 240),
	}
	switch {
	case hit.Kind == store.KindPage && hit.Slug == "":
		res.URL = "/" + l.Code + "/"
	case hit.Parent == "":
		res.URL = "/" + l.Code + "/" + hit.Slug
	default:
		if p, ok := d.pageByLayout(content.Layout(hit.Parent)); ok {
			if base := h.pagePath(p, l); base != "" {
				res.URL = base + "/" + hit.Slug
			}
		}
	}
	if !hit.Date.IsZero() && hit.Kind != store.KindPage && hit.Kind != store.KindOrganisation {
		local := hit.Date.In(h.loc)
		res.Date, res.DateISO = tr.Date(local), local.Format("2006-01-02")
	}
	return res
}

// cleanQuery keeps at most maxQueryBytes of what was typed, as valid
// UTF-8 without control characters, fit to be shown back in the form.
func cleanQuery(q string) string {
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes]
	}
	q = strings.ToValidUTF8(q, "")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	return strings.TrimSpace(q)
}

// snippetScan is how much of a text a snippet is looked for in: the
// words a reader looks for are nearly always near the start, and
// analysing a long report whole for two lines of context would cost more
// than the search itself.
const snippetScan = 3000

func snippetSource(text string) string {
	if len(text) <= snippetScan {
		return text
	}
	return strings.ToValidUTF8(text[:snippetScan], "")
}
