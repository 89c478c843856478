package admin

import (
	"net/http"
	"slices"

	"github.com/datka-cms/datka/internal/content"
)

type boardCell struct {
	Code, Label string
	State       content.CellState
	URL         string
}

type boardRow struct {
	Kind, KindLabel, Title string
	Cells                  []boardCell
}

type boardCount struct {
	Code, Name string
	Counts     []stateCount
}

type stateCount struct {
	State content.CellState
	Label string
	N     int
	URL   string
}

type filterOption struct {
	Value, Label string
	Selected     bool
}

type boardView struct {
	chrome
	Langs      []filterOption
	Kinds      []filterOption
	States     []filterOption
	Columns    []boardCell
	Rows       []boardRow
	Counts     []boardCount
	Filtered   bool
	ShownCount int
}

// board is the translation board: every item × every language, with its
// state, filterable by language, kind and state ("what must I translate
// into Kyrgyz?").
func (h *handler) board(w http.ResponseWriter, r *http.Request) {
	items, err := h.st.Board(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	q := r.URL.Query()
	fLang, fKind, fState := q.Get("lang"), q.Get("kind"), content.CellState(q.Get("state"))
	if _, ok := h.langs.Get(fLang); !ok {
		fLang = ""
	}
	if !slices.Contains(itemKinds(), fKind) {
		fKind = ""
	}
	if !slices.Contains(content.CellStates(), fState) {
		fState = ""
	}
	v := boardView{chrome: h.newChrome(w, r, "admin_board"), Filtered: fLang != "" || fKind != "" || fState != ""}
	v.Langs = append(v.Langs, filterOption{"", v.T("admin_all_languages"), fLang == ""})
	for _, l := range h.langs.All() {
		v.Langs = append(v.Langs, filterOption{l.Code, l.Name, l.Code == fLang})
		if fLang == "" || fLang == l.Code {
			v.Columns = append(v.Columns, boardCell{Code: l.Code, Label: l.Name})
		}
	}
	v.Kinds = []filterOption{{"", v.T("admin_all_kinds"), fKind == ""}}
	for _, k := range itemKinds() {
		v.Kinds = append(v.Kinds, filterOption{k, v.T("kind_" + k), fKind == k})
	}
	v.States = append(v.States, filterOption{"", v.T("admin_all_states"), fState == ""})
	for _, s := range content.CellStates() {
		v.States = append(v.States, filterOption{string(s), v.T("state_" + string(s)), s == fState})
	}
	counts := map[string]map[content.CellState]int{}
	for _, it := range items {
		row := boardRow{Kind: it.Kind, KindLabel: v.T("kind_" + it.Kind), Title: it.Titles[it.SourceLang]}
		if row.Title == "" {
			for _, l := range h.langs.All() {
				if row.Title = it.Titles[l.Code]; row.Title != "" {
					break
				}
			}
		}
		match := fKind == "" || fKind == it.Kind
		anyState := false
		for _, l := range h.langs.All() {
			st := it.State(l.Code)
			if counts[l.Code] == nil {
				counts[l.Code] = map[content.CellState]int{}
			}
			counts[l.Code][st]++
			if fLang != "" && fLang != l.Code {
				continue
			}
			if fState == "" || fState == st {
				anyState = true
			}
			row.Cells = append(row.Cells, boardCell{Code: l.Code, State: st, Label: v.T("state_" + string(st)),
				URL: "/admin/edit/" + itoa(it.ID) + "/" + l.Code})
		}
		if match && anyState {
			v.Rows = append(v.Rows, row)
		}
	}
	v.ShownCount = len(v.Rows)
	for _, l := range h.langs.All() {
		c := boardCount{Code: l.Code, Name: l.Name}
		for _, s := range content.CellStates() {
			c.Counts = append(c.Counts, stateCount{State: s, Label: v.T("state_" + string(s)), N: counts[l.Code][s],
				URL: "/admin/board?lang=" + l.Code + "&state=" + string(s)})
		}
		v.Counts = append(v.Counts, c)
	}
	h.render(w, r, http.StatusOK, "board", &v)
}
